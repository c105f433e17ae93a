"""Streaming pieces: lines are cut only when over-long, never inside a character or a CRLF,
and the pieces always join back to the exact text, in every encoding convert reads."""

from __future__ import annotations

import contextlib
import io
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.batch import Settings, Task, convert_file
from textfix.engine import Pipeline
from textfix.fileio import Decoding, iter_lines

PIECES = st.text(alphabet=st.sampled_from(list("ab é\t\r\n\u0301\u200d\U0001f600\u3000")), max_size=300)


@settings(max_examples=200, deadline=None)
@given(text=PIECES, limit=st.integers(4, 40),
       codec=st.sampled_from(["utf-8", "utf-16-le", "utf-32-be", "cp1252"]))
def test_pieces_join_back_and_respect_the_limit(text, limit, codec):
    if codec == "cp1252":
        text = text.encode("cp1252", "ignore").decode("cp1252")
    decoding = Decoding(codec, codec)
    _, lines = iter_lines(io.BytesIO(text.encode(codec)), "x", decoding=decoding, max_line=limit)
    pieces = list(lines)
    assert "".join(pieces) == text
    for before, after in zip(pieces, pieces[1:]):
        assert len(before) <= limit + 1  # +1: a CR is never parted from its LF
        assert not (before.endswith("\r") and after.startswith("\n"))


def test_a_long_line_is_cut_after_whitespace():
    text = "alpha beta gamma delta epsilon\n"
    _, lines = iter_lines(io.BytesIO(text.encode()), "x", max_line=12)
    pieces = list(lines)
    assert pieces == ["alpha beta ", "gamma delta ", "epsilon\n"]


def test_a_cut_never_separates_a_combining_mark_or_joiner_from_its_base():
    text = "e\u0301" * 20 + "\U0001f469\u200d\U0001f4bb" * 10
    _, lines = iter_lines(io.BytesIO(text.encode()), "x", max_line=7)
    pieces = list(lines)
    assert "".join(pieces) == text and len(pieces) > 5
    for before, after in zip(pieces, pieces[1:]):
        assert after[0] not in "\u0301\u200d" and before[-1] != "\u200d"


def test_a_file_that_vanishes_before_its_turn_is_reported(tmp_path):
    path = tmp_path / "gone.txt"
    path.write_text("here a moment ago\n")
    task = Task(0, str(path), str(path), str(tmp_path / "out" / "gone.txt"))
    os.unlink(path)
    result = convert_file(task, Settings("out"), Pipeline("repair"))
    assert result.status == "failed" and result.error.startswith("cannot read (No such file or directory")
    assert not (tmp_path / "out" / "gone.txt").exists()


def test_atomic_output_without_o_tmpfile_leaves_nothing_behind(tmp_path, monkeypatch):
    from textfix import fileio

    monkeypatch.setattr(fileio, "_O_TMPFILE", 0)  # the portable path: a hidden named temporary file
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    dropped = fileio.AtomicOutput(target)
    dropped.write(b"half")
    assert len(list(tmp_path.iterdir())) == 2
    dropped.discard()
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"] and target.read_bytes() == b"old"
    kept = fileio.AtomicOutput(target)
    kept.write(b"new")
    kept.commit()
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"] and target.read_bytes() == b"new"


def test_progress_bar_on_a_terminal(tmp_path):
    import pty
    import subprocess
    import sys
    from pathlib import Path

    src = tmp_path / "src"
    src.mkdir()
    for i in range(3):
        (src / f"f{i}.txt").write_bytes(b"text\n")
    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run([sys.executable, "-m", "textfix.cli", "convert", str(src), "--check"], stderr=follower,
                          stdout=subprocess.PIPE, env=env)
    os.close(follower)
    shown = b""
    with contextlib.suppress(OSError):
        while chunk := os.read(leader, 4096):
            shown += chunk
    os.close(leader)
    assert done.returncode == 0
    assert b"textfix convert" in shown and b"100%" in shown
