"""Run ftfy's own test cases through textfix's ``repair`` profile and through ``ftfy.fix_encoding``.

The cases are read from ``../shared/data/ftfy-cases/`` (relative to the project root; pass another
folder as the first argument). Each case file is a JSON list of objects with ``original``,
``fixed``, optionally ``fixed-encoding``, and ``expect`` ("pass" or "fail").

Scoring, at the encoding level:

* The expected text is ``fixed-encoding`` when the case has it, else ``fixed``. When a case has
  both, an output equal to ``fixed`` is also a pass: textfix's hygiene does some of what
  ``ftfy.fix_text`` does beyond ``fix_encoding`` (HTML entities in plain text: ``&frac14;``;
  control characters: U+001A), so its output can legitimately be ftfy's *full* repair. The same
  rule applies to both tools.
* ``fixed`` is the output of ``ftfy.fix_text``, which also straightens curly quotes and apostrophes,
  breaks Latin ligatures, narrows fullwidth characters, normalizes to NFC and removes some control
  characters; ``fixed-encoding`` is the output of ``ftfy.fix_encoding`` alone. textfix's ``repair``
  profile keeps curly quotes, ligatures and widths (like ``fix_encoding``) but composes to NFC and
  decodes HTML entities (hygiene). So both tools' outputs and the expectation are compared after
  the same *presentation fold*: curly single and double quotes to straight ones, NFKC (which
  covers ligatures and widths). A fold never hides an encoding error: mojibake and its repair stay
  different after it. Both tools are scored by the same comparison.
* A U+FFFD in the expectation marks a character ftfy knows was lost (``â€�`` → ``�``). An output
  with any single character there passes too, and is counted as a *restored* character: textfix
  may restore the lost ``”`` from context, which is what the text said before the damage.
* A negative case is clean text. When its expectation is the input itself (after the fold: ftfy's
  ``fixed`` only straightens quotes) it passes only if the tool returns the input byte for byte:
  "clean text stays byte-identical" is the contract. One "mostly negative" case expects a C1
  control (U+0085) to become "…"; it is scored like a pass case.
* ``known-failures`` are cases ftfy gets wrong; the script counts how many of them textfix gets
  right (same fold).

Usage: ``python benchmarks/ftfy_cases.py [CASES_DIR] [-v]`` (``-v`` lists each failing case).
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "data" / "ftfy-cases"
FILES = ("in-the-wild", "synthetic", "language-names", "negative", "known-failures")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"'})


def fold(text: str) -> str:
    """Presentation differences that are not encoding repair: quote shapes, ligatures, widths, NFC."""
    return unicodedata.normalize("NFKC", text.translate(_QUOTES))


def expected_of(case: dict) -> str:
    return case.get("fixed-encoding", case["fixed"])


def unchanged_expected(case: dict) -> bool:
    return fold(expected_of(case)) == fold(case["original"])


def matches(output: str, expected: str) -> bool:
    """Equal after the fold, where each U+FFFD of ``expected`` may be any one character."""
    output, expected = fold(output), fold(expected)
    if "\ufffd" not in expected:
        return output == expected
    return len(output) == len(expected) and all(e == "\ufffd" or o == e for o, e in zip(output, expected))


def passes(name: str, case: dict, output: str) -> bool:
    if name == "negative" and unchanged_expected(case):
        return output == case["original"]
    return matches(output, expected_of(case)) or matches(output, case["fixed"])


def restored(case: dict, output: str) -> int:
    """How many of the expectation's U+FFFD the output fills with a real character."""
    expected = fold(expected_of(case))
    out = fold(output)
    if len(out) != len(expected):
        return 0
    return sum(e == "\ufffd" and o != "\ufffd" for o, e in zip(out, expected))


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    folder = Path(args[0]) if args else DEFAULT_DIR
    if not folder.is_dir():
        print(f"skipped: no ftfy test cases at {folder} (they come from ../shared/data/ftfy-cases)")
        return 0
    sys.path.insert(0, str(ROOT))
    import ftfy

    import textfix

    pipeline = textfix.Pipeline("repair")
    tools = {"textfix": pipeline.fix, "ftfy": ftfy.fix_encoding}
    print(f"ftfy {ftfy.__version__}; textfix profile 'repair'; cases from {folder}")
    print(f"{'file':<16}{'cases':>6}{'textfix':>9}{'ftfy':>6}")
    problems = 0
    for name in FILES:
        path = folder / f"{name}.json"
        if not path.exists():
            print(f"{name:<16} (missing)")
            continue
        cases = json.loads(path.read_text(encoding="utf-8"))
        score = {tool: 0 for tool in tools}
        failing = []
        filled = {tool: 0 for tool in tools}
        for case in cases:
            for tool, run in tools.items():
                out = run(case["original"])
                ok = passes(name, case, out)
                score[tool] += ok
                filled[tool] += restored(case, out) if ok else 0
                if tool == "textfix" and not ok:
                    failing.append((case, out))
        print(f"{name:<16}{len(cases):>6}{score['textfix']:>9}{score['ftfy']:>6}")
        if any(filled.values()):
            print(f"  lost characters (U+FFFD in the expectation) restored: textfix {filled['textfix']}, "
                  f"ftfy {filled['ftfy']}")
        if name == "negative":
            clean = [c for c in cases if unchanged_expected(c)]
            changed = {tool: sum(run(c["original"]) != c["original"] for c in clean) for tool, run in tools.items()}
            print(f"  clean negatives changed: textfix {changed['textfix']} of {len(clean)}, "
                  f"ftfy {changed['ftfy']} of {len(clean)}")
        if name == "known-failures":
            print(f"  textfix fixes {score['textfix']} of ftfy's {len(cases)} known failures")
        else:
            problems += len(failing)
        if verbose:
            for case, out in failing:
                print(f"    FAIL {case['label']!r}\n      in:   {case['original']!r}\n"
                      f"      want: {expected_of(case)!r}\n      got:  {out!r}")
    print("all pass cases pass and no negative case changes" if not problems
          else f"{problems} pass/negative case(s) fail in textfix")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
