"""One round of the numbers stage is enough: its rules (digits, words, groups, phrases, digits
again), run once in order, leave text that running them again would not change (so the kind has
``rounds=1``; textfix/kinds/numbers.py says why it holds).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.catalog import Catalog
from textfix.engine import Context, Pipeline
from textfix.kinds import kind_names
from textfix.kinds.numbers import KIND
from textfix.packs import Group
from textfix.protect import builtin_spans, drop_protected, merge

PACK = Catalog().load("numbers.en")


def _pack_words() -> list[str]:
    words: set[str] = set()
    for entries in PACK.sections.values():
        for entry in entries:
            if isinstance(entry, Group):
                words.add(entry.canonical)
                words.update(v for v, _ in entry.variants)
            elif len(entry) == 2:
                words.add(entry[0].split()[0] if entry[0].split() else entry[0])
                words.add(entry[0])
    return sorted(w for w in words if ":" not in w)


WORDS = _pack_words()
GLUE = ["", " ", "٫", "٬", " ", " ", "-", "  ", "\t", "\u00a0", "\u2009", "\u202f", ", ", ". ", "! ", "\n", "/", ":",
        "'", "’", "“", "”", "(", "—", "...", " and ", " of ", " the ", " point ", " per cent", "-year-old"]
OTHER = ["000", "1", "12", "1 000", "1\u2009000", "100", "٤٣", "١٬٠٠٠", "١٢٫٥", "٫", "٬", "$", "+", "x", "No",
         "March", "room", "o'clock", "percent", "Per Cent", "PER CENT", "per-cent", "hundred", "and"]


def _cased(word: str, how: int) -> str:
    return [word, word, word, word.capitalize(), word.upper()][how]


piece = st.one_of(st.sampled_from(WORDS).flatmap(lambda w: st.integers(0, 4).map(lambda i: _cased(w, i))),
                  st.sampled_from(OTHER), st.text(max_size=3))
numbers_text = st.lists(st.tuples(piece, st.sampled_from(GLUE)), max_size=24).map(
    lambda parts: "".join(p + g for p, g in parts))

_PIPES: dict[int, Pipeline] = {}


def numbers_only(threshold: int) -> Pipeline:
    if threshold not in _PIPES:
        _PIPES[threshold] = Pipeline("repair", disable=list(kind_names()), enable=["numbers.en"],
                                     number_threshold=threshold)
    return _PIPES[threshold]


def test_the_stage_runs_once():
    assert KIND.rounds == 1
    assert [s.rounds for s in numbers_only(10).stages] == [1]
    ids = [rule.id for rule in numbers_only(10).rules]
    assert ids == ["numbers.en.digits", "numbers.en.words", "numbers.en.groups", "numbers.en.phrases",
                   "numbers.en.digits"]


@settings(max_examples=400, deadline=None)
@given(text=numbers_text, threshold=st.sampled_from([0, 1, 10, 100]))
def test_one_round_is_a_fixed_point(text, threshold):
    pipeline = numbers_only(threshold)
    once = pipeline.fix(text)
    assert pipeline.fix(once) == once
    # No rule of the stage would change the result on a second round (outside protected spans).
    ctx = Context(pipeline.options)
    protected = merge(builtin_spans(once))
    for rule in pipeline.rules:
        edits = drop_protected(rule.edits(once, ctx), protected)
        assert all(once[e.start : e.end] == e.after for e in edits), rule.id


@pytest.mark.parametrize(("text", "expected"), [
    # words writes digits that groups then groups, in the same pass
    ("they paid fifty\u2009000 dollars", "they paid 50,000 dollars"),
    ("they paid fifty\u202f000 dollars", "they paid 50,000 dollars"),
    # Arabic-Indic digits become ASCII before the other rules read them
    ("they paid ١ ٠٠٠ dollars", "they paid 1,000 dollars"),
    ("about twelve ٤٣ items", "about twelve 43 items"),
    # ... and the last digits pass reads the separators between digits words wrote
    ("rates of twelve٫fifteen and ten٬twenty", "rates of 12.15 and 10,20"),
    # per cent is rewritten after words has read the run before it
    ("they were one hundred per cent sure", "they were 100 percent sure"),
    ("they were one hundred percent sure", "they were one hundred percent sure"),
    ("rates of twelve point five per cent", "rates of 12.5 percent"),
    # a rewritten neighbour only adds digits: the other run was read on the same text
    ("we saw twelve\tthirteen ships", "we saw 12\t13 ships"),
    ("we saw twelve 1 000 ships", "we saw twelve 1,000 ships"),
])
def test_interactions_settle_in_one_pass(text, expected):
    pipeline = numbers_only(10)
    assert pipeline.fix(text) == expected
    assert pipeline.fix(expected) == expected
