"""Where the default profile spends its time: each rule's share inside the pipeline, against ftfy.

    python benchmarks/stages.py [--corpus clean|damaged|short|dense] [--repeats 5] [--profile default]

Each rule's ``edits`` is wrapped with a timer and the profile runs over the corpus
(benchmarks/corpus.py), alternating with ``ftfy.fix_text`` in the same process; the run
with the best pipeline/fix_text ratio is printed. A rule's figure is its time on the
text it really sees in the pipeline, as a multiple of fix_text's time (higher is
faster); "engine" is the rest (running the rules, protected spans, splicing) plus the
timers themselves.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import corpus
import ftfy

import textfix

CORPORA = {
    "clean": lambda: corpus.mostly_clean(400),
    "damaged": lambda: corpus.heavily_damaged(400),
    "short": lambda: corpus.short_strings(20_000),
    "dense": lambda: corpus.mostly_clean(400, target_share=1.0),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="clean")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--profile", default="default")
    args = parser.parse_args()
    texts = CORPORA[args.corpus]()
    pipeline = textfix.Pipeline(args.profile)
    spent: collections.Counter[str] = collections.Counter()
    calls: collections.Counter[str] = collections.Counter()
    wrapped = {}  # one timer per function: rules sharing edits (numbers' two digits passes) share it,
    for rule in pipeline.rules:  # as the engine needs to see that they are the same rule
        def timed(text, ctx, edits=rule.edits, rule_id=rule.id):
            start = time.perf_counter()
            found = edits(text, ctx)
            spent[rule_id] += time.perf_counter() - start
            calls[rule_id] += 1
            return found
        object.__setattr__(rule, "edits", wrapped.setdefault(rule.edits, timed))
    pipeline.stages = pipeline.stages  # plan again with the timed methods

    def run(fn) -> float:
        start = time.perf_counter()
        for text in texts:
            fn(text)
        return time.perf_counter() - start

    best = None
    for _ in range(args.repeats):
        base = run(ftfy.fix_text)
        spent.clear()
        calls.clear()
        total = run(pipeline.fix)
        if best is None or total / base < best[0]:
            best = (total / base, base, total, dict(spent), dict(calls))
    _, base, total, spent_best, calls_best = best
    print(f"{args.corpus}: {sum(map(len, texts)):,} characters; ftfy.fix_text {base * 1e3:.1f} ms; "
          f"{args.profile} {total * 1e3:.1f} ms = {base / total:.2f}x fix_text (best of {args.repeats})")
    for rule_id, seconds in sorted(spent_best.items(), key=lambda kv: -kv[1]):
        print(f"  {rule_id:30} {seconds * 1e3:7.1f} ms  {base / seconds:7.1f}x  calls {calls_best[rule_id]}")
    print(f"  {'engine (and timers)':30} {(total - sum(spent_best.values())) * 1e3:7.1f} ms")


if __name__ == "__main__":
    main()
