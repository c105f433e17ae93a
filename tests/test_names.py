"""The names kind: the news pack applied to itself, the loader's checks, and idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import textfix
from textfix.catalog import Catalog
from textfix.engine import Context
from textfix.errors import PackErrors
from textfix.kinds.names import KIND
from textfix.names.fold import key
from textfix.names.model import load_names
from textfix.offsets import apply_edits
from textfix.packs import load_pack

NEWS = Catalog().load("names.news")
ENTRIES = load_names([NEWS]).entries
HEADER = "id: names.{id}\nkind: names\ndescription: test\nsource: tests\nlicence: MIT\n---\n"


@pytest.fixture(scope="module")
def names_only(tmp_path_factory):
    path = tmp_path_factory.mktemp("profiles") / "names-only.pack"
    path.write_text("id: names-only\nkind: profile\ndescription: names\nsource: tests\nlicence: MIT\n---\n"
                    "[packs]\nnames.news\n", encoding="utf-8")
    return textfix.Pipeline(str(path))


def _variant_params():
    return [pytest.param(e.canonical, v, id=f"{e.canonical} <- {v}") for e in ENTRIES for v in e.variants]


def _short_params():
    return [pytest.param(e.canonical, e.short, v, id=f"{e.short} <- {v}") for e in ENTRIES for v in e.short_variants]


# -- the pack, case by case, generated from the pack itself ------------------------------------------

def test_news_pack_size_and_validity():
    assert len(NEWS.groups()) >= 300
    assert KIND.check([NEWS]) == []


@pytest.mark.parametrize(("canonical", "variant"), _variant_params())
def test_every_variant_is_rewritten(names_only, canonical, variant):
    assert names_only.fix(f"Yesterday {variant} spoke.") == f"Yesterday {canonical} spoke."
    assert names_only.fix(f"Yesterday {variant}’s aide spoke.") == f"Yesterday {canonical}’s aide spoke."
    assert names_only.fix(f"YESTERDAY {variant.upper()} SPOKE.") == f"YESTERDAY {canonical.upper()} SPOKE."


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.canonical for e in ENTRIES])
def test_every_canonical_is_left_alone(names_only, entry):
    for text in (f"Yesterday {entry.canonical} spoke.", f"{entry.canonical}’s aide", entry.canonical,
                 f"YESTERDAY {entry.canonical.upper()} SPOKE."):
        assert names_only.fix(text) == text
    if entry.short:
        text = f"{entry.canonical} arrived; on Monday, {entry.short} spoke."
        assert names_only.fix(text) == text


@pytest.mark.parametrize(("canonical", "short", "variant"), _short_params())
def test_every_short_variant_is_rewritten_only_with_the_full_name(names_only, canonical, short, variant):
    assert names_only.fix(f"{canonical} arrived; on Monday, {variant} spoke.") == \
        f"{canonical} arrived; on Monday, {short} spoke."
    assert names_only.fix(f"On Monday, {variant} spoke.") == f"On Monday, {variant} spoke."


def test_every_form_can_match():
    """A form with no capital letter could never be rewritten (lower-case words are left alone)."""
    for e in ENTRIES:
        for form in (*e.variants, *e.short_variants):
            assert any(ch.isupper() for ch in form), form


def test_seed_names(names_only):
    seed = Path(__file__).parent.parent / "seeds" / "000_544037a258302635.txt"
    if not seed.exists():
        seed = Path(__file__).parent.parent.parent / "shared" / "seeds" / "000_544037a258302635.txt"
    text = seed.read_text(encoding="utf-8")
    explained = names_only.explain(text)
    assert [(c.before, c.after) for c in explained.changes] == [
        ("Zabihullah Mujahed", "Zabihullah Mujahid"), ("Kim Jong-un", "Kim Jong Un")]
    assert textfix.fix("Taliban spokesman Zabihullah Mujahed confirmed it.") == \
        "Taliban spokesman Zabihullah Mujahid confirmed it."


def test_changes_are_explained(names_only):
    explained = names_only.explain("Qaddafi met Moammar Gadhafi.")
    assert [(c.rule, c.before, c.after, c.input_start, c.input_end) for c in explained.changes] == [
        ("names.news", "Qaddafi", "Gaddafi", 0, 7), ("names.news", "Moammar Gadhafi", "Muammar Gaddafi", 12, 27)]


def test_ambiguous_surname_is_reported_not_rewritten(tmp_path):
    pack = tmp_path / "p.pack"
    pack.write_text(HEADER.format(id="amb") + "[entries]\nAnna Kovac\n    Ana Kovach\n    short: Kovac\n"
                    "Ivan Kovacs\n    Ivan Kovach\n    short: Kovacs\n", encoding="utf-8")
    profile = tmp_path / "prof.pack"
    profile.write_text("id: prof\nkind: profile\ndescription: x\nsource: x\nlicence: MIT\n---\n[packs]\np.pack\n",
                       encoding="utf-8")
    pipeline = textfix.Pipeline(str(profile))
    # Only one of them named: the surname follows that one.
    assert pipeline.fix("Anna Kovac came, then Kovach spoke.") == "Anna Kovac came, then Kovac spoke."
    assert pipeline.fix("Ivan Kovacs came, then Kovach spoke.") == "Ivan Kovacs came, then Kovacs spoke."
    both = "Anna Kovac and Ivan Kovacs came; then Kovach spoke."
    explained = pipeline.explain(both)
    assert explained.text == both
    assert [r.before for r in explained.reports] == ["Kovach"] and "ambiguous" in explained.reports[0].note


# -- the loader: one bad snippet per mistake ---------------------------------------------------------

BAD = {
    "conflict": ("[entries]\nKyiv\n    Kiev\nKiev Oblast\n    Kiev\n", 5, "conflict"),
    "chain": ("[entries]\nKyiv\n    Kiev\nKiev\n    Kief\n", 3, "chain"),
    "cycle": ("[entries]\nKyiv\n    Kiev\nKiev\n    Kyiv\n", 3, "cycle"),
    "canonical twice": ("[entries]\nKyiv\n    Kiev\nKyiv\n    Kyjiw\n", 4, "listed twice"),
    "duplicate variant": ("[entries]\nKyiv\n    Kiev\n    Kiev\n", 4, "duplicate"),
    "self map": ("[entries]\nKyiv\n    Kyiv\n", 3, "itself"),
    "folded self map": ("[entries]\nKim Jong Un\n    Kim Jong-un\n", 3, "already folds"),
    "short not a surname": ("[entries]\nZabihullah Mujahid\n    Zabihullah Mujahed\n    short: Zabihullah\n", 4,
                            "last word"),
    "surname as a variant": ("[entries]\nZabihullah Mujahid\n    Zabihullah Mujahed\n    Mujahed\n", 4,
                             "surname alone"),
    "given name listed": ("[given-names]\nMohammed\n[entries]\nMohammed\n    Muhammad\n", 4, "given name"),
    "given name of a person": ("[entries]\nZabihullah Mujahid\n    Zabiullah Mujahid\n    short: Mujahid\n"
                               "Zabihullah\n    Zabiullah\n", 6, "given name"),
    "short is a full form": ("[entries]\nMuammar Gaddafi\n    Muammar Qaddafi\n    short: Gaddafi\n"
                             "Gaddafi\n    Qaddafi\n", 4, "also the full form"),
    "punctuation": ("[entries]\nSaint Petersburg\n    St. Petersburg\n", 3, "contains '.'"),
    "short-variant alone": ("[entries]\nKyiv\n    Kiev\n    short-variant: Kief\n", 4, "needs a 'short:'"),
    "unknown key": ("[entries]\nKyiv\n    Kiev\n    shrt: Kiev\n", 4, "unknown key"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_loader_catches(tmp_path, name):
    body, body_line, needle = BAD[name]
    line = body_line + HEADER.count("\n")  # line numbers count from the top of the file
    path = tmp_path / "bad.pack"
    path.write_text(HEADER.format(id="bad") + body, encoding="utf-8")
    try:
        errors = KIND.check([load_pack(path)])
    except PackErrors as exc:  # shape errors are raised by the parser
        errors = exc.errors
    assert errors, name
    assert any(e.path == str(path.resolve()) and e.line == line and needle in e.message for e in errors), \
        [str(e) for e in errors]


def test_loader_catches_conflict_across_packs(tmp_path):
    a = tmp_path / "a.pack"
    a.write_text(HEADER.format(id="a") + "[entries]\nKyiv\n    Kiev\n", encoding="utf-8")
    b = tmp_path / "b.pack"
    b.write_text(HEADER.format(id="b") + "[entries]\nKiev\n    Kieff\n", encoding="utf-8")
    errors = KIND.check([load_pack(a), load_pack(b)])
    assert any("chain" in e.message and e.path == str(a.resolve()) and e.line == 9 for e in errors), \
        [str(e) for e in errors]


def test_a_pipeline_refuses_bad_packs(tmp_path):
    pack = tmp_path / "bad.pack"
    pack.write_text(HEADER.format(id="bad") + "[entries]\nZorvania\n    Zorvanya\nZorvanya\n    Zorvaniya\n",
                    encoding="utf-8")
    with pytest.raises(PackErrors, match=r"bad.pack:9: chain"):
        textfix.Pipeline("default", packs=str(tmp_path), enable="names.bad")


# -- idempotence ------------------------------------------------------------------------------------

FORMS = sorted({f for e in ENTRIES for f in (e.canonical, *e.variants, *((e.short,) if e.short else ()),
                                                    *e.short_variants)}
               | set(load_names([NEWS]).keep))
# Forms that are prefixes or substrings of one another are the risky ones for re-rewrites.
NESTED = sorted({a for a in FORMS for b in FORMS if a != b and key(a) in key(b)})
names = st.sampled_from(FORMS)
nested = st.sampled_from(NESTED) if NESTED else st.nothing()
piece = st.one_of(names, nested, names.map(str.upper), names.map(str.lower), st.text(max_size=8),
                  st.sampled_from(["President", "Mr.", "said", "the", "Al", "al-", "’s", "-era", "Kim", "Mohammed"]))
glue = st.sampled_from([" ", "  ", "-", "’", "'", "\n", ". ", ", ", "", "\u00a0", "’s "])


@st.composite
def name_text(draw):
    parts = draw(st.lists(piece, max_size=14))
    seps = draw(st.lists(glue, min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps))


def _rule_once(text):
    (rule,) = [r for r in textfix.get_pipeline("default").rules if r.id == "names.news"]
    edits = [e for e in rule.edits(text, Context({})) if text[e.start : e.end] != e.after]
    return apply_edits(text, edits)[0]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=name_text())
def test_rule_idempotent_in_one_application(text):
    once = _rule_once(text)
    assert _rule_once(once) == once


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=name_text())
def test_default_profile_idempotent_on_names(text):
    once = textfix.fix(text)
    assert textfix.fix(once) == once


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=name_text())
def test_canonical_forms_never_change(names_only, text):
    """Whatever surrounds it, a canonical form as written is never rewritten."""
    canon = sorted({e.canonical for e in ENTRIES})
    for c in canon[:: max(1, len(canon) // 25)]:
        sample = f"{text} {c} "
        out = names_only.fix(sample)
        assert f" {c} " in out or c not in out and c.upper() == c


def test_a_rewrite_that_makes_a_longer_name_settles_in_one_application(tmp_path):
    """Kief -> Kyiv makes "Kyiv Pechersk Lavra", itself a variant: one application goes all the way."""
    pack = tmp_path / "p.pack"
    pack.write_text(HEADER.format(id="grow") + "[entries]\nKyiv\n    Kief\nPechersk Lavra\n"
                    "    Kyiv Pechersk Lavra\n", encoding="utf-8")
    from textfix.kinds.names import _build

    rule = _build([load_pack(pack)], {})[0]
    text = "We saw the Kief Pechersk Lavra and Kief."
    once = apply_edits(text, [e for e in rule.edits(text, Context({})) if text[e.start : e.end] != e.after])[0]
    assert once == "We saw the Pechersk Lavra and Kyiv."
    assert rule.edits(once, Context({})) == []


def test_only_one_character_lowercases_longer():
    """fold_text replaces İ first because it is the one character whose lower case is longer."""
    from textfix.names.fold import _LONG_LOWER

    assert _LONG_LOWER == "".join(ch for ch in map(chr, range(0x110000)) if len(ch.lower()) != 1)
