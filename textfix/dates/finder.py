"""Finding dates in text and rewriting them, one token pass, precision first.

The text is cut once into tokens (digit runs, letter runs, whitespace, single
other characters). At each token a few small readers try the forms a date
takes in English, each reading only a handful of tokens:

* month first: ``September 11, 2001``, ``Sept. 11th 2001``, ``September eleventh, 2001``;
* day first: ``11 September 2001``, ``11th of September, 2001``, ``the eleventh of September, 2001``;
* numeric: ``2001/09/11``, ``2001-09-11``, ``11/09/2001`` (day and month both ≤ 12: only
  with the ``day_first`` option);
* month and year: ``March 2020`` → ``2020-03``;
* without a year (``March 3``, ``3 March``): only with a ``reference_date``, which picks
  the nearest such date.

What is never a date: numbers glued to other numbers or letters (``3/4``,
``10:30``, ``1.2.3``, ``555-1234``), lowercase ``may``/``march``, a month that is
also a name without a day or year after a capitalized word (``Theresa May 2019``),
a date that does not exist (``February 30, 2001``, left as written and reported).
A weekday before the date stays a word and is checked against the date.

Speed: the readers are the reference (:meth:`DateFinder.edits_reference` runs them
on every token). :meth:`DateFinder.edits` gives the same edits from one regex scan:
the common forms with plain surroundings are settled from the match itself (the
*quick path*), an anchor alone that no date can hold is skipped (:meth:`DateFinder._alone`),
the rest is read by the readers in small token windows; without a reference date, a text
with no four digits in a row (no year) is skipped before the scan. The equivalence is
tested with hypothesis (tests/test_dates_fast.py, test_dates_quick.py, test_dates_alone.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime
from itertools import accumulate

from ..numbers.scan import word_pattern
from ..offsets import Edit
from .tables import DEFAULT_FORMAT, DEFAULT_MONTH_FORMAT, DateTables

_LETTERS = re.compile(r"[^\W\d_]+")
# Windows (see DateFinder._window): anchors closer than _CLUSTER characters share one window.
_CLUSTER = 100
_STARTS_BEFORE, _STARTS_AFTER = 6, 2
_REACH_BACK, _REACH_AHEAD = 5, 14
_TOKEN = re.compile(r"(\d+)|([^\W\d_]+)|(\s+)|(.)", re.DOTALL)
DIGIT, WORD, SPACE, OTHER = 1, 2, 3, 4
# The same tokens without groups (faster); a token's kind is that of its first character read alone.
_PLAIN_TOKEN = re.compile(r"\d+|[^\W\d_]+|\s+|.", re.DOTALL)


def _kind_of(ch: str) -> int:
    return _TOKEN.match(ch).lastindex or OTHER


_ASCII_KINDS = {chr(c): _kind_of(chr(c)) for c in range(128)}
# Characters that glue a number to the next digits (a time, a fraction, a decimal, a range, a version ...).
_GLUE = frozenset("/.,:-–—_")
# Characters that make the digits after them something else than a day (money, a count, a sign ...).
_NOT_BEFORE = frozenset("$£€¥#+-−@%&")
_GAPS = frozenset(" \u00a0\u2009\u202f")
# For DateFinder.edits' screen, on UTF-8 bytes: an ASCII decimal digit and every byte of a non-ASCII
# character (0x80 and up) as "0", anything else as a space.
_DECIMALS = bytes(0x30 if b >= 0x80 or chr(b).isdecimal() else 0x20 for b in range(256))


@dataclass(frozen=True)
class DateOptions:
    date_format: str = DEFAULT_FORMAT
    month_format: str = DEFAULT_MONTH_FORMAT
    reference_date: date | None = None
    day_first: bool | None = None


class _Tokens:
    """Parallel lists of token kinds, texts and start offsets of one text."""

    __slots__ = ("kinds", "n", "starts", "text", "texts")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        """The tokens of ``text[start:end]``; a window's first and last tokens may be cut short."""
        self.text = text
        self.texts: list[str] = _PLAIN_TOKEN.findall(text, start, len(text) if end is None else end)
        self.starts: list[int] = list(accumulate(map(len, self.texts), initial=start))
        self.starts.pop()
        self.kinds: list[int] = [_ASCII_KINDS.get(t[0]) or _kind_of(t[0]) for t in self.texts]
        self.n = len(self.kinds)

    def trim(self, first: bool, last: bool) -> None:
        """Drop the first and/or last token (those a window may have cut)."""
        a, b = (1 if first else 0), (self.n - 1 if last else self.n)
        if a or b != self.n:
            self.kinds, self.texts, self.starts = self.kinds[a:b], self.texts[a:b], self.starts[a:b]
            self.n = len(self.kinds)

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.texts[i])

    def kind(self, i: int) -> int:
        return self.kinds[i] if 0 <= i < self.n else 0

    def is_text(self, i: int, value: str) -> bool:
        return 0 <= i < self.n and self.texts[i] == value

    def is_space(self, i: int) -> bool:
        """A gap inside a date: one space (regular, no-break, thin or narrow no-break)."""
        return self.kind(i) == SPACE and self.texts[i] in _GAPS


