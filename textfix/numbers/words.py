"""Number words to digits, AP style, precision first.

A *run* is a stretch of number words joined by single spaces, hyphens, or a
joiner (``and``) right after ``hundred`` or a scale. A run is rewritten only if
the whole of it reads as one number (``one hundred and fifty`` → ``150``,
``forty-three`` → ``43``, ``twenty-first`` → ``21st``, ``three thousand`` →
``3,000``, ``twelve million`` → ``12 million``, ``one million five hundred
thousand`` → ``1.5 million``), its value reaches the threshold (10 by default:
one to nine stay words) and nothing around it says otherwise:

* a number word in capitals or capitalized (a sentence start, a title: *Ocean's Eleven*);
* a run at the start of a sentence (AP spells it out);
* a run that does not read as one number (``nineteen eighty-four``, ``one two three``);
* an idiom of the pack (``at the eleventh hour``, ``forty winks``, ``no one``, ``one of``);
* a hyphenated compound whose other part is not a unit of the pack (``forty-niners``;
  ``twenty-year-old`` → ``20-year-old``);
* a word of ``[not-before]`` after it (``twelve point five``), a word of ``[not-near]``
  beside it (month names: the dates kind reads ``March twelfth``), digits beside it;
* a year-like ``two thousand and five``.

Speed: the number words are found on a copy of the text folded to bytes in C
(:class:`.scan.WordScanner`), by one ``findall``; a text is let go right there unless it
holds a word that can reach the threshold, a scale with a cardinal or ordinal, or a point
word right after a number word (the screen, derived from the pack: :func:`_screen_words`;
tests/test_numbers_screen.py compares the rule with and without it). A run is then read once
(``read`` and ``format`` are memoized, bounded), and its context is checked
cheapest first, each regex anchored at the run (the word before, the sentence start
and digits before it in one match on the reversed text before it; idioms by one
IGNORECASE pattern per number word). Each fast check is tested against its plain
definition in tests/test_numbers_fast.py.
"""

from __future__ import annotations

import re

import ahocorasick_rs

from ..batchscreen import Batch, owners_at
from ..offsets import Edit
from .scan import _ASCII_WORD_BYTES, _FOLD, WordScanner, has_case_folds, word_pattern
from .tables import NumberTables


def word_before(text: str, pos: int, endpos: int) -> str | None:
    """``_WORD_BEFORE.search(text, pos, endpos).group(1)`` (or None), without trying every position.

    ``$`` matches at endpos or before a newline there; spaces and tabs are skipped back, then
    the letters before them are the word (cut at pos, as the search would).
    """
    end = endpos
    if end > pos and text[end - 1] == "\n":
        end -= 1
    while end > pos and text[end - 1] in _TRAILING:
        end -= 1
    if end <= pos:
        return None
    m = _LETTERS.match(text[pos:end][::-1])
    return None if m is None else text[end - m.end() : end]


_TRAILING = " \t\u00a0"
_IS_WORD_BYTE = bytes(b in _ASCII_WORD_BYTES for b in range(256))  # after ASCII lowercasing
_WORD_AFTER = re.compile(r"[ \t\u00a0]*([^\W\d_]+(?:['’][^\W\d_]+)?)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t\u00a0]*$")
_WORD_CHARS = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT_AFTER = re.compile(r"[ \t\u00a0]*[0-9]")
_DIGIT_BEFORE = re.compile(r"[0-9][ \t\u00a0]*$")
_PLAIN_GAPS = {"-": "-", " ": " ", "\u00a0": " "}  # gap -> how it joins two number words of a run
_POINT_SPACES = (" ", "\u00a0")  # what a decimal tail starts with (a tuple: "" is not in it)
_OPENERS = "\"'“‘«([{—–- \t\u00a0*"
# On the 40 characters before a run, reversed: three checks in one match (the groups below).
# _WORD_BEFORE and _DIGIT_BEFORE stay as the definitions (tests/test_numbers_fast.py).
_BACK = re.compile(
    # group 1: the start of a sentence (head.rstrip(_OPENERS) empty, or ending in .!?\n\r but not ...)
    "(?:(?=[" + re.escape(_OPENERS) + r"]*(?:\Z|[!?\n\r]|\.(?!\.\.)))())?"
    # group 2: the word before (word_before, reversed); group 3: a digit (_DIGIT_BEFORE if in the last 3)
    r"\n?[ \t\u00a0]*(?:([^\W\d_]+)|([0-9]))?"
)

