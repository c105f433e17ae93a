"""Dates: the seed, explanations, pack validation, and hypothesis over generated dates."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.engine import Context, Pipeline
from textfix.errors import OptionError, PackErrors
from textfix.offsets import apply_edits
from textfix.packs import load_pack

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_544037a258302635.txt"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
            "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first "
            "twenty-second twenty-third twenty-fourth twenty-fifth twenty-sixth twenty-seventh twenty-eighth "
            "twenty-ninth thirtieth thirty-first").split()


def profile(tmp_path: Path, *packs: str) -> Path:
    path = tmp_path / "test.pack"
    path.write_text("id: test\nkind: profile\ndescription: test\nsource: tests\nlicence: MIT\n---\n[packs]\n"
                    + "\n".join(packs) + "\n", encoding="utf-8")
    return path


def suffix(day: int) -> str:
    return "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


# Every full-date form, as a function of a date.
FORMS = {
    "month day, year": lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    "abbr. day, year": lambda d: f"{ABBR[d.month - 1]}{'' if d.month == 5 else '.'} {d.day}, {d.year}",
    "month dayth year": lambda d: f"{MONTHS[d.month - 1]} {d.day}{suffix(d.day)} {d.year}",
    "day month year": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "dayth of month, year": lambda d: f"{d.day}{suffix(d.day)} of {MONTHS[d.month - 1]}, {d.year}",
    "ordinal of month, year": lambda d: f"{ORDINALS[d.day - 1]} of {MONTHS[d.month - 1]}, {d.year}",
    "month ordinal, year": lambda d: f"{MONTHS[d.month - 1]} {ORDINALS[d.day - 1]}, {d.year}",
    "year/mm/dd": lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    "weekday, month day, year": lambda d: f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year}",
}

dates = st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31))
contexts = st.sampled_from(["", "on ", "the ", "It was ", "(", "“"]), st.sampled_from(["", ",", ", attacks", ".", ")", "”"])


@pytest.fixture(scope="module")
def dates_only(tmp_path_factory):
    return profile(tmp_path_factory.mktemp("p"), "dates.en")


# -- the seed ------------------------------------------------------------------------------------
@pytest.mark.parametrize("reference", [None, "2020-03-04"])
def test_seed_dates_and_numbers_alone(tmp_path, reference):
    text = SEED.read_text(encoding="utf-8")
    options = {"reference_date": reference} if reference else {}
    pipeline = Pipeline(profile(tmp_path, "dates.en", "numbers.en"), **options)
    explained = pipeline.explain(text)
    expected = [("September 11, 2001", "2001-09-11")]
    if reference:
        expected += [("March 3", "2020-03-03"), ("March 3", "2020-03-03")]
    assert sorted((c.before, c.after) for c in explained.changes) == sorted(expected)
    assert "2001-09-11, terrorist attacks" in explained.text
    for kept in ("two sides", "43 attacks", "in 2018", "19 years", "24 hours", "20 Afghan", "the first direct",
                 "On Wednesday", "in 2011"):
        assert kept in explained.text
    # Nothing else changes: undo the changes and get the input back.
    undone = explained.text
    for change in sorted(explained.changes, key=lambda c: -c.output_start):
        undone = undone[: change.output_start] + change.before + undone[change.output_end :]
    assert undone == text
    assert pipeline.fix(explained.text) == explained.text
    if reference:
        assert explained.text.count("2020-03-03") == 2 and "March 3" not in explained.text
    else:
        assert explained.text.count("March 3") == 2


def test_explain_spans_and_offsets(dates_only):
    text = "Before Tuesday, September 11, 2001, after."
    explained = Pipeline(dates_only).explain(text)
    assert explained.text == "Before Tuesday, 2001-09-11, after."
    (change,) = explained.changes
    assert text[change.input_start : change.input_end] == "September 11, 2001"
    assert explained.text[change.output_start : change.output_end] == "2001-09-11"
    assert change.rule == "dates.en" and change.note
    m = explained.offsets
    assert m.to_input(len(explained.text)) == len(text)
    assert m.to_output(text.index(", after")) == explained.text.index(", after")


def test_ambiguous_and_invalid_are_reported(dates_only):
    explained = Pipeline(dates_only).explain("Filed 11/09/2001; born February 30, 2001.")
    assert explained.text == "Filed 11/09/2001; born February 30, 2001."
    notes = {r.before: r.note for r in explained.reports}
    assert "day_first" in notes["11/09/2001"]
    assert "not a valid date" in notes["February 30, 2001"]


def test_bad_options_are_errors():
    with pytest.raises(OptionError):
        Pipeline("default", reference_date="March 3")
    with pytest.raises(OptionError):
        Pipeline("default", date_format="%Y")
    with pytest.raises(OptionError):
        Pipeline("default", day_first="sometimes")


def test_bad_pack_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.pack"
    bad.write_text("id: dates.bad\nkind: dates\ndescription: x\nsource: x\nlicence: MIT\n---\n[months]\n"
                   "Jantember\n    number: 13\n[day-words]\nfirst one\n", encoding="utf-8")
    with pytest.raises(PackErrors) as err:
        Pipeline(profile(tmp_path, "bad.pack"))
    messages = [str(e) for e in err.value.errors]
    assert any("bad.pack:9" in m and "number" in m for m in messages)
    assert any("bad.pack:11" in m for m in messages)


def test_shipped_pack_has_no_literals_in_code():
    pack = load_pack(ROOT / "rules" / "dates" / "en.pack")
    assert len(pack.groups("months")) == 12 and len(pack.groups("weekdays")) == 7
    source = (ROOT / "textfix" / "dates" / "finder.py").read_text(encoding="utf-8")
    code = re.sub(r'""".*?"""|#.*', "", source, flags=re.DOTALL)
    for word in MONTHS + WEEKDAYS + ["Sept", "first", "eleventh"]:
        assert word not in code, word


# -- hypothesis ----------------------------------------------------------------------------------
def rule_of(pipeline: Pipeline):
    (rule,) = pipeline.rules
    return rule


def apply(rule, text: str, options) -> str:
    return apply_edits(text, [e for e in rule.edits(text, Context(options))])[0]


OPTION_SETS = [
    {},
    {"reference_date": "2020-03-04", "day_first": "true"},
    {"day_first": "false", "date_format": "%d %B %Y"},
    {"date_format": "%B %d, %Y", "month_format": "%B %Y", "reference_date": "2001-01-01"},
    {"date_format": "%A, %d.%m.%Y", "day_first": "true"},
    {"date_format": "%m/%d/%Y", "day_first": "true"},
]


@pytest.fixture(scope="module")
def pipelines(dates_only):
    return [Pipeline(dates_only, **o) for o in OPTION_SETS]


@settings(max_examples=300, deadline=None)
@given(d=dates, form=st.sampled_from(sorted(FORMS)), ctx=st.tuples(*contexts))
def test_every_form_gives_iso(dates_only, d, form, ctx):
    text = ctx[0] + FORMS[form](d) + ctx[1]
    out = _default(dates_only).fix(text)
    expected = (f"{WEEKDAYS[d.weekday()]}, " if form.startswith("weekday") else "") + d.isoformat()
    assert out == ctx[0] + expected + ctx[1]


_CACHE: dict = {}


def _default(path):
    if path not in _CACHE:
        _CACHE[path] = Pipeline(path)
    return _CACHE[path]


@settings(max_examples=300, deadline=None)
@given(d=dates, form=st.sampled_from(sorted(FORMS)), ctx=st.tuples(*contexts), which=st.integers(0, 5),
       glue=st.sampled_from([" ", " and ", "; ", "\n"]), other=dates)
def test_rule_idempotent_on_generated_dates(pipelines, d, form, ctx, which, glue, other):
    pipeline = pipelines[which]
    rule = rule_of(pipeline)
    text = ctx[0] + FORMS[form](d) + glue + FORMS[form](other) + ctx[1] + " March 3 and 3/4"
    once = apply(rule, text, pipeline.options)
    assert apply(rule, once, pipeline.options) == once
    assert pipeline.fix(pipeline.fix(text)) == pipeline.fix(text)


@settings(max_examples=300, deadline=None)
@given(y=st.integers(1000, 2999), m=st.integers(1, 12), day=st.integers(29, 31),
       form=st.sampled_from(["month day, year", "day month year", "dayth of month, year", "year/mm/dd",
                             "month dayth year"]), which=st.integers(0, 5))
def test_invalid_dates_never_produced(pipelines, y, m, day, form, which):
    try:
        date(y, m, day)
        return
    except ValueError:
        pass

    class Fake:  # a date-like object that may not exist
        year, month = y, m

    Fake.day = day
    Fake.weekday = staticmethod(lambda: 0)
    text = "on " + FORMS[form](Fake) + " it was"
    pipeline = pipelines[which]
    assert pipeline.fix(text) == text


@settings(max_examples=200, deadline=None)
@given(d=dates, which=st.integers(0, 5), sep=st.sampled_from("/.-"), dd=st.booleans())
def test_numeric_dates_never_invalid(pipelines, d, which, sep, dd):
    a, b = (d.day, d.month) if dd else (d.month, d.day)
    text = f"on {a:02d}{sep}{b:02d}{sep}{d.year} and {d.year}{sep}{d.month}{sep}{d.day}."
    out = pipelines[which].fix(text)
    for y, mo, da in re.findall(r"(\d{4})-(\d\d)-(\d\d)", out):
        date(int(y), int(mo), int(da))  # raises if an invalid date was produced
    assert pipelines[which].fix(out) == out


VOCAB = st.sampled_from(MONTHS + ABBR + WEEKDAYS + ORDINALS + ["of", "the", "may", "march", "Theresa", "In",
                                                                "1", "11", "31", "2001", "2020", "09", "12",
                                                                "th", "st", ",", ".", "/", "-", ":", " ", "\n",
                                                                "٢٠٠١", "١١"])


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.one_of(VOCAB, st.text(max_size=5)), max_size=25), which=st.integers(0, 5))
def test_arbitrary_text_idempotent(pipelines, parts, which):
    text = "".join(p if p in {",", ".", "/", "-", ":", "\n", " "} else p + " " for p in parts)
    pipeline = pipelines[which]
    rule = rule_of(pipeline)
    once = apply(rule, text, pipeline.options)
    assert apply(rule, once, pipeline.options) == once
    assert pipeline.fix(pipeline.fix(text)) == pipeline.fix(text)


@settings(max_examples=100, deadline=None)
@given(ref=st.dates(min_value=date(1001, 1, 1), max_value=date(2998, 12, 31)), d=dates)
def test_reference_date_picks_nearest(dates_only, ref, d):
    if (d.month, d.day) == (2, 29):
        return
    pipeline = Pipeline(dates_only, reference_date=ref.isoformat())
    out = pipeline.fix(f"on {MONTHS[d.month - 1]} {d.day} they")
    found = date.fromisoformat(re.search(r"\d{4}-\d\d-\d\d", out).group())
    assert (found.month, found.day) == (d.month, d.day)
    for year in (found.year - 1, found.year + 1):
        try:
            other = found.replace(year=year)
        except ValueError:
            continue
        assert abs((found - ref).days) <= abs((other - ref).days)
    assert abs((found - ref).days) <= 184