class DateFinder:
    """Compiled once per pipeline from the packs' tables and the options."""

    def __init__(self, tables: DateTables, options: DateOptions) -> None:
        self.t = tables
        self.o = options
        self.custom = options.date_format != DEFAULT_FORMAT or options.month_format != DEFAULT_MONTH_FORMAT
        self.format_weekday = "%a" in options.date_format or "%A" in options.date_format
        self._iso_date = options.date_format == DEFAULT_FORMAT
        self._iso_month = options.month_format == DEFAULT_MONTH_FORMAT
        self._plain_iso = not self.custom
        names = sorted({*tables.months, *tables.weekdays}, key=len, reverse=True)
        # Prefilter: a month name, or digits glued by a separator to more digits.
        self._anchor = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, names)) + r")(?![^\W\d_])"
                                  r"|\d[/.\-]\d")
        # Where a date can be: every date the readers find holds a month name or a numeric date
        # (digits, a separator, digits ...). Only the tokens around those are read (see edits).
        self._months_at = self._numeric_at = None
        seps = tables.year_first_separators | tables.year_last_separators
        if tables.months and all(_LETTERS.fullmatch(m) for m in tables.months) and all(len(c) == 1 for c in seps):
            self._months_at = word_pattern(tables.months, r"[^\W\d_]", r"[^\W\d_]", ignorecase=False)
            if seps:
                # A separator between digits (found by the separator, rarer than digits); the anchor
                # is the digit before it.
                self._numeric_at = re.compile("[" + "".join(map(re.escape, sorted(seps))) + r"](?<=\d.)(?=\d)",
                                              re.DOTALL)
        # The scan of edits() and what _quick() reads before a date (see there).
        self._fast = None
        if self._months_at is not None:
            suffixes = {s for forms in tables.day_suffixes.values() for s in forms}
            self._fast = _fast_pattern(tables, seps)
            self._day_back = _day_back_pattern()
            # How far back a day-first date's day can be from its month: a space, "of", a space,
            # a suffix, two digits and the character before them.
            self._day_back_reach = 5 + len(tables.of) + max(map(len, suffixes), default=0)
            # What the quick path reads, in few objects: month spelling -> (number, abbreviation?,
            # name?, "-MM-": the middle of an ISO date).
            self._month_info = {k: (v.number, v.abbreviation, v.name, f"-{v.number:02d}-")
                                for k, v in tables.months.items()}
            self._weekdays = tables.weekdays
            # The same range for a year the pattern read (four ASCII digits), compared as text.
            self._year_texts = (f"{tables.min_year:04d}" if tables.min_year <= 9999 else ":",
                                f"{min(tables.max_year, 9999):04d}")
            # Every anchor is a month name or digits glued by a separator: with the separators of
            # wanted(), a text with an anchor is always wanted.
            self._check_wanted = not seps <= {"/", ".", "-"}
            tails = {w.split("-", 1)[1] for w in tables.day_words if "-" in w}
            self._unsafe_before = frozenset({tables.of.lower(), *tables.day_words, *suffixes, *tails,
                                             *tables.not_after})
            # What can start a day after a month (see _alone): a day word, or the first part of a hyphenated one.
            self._day_starts = frozenset({*tables.day_words, *tables.hyphen_heads})
            # _alone reads a month token as a month only: not when a month is also spelled as a day word,
            # the first part of one, a suffix or "of" (then the readers may take it for those).
            self._bare_months = not {m.lower() for m in tables.months} & (self._unsafe_before | self._day_starts)
            # For a lowercase word (which is its own lower()): the same, and the weekdays written so.
            self._unsafe_lowercase = self._unsafe_before | {w for w in tables.weekdays if w.islower()}
        self._search = None if self._fast is None else self._fast.search
        # The screen of edits(). Without a reference date, a date the readers find gives an edit only with a
        # year: _year and _numeric_value read one only from a token of four digits. _DECIMALS turns every
        # decimal digit of the text's UTF-8 bytes into "0" (or "00"...: non-ASCII ones are all bytes of 0x80
        # and up): without "0000" there, the text has no four digits in a row.
        self._screen = options.reference_date is None
        # The prefilter of wanted(), in two fast parts (the same answer).
        self._weekdays_at = self._glued_digits = None
        if tables.weekdays and all(_LETTERS.fullmatch(w) for w in tables.weekdays):
            self._weekdays_at = word_pattern(tables.weekdays, r"[^\W\d_]", r"[^\W\d_]", ignorecase=False)
            self._glued_digits = re.compile(r"\d[/.\-]\d")

    # -- small readers: each returns None or what it read plus the next token index ---------------
    def _month(self, tk: _Tokens, i: int):
        if tk.kind(i) != WORD:
            return None
        month = self.t.months.get(tk.texts[i])
        if month is None:
            return None
        j = i + 1
        if month.abbreviation and tk.is_text(j, "."):
            j += 1
        elif tk.kind(j) == WORD or tk.kind(j) == DIGIT:
            return None
        return month, j

    def _continues(self, tk: _Tokens, j: int) -> bool:
        """Does the number that ends before token j go on (glued digits, letters, a sign ...)?"""
        kind = tk.kind(j)
        if kind in (DIGIT, WORD):
            return True
        if kind == OTHER:
            ch = tk.texts[j]
            if ch in _GLUE and tk.kind(j + 1) == DIGIT:
                return True
            if ch in "%°'’":
                return True
        return False

    def _preceded(self, tk: _Tokens, i: int) -> bool:
        """Is the number at token i glued to what comes before it?"""
        kind = tk.kind(i - 1)
        if kind in (DIGIT, WORD):
            return True
        if kind == OTHER:
            ch = tk.texts[i - 1]
            if ch in _NOT_BEFORE:
                return True
            if ch in _GLUE and tk.kind(i - 2) == DIGIT:
                return True
        return False

    def _day(self, tk: _Tokens, i: int):
        """A day: 1-31 in digits with an optional fitting suffix (11th), or an ordinal word.

        Returns (day, next index, ordinal?)."""
        kind = tk.kind(i)
        if kind == DIGIT:
            text = tk.texts[i]
            if len(text) > 2:
                return None
            day = int(text)
            if not 1 <= day <= 31:
                return None
            if tk.kind(i + 1) == WORD:
                if tk.texts[i + 1].lower() in self.t.day_suffixes[day] and not self._continues(tk, i + 2):
                    return day, i + 2, True
                return None
            if self._continues(tk, i + 1) and not tk.is_text(i + 1, ","):
                return None
            if tk.is_text(i + 1, ",") and tk.kind(i + 2) == DIGIT:
                return None
            return day, i + 1, False
        if kind == WORD:
            first = tk.texts[i]
            if not (first.islower() or first.istitle()):
                return None
            if tk.is_text(i + 1, "-") and tk.kind(i + 2) == WORD:
                day = self.t.day_words.get(f"{first}-{tk.texts[i + 2]}".lower())
                if day is not None and tk.texts[i + 2].islower():
                    return None if tk.is_text(i + 3, "-") else (day, i + 3, True)
            day = self.t.day_words.get(first.lower())
            if day is not None and not tk.is_text(i + 1, "-"):
                return day, i + 1, True
        return None

    def _year(self, tk: _Tokens, i: int):
        if tk.kind(i) != DIGIT or len(tk.texts[i]) != 4:
            return None
        year = int(tk.texts[i])
        if not self.t.min_year <= year <= self.t.max_year or self._continues(tk, i + 1):
            return None
        return year, i + 1

    def _gap(self, tk: _Tokens, j: int, comma: bool = True) -> int | None:
        """An optional comma then a space; the index after them, or None."""
        if comma and tk.is_text(j, ","):
            j += 1
        return j + 1 if tk.is_space(j) else None

    def _date_like_after(self, tk: _Tokens, j: int) -> bool:
        """After a year-less date, digits or a month or weekday name: the words belong to something else.

        Rewritten dates start with digits or (custom formats) a month or weekday name, so this
        reads the same before and after the text that follows is rewritten."""
        if tk.is_text(j, ","):
            j += 1
        if not tk.is_space(j):
            return False
        nxt = tk.kind(j + 1)
        return nxt == DIGIT or nxt == WORD and (tk.texts[j + 1] in self.t.months or tk.texts[j + 1] in self.t.weekdays)

    def _weekday_before(self, tk: _Tokens, i: int):
        """A weekday written right before token i: (its number, its token index) or None."""
        j = i - 1
        if not tk.is_space(j):
            return None
        j -= 1
        if tk.is_text(j, ","):
            j -= 1
        if tk.is_text(j, "."):
            j -= 1
        if tk.kind(j) == WORD and tk.texts[j] in self.t.weekdays:
            return self.t.weekdays[tk.texts[j]], j
        return None

    def _name_blocked(self, tk: _Tokens, i: int) -> bool:
        """A month that is also a name (May), after a capitalized word that does not lead a date."""
        j = i - 1
        if not tk.is_space(j) or tk.kind(j - 1) != WORD:
            return False
        word = tk.texts[j - 1]
        # Month and weekday names do not block: a date before it reads the same rewritten or not.
        return (word[:1].isupper() and word not in self.t.name_leads and word not in self.t.weekdays
                and word not in self.t.months)

    # -- the forms ------------------------------------------------------------------------------
    def _month_first(self, tk: _Tokens, i: int):
        found = self._month(tk, i)
        if found is None:
            return None
        month, j = found
        k = self._gap(tk, j, comma=False)
        if k is None:
            return None
        if self._preceded(tk, i):
            return None
        day = self._day(tk, k)
        if day is not None:
            d, after_day, _ = day
            y_at = self._gap(tk, after_day)
            year = self._year(tk, y_at) if y_at is not None else None
            if year is not None:
                return "full", year[0], month.number, d, year[1]
            if self._continues(tk, after_day) or month.name and self._name_blocked(tk, i):
                return None
            if self._date_like_after(tk, after_day):
                return None  # "Sep 13 10:20", "March 3 1,000": not a year-less date
            return "day", None, month.number, d, after_day
        year = self._year(tk, k)
        if year is not None and not (month.name and self._name_blocked(tk, i)):
            return "month", year[0], month.number, None, year[1]
        return None

    def _day_first(self, tk: _Tokens, i: int):
        if self._preceded(tk, i):
            return None
        day = self._day(tk, i)
        if day is None:
            return None
        d, j, ordinal = day
        k = self._gap(tk, j, comma=False)
        if k is None:
            return None
        if ordinal and tk.kind(k) == WORD and tk.texts[k].lower() == self.t.of:
            k = self._gap(tk, k + 1, comma=False)
            if k is None:
                return None
        found = self._month(tk, k)
        if found is None:
            return None
        month, after_month = found
        y_at = self._gap(tk, after_month)
        year = self._year(tk, y_at) if y_at is not None else None
        if year is not None:
            return "full", year[0], month.number, d, year[1]
        if tk.kind(after_month) == DIGIT or tk.is_text(after_month, "-") and tk.kind(after_month + 1) == DIGIT:
            return None
        # "first January 01, 2001": the month starts a date of its own.
        if y_at is not None and self._day(tk, y_at) is not None or self._date_like_after(tk, after_month):
            return None
        if tk.is_text(after_month - 1, "."):
            after_month -= 1  # "on 4 Jan." ends a sentence: the period stays
        return "day", None, month.number, d, after_month

    def _numeric(self, tk: _Tokens, i: int):
        if tk.kind(i) != DIGIT or tk.kind(i + 1) != OTHER or tk.kind(i + 2) != DIGIT:
            return None
        sep = tk.texts[i + 1]
        if not tk.is_text(i + 3, sep) or tk.kind(i + 4) != DIGIT:
            return None
        if self._preceded(tk, i) or self._continues(tk, i + 5):
            return None
        if tk.is_space(i - 1) and tk.kind(i - 2) == WORD and tk.texts[i - 2].lower() in self.t.not_after:
            return None
        return self._numeric_value(tk.texts[i], sep, tk.texts[i + 2], tk.texts[i + 4], i + 5)

    def _numeric_value(self, a: str, sep: str, b: str, c: str, end: int):
        """The date written a sep b sep c (digits), as _numeric returns it, or None."""
        if len(a) == 4 and 1 <= len(b) <= 2 and 1 <= len(c) <= 2 and sep in self.t.year_first_separators:
            year, month, day = int(a), int(b), int(c)
        elif len(c) == 4 and 1 <= len(a) <= 2 and 1 <= len(b) <= 2 and sep in self.t.year_last_separators:
            year, x, y = int(c), int(a), int(b)
            if x > 12 >= y:
                day, month = x, y
            elif y > 12 >= x:
                month, day = x, y
            elif x == y or self.o.day_first is not None and x <= 12 and y <= 12:
                day, month = (x, y) if self.o.day_first or x == y else (y, x)
            elif x <= 12 and y <= 12:
                return "ambiguous", year, 0, 0, end
            else:
                return "invalid", year, 0, 0, end
        else:
            return None
        if not self.t.min_year <= year <= self.t.max_year:
            return None
        return "full", year, month, day, end

    # -- the pass -------------------------------------------------------------------------------
    def wanted(self, text: str) -> bool:
        """Is there a month or weekday name, or digits glued to digits by / . or - ?"""
        if self._weekdays_at is None or self._months_at is None:
            return self._anchor.search(text) is not None
        return bool(self._months_at.search(text) or self._weekdays_at.search(text) or self._glued_digits.search(text))

    def _found(self, tk: _Tokens, i: int):
        """The date starting at token i, or None."""
        kind = tk.kinds[i]
        if kind == DIGIT:
            return self._numeric(tk, i) or self._day_first(tk, i)
        if kind == WORD:
            word = tk.texts[i]
            if word in self.t.months:
                return self._month_first(tk, i)
            lower = word.lower()
            if lower in self.t.day_words or lower in self.t.hyphen_heads:
                return self._day_first(tk, i)
        return None

    def edits(self, text: str, ctx=None) -> list[Edit]:
        """The edits of :meth:`edits_reference`, reading only around the places a date can be.

        One scan of ``self._fast`` finds every anchor (a month name, digits glued to digits by a
        separator), and with it the whole date in the common forms. :meth:`_quick` settles such a
        match from a few characters around it when its surroundings are plain; an anchor alone that
        no date can hold is passed over (:meth:`_alone`); anything else is read token by token in a
        window (:meth:`_scan`), nearby anchors sharing one window. Both give what the reference
        gives: see :meth:`_quick`. ``ctx`` is ignored (so this can be the rule's ``edits`` itself).
        """
        if self._screen and text.encode("utf-8", "surrogatepass").translate(_DECIMALS).find(b"0000") < 0:
            return []  # no four digits in a row: no year, so no edit (see __init__)
        search = self._search
        if search is None:
            return self.edits_reference(text)
        if self._check_wanted and not self.wanted(text):
            return []
        m = search(text)
        if m is None:
            return []
        edits: list[Edit] = []
        done = 0  # no date starts before this offset (the end of the last one found)
        lo = hi = -1  # anchors waiting to be read in one window (lo < 0: none)
        quick = self._quick
        # A loop of search() rather than finditer(): cheaper on the many short texts with one date or none.
        while m is not None:
            s = m.start()
            e = m.end()
            if e == m.end(1) and self._alone(text, s, e, m.lastgroup == "num"):
                m = search(text, e)  # an anchor alone that no date holds: nothing to read
                continue
            if lo >= 0 and s - hi > _CLUSTER:
                done = self._scan(text, lo, hi, done, edits)
                lo = -1
            if lo < 0 and s >= done:
                end = quick(text, m, s, done, edits)
                if end >= 0:
                    done = end
                    m = search(text, m.end())
                    continue
            if lo < 0:
                lo = s - 1 if m.lastgroup == "num" else s  # a numeric anchor is the digit before
            hi = m.end() - 1
            m = search(text, hi + 1)
        if lo >= 0:
            self._scan(text, lo, hi, done, edits)
        return edits

    def _alone(self, text: str, s: int, e: int, numeric: bool) -> bool:
        """Is the bare anchor text[s:e] (a match of ``self._fast`` that read nothing after its head) held
        by no date the readers can find? False when unsure (then it is read in a window).

        A month name (token i) is in a date only as the month of :meth:`_month_first` at i, which needs
        (an optional period,) one gap and a day or year token: digits, or a word that starts a day word;
        or as the month of :meth:`_day_first`, which needs one gap before it, and before that a day
        (digits, a day word or the tail of one, an ordinal suffix) or "of" (``_unsafe_before`` holds these
        words, lowercase). A separator between digits is in a date only in :meth:`_numeric`: digits, a
        separator, digits, the same separator, digits; each part has at most four digits for a date.
        """
        if numeric:
            sep = text[s]
            q, lim = e, min(len(text), e + 5)
            while q < lim and text[q].isdecimal():
                q += 1
            if q - e > 4 or text[q:q + 1] == sep and text[q + 1:q + 2].isdecimal():
                return False
            r, lim = s, max(0, s - 5)
            while r > lim and text[r - 1].isdecimal():
                r -= 1
            return not (s - r > 4 or r >= 2 and text[r - 1] == sep and text[r - 2].isdecimal())
        if not self._bare_months:
            return False
        p = e + 1 if text[e:e + 1] == "." else e
        if p + 1 < len(text) and text[p] in _GAPS:
            c = text[p + 1]
            if c.isdecimal():
                return False
            w = _LETTERS.match(text, p + 1)
            if w is not None and w.group().lower() in self._day_starts:
                return False
        if s >= 2 and text[s - 1] in _GAPS:
            c = text[s - 2]
            if c.isdecimal():
                return False
            if (_ASCII_KINDS.get(c) or _kind_of(c)) == WORD:
                word = _word_ending(text, s - 1)
                if word is None or word.lower() in self._unsafe_before:
                    return False
        return True

    def _scan(self, text: str, lo: int, hi: int, done: int, edits: list[Edit]) -> int:
        """Read the dates around the anchors at offsets lo..hi token by token; the new ``done``."""
        tk, i, last = self._window(text, lo, hi)
        kinds, starts = tk.kinds, tk.starts
        while i <= last:
            if kinds[i] > WORD or starts[i] < done:
                i += 1
                continue
            found = self._found(tk, i)
            if found is None:
                i += 1
                continue
            edit = self._edit(tk, i, *found)
            if edit is not None:
                edits.append(edit)
            i = found[-1]
            done = tk.end(i - 1)
        return done

    # -- the quick path: a date read from its match, when what surrounds it is plain ---------------
    def _quick(self, text: str, m: re.Match, s: int, done: int, edits: list[Edit]) -> int:
        """Settle a match of ``self._fast``: append its edit (if any) and return the end of its date;
        or return -1 (and append nothing): it is read in a window.

        Why this gives what the reference gives: the readers run left to right and every date holds
        an anchor; the scan reports anchors in order (a match may swallow the anchors of its own
        date), and nothing found so far reaches the date (``done``). A date the reference could
        start before the date read here and run into it is a day-first one ending at its month, or
        one glued to it: :meth:`_before` sends those (and anything unsure) to a window. Then the
        reader at the date's first token reads exactly the date: the pattern checks the shape and
        what follows (see :func:`_fast_pattern`), this the rest of what the reader checks, and any
        check that fails gives -1.
        """
        name, num, b, c, _, dot, day, suffix, year, comma, year2 = m.groups()
        if num is not None:
            return -1 if b is None else self._quick_numeric(text, s, m.end(), name, b, c, done, edits)
        if day is None and year2 is None:
            return -1  # a month name alone
        number, abbreviation, is_name, middle = self._month_info[name]
        if dot and not abbreviation:
            return -1
        # What stands before: the usual case of _before inline.
        k = text.rfind(" ", s - _LOOK_BACK if s > _LOOK_BACK else 0, s - 1) if s > 1 and text[s - 1] == " " else -1
        if k >= 0 and (word := text[k + 1:s - 1]).islower() and word.isalpha() and word not in self._unsafe_lowercase:
            weekday = None
            blocked = False
        else:
            if year2 is not None and s and text[s - 1] in _GAPS:
                # Digits, "of" or a suffix one space before the month: 11 September 2001, the 11th of ...
                r = self._day_back.match(text[max(0, s - self._day_back_reach):s][::-1])
                if r is not None:
                    return self._quick_day_first(text, s, m.end(), r, name, number, year2, done, edits)
            before = self._before_general(text, s)
            if before is None:
                return -1
            weekday, blocked = before
        if comma:
            return -1
        e = m.end()
        low, high = self._year_texts
        if day is None:  # March 2020
            if not low <= year2 <= high or is_name and blocked:
                return -1
            if self._plain_iso and year2[0] != "0":  # the usual case of _result; a month name always changes
                edits.append(_new_edit(Edit, (s, e, year2 + middle[:-1], "month and year")))
            else:
                self._add(edits, self._result(text, s, e, "month", int(year2), number, None, None))
            return e
        day = _DAYS[day]
        if suffix is not None and suffix.lower() not in self.t.day_suffixes[day]:
            return -1
        if year is not None:  # September 11, 2001
            if not low <= year <= high:
                return -1
            if weekday is None and day <= 28 and self._plain_iso and year[0] != "0":
                # The usual case of _result (no need to build the date); a month name always changes.
                edits.append(_new_edit(Edit, (s, e, year + middle + _TWO_DIGITS[day], "date")))
            else:
                self._add(edits, self._result(text, s, e, "full", int(year), number, day, weekday))
            return e
        if is_name and blocked:  # March 3
            return -1
        if self.o.reference_date is not None:
            self._add(edits, self._result(text, s, e, "day", None, number, day, weekday))
        return e  # without a reference date, a date without a year stays as written, and is read past

    @staticmethod
    def _add(edits: list[Edit], edit: Edit | None) -> None:
        if edit is not None:
            edits.append(edit)

    def _quick_day_first(self, text: str, s: int, e: int, r: re.Match, name: str, number: int, year: str,
                         done: int, edits: list[Edit]) -> int:
        """11 September 2001, the 11th of September, 2001 (see _day_first): the month at offset s, the
        day before it read backwards (``r``: a match of ``_day_back``)."""
        start = s - r.end()
        if start < done or start and text[start - 1].isdecimal():
            return -1
        before = self._before(text, start)
        if before is None:
            return -1
        t = self.t
        of, suffix, digits = r.groups()
        day = _DAYS.get(digits[::-1])
        if day is None:
            return -1  # 0, 00 or more than 31
        if suffix is not None and suffix[::-1].lower() not in t.day_suffixes[day]:
            return -1
        if of is not None:
            if suffix is None or of[::-1].lower() != t.of:
                return -1
        elif suffix is not None and name.lower() == t.of:
            return -1  # the reader would take the month for "of"
        low, high = self._year_texts
        if not low <= year <= high:
            return -1
        if before[0] is None and day <= 28 and self._plain_iso and year[0] != "0":
            # The usual case of _result (no need to build the date); a month name always changes.
            edits.append(_new_edit(Edit, (start, e, year + _MIDDLES[number] + _TWO_DIGITS[day], "date")))
        else:
            self._add(edits, self._result(text, start, e, "full", int(year), number, day, before[0]))
        return e

    def _quick_numeric(self, text: str, p: int, e: int, sep: str, b: str, c: str, done: int,
                       edits: list[Edit]) -> int:
        """2001/09/11, 11/09/2001 (see _numeric): the first number read back from the separator at p."""
        start, low = p - 1, max(0, p - 5)  # a date's first number has at most four digits
        while start > low and text[start - 1].isdecimal():
            start -= 1
        if start < done or start and text[start - 1].isdecimal():
            return -1
        before = self._before(text, start)
        if before is None:
            return -1
        found = self._numeric_value(text[start:p], sep, b, c, 0)
        if found is None:
            return -1
        form, year, month, day, _ = found
        self._add(edits, self._result(text, start, e, form, year, month, day, before[0] if form == "full" else None))
        return e

    def _before(self, text: str, s: int):
        """What the readers see before a date read from offset s: (weekday, blocked), or None when unsure
        (see _before_general). The usual case first: one space after a lowercase word (so it blocks
        nothing: see _name_blocked) that is no weekday, day word, suffix, "of" or not-after word (a
        lowercase word is its own lower(); a word after a space and made of isalpha() letters is a
        whole letters token)."""
        k = text.rfind(" ", s - _LOOK_BACK if s > _LOOK_BACK else 0, s - 1) if s > 1 and text[s - 1] == " " else -1
        if k >= 0 and (word := text[k + 1:s - 1]).islower() and word.isalpha() and word not in self._unsafe_lowercase:
            return _PLAIN
        return self._before_general(text, s)

    def _before_general(self, text: str, s: int):
        """What the readers see before a date read from offset s: (weekday, blocked), or None when unsure.

        None when the first token is glued to what precedes it (:meth:`_preceded`), when digits
        or a word of ``_unsafe_before`` (a day word, an ordinal suffix, "of", a not-after word)
        stand one space before it, or when that word may be longer than looked at. ``weekday``:
        the number and offset of a weekday right before (:meth:`_weekday_before`); ``blocked``: a
        word right before blocks a month that is also a name (:meth:`_name_blocked`).
        """
        if s == 0:
            return _PLAIN
        c = text[s - 1]
        if c == " " and s > 1 and text[s - 2].isalpha():
            return self._after_word(text, s - 1)  # the usual: one space after a word
        kind = _ASCII_KINDS.get(c) or _kind_of(c)
        if kind == OTHER:
            if c in _NOT_BEFORE or c in _GLUE and s >= 2 and (_ASCII_KINDS.get(text[s - 2])
                                                              or _kind_of(text[s - 2])) == DIGIT:
                return None
            return _PLAIN
        if kind != SPACE:
            return None
        if c not in _GAPS or s == 1:
            return _PLAIN
        q = s - 1  # the token before the space ends here
        c = text[q - 1]
        kind = _ASCII_KINDS.get(c) or _kind_of(c)
        if kind == SPACE:
            return _PLAIN  # not a one-character space: nothing before reaches the date
        if kind == DIGIT:
            return None
        if kind == WORD:
            return self._after_word(text, q)
        if c == ",":
            q -= 1
            c = text[q - 1] if q else ""
        if c == ".":
            q -= 1
        if q and (_ASCII_KINDS.get(text[q - 1]) or _kind_of(text[q - 1])) == WORD:
            word = _word_ending(text, q)
            if word is None:
                return None
            number = self._weekdays.get(word)
            if number is not None:
                return (number, q - len(word)), False
        return _PLAIN

    def _after_word(self, text: str, q: int):
        """_before when a word ends at offset q, one space before the date."""
        word = _word_ending(text, q)
        if word is None or word.lower() in self._unsafe_before:
            return None
        number = self._weekdays.get(word)
        if number is not None:
            return (number, q - len(word)), False
        if word[0].isupper() and word not in self.t.name_leads and word not in self._month_info:
            return _BLOCKING
        return _PLAIN

    def _window(self, text: str, lo: int, hi: int) -> tuple[_Tokens, int, int]:
        """The tokens around the anchors at offsets lo..hi, with the range of tokens a date may start at.

        A date starts at most _STARTS_BEFORE tokens before a month name (the eleventh of
        September) and near a numeric anchor; the readers look at most _REACH_BACK tokens
        before a start and _REACH_AHEAD after it. The window holds that many whole tokens (or
        reaches the end of the text), so every reader sees what it would see in the whole text.
        """
        back, ahead = 40, 64
        size = len(text)
        while True:
            start, end = max(0, lo - back), min(size, hi + ahead)
            tk = _Tokens(text, start, end)
            tk.trim(start > 0, end < size)
            a = bisect_right(tk.starts, lo) - 1
            b = bisect_right(tk.starts, hi) - 1
            first, last = a - _STARTS_BEFORE, b + _STARTS_AFTER
            ok_back = start == 0 or first - _REACH_BACK >= 0
            ok_ahead = end == size or last + _REACH_AHEAD < tk.n
            if ok_back and ok_ahead:
                return tk, max(first, 0), min(last, tk.n - 1)
            if not ok_back:
                back *= 2
            if not ok_ahead:
                ahead *= 2

    def edits_reference(self, text: str) -> list[Edit]:
        """The same edits, reading every token of the text (the plain form of :meth:`edits`)."""
        if not self.wanted(text):
            return []
        tk = _Tokens(text)
        edits: list[Edit] = []
        i = 0
        while i < tk.n:
            found = self._found(tk, i)
            if found is None:
                i += 1
                continue
            edit = self._edit(tk, i, *found)
            if edit is not None:
                edits.append(edit)
            i = found[-1]
        return edits

    def _edit(self, tk: _Tokens, i: int, form: str, year, month: int, day, end: int) -> Edit | None:
        weekday = self._weekday_before(tk, i) if form == "full" or form == "day" else None
        if weekday is not None:
            weekday = weekday[0], tk.starts[weekday[1]]
        return self._result(tk.text, tk.starts[i], tk.end(end - 1), form, year, month, day, weekday)

    def _result(self, text: str, start: int, stop: int, form: str, year, month: int, day,
                weekday: tuple[int, int] | None) -> Edit | None:
        """The edit for a date read at text[start:stop] (``weekday``: the number and offset of a weekday
        written right before it), or None when it is already written in the output format."""
        if form == "full":
            if weekday is None and self._plain_iso and 1 <= day <= 28 and 1 <= month <= 12 and 1000 <= year <= 9999:
                # The usual case, without building the date: what strftime("%Y-%m-%d") writes.
                out = str(year) + _MIDDLES[month] + _TWO_DIGITS[day]
                return None if out == text[start:stop] else _new_edit(Edit, (start, stop, out, "date"))
            note = "date"
        elif form == "month":
            if self._iso_month and 1000 <= year <= 9999:
                out = f"{year}-{_TWO_DIGITS[month]}"  # what strftime("%Y-%m") writes, without building a date
            else:
                out = date(year, month, 1).strftime(self.o.month_format)
            if out == text[start:stop] or self.custom and _parses(text[start:stop], self.o.month_format):
                return None
            return Edit(start, stop, out, "month and year")
        elif form == "day":
            ref = self.o.reference_date
            if ref is None:
                return None
            year = _nearest_year(ref, month, day, self.t.min_year, self.t.max_year)
            if year is None:
                return Edit(start, stop, text[start:stop], "not a valid date; left as written")
            note = f"date without a year, nearest to the reference date {ref.isoformat()}"
        elif form == "ambiguous":
            return Edit(start, stop, text[start:stop], "ambiguous numeric date (day and month both ≤ 12); "
                        "set day_first to rewrite it")
        else:  # invalid
            return Edit(start, stop, text[start:stop], "not a valid date; left as written")
        try:
            value = date(year, month, day)
        except ValueError:
            return Edit(start, stop, text[start:stop], "not a valid date; left as written")
        if weekday is not None:
            if weekday[0] != value.isoweekday():
                return Edit(start, stop, text[start:stop], f"the weekday before it does not fall on "
                            f"{value.isoformat()}; left as written")
            if self.format_weekday:
                start = weekday[1]
        if self._iso_date and 1000 <= year <= 9999:
            out = str(year) + _MIDDLES[month] + _TWO_DIGITS[day]  # what strftime("%Y-%m-%d") writes
        else:
            out = value.strftime(self.o.date_format)
        before = text[start:stop]
        if out == before or self.custom and _parses(before, self.o.date_format):
            return None
        return _new_edit(Edit, (start, stop, out, note))