# A run: the spans of its number words, the words (lowercase), and how each joins the one before
# it: "" (the first), "-", " " or "and".
Run = tuple[list[tuple[int, int]], list[str], list[str]]


class WordFinder:
    def __init__(self, tables: NumberTables, threshold: int) -> None:
        self.t = tables
        self.threshold = threshold
        words = {*tables.cardinals, *tables.ordinals, *tables.scales, *tables.scale_ordinals}
        alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        # The reference pattern; when every word is made of word characters, the same matches are
        # found by a pattern that scans much faster (see :mod:`.scan`).
        self.reference_atom = re.compile(r"(?<![\w'’])(?:" + alternatives + r")(?![\w'’])", re.IGNORECASE)
        if all(_WORD_CHARS.fullmatch(w) for w in words):
            self.atom = word_pattern(words, r"[\w'’]", r"[\w'’]", ignorecase=True)
        else:
            self.atom = self.reference_atom
        # Faster still for ASCII words: a scan of the text folded to bytes (it falls back on self.atom).
        self.scanner = WordScanner(words, self.atom)
        digit_words = [w for w, v in tables.cardinals.items() if v <= 9]
        points = "|".join(map(re.escape, sorted(tables.decimal_points)))
        digit_alt = "|".join(map(re.escape, sorted(digit_words, key=len, reverse=True)))
        self._point = re.compile(r"[ \u00a0](?:" + points + r")((?:[ \u00a0](?:" + digit_alt + r"))+)(?![\w'’-])",
                                 re.IGNORECASE) if points and digit_alt else None
        # A decimal tail starts with a space and a first letter of a point word (any case; a
        # non-ASCII character may be a case variant too): anything else skips the regex.
        self._point_firsts = frozenset(c for w in tables.decimal_points for c in (w[:1].lower(), w[:1].upper()))
        self._scales_desc = sorted(tables.scales.items(), key=lambda kv: -kv[1][0])
        # Below this a number is written as plain digits (no thousands separator, no scale word).
        self._plain_below = min([1000] + [value for value, keep in tables.scales.values() if keep])
        self._small_ordinals = [f"{value}{tables.suffix(value)}" for value in range(1000)]
        self.tens = {w for w, v in tables.cardinals.items() if 20 <= v <= 90 and v % 10 == 0}
        # idiom word -> [(idiom, offset of that word in the idiom)]
        self.idioms: dict[str, list[tuple[str, int]]] = {}
        for idiom in tables.idioms:
            for m in re.finditer(r"[^\W\d_]+", idiom):
                if m.group() in words:
                    self.idioms.setdefault(m.group(), []).append((idiom, m.start()))
        self._idiom_patterns = _idiom_patterns(self.idioms)
        # The word lists of the context checks, merged: a word after the run blocks it if it is in
        # [not-before] or [not-near]; a word before it, if in [not-near] or [decimal-points]
        # (lowercase entries any case; those with a capital as written or in capitals).
        self._near_exact = tables.not_near_exact
        self._after_blocks = tables.not_before | tables.not_near_any
        self._before_blocks = tables.not_near_any | tables.decimal_points
        # The screen (see edits): the words that can make a run reach the threshold, the scales and
        # the words a scale needs before it, and the decimal point words, as the folded scan spells
        # them. None when the scanner has no fast path or a point word is not ASCII letters: every
        # text is then read in full.
        self._fast = self.scanner.fast
        # Memos of two pure functions, read (of a run's words and gaps) and format (of a value), bounded.
        self._reads: dict = {}
        self._formats: dict = {}
        self._triggers: frozenset[bytes] | None = None
        if self._fast is not None and all(w.isascii() and w.isalpha() for w in tables.decimal_points):
            def spelled(words):
                return frozenset(b" " + w.lower().encode("ascii") for w in words)
            self._triggers = spelled(_screen_words(tables, threshold))
            self._scales = spelled(tables.scales)
            self._scaled = spelled({*tables.cardinals, *tables.ordinals})
            self._points = tuple(sorted(spelled(tables.decimal_points)))
        # The same screen for a batch (screen_many): the words that can reach the threshold and the
        # scales, each between word boundaries, and the point words anywhere, found by one
        # Aho–Corasick pass over the batch's UTF-8 with ASCII letters lowercased. The words start
        # with fairly rare bytes (no leading space), so the automaton skips ahead in SIMD.
        self._batch: ahocorasick_rs.BytesAhoCorasick | None = None
        if self._triggers is not None:
            bounded = sorted(w[1:] for w in self._triggers | self._scales)
            loose = sorted({w[1:] for w in self._points} - set(bounded))
            self._batch = ahocorasick_rs.BytesAhoCorasick(bounded + loose,
                                                          matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
            self._batch_bounded = len(bounded)

    def __reduce__(self):
        """Pickles as what it is built from (its Aho–Corasick automaton does not pickle)."""
        return type(self), (self.t, self.threshold)

    # -- runs -----------------------------------------------------------------------------------
    def _runs(self, text: str, folds: bool | None = None) -> list[Run]:
        """The runs of number words, in order (``folds``: see :meth:`.WordScanner.spans`)."""
        return self._runs_of(text, self.scanner.spans(text, folds))

    def _runs_of(self, text: str, found: list[tuple[int, int]]) -> list[Run]:
        """The runs of the number words at the spans ``found`` (in order)."""
        runs: list[Run] = []
        scales, joiners = self.t.scales, self.t.joiners
        spans: list[tuple[int, int]] = []
        words: list[str] = []
        gaps: list[str] = []
        prev_end, prev_word = 0, ""
        for start, end in found:
            word = text[start:end].lower()
            if spans:
                # The gap: one character of _PLAIN_GAPS, or a joiner between single spaces after
                # hundred or a scale. Tested on its ends first: a gap may be a long stretch of text.
                if start - prev_end == 1:
                    kind = _PLAIN_GAPS.get(text[prev_end])
                else:
                    kind = None
                    if (prev_word == "hundred" or prev_word in scales) and text[prev_end] == " " == text[start - 1]:
                        parts = text[prev_end:start].split(None, 1)
                        if len(parts) == 1 and parts[0].lower() in joiners:
                            kind = "and"
                if kind is not None:
                    spans.append((start, end))
                    words.append(word)
                    gaps.append(kind)
                    prev_end, prev_word = end, word
                    continue
            spans, words, gaps = [(start, end)], [word], [""]
            runs.append((spans, words, gaps))
            prev_end, prev_word = end, word
        return runs

    # -- reading one number ---------------------------------------------------------------------
    def _tens_part(self, words: list[str], gaps: list[str], i: int):
        """A number below 100 at words[i]: (value, next index, ordinal?) or None."""
        t = self.t
        word = words[i]
        if word in t.ordinals:
            return t.ordinals[word], i + 1, True
        if word not in t.cardinals:
            return None
        value = t.cardinals[word]
        if word in self.tens and i + 1 < len(words) and gaps[i + 1] in ("-", " "):
            nxt = words[i + 1]
            if 1 <= t.cardinals.get(nxt, 0) <= 9:
                return value + t.cardinals[nxt], i + 2, False
            if 1 <= t.ordinals.get(nxt, 0) <= 9:
                return value + t.ordinals[nxt], i + 2, True
        return value, i + 1, False

    def _group(self, words: list[str], gaps: list[str], i: int):
        """A number below 1000 at words[i]: (value, next index, ordinal?) or None."""
        t = self.t
        word = words[i]
        if gaps[i] == "-":
            return None
        n = len(words)
        if 1 <= t.cardinals.get(word, 0) <= 9 and i + 1 < n and gaps[i + 1] == " ":
            nxt = words[i + 1]
            if t.scales.get(nxt, (0,))[0] == 100:
                value = t.cardinals[word] * 100
                j = i + 2
                if j < n and gaps[j] in (" ", "and") and (words[j] in t.cardinals or words[j] in t.ordinals):
                    rest = self._tens_part(words, gaps, j)
                    if rest is None or rest[0] == 0:
                        return None
                    return value + rest[0], rest[1], rest[2]
                if j < n and gaps[j] == "and":
                    return None
                return value, j, False
            if t.scale_ordinals.get(nxt) == 100:
                return t.cardinals[word] * 100, i + 2, True
        return self._tens_part(words, gaps, i)

    def read(self, words: list[str], gaps: list[str]):
        """The whole run as one number: (value, ordinal?, scale word kept or None) or None."""
        t = self.t
        n = len(words)
        if n == 1 and words[0] in t.cardinals:
            return t.cardinals[words[0]], False, None
        total, i, last_scale = 0, 0, None
        while i < n:
            if words[i] not in t.cardinals and words[i] not in t.ordinals:
                return None
            joined = gaps[i]
            group = self._group(words, gaps, i)
            if group is None:
                return None
            value, i, ordinal = group
            if value == 0 or joined == "and" and value >= 100:
                return None
            if ordinal:
                return (total + value, True, None) if i == n else None
            if i == n:
                return total + value, False, None
            word, gap = words[i], gaps[i]
            if gap != " ":
                return None
            if word in t.scales and t.scales[word][0] > 100:
                scale = t.scales[word][0]
                if last_scale is not None and scale >= last_scale or value >= 1000:
                    return None
                total += value * scale
                last_scale = scale
                i += 1
                if i < n and gaps[i] not in (" ", "and"):
                    return None
                continue
            if word in t.scale_ordinals and t.scale_ordinals[word] > 100:
                scale = t.scale_ordinals[word]
                if last_scale is not None and scale >= last_scale or i + 1 != n:
                    return None
                return total + value * scale, True, None
            return None
        return total, False, None

    def format(self, value: int, ordinal: bool) -> str:
        if value < 1000:
            if ordinal:
                return self._small_ordinals[value]
            if value < self._plain_below:
                return str(value)
        if ordinal:
            return f"{value:,}{self.t.suffix(value)}".replace(",", self.t.thousands_separator)
        for word, (scale, keep) in self._scales_desc:
            if not keep or value < scale:
                continue
            whole, rest = divmod(value, scale)
            if rest == 0:
                return f"{whole:,} {word}".replace(",", self.t.thousands_separator)
            if rest % (scale // 100) == 0 and whole < 1000:
                decimals = f"{rest * 100 // scale:02d}".rstrip("0")
                return f"{whole}.{decimals} {word}"
            break
        return f"{value:,}".replace(",", self.t.thousands_separator)

    # -- context --------------------------------------------------------------------------------
    def _decimal(self, text: str, end: int):
        """A decimal tail after a run: ' point five' followed by a unit word; (digits, its end) or None."""
        if self._point is None or text[end : end + 1] not in _POINT_SPACES or end + 1 >= len(text):
            return None
        first = text[end + 1]
        if first not in self._point_firsts and first < "\x80":
            return None
        m = self._point.match(text, end)
        if not m:
            return None
        digits = [str(self.t.cardinals[w.lower()]) for w in m.group(1).split()]
        unit = _WORD_AFTER.match(text, m.end())
        if not unit or unit.group(1).lower() not in self.t.decimal_units or not m.group(1).islower():
            return None
        return "".join(digits), m.end()

    def _blocked(self, text: str, spans: list[tuple[int, int]], words: list[str], end: int | None = None,
                 folds: bool | None = None) -> bool:
        """Whether the context keeps the run at ``spans`` (up to ``end``, after a decimal tail) in words.

        Cheap character tests come first; the regexes run only where they can match.
        """
        start = spans[0][0]
        if end is None:
            end = spans[-1][1]
        t = self.t
        for s, e in spans:
            if not text[s:e].islower():
                return True
        # Glued on the left: a hyphenated or slashed tail (catch-twenty-two), digits, a sign.
        before = text[start - 1] if start else ""
        if before and (before in "-/:.$£€#+" or before.isdigit()):
            return True
        # The 40 characters before the run, reversed, read by one pattern: the start of a sentence
        # (which stays in words), the word before, and digits just before.
        back = _BACK.match(text[max(0, start - 40) : start][::-1])
        if back.group(1) is not None:
            return True
        # Glued on the right.
        after = text[end] if end < len(text) else ""
        if after == "-":
            m = _LETTERS.match(text[end + 1 : end + 40])
            if not m or m.group().lower() not in t.compound_words:
                return True
        elif after and (after in "/:" or after.isdigit() or after == "." and text[end + 1 : end + 2].isdigit()):
            return True
        # A run ends before a non-letter, so a word (or digits) can follow only after spaces.
        if after and after in _TRAILING:
            nxt = _WORD_AFTER.match(text, end)
            if nxt:
                word = nxt.group(1)
                lower = word.lower()
                if lower in self._after_blocks or word in self._near_exact:
                    return True
                if lower == "of":
                    nxt2 = _WORD_AFTER.match(text, nxt.end())
                    if nxt2 and t.near_blocks(nxt2.group(1)):
                        return True
            elif _DIGIT_AFTER.match(text[end : end + 3]):
                return True
        # Before it: a word of [not-near] or [decimal-points], or digits (the 3 characters before).
        word = back.group(2)
        if word is not None:
            word = word[::-1]
            if word in self._near_exact or word.lower() in self._before_blocks:
                return True
        elif back.group(3) is not None and back.end() <= 3:
            return True
        return self._in_idiom(text, spans, words, folds)

    def _lone_ordinal(self, text: str, spans: list[tuple[int, int]], words: list[str], edits: list[Edit]) -> None:
        """the hundredth day -> the 100th day (after a word of [ordinal-leads] only)."""
        value = self.t.scale_ordinals[words[0]]
        prev = word_before(text, max(0, spans[0][0] - 40), spans[0][0])
        if value < self.threshold or not prev or prev.lower() not in self.t.ordinal_leads:
            return
        if self._blocked(text, spans, words):
            return
        edits.append(Edit(spans[0][0], spans[-1][1], self.format(value, True), "number words"))

    def _in_idiom(self, text: str, spans: list[tuple[int, int]], words: list[str], folds: bool | None = None) -> bool:
        # Without İ, ı or ſ in the text, IGNORECASE matching of an ASCII idiom is the same test as
        # lowercasing the text and comparing (the Kelvin sign lowercases to k either way).
        plain = not (has_case_folds(text) if folds is None else folds)
        for (start, _), word in zip(spans, words):
            pattern = self._idiom_patterns.get(word)
            if pattern is not None and plain:
                if pattern.match(text, start):
                    return True
            elif word in self.idioms and self._idiom_here(text, start, word):
                return True
        return False

    def _idiom_here(self, text: str, start: int, word: str) -> bool:
        """An idiom of the pack holds the number word at ``start`` (the definition the patterns follow)."""
        for idiom, offset in self.idioms.get(word, ()):
            s = start - offset
            e = s + len(idiom)
            if s < 0 or e > len(text) or text[s:e].lower() != idiom:
                continue
            if (s and (text[s - 1].isalnum())) or (e < len(text) and text[e].isalnum()):
                continue
            return True
        return False

    def screen_many(self, batch: Batch) -> list[int]:
        """The texts (positions in the batch) that hold a word the screen of :meth:`edits` looks
        for: a word that can reach the threshold or a scale, alone, or a point word. Every other
        text is one :meth:`edits` lets go at the screen (see :mod:`textfix.batchscreen`).

        Every number word is ASCII letters, so the folded scan's word boundaries are the bytes
        around a match that are not ASCII letters, digits, ``_`` or ``'`` (any byte of a non-ASCII
        character, the NUL between texts, the ends). No match is lost to an overlapping one: one
        that overlaps a word standing alone would hold the non-letter before it, or (the longest
        at the word's start) the one after it.

        >>> from textfix.catalog import Catalog
        >>> from textfix.numbers.tables import compile_tables
        >>> w = WordFinder(compile_tables([Catalog().load("numbers.en")]), 10)
        >>> w.screen_many(Batch(["one or two", "Often.", "TWELVE", "a 1.5 point lead"]))
        [2, 3]
        """
        automaton = self._batch
        # A text holding one of ASCII_CASE_FOLDS is read by the exact pattern: no screen then.
        low = None if automaton is None or has_case_folds(batch.joined) else batch.utf8_lower
        if low is None:
            return batch.everything()
        bounded = self._batch_bounded
        word = _IS_WORD_BYTE
        last = len(low)
        positions = []
        for pattern, start, end in automaton.find_matches_as_indexes(low):
            if pattern >= bounded or ((not start or not word[low[start - 1]]) and (end == last or not word[low[end]])):
                positions.append(start)
        return owners_at(positions, low)

    def edits(self, text: str, ctx=None) -> list[Edit]:
        if self._triggers is not None and (text.isascii() or not has_case_folds(text)):
            # The scanner's fast path, inline, with the screen first (see _screen_words): a text
            # with no number word that can reach the threshold and no decimal point word has no edit.
            folds = False
            encoded = (" " + text + " ").encode("ascii", "replace")
            folded = encoded.translate(_FOLD)
            found = self._fast.findall(folded)  # b" word" for each number word, in order
            if not found:
                return []
            if self._triggers.isdisjoint(found) and (self._scales.isdisjoint(found) or self._scaled.isdisjoint(found)):
                # Only a decimal tail can still make an edit: a point word right after a number word.
                # (Each distinct word looked for once: the time stays linear in the text.)
                points = [point for point in self._points if folded.find(point) >= 0]
                for match in set(found) if points else ():
                    for point in points:
                        if folded.find(match + point) >= 0:
                            break
                    else:
                        continue
                    break
                else:
                    return []
            runs = self._runs_of(text, WordScanner.kept(text, encoded, _found_spans(folded, found)))
        else:
            folds = has_case_folds(text)
            runs = self._runs(text, folds)
        if not runs:
            return []
        edits: list[Edit] = []
        cardinals, threshold = self.t.cardinals, self.threshold
        for spans, words, gaps in runs:
            end = spans[-1][1]
            # A lone cardinal word (the commonest run) is read without the general reader, and one
            # below the threshold with no decimal tail after it (no space after it) is done.
            if len(words) == 1 and words[0] in cardinals:
                value, ordinal = cardinals[words[0]], False
                if value < threshold and text[end : end + 1] not in _POINT_SPACES:
                    continue
            else:
                if len(words) <= _MEMO_WORDS:
                    key = (tuple(words), tuple(gaps))
                    read = self._reads.get(key, _UNREAD)
                    if read is _UNREAD:
                        read = _remember(self._reads, key, self.read(words, gaps))
                else:
                    read = self.read(words, gaps)
                if read is None:
                    if len(words) == 1 and words[0] in self.t.scale_ordinals:
                        self._lone_ordinal(text, spans, words, edits)
                    continue
                value, ordinal, _ = read
            decimal = None
            if not ordinal and text[end : end + 1] in _POINT_SPACES:  # a decimal tail starts so
                decimal = self._decimal(text, end)
            if decimal is not None:
                if not self._blocked(text, spans, words, decimal[1], folds):
                    whole = self.format(value, False)
                    if whole.isdigit() or "," in whole:
                        edits.append(Edit(spans[0][0], decimal[1], f"{whole}.{decimal[0]}", "number words"))
                continue
            if value < threshold:
                continue
            if not ordinal and 2001 <= value <= 2099 and "thousand" in words and "hundred" not in words:
                continue  # two thousand and five: likely a year
            if self._blocked(text, spans, words, end, folds):
                continue
            out = self._formats.get((value, ordinal)) or _remember(self._formats, (value, ordinal),
                                                                    self.format(value, ordinal))
            edits.append(Edit(spans[0][0], end, out, "number words"))
        return edits


def _idiom_patterns(idioms: dict[str, list[tuple[str, int]]]) -> dict[str, re.Pattern[str]]:
    """For each number word, one pattern that says whether an idiom holds it there.

    Matched (IGNORECASE) at the word, it is the test of :meth:`WordFinder._idiom_here` (the idiom
    lowercased as written; no letter or digit just before or after it) on text without İ, ı or ſ.
    Only ASCII idioms get one.
    """
    patterns = {}
    for word, found in idioms.items():
        if not all(idiom.isascii() for idiom, _ in found):
            continue
        # Grouped by what comes before the word, so each lookbehind is tried once.
        tails: dict[str, list[str]] = {}
        for idiom, offset in found:
            tails.setdefault(idiom[:offset], []).append(idiom[offset + len(word) :])
        alternatives = []
        for before, afters in tails.items():
            escaped = re.escape(before)
            look_before = f"(?<={escaped})(?<![^\\W_]{escaped})" if before else r"(?<![^\W_])"
            after = "|".join(re.escape(a) for a in sorted(afters, key=len, reverse=True))
            alternatives.append(f"{look_before}{re.escape(word)}(?:{after})(?![^\\W_])")
        patterns[word] = re.compile("|".join(alternatives), re.IGNORECASE)
    return patterns


_UNREAD = object()
_MEMO_SIZE = 4096
_MEMO_WORDS = 8  # longer runs are read each time (a memo of them could hold much of a long text)


def _remember(memo: dict, key, value):
    """``memo[key] = value`` (the memo emptied first when full); returns ``value``."""
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value
    return value


_WORD_BYTES = frozenset(_ASCII_WORD_BYTES)  # what the folded scan reads as letters


def _found_spans(folded: bytes, found: list[bytes]) -> list[tuple[int, int]]:
    """The spans of the matches ``found`` (``WordScanner.fast.findall(folded)``), as ``finditer`` gives them.

    Each match is a space and a word not followed by a letter (of the folded text, which ends in a
    space); the matches are in order, so each is the first such place of its text from the end of
    the one before. tests/test_numbers_screen.py checks it against ``finditer``.
    """
    spans = []
    pos = 0
    for match in found:
        at = folded.find(match, pos)
        end = at + len(match)
        while folded[end] in _WORD_BYTES:
            at = folded.find(match, at + 1)
            end = at + len(match)
        spans.append((at, end))
        pos = end
    return spans


def _screen_words(tables: NumberTables, threshold: int) -> set[str]:
    """The cardinals and ordinals (and scale ordinals) without which no run reaches ``threshold``.

    A run's value grows past its largest word only through a scale or a scale ordinal (one
    hundred, three thousand, the hundredth) or a tens word with a unit after it (twenty-one: at
    most 9 more). A scale counts only after a cardinal or ordinal (a run is read from one), so the
    screen lets a text through on a scale only if it also holds one of those. A run of other words
    is worth less than ``threshold``: it is rewritten only with a decimal tail (one point five
    percent), a point word right after it, which the screen looks for last.
    tests/test_numbers_screen.py checks all this against the unscreened rule.
    """
    words = set(tables.scale_ordinals)
    for table in (tables.cardinals, tables.ordinals):
        for word, value in table.items():
            tens = table is tables.cardinals and 20 <= value <= 90 and value % 10 == 0
            if value >= threshold or tens and value + 9 >= threshold:
                words.add(word)
    return words
