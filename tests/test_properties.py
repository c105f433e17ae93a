"""The contract for every rule, pack and profile, checked generically.

Every profile and every pack found in ``rules/`` (and every rule those packs
compile to) is parametrized here automatically: registering a pack is enough
to put it under these properties. Properties:

- idempotence, ``f(f(x)) == f(x)``, over arbitrary text, over words from every
  pack, and over mojibake made by real codecs;
- the offset map of ``explain`` accounts for the whole output;
- clean text comes back byte-identical from the ``repair`` profile;
- a stage's screen, and a rule's screen of many texts, never turn away a text with an edit.
"""

from __future__ import annotations

import pytest
from batch_checks import check_screen_many
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import PACK_IDS, PROFILE_IDS, any_text, clean_text, mixed_text, mojibake

from textfix import Pipeline
from textfix.engine import Context
from textfix.kinds import kind_names
from textfix.offsets import apply_edits
from textfix.protect import drop_protected

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def only(pack_id: str) -> Pipeline:
    """A pipeline running one pack: every kind disabled, that pack enabled by id."""
    return Pipeline("repair", disable=list(kind_names()), enable=[pack_id])


@pytest.fixture(scope="module", params=PROFILE_IDS)
def profile_pipeline(request):
    return Pipeline(request.param)


@pytest.fixture(scope="module", params=PACK_IDS)
def pack_pipeline(request):
    return only(request.param)


def _rules():
    seen = {}
    for pipeline in [Pipeline(p) for p in PROFILE_IDS] + [only(p) for p in PACK_IDS]:
        for rule in pipeline.rules:
            seen.setdefault(rule.id, (rule, pipeline.options))
    return list(seen.values())


RULES = _rules()


def test_everything_is_registered():
    """The generic properties below run for this many profiles, packs and rules."""
    assert "default" in PROFILE_IDS and "repair" in PROFILE_IDS
    assert {rule.id for rule, _ in RULES} >= {r.id for p in PROFILE_IDS for r in Pipeline(p).rules}


@SETTINGS
@given(text=any_text)
def test_profile_idempotent(profile_pipeline, text):
    once = profile_pipeline.fix(text)
    assert profile_pipeline.fix(once) == once


@SETTINGS
@given(text=any_text)
def test_pack_idempotent(pack_pipeline, text):
    once = pack_pipeline.fix(text)
    assert pack_pipeline.fix(once) == once


def _apply_rule(rule, text, options):
    edits = [e for e in rule.edits(text, Context(options)) if text[e.start : e.end] != e.after]
    return apply_edits(text, drop_protected(edits, []))[0]


@pytest.mark.parametrize(("rule", "options"), RULES, ids=[r.id for r, _ in RULES])
@SETTINGS
@given(text=any_text)
def test_rule_idempotent(rule, options, text):
    once = _apply_rule(rule, text, options)
    assert _apply_rule(rule, once, options) == once


@SETTINGS
@given(text=st.one_of(mixed_text(), mojibake()))
def test_offsets_account_for_output(profile_pipeline, text):
    result = profile_pipeline.explain(text)
    offsets = result.offsets
    assert offsets.input_length == len(text) and offsets.output_length == len(result.text)
    rebuilt, pos = [], 0
    for seg in offsets.segments:
        rebuilt.append(text[pos : seg.in_start])
        rebuilt.append(result.text[seg.out_start : seg.out_end])
        pos = seg.in_end
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == result.text
    for change in result.changes:
        assert 0 <= change.input_start <= change.input_end <= len(text)
        assert 0 <= change.output_start <= change.output_end <= len(result.text)
        # The input span of a change maps forward onto a span covering its output span.
        assert offsets.to_output(change.input_start) <= change.output_start
        assert change.output_end <= offsets.to_output(change.input_end, side="right")
    # Round trip: an unchanged position goes to the output and back to itself; a segment's
    # start comes back from the left side and its end from the right side.
    starts = {s.in_start for s in offsets.segments}
    ends = {s.in_end for s in offsets.segments}
    for p in range(len(text) + 1):
        if any(s.in_start < p < s.in_end for s in offsets.segments):
            continue
        side = "right" if p in ends and p not in starts else "left"
        assert offsets.to_input(offsets.to_output(p, side=side), side=side) == p


@SETTINGS
@given(text=mojibake())
def test_repair_idempotent_on_mojibake(text):
    repair = Pipeline("repair")
    once = repair.fix(text)
    assert repair.fix(once) == once


@SETTINGS
@given(text=clean_text())
def test_clean_text_unchanged_by_repair(text):
    assert Pipeline("repair").fix(text) == text


def _screened_stages():
    seen = {}
    for pipeline in [Pipeline(p) for p in PROFILE_IDS] + [only(p) for p in PACK_IDS]:
        for stage in pipeline.stages:
            if stage.screen is not None:
                seen.setdefault(tuple(r.id for r in stage.rules), (stage, pipeline.options))
    return list(seen.values())


