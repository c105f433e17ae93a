"""The screens of the numbers rules: a text they turn away would have had no edit that changes it.

Each rule is compared with the same rule built with its screen switched off (the plain path, as
before the screens), on text made of the pack's own words around the triggers.
"""

from __future__ import annotations

import re

from batch_checks import check_screen_many
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.batchscreen import Batch
from textfix.catalog import Catalog
from textfix.numbers.tables import compile_tables
from textfix.numbers.words import WordFinder, _found_spans, _screen_words

TABLES = compile_tables([Catalog().load("numbers.en")])
NUMBER_WORDS = sorted({*TABLES.cardinals, *TABLES.ordinals, *TABLES.scales, *TABLES.scale_ordinals})
CONTEXT = sorted({*TABLES.decimal_points, *TABLES.decimal_units, *TABLES.joiners, *TABLES.not_before,
                  *TABLES.ordinal_leads, *TABLES.compound_words, *TABLES.not_near_exact, *TABLES.not_near_any,
                  *(w for idiom in TABLES.idioms for w in re.split(r"[ \-/]", idiom))})
GLUE = [" ", " ", " ", "-", "\u00a0", ", ", ". ", "\n", "'", "’", "/", "_", "1", "٤", "é", "“", "ſ", "\u212a", "ı",
        "İ", "(", "x"]


def _case(word: str, how: int) -> str:
    return [word, word, word.upper(), word.title()][how]


WORDY = st.lists(st.one_of(
    st.sampled_from(NUMBER_WORDS + CONTEXT).flatmap(lambda w: st.integers(0, 3).map(lambda i: _case(w, i))),
    st.sampled_from(GLUE), st.text(max_size=3)), max_size=30).map("".join)
THRESHOLDS = st.sampled_from([0, 1, 2, 9, 10, 11, 20, 21, 25, 29, 30, 95, 100, 101, 1000, 10**6, 10**13])


def _unscreened(finder: WordFinder) -> WordFinder:
    plain = WordFinder(finder.t, finder.threshold)
    plain._triggers = None  # every text read in full, by the scanner's own spans
    return plain


FINDERS = {}


def _finders(threshold: int) -> tuple[WordFinder, WordFinder]:
    if threshold not in FINDERS:
        finder = WordFinder(TABLES, threshold)
        FINDERS[threshold] = finder, _unscreened(finder)
    return FINDERS[threshold]


@settings(max_examples=400, deadline=None)
@given(WORDY, THRESHOLDS)
def test_word_screen_loses_no_edit(text, threshold):
    finder, plain = _finders(threshold)
    assert finder._triggers is not None
    assert finder.edits(text) == plain.edits(text)


@settings(max_examples=300, deadline=None)
@given(WORDY, THRESHOLDS)
def test_word_screen_says_no_only_without_edits(text, threshold):
    """The screen's own test, on the words the reference pattern finds: no word of _screen_words, no scale
    after which a cardinal or ordinal can come, no point word right after a number word => no edit changes
    the text."""
    finder, plain = _finders(threshold)
    if any(c in text for c in "\u0130\u0131\u017f\u212a"):
        return  # read in full, unscreened
    found = [m for m in finder.reference_atom.finditer(text)]
    words = {m.group().lower() for m in found}
    counted = {*TABLES.cardinals, *TABLES.ordinals}
    if words & _screen_words(TABLES, threshold) or words & set(TABLES.scales) and words & counted:
        return
    point = "|".join(TABLES.decimal_points)
    if any(re.match(rf"[ \u00a0](?i:{point})", text[m.end() :]) for m in found):
        return
    for e in plain.edits(text):
        assert text[e.start : e.end] == e.after, (text, e)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["one", "five", "two", "point", "Point", "POINT", "percent", "million", "hundred",
                                 "$5", "zero", " ", " ", "\u00a0", "-", "at", "."]), max_size=14).map(" ".join))
def test_word_screen_on_decimals_and_scales(text):
    finder, plain = _finders(10)
    assert finder.edits(text) == plain.edits(text)


