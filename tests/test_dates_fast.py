"""The windowed date finder gives exactly the edits of the plain one that reads every token."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.catalog import Catalog
from textfix.dates.finder import DateFinder, DateOptions
from textfix.dates.tables import compile_tables
from textfix.kinds.dates import parse_reference_date

TABLES = compile_tables([Catalog().load("dates.en")])
FINDERS = [DateFinder(TABLES, DateOptions()),
           DateFinder(TABLES, DateOptions(reference_date=parse_reference_date("2020-03-04"), day_first=True)),
           DateFinder(TABLES, DateOptions(date_format="%A, %d.%m.%Y", month_format="%B %Y", day_first=False))]
PIECES = (sorted(TABLES.months) + sorted(TABLES.weekdays) + sorted(TABLES.day_words) + ["twenty", "thirty"]
          + ["1", "3", "09", "11", "12", "13", "31", "32", "2001", "1999", "20011", "11th", "3rd", "2nd", "th", "st"]
          + [" ", " ", " ", "  ", "\u00a0", "\n", ",", ", ", ".", "/", "-", ":", "$", "%", "'", "–", "of", "the", "on"]
          + ["Theresa", "may", "march", "x" * 70, " " * 90, "7" * 40, ". " * 30])
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_windowed_edits_equal_reading_every_token(text):
    for finder in FINDERS:
        assert finder.edits(text) == finder.edits_reference(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["September 11, 2001", "11/09/2001", "2001-09-11", "the eleventh of March, 2020",
                                 "Tuesday, September 11, 2001", "May 2019", "March 3", "3 March", "x", " ", "  " * 40,
                                 "word " * 12, "1.2.3", "Sept. 9th 2001"]), max_size=40).map(" ".join))
def test_windowed_edits_equal_on_dense_and_sparse_dates(text):
    for finder in FINDERS:
        assert finder.edits(text) == finder.edits_reference(text)


def test_the_fast_path_is_taken():
    assert FINDERS[0]._months_at is not None and FINDERS[0]._numeric_at is not None
    text = "He left on September 11, 2001 and came back " + "later " * 50 + "on 2002/03/04."
    assert [e.after for e in FINDERS[0].edits(text)] == ["2001-09-11", "2002-03-04"]
