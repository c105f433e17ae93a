"""Whole-phrase rewrites from a pack's ``[replace]`` map (``per cent`` → ``percent``), case kept."""

from __future__ import annotations

import re

import ahocorasick_rs

from ..batchscreen import Batch, owners_of_matches
from ..offsets import Edit
from .scan import first_class, has_case_folds


def _trie(needles) -> dict:
    root: dict = {}
    for needle in needles:
        node = root
        for byte in needle:
            node = node.setdefault(byte, {})
        node[None] = {}
    return root


def _emit_bytes(node: dict) -> bytes:
    """A pattern that finds where a byte string of the trie ``node`` starts (a needle ends where ``None``
    is: what may follow it does not matter to a search)."""
    if None in node:
        return b""
    alternatives = [re.escape(bytes([b])) + _emit_bytes(sub) for b, sub in sorted(node.items())]
    return alternatives[0] if len(alternatives) == 1 else b"(?:" + b"|".join(alternatives) + b")"


def _case_like(model: str, word: str) -> str:
    if model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class PhraseFinder:
    def __init__(self, replace: dict[str, str]) -> None:
        self.replace = replace
        alternatives = sorted(replace, key=len, reverse=True)
        parts = [r"[ \u00a0]+".join(map(re.escape, v.split())) for v in alternatives]
        self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE) if parts else None
        # Every match of the pattern is a match of this one, which skips fast on its first character.
        self.prefilter = None
        firsts = [v.split() for v in alternatives]
        if parts and all(words and words[0] for words in firsts):
            loose = ["(?<=(?i:" + re.escape(w[0][0]) + "))(?i:" + re.escape(w[0][1:]) + "".join(
                r"[ \u00a0]+" + re.escape(x) for x in w[1:]) + ")" for w in firsts]
            # It reads one character and looks ahead: it stops at every place a phrase may start.
            self.prefilter = re.compile(first_class((w[0][0] for w in firsts), ignorecase=True)
                                        + "(?=" + "|".join(loose) + ")")
        # Cheaper still, in C: every match, lowercased, holds one of these needles (its first word
        # and the space after it, or the whole one-word phrase), so a text whose lowercase holds
        # none has no match. Exact for ASCII phrases: under IGNORECASE an ASCII letter matches only
        # its two cases, except i, s and k, which also match İ, ı, ſ or the Kelvin sign (those
        # texts skip the needles when a phrase has such a letter).
        self.needles: tuple[str, ...] | None = None
        self.needles_fold = False
        if parts and all(v.isascii() for v in alternatives):
            needles = set()
            for words in firsts:
                needles.update([words[0] + " ", words[0] + "\u00a0"] if len(words) > 1 else words)
            self.needles = tuple(sorted(needles))
            self.needles_fold = any(c in "isk" for needle in needles for c in needle)
        # The needles again, as one pattern on the text's UTF-8 with ASCII letters lowercased (no
        # str.lower(), which costs more than the rest): a trie, so re skips in C to its literal
        # prefix when the needles share one. The same matches for the same reason: the needles are
        # ASCII letters lowercased, and spaces, which UTF-8 writes as themselves.
        self.screen: re.Pattern[bytes] | None = None
        self.needle_automaton: ahocorasick_rs.BytesAhoCorasick | None = None
        if self.needles is not None:
            root = _trie(needle.encode("utf-8") for needle in self.needles)
            self.screen = re.compile(_emit_bytes(root))
            # The same needles for a batch (screen_many): one Aho–Corasick pass, which skips in SIMD.
            self.needle_automaton = ahocorasick_rs.BytesAhoCorasick([n.encode("utf-8") for n in self.needles])

    def __reduce__(self):
        """Pickles as what it is built from (its Aho–Corasick automaton does not pickle)."""
        return type(self), (self.replace,)

    def screen_many(self, batch: Batch) -> list[int]:
        """The texts whose UTF-8, ASCII letters lowercased, holds a needle: those the screen of
        :meth:`edits` lets through (see :mod:`textfix.batchscreen`).

        >>> PhraseFinder({"per cent": "percent"}).screen_many(Batch(["5 percent", "5 Per cent", "per\u00a0cent"]))
        [1, 2]
        """
        automaton = self.needle_automaton
        if automaton is None or self.needles_fold and has_case_folds(batch.joined):
            return batch.everything()
        low = batch.utf8_lower
        return batch.everything() if low is None else owners_of_matches(automaton, low)

    def _matches(self, text: str, low: str | None = None):
        """What ``self.pattern.finditer(text)`` finds, tried only where a phrase may start: where
        ``low`` (``text.lower()``, as long as ``text``) holds a needle, or where the prefilter stops."""
        if low is not None:
            starts = set()
            for needle in self.needles:
                at = low.find(needle)
                while at >= 0:
                    starts.add(at)
                    at = low.find(needle, at + 1)
            candidates = sorted(starts)
        elif self.prefilter is not None:
            candidates = [m.start() for m in self.prefilter.finditer(text)]
        else:
            yield from self.pattern.finditer(text)
            return
        done = 0
        for start in candidates:
            if start < done:
                continue
            m = self.pattern.match(text, start)  # its lookbehind still sees the text before start
            if m is not None:
                done = m.end()
                yield m

    def edits(self, text: str, ctx=None) -> list[Edit]:
        """
        >>> PhraseFinder({"per cent": "percent"}).edits("5 per cent, PER CENT, Per cent, percentage")
        [Edit(start=2, end=10, after='percent', note='per cent'), Edit(start=12, end=20, after='PERCENT', note='per cent'), Edit(start=22, end=30, after='Percent', note='per cent')]
        """
        if self.pattern is None:
            return []
        if self.screen is not None and not (self.needles_fold and has_case_folds(text)):
            if self.screen.search(text.encode("utf-8", "surrogatepass").lower()) is None:
                return []
        low = None
        if self.needles is not None and not (self.needles_fold and has_case_folds(text)):
            low = text.lower()
            for needle in self.needles:
                if needle in low:
                    break
            else:
                return []
            if len(low) != len(text):
                low = None  # lowercasing made a character longer (İ): positions would shift
        edits = []
        for m in self._matches(text, low):
            found = m.group()
            key = " ".join(found.lower().split())
            canonical = self.replace.get(key)
            if canonical is None:
                continue
            edits.append(Edit(m.start(), m.end(), _case_like(found, canonical), key))
        return edits
