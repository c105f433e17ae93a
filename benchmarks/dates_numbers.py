"""Dates and numbers: textfix side by side with dateparser and text2num.

    python benchmarks/dates_numbers.py [--repeat N] [--json OUT]

The corpus is ``benchmarks/data/dates_numbers.toml`` (written for this project:
sentences with their expected outputs, negatives included). For each task the
script measures, per system, on the same sentences:

* precision and recall of the items it rewrites: dates (ISO values; a month and
  year counts at month precision) and numbers (values of number words turned to
  digits), against the gold items of each sentence (those in ``expected`` and not
  in ``text``);
* exact output: the share of sentences whose whole output equals ``expected``;
* speed: sentences per second on one core.

Competitors, used as a user would: ``dateparser.search.search_dates`` (each found
span replaced by its date, month precision when the span names no day) and
``text_to_num.alpha2digit`` (threshold 10, like AP). A competitor that is not
installed is skipped with a note (``pip install dateparser text2num``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import tomllib
from collections import Counter
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textfix.engine import Pipeline  # noqa: E402

CORPUS = ROOT / "benchmarks" / "data" / "dates_numbers.toml"
ISO = re.compile(r"\b\d{4}-\d\d(?:-\d\d)?\b")
NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?(?: (?:million|billion|trillion))?(?![\w])")
SCALE = {"million": 10**6, "billion": 10**9, "trillion": 10**12}


def number_value(text: str) -> float:
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?:st|nd|rd|th)?(?: (million|billion|trillion))?", text)
    if not m:
        return float("nan")
    return float(m.group(1).replace(",", "")) * SCALE.get(m.group(2) or "", 1)


def gold_dates(text: str, expected: str) -> list[str]:
    return list((Counter(ISO.findall(expected)) - Counter(ISO.findall(text))).elements())


def gold_numbers(text: str, expected: str) -> list[float]:
    found = Counter(number_value(m) for m in NUMBER.findall(expected))
    before = Counter(number_value(m) for m in NUMBER.findall(text))
    return list((found - before).elements())


def score(predictions: list, gold: list, same) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives), matching each gold item once."""
    left = list(gold)
    tp = fp = 0
    for p in predictions:
        for i, g in enumerate(left):
            if same(p, g):
                del left[i]
                tp += 1
                break
        else:
            fp += 1
    return tp, fp, len(left)


def same_date(p: str, g: str) -> bool:
    return p == g or len(g) == 7 and p[:7] == g and len(p) == 7


# -- systems: each returns (output text, predicted items) ------------------------------------------
class Textfix:
    name = "textfix"

    def __init__(self, reference: str) -> None:
        folder = Path(tempfile.mkdtemp())
        profile = folder / "bench.pack"
        profile.write_text("id: bench\nkind: profile\ndescription: dates and numbers only\nsource: benchmark\n"
                           "licence: MIT\n---\n[packs]\ndates.en\nnumbers.en\n", encoding="utf-8")
        self.pipeline = Pipeline(profile, reference_date=reference)

    def dates(self, text: str):
        explained = self.pipeline.explain(text)
        return explained.text, [c.after for c in explained.changes if c.rule.startswith("dates")]

    def fix(self, text: str) -> str:
        return self.pipeline.fix(text)

    timed_dates = timed_numbers = fix

    def numbers(self, text: str):
        explained = self.pipeline.explain(text)
        return explained.text, [number_value(c.after) for c in explained.changes if c.rule.endswith(".words")]


class Dateparser:
    name = "dateparser"

    def __init__(self, reference: str) -> None:
        from dateparser.search import search_dates

        self.search = search_dates
        ref = date.fromisoformat(reference)
        self.settings = {"RELATIVE_BASE": datetime(ref.year, ref.month, ref.day), "PREFER_DAY_OF_MONTH": "first"}

    def dates(self, text: str):
        found = self.search(text, languages=["en"], settings=self.settings) or []
        out, items = text, []
        for span, value in found:
            has_day = re.search(r"\d{1,2}(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"\b\d{4}\b", "", span)) or \
                re.search(r"\b(?:first|second|third|[a-z]+th)\b", span.lower())
            iso = value.date().isoformat() if has_day else value.strftime("%Y-%m")
            items.append(iso)
            out = out.replace(span, iso, 1)
        return out, items


class Text2num:
    name = "text2num"

    def __init__(self, reference: str) -> None:
        from text_to_num import alpha2digit

        self.alpha2digit = alpha2digit

    def numbers(self, text: str):
        out = self.alpha2digit(text, "en", threshold=10)
        added = Counter(number_value(m) for m in NUMBER.findall(out)) - \
            Counter(number_value(m) for m in NUMBER.findall(text))
        return out, list(added.elements())


def load(path: Path = CORPUS) -> dict:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for task in ("dates", "numbers"):
        for entry in data[task]:
            entry.setdefault("expected", entry["text"])
    return data


def run_task(system, task: str, entries: list[dict], repeat: int) -> dict:
    method = getattr(system, task)
    gold_of = gold_dates if task == "dates" else gold_numbers
    same = same_date if task == "dates" else (lambda p, g: abs(p - g) < 1e-6)
    tp = fp = fn = exact = negatives_changed = 0
    for entry in entries:
        out, items = method(entry["text"])
        gold = gold_of(entry["text"], entry["expected"])
        a, b, c = score(items, gold, same)
        tp, fp, fn = tp + a, fp + b, fn + c
        exact += out == entry["expected"]
        if entry["expected"] == entry["text"] and out != entry["text"]:
            negatives_changed += 1
    timed = getattr(system, f"timed_{task}", method)  # textfix: fix(), not explain()
    start = time.perf_counter()
    for _ in range(repeat):
        for entry in entries:
            timed(entry["text"])
    elapsed = time.perf_counter() - start
    return {
        "system": system.name, "task": task, "sentences": len(entries),
        "negatives": sum(e["expected"] == e["text"] for e in entries),
        "tp": tp, "fp": fp, "fn": fn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "exact": exact / len(entries),
        "negatives_changed": negatives_changed,
        "sentences_per_s": len(entries) * repeat / elapsed if elapsed else float("inf"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timing rounds over the corpus (default 5)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    data = load()
    reference = data["reference_date"]
    systems = {"dates": [Textfix], "numbers": [Textfix]}
    systems["dates"].append(Dateparser)
    systems["numbers"].append(Text2num)
    results = []
    for task in ("dates", "numbers"):
        for cls in systems[task]:
            try:
                system = cls(reference)
            except ImportError as exc:
                print(f"skipping {cls.name}: not installed ({exc.name}); pip install dateparser text2num")
                continue
            results.append(run_task(system, task, data[task], args.repeat))
            held = [e for e in data[task] if e.get("held_out")]
            if held:
                results.append({**run_task(system, task, held, args.repeat), "task": f"{task} (held out)"})
    print("| task | system | sentences (neg.) | precision | recall | TP/FP/FN | negatives changed | exact output "
          "| sentences/s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['task']} | {r['system']} | {r['sentences']} ({r['negatives']}) | {r['precision']:.3f} "
              f"| {r['recall']:.3f} | {r['tp']}/{r['fp']}/{r['fn']} | {r['negatives_changed']} "
              f"| {r['exact']:.3f} | {r['sentences_per_s']:,.0f} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
