"""Screens of many texts: the batch and its views, which text a hit falls in, and the engine's use of them.

Every rule's ``screen_many`` is held to "no text with an edit left out" in test_properties.py (and
with text aimed at each rule in test_numbers_screen.py and test_spelling.py).
"""

from __future__ import annotations

import re

import ahocorasick_rs
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix import Pipeline
from textfix.batchscreen import Batch, owners, owners_at, owners_of_matches

PIECES = st.sampled_from(["", "a", "1", "12", "x1", "é", "€", "😀", "\x00", "\n", " ", "ab1", "\ud800"])
TEXTS = st.lists(st.lists(PIECES, max_size=5).map("".join), max_size=8)


def test_batch_views():
    batch = Batch(["Añ", "", "b"])
    assert batch.joined == "Añ\x00\x00b"
    assert batch.ends == [2, 3, 5]
    assert batch.utf8 == b"A\xc3\xb1\x00\x00b" and batch.utf8_lower == b"a\xc3\xb1\x00\x00b"
    assert batch.everything() == [0, 1, 2]
    assert Batch([]).everything() == [] and Batch([]).ends == [] and Batch([]).utf8 == b""
    # A NUL in a text: the bytes cannot tell the texts apart.
    assert Batch(["a\x00b", "c"]).utf8 is None and Batch(["a\x00b", "c"]).utf8_lower is None


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_owners_are_the_texts_with_a_match(texts):
    batch = Batch(texts)
    digit = re.compile(r"[0-9]")
    assert owners(digit.search, batch) == [i for i, t in enumerate(texts) if digit.search(t)]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_owners_of_bytes_are_the_texts_with_a_hit(texts):
    batch = Batch(texts)
    if batch.utf8 is None:
        assert any("\x00" in t for t in texts)
        return
    automaton = ahocorasick_rs.BytesAhoCorasick([b"1", "€".encode(), "😀".encode()])
    expected = [i for i, t in enumerate(texts) if "1" in t or "€" in t or "😀" in t]
    assert owners_of_matches(automaton, batch.utf8) == expected
    starts = [m.start() for m in re.finditer(rb"1|\xe2\x82\xac", batch.utf8)]
    assert owners_at(starts, batch.utf8) == [i for i, t in enumerate(texts) if "1" in t or "€" in t]


def test_a_text_changed_in_the_stage_reaches_a_rule_whose_screen_left_it_out():
    """The numbers rules are screened on the texts as the stage got them; words then writes the
    digits that groups needs (twelve 000 -> 12 000 -> 12,000), so groups must read that text."""
    pipeline = Pipeline("default")
    (groups,) = [r for r in pipeline.rules if r.id.endswith(".groups")]
    texts = ["plain", "It cost twelve\u2009000 dollars.", "1 000 people", "it was twelve\u066bfifteen metres"]
    assert groups.screen_many(Batch(texts)) == [2]  # the screen alone leaves text 1 out
    expected = [pipeline.fix(t) for t in texts]
    assert expected[1] == "It cost 12,000 dollars." and expected[3] == "it was 12.15 meters"
    assert list(pipeline.fix_many(texts)) == expected
    assert list(pipeline.fix_many(texts, batch=1)) == expected


def test_a_rule_that_comes_again_runs_only_on_texts_changed_since():
    """The numbers stage ends with digits again (the same finder): fix and fix_many skip it on texts
    nothing changed since its first run, and still give the second pass's rewrite where one is due."""
    pipeline = Pipeline("default")
    first, *_, again = pipeline.stages[-1].rules
    assert first is not again and first.id == again.id and first.edits == again.edits
    calls = []
    finder = first.edits

    def counted(text, ctx=None):
        calls.append(text)
        return finder(text, ctx)

    first.edits = again.edits = counted
    pipeline.stages = pipeline.stages  # plan again with the counted rules
    # fix_many does not even run the first pass on an ASCII text: the digits screen of the batch rules it out.
    for fix, first_pass in ((pipeline.fix, ["nothing to do, 12"]), (lambda text: next(pipeline.fix_many([text])), [])):
        calls.clear()
        assert fix("nothing to do, 12") == "nothing to do, 12" and calls == first_pass
        calls.clear()
        assert fix("it was twelve\u066bfifteen metres") == "it was 12.15 meters"
        assert calls == ["it was twelve\u066bfifteen meters", "it was 12\u066b15 meters"]


def test_screens_of_many_behind_a_stage_screen():
    """In a one-round stage with a screen of its own, a rule's screen of many texts sees only the texts
    the stage screen lets in, and its answer is taken back to the batch's positions."""
    import dataclasses

    pipeline = Pipeline("default")
    pipeline.stages = tuple(dataclasses.replace(s, screen=lambda t: not t.startswith("#")) if s.kind == "numbers"
                            else s for s in pipeline.stages)
    texts = ["# about twelve thousand, 1 000", "about twelve thousand", "#x 1 000", "It cost twelve\u2009000 dollars.",
             "1 000 and 2 000 per cent", "plain"] * 3
    expected = [pipeline.fix(t) for t in texts]
    assert expected[0] == texts[0] and expected[1] == "about 12,000" and expected[4] == "1,000 and 2,000 percent"
    for batch in (1, 4, 5000):
        assert list(pipeline.fix_many(texts, batch=batch)) == expected