def test_word_screen_examples():
    finder, plain = _finders(10)
    for text, changed in [("we paid one million for it", True), ("we paid $5 million for it", False),
                          ("rates rose one point five percent", True), ("rates rose one Point five percent", True),
                          ("at one point five soldiers left", False), ("the hundredth day", True),
                          ("one or two", False), ("a few hundred", False)]:
        edits = finder.edits(text)
        assert edits == plain.edits(text)
        assert bool(edits) == changed, text


def test_screen_words_at_the_default_threshold():
    words = _screen_words(TABLES, 10)
    assert {"ten", "twenty", "tenth", "hundredth"} <= words
    assert not words & {"one", "nine", "first", "ninth", "zero", "hundred", "million"}
    assert {"one", "nine"} <= _screen_words(TABLES, 0)


@settings(max_examples=300, deadline=None)
@given(WORDY)
def test_found_spans_are_finditer_spans(text):
    from textfix.numbers.scan import _FOLD

    fast = _finders(10)[0]._fast
    folded = (" " + text + " ").encode("ascii", "replace").translate(_FOLD)
    assert _found_spans(folded, fast.findall(folded)) == [m.span() for m in fast.finditer(folded)]


def test_word_screen_keeps_tens_with_a_unit_at_every_threshold_they_reach():
    tens = [w for w, v in TABLES.cardinals.items() if 20 <= v <= 90 and v % 10 == 0]
    units = [w for w, v in TABLES.cardinals.items() if 1 <= v <= 9] + [w for w, v in TABLES.ordinals.items() if 1 <= v <= 9]
    for threshold in (21, 25, 29, 30, 91, 99):
        finder, plain = _finders(threshold)
        for ten in tens:
            for unit in units:
                text = f"we saw {ten}-{unit} birds and {ten} {unit} cats"
                assert finder.edits(text) == plain.edits(text), (threshold, text)
    assert _finders(29)[0].edits("we saw twenty-nine birds")  # reached by the unit alone


# -- digits ----------------------------------------------------------------------------------------------------------

def _digit_finder():
    from textfix.numbers.digits import DigitFinder

    return DigitFinder(TABLES.decimal_separators, TABLES.thousands_separators)


def test_digit_screen_keeps_every_non_ascii_digit_and_separator():
    """Exhaustive: every character the pattern can match that is not ASCII survives the screen's byte deletion."""
    finder = _digit_finder()
    everything = "".join(map(chr, range(0x80, 0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    matched = re.findall(r"[\d" + re.escape(TABLES.decimal_separators + TABLES.thousands_separators) + "]", everything)
    assert len(matched) > 500
    for c in matched:
        assert c.encode("utf-8").translate(None, finder.not_leads), hex(ord(c))


def _plain_digit_edits(finder, text):
    return [(m.span(), m.group()) for m in finder.pattern.finditer(text) if not m.group().isascii()]


SCRIPT_DIGITS = ["٣", "۴", "४", "５", "߁", "໓", "၂", "᧐", "꘤", "\U0001d7cf", "\U000104a3", "😀", "٫", "٬", "12", "\ud800"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SCRIPT_DIGITS + GLUE), st.text(max_size=3)), max_size=20).map("".join))
def test_digit_screen_loses_no_edit(text):
    finder = _digit_finder()
    edits = finder.edits(text)
    assert [((e.start, e.end), text[e.start : e.end]) for e in edits] == _plain_digit_edits(finder, text)
    if not text.encode("utf-8", "surrogatepass").translate(None, finder.not_leads):
        assert edits == [] and _plain_digit_edits(finder, text) == []


# -- groups and phrases -------------------------------------------------------------------------------------------

GROUPY = st.lists(st.one_of(st.sampled_from(list("0123456789 ,.-+$x\n\t") + ["\u00a0", "\u2009", "\u202f", "000",
                                                                           " 000", "1 000", "room ", "No. ", "é",
                                                                           "\t000", "\u00a0000", "\u2009000"]),
                            st.text(max_size=2)), max_size=24).map("".join)