_PLAIN = (None, False)  # nothing before a date that the readers look at
_BLOCKING = (None, True)  # a capitalized word that blocks a month that is also a name
_LOOK_BACK = 40  # the longest word read back before a date
_TWO_DIGITS = [f"{n:02d}" for n in range(100)]
_MIDDLES = [f"-{n:02d}-" for n in range(13)]  # the middle of an ISO date, by month
_DAYS = {f"{n}": n for n in range(1, 32)} | {f"{n:02d}": n for n in range(1, 10)}  # a day as the pattern reads it
# Edit(...) without the Python-level __new__ a NamedTuple has (the same object, built faster).
_new_edit = tuple.__new__


def _word_ending(text: str, end: int) -> str | None:
    """The letters token that ends at offset ``end`` (text[end - 1] is a letter), or None if it may be longer
    than _LOOK_BACK."""
    lo = end - _LOOK_BACK if end > _LOOK_BACK else 0
    k = text.rfind(" ", lo, end)
    word = text[k + 1:end]
    if word.isalpha() and (k >= 0 or lo == 0):
        return word  # the common case: letters after a space (isalpha letters are all token letters)
    # Read backwards: a token is a run of one class of characters, the same either way.
    n = _LETTERS.match(text[lo:end][::-1]).end()
    if n == end - lo and lo:
        return None
    return text[end - n:end]


