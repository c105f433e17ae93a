"""Dialect spelling: one tokenizing pass, one dictionary lookup per word.

The tables come from ``rules/spelling/*.pack`` (generated from VarCon by
``tools/build_spelling.py``); :mod:`textfix.kinds.spelling` compiles them into a
:class:`SpellingRule`. See docs/spelling.md for what is rewritten and what is not.

How a word is matched:

- A token is a run of word characters, joined by inner apostrophes (``'`` ``’``)
  or hyphens. The whole token is looked up; a token ending in ``'s``/``’s`` falls
  back to its stem (possessives); a hyphenated one falls back to its parts
  (``labour-intensive`` → ``labor-intensive``).
- Case is kept: lower, Title and UPPER forms are in the table; a mixed-case
  token (``ColoUr``, ``McColour``) never matches.
- Proper nouns are left alone: a protected phrase (``Labour Party``) covers the
  word; a Title-case word that does not start a sentence is a name (``the Labour
  vote``, ``Sydney Harbour``); a Title-case word that starts a sentence is a name
  when the next word is a capitalized name head (``Labour Party said``, ``Harbour
  Bridge``), or when it is a listed name (``Tyre``, the city; ``Chile``). A capital
  at the start of a sentence alone protects nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import ahocorasick_rs

from ..batchscreen import Batch, owners_of_matches
from ..offsets import Edit

TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
_SURROGATES = re.compile("[\ud800-\udfff]")
PIECE = re.compile(r"\w+")
_WORD = re.compile(r"[^\W\d_]+")
LOWER, TITLE, UPPER, INHERENT = 0, 1, 2, 3
# Characters skipped when looking back for the end of the previous sentence.
_OPENERS = frozenset(" \t\u00a0\u2009\u202f\"'“‘«‹([{¿¡—–-*•")
_QUOTES = frozenset("\"'“‘«‹")
_SENTENCE_END = frozenset(".!?:…\n\r\u2028\u2029")
_GAP = frozenset(" \u00a0\u2009\u202f")


def case_forms(variant: str, target: str) -> list[tuple[str, str, int]]:
    """(token, replacement, case kind) for every spelling of ``variant`` the matcher accepts."""
    if variant != variant.lower() or target != target.lower():
        # A form with capitals of its own (a proper adjective): as written, or in capitals.
        return [(variant, target, INHERENT), (variant.upper(), target.upper(), UPPER)]
    return [(variant, target, LOWER), (variant.capitalize(), target.capitalize(), TITLE),
            (variant.upper(), target.upper(), UPPER)]


class SpellingRule:
    """Rewrite variant spellings to the target's, keeping case and proper nouns."""

    def __init__(self, rule_id: str, mapping: Mapping[str, str], ambiguous: Mapping[str, str],
                 phrases: Iterable[str], name_heads: Iterable[str], names: Iterable[str] = ()) -> None:
        self.id = rule_id
        self.mapping = dict(mapping)
        self.ambiguous = dict(ambiguous)
        self.phrases = tuple(phrases)
        self.name_heads = frozenset(h.lower() for h in name_heads)
        self.names = frozenset(names)
        # token -> (replacement or None for an ambiguous word, case kind, note)
        table: dict[str, tuple[str | None, int, str]] = {}
        for word, note in self.ambiguous.items():
            for token, _, kind in case_forms(word, word):
                table[token] = (None, kind, f"ambiguous, not rewritten: {note}")
        for variant, target in self.mapping.items():
            for token, replacement, kind in case_forms(variant, target):
                table[token] = (replacement, kind, "")
        self.table = table
        # The first \w+ piece of every token the table knows: a text with none of them has no candidate.
        self.pieces = frozenset(PIECE.match(token).group() for token in table if PIECE.match(token))
        # Every table token and piece that a token of the text can be or hold, for one
        # Aho–Corasick pass over the text (see candidates).
        words = sorted(w for w in table.keys() | self.pieces if TOKEN.fullmatch(w))
        self._finder = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard) if words else None
        # The same words for a batch (screen_many): their UTF-8 with ASCII letters lowercased, as the
        # batch's is, in a DFA (a third as many words: the case forms fold together).
        self._batch_finder = ahocorasick_rs.BytesAhoCorasick(
            sorted({w.encode("utf-8").lower() for w in words}),
            implementation=ahocorasick_rs.Implementation.DFA) if words else None
        # word (lower case) -> [(phrase words, index of the word, phrase words in capitals)]
        index: dict[str, list[tuple[tuple[str, ...], int, tuple[str, ...]]]] = {}
        for phrase in self.phrases:
            words = tuple(phrase.split())
            upper = tuple(w.upper() for w in words)
            for k, word in enumerate(words):
                for part in re.split(r"['’-]", word):
                    index.setdefault(part.lower(), []).append((words, k, upper))
                index.setdefault(word.lower(), []).append((words, k, upper))
        # The same entries keyed by the exact strings that reach them: every substring of a
        # phrase word (as written or in capitals) whose lower case is one of the keys above.
        # A token looks up only the phrase forms it occurs in, as written.
        exact: dict[str, set[tuple[tuple[str, ...], int]]] = {}
        for key, entries in index.items():
            for words, k, upper in entries:
                for form in (words, upper):
                    word = form[k]
                    for i in range(len(word)):
                        for j in range(i + 1, len(word) + 1):
                            if word[i:j].lower() == key:
                                exact.setdefault(word[i:j], set()).add((form, k))
        self.phrase_forms = {token: tuple(sorted(forms)) for token, forms in exact.items()}

    def __reduce__(self):
        # Pickled as what it was built from: the automaton does not pickle, and is rebuilt.
        return (SpellingRule, (self.id, self.mapping, self.ambiguous, self.phrases, self.name_heads, self.names))

    def __repr__(self) -> str:
        return f"<SpellingRule {self.id}: {len(self.mapping)} forms>"

    # -- protection -----------------------------------------------------------------------
    def _in_phrase(self, text: str, start: int, end: int, token: str) -> bool:
        # The word of the phrase may be a hyphenated or possessive token holding this one.
        for form, k in self.phrase_forms.get(token, ()):
            word = form[k]
            a = start - word.find(token)
            b = a + len(word)
            if a >= 0 and text[a:b] == word and _matches_around(text, a, b, form, k):
                return True
        return False

    def _is_name(self, text: str, start: int, end: int) -> bool:
        """Is a Title-case word at ``start`` part of a name (not just capitalized to start a sentence)?"""
        if not _starts_sentence(text, start):
            return True
        k = end
        limit = min(len(text), end + 3)
        while k < limit and text[k] in _GAP:
            k += 1
        if k == end:
            return False
        m = _WORD.match(text, k)
        if not m:
            return False
        word = m.group()
        return word[0].isupper() and word[1:].islower() and word.lower() in self.name_heads

    # -- the pass -------------------------------------------------------------------------
    def _lookup(self, token: str) -> tuple[str | None, int, str, str] | None:
        """(replacement, case kind, note, suffix kept) for a token, or None."""
        hit = self.table.get(token)
        if hit is not None:
            return hit[0], hit[1], hit[2], ""
        if "’" in token:
            hit = self.table.get(token.replace("’", "'"))
            if hit is not None:
                replacement = hit[0].replace("'", "’") if hit[0] is not None else None
                return replacement, hit[1], hit[2], ""
        if len(token) > 2 and token[-2] in "'’" and token[-1] in "sS":
            hit = self.table.get(token[:-2])
            if hit is not None:
                return hit[0], hit[1], hit[2], token[-2:]
        return None

    def _word_edit(self, text: str, start: int, end: int, token: str, out: list[Edit]) -> bool:
        found = self._lookup(token)
        if found is None:
            return False
        replacement, kind, note, suffix = found
        if self.phrase_forms and self._in_phrase(text, start, end, token):
            return True
        if kind == TITLE and (token[: len(token) - len(suffix)] in self.names or self._is_name(text, start, end)):
            return True
        if replacement is None:
            out.append(Edit(start, end, token, note))
        else:
            out.append(Edit(start, end, replacement + suffix))
        return True

    def edits(self, text: str, ctx=None) -> list[Edit]:
        out: list[Edit] = []
        for start, token in self.candidates(text):
            end = start + len(token)
            if self._word_edit(text, start, end, token, out) or "-" not in token:
                continue
            # A hyphenated compound: each part on its own (labour-intensive, co-operate).
            pos = start
            for part in token.split("-"):
                if part:
                    self._word_edit(text, pos, pos + len(part), part, out)
                pos += len(part) + 1
        return out

    def screen_many(self, batch: Batch) -> list[int]:
        """The texts of the batch (positions) where the Aho–Corasick pass of :meth:`candidates`
        may find something: one pass over the texts' UTF-8 joined, ASCII letters lowercased on
        both sides (see :mod:`textfix.batchscreen`). A text with no candidate has no edit. The
        automaton's words are tokens and pieces of them, which hold no NUL, so no hit runs from one
        text into the next, and a text holding a word has a hit of its own in the pass without
        overlaps too.

        >>> r = SpellingRule("s", {"colour": "color"}, {}, (), ())
        >>> r.screen_many(Batch(["a color", "the colours", "Colourful", "kaleidoscope"]))
        [1, 2]
        """
        if self._batch_finder is None:
            return []
        low = batch.utf8_lower
        return batch.everything() if low is None else owners_of_matches(self._batch_finder, low)

    def candidates(self, text: str) -> list[tuple[int, str]]:
        """(start, token) of every token of :data:`TOKEN` the table may know, in text order.

        A candidate is a token the table knows, or one with an apostrophe or hyphen
        (a possessive, a compound) with a piece the table knows. Each holds a table
        token or a piece, so one Aho–Corasick pass over the text (in C) finds a
        place inside each; the token around it is then read and checked. Most
        texts have no such place and stop after that one pass.
        """
        if self._finder is None:
            return []
        found: list[tuple[int, str]] = []
        table, pieces = self.table, self.pieces
        end = -1  # the end of the last token read: later hits inside it are skipped (linear time)
        # Every hit, overlapping ones too, as (word index, start, end) in order of its end.
        try:
            hits = self._finder.find_matches_as_indexes(text, overlapping=True)
        except UnicodeEncodeError:
            # A lone surrogate (the repair stage removes them; without it they reach here): no word
            # holds one, so scan a copy with each made U+FFFD, which keeps every position.
            hits = self._finder.find_matches_as_indexes(_SURROGATES.sub("\ufffd", text), overlapping=True)
        for _, hit, hit_end in hits:
            if hit_end <= end:
                continue
            # A hit lies inside one token (the automaton holds only whole tokens and pieces), and
            # usually starts it: the walk to the token's start is short.
            start = token_start(text, hit)
            token = TOKEN.match(text, start).group()
            end = start + len(token)
            if token in table or (not token.isalnum() and not pieces.isdisjoint(PIECE.findall(token))):
                found.append((start, token))
        return found


