"""Damage real clean text with real codecs and with lossy chains; score textfix and ftfy side by side.

Corpus: the translated message catalogues found on any Debian machine
(``/usr/share/locale/*/LC_MESSAGES/*.mo``: glib, gtk, iso-codes, PAM, ... in ~200 languages and
many scripts, read with the standard ``gettext`` module), sampled deterministically per language,
plus the small committed sample ``benchmarks/data/multilingual.txt`` (curly quotes, daggers, dashes,
RTL, emoji). Only strings that are clean by textfix's own hygiene standard are kept (NFC, no
control characters but tab and newline, no HTML entity, no zero-width space or BOM), so "changed"
means a false repair, not a hygiene fix. Some catalogues ship mojibake themselves (``PrÃ¸v``,
``Â«``): a string holding a UTF-8 sequence read as Windows-1252 (a lead character such as
``Ã``/``Â`` followed by a continuation character) is left out, and the count is printed. So is a
string with a protected span (URL, e-mail address, `code span`: GNU's `quote' style makes many):
textfix by contract never rewrites inside one, even to repair it, while ftfy does.

Chains (``benchmarks/chains.py``): UTF-8 read as Windows-1252, Latin-1, Mac Roman, cp1251, cp437,
Windows-1252 twice; and the lossy chains: undefined Windows-1252 bytes dropped, replaced by U+FFFD,
replaced by ``?``, dropped then "repaired" by ftfy's ``restore_byte_a0`` (``†``), dropped then the
space after ``â€`` turned into a no-break space. A string counts for a chain only when the chain
changes it, and a lossy chain only when a byte is lost (otherwise it is the plain Windows-1252 chain).

Reported per chain, for textfix (``repair`` profile) and ``ftfy.fix_encoding``: damaged strings,
exact recoveries. For the lossy chains also the subset where only punctuation lost a byte (the
lost-byte letters of Cyrillic, Greek, Latin-1 ... are not restored: see docs/repair-lossy.md).
Then: clean strings changed, and idempotence (``f(f(x)) == f(x)``) over clean and damaged strings.

Usage: ``python benchmarks/damage.py [--per-language N] [--seed S]`` (default 40 strings a language).
"""

from __future__ import annotations

import argparse
import gettext
import hashlib
import html
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import chains  # noqa: E402

from textfix.protect import builtin_spans  # noqa: E402

LOCALE_DIR = Path("/usr/share/locale")
SAMPLE = ROOT / "benchmarks" / "data" / "multilingual.txt"
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_UNCLEAN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff\ud800-\udfff]")


