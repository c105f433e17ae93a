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
