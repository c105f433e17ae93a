#!/usr/bin/env python3
"""Build textfix's dialect spelling packs from VarCon.

    python tools/build_spelling.py                      # writes rules/spelling/*.pack
    python tools/build_spelling.py --check              # exit 1 if the committed packs differ
    python tools/build_spelling.py --varcon PATH --out DIR --max-level 80

Reads ``../shared/data/varcon/varcon.txt`` (VarCon 2020.12.07, by Kevin Atkinson
and Benjamin Titze; its README holds the format and the permission notice) and
writes one pack per target:

``en-US``           British, Canadian and Australian spellings → American
``en-GB``           American, Canadian, Australian and Oxford -ize spellings → British -ise
``en-GB-oxendict``  American, Canadian, Australian and -ise spellings → Oxford -ize

How a line of VarCon becomes entries (see docs/spelling.md):

- A word is *preferred* in a dialect when it carries that dialect's tag with no
  variant mark or with ``.`` (equal). Implied tags follow VarCon's README: without
  ``Z`` tags on a line ``B`` implies ``Z``; without ``C`` tags ``Z`` implies ``C``;
  without ``D`` tags ``B`` implies ``D``.
- The target form of a line is the word the target dialect prefers with no
  mark (``A`` for en-US, ``B`` for en-GB, ``Z`` for en-GB-oxendict).
- Its variants are the other words of the line that some *other* dialect prefers,
  or marks as a common variant (``v``) while the target dialect has no tag for
  them at all (licenced, almanack in en-US). Rarer variants (``V - x``) and ``_``
  (other) words are never sources.
- A word the target dialect prefers anywhere in VarCon, in any usage group
  (program for software, meter the device, tire = exhaust, curb = restrain,
  story = tale, check = verify, draft = writing ...), is never rewritten: it goes
  to the pack's ``[ambiguous]`` section when another group would rewrite it, so
  ``--explain`` can report it. Groups marked ``(-)`` (rare or archaic senses:
  gray the unit, whiskey the code word) do not block a rewrite.
- A variant that two lines send to different forms is ambiguous too.
- Possessives are listed as VarCon gives them (``colour's``); the matcher also
  rewrites the stem of any other ``'s``/``’s`` form. Multi-word (``_``) and
  capitalized (proper) forms are left out, and so are clusters above SCOWL level
  ``--max-level`` (default 95; 99 holds only junk).
- Unverified clusters (no ``<verified>`` mark) contain mechanical guesses
  (ern → ren, eros → aeros, chelicerae → chelicere): a pair from one is kept only
  when its cluster is common (SCOWL level <= 60; a few listed guesses excepted),
  when it differs by -ise/-ize alone (never for advertise, surprise ... which are
  always -ise) or repeats a difference seen in a verified pair (``noncolours``
  has the verified ``colour``); see :func:`trusted_pairs`.

The output is sorted and deterministic; ``tests/test_spelling_build.py`` fails
when the committed packs differ from what this script builds.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_VARCON = ROOT.parent / "shared" / "data" / "varcon" / "varcon.txt"
DEFAULT_OUT = ROOT / "rules" / "spelling"
CATEGORIES = "ABZCD_"
PREFERRED = ("", ".")

TARGETS = {
    # target: (category, pack file stem, description)
    "en-US": ("A", "en-US", "British, Canadian and Australian spellings → American (en-US)"),
    "en-GB": ("B", "en-GB", "American, Canadian, Australian and Oxford -ize spellings → British -ise (en-GB)"),
    "en-GB-oxendict": ("Z", "en-GB-oxendict",
                       "American, Canadian, Australian and -ise spellings → British Oxford -ize (en-GB-oxendict)"),
}

NOTICE = """\
Derived from VarCon (Variant Conversion Info) version 2020.12.07,
http://wordlist.aspell.net/ -- by tools/build_spelling.py in textfix.
Copyright 2000-2020 by Kevin Atkinson (kevina@gnu.org) and Benjamin
Titze (btitze@protonmail.ch).

Copyright 2000-2019 by Kevin Atkinson

Permission to use, copy, modify, distribute and sell this array, the
associated software, and its documentation for any purpose is hereby
granted without fee, provided that the above copyright notice appears
in all copies and that both that copyright notice and this permission
notice appear in supporting documentation. Kevin Atkinson makes no
representations about the suitability of this array for any
purpose. It is provided "as is" without express or implied warranty.

Copyright 2016 by Benjamin Titze

Permission to use, copy, modify, distribute and sell this array, the
associated software, and its documentation for any purpose is hereby
granted without fee, provided that the above copyright notice appears
in all copies and that both that copyright notice and this permission
notice appear in supporting documentation. Benjamin Titze makes no
representations about the suitability of this array for any
purpose. It is provided "as is" without express or implied warranty.

