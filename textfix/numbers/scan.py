"""Fast regular expressions for finding words of a list (compiled once per pipeline).

``re`` scans fastest when a pattern starts with a character class it can skip
on in C (a *charset prefix*): a pattern that starts with a lookbehind, or with
a case-insensitive alternation, is tried at every position. :func:`word_pattern`
builds a pattern that matches exactly what ``(?<!B)(?:w1|w2|...)(?!A)`` matches
(``B``, ``A`` character classes) but starts with a class of the words' first
characters and reads the rest as a trie.

Exactness: the first character is checked with a one-character lookbehind
written with the same flags as the rest, so case-insensitive matching is
``re``'s own (including ``ſ`` for ``s`` and the Kelvin sign for ``k``); the
class is only a superset used to skip. Callers use it only when every word is
made of characters of ``A``'s complement's complement (word characters), so at
most one word can match at a position and the order of alternatives does not
matter.

:class:`WordScanner` goes further for ASCII words: it scans a copy of the text folded
to bytes with a pattern that starts with a literal space, and checks what the folding
hides (see there).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _trie(words: Iterable[str]) -> dict:
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _emit(node: dict) -> str:
    alternatives = [re.escape(ch) + _emit(sub) for ch, sub in sorted(node.items()) if ch]
    if not alternatives:
        return ""
    body = "(?:" + "|".join(alternatives) + ")"
    return body + "?" if "" in node else body


def first_class(chars: Iterable[str], ignorecase: bool) -> str:
    """A character class holding every character that can match one of ``chars`` (a superset)."""
    found: set[str] = set()
    for ch in chars:
        found.add(ch)
        if ignorecase:
            found.update(c for c in (ch.lower(), ch.upper(), ch.title(), ch.casefold()) if len(c) == 1)
    ascii_part = "".join(re.escape(c) for c in sorted(found) if c.isascii())
    if ignorecase:
        # Under re.IGNORECASE an ASCII letter also matches a few non-ASCII ones (ſ, K ...); a
        # non-ASCII letter may match many. Every non-ASCII character is let through to the check.
        return "[" + ascii_part + "\\x80-\\U0010ffff]"
    return "[" + ascii_part + "".join(re.escape(c) for c in sorted(found) if not c.isascii()) + "]"


def word_pattern(words: Iterable[str], before: str, after: str, ignorecase: bool) -> re.Pattern[str]:
    """Matches what ``(?<!before)(?:words)(?!after)`` matches (flags: IGNORECASE if asked).

    ``before`` and ``after`` are one-character classes such as ``[\\w'’]``.
    """
    words = sorted(set(words))
    if not words or any(not w for w in words):
        raise ValueError("no words, or an empty word")
    flag = "(?i:" if ignorecase else "(?:"
    root = _trie(words)
    parts = []
    for ch in sorted(root):
        parts.append("(?<=" + flag + re.escape(ch) + "))" + flag + _emit(root[ch]) + ")")
    source = (first_class(root, ignorecase) + "(?<!" + before + "(?s:.))(?:" + "|".join(parts) + ")(?!" + after + ")")
    return re.compile(source)


# The non-ASCII characters Python's re matches to an ASCII letter under IGNORECASE (İ and ı to
# i, ſ to s, the Kelvin sign to k). tests/test_numbers_fast.py checks this against every code point.
ASCII_CASE_FOLDS = "\u0130\u0131\u017f\u212a"


def has_case_folds(text: str) -> bool:
    """Whether ``text`` holds one of :data:`ASCII_CASE_FOLDS` (``isascii`` is O(1), then four ``in`` tests)."""
    return not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text)


_ASCII_WORD_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789_'"
# On bytes: ASCII capitals to small letters; letters, digits, "_" and "'" kept; anything else a space.
_FOLD = bytes(b + 32 if 65 <= b <= 90 else b if b in _ASCII_WORD_BYTES else 32 for b in range(256))
_UNKNOWN = ord("?")  # what encode(..., "replace") writes for a non-ASCII character


class WordScanner:
    """The spans of the words of a list, in any case, not glued to a word character or an apostrophe.

    It finds what ``(?<![\\w'’])(?:w1|w2|...)(?![\\w'’])`` (IGNORECASE) finds. The text is first
    folded to bytes in C (``encode`` then ``translate``: ASCII letters lowercased, every other
    character but digits, ``_`` and ``'`` a space, every non-ASCII character a ``?`` then a space),
    so one pattern that starts with a literal space finds every candidate: ``re`` skips to a
    literal far faster than to a character class. What the folding hides is checked after: a
    candidate beside a non-ASCII character is kept only if that character is not a letter, digit
    or ``’``; a text holding a non-ASCII character ``re`` equates with an ASCII letter
    (:data:`ASCII_CASE_FOLDS`) is scanned with the exact pattern. Words that are not all ASCII
    letters are always scanned with the exact pattern.
    """

    def __init__(self, words: Iterable[str], exact: re.Pattern[str]) -> None:
        words = sorted({w.lower() for w in words})
        self.exact = exact
        self.fast: re.Pattern[bytes] | None = None
        if words and all(w.isascii() and w.isalpha() for w in words):
            root = _trie(words)
            trie = "|".join(re.escape(ch) + _emit(root[ch]) for ch in sorted(root))
            self.fast = re.compile((" (?:" + trie + ")(?![a-z0-9_'])").encode("ascii"))

    def spans(self, text: str, folds: bool | None = None) -> list[tuple[int, int]]:
        """The spans; ``folds``: whether the text holds a character of :data:`ASCII_CASE_FOLDS`
        (found out here if not given)."""
        if folds is None:
            folds = has_case_folds(text)
        if self.fast is None or folds:
            return [m.span() for m in self.exact.finditer(text)]
        # A space on each side: a match's leading space sits where the word starts in ``text``,
        # and the characters around every word exist.
        encoded = (" " + text + " ").encode("ascii", "replace")
        return self.kept(text, encoded, [m.span() for m in self.fast.finditer(encoded.translate(_FOLD))])

    @staticmethod
    def kept(text: str, encoded: bytes, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The spans in ``text`` of the matches ``found`` of :attr:`fast` on ``encoded`` (``" " + text + " "``
        encoded as :meth:`spans` does) folded, those glued to a non-ASCII letter or digit left out."""
        if text.isascii():
            return [(s, e - 1) for s, e in found]
        spans = []
        for s, e in found:
            # encoded[s] is the character before the word, encoded[e] the one after it.
            if encoded[s] == _UNKNOWN and _glued(text[s - 1]) or encoded[e] == _UNKNOWN and _glued(text[e - 1]):
                continue
            spans.append((s, e - 1))
        return spans


def _glued(ch: str) -> bool:
    """Whether a character ``[\\w'’]`` matches is one the folding made a space (a non-ASCII one)."""
    return ch > "\x7f" and (ch.isalnum() or ch == "’")
