"""The names matcher's Aho-Corasick pass and view against the regular expressions they replace.

``Matcher._view_spans`` must find exactly what ``view_pattern.finditer`` finds on the view (the
leftmost key at each space, the longest there, then on from its end), ``_view_bytes`` must give
exactly ``Matcher._view`` (plus one space), and the one pass of ``Matcher.edits`` must give what
``_view_matches`` followed by ``_edits_of`` gives (its one loop fuses the two).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_names_fast import PlainMatcher

from textfix.catalog import Catalog
from textfix.kinds.names import _build
from textfix.names import matcher as M
from textfix.names.model import load_names
from textfix.packs import load_pack

NEWS = M.Matcher(load_names([Catalog().load("names.news")]))
NEWS_PLAIN = PlainMatcher(NEWS.names)
HEADER = "id: names.{id}\nkind: names\ndescription: test\nsource: tests\nlicence: MIT\n---\n"
# Keys inside and across one another, the same start or end, a key that is a word of others.
NESTED = """[entries]
Aa Bb Cc
    Aa Bb Cx
Bb
    Bx
Bb Cc Dd
    Bb Cc Dx
Cc
    Cx
Aa Bb Cc Dd Ee
    Ax Bb Cc Dd Ee
Dd Ee
    Dd Ex
Ee Ff
    Ex Ff
Aa
    Ay
Gg Hh Ii
    Gx Hh Ii
Gg
    Gy
"""


def _matcher(tmp_path, body, name="nested"):
    pack = tmp_path / f"{name}.pack"
    pack.write_text(HEADER.format(id=name) + body, encoding="utf-8")
    (rule,) = _build([load_pack(pack)], {})
    return rule.matcher


def _regex_spans(matcher, text):
    return [(m.start(), m.end() - 1) for m in matcher.view_pattern.finditer(M.Matcher._view(text))]


def _one_pass(matcher, text):
    """What Matcher.edits gives in its one pass, None where it turns to _general_edits."""
    matcher._general_edits = lambda text: None
    try:
        return matcher.edits(text)
    finally:
        del matcher._general_edits


def _agree(matcher, text, plain=None):
    view = M._view_bytes(text)
    assert view == M.Matcher._view(text) + b" ", text
    assert matcher._view_spans(view) == _regex_spans(matcher, text), text
    assert matcher._ranked_spans(view) == _regex_spans(matcher, text), text
    found = matcher._view_matches(text)
    assert _one_pass(matcher, text) == (None if found is None else matcher._edits_of(text, found)), text
    if plain is not None:
        assert matcher.edits(text) == plain.edits(text), text


NEWS_WORDS = sorted({w for k in NEWS.table for w in k.split()})
_SEP = st.sampled_from([" ", "  ", "-", ", ", "’", "\u00a0", ".", "é", "ğ", "\n", "", "x"])


@st.composite
def word_soup(draw, words):
    """Words of the keys (in some case), joined by separators and other characters."""
    parts = draw(st.lists(st.sampled_from(words), max_size=14))
    parts = [draw(st.sampled_from([p, p.title(), p.upper()])) for p in parts]
    seps = draw(st.lists(_SEP, min_size=len(parts), max_size=len(parts)))
    return draw(_SEP) + "".join(p + s for p, s in zip(parts, seps))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=word_soup(NEWS_WORDS))
def test_news_pass_equals_regex(text):
    _agree(NEWS, text, NEWS_PLAIN)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=60))
def test_any_text_pass_equals_regex(text):
    _agree(NEWS, text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.sampled_from(M._WIDE_CHARS + "ğİıŁ中\u212a\u0301"), max_size=60))
def test_view_of_wide_characters(text):
    """Every character the charmap view knows (and some it does not) gives the folded view."""
    assert M._view_bytes(text) == M.Matcher._view(text) + b" "


def test_wide_view_table():
    """Each character of _WIDE_CHARS becomes what fold_letters and _VIEW make of it."""
    assert len(M._WIDE_CHARS) == len(set(M._WIDE_CHARS)) <= 256 and "?" in M._WIDE_CHARS
    for ch in M._WIDE_CHARS:
        assert M._view_bytes(ch) == M.Matcher._view(ch) + b" ", ch


def test_nested_keys_pass_equals_regex(tmp_path):
    matcher = _matcher(tmp_path, NESTED)
    plain = PlainMatcher(matcher.names)
    words = ["aa", "bb", "cc", "dd", "ee", "ff", "ax", "bx", "cx", "dx", "ex", "ay", "zz", "gg", "hh", "ii", "gx"]
    ranked = []
    matcher._ranked_spans = lambda view, ranked_spans=matcher._ranked_spans: ranked.append(view) or ranked_spans(view)
    for text in ["Aa Bb Cc Dd Ee Ff", "Aa Bb Cc Dd", "Bb Cc Dd Ee", "Ax Bb Cc Dd Ee Ff", "Aa Bb Cx Dd Ex Ff",
                 "Cc Dd Ee", "aa bb cc dd ee ff aa bb", "Aa Bb Cc Dd Ee Ff Aa Bb Cc",
                 "Gg Hh Ii", "Gg Hh", "Gx Hh Ii Gg", "Ee Gg Hh Ii", "GG Hh Ii", "Gy Hh Ii"]:
        _agree(matcher, text, plain)
    assert ranked  # some of these take the ranked path

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=word_soup(words))
    def check(text):
        _agree(matcher, text, plain)

    check()


def test_keys_the_view_cannot_see_have_no_pass(tmp_path):
    matcher = _matcher(tmp_path, "[entries]\nΑθήνα\n    Αθηνα\nKyiv\n    Kiev\n", "greek")
    assert matcher.view_pattern is None and matcher._finder is None
    assert [e.after for e in matcher.edits("Αθηνα and Kiev")] == ["Αθήνα", "Kyiv"]


def test_linear_on_repeated_keys():
    """Many overlapping keys: the ranked path sorts the keys found, no quadratic work."""
    text = "Ali Khamenei " * 20000 + "Usama bin Ladin bin Ladin " * 5000
    spans = NEWS._view_spans(M._view_bytes(text))
    assert len(spans) == 20000 + 10000
    assert spans == _regex_spans(NEWS, text)


def test_regex_and_pass_agree_on_corpus_words():
    text = " ".join(re.sub("[^a-z ]", " ", k) for k in NEWS.table)
    _agree(NEWS, text.title())
    _agree(NEWS, text)


def test_texts_beyond_the_charmap():
    """Characters the charmap lacks (a lone surrogate, CJK, astral, an accented letter it does not
    hold) send the text to the folded view, with the same names found."""
    for text in ["Kiev \ud800 Kiev", "在Kiev的 Kyiv", "Kiev 😀 Kiev", "Ǩiev and Kiev", "Erdoğan\u0301 Kiev",
                 "KIEV\x00Kiev", "Kiev’s ‘Kiev’ “Kiev” — Kiev… Kiev"]:
        _agree(NEWS, text, NEWS_PLAIN)


def test_matcher_pickles():
    """A matcher pickles as its names (the automaton is built again) and finds the same."""
    import pickle

    again = pickle.loads(pickle.dumps(NEWS))
    text = "KIEV, Kiev and Qaddafi’s Kyiv; Muammar Qaddafi"
    assert again.edits(text) == NEWS.edits(text) != []