@settings(max_examples=300, deadline=None)
@given(GROUPY, st.sampled_from(["U+0020 U+00A0 U+2009 U+202F", "U+0020", "U+0020 U+0009", "U+00A0 U+2009"]))
def test_group_fast_path_finds_what_the_chains_find(text, spaces):
    _check_groups(text, spaces)


def test_group_fast_path_with_every_space_of_the_pack_and_an_ascii_one():
    for spaces in ("U+0020 U+00A0 U+2009 U+202F", "U+0020 U+0009"):
        for space in " \t\u00a0\u2009\u202f":
            for text in (f"1{space}000", f"we had 12{space}345{space}678 cats", f"x 1{space}000 y 2 000"):
                _check_groups(text, spaces)
    _check_groups("we had 1\t000 cats", "U+0020 U+0009", expected=1)


def _check_groups(text, spaces, expected=None):
    import dataclasses

    from textfix.numbers.grouping import GroupFinder
    from textfix.numbers.tables import _chars

    finder = GroupFinder(dataclasses.replace(TABLES, group_spaces=_chars(spaces)))
    plain = GroupFinder(dataclasses.replace(TABLES, group_spaces=_chars(spaces)))
    plain.ascii_plain = False  # always through _chains, as before the fast path
    edits = finder.edits(text)
    assert edits == plain.edits(text)
    if expected is not None:
        assert len(edits) == expected


PHRASE_PARTS = ["per", "cent", "PER", "Cent", "pEr", "kilo", "metre", "sixty", "six", "SIX"]
PHRASE_GLUE = [" ", " ", "\u00a0", "  ", " \u00a0", "-", "", "\u0130", "ſ", "\u212a", "paper", "x", "é", "’", ". "]
PHRASEY = st.lists(st.one_of(st.sampled_from(PHRASE_PARTS), st.sampled_from(PHRASE_GLUE), st.text(max_size=2)),
                   max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(PHRASEY, st.sampled_from([{"per cent": "percent", "per-cent": "percent"},
                                 {"per cent": "percent", "per": "pro", "kilo metre": "kilometre"},
                                 {"sixty six": "sixty-six"}]))
def test_phrase_screen_loses_no_edit(text, replace):
    _check_phrase_screen(text, replace)


def test_phrase_screen_keeps_every_spelling_of_the_pack():
    for variant in TABLES.replace:
        for spelled in {variant, variant.upper(), variant.title(), variant.replace(" ", "\u00a0"),
                        variant.replace(" ", " \u00a0 ")}:
            for text in (spelled, f"5 {spelled}.", f"“{spelled}”", f"{spelled}é"):
                _check_phrase_screen(text, TABLES.replace)
    assert _phrase_finder(TABLES.replace).edits("5 per\u00a0cent")


def _phrase_finder(replace):
    from textfix.numbers.phrases import PhraseFinder

    return PhraseFinder(replace)


def _check_phrase_screen(text, replace):
    finder = _phrase_finder(replace)
    plain = _phrase_finder(replace)
    plain.screen = None
    edits = finder.edits(text)
    assert edits == plain.edits(text)
    if edits and not (finder.needles_fold and any(c in text for c in "\u0130\u0131\u017f\u212a")):
        assert finder.screen.search(text.encode("utf-8", "surrogatepass").lower())


def _plain_runs(finder, text):
    """The runs as _runs_of read them before it tested a gap's ends first (the definition)."""
    from textfix.numbers.words import _PLAIN_GAPS

    runs, spans, words, gaps, prev_end, prev_word = [], [], [], [], 0, ""
    for start, end in finder.scanner.spans(text):
        word = text[start:end].lower()
        if spans:
            gap = text[prev_end:start]
            kind = _PLAIN_GAPS.get(gap)
            if kind is None and (prev_word == "hundred" or prev_word in finder.t.scales):
                parts = gap.split()
                if len(parts) == 1 and parts[0].lower() in finder.t.joiners and gap[0] == " " and gap[-1] == " ":
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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(NUMBER_WORDS + ["and", "AND", "And", "or", " and ", " and  ", "\tand "]),
                          st.sampled_from(GLUE + ["  ", " \t", "\u2003"])), max_size=20).map("".join))
