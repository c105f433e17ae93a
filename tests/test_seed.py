"""The user's example article, end to end against seeds/expected/ (API and CLI)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import textfix

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED = SEEDS / "000_544037a258302635.txt"
EXPECTED = SEEDS / "expected"

CASES = [
    pytest.param("repair", {}, "000_544037a258302635.repair.txt", []),
    pytest.param("default", {}, "000_544037a258302635.default.txt", []),
    ("default", {"reference_date": "2020-03-04"}, "000_544037a258302635.default.reference-2020-03-04.txt",
     ["--reference-date", "2020-03-04"]),
]


@pytest.mark.parametrize(("profile", "options", "expected", "flags"), CASES)
def test_seed_api(profile, options, expected, flags):
    text = SEED.read_text(encoding="utf-8")
    assert textfix.fix(text, profile=profile, **options) == (EXPECTED / expected).read_text(encoding="utf-8")


@pytest.mark.parametrize(("profile", "options", "expected", "flags"), CASES)
def test_seed_cli_byte_for_byte(profile, options, expected, flags):
    out = subprocess.run([sys.executable, "-m", "textfix.cli", "fix", "--profile", profile, *flags, str(SEED)],
                         capture_output=True, check=True)
    assert out.stdout == (EXPECTED / expected).read_bytes()


def test_seed_explain_lists_changes_with_rule_and_position():
    out = subprocess.run([sys.executable, "-m", "textfix.cli", "fix", "--explain", "--profile", "repair", str(SEED)],
                         capture_output=True, check=True, text=True)
    lines = out.stderr.splitlines()
    expected_changes = len(textfix.fix_and_explain(SEED.read_text(encoding="utf-8"), profile="repair").changes)
    assert len(lines) == expected_changes
    for line in lines:
        assert line.startswith(f"{SEED}:") and "repair." in line and "→" in line
