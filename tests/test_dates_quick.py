"""The quick path of DateFinder.edits (a date read from its match) gives exactly the reference's edits.

The quick path checks by hand, on a few characters, what the token readers check: so the texts
here put the common date forms in every surrounding the readers look at (weekdays, name leads,
capitalized words, day words, "of", suffixes, not-after words, glued signs and digits, odd spaces,
dates right after dates) and compare with :meth:`DateFinder.edits_reference`.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.catalog import Catalog
from textfix.dates.finder import DateFinder, DateOptions
from textfix.dates.tables import compile_tables
from textfix.kinds.dates import parse_reference_date

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

TABLES = compile_tables([Catalog().load("dates.en")])
FINDERS = [DateFinder(TABLES, DateOptions()),
           DateFinder(TABLES, DateOptions(reference_date=parse_reference_date("2020-03-04"), day_first=True)),
           DateFinder(TABLES, DateOptions(date_format="%A, %d.%m.%Y", month_format="%B %Y", day_first=False)),
           DateFinder(TABLES, DateOptions(date_format="%d %B %Y", reference_date=date(1999, 12, 31))),
           DateFinder(TABLES, DateOptions(month_format="%B %Y"))]

MONTH_NAMES = ["September", "Sept", "Sep", "SEPTEMBER", "SEPT", "May", "MAY", "March", "Mar", "June", "February",
               "Feb", "December"]
DAYS = ["1", "3", "09", "11", "12", "13", "29", "30", "31", "0", "32", "123", "٣", "11th", "3rd", "2nd", "1st",
        "3th", "11TH", "21st", "eleventh", "twenty-first", "Eleventh"]
YEARS = ["2001", "1999", "2020", "0999", "3001", "20011", "201", "٢٠٠١"]
GAPS = [" ", " ", " ", "\u00a0", "\u2009", "  ", "\n", ""]
BEFORE = ["", "on ", "On ", "In ", "Theresa ", "the ", "of ", "version ", "no. ", "No ", "Tuesday, ", "Tue. ",
          "Tue., ", "Tuesday ", "Monday, ", "TUESDAY, ", "$", "#", "-", "1-", "1/", "x", "3 ", "11th ", "th ",
          "first ", "twenty-", "(", "“", ", ", ". ", "Sept. 11, ", "March 3 ", "2001/09/11 ", "eleventh of ", "11 ",
          "Mr. " + "x" * 45 + " "]
AFTER = ["", ".", ",", ", ", ", 2002", " 2002", " with", ", Zabihullah", ", May", ", Monday", " 12", "%", "°", "'s",
         "’", "/5", "-5", ".5", ",5", ":30", "th", "x", ")", " May 2020", " of", "\u00a0", " 1,000", ". 2"]


def _pick(draw, common: list[str], odd: list[str]) -> str:
    """Mostly a common piece (so most dates take the quick path), sometimes an odd one."""
    return draw(st.sampled_from(odd if draw(st.integers(0, 3)) == 0 else common))


def _core(draw) -> str:
    month = draw(st.sampled_from(MONTH_NAMES)) + _pick(draw, [""], [".", ","])
    day, year = _pick(draw, DAYS[:8], DAYS), _pick(draw, YEARS[:3], YEARS)
    gap = st.sampled_from(GAPS[:4] * 3 + GAPS)
    form = draw(st.integers(0, 6))
    if form == 0:
        return f"{month}{draw(gap)}{day}{draw(st.sampled_from(['', ',']))}{draw(gap)}{year}"
    if form == 1:
        return f"{month}{draw(gap)}{year}"
    if form == 2:
        return f"{month}{draw(gap)}{day}"
    if form == 3:
        of = draw(st.sampled_from(["", "of ", "OF ", "Of ", "May "]))
        return f"{day}{draw(gap)}{of}{month}{draw(st.sampled_from(['', ',']))}{draw(gap)}{year}"
    sep = draw(st.sampled_from(["/", "-", ".", ":"]))
    a = draw(st.sampled_from(["1", "3", "09", "11", "12", "13", "31", "32"]))
    b = draw(st.sampled_from(["3", "09", "12", "13"]))
    if form == 4:
        return f"{year}{sep}{b}{sep}{a}"
    if form == 5:
        return f"{a}{sep}{b}{sep}{year}"
    return f"{a}{sep}{b}{draw(st.sampled_from(['/', '-']))}{year}"


@st.composite
def texts(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        parts.append(_pick(draw, BEFORE[:10], BEFORE) + _core(draw) + _pick(draw, AFTER[:8], AFTER))
        parts.append(draw(st.sampled_from(["", " ", " and ", "; ", " " * 30, "x" * 80 + " "])))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(texts())
def test_quick_edits_equal_the_reference(text):
    for finder in FINDERS:
        assert finder.edits(text) == finder.edits_reference(text)


def test_quick_edits_equal_the_reference_on_the_benchmark_corpus():
    import corpus

    sample = corpus.short_strings(600) + corpus.mostly_clean(20) + corpus.heavily_damaged(5)
    for finder in FINDERS:
        for text in sample:
            assert finder.edits(text) == finder.edits_reference(text)


def test_the_common_forms_take_the_quick_path():
    finder = FINDERS[0]
    for text, after in [("on September 11, 2001.", "2001-09-11"), ("On Sept. 11, 2001, he", "2001-09-11"),
                        ("on 11 September 2001", "2001-09-11"), ("In March 2020", "2020-03"),
                        ("on 2001/09/11.", "2001-09-11"), ("on Tuesday, September 11, 2001", "2001-09-11"),
                        ("the 11th of September, 2001", "2001-09-11"), ("“May 5, 2019”", "2019-05-05"),
                        ("on March 3 with", None)]:
        (m,) = finder._fast.finditer(text)
        edits = []
        assert finder._quick(text, m, m.start(), 0, edits) == m.end(), text  # settled without a window
        assert [e.after for e in edits] == ([after] if after else [])


def test_what_the_quick_path_assumes_of_characters():
    """str methods the quick path uses in place of the tokenizer's classes agree with them, for every character:
    isalpha() letters are letters ([^\\W\\d_]), isdecimal() is \\d, and a lowercase letter is its own lower()."""
    import re

    letter, digit = re.compile(r"[^\W\d_]"), re.compile(r"\d")
    for c in map(chr, range(sys.maxunicode + 1)):
        if c.isalpha():
            assert letter.match(c), hex(ord(c))
            if not c.isupper() and not c.istitle():
                assert c.lower() == c, hex(ord(c))
        assert bool(digit.match(c)) == c.isdecimal(), hex(ord(c))
