"""Speed of the names stage on a generated news-like corpus, side by side with ftfy.fix_text.

    python benchmarks/names_speed.py [--mb 2] [--repeat 3]

The corpus: English news sentences (curly quotes, possessives, numbers) in which
about one sentence in three mentions a name of the news pack, half of them in a
variant spelling. Reported, one core, best of --repeat runs:

- the names stage (a names-only profile, through Pipeline.fix) on the corpus as one
  text, as documents of about 2 KB and as short strings (one sentence each);
- ftfy.fix_text on the same documents and short strings, and the ratios;
- for scale, the same names matched the naive way: one regular expression per entry.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ftfy  # noqa: E402

import textfix  # noqa: E402
from textfix.catalog import Catalog  # noqa: E402
from textfix.names.model import load_names  # noqa: E402

SENTENCES = [
    "The ministry said on Tuesday that talks with {name} would resume after the holiday.",
    "“We are committed to peace,” {name} told reporters in a statement late on Monday.",
    "Officials close to {name} said the convoy was attacked near the border crossing.",
    "Analysts say {name}’s influence has grown since the ceasefire collapsed last spring.",
    "A spokesman for {name} denied the report, calling it “baseless and irresponsible.”",
]
FILLER = [
    "Markets rose 2.3 percent in early trading as investors weighed the central bank’s decision.",
    "The company reported revenue of $4.1 billion, beating analysts’ expectations for the quarter.",
    "Heavy rain is expected across the region through the weekend, forecasters said.",
    "The committee will publish its findings in a report due before the end of the year.",
    "Residents said the power had been out for three days and water supplies were running low.",
    "He declined to comment on the negotiations, saying only that “everything is on the table.”",
]


def sentences(docs: list[str]) -> list[str]:
    """The documents cut into their sentences: short strings, as from social media."""
    return [s + " " for doc in docs for s in doc.rstrip().split(". ") if s]


def corpus(megabytes: float, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    entries = load_names([Catalog().load("names.news")]).entries
    docs, size = [], 0
    while size < megabytes * 1_000_000:
        lines = []
        while sum(map(len, lines)) < 2000:
            if rng.random() < 0.33:
                entry = rng.choice(entries)
                name = rng.choice(entry.variants) if entry.variants and rng.random() < 0.5 else entry.canonical
                lines.append(rng.choice(SENTENCES).format(name=name))
            else:
                lines.append(rng.choice(FILLER))
        doc = " ".join(lines) + "\n"
        docs.append(doc)
        size += len(doc)
    return docs


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    docs = corpus(args.mb)
    text = "".join(docs)
    chars = len(text)
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "names-only.pack"
        profile.write_text("id: names-only\nkind: profile\ndescription: names\nsource: bench\nlicence: MIT\n---\n"
                           "[packs]\nnames.news\n", encoding="utf-8")
        start = time.perf_counter()
        pipeline = textfix.Pipeline(str(profile))
        build = time.perf_counter() - start

    changed = sum(pipeline.fix(d) != d for d in docs)
    t_one = best(lambda: pipeline.fix(text), args.repeat)
    t_docs = best(lambda: [pipeline.fix(d) for d in docs], args.repeat)
    t_ftfy = best(lambda: [ftfy.fix_text(d) for d in docs], args.repeat)
    short = sentences(docs)
    t_short = best(lambda: [pipeline.fix(s) for s in short], args.repeat)
    t_short_ftfy = best(lambda: [ftfy.fix_text(s) for s in short], args.repeat)

    entries = load_names([Catalog().load("names.news")]).entries
    naive = [re.compile(r"\b(?:" + "|".join(re.escape(f) for f in (e.canonical, *e.variants)) + r")\b", re.I)
             for e in entries]
    t_naive = best(lambda: [p.findall(text) for p in naive], 1)

    def rate(t: float) -> str:
        return f"{chars / t / 1e6:7.2f} M chars/s"

    print(f"corpus: {len(docs)} documents, {chars:,} characters; {changed} documents get a name rewritten")
    print(f"names pipeline build (parse, check, compile):  {build * 1000:7.1f} ms")
    print(f"names stage, one text:                         {rate(t_one)}")
    print(f"names stage, {len(docs)} documents of ~2 KB:      {rate(t_docs)}")
    print(f"ftfy.fix_text, same documents:                 {rate(t_ftfy)}")
    print(f"ratio names / ftfy.fix_text (documents):       {t_ftfy / t_docs:7.1f}x")
    print(f"names stage, {len(short)} short strings:         {rate(t_short * chars / sum(map(len, short)))}")
    print(f"ratio names / ftfy.fix_text (short strings):   {t_short_ftfy / t_short:7.1f}x")
    print(f"naive, one regex per entry (matching only):    {rate(t_naive)}")


if __name__ == "__main__":
    main()
