"""Skipping what cannot be a date: anchors no date holds (DateFinder._alone) and texts with no date at all.

DateFinder.edits skips a bare anchor of its scan (a month name alone, a separator between digits with no
numeric date shape around it) when :meth:`DateFinder._alone` says no date holds it, and, without a reference
date, a whole text with no four digits in a row (its screen). Both must be sound: checked here against the
token readers themselves, over texts made of the packs' vocabulary in the surroundings those checks look
at, and arbitrary text.
"""

from __future__ import annotations

import re
import sys
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.catalog import Catalog
from textfix.dates.finder import _DECIMALS, DateFinder, DateOptions, _Tokens
from textfix.dates.tables import compile_tables

TABLES = compile_tables([Catalog().load("dates.en")])
FINDERS = [DateFinder(TABLES, DateOptions()),
           DateFinder(TABLES, DateOptions(reference_date=date(2020, 3, 4), day_first=True)),
           DateFinder(TABLES, DateOptions(date_format="%A, %d.%m.%Y", month_format="%B %Y", day_first=False)),
           DateFinder(TABLES, DateOptions(date_format="%d %B %Y", reference_date=date(1999, 12, 31)))]

SUFFIXES = sorted({s for forms in TABLES.day_suffixes.values() for s in forms})
WORDS = (sorted(TABLES.months) + sorted(TABLES.weekdays) + sorted(TABLES.day_words) + sorted(TABLES.hyphen_heads)
         + SUFFIXES + [s.upper() for s in SUFFIXES] + [TABLES.of, TABLES.of.title(), TABLES.of.upper()]
         + sorted(TABLES.not_after) + sorted(TABLES.name_leads)
         + ["may", "march", "to", "the", "Theresa", "proof", "x" * 45, "²", "Ⅻ", "ǅ"])
NUMBERS = ["١", "٢٠٠١", "１９９９", "𝟚𝟘𝟘𝟙", "20٠1", "\ud800", "1", "3", "09", "11", "12", "13", "29", "31", "32", "0", "2001", "1999", "2020", "20011", "12345",
           "٣", "٢٠٠١", "7.4", "3.5", "1.2.3", "3/4", "2001/09", "09/11", "1-2", "12-3456", "1/2/2001", "2001-09-11",
           "11.09.2001", "555-1234", "10:30", "1,000", "12345.6", "1.23456"]
GLUE = [" ", " ", " ", "  ", "\u00a0", "\u2009", "\u202f", "\n", "", ",", ", ", ".", ". ", "-", "/", ":", "%",
        "'", "’", "$", "#", "(", ")", "“"]
PIECE = st.one_of(st.sampled_from(WORDS), st.sampled_from(NUMBERS), st.sampled_from(GLUE), st.text(max_size=3))
# A month or a separator with what stands right before and after it (where _alone looks).
AROUND = st.tuples(st.sampled_from(WORDS + NUMBERS), st.sampled_from(GLUE),
                   st.sampled_from(sorted(TABLES.months) + ["/", ".", "-"]), st.sampled_from(["", ".", ","]),
                   st.sampled_from(GLUE), st.sampled_from(WORDS + NUMBERS)).map("".join)
# The same, a month between a day's pieces (digits, day words, suffixes, "of") and one-character gaps.
DAYISH = sorted(TABLES.day_words) + [w.title() for w in TABLES.day_words] + SUFFIXES + [TABLES.of, TABLES.of.upper()] \
    + ["1", "11", "31", "11th", "3rd", "٣", "2001", "x", "I", "Theresa", "may"]
AT_MONTH = st.tuples(st.sampled_from(DAYISH), st.sampled_from([" ", "\u00a0", "  ", ""]), st.sampled_from(sorted(TABLES.months)),
                     st.sampled_from(["", ".", ","]), st.sampled_from([" ", "\u202f", "  ", ""]),
                     st.sampled_from(DAYISH)).map("".join)
TEXTS = st.lists(st.one_of(PIECE, AROUND, AT_MONTH), max_size=30).map("".join)


def _found_spans(finder: DateFinder, text: str) -> list[tuple[int, int]]:
    """The span of every date any reader finds at any token (not only those the reference pass visits)."""
    tk = _Tokens(text)
    spans = []
    for i in range(tk.n):
        found = finder._found(tk, i)
        if found is not None:
            spans.append((tk.starts[i], tk.end(found[-1] - 1)))
    return spans


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_an_anchor_alone_is_in_no_date(text):
    """_alone says yes => no reader, at any token, finds a date that holds the anchor. Checked at every month
    token and every separator between digits (not only where the scan leaves them bare)."""
    for finder in FINDERS:
        anchors = [(m.start(), m.end(), False) for m in finder._months_at.finditer(text)]
        anchors += [(m.start(), m.end(), True) for m in finder._numeric_at.finditer(text)]
        alone = [s for s, e, numeric in anchors if finder._alone(text, s, e, numeric)]
        if alone:
            spans = _found_spans(finder, text)
            for s in alone:
                assert not any(a <= s < b for a, b in spans), (text, s)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_skipping_gives_the_reference_edits(text):
    for finder in FINDERS:
        assert finder.edits(text) == finder.edits_reference(text)


def test_common_bare_anchors_are_alone():
    finder = FINDERS[0]
    for text in ["Prices rose by 7.4% in the year to August, the office said.", "Later in March the talks resume.",
                 "It is 3.5 times larger, 1-2 points.", "May I ask?", "Since January."]:
        bare = [m for m in finder._fast.finditer(text) if m.end() == m.end(1)]
        assert bare and all(finder._alone(text, *m.span(), m.lastgroup == "num") for m in bare), text
    for text, at in [("on 11 August", "August"), ("the eleventh of March", "March"), ("March 3rd", "March"),
                     ("March eleventh", "March"), ("1.2.2001", ".2"), ("3rd March", "March"), ("Sept. 9", "Sept")]:
        s = text.index(at)
        m = finder._fast.match(text, s)
        assert not finder._alone(text, s, m.end(1), m.lastgroup == "num"), text


FOUR_DIGITS = re.compile(r"\d{4}")


def _screened_out(text: str) -> bool:
    """What DateFinder.edits tests (without a reference date) to return no edits."""
    return text.encode("utf-8", "surrogatepass").translate(_DECIMALS).find(b"0000") < 0


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, st.text()))
def test_without_four_digits_in_a_row_no_date_gives_an_edit(text):
    """The screen's premise (no reference date: every edit needs a year, four digits) and its encoding
    (four digits in a row always show as "0000")."""
    if FOUR_DIGITS.search(text):
        assert not _screened_out(text)
    for finder in FINDERS:
        if finder.o.reference_date is None and _screened_out(text):
            assert finder.edits_reference(text) == []
            assert finder.edits(text) == []


def test_every_decimal_digit_shows_as_zero_to_the_screen():
    for c in map(chr, range(sys.maxunicode + 1)):
        if c.isdecimal():
            assert set(c.encode("utf-8").translate(_DECIMALS)) == {0x30}, hex(ord(c))


def test_the_screen_skips_texts_without_a_year():
    finder = FINDERS[0]
    assert finder._screen and not FINDERS[1]._screen  # a reference date: March 3 is a date without digits
    for text in ["on March 3 and 11/09", "A spokesperson did not respond on Monday.", "March 3rd"]:
        assert _screened_out(text) and finder.edits(text) == []
    for text in ["on 11/09/2001", "March 2020", "٢٠٠١/09/11", "7.4% in १९९९"]:
        assert not _screened_out(text)
    assert [e.after for e in FINDERS[1].edits("on March 3")] == ["2020-03-03"]