SCREENED = _screened_stages()


@pytest.mark.parametrize(("stage", "options"), SCREENED, ids=["+".join(s.packs) for s, _ in SCREENED])
@SETTINGS
@given(text=st.one_of(any_text, mixed_text(), mojibake()))
def test_screen_never_hides_a_change(stage, options, text):
    """Where a stage's screen rules a text out, none of its rules would change it or report on it."""
    if not stage.screen(text):
        for rule in stage.rules:
            assert rule.edits(text, Context(options)) == [], rule.id


def test_screens_are_registered():
    """Every kind that declares a screen has one on its stages here (so the property above covers it)."""
    from textfix.kinds import all_kinds

    screened_kinds = {k.name for k in all_kinds() if k.screen is not None}
    assert screened_kinds <= {stage.kind for stage, _ in SCREENED}


def _rules_screening_many():
    return [(rule, options) for rule, options in RULES if getattr(rule, "screen_many", None) is not None]


SCREENING_MANY = _rules_screening_many()
# Texts at both edges of a batch's joins: as made, and stripped (a word right at a text's start or end).
BATCHES = st.lists(st.one_of(any_text, mixed_text(), mixed_text().map(str.strip), mojibake()), max_size=8)


@pytest.mark.parametrize(("rule", "options"), SCREENING_MANY, ids=[r.id for r, _ in SCREENING_MANY])
@SETTINGS
@given(texts=BATCHES)
def test_screen_many_never_hides_a_change(rule, options, texts):
    """Where a rule's screen of many texts leaves a text out, the rule would not change it or report on it."""
    ctx = Context(options)
    check_screen_many(rule.screen_many, lambda text: rule.edits(text, ctx), texts)


def test_screens_of_many_are_registered():
    """The rules of the default profile that screen many texts at once are all under the property above."""
    default = {r.id for r in Pipeline("default").rules if getattr(r, "screen_many", None) is not None}
    assert default >= {"spelling.en-US", "numbers.en.words", "numbers.en.groups", "numbers.en.phrases",
                       "numbers.en.digits"}
    assert default <= {r.id for r, _ in SCREENING_MANY}


LONE_SURROGATES = st.lists(st.one_of(mixed_text(), st.sampled_from(["\ud800", "\udfff", "\udc80", "colour\ud800"])),
                           max_size=6).map("".join)


@SETTINGS
@given(text=LONE_SURROGATES)
def test_every_pack_takes_lone_surrogates(pack_pipeline, text):
    """Without the repair stage (which removes them) a lone surrogate reaches every rule: none fails on it."""
    once = pack_pipeline.fix(text)
    assert pack_pipeline.fix(once) == once
    assert list(pack_pipeline.fix_many([text, once])) == [once, once]


# Protected spans (URLs, e-mail addresses, code) around words the packs rewrite.
PROTECTED_BITS = ["https://x.org/colour_1", "www.x.org/colour", "me@x.org", "`colour = 1`", "```\ncolour\n```\n",
                  "~~~\n12 May 2001\n~~~\n", "&amp;", "twelve thousand", "colour", "Moammar Gadhafi", "1 000", "cafÃ©"]
GUARDED_TEXT = st.lists(st.one_of(mixed_text(), st.sampled_from(PROTECTED_BITS)), max_size=8).map(" ".join)


@SETTINGS
@given(text=GUARDED_TEXT)
def test_fix_explain_and_fix_many_agree(profile_pipeline, text):
    """fix (the quick way to apply edits), explain (which records them) and fix_many give the same text."""
    fixed = profile_pipeline.fix(text)
    assert profile_pipeline.explain(text).text == fixed
    assert list(profile_pipeline.fix_many([text, fixed])) == [fixed, fixed]


@SETTINGS
@given(text=st.one_of(GUARDED_TEXT, any_text))
def test_protected_spans_only_where_the_quick_test_says(text):
    """The engine skips the search for protected spans where may_hold_builtin says none can be."""
    from textfix.protect import builtin_spans, may_hold_builtin

    if builtin_spans(text):
        assert may_hold_builtin(text)


@pytest.mark.parametrize(("rule", "options"), RULES, ids=[r.id for r, _ in RULES])
def test_every_rule_pickles(rule, options):
    """A rule object survives pickling (as a pipeline does, by rebuilding) and finds the same edits."""
    import pickle

    from textfix.batchscreen import Batch

    clone = pickle.loads(pickle.dumps(rule))
    ctx = Context(options)
    texts = ["The colour of 1 000 twelve thousand per cent cafÃ© Moammar Gadhafi, May 5, 2019 ٤٣", "plain text"]
    for text in texts:
        assert clone.edits(text, ctx) == rule.edits(text, ctx)
    if getattr(rule, "screen_many", None) is not None:
        assert clone.screen_many(Batch(texts)) == rule.screen_many(Batch(texts))
