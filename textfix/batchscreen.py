"""Screens of many texts at once: one scan of a batch instead of one call per text.

:meth:`.Pipeline.fix_many` runs each rule over a batch of texts. A rule with a
``screen_many`` method (see :class:`.kinds.Rule`) first names the texts of the
batch it might change, from a scan of the whole batch; the others are not handed
to it at all. On many short strings, most of which a rule leaves alone, that
saves a Python call and a scan's set-up per text and rule, and lets a scan that
skips fast (an Aho–Corasick automaton of a few words) run over the whole batch.

A :class:`Batch` holds the texts and the views of them a screen scans (the texts
joined by NUL, their UTF-8, lowercased), each made once when first asked for, so
the rules of a stage share them: the engine screens each rule of a stage on the
texts as its first rule with a screen found them, and hands a rule every text
a rule of the stage changed besides. :func:`owners` and :func:`owners_at` say which
text a hit fell in.

A screen must find, in the joined texts, a hit in every text where it would find
one in that text alone: the NUL between texts is what a check at a text's edge
sees instead of the start or end of the string. tests/test_properties.py holds
every rule's ``screen_many`` to "a text left out has no edit".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from itertools import accumulate
from operator import add
from typing import Any

SEP = "\x00"
SEP_BYTE = b"\x00"


class Batch:
    """Texts, and views of them made on first use.

    >>> b = Batch(["Añ", "b"])
    >>> b.joined, b.ends, b.utf8, b.utf8_lower
    ('Añ\\x00b', [2, 4], b'A\\xc3\\xb1\\x00b', b'a\\xc3\\xb1\\x00b')
    >>> Batch(["a\\x00"]).utf8 is None
    True
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts

    @cached_property
    def joined(self) -> str:
        """The texts joined by NUL."""
        return SEP.join(self.texts)

    @cached_property
    def ends(self) -> list[int]:
        """Where each text ends in :attr:`joined` (where the NUL after it is)."""
        texts = self.texts
        # Text i ends at the sum of the lengths up to it plus the i separators before it.
        return list(map(add, accumulate(map(len, texts)), range(len(texts))))

    @cached_property
    def utf8(self) -> bytes | None:
        """:attr:`joined` in UTF-8 (lone surrogates let through), or None when a text holds a NUL
        itself: then the texts cannot be told apart, and a screen of bytes screens nothing out."""
        haystack = self.joined.encode("utf-8", "surrogatepass")
        return haystack if haystack.count(SEP_BYTE) == max(len(self.texts) - 1, 0) else None

    @cached_property
    def utf8_lower(self) -> bytes | None:
        """:attr:`utf8` with ASCII letters lowercased (the bytes of other characters as they are)."""
        return None if self.utf8 is None else self.utf8.lower()

    def everything(self) -> list[int]:
        """What a screen that cannot rule a text out gives: every position."""
        return list(range(len(self.texts)))


def owners(search: Callable[[str, int], Any], batch: Batch) -> list[int]:
    """The positions (ascending, each once) of the texts of ``batch`` in which ``search`` (a
    compiled pattern's) finds a match in :attr:`Batch.joined`. A match belongs to the text its
    start falls in (a match starting on a NUL, to the text before it). Once a text has a match
    the search goes on from the next text's start: one scan, plus one step per text named.

    >>> import re
    >>> owners(re.compile(r"[0-9]").search, Batch(["a1", "bb", "2c", ""]))
    [0, 2]
    """
    found: list[int] = []
    joined, ends = batch.joined, batch.ends
    last = len(ends) - 1
    pos = 0
    while True:
        m = search(joined, pos)
        if m is None:
            return found
        i = bisect_left(ends, m.start())
        found.append(i)
        if i >= last:
            return found
        pos = ends[i] + 1


def owners_at(positions: Iterable[int], haystack: bytes) -> list[int]:
    """The positions (ascending, each once) of the texts holding the byte offsets ``positions``
    (ascending) of ``haystack``: :attr:`Batch.utf8` or a copy of it, NULs where they were.

    >>> owners_at([0, 1, 6, 7], b"ab\\x00cd\\x00ef")
    [0, 2]
    """
    found: list[int] = []
    index = 0
    last = 0
    for pos in positions:
        index += haystack.count(SEP_BYTE, last, pos)
        last = pos
        if not found or found[-1] != index:
            found.append(index)
    return found


def owners_of_matches(automaton: Any, haystack: bytes) -> list[int]:
    """:func:`owners_at` of the starts of an Aho–Corasick automaton's matches (ahocorasick_rs),
    none of whose patterns holds a NUL."""
    return owners_at([start for _, start, _ in automaton.find_matches_as_indexes(haystack)], haystack)