Since the original words lists come from the Ispell distribution:

Copyright 1993, Geoff Kuenning, Granada Hills, CA
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions
are met:

1. Redistributions of source code must retain the above copyright
   notice, this list of conditions and the following disclaimer.
2. Redistributions in binary form must reproduce the above copyright
   notice, this list of conditions and the following disclaimer in the
   documentation and/or other materials provided with the distribution.
3. All modifications to the source code must be clearly marked as
   such.  Binary redistributions based on modified source code
   must be clearly marked as modified versions in the documentation
   and/or other materials provided with the distribution.
(clause 4 removed with permission from Geoff Kuenning)
5. The name of Geoff Kuenning may not be used to endorse or promote
   products derived from this software without specific prior
   written permission.

THIS SOFTWARE IS PROVIDED BY GEOFF KUENNING AND CONTRIBUTORS ``AS IS'' AND
ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE
ARE DISCLAIMED.  IN NO EVENT SHALL GEOFF KUENNING OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS
OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT
LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY
OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF
SUCH DAMAGE.

Modified: textfix keeps only the spelling mappings described in
docs/spelling.md, reorganized as textfix rule packs.
"""

_HEAD = re.compile(r"^# (\S+)(?: <verified>)? \(level (\d+)\)")
_WORD = re.compile(r"^[a-z]+(?:[-'][a-z]+)*$")


@dataclass
class Entry:
    word: str
    tags: dict[str, str]  # category -> variant mark ("" preferred, ".", "v", "V", "-", "x")
    columns: tuple[int, ...] = ()


@dataclass
class Line:
    entries: list[Entry]
    usage: str
    cluster: str
    level: int
    number: int


@dataclass
class Cluster:
    head: str
    level: int
    verified: bool = False
    lines: list[Line] = field(default_factory=list)


def parse_tags(text: str) -> tuple[dict[str, str], tuple[int, ...]]:
    tags: dict[str, str] = {}
    columns: list[int] = []
    for token in text.split():
        if token.isdigit():
            columns.append(int(token))
            continue
        cat, mark = token[0], token[1:]
        if cat not in CATEGORIES or mark not in ("", ".", "v", "V", "-", "x"):
            raise ValueError(f"bad tag {token!r}")
        tags[cat] = mark
    return tags, tuple(columns)


def parse_varcon(path: Path) -> list[Cluster]:
    clusters: list[Cluster] = []
    current: Cluster | None = None
    text = path.read_bytes().decode("latin-1")
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if not line:
            continue
        if line.startswith("##"):
            continue
        if line.startswith("#"):
            m = _HEAD.match(line)
            if not m:
                raise ValueError(f"{path}:{number}: bad cluster head {line!r}")
            current = Cluster(m.group(1), int(m.group(2)), "<verified>" in line)
            clusters.append(current)
            continue
        if current is None:
            raise ValueError(f"{path}:{number}: a line before the first cluster")
        body = line.split(" #", 1)[0]  # trailing comment
        parts = body.split(" | ")
        spellings, usage = parts[0], " | ".join(p.strip() for p in parts[1:])
        entries = []
        for item in spellings.split(" / "):
            tag_text, sep, word = item.partition(": ")
            if not sep:
                raise ValueError(f"{path}:{number}: expected 'TAGS: word' in {item!r}")
            tags, columns = parse_tags(tag_text)
            entries.append(Entry(word.strip(), tags, columns))
        # Implied tags (README): B implies Z, Z implies C, B implies D when the line has none.
        for cat, source in (("Z", "B"), ("C", "Z"), ("D", "B")):
            if not any(cat in e.tags for e in entries):
                for e in entries:
                    if source in e.tags:
                        e.tags[cat] = e.tags[source]
        current.lines.append(Line(entries, usage, current.head, current.level, number))
    return clusters


def usable(word: str) -> bool:
    """Single lower-case words (hyphen or inner apostrophe allowed)."""
    return bool(_WORD.match(word))


def preferred(entry: Entry, cat: str, marks=PREFERRED) -> bool:
    return cat in entry.tags and entry.tags[cat] in marks


def source(entry: Entry, cat: str, others: list[str]) -> bool:
    """May this word be rewritten to the target? Preferred elsewhere, or a common variant
    elsewhere (``v``) that the target dialect does not know at all (licenced, almanack)."""
    if any(preferred(entry, c) for c in others):
        return True
    return cat not in entry.tags and any(entry.tags.get(c) == "v" for c in others)


def describe(line: Line) -> str:
    return line.usage or line.cluster


# -ise words that are never -ize (the stem before "is"): an unverified -ize form of them is wrong.
ISE_ALWAYS_SUFFIX = ("advertis", "advis", "chastis", "compris", "compromis", "despis", "devis", "disguis", "excis",
                     "exercis", "franchis", "improvis", "merchandis", "premis", "revis", "supervis", "surmis",
                     "surpris", "televis", "enterpris", "expertis", "treatis", "promis", "otherwis", "precis",
                     "concis", "incis", "circumcis", "demis", "repris", "appris", "upris")
ISE_ALWAYS_WORD = frozenset({"aris", "ris", "wis", "cris", "pois", "nois", "rais", "prais", "cruis", "bruis"})


def _diff_key(british: str, american: str) -> str:
    """The British form up to just past its first difference from the American form."""
    i = 0
    while i < min(len(british), len(american)) and british[i] == american[i]:
        i += 1
    return british[: i + 3]


def _is_ize(british: str, american: str) -> bool:
    """Do the two forms differ only by -is-/-iz- (or -ys-/-yz-), outside the always -ise words?"""
    if len(british) != len(american):
        return False
    for i, (a, b) in enumerate(zip(british, american)):
        if a == b:
            continue
        if {a, b} != {"s", "z"} or i < 4 or british[i - 1] not in "iy":
            return False
        stem = british[:i] + "s"
        if stem in ISE_ALWAYS_WORD or stem.endswith(ISE_ALWAYS_SUFFIX):
            return False
    return True


# Mechanical guesses found in unverified clusters of common words (SCOWL level <= 60): never used.
JUNK = frozenset({"cardiae", "cardie", "costumire", "fayer", "fayre", "maters", "matres", "novenae", "novene",
                  "ecus", "oecus", "patinae", "patine", "patinaed", "patined", "perv", "prev"})
COMMON_LEVEL = 60


def trusted_pairs(pairs: dict[str, tuple[str, bool]], british_first) -> set[str]:
    """Variants whose pair is trustworthy: from a verified cluster, or a regular difference.

    Unverified VarCon clusters hold mechanical guesses (ern/ren, eros/aeros, chelicerae/chelicere).
    ``verified`` is True for pairs from verified clusters and from unverified clusters of common
    words (SCOWL level <= 60), less a few listed guesses (``JUNK``).
    An unverified pair is kept when it differs only by -ise/-ize, or when its first difference
    repeats one seen in a verified pair (the key ``...colour`` of ``noncolours`` ends with the
    verified key ``colour``).
    """
    verified_keys = {_diff_key(*british_first(v, t)) for v, (t, ok) in pairs.items() if ok}
    trusted = set()
    for variant, (target_form, verified) in pairs.items():
        british, american = british_first(variant, target_form)
        if variant.removesuffix("'s") in JUNK or target_form.removesuffix("'s") in JUNK:
            continue
        if verified or _is_ize(british, american):
            trusted.add(variant)
            continue
        key = _diff_key(british, american)
        if any(key[j:] in verified_keys for j in range(len(key) - 3)):
            trusted.add(variant)
    return trusted


@dataclass
class Built:
    target: str
    mapping: dict[str, str]  # variant -> target form
    ambiguous: dict[str, str]  # word -> note


def build_target(clusters: list[Cluster], target: str, max_level: int) -> Built:
    cat = TARGETS[target][0]
    others = [c for c in "ABZCD" if c != cat]
    lines = [line for cl in clusters if cl.level <= max_level for line in cl.lines]
    verified_lines = {id(line) for cl in clusters if cl.verified for line in cl.lines}
    # Every word the target dialect prefers somewhere (any usage group, any level): never rewritten.
    # Rare or archaic senses, marked "(-)", do not block a rewrite (gray the unit, whiskey the code word).
    keep: dict[str, list[Line]] = defaultdict(list)
    for cl in clusters:
        for line in cl.lines:
            if "(-)" in line.usage:
                continue
            for e in line.entries:
                if preferred(e, cat):
                    keep[e.word.lower()].append(line)
    proposals: dict[str, dict[str, list[Line]]] = defaultdict(lambda: defaultdict(list))
    for line in lines:
        canon = sorted({e.word for e in line.entries if preferred(e, cat, ("",))})
        if not canon:
            continue
        for e in line.entries:
            if e.word in canon or not source(e, cat, others):
                continue
            if len(canon) == 1:
                target_form = canon[0]
            else:  # several target forms on one line: pair by column when VarCon numbers them
                same = [x.word for x in line.entries
                        if x.word in canon and set(x.columns) & set(e.columns)]
                if len(set(same)) != 1:
                    continue
                target_form = same[0]
            if not (usable(e.word) and usable(target_form)):
                continue
            proposals[e.word][target_form].append(line)
    mapping: dict[str, str] = {}
    ambiguous: dict[str, str] = {}
    # en-US rewrites British-like forms to American ones; the British targets the other way round.
    british_first = (lambda v, t: (v, t)) if target == "en-US" else (lambda v, t: (t, v))
    single = {w: next(iter(ts)) for w, ts in proposals.items() if len(ts) == 1 and w not in keep}
    trusted = trusted_pairs({w: (t, any(id(x) in verified_lines or x.level <= COMMON_LEVEL
                                         for x in proposals[w][t]))
                             for w, t in single.items()}, british_first)
    for word, targets in proposals.items():
        if word in single and word not in trusted:
            continue
        if word in keep:
            kept = sorted({describe(line) for line in keep[word]})
            to = "; ".join(f"{t} ({', '.join(sorted({describe(x) for x in ls}))})" for t, ls in sorted(targets.items()))
            ambiguous[word] = f"{to}, but {word} in {target} for: {', '.join(kept)}"
        elif len(targets) > 1:
            ambiguous[word] = "; ".join(f"{t} ({', '.join(sorted({describe(x) for x in ls}))})"
                                        for t, ls in sorted(targets.items()))
        else:
            mapping[word] = next(iter(targets))
    # A target form that is itself rewritten elsewhere would make a chain: keep it ambiguous instead.
    for word, form in list(mapping.items()):
        if form in mapping:
            del mapping[word]
            ambiguous[word] = f"{form} (but {form} → {mapping[form]} elsewhere)"
    return Built(target, mapping, ambiguous)


def render(built: Built, max_level: int) -> str:
    _, stem, description = TARGETS[built.target]
    groups: dict[str, list[str]] = defaultdict(list)
    for variant, form in built.mapping.items():
        groups[form].append(variant)
    out = ["# Generated by tools/build_spelling.py from VarCon; do not edit by hand.",
           "# Regenerate: python tools/build_spelling.py  (reads ../shared/data/varcon/varcon.txt)",
           f"# {len(built.mapping)} word forms under {len(groups)} target forms; clusters up to SCOWL level {max_level}.",
           "# Possessives VarCon lists are here; the matcher also handles 's / ’s after any listed form.",
           "#"]
    out += [("# " + line).rstrip() for line in NOTICE.splitlines()]
    out += [
        f"id: spelling.{stem}",
        "kind: spelling",
        f"target: {built.target}",
        "protect: spelling.proper-nouns",
        f"description: {description}",
        "source: VarCon 2020.12.07 (http://wordlist.aspell.net/), varcon.txt; see NOTICE",
        "licence: VarCon permission notice (above and in rules/spelling/NOTICE)",
        "---",
        "# Target form unindented, the spellings rewritten to it indented under it.",
        "[entries]",
    ]
    for form in sorted(groups):
        out.append(form)
        out.extend("    " + v for v in sorted(groups[form]))
    out += ["",
            "# Words left as written: another usage group would rewrite them, but the target",
            "# dialect uses them as they are in some sense. Reported by --explain, never rewritten.",
            "# word: what VarCon says",
            "[ambiguous]"]
    out.extend(f"{word}: {note}" for word, note in sorted(built.ambiguous.items()))
    return "\n".join(out) + "\n"


def build_all(varcon: Path, max_level: int = 95) -> dict[str, str]:
    """File name -> content for every generated file."""
    clusters = parse_varcon(varcon)
    files = {f"{TARGETS[t][1]}.pack": render(build_target(clusters, t, max_level), max_level) for t in TARGETS}
    files["NOTICE"] = NOTICE
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--varcon", type=Path, default=DEFAULT_VARCON, help="path to varcon.txt")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the packs")
    ap.add_argument("--max-level", type=int, default=95, help="highest SCOWL level of clusters to use")
    ap.add_argument("--check", action="store_true", help="only compare with the files in --out")
    args = ap.parse_args(argv)
    if not args.varcon.is_file():
        print(f"error: {args.varcon} not found; pass --varcon PATH/varcon.txt", file=sys.stderr)
        return 2
    files = build_all(args.varcon, args.max_level)
    stale = [name for name, content in files.items()
             if not (args.out / name).is_file() or (args.out / name).read_text(encoding="utf-8") != content]
    if args.check:
        for name in stale:
            print(f"{args.out / name} differs from what tools/build_spelling.py builds", file=sys.stderr)
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (args.out / name).write_text(content, encoding="utf-8", newline="\n")
    for name in sorted(files):
        print(f"wrote {args.out / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
