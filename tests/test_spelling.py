"""Dialect spelling: targets, case, proper nouns, usage groups, reports, pack validity, idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import textfix
from textfix import OptionError, Pipeline
from textfix.catalog import Catalog
from textfix.kinds import get_kind
from textfix.packs import check_mappings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_544037a258302635.txt"
TARGETS = ("en-US", "en-GB", "en-GB-oxendict")
CATALOG = Catalog()
PACKS = {t: CATALOG.load(f"spelling.{t}") for t in TARGETS}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def spelling_changes(text: str, **options) -> list[tuple[str, str]]:
    result = textfix.fix_and_explain(text, **options)
    return [(c.before, c.after) for c in result.changes if c.rule.startswith("spelling")]


def test_issue_examples():
    assert textfix.fix("The nuclear programme and its neighbouring states.") == \
        "The nuclear program and its neighboring states."
    assert textfix.fix("Programme") == "Program"
    assert textfix.fix("PROGRAMME") == "PROGRAM"
    assert textfix.fix("The color of the center and the computer program.", spelling="en-GB") == \
        "The colour of the centre and the computer program."
    assert textfix.fix("The Labour Party and the Ministry of Defence") == "The Labour Party and the Ministry of Defence"
    assert textfix.fix("rising labour costs") == "rising labor costs"


def test_seed_spelling_changes_exactly_two_words():
    text = SEED.read_text(encoding="utf-8")
    changes = spelling_changes(text)
    assert sorted(set(changes)) == [("neighbouring", "neighboring"), ("programme", "program")]
    for target in ("en-GB", "en-GB-oxendict"):
        assert spelling_changes(text, spelling=target) == []


@pytest.mark.parametrize("target", TARGETS)
def test_each_pack_is_valid_alone(target):
    pack = PACKS[target]
    assert check_mappings([pack], "entries", key=str.lower) == []
    assert get_kind("spelling").check([pack, CATALOG.load("spelling.proper-nouns")]) == []
    forms = sum(len(g.variants) for g in pack.groups("entries"))
    assert forms >= 10_000, f"{target}: only {forms} word forms"
    assert pack.header["target"] == target


def test_packs_carry_varcon_notice():
    for pack in PACKS.values():
        head = pack.path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
        assert "Copyright 2000-2019 by Kevin Atkinson" in head
        assert "Copyright 2016 by Benjamin Titze" in head
        assert "Copyright 1993, Geoff Kuenning" in head
    assert "Permission to use, copy, modify" in (ROOT / "rules" / "spelling" / "NOTICE").read_text(encoding="utf-8")


def test_two_targets_together_are_refused():
    errors = get_kind("spelling").check([PACKS["en-US"], PACKS["en-GB"]])
    assert any("several targets" in str(e) for e in errors)
    assert any("conflict" in str(e) or "chain" in str(e) for e in errors)


@pytest.mark.parametrize(("word", "british"), [
    ("program", "programme"), ("meter", "metre"), ("tire", "tyre"), ("curb", "kerb"),
    ("story", "storey"), ("check", "cheque"), ("draft", "draught"), ("prize", "prise"), ("license", "licence"),
    ("practice", "practise"),
])
def test_usage_groups_never_rewritten_toward_british(word, british):
    for target in ("en-GB", "en-GB-oxendict"):
        text = f"The {word} was there."
        result = textfix.fix_and_explain(text, spelling=target)
        assert result.text == text
        notes = [r.note for r in result.reports]
        assert any(n.startswith("ambiguous, not rewritten") for n in notes), (target, word, notes)
    # ... while the British form becomes American
    assert textfix.fix(f"The {british} was there.") == f"The {word} was there."


def test_ambiguous_report_has_position_and_note():
    result = textfix.fix_and_explain("Run the program.", spelling="en-GB")
    assert result.text == "Run the program."
    (report,) = result.reports
    assert (report.input_start, report.input_end, report.before) == (8, 15, "program")
    assert "computer program" in report.note and "programme" in report.note


def test_case_kept_and_mixed_case_left_alone():
    assert textfix.fix("colour. Colour. COLOUR") == "color. Color. COLOR"
    assert textfix.fix("ColOur cOLOUR") == "ColOur cOLOUR"
    assert textfix.fix("Organise", spelling="en-GB-oxendict") == "Organize"
    assert textfix.fix("ORGANIZE THEM", spelling="en-GB") == "ORGANISE THEM"


def test_proper_nouns():
    kept = ["The Labour Party won.", "the Ministry of Defence said", "the Sydney Harbour Bridge",
            "the Centre Party", "the Royal Opera House", "the Labour vote", "Labour Party leaders said",
            "LABOUR PARTY"]
    for text in kept:
        assert textfix.fix(text) == text, text
    for text in ["Pearl Harbor", "the Australian Labor Party", "the World Health Organization said",
                 "The World Health Organization said", "Kennedy Center"]:
        assert textfix.fix(text, spelling="en-GB") == text, text
    # A capital at the start of a sentence alone protects nothing.
    assert textfix.fix("Labour costs rose. Neighbouring Iran.") == "Labor costs rose. Neighboring Iran."
    assert textfix.fix('He said, "Colour matters."') == 'He said, "Color matters."'
    assert textfix.fix("Colour\nColour") == "Color\nColor"


def test_possessives_and_compounds():
    assert textfix.fix("the organisation's aims") == "the organization's aims"
    assert textfix.fix("the organisation’s aims") == "the organization’s aims"
    assert textfix.fix("the neighbours' fence") == "the neighbors' fence"
    assert textfix.fix("labour-intensive") == "labor-intensive"
    assert textfix.fix("colour_map colour2") == "colour_map colour2"


def test_option_and_profile(tmp_path):
    assert textfix.fix("colour", spelling="off") == "colour"
    with pytest.raises(OptionError):
        Pipeline("default", spelling="en-AU")
    profile = tmp_path / "british.pack"
    profile.write_text("id: british\nkind: profile\ndescription: British\nsource: tests\nlicence: MIT\n---\n"
                       "[packs]\nspelling.en-US\n[options]\nspelling: en-GB\n", encoding="utf-8")
    pipeline = Pipeline(str(profile))
    assert pipeline.fix("the color") == "the colour"
    assert [s.packs for s in pipeline.stages] == [("spelling.en-GB", "spelling.proper-nouns")]
    # Disabling the protection pack drops it.
    assert textfix.fix("the Labour Party", disable="spelling.proper-nouns") == "the Labour Party"  # still a name
    assert textfix.fix("Labour Party", disable="spelling.proper-nouns") == "Labor Party"


# -- properties -----------------------------------------------------------------------------------
def _canonicals(target: str) -> list[str]:
    return sorted({g.canonical for g in PACKS[target].groups("entries")})


def _variants(target: str) -> list[str]:
    return sorted({v for g in PACKS[target].groups("entries") for v, _ in g.variants})


AMERICAN = _canonicals("en-US")
BRITISH = _canonicals("en-GB")
SEPARATORS = st.sampled_from([" ", " ", ", ", ". ", "\n", " — ", "-", "’s ", "'s ", "; "])
CASES = st.sampled_from([str, str, str.capitalize, str.upper])


@st.composite
def sentences(draw, words):
    parts = draw(st.lists(st.tuples(st.sampled_from(words), CASES, SEPARATORS), min_size=1, max_size=15))
    return "".join(case(word) + sep for word, case, sep in parts)


def _mixed(target):
    vocabulary = _variants(target)[:3000:7] + _canonicals(target)[:3000:7] + [
        "Labour Party", "Ministry of Defence", "program", "Programme", "the", "said", "“", "’", "'", "-", "."]
    return st.lists(st.one_of(st.text(max_size=8), st.sampled_from(vocabulary)), max_size=12).map(
        lambda parts: " ".join(parts))


@pytest.mark.parametrize("target", TARGETS)
@SETTINGS
@given(data=st.data())
def test_idempotent(target, data):
    text = data.draw(st.one_of(_mixed(target), sentences(_variants(target)), st.text()))
    pipeline = textfix.get_pipeline("default", spelling=target)
    once = pipeline.fix(text)
    assert pipeline.fix(once) == once


@SETTINGS
@given(text=sentences(AMERICAN))
def test_american_text_unchanged_in_en_us(text):
    assert spelling_changes(text) == []


@SETTINGS
@given(text=sentences(BRITISH))
def test_british_text_unchanged_in_en_gb(text):
    assert spelling_changes(text, spelling="en-GB") == []


def test_pipeline_pickles_and_rule_keeps_no_state():
    import pickle

    pipeline = Pipeline("default", spelling="en-GB")
    clone = pickle.loads(pickle.dumps(pipeline))
    assert clone.fix("the color") == "the colour"
    (rule,) = [r for r in pipeline.rules if r.id.startswith("spelling")]
    assert pickle.loads(pickle.dumps(rule)).edits("the color", None) == rule.edits("the color", None)


# Text built from the characters that decide where a token starts and ends.
_TOKEN_TEXT = st.lists(st.sampled_from(list("ab_9é٣ '’-.\u00a0") + ["ab", "b-a", "a’b"]), max_size=30).map("".join)


@SETTINGS
@given(text=_TOKEN_TEXT)
def test_token_start_agrees_with_tokenizing(text):
    """token_start (a walk to the left) finds the start of the token holding each word character."""
    from textfix.spelling import TOKEN, token_start

    for m in TOKEN.finditer(text):
        for i in range(m.start(), m.end()):
            if text[i] not in "'’-":
                assert token_start(text, i) == m.start()


@SETTINGS
@given(text=st.one_of(_mixed("en-US"), sentences(_variants("en-US")), _TOKEN_TEXT))
def test_candidates_are_the_known_tokens(text):
    """The Aho–Corasick candidates are exactly the tokens the table knows (or compounds with a known piece)."""
    from textfix.spelling import PIECE, TOKEN

    (rule,) = [r for r in textfix.get_pipeline("default").rules if r.id.startswith("spelling")]
    expected = [(m.start(), m.group()) for m in TOKEN.finditer(text)
                if m.group() in rule.table or not m.group().isalnum()
                and not rule.pieces.isdisjoint(PIECE.findall(m.group()))]
    assert rule.candidates(text) == expected


@pytest.mark.parametrize("target", TARGETS)
@SETTINGS
@given(data=st.data())
def test_screen_of_many_loses_no_candidate(target, data):
    """The batch screen (Pipeline.fix_many) leaves out only texts with no candidate, so no edit or report."""
    from batch_checks import check_screen_many

    (rule,) = [r for r in textfix.get_pipeline("default", spelling=target).rules if r.id.startswith("spelling")]
    texts = data.draw(st.lists(st.one_of(_mixed(target), sentences(_variants(target)), _TOKEN_TEXT,
                                         sentences(_variants(target)).map(str.strip)), max_size=6))
    picked = check_screen_many(rule.screen_many, lambda text: rule.edits(text, None), texts)
    assert set(picked) >= {i for i, text in enumerate(texts) if rule.candidates(text)}
