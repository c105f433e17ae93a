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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..offsets import Edit
from .scan import word_pattern
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
_WORD_AFTER = re.compile(r"[ \t\u00a0]*([^\W\d_]+(?:['’][^\W\d_]+)?)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t\u00a0]*$")
_WORD_CHARS = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT_AFTER = re.compile(r"[ \t\u00a0]*[0-9]")
_DIGIT_BEFORE = re.compile(r"[0-9][ \t\u00a0]*$")
_OPENERS = "\"'“‘«([{—–- \t\u00a0*"


@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    word: str  # lowercase
    gap: str  # how it joins the previous atom of its run: "", "-", " " or "and"


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
        digit_words = [w for w, v in tables.cardinals.items() if v <= 9]
        points = "|".join(map(re.escape, sorted(tables.decimal_points)))
        digit_alt = "|".join(map(re.escape, sorted(digit_words, key=len, reverse=True)))
        self._point = re.compile(r"[ \u00a0](?:" + points + r")((?:[ \u00a0](?:" + digit_alt + r"))+)(?![\w'’-])",
                                 re.IGNORECASE) if points and digit_alt else None
        self._scales_desc = sorted(tables.scales.items(), key=lambda kv: -kv[1][0])
        self.tens = {w for w, v in tables.cardinals.items() if 20 <= v <= 90 and v % 10 == 0}
        # idiom word -> [(idiom, offset of that word in the idiom)]
        self.idioms: dict[str, list[tuple[str, int]]] = {}
        for idiom in tables.idioms:
            for m in re.finditer(r"[^\W\d_]+", idiom):
                if m.group() in words:
                    self.idioms.setdefault(m.group(), []).append((idiom, m.start()))

    # -- runs -----------------------------------------------------------------------------------
    def _runs(self, text: str):
        run: list[_Atom] = []
        scales, joiners = self.t.scales, self.t.joiners
        prev_end, prev_word = 0, ""
        for m in self.atom.finditer(text):
            start, end = m.span()
            word = m.group().lower()
            if run:
                gap = text[prev_end:start]
                kind = None
                if gap == "-":
                    kind = "-"
                elif gap == " " or gap == "\u00a0":
                    kind = " "
                elif prev_word == "hundred" or prev_word in scales:
                    parts = gap.split()
                    if len(parts) == 1 and parts[0].lower() in joiners and gap[0] == " " and gap[-1] == " ":
                        kind = "and"
                if kind is not None:
                    run.append(_Atom(start, end, word, kind))
                    prev_end, prev_word = end, word
                    continue
                yield run
            run = [_Atom(start, end, word, "")]
            prev_end, prev_word = end, word
        if run:
            yield run

    # -- reading one number ---------------------------------------------------------------------
    def _tens_part(self, atoms: list[_Atom], i: int):
        """A number below 100 at atoms[i]: (value, next index, ordinal?) or None."""
        t = self.t
        word = atoms[i].word
        if word in t.ordinals:
            return t.ordinals[word], i + 1, True
        if word not in t.cardinals:
            return None
        value = t.cardinals[word]
        if word in self.tens and i + 1 < len(atoms) and atoms[i + 1].gap in ("-", " "):
            nxt = atoms[i + 1].word
            if 1 <= t.cardinals.get(nxt, 0) <= 9:
                return value + t.cardinals[nxt], i + 2, False
            if 1 <= t.ordinals.get(nxt, 0) <= 9:
                return value + t.ordinals[nxt], i + 2, True
        return value, i + 1, False

    def _group(self, atoms: list[_Atom], i: int):
        """A number below 1000 at atoms[i]: (value, next index, ordinal?) or None."""
        t = self.t
        word = atoms[i].word
        if atoms[i].gap == "-":
            return None
        n = len(atoms)
        if 1 <= t.cardinals.get(word, 0) <= 9 and i + 1 < n and atoms[i + 1].gap == " ":
            nxt = atoms[i + 1].word
            if t.scales.get(nxt, (0,))[0] == 100:
                value = t.cardinals[word] * 100
                j = i + 2
                if j < n and atoms[j].gap in (" ", "and") and (atoms[j].word in t.cardinals or atoms[j].word in t.ordinals):
                    rest = self._tens_part(atoms, j)
                    if rest is None or rest[0] == 0:
                        return None
                    return value + rest[0], rest[1], rest[2]
                if j < n and atoms[j].gap == "and":
                    return None
                return value, j, False
            if t.scale_ordinals.get(nxt) == 100:
                return t.cardinals[word] * 100, i + 2, True
        return self._tens_part(atoms, i)

    def read(self, atoms: list[_Atom]):
        """The whole run as one number: (value, ordinal?, scale word kept or None) or None."""
        t = self.t
        n = len(atoms)
        if n == 1 and atoms[0].word in t.cardinals:
            return t.cardinals[atoms[0].word], False, None
        total, i, last_scale = 0, 0, None
        while i < n:
            if atoms[i].word not in t.cardinals and atoms[i].word not in t.ordinals:
                return None
            joined = atoms[i].gap
            group = self._group(atoms, i)
            if group is None:
                return None
            value, i, ordinal = group
            if value == 0 or joined == "and" and value >= 100:
                return None
            if ordinal:
                return (total + value, True, None) if i == n else None
            if i == n:
                return total + value, False, None
            word, gap = atoms[i].word, atoms[i].gap
            if gap != " ":
                return None
            if word in t.scales and t.scales[word][0] > 100:
                scale = t.scales[word][0]
                if last_scale is not None and scale >= last_scale or value >= 1000:
                    return None
                total += value * scale
                last_scale = scale
                i += 1
                if i < n and atoms[i].gap not in (" ", "and"):
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
        m = self._point.match(text, end) if self._point is not None else None
        if not m:
            return None
        digits = [str(self.t.cardinals[w.lower()]) for w in m.group(1).split()]
        unit = _WORD_AFTER.match(text, m.end())
        if not unit or unit.group(1).lower() not in self.t.decimal_units or not m.group(1).islower():
            return None
        return "".join(digits), m.end()

    def _blocked(self, text: str, run: list[_Atom], end: int | None = None) -> bool:
        start, end = run[0].start, run[-1].end if end is None else end
        t = self.t
        for atom in run:
            if not text[atom.start : atom.end].islower():
                return True
        # Glued on the left: a hyphenated or slashed tail (catch-twenty-two), digits, a sign.
        before = text[start - 1] if start else ""
        if before and (before in "-/:.$£€#+" or before.isdigit()):
            return True
        # The start of a sentence stays in words.
        head = text[max(0, start - 40) : start].rstrip(_OPENERS)
        if not head or head[-1] in ".!?\n\r" and not head.endswith("..."):
            return True
        # Glued on the right.
        after = text[end] if end < len(text) else ""
        if after == "-":
            m = _LETTERS.match(text[end + 1 : end + 40])
            if not m or m.group().lower() not in t.compound_words:
                return True
        elif after and (after in "/:" or after.isdigit() or after in "." and text[end + 1 : end + 2].isdigit()):
            return True
        nxt = _WORD_AFTER.match(text, end)
        if nxt and after != "-":
            word = nxt.group(1)
            if word.lower() in t.not_before or t.near_blocks(word):
                return True
            if word.lower() == "of":
                nxt2 = _WORD_AFTER.match(text, nxt.end())
                if nxt2 and t.near_blocks(nxt2.group(1)):
                    return True
        elif _DIGIT_AFTER.match(text[end : end + 3]):
            return True
        prev = word_before(text, max(0, start - 40), start)
        if prev and (t.near_blocks(prev) or prev.lower() in t.decimal_points):
            return True
        if _DIGIT_BEFORE.search(text[max(0, start - 3) : start]):
            return True
        return self._in_idiom(text, run)

    def _lone_ordinal(self, text: str, run: list[_Atom], edits: list[Edit]) -> None:
        """the hundredth day -> the 100th day (after a word of [ordinal-leads] only)."""
        value = self.t.scale_ordinals[run[0].word]
        prev = word_before(text, max(0, run[0].start - 40), run[0].start)
        if value < self.threshold or not prev or prev.lower() not in self.t.ordinal_leads:
            return
        if self._blocked(text, run):
            return
        edits.append(Edit(run[0].start, run[-1].end, self.format(value, True), "number words"))

    def _in_idiom(self, text: str, run: list[_Atom]) -> bool:
        for atom in run:
            for idiom, offset in self.idioms.get(atom.word, ()):
                s = atom.start - offset
                e = s + len(idiom)
                if s < 0 or e > len(text) or text[s:e].lower() != idiom:
                    continue
                if (s and (text[s - 1].isalnum())) or (e < len(text) and text[e].isalnum()):
                    continue
                return True
        return False

    def edits(self, text: str) -> list[Edit]:
        edits = []
        for run in self._runs(text):
            read = self.read(run)
            if read is None:
                if len(run) == 1 and run[0].word in self.t.scale_ordinals:
                    self._lone_ordinal(text, run, edits)
                continue
            value, ordinal, _ = read
            decimal = None if ordinal else self._decimal(text, run[-1].end)
            if decimal is not None:
                if not self._blocked(text, run, decimal[1]):
                    whole = self.format(value, False)
                    if whole.isdigit() or "," in whole:
                        edits.append(Edit(run[0].start, decimal[1], f"{whole}.{decimal[0]}", "number words"))
                continue
            if value < self.threshold:
                continue
            if not ordinal and 2001 <= value <= 2099 and any(a.word == "thousand" for a in run) \
                    and not any(a.word == "hundred" for a in run):
                continue  # two thousand and five: likely a year
            if self._blocked(text, run):
                continue
            edits.append(Edit(run[0].start, run[-1].end, self.format(value, ordinal), "number words"))
        return edits