def _word_char(ch: str) -> bool:
    """What ``\\w`` matches: letters, digits and numerals of every script, and the underscore."""
    return ch.isalnum() or ch == "_"


def token_start(text: str, i: int) -> int:
    """Where the token of :data:`TOKEN` holding the word character ``text[i]`` starts.

    Word characters, and apostrophes or hyphens joining two of them, belong to it
    (a property test checks this against tokenizing the whole text).

    >>> token_start("the labour-intensive work", 14), token_start("it’s", 3), token_start("a--b", 3)
    (4, 0, 3)
    """
    a = i
    while a > 0:
        ch = text[a - 1]
        if _word_char(ch) or ch in _JOINERS and a > 1 and _word_char(text[a - 2]) and _word_char(text[a]):
            a -= 1
        else:
            break
    return a


_JOINERS = frozenset("'’-")


def _starts_sentence(text: str, start: int) -> bool:
    j = start - 1
    limit = max(-1, start - 12)
    quoted = False
    while j > limit and text[j] in _OPENERS:
        if text[j] in _QUOTES:
            quoted = True
        j -= 1
    if j < 0:
        return True
    if j == limit:
        return False
    c = text[j]
    return c in _SENTENCE_END or (quoted and c == ",")


def _matches_around(text: str, a: int, b: int, words: tuple[str, ...], k: int) -> bool:
    """Does ``text[a:b]`` (== words[k]) sit inside the whole phrase, with word boundaries outside it?"""
    pos = a
    for word in reversed(words[:k]):
        j = pos
        while j > 0 and pos - j < 3 and text[j - 1].isspace():
            j -= 1
        if j == pos or text[j - len(word) : j] != word:
            return False
        pos = j - len(word)
    if pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] == "_"):
        return False
    pos = b
    for word in words[k + 1 :]:
        j = pos
        while j < len(text) and j - pos < 3 and text[j].isspace():
            j += 1
        if j == pos or text[j : j + len(word)] != word:
            return False
        pos = j + len(word)
    return not (pos < len(text) and (text[pos].isalnum() or text[pos] == "_"))
