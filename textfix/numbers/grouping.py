"""Digits grouped by spaces in exact groups of three → comma grouping (1 000 000 → 1,000,000).

Spaces are those the pack lists (regular, no-break, thin, narrow no-break by
default); one number uses one kind of space throughout. Left as written: a
number whose groups are not exactly three digits, a chain that goes on
(``555 123 4567``, a phone number), a leading zero, a European decimal comma
after it (``1 000,50``), a hyphen after it (``4 100-year cycles``), a sign or ``+`` before it, and a number right after a
word of the pack's ``[not-near]`` list (``room 101 102``).
"""

from __future__ import annotations

import re

from ..offsets import Edit
from .tables import NumberTables

_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*$")


class GroupFinder:
    def __init__(self, tables: NumberTables) -> None:
        self.t = tables
        spaces = re.escape(tables.group_spaces)
        self.spaces = frozenset(tables.group_spaces)
        # The lookbehinds let a match start only where a chain starts, so a long chain is read once.
        # They come after the first digit (and look back past it) so that the pattern starts with
        # a character class, which re skips to in C.
        self.pattern = re.compile(
            r"[0-9](?<![\d.,](?s:.))(?<!\d[" + spaces + r"](?s:.))[0-9]{0,2}(?:[" + spaces + r"][0-9]{3})+(?![0-9])"
        )
        self.prefilter = re.compile(r"[0-9][" + spaces + r"][0-9]")
        # The common case in C: a plain space between digits is found by a pattern that starts with
        # a literal space (re skips to a literal faster than to a class); the other spaces are rare,
        # and a text holding one is searched with the prefilter.
        self.space_triple = re.compile(r" (?<=[0-9] )[0-9]") if " " in tables.group_spaces else None
        self.rare_spaces = tuple(c for c in tables.group_spaces if c != " ")

    def edits(self, text: str, ctx=None) -> list[Edit]:
        """
        >>> from textfix.catalog import Catalog
        >>> from textfix.numbers.tables import compile_tables
        >>> t = compile_tables([Catalog().load("numbers.en")])
        >>> GroupFinder(t).edits("1 000 000 people, 555 123 4567, 12 34")
        [Edit(start=0, end=9, after='1,000,000', note='digit groups')]
        """
        first = None
        if self.space_triple is not None:
            for space in self.rare_spaces:
                if space in text:
                    break
            else:
                found = self.space_triple.search(text)
                if found is None:
                    return []
                first = found.start() - 1
        if first is None:
            found = self.prefilter.search(text)
            if found is None:
                return []
            first = found.start()
        edits = []
        sep_out = self.t.thousands_separator
        # A match holds digit, space, digit after a first group of at most three digits, so none
        # starts more than two characters before the first such triple.
        for m in self.pattern.finditer(text, max(0, first - 2)):
            start, end = m.span()
            found = m.group()
            used = {c for c in found if c in self.spaces}
            if len(used) != 1 or found.startswith("0"):
                continue
            after = text[end : end + 2]
            if after[:1] == "-":
                continue  # "4 100-year cycles"
            if len(after) == 2 and after[1].isdigit() and (after[0] in self.spaces or after[0] == ","):
                continue
            before = text[start - 1] if start else ""
            if before in "+-−$#" and before:
                continue
            if before.isalpha():
                continue
            word = _WORD_BEFORE.search(text, max(0, start - 30), start)
            if word and self.t.near_blocks(word.group(1)):
                continue
            edits.append(Edit(start, end, found.replace(next(iter(used)), sep_out), "digit groups"))
        return edits