_MOJIBAKE_PAIR = re.compile("[\u00c2-\u00df][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                            "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def has_mojibake(text: str) -> bool:
    """A two-byte UTF-8 sequence read as Windows-1252 (``Ã¸``, ``Â«``)."""
    return _MOJIBAKE_PAIR.search(text) is not None


def is_clean(text: str) -> bool:
    if _UNCLEAN.search(text) or not unicodedata.is_normalized("NFC", text):
        return False
    return not any(html.unescape(m.group()) != m.group() for m in _ENTITY.finditer(text))


SKIPPED: set[str] = set()
PROTECTED: set[str] = set()


def _rank(text: str, seed: str) -> str:
    return hashlib.sha1((seed + text).encode("utf-8")).hexdigest()


def catalogue_strings(per_language: int, seed: str) -> list[str]:
    """Up to ``per_language`` clean translated strings per language: half with non-ASCII
    punctuation (quotes, dashes, daggers), half any, chosen by a seeded hash."""
    by_lang: dict[str, set[str]] = {}
    for path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.mo")):
        try:
            with path.open("rb") as handle:
                catalog = gettext.GNUTranslations(handle)._catalog
        except (OSError, UnicodeDecodeError, ValueError, KeyError, IndexError):
            continue
        lang = path.parts[-3]
        bucket = by_lang.setdefault(lang, set())
        for key, value in catalog.items():
            if isinstance(value, str) and value and key and not value.isascii() and is_clean(value):
                if has_mojibake(value):
                    SKIPPED.add(value)
                elif builtin_spans(value):
                    PROTECTED.add(value)
                else:
                    bucket.add(value)
    picked: list[str] = []
    for lang in sorted(by_lang):
        strings = sorted(by_lang[lang], key=lambda s: _rank(s, seed))
        punct = [s for s in strings if any("\u2010" <= c <= "\u205e" for c in s)]
        half = per_language // 2
        chosen = punct[:half]
        chosen += [s for s in strings if s not in set(chosen)][: per_language - len(chosen)]
        picked.extend(chosen)
    return picked


def sample_strings() -> list[str]:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#") and is_clean(line)]


def punct_only(text: str) -> bool:
    """Every character that loses a byte in the lossy chains is General Punctuation."""
    return all("\u2000" <= c <= "\u206f" for c in text if chains.lossy_applies(c))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-language", type=int, default=40)
    parser.add_argument("--seed", default="textfix")
    args = parser.parse_args(argv)

    import ftfy

    import textfix

    corpus = sample_strings()
    source = f"{SAMPLE.relative_to(ROOT)} ({len(corpus)})"
    if LOCALE_DIR.is_dir():
        found = catalogue_strings(args.per_language, args.seed)
        source += (f" + {LOCALE_DIR} message catalogues ({len(found)}; left out: {len(SKIPPED)} strings "
                   f"holding mojibake already, {len(PROTECTED)} with a protected span)")
        corpus += found
    corpus = list(dict.fromkeys(corpus))
    print(f"corpus: {len(corpus)} clean strings from {source}")
    print(f"ftfy {ftfy.__version__}; textfix profile 'repair'\n")

    pipeline = textfix.Pipeline("repair")
    tools = {"textfix": pipeline.fix, "ftfy": ftfy.fix_encoding}
    seen: dict[str, list[str]] = {"textfix": [], "ftfy": []}  # tool inputs, for the idempotence check
    t0 = time.perf_counter()
    header = f"{'chain':<30}{'damaged':>8}{'textfix':>9}{'ftfy':>7}   punctuation-only: {'n':>5}{'textfix':>9}{'ftfy':>7}"
    print(header)
    print("-" * len(header))
    worst_gap = 0
    for name, damage in chains.CHAINS.items():
        pairs = []
        for clean in corpus:
            if name in chains.LOSSY and not chains.lossy_applies(clean):
                continue  # no byte lost: that is the plain utf8→cp1252 chain
            damaged = damage(clean)
            if damaged is not None and damaged != clean:
                pairs.append((clean, damaged))
        exact = {tool: 0 for tool in tools}
        exact_p = {tool: 0 for tool in tools}
        n_p = 0
        for clean, damaged in pairs:
            p = name in chains.LOSSY and punct_only(clean)
            n_p += p
            for tool, run in tools.items():
                ok = run(damaged) == clean
                exact[tool] += ok
                exact_p[tool] += ok and p
                seen[tool].append(damaged)
        n = len(pairs)
        worst_gap = min(worst_gap, exact["textfix"] - exact["ftfy"])

        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:6.1f}%" if b else "     -"

        extra = f"{n_p:>5}{pct(exact_p['textfix'], n_p):>9}{pct(exact_p['ftfy'], n_p):>7}" if name in chains.LOSSY else ""
        print(f"{name:<30}{n:>8}{pct(exact['textfix'], n):>9}{pct(exact['ftfy'], n):>7}   {'':>18}{extra}")
    print()
    for tool, run in tools.items():
        changed = [c for c in corpus if run(c) != c]
        print(f"{tool:<8} clean strings changed: {len(changed)} of {len(corpus)}")
        for c in changed[:5]:
            print(f"           {c!r} -> {run(c)!r}")
    for tool, run in tools.items():
        inputs = corpus + seen[tool]
        bad = [x for x in inputs if run(run(x)) != run(x)]
        print(f"{tool:<8} idempotence: {len(inputs) - len(bad)} of {len(inputs)} (f(f(x)) == f(x))")
        for x in bad[:3]:
            print(f"           {x!r} -> {run(x)!r} -> {run(run(x))!r}")
    print(f"\ntextfix exact recovery >= ftfy on every chain: {'yes' if worst_gap >= 0 else 'NO'}"
          f"  ({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
