"""The user's seed article through the repair profile, byte for byte (issue 3).

Its ten closing quotes lost their 0x9D byte when read as Windows-1252 (`â€`), and seven of
them were then "repaired" into `†` by a naive A0-restoring step that ate the following space.
"""

from __future__ import annotations

from pathlib import Path

import ftfy

import textfix

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = SEEDS / "000_544037a258302635.txt"
EXPECTED = SEEDS / "expected" / "000_544037a258302635.repair.txt"


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def test_seed_repair_profile_matches_expected_byte_for_byte():
    assert textfix.Pipeline("repair").fix(_read(SEED)) == _read(EXPECTED)


def test_seed_repair_is_idempotent():
    pipeline = textfix.Pipeline("repair")
    once = pipeline.fix(_read(SEED))
    assert pipeline.fix(once) == once


def test_seed_changes_are_the_ten_closing_quotes():
    explained = textfix.Pipeline("repair").explain(_read(SEED))
    befores = sorted(c.before for c in explained.changes)
    assert befores == sorted(["†"] * 7 + ["â€"] * 3)
    assert {c.after for c in explained.changes} == {"” ", "”"}


def test_ftfy_alone_leaves_the_seed_broken():
    """The reason the lossy fixer exists: ftfy 6.3 changes none of the ten."""
    text = _read(SEED)
    assert ftfy.fix_encoding(text) == text
