#!/usr/bin/env python3
"""Compare textfix's en-US spelling pack with independent British → American lists.

    python tools/compare_spelling.py english.json dictionary_en-GB_to_en-US.txt [--examples 8]

Accepted inputs (not part of textfix; fetch them yourself):

- openai-whisper's ``whisper/normalizers/english.json`` (a JSON object british → american);
- codespell's ``codespell_lib/data/dictionary_en-GB_to_en-US.txt`` (``british->american`` lines;
  a line with several comma-separated suggestions counts as one pair per suggestion).

For every pair, textfix's en-US rule is run on the British word alone (lower case) and the
result sorted into: agrees; left as written because VarCon marks it ambiguous; left because
the word is an American form in textfix (VarCon lists it as American); rewritten to another
form; unknown to textfix, split into pairs that run the other way (the "British" side is the
American form in VarCon) and the rest.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textfix.catalog import Catalog  # noqa: E402
from textfix.spelling import SpellingRule  # noqa: E402

CATEGORIES = {
    "agree": "textfix makes the same change",
    "ambiguous": "left as written: VarCon splits the word by meaning (reported as ambiguous)",
    "american": "left as written: VarCon lists the word as an American spelling",
    "other-form": "rewritten to another form",
    "reversed": "unknown British form; the list's target is one textfix rewrites (pair runs American → British)",
    "unknown": "unknown to textfix",
    "unknown:american": "  of which VarCon lists the British word as American too (A or A.)",
    "unknown:variant-only": "  of which VarCon has the word only as a variant (v, V, -, x) or other (_)",
    "unknown:filtered": "  of which VarCon has the pair, dropped by the unverified-cluster filter or level",
    "unknown:absent": "  of which the word is not in VarCon at all",
}


def read_pairs(path: Path) -> list[tuple[str, str]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return sorted((k, v) for k, v in json.loads(text).items())
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "->" not in line:
            continue
        source, targets = line.split("->", 1)
        for target in targets.split(","):
            if target.strip():
                pairs.append((source.strip(), target.strip()))
    return pairs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lists", nargs="+", type=Path, help="english.json and/or dictionary_en-GB_to_en-US.txt")
    ap.add_argument("--examples", type=int, default=8, help="examples shown per category")
    ap.add_argument("--varcon", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "data"
                    / "varcon" / "varcon.txt", help="varcon.txt, to explain the unknown pairs (optional)")
    args = ap.parse_args(argv)
    pack = Catalog().load("spelling.en-US")
    mapping = {v: g.canonical for g in pack.groups("entries") for v, _ in g.variants}
    canonicals = {g.canonical for g in pack.groups("entries")}
    ambiguous = {}
    for item, _ in pack.items("ambiguous"):
        word, _, note = item.partition(": ")
        ambiguous[word] = note
    rule = SpellingRule("compare", mapping, ambiguous, (), ())
    tags: dict[str, set[str]] = defaultdict(set)  # word -> VarCon tags it carries anywhere
    if args.varcon.is_file():
        import importlib.util

        spec = importlib.util.spec_from_file_location("build_spelling", Path(__file__).with_name("build_spelling.py"))
        builder = importlib.util.module_from_spec(spec)
        sys.modules.setdefault("build_spelling", builder)
        spec.loader.exec_module(builder)
        for cluster in builder.parse_varcon(args.varcon):
            for line in cluster.lines:
                for entry in line.entries:
                    tags[entry.word].update(c + m for c, m in entry.tags.items())

    def fixed(word: str) -> str:
        out = word
        for edit in reversed(rule.edits(word)):
            out = out[: edit.start] + edit.after + out[edit.end :]
        return out

    for path in args.lists:
        pairs = read_pairs(path)
        found: dict[str, list[str]] = defaultdict(list)
        for british, american in pairs:
            got = fixed(british)
            if got == american:
                found["agree"].append(f"{british}→{american}")
            elif british.lower() in ambiguous:
                found["ambiguous"].append(f"{british}→{american} ({ambiguous[british.lower()][:60]})")
            elif got != british:
                found["other-form"].append(f"{british}→{american}, textfix: {got}")
            elif british.lower() in canonicals:
                found["american"].append(f"{british}→{american}")
            elif american.lower() in mapping:
                found["reversed"].append(f"{british}→{american} (textfix: {american}→{mapping[american.lower()]})")
            else:
                found["unknown"].append(f"{british}→{american}")
                if tags:
                    have = tags.get(british, set())
                    if not have:
                        sub = "absent"
                    elif have & {"A", "A."}:
                        sub = "american"
                    elif any(t[1:] in ("", ".") for t in have if t[0] in "BZCD"):
                        sub = "filtered"
                    else:
                        sub = "variant-only"
                    found["unknown:" + sub].append(f"{british}→{american} ({' '.join(sorted(have))})")
        total = len(pairs)
        print(f"\n{path.name}: {total} pairs")
        for key, label in CATEGORIES.items():
            items = found.get(key, [])
            print(f"  {len(items):5d} ({100 * len(items) / max(total, 1):5.1f}%)  {label}")
            for example in items[: args.examples]:
                print(f"           {example}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
