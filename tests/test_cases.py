"""Data-driven cases: every ``tests/cases/*.toml`` file, one test per case.

A case file::

    profile = "repair"            # the profile for every case (default: "default")
    [options]                     # options for every case (optional)
    reference_date = "2020-03-04"

    [[case]]
    label = "curly apostrophe mojibake"
    input = "The groupâ€™s leader"
    expected = "The group’s leader"   # leave out: the input must come back unchanged
    options = { spelling = "en-GB" }  # optional, per case

Every case is also checked for idempotence: fixing the expected output changes nothing.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import textfix

CASES_DIR = Path(__file__).parent / "cases"


def _load() -> list:
    params = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        unknown = set(data) - {"profile", "options", "case"}
        assert not unknown, f"{path}: unknown top-level keys {unknown}"
        for number, case in enumerate(data.get("case", []), 1):
            bad = set(case) - {"label", "input", "expected", "options", "profile"}
            assert not bad, f"{path}: case {number}: unknown keys {bad}"
            options = {**data.get("options", {}), **case.get("options", {})}
            profile = case.get("profile", data.get("profile", "default"))
            label = case.get("label", f"case {number}")
            params.append(pytest.param(profile, options, case["input"], case.get("expected", case["input"]),
                                       id=f"{path.stem}:{label}"))
    return params


@pytest.mark.parametrize(("profile", "options", "text", "expected"), _load())
def test_case(profile, options, text, expected):
    pipeline = textfix.get_pipeline(profile, **options)
    assert pipeline.fix(text) == expected
    assert pipeline.fix(expected) == expected, "not idempotent: fixing the output changed it again"
