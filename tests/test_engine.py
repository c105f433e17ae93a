"""The engine: pipelines, options, protected spans, explain, pickling, threads, streaming."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import textfix
from textfix import Pipeline, TextfixError
from strategies import any_text, mixed_text, mojibake
from textfix.offsets import Edit, OffsetMap, Segment, apply_edits

DAMAGED = "The groupâ€™s leader said â€œyesâ€\x9d."
FIXED = "The group’s leader said “yes”."


def test_fix_and_explain_api():
    assert textfix.fix(DAMAGED, profile="repair") == FIXED
    result = textfix.fix_and_explain(DAMAGED, profile="repair")
    assert result.text == FIXED
    assert [c.rule for c in result.changes] == ["repair.encoding"] * 3
    first = result.changes[0]
    assert (first.before, first.after) == ("â€™", "’")
    assert DAMAGED[first.input_start : first.input_end] == "â€™"
    assert FIXED[first.output_start : first.output_end] == "’"
    assert result.to_dict()["changes"][0]["rule"] == "repair.encoding"


def test_pipeline_reusable_and_picklable():
    pipeline = Pipeline("repair")
    clone = pickle.loads(pickle.dumps(pipeline))
    assert clone.fix(DAMAGED) == pipeline.fix(DAMAGED) == FIXED
    assert [r.id for r in clone.rules] == [r.id for r in pipeline.rules]


def test_pipeline_thread_safe():
    pipeline = Pipeline("default")
    texts = [f"{i} {DAMAGED} &amp; cafe\u0301" for i in range(200)]
    expected = [pipeline.fix(t) for t in texts]
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(pipeline.fix, texts)) == expected


def test_protected_spans_are_not_rewritten():
    text = "see https://x.org/?a=1&amp;b=2 not &amp; `code &amp;` nor www.x.org/caf&eacute;"
    assert textfix.fix(text, profile="repair") == (
        "see https://x.org/?a=1&amp;b=2 not & `code &amp;` nor www.x.org/caf&eacute;"
    )


def test_user_keep_phrases_and_regexes():
    text = "Fish &amp; Chips and Salt &amp; Vinegar"
    assert textfix.fix(text, keep=["Fish &amp; Chips"]) == "Fish &amp; Chips and Salt & Vinegar"
    assert textfix.fix(text, keep_regex=[r"Salt \S+ Vinegar"]) == "Fish & Chips and Salt &amp; Vinegar"


def test_disable_and_enable():
    text = "caf&eacute; cafÃ©"
    assert textfix.fix(text, disable=["repair.hygiene"]) == "caf&eacute; café"
    assert textfix.fix(text, disable=["repair"]) == text
    assert Pipeline("repair", disable=["repair"], enable=["repair.encoding"]).fix(text) == "caf&eacute; café"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"colour": "x"}, "unknown option 'colour'"),
        ({"disable": ["nope"]}, "cannot disable 'nope'"),
        ({"enable": ["nope"]}, "cannot enable 'nope'"),
        ({"keep_regex": ["("]}, "bad regular expression"),
    ],
)
def test_bad_options_are_clear_errors(options, message):
    with pytest.raises(TextfixError, match=message):
        Pipeline("repair", **options)


def test_unknown_profile_lists_choices():
    with pytest.raises(TextfixError, match="no profile 'nope'; use one of: default, repair"):
        Pipeline("nope")


def test_user_profile_file(tmp_path):
    profile = tmp_path / "mine.pack"
    profile.write_text("id: mine\nkind: profile\ndescription: d\nsource: s\nlicence: MIT\n---\n"
                       "[packs]\nrepair.hygiene\n", encoding="utf-8")
    assert Pipeline(str(profile)).fix("caf&eacute; cafÃ©") == "café cafÃ©"


def test_profile_option_error_names_file_and_line(tmp_path):
    profile = tmp_path / "bad.pack"
    profile.write_text("id: bad\nkind: profile\ndescription: d\nsource: s\nlicence: MIT\n---\n"
                       "[packs]\nrepair.hygiene\n[options]\nkeep_regex: (\n", encoding="utf-8")
    with pytest.raises(textfix.PackError, match=r"bad\.pack:10: option 'keep_regex'"):
        Pipeline(str(profile))


def test_str_only():
    with pytest.raises(TypeError, match="decode bytes first"):
        textfix.fix(b"bytes")


def test_fix_stream_matches_fix_and_keeps_line_endings():
    pipeline = Pipeline("repair")
    lines = [f"line {i} cafÃ©\r\n" if i % 2 else f"line {i} &amp;\n" for i in range(3000)] + ["", "end"]
    text = "".join(lines)
    streamed = "".join(pipeline.fix_stream(iter(lines), chunk_chars=1000))
    assert streamed == pipeline.fix(text)
    assert streamed.count("\r\n") == 1500 and streamed.endswith("end")


def test_explain_reports_stay_out_of_changes():
    from textfix.engine import Stage
    from textfix.kinds import Rule

    class Reporter(Rule):
        id = "test.reporter"

        def edits(self, text, ctx):
            i = text.find("program")
            return [Edit(i, i + 7, "program", "ambiguous, not rewritten")] if i >= 0 else []

    pipeline = Pipeline("repair")
    pipeline.stages = pipeline.stages + (Stage("test", ("test",), (Reporter(),), 1),)
    result = pipeline.explain("cafÃ© program")
    assert result.text == "café program"
    assert [c.rule for c in result.changes] == ["repair.encoding"]
    (report,) = result.reports
    assert (report.rule, report.note) == ("test.reporter", "ambiguous, not rewritten")
    assert result.text[report.output_start : report.output_end] == "program"
    assert "cafÃ© program"[report.input_start : report.input_end] == "program"


def test_apply_edits_rejects_overlap():
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])


def test_offset_map_composition():
    # "abcdef" -> "aXXdef" (bc -> XX) -> "aXXd" (ef deleted) -> "QaXXd" (insert Q)
    m = OffsetMap(6).then([Segment(1, 3, 1, 3)], 6).then([Segment(4, 6, 4, 4)], 4).then([Segment(0, 0, 0, 1)], 5)
    assert m.segments == (Segment(0, 0, 0, 1), Segment(1, 3, 2, 4), Segment(4, 6, 5, 5))
    assert m.to_output(3) == 4 and m.to_input(4) == 3
    assert m.to_output(0) == 0 and m.to_output(0, side="right") == 1
    assert m.input_span(2, 4) == (1, 3)
    assert pickle.loads(pickle.dumps(m)) == m


def test_user_regex_that_backtracks_is_a_clear_error():
    pipeline = Pipeline("repair", keep_regex=[r"(x+x+)+y"])
    with pytest.raises(TextfixError, match=r"keep_regex '\(x\+x\+\)\+y' ran over .* simplify it"):
        pipeline.fix("x" * 5000 + " &amp;")


@cache
def _default() -> Pipeline:
    return Pipeline("default")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.one_of(any_text, mixed_text(), mojibake()), max_size=12), batch=st.integers(1, 5))
def test_fix_many_is_fix_on_each_text(texts, batch):
    """Stage by stage over a batch gives each text exactly what fix gives it, in order."""
    pipeline = _default()
    assert list(pipeline.fix_many(iter(texts), batch=batch)) == [pipeline.fix(t) for t in texts]


def test_fix_many_is_lazy_and_checks_its_input(monkeypatch):
    pipeline = Pipeline("repair")
    taken = []

    def texts():
        for i in range(12_000):
            taken.append(i)
            yield f"cafÃ© {i:05}"  # 11 characters

    stream = pipeline.fix_many(texts())
    assert next(stream) == "café 00000" and len(taken) == 5000  # one batch read, no more
    assert sum(1 for _ in stream) == 11_999
    monkeypatch.setattr(textfix.engine, "BATCH_CHARS", 100)  # long texts: fewer per batch
    taken.clear()
    assert next(pipeline.fix_many(texts())) == "café 00000" and len(taken) == 10  # 10 x 11 >= 100
    with pytest.raises(TypeError, match="decode bytes first"):
        list(pipeline.fix_many(["ok", b"bytes"]))
    with pytest.raises(ValueError, match="batch"):
        list(pipeline.fix_many(["ok"], batch=0))
