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

import ahocorasick_rs

from ..batchscreen import Batch, owners_of_matches
from ..offsets import Edit
from .tables import NumberTables

_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*$")
# The same read backwards: on the reversed text before a number, its group 1 (reversed) is what
# _WORD_BEFORE.search finds (the letters before an optional period and spaces), without trying
# every position.
_WORD_BEFORE_REVERSED = re.compile(r"\s*\.?([^\W\d_]+)")


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
        # An ASCII text holds no rare space unless one is ASCII (a tab, say).
        self.ascii_plain = self.space_triple is not None and all(not c.isascii() for c in self.rare_spaces)
        # Every match holds an ASCII digit, a group space and an ASCII digit: one automaton of those
        # byte strings finds them in a batch's UTF-8 (see screen_many).
        triples = [f"{a}{space}{b}".encode("utf-8", "surrogatepass") for space in sorted(self.spaces)
                   for a in "0123456789" for b in "0123456789"]
        self.triples = None if "\x00" in self.spaces else ahocorasick_rs.BytesAhoCorasick(
            triples, implementation=ahocorasick_rs.Implementation.DFA)

    def __reduce__(self):
        """Pickles as what it is built from (its Aho–Corasick automaton does not pickle)."""
        return type(self), (self.t,)

    def screen_many(self, batch: Batch) -> list[int]:
        """The texts that hold an ASCII digit, a group space and an ASCII digit, as every match of
        the pattern does (see :mod:`textfix.batchscreen`).

        >>> from textfix.catalog import Catalog
        >>> from textfix.numbers.tables import compile_tables
        >>> g = GroupFinder(compile_tables([Catalog().load("numbers.en")]))
        >>> g.screen_many(Batch(["12 May", "1 000", "9\u202f999"]))
        [1, 2]
        """
        utf8 = None if self.triples is None else batch.utf8
        if utf8 is None:
            return batch.everything()
        return owners_of_matches(self.triples, utf8)

    def _chains(self, text: str):
        """What ``self.pattern.finditer(text)`` finds (an empty tuple when there is no triple).

        A match holds digit, space, digit after a first group of at most three digits, so it
        starts at most two characters before such a triple. With only plain spaces in the text
        the triples are found from a literal space and the pattern is tried at those places;
        otherwise it runs from two characters before the first triple.
        """
        if self.space_triple is not None:
            for space in self.rare_spaces:
                if space in text:
                    break
            else:
                first = self.space_triple.search(text)
                return () if first is None else self._at_triples(text, first.start())
        first = self.prefilter.search(text)
        return () if first is None else self.pattern.finditer(text, max(0, first.start() - 2))

    def _at_triples(self, text: str, first: int):
        """The matches, tried only just before each plain-space triple from ``first`` on."""
        done = tried = -1
        for triple in self.space_triple.finditer(text, first):
            digit = triple.start() - 1
            for start in range(max(digit - 2, tried + 1, done, 0), digit + 1):
                tried = start
                m = self.pattern.match(text, start)  # its lookbehinds see the text before start
                if m is not None:
                    done = m.end()
                    yield m
                    break

    def edits(self, text: str, ctx=None) -> list[Edit]:
        """
        >>> from textfix.catalog import Catalog
        >>> from textfix.numbers.tables import compile_tables
        >>> t = compile_tables([Catalog().load("numbers.en")])
        >>> GroupFinder(t).edits("1 000 000 people, 555 123 4567, 12 34")
        [Edit(start=0, end=9, after='1,000,000', note='digit groups')]
        """
        if self.ascii_plain and text.isascii():
            # The commonest case, inline: only plain spaces can be in the text.
            first = self.space_triple.search(text)
            if first is None:
                return []
            chains = self._at_triples(text, first.start())
        else:
            chains = self._chains(text)
        edits = []
        sep_out = self.t.thousands_separator
        for m in chains:
            start, end = m.span()
            found = m.group()
            used = [space for space in self.spaces if space in found]
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
            word = _WORD_BEFORE_REVERSED.match(text[max(0, start - 30) : start][::-1])
            if word and self.t.near_blocks(word.group(1)[::-1]):
                continue
            edits.append(Edit(start, end, found.replace(used[0], sep_out), "digit groups"))
        return edits
