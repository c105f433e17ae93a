"""The fast scanning patterns of the numbers rules find exactly what the plain patterns find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.catalog import Catalog
from textfix.numbers.digits import DigitFinder
from textfix.numbers.phrases import PhraseFinder
from textfix.numbers.scan import word_pattern
from textfix.numbers.tables import compile_tables
from textfix.numbers.words import WordFinder

TABLES = compile_tables([Catalog().load("numbers.en")])
WORDS = WordFinder(TABLES, 10)
NUMBER_WORDS = sorted({*TABLES.cardinals, *TABLES.ordinals, *TABLES.scales, *TABLES.scale_ordinals})
# Characters that matter to the patterns: case variants re treats as equal (ſ, K, ı, İ), word glue,
# apostrophes, hyphens, spaces, digits of other scripts and the Arabic separators.
TRICKY = ["ſ", "K", "ı", "İ", "'", "’", "-", "_", " ", "\u00a0", "\n", "٤", "٫", "٬", "1", "x", "é", "“"]


def _variant(word: str, how: int) -> str:
    return [word, word.upper(), word.title(), word.replace("s", "ſ"), word.replace("k", "K")][how]


WORDY = st.lists(st.one_of(st.sampled_from(NUMBER_WORDS).flatmap(
    lambda w: st.integers(0, 4).map(lambda i: _variant(w, i))), st.sampled_from(TRICKY), st.text(max_size=3)),
    max_size=25).map("".join)


def _plain_phrases(finder: PhraseFinder, text: str):
    return [(m.span(), m.group()) for m in finder.pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(WORDY)
def test_atom_pattern_matches_the_reference(text):
    assert WORDS.atom is not WORDS.reference_atom
    assert [m.span() for m in WORDS.atom.finditer(text)] == [m.span() for m in WORDS.reference_atom.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["per", "cent", "PER", "Cent", "pér", "ſent", "p"]), st.sampled_from(TRICKY),
                          st.text(max_size=2)), max_size=12).map("".join))
def test_phrase_prefilter_loses_nothing(text):
    finder = PhraseFinder(TABLES.replace)
    found = _plain_phrases(finder, text)
    assert [(e.start, e.end) for e in finder.edits(text)] == [span for span, group in found
                                                             if " ".join(group.lower().split()) in TABLES.replace]
    if found:
        assert finder.prefilter.search(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TRICKY + ["12", "٣", "۴", "४", "５", ".", ","]), max_size=15).map("".join))
def test_digit_prefilter_loses_nothing(text):
    finder = DigitFinder(TABLES.decimal_separators, TABLES.thousands_separators)
    expected = [m.span() for m in finder.pattern.finditer(text) if not m.group().isascii()]
    assert [(e.start, e.end) for e in finder.edits(text)] == expected


def test_word_pattern_is_case_exact_and_bounded():
    p = word_pattern(["seven", "seventy", "six"], r"[\w'’]", r"[\w'’]", ignorecase=True)
    assert [m.group() for m in p.finditer("Seven ſeventy SIX sevens x-six seven's")] == ["Seven", "ſeventy", "SIX", "six"]
    exact = word_pattern(["May", "March"], r"[^\W\d_]", r"[^\W\d_]", ignorecase=False)
    assert [m.group() for m in exact.finditer("May may March Marches 5May")] == ["May", "March", "May"]
    assert re.compile(exact.pattern)  # one plain pattern, compiled once


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ab", "É", "x1", "_", " ", "\t", "\u00a0", "\n", "\n\n", "-", "ſ", "٤", "."]),
                max_size=12).map("".join), st.integers(0, 30), st.integers(0, 30))
def test_word_before_is_the_regex_search(text, a, b):
    from textfix.numbers.words import _WORD_BEFORE, word_before

    pos, endpos = min(a, b, len(text)), min(max(a, b), len(text))
    m = _WORD_BEFORE.search(text, pos, endpos)
    assert word_before(text, pos, endpos) == (m.group(1) if m else None)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["per", "cent", "PER ", "Cent", "per cent", "per  cent", "a b", "b c", "-", " ", "x"]),
                max_size=12).map("".join))
def test_phrase_matches_equal_finditer_with_overlapping_phrases(text):
    finder = PhraseFinder({"per cent": "percent", "a b c": "abc", "b c": "bc", "per per": "pp"})
    assert [m.span() for m in finder._matches(text)] == [m.span() for m in finder.pattern.finditer(text)]
