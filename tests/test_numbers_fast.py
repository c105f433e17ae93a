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
# Characters that matter to the patterns: case variants re treats as equal (ſ, the Kelvin sign, ı, İ), word glue,
# apostrophes, hyphens, spaces, digits of other scripts and the Arabic separators.
TRICKY = ["ſ", "\u212a", "ı", "İ", "'", "’", "-", "_", " ", "\u00a0", "\n", "٤", "٫", "٬", "1", "x", "é", "“"]


def _variant(word: str, how: int) -> str:
    return [word, word.upper(), word.title(), word.replace("s", "ſ"), word.replace("k", "\u212a")][how]


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


# -- the folded-bytes scan, the context patterns and the candidate searches ----------------------
# The Kelvin sign is written as an escape: an editor may fold it to a plain K.
FOLDING = ["\u212a", "\u0130", "\u0131", "\u017f", "’", "'", "é", "ß", "“", "—", "\u00a0", "\u2009", "?", "_", "٣"]
WORDY_WIDE = st.lists(st.one_of(st.sampled_from(NUMBER_WORDS).flatmap(
    lambda w: st.integers(0, 4).map(lambda i: _variant(w, i))), st.sampled_from(TRICKY + FOLDING),
    st.text(max_size=3)), max_size=25).map("".join)
# The same without the characters that send a text to the exact pattern: the folded scan runs.
WORDY_FOLDED = st.lists(st.one_of(st.sampled_from(NUMBER_WORDS).flatmap(
    lambda w: st.integers(0, 2).map(lambda i: _variant(w, i))),
    st.sampled_from([c for c in TRICKY + FOLDING if c not in "\u212a\u0130\u0131\u017f"]),
    st.text(alphabet=st.characters(blacklist_characters="\u212a\u0130\u0131\u017f"), max_size=3)),
    max_size=25).map("".join)


def test_ascii_case_folds_are_every_non_ascii_match_of_an_ascii_letter():
    from textfix.numbers.scan import ASCII_CASE_FOLDS

    everything = "".join(map(chr, range(0x80, 0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    assert set(re.findall(r"(?i)[a-z]", everything)) == set(ASCII_CASE_FOLDS)


@settings(max_examples=500, deadline=None)
@given(st.one_of(WORDY_WIDE, WORDY_FOLDED))
def test_word_scanner_finds_what_the_reference_finds(text):
    from textfix.numbers.scan import has_case_folds

    assert WORDS.scanner.fast is not None
    expected = [m.span() for m in WORDS.reference_atom.finditer(text)]
    assert WORDS.scanner.spans(text) == expected
    assert WORDS.scanner.spans(text, has_case_folds(text)) == expected


IDIOM_PIECES = sorted({w for idiom in TABLES.idioms for w in re.split(r"([ \-/])", idiom)} | set(TABLES.idioms))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(IDIOM_PIECES).flatmap(lambda w: st.integers(0, 2).map(
    lambda i: [w, w.upper(), w.title()][i])), st.sampled_from(TRICKY + FOLDING)), max_size=14).map("".join))
def test_idiom_patterns_are_the_idiom_loop(text):
    from textfix.numbers.scan import has_case_folds

    plain = not has_case_folds(text)
    for m in WORDS.reference_atom.finditer(text):
        word = m.group().lower()
        pattern = WORDS._idiom_patterns.get(word)
        if pattern is not None and plain:
            assert bool(pattern.match(text, m.start())) == WORDS._idiom_here(text, m.start(), word), (text, word)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["ab", "Ab", "É", "x1", "5", "_", " ", "\t", "\u00a0", "\n", "\r", ".", "...", "!",
                                 "?", "“", "(", "-", "—", "*", "'", "ſ", "٤"]), max_size=14).map("".join))
def test_back_pattern_reads_what_the_plain_checks_read(before):
    from textfix.numbers.words import _BACK, _DIGIT_BEFORE, _OPENERS, word_before

    text = before + "twelve"
    start = len(before)
    back = _BACK.match(text[max(0, start - 40) : start][::-1])
    head = text[max(0, start - 40) : start].rstrip(_OPENERS)
    assert (back.group(1) is not None) == (not head or head[-1] in ".!?\n\r" and not head.endswith("..."))
    word = back.group(2)
    assert (word[::-1] if word is not None else None) == word_before(text, max(0, start - 40), start)
    digit_before = back.group(2) is None and back.group(3) is not None and back.end() <= 3
    if text[start - 1 : start] in " \t\u00a0\n":  # otherwise the caller has decided already
        assert digit_before == bool(_DIGIT_BEFORE.search(text[max(0, start - 3) : start]))


GROUPY = st.lists(st.sampled_from(list("0123456789 ,.-+$x\n") + ["\u00a0", "\u2009", "\u202f", "000", " 000", "1 000",
                                                                 "room ", "No. ", "٣", "é"]), max_size=24).map("".join)


@settings(max_examples=400, deadline=None)
@given(GROUPY)
def test_group_chains_are_the_pattern_matches(text):
    from textfix.numbers.grouping import GroupFinder

    finder = GroupFinder(TABLES)
    assert [m.span() for m in finder._chains(text)] == [m.span() for m in finder.pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(GROUPY, st.integers(0, 30), st.integers(0, 30))
def test_group_word_before_read_backwards(text, a, b):
    from textfix.numbers.grouping import _WORD_BEFORE, _WORD_BEFORE_REVERSED

    pos, endpos = min(a, b, len(text)), min(max(a, b), len(text))
    m = _WORD_BEFORE.search(text, pos, endpos)
    r = _WORD_BEFORE_REVERSED.match(text[pos:endpos][::-1])
    assert (r.group(1)[::-1] if r else None) == (m.group(1) if m else None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["per", "cent", "PER ", "Cent", "per cent", "per\u00a0cent", "per-cent", "per  cent",
                                 "\u0130", "ſ", "paper ", "-", " ", "x"]), max_size=12).map("".join))
def test_phrase_needles_lose_nothing(text):
    finder = PhraseFinder(TABLES.replace)
    low = text.lower()
    aligned = low if len(low) == len(text) else None
    assert [m.span() for m in finder._matches(text, aligned)] == [m.span() for m in finder.pattern.finditer(text)]
    if finder.pattern.search(text):
        assert any(needle in low for needle in finder.needles)
