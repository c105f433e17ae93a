"""The committed spelling packs are exactly what tools/build_spelling.py builds from VarCon."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VARCON = ROOT.parent / "shared" / "data" / "varcon" / "varcon.txt"


def _builder():
    spec = importlib.util.spec_from_file_location("build_spelling", ROOT / "tools" / "build_spelling.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_spelling", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not VARCON.is_file(), reason="VarCon is read from ../shared/data (absent in a user's clone)")
def test_committed_packs_match_the_generator():
    built = _builder().build_all(VARCON)
    out = ROOT / "rules" / "spelling"
    stale = [name for name, content in built.items()
             if not (out / name).is_file() or (out / name).read_text(encoding="utf-8") != content]
    assert not stale, f"regenerate with `python tools/build_spelling.py`: {stale} differ"


def test_builder_parses_varcon_lines(tmp_path):
    """The parser on a hand-made excerpt (runs without ../shared)."""
    builder = _builder()
    sample = tmp_path / "varcon.txt"
    sample.write_text(
        "# color <verified> (level 10)\n"
        "A Cv DV: color / B C D: colour\n"
        "A Cv DV: color's / B C D: colour's\n\n"
        "# program <verified> (level 10)\n"
        "A C D 1: program / B Dv 2: programme | <N>\n"
        "A B 1: program | computer program\n\n"
        "# organize <verified> (level 10)\n"
        "A Z: organize / B: organise\n",
        encoding="ascii",
    )
    clusters = builder.parse_varcon(sample)
    us = builder.build_target(clusters, "en-US", 95)
    gb = builder.build_target(clusters, "en-GB", 95)
    ox = builder.build_target(clusters, "en-GB-oxendict", 95)
    assert us.mapping == {"colour": "color", "colour's": "color's", "programme": "program", "organise": "organize"}
    assert gb.mapping == {"color": "colour", "color's": "colour's", "organize": "organise"}
    assert "program" in gb.ambiguous and "computer program" in gb.ambiguous["program"]
    assert ox.mapping == {"color": "colour", "color's": "colour's", "organise": "organize"}
