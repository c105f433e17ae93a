"""The vocabulary of numbers, compiled from ``rules/numbers/*.pack`` once per pipeline."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import PackError
from ..packs import Pack, Section, check_mappings

SETTINGS_KEYS = frozenset({"group_spaces", "thousands_separator", "decimal_separators", "thousands_separators"})
SECTIONS = {
    "cardinals": Section("list"),
    "ordinals": Section("list"),
    "scales": Section("list"),
    "scale-ordinals": Section("list"),
    "joiners": Section("list"),
    "ordinal-suffixes": Section("list"),
    "idioms": Section("list"),
    "compound-words": Section("list"),
    "not-before": Section("list"),
    "not-near": Section("list"),
    "decimal-points": Section("list"),
    "decimal-units": Section("list"),
    "ordinal-leads": Section("list"),
    "replace": Section("map"),
    "settings": Section("settings", keys=SETTINGS_KEYS),
}
DEFAULTS = {"group_spaces": "U+0020 U+00A0 U+2009 U+202F", "thousands_separator": ",",
            "decimal_separators": "U+066B", "thousands_separators": "U+066C"}
_CODEPOINT = re.compile(r"U\+([0-9A-Fa-f]{4,6})")


@dataclass(frozen=True)
class NumberTables:
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    scales: dict[str, tuple[int, bool]]  # word -> (value, keep the word after the digits)
    scale_ordinals: dict[str, int]
    joiners: frozenset[str]
    suffixes: dict[int, str]  # 0..99 -> ordinal suffix
    idioms: tuple[str, ...]  # lowercase phrases
    compound_words: frozenset[str]
    not_before: frozenset[str]
    not_near_exact: frozenset[str]  # entries with a capital: matched as written (or in capitals)
    not_near_any: frozenset[str]  # lowercase entries: matched in any case
    replace: dict[str, str]  # lowercase variant -> canonical
    decimal_points: frozenset[str]
    decimal_units: frozenset[str]
    ordinal_leads: frozenset[str]
    group_spaces: str
    thousands_separator: str
    decimal_separators: str
    thousands_separators: str

    def suffix(self, value: int) -> str:
        return self.suffixes.get(value % 100, "th")

    def near_blocks(self, word: str) -> bool:
        return word in self.not_near_exact or word.lower() in self.not_near_any


def _pairs(pack: Pack, section: str, errors: list[PackError], extra: bool = False):
    for item, line in pack.items(section):
        parts = item.split()
        ok = len(parts) == 2 or extra and len(parts) == 3 and parts[2] == "word"
        if not ok or not parts[1].isdigit() or not parts[0].replace("-", "").isalpha():
            form = "'word value [word]'" if extra else "'word value'"
            errors.append(pack.error(line, f"expected {form}, got {item!r}"))
            continue
        yield parts, line


def _chars(value: str) -> str:
    return "".join(chr(int(m.group(1), 16)) for m in _CODEPOINT.finditer(value))


def check_packs(packs: Sequence[Pack]) -> list[PackError]:
    errors: list[PackError] = []
    seen: dict[str, tuple[Pack, int]] = {}
    for pack in packs:
        for section in ("cardinals", "ordinals", "scales", "scale-ordinals"):
            for parts, line in _pairs(pack, section, errors, extra=section == "scales"):
                word = parts[0].lower()
                if word in seen:
                    other, oline = seen[word]
                    errors.append(pack.error(line, f"{word!r} is already a number word at {other.path}:{oline}"))
                seen[word] = (pack, line)
                value = int(parts[1])
                if section in ("cardinals", "ordinals") and value > 90:
                    errors.append(pack.error(line, f"{word!r}: words above 90 are scales ([scales])"))
                if section.startswith("scale") and (value < 100 or str(value).strip("0") != "1"):
                    errors.append(pack.error(line, f"{word!r}: a scale is 100, 1000, 1000000 ..."))
        for item, line in pack.items("ordinal-suffixes"):
            parts = item.split()
            if len(parts) < 2 or not parts[0].isalpha() or not all(p.isdigit() and int(p) < 100 for p in parts[1:]):
                errors.append(pack.error(line, f"expected 'suffix digit ...' (e.g. 'st 1'), got {item!r}"))
        for key, value, line in pack.sections.get("settings", ()):
            if key != "thousands_separator" and not _chars(value):
                errors.append(pack.error(line, f"{key}: expected code points like U+00A0, got {value!r}"))
    errors.extend(check_mappings(packs, "replace", key=str.lower))
    return errors


def compile_tables(packs: Sequence[Pack]) -> NumberTables:
    cardinals: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    scales: dict[str, tuple[int, bool]] = {}
    scale_ordinals: dict[str, int] = {}
    suffix_spec: dict[str, tuple[set[int], set[int]]] = {}
    joiners: set[str] = set()
    idioms: list[str] = []
    compound: set[str] = set()
    not_before: set[str] = set()
    exact: set[str] = set()
    any_case: set[str] = set()
    replace: dict[str, str] = {}
    lists: dict[str, set[str]] = {"decimal-points": set(), "decimal-units": set(), "ordinal-leads": set()}
    settings: dict[str, str] = {}
    ignore: list[PackError] = []
    for pack in packs:
        for (word, value), _ in _pairs(pack, "cardinals", ignore):
            cardinals.setdefault(word.lower(), int(value))
        for (word, value), _ in _pairs(pack, "ordinals", ignore):
            ordinals.setdefault(word.lower(), int(value))
        for parts, _ in _pairs(pack, "scales", ignore, extra=True):
            scales.setdefault(parts[0].lower(), (int(parts[1]), len(parts) == 3))
        for (word, value), _ in _pairs(pack, "scale-ordinals", ignore):
            scale_ordinals.setdefault(word.lower(), int(value))
        for item, _ in pack.items("ordinal-suffixes"):
            suffix, *numbers = item.split()
            last, whole = suffix_spec.setdefault(suffix, (set(), set()))
            for n in map(int, numbers):
                (last if n < 10 else whole).add(n)
        joiners.update(item.lower() for item, _ in pack.items("joiners"))
        idioms.extend(" ".join(item.lower().split()) for item, _ in pack.items("idioms"))
        compound.update(item.lower() for item, _ in pack.items("compound-words"))
        not_before.update(item.lower() for item, _ in pack.items("not-before"))
        for item, _ in pack.items("not-near"):
            (any_case if item.islower() else exact).add(item)
        for name, found in lists.items():
            found.update(item.lower() for item, _ in pack.items(name))
        for group in pack.groups("replace"):
            for variant, _ in group.variants:
                replace.setdefault(variant.lower(), group.canonical)
        for key, value in pack.settings().items():
            settings.setdefault(key, value)
    settings = {**DEFAULTS, **settings}
    exact_numbers = {n for _, whole in suffix_spec.values() for n in whole}
    suffixes: dict[int, str] = {}
    for value in range(100):
        for suffix, (last, whole) in suffix_spec.items():
            if (value in whole) if value in exact_numbers else (value % 10 in last):
                suffixes.setdefault(value, suffix)
    return NumberTables(
        cardinals=cardinals, ordinals=ordinals, scales=scales, scale_ordinals=scale_ordinals,
        joiners=frozenset(joiners), suffixes=suffixes, idioms=tuple(dict.fromkeys(idioms)),
        compound_words=frozenset(compound), not_before=frozenset(not_before),
        not_near_exact=frozenset(exact | {e.upper() for e in exact}), not_near_any=frozenset(any_case),
        replace=replace,
        decimal_points=frozenset(lists["decimal-points"]),
        decimal_units=frozenset(lists["decimal-units"]),
        ordinal_leads=frozenset(lists["ordinal-leads"]),
        group_spaces=_chars(settings["group_spaces"]),
        thousands_separator=settings["thousands_separator"],
        decimal_separators=_chars(settings["decimal_separators"]),
        thousands_separators=_chars(settings["thousands_separators"]),
    )
