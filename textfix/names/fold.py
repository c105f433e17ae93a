"""How names are compared: folding case, diacritics and separators.

Two spellings that differ only in letter case, diacritics (``Erdoğan`` /
``Erdogan``) or the separators between their words (space, no-break space,
hyphen, apostrophe: ``Kim Jong-un`` / ``Kim Jong Un``) have the same *key*
and count as the same form. A key is the folded words joined by one space.

>>> key("Kim Jong-un") == key("KIM JONG UN") == "kim jong un"
True
>>> key("Recep Tayyip Erdoğan")
'recep tayyip erdogan'
>>> key("al-Qa’ida")
'al qa ida'
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache

# Characters that may stand between the words of one name (one of them, once).
SEPARATORS = " \u00a0\u202f\u2009\t\n-\u2010\u2011'\u2019\u2018\u02bc\u02bb\u02be\u02bf`\u00b4"
WHITESPACE_SEPARATORS = " \u00a0\u202f\u2009\t\n"
_SPLIT = re.compile("[" + re.escape(SEPARATORS) + "]+")
# Letters with no decomposition that still read as a base letter.
_EXTRA = {"ø": "o", "đ": "d", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t", "ŀ": "l", "ð": "d", "þ": "th",
          "æ": "ae", "œ": "oe", "ß": "ss"}


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One word, lowercased, without diacritics."""
    if word.isascii():
        return word.lower()
    out = []
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.category(ch).startswith("M"):
            continue
        low = ch.lower()
        out.append(_EXTRA.get(low, low))
    return "".join(out)


def words(form: str) -> list[str]:
    """The words of a form, as written (separators dropped)."""
    return [w for w in _SPLIT.split(form) if w]


def key(form: str) -> str:
    """The folded key of a form: its folded words joined by single spaces."""
    return " ".join(fold_word(w) for w in words(form))


_LATIN_RANGES = [(0xC0, 0x24F), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF)]
_ACCENTED = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _LATIN_RANGES) + "]")


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Accented Latin letters (either case) -> their one lower-case ASCII letter."""
    table: dict[int, str] = {}
    for lo, hi in _LATIN_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            if ch.isalpha():
                folded = fold_word(ch)
                if len(folded) == 1 and folded.isascii():
                    table[cp] = folded
    return table


_ACCENTED_RUN = re.compile(_ACCENTED.pattern + "+")
# Characters beyond ASCII that fold_text may turn into ASCII letters: the accented Latin letters
# it translates (İ among them), the Kelvin sign (lower case: k) and the Angstrom sign (lower case:
# å). A text without them folds its ASCII letters only (tests/test_names_fast.py checks every
# character).
FOLDS_TO_ASCII = re.compile(_ACCENTED.pattern[:-1] + "\u212a\u212b]")
_FOLDS_TO_ASCII_RUN = re.compile(FOLDS_TO_ASCII.pattern + "+")
# The only character whose lower case is longer than itself (İ -> i̇); folded to i first.
_LONG_LOWER = "\u0130"  # tests/test_names.py checks that no other character is such


@lru_cache(maxsize=1)
def _ascii_letter_table() -> dict[int, str]:
    """What fold_text makes of each character of FOLDS_TO_ASCII that it makes an ASCII letter."""
    table = dict(_fold_table())
    table[0x212A] = "k"  # Kelvin sign
    table[0x212B] = "a"  # Angstrom sign
    return table


def fold_letters(text: str) -> str:
    """``text`` with each letter fold_text turns into an ASCII letter replaced by it, the rest as it is.

    Cheaper than fold_text when only the ASCII letters matter (the names matcher's view).

    >>> fold_letters("Erdoğan’s ÇAĞ İmamoğlu")
    'Erdogan’s cAg imamoglu'
    """
    if not FOLDS_TO_ASCII.search(text):
        return text
    table = _ascii_letter_table()
    return _FOLDS_TO_ASCII_RUN.sub(lambda m: m.group().translate(table), text)


def fold_text(text: str) -> str:
    """``text`` lowercased, without accents on Latin letters, every separator a space; as long as ``text``.

    >>> fold_text("Erdoğan’s ÇAĞ İmamoğlu, Kim Jong-un")
    'erdogan s cag imamoglu, kim jong un'
    """
    for ch in _LONG_LOWER:
        if ch in text:
            text = text.replace(ch, "I")
    for ch in SEPARATORS[1:]:
        if ch in text:
            text = text.replace(ch, " ")
    low = text.lower()
    if _ACCENTED.search(low):
        table = _fold_table()
        low = _ACCENTED_RUN.sub(lambda m: m.group().translate(table), low)
    return low


def is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M"


__all__ = ["FOLDS_TO_ASCII", "SEPARATORS", "WHITESPACE_SEPARATORS", "fold_letters", "fold_word", "is_mark",
           "fold_text", "key", "words"]
if __name__ == "__main__":  # pragma: no cover
    print(key(sys.argv[1]))
