"""Skipping what cannot be a date: anchors no date holds (DateFinder._alone) and texts with no date at all.

DateFinder.edits skips a bare anchor of its scan (a month name alone, a separator between digits with no
numeric date shape around it) when :meth:`DateFinder._alone` says no date holds it, and skips a whole text
its screen rejects. Both must be sound: checked here against the token readers themselves, over texts made
of the packs' vocabulary in the surroundings those checks look at, and arbitrary text.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.catalog import Catalog
from textfix.dates.finder import DateFinder, DateOptions, _Tokens
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
NUMBERS = ["1", "3", "09", "11", "12", "13", "29", "31", "32", "0", "2001", "1999", "2020", "20011", "12345",
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
