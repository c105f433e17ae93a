"""The ``spelling`` kind: dialect spelling (en-US, en-GB, en-GB-oxendict).

Packs under ``rules/spelling/``:

- a *target pack* has ``target: en-US`` (or another target) in its header, an
  ``[entries]`` map (the target form unindented, the spellings rewritten to it
  indented under it) and an ``[ambiguous]`` list (``word: why``) of words left as
  written and reported; ``protect: ID, ...`` names the packs of protected names
  it always runs with;
- a *protection pack* (``target: all``) has a ``[phrases]`` list (names kept as
  written: ``Labour Party``) and a ``[name-heads]`` list (words that make a
  capitalized word before them a name at the start of a sentence: ``Party``) and
  a ``[names]`` list (single words that are names whenever capitalized: ``Tyre``).

The ``spelling`` option picks the target (unset: the target packs the profile
lists, en-US in the default profile): the stage runs the enabled packs for
that target (or, when the profile enables none for it, every catalog pack with
that target), the packs they name in ``protect`` and enabled ``target: all``
packs. ``off`` skips the stage.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import PackError
from ..packs import Pack, Section, check_mappings, read_header
from . import Kind, Option, Rule

TARGETS = ("en-US", "en-GB", "en-GB-oxendict")
ALL = "all"


def _target(pack: Pack) -> str:
    return pack.header.get("target", ALL)


def _protect_ids(pack: Pack) -> list[str]:
    return [p.strip() for p in pack.header.get("protect", "").split(",") if p.strip()]


def _select(packs: Sequence[Pack], options: Mapping[str, Any], catalog) -> list[Pack]:
    target = options.get("spelling")
    if target == "off":
        return []
    disabled = set(options.get("disable", ()))
    if target is None:  # no choice made: run the target packs the profile lists
        chosen = list(packs)
    else:
        chosen = [p for p in packs if _target(p) in (target, ALL)]
    if target is not None and not any(_target(p) == target for p in chosen):
        for pack_id in catalog.ids("spelling"):
            if pack_id in disabled:
                continue
            header, _, _ = read_header(catalog.path(pack_id))
            if header.get("target") == target:
                chosen.append(catalog.load(pack_id))
    have = {p.id for p in chosen}
    for pack in list(chosen):
        for pack_id in _protect_ids(pack):
            if pack_id not in have and pack_id not in disabled and catalog.path(pack_id) is not None:
                chosen.append(catalog.load(pack_id))
                have.add(pack_id)
    return chosen


def _check(packs: Sequence[Pack]) -> list[PackError]:
    errors = check_mappings(packs, "entries", key=str.lower)
    targets = sorted({_target(p) for p in packs if _target(p) != ALL})
    if len(targets) > 1:
        first = next(p for p in packs if _target(p) != ALL)
        errors.append(first.error(first.header_lines.get("target", 1),
                                  f"spelling packs for several targets run together ({', '.join(targets)}); "
                                  "choose one with the spelling option"))
    variants = {v.lower(): (p, line) for p in packs for g in p.groups("entries") for v, line in g.variants}
    seen: dict[str, tuple[Pack, int]] = {}
    for pack in packs:
        if pack.groups("entries") and _target(pack) == ALL:
            errors.append(pack.error(pack.header_lines.get("kind", 1),
                                     "a pack with [entries] needs 'target: en-US' (or en-GB, en-GB-oxendict)"))
        for pack_id in _protect_ids(pack):
            if not pack_id.startswith("spelling."):
                errors.append(pack.error(pack.header_lines["protect"], f"protect: {pack_id!r} is not a spelling pack id"))
        for item, line in pack.items("ambiguous"):
            word, sep, note = item.partition(": ")
            word = word.strip()
            if not sep or not word or not note.strip():
                errors.append(pack.error(line, f"expected 'word: why it is left as written', got {item!r}"))
                continue
            if word.lower() in variants:
                other, oline = variants[word.lower()]
                errors.append(pack.error(line, f"{word!r} is ambiguous here but rewritten at {other.path}:{oline}; "
                                         "keep one"))
            if word.lower() in seen:
                other, oline = seen[word.lower()]
                errors.append(pack.error(line, f"ambiguous word {word!r} listed twice (also at {other.path}:{oline})"))
            seen[word.lower()] = (pack, line)
        for item, line in pack.items("phrases"):
            if len(item.split()) < 2:
                errors.append(pack.error(line, f"a protected phrase needs two words or more, got {item!r}"))
        for item, line in pack.items("names"):
            if len(item.split()) != 1 or not item[:1].isupper():
                errors.append(pack.error(line, f"a name is one capitalized word, got {item!r}"))
        for item, line in pack.items("name-heads"):
            if len(item.split()) != 1:
                errors.append(pack.error(line, f"a name head is one word, got {item!r}"))
    return errors


def _build(packs: Sequence[Pack], options: Mapping[str, Any]) -> list[Rule]:
    from ..spelling import (
        SpellingRule,  # imported when a pipeline is built, not with the CLI
    )

    mapping: dict[str, str] = {}
    ambiguous: dict[str, str] = {}
    phrases: list[str] = []
    heads: list[str] = []
    names: list[str] = []
    for pack in packs:
        for group in pack.groups("entries"):
            for variant, _ in group.variants:
                mapping[variant] = group.canonical
        for item, _ in pack.items("ambiguous"):
            word, _, note = item.partition(": ")
            ambiguous[word.strip()] = note.strip()
        phrases.extend(item for item, _ in pack.items("phrases"))
        heads.extend(item for item, _ in pack.items("name-heads"))
        names.extend(item for item, _ in pack.items("names"))
    if not mapping and not ambiguous:
        return []
    targets = sorted({_target(p) for p in packs if _target(p) != ALL}) or [ALL]
    return [SpellingRule("spelling." + "+".join(targets), mapping, ambiguous, phrases, heads, names)]


KIND = Kind(
    name="spelling",
    order=30,
    description="Dialect spelling: en-US (default), en-GB (-ise) or en-GB-oxendict (-ize), proper nouns kept.",
    sections={
        "entries": Section("map"),
        "ambiguous": Section("list"),
        "phrases": Section("list"),
        "name-heads": Section("list"),
        "names": Section("list"),
    },
    header_keys=frozenset({"target", "protect"}),
    options=(
        Option("spelling", None, "Spelling target: en-US, en-GB (-ise), en-GB-oxendict (-ize) or off; "
               "unset, the profile's packs decide (en-US in the default profile).", str, (*TARGETS, "off")),
    ),
    build=_build,
    check=_check,
    select=_select,
)