def _fast_pattern(tables: DateTables, separators) -> re.Pattern[str]:
    """The scan of DateFinder.edits: every anchor, with the whole date in its common forms.

    A match starts (group ``head``) with a month name, or with a separator after digits; digits
    are many, so they do not start a match. The head is an alternation of literal first
    characters (month initials, separators) for ``re`` to skip in C to where one is, and to
    pick its branch by that character. Then:

    * after a separator (``num``, possibly empty): if it follows, digits ``N2``, the same
      separator, digits ``N3``; the caller reads back the first digits;
    * after a month name (``mf``): if it follows, an optional period (``Md``), a space and: a day
      ``D`` (1 to 31, with an optional suffix ``Ds``), then either an optional comma, a space and
      a year ``Y``, or nothing more if no date-like word or number follows (a date without a
      year: see DateFinder._date_like_after); or an optional comma (``Mc``), a space and a year
      ``Y2``.

    Numbers are ASCII digits and must stop where they end (``end``: the contrary of
    DateFinder._continues): other shapes match as a bare anchor and are read in a window.
    """
    letter = r"[^\W\d_]"
    gap = "[" + "".join(sorted(_GAPS)) + "]"
    end = r"(?![^\W_]|[%°'’]|[" + "".join(map(re.escape, sorted(_GLUE))) + r"]\d)"
    by_initial: dict[str, list[str]] = {}
    for name in tables.months:
        by_initial.setdefault(name[0], []).append(name[1:])
    heads = [re.escape(c) + rf"(?<!{letter}.)(?:" + "|".join(map(re.escape, sorted(r, key=len, reverse=True))) + ")"
             for c, r in sorted(by_initial.items())]
    heads += [re.escape(c) + r"(?<=\d.)" for c in sorted(separators)]
    names = "|".join(map(re.escape, sorted({*tables.months, *tables.weekdays}, key=len, reverse=True)))
    day = r"(?:0?[1-9]|[12][0-9]|3[01])(?!\d)"
    after_month = ""
    if separators:
        sep = "[" + "".join(map(re.escape, sorted(separators))) + "]"
        after_month = rf"(?<!{sep})"  # the head is a month name, not a separator
        numeric = rf"(?<={sep})(?P<num>(?=\d)(?:(?P<N2>[0-9]{{1,4}})(?!\d)(?P=head)(?P<N3>[0-9]{{1,4}}){end})?)"
    else:
        numeric = r"(?!)(?P<num>)(?P<N2>)(?P<N3>)"  # never matches; the groups stay
    month_first = (rf"{after_month}(?!{letter})(?P<mf>(?:(?P<Md>\.)?"
                   rf"(?:{gap}(?P<D>{day})(?P<Ds>{letter}+)?(?:,?{gap}(?P<Y>[0-9]{{4}}){end}"
                   rf"|{end}(?!,?{gap}(?:\d|(?:{names})(?!{letter}))))"
                   rf"|(?P<Mc>,)?{gap}(?P<Y2>[0-9]{{4}}){end}))?)")
    return re.compile("(?P<head>" + "|".join(heads) + ")(?:" + numeric + "|" + month_first + ")", re.DOTALL)


def _day_back_pattern() -> re.Pattern[str]:
    """What stands before a month in a day-first date, read backwards from the space before it:
    [space] [of reversed, space] [suffix reversed] day digits reversed (11 September, 11th of ...)."""
    letter = r"[^\W\d_]"
    gap = "[" + "".join(sorted(_GAPS)) + "]"
    return re.compile(rf"{gap}(?:(?P<of>{letter}+){gap})?(?P<suffix>{letter}+)?(?P<day>[0-9][0-9]?)(?!\d)")


def _parses(text: str, fmt: str) -> bool:
    """Is ``text`` already written in the output format? (Then it is left alone.)"""
    try:
        datetime.strptime(text, fmt)
    except ValueError:
        return False
    return True


def _nearest_year(ref: date, month: int, day: int, low: int, high: int) -> int | None:
    """The year that puts month/day nearest to ``ref`` (the earlier one on a tie), within low..high."""
    best: tuple[int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if not low <= year <= high:
            continue
        try:
            distance = abs((date(year, month, day) - ref).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return None if best is None else best[1]