def test_runs_are_read_as_before(text):
    finder = _finders(10)[0]
    assert finder._runs(text) == _plain_runs(finder, text)


def test_word_memos_are_bounded_and_change_nothing():
    from textfix.numbers import words as words_module

    finder, plain = _finders(10)
    texts = [f"we saw {a} hundred and {b} birds and {b} thousand cats" for a in ("one", "two", "nine")
             for b in ("twenty", "thirty-one", "forty-second", "ninety")]
    first = [finder.edits(t) for t in texts]
    assert first == [finder.edits(t) for t in texts] == [plain.edits(t) for t in texts]
    assert finder._reads and finder._formats
    for n in range(words_module._MEMO_SIZE + 10):
        words_module._remember(finder._reads, ("x", n), None)
    assert len(finder._reads) <= words_module._MEMO_SIZE
    assert [finder.edits(t) for t in texts] == first
    finder._reads.clear()
    long_run = "we saw " + " ".join(["twenty"] * (words_module._MEMO_WORDS + 1)) + " birds"
    assert finder.edits(long_run) == plain.edits(long_run)
    assert not finder._reads  # long runs are not kept


# -- screens of many texts (Pipeline.fix_many): one pass over a batch, no text with an edit left out -----------------

BATCH_SETTINGS = settings(max_examples=200, deadline=None)


@BATCH_SETTINGS
@given(st.lists(WORDY, max_size=6), THRESHOLDS)
def test_word_screen_of_many_loses_no_edit(texts, threshold):
    finder, _ = _finders(threshold)
    check_screen_many(finder.screen_many, finder.edits, texts)


def test_word_screen_of_many_examples():
    finder, _ = _finders(10)
    # Words at both edges of a join, glued to other words, in capitals; a point word anywhere.
    texts = ["twelve", "twelve", "often", "tenth-floor", "x", "TWENTY", "3 point two", "one", "Ten"]
    assert check_screen_many(finder.screen_many, finder.edits, texts) == [0, 1, 3, 5, 6, 8]
    assert finder.screen_many(Batch(["one", "often", "twelve\u00e9", "\u00e9twelve", "twelve\u00e9x"])) == [2, 3, 4]
    # A character re equates with an ASCII letter (ſ), or a NUL in a text: nothing is screened out.
    assert finder.screen_many(Batch(["one", "ſeventeen"])) == [0, 1]
    assert finder.screen_many(Batch(["a\x00", "b"])) == [0, 1]


@BATCH_SETTINGS
@given(st.lists(GROUPY, max_size=6), st.sampled_from(["U+0020 U+00A0 U+2009 U+202F", "U+0020", "U+0020 U+0009"]))
def test_group_screen_of_many_loses_no_edit(texts, spaces):
    import dataclasses

    from textfix.numbers.grouping import GroupFinder
    from textfix.numbers.tables import _chars

    finder = GroupFinder(dataclasses.replace(TABLES, group_spaces=_chars(spaces)))
    check_screen_many(finder.screen_many, finder.edits, texts)


@BATCH_SETTINGS
@given(st.lists(PHRASEY, max_size=6), st.sampled_from([{"per cent": "percent"}, {"sixty six": "sixty-six", "per": "pro"}]))
def test_phrase_screen_of_many_loses_no_edit(texts, replace):
    finder = _phrase_finder(replace)
    check_screen_many(finder.screen_many, finder.edits, texts)


@BATCH_SETTINGS
@given(st.lists(st.lists(st.one_of(st.sampled_from(SCRIPT_DIGITS + GLUE), st.text(max_size=3)), max_size=8).map("".join),
                max_size=6))
def test_digit_screen_of_many_loses_no_edit(texts):
    finder = _digit_finder()
    check_screen_many(finder.screen_many, finder.edits, texts)
