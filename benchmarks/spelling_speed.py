"""How fast can 12,000+ spelling variants be found? Tokenize-and-look-up against regex alternatives.

    python benchmarks/spelling_speed.py [--mb 1] [--repeat 3]

Three matchers find every variant of the en-US pack in the same text, one core:

- ``tokenize+dict``: textfix's SpellingRule (one Aho–Corasick pass, one dict lookup per candidate,
  with case forms, possessives, proper-noun protection and reports);
- ``re alternation``: one ``re`` pattern ``\\b(?:v1|v2|...)\\b`` over every case form, longest first;
- ``regex \\L<list>``: the ``regex`` module's named list ``\\b\\L<words>\\b``.

The text is the seed article plus sentences mixing British and neutral words, repeated to
``--mb`` megabytes. Prints compile time, throughput and whether the matchers agree.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textfix.catalog import Catalog  # noqa: E402
from textfix.spelling import SpellingRule, case_forms  # noqa: E402


def corpus(mapping: dict[str, str], megabytes: float) -> str:
    seed = (ROOT / "seeds" / "000_544037a258302635.txt").read_text(encoding="utf-8")
    rng = random.Random(0)
    variants = sorted(mapping)
    neutral = "the of and to in a is that for it as was with be by on not he this are or his from at".split()
    parts = [seed]
    size = len(seed)
    while size < megabytes * 1_000_000:
        words = [rng.choice(variants) if rng.random() < 0.05 else rng.choice(neutral) for _ in range(15)]
        sentence = " ".join(words).capitalize() + ". "
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)


def best(fn, text: str, repeat: int) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        found = fn(text)
        times.append(time.perf_counter() - t0)
    return min(times), found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--slow-mb", type=float, default=0.05,
                    help="text size for the two regex matchers (they are orders of magnitude slower)")
    args = ap.parse_args()
    pack = Catalog().load("spelling.en-US")
    mapping = {v: g.canonical for g in pack.groups("entries") for v, _ in g.variants}
    forms = sorted({f for v, t in mapping.items() for f, _, _ in case_forms(v, t)}, key=lambda s: (-len(s), s))
    text = corpus(mapping, args.mb)
    print(f"{len(mapping)} variants ({len(forms)} case forms); text {len(text) / 1e6:.2f} MB")

    t0 = time.perf_counter()
    rule = SpellingRule("bench", mapping, {}, [], [])
    build_dict = time.perf_counter() - t0
    t0 = time.perf_counter()
    alternation = re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b")
    build_re = time.perf_counter() - t0
    t0 = time.perf_counter()
    named = regex.compile(r"\b\L<words>\b", words=forms)
    build_regex = time.perf_counter() - t0

    small = text[: int(args.slow_mb * 1_000_000)]
    small = small[: small.rfind(" ")]
    rows = [
        ("tokenize+dict (textfix)", build_dict, lambda s: len(rule.edits(s)), text, args.repeat),
        ("tokenize+dict (textfix)", build_dict, lambda s: len(rule.edits(s)), small, args.repeat),
        ("re alternation", build_re, lambda s: sum(1 for _ in alternation.finditer(s)), small, 1),
        (r"regex \L<list>", build_regex, lambda s: sum(1 for _ in named.finditer(s)), small, 1),
    ]
    print(f"{'matcher':28} {'compile s':>10} {'text MB':>8} {'scan s':>8} {'MB/s':>8} {'matches':>8}")
    for name, build_time, fn, sample, repeat in rows:
        seconds, found = best(fn, sample, repeat)
        print(f"{name:28} {build_time:10.3f} {len(sample) / 1e6:8.3f} {seconds:8.3f} "
              f"{len(sample) / 1e6 / seconds:8.2f} {found:8}")
    clean = (ROOT / "seeds" / "000_544037a258302635.txt").read_text(encoding="utf-8").replace("neighbouring", "x")
    clean = clean.replace("programme", "x")
    seconds, _ = best(lambda s: len(rule.edits(s)), clean * 200, args.repeat)
    print(f"no candidate (prefilter only): {len(clean) * 200 / 1e6 / seconds:.1f} MB/s on American-clean news text")


if __name__ == "__main__":
    main()
