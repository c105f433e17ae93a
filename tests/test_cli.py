"""The command line as a user runs it: a subprocess, real files, exit codes, one-line errors."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run(*args, stdin: bytes = b"", cwd=None):
    return subprocess.run([sys.executable, "-m", "textfix.cli", *args], input=stdin, capture_output=True, cwd=cwd)


def test_filter_stdin_to_stdout():
    out = run("fix", "-", stdin="The groupâ€™s leader".encode())
    assert out.returncode == 0 and out.stdout == "The group’s leader".encode()
    assert run("fix", stdin="The groupâ€™s leader".encode()).stdout == out.stdout


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"caf\xc3\x83\xc2\xa9\r\nline two\r\n", "café\r\nline two\r\n".encode()),
        (b"no final newline \xc3\x83\xc2\xa9", "no final newline é".encode()),
        (b"\xef\xbb\xbfwith BOM \xc3\x83\xc2\xa9\n", b"\xef\xbb\xbfwith BOM \xc3\xa9\n"),
        ("utf-16 cafÃ©\n".encode("utf-16"), "utf-16 café\n".encode()),
        (b"", b""),
        (b"old\rmac\r", b"old\rmac\r"),
    ],
    ids=["crlf", "no final newline", "utf-8 bom kept", "utf-16 to utf-8", "empty", "cr"],
)
def test_line_endings_bom_and_encodings(tmp_path, data, expected):
    src = tmp_path / "in.txt"
    src.write_bytes(data)
    out = run("fix", "--profile", "repair", str(src))
    assert out.returncode == 0, out.stderr
    assert out.stdout == expected


def test_output_file_is_written_atomically_and_input_untouched(tmp_path):
    src = tmp_path / "in.txt"
    src.write_bytes("cafÃ©\n".encode())
    dest = tmp_path / "out.txt"
    assert run("fix", str(src), "-o", str(dest)).returncode == 0
    assert dest.read_bytes() == "café\n".encode() and src.read_bytes() == "cafÃ©\n".encode()
    assert [p.name for p in tmp_path.iterdir() if "textfix-tmp" in p.name] == []


def test_undecodable_input_is_one_line_error_and_writes_nothing(tmp_path):
    src = tmp_path / "latin1.txt"
    src.write_bytes(b"fine\ncaf\xe9\n")
    dest = tmp_path / "out.txt"
    dest.write_bytes(b"previous")
    out = run("fix", str(src), "-o", str(dest))
    assert out.returncode == 2
    lines = out.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"textfix: error: {src}: line 2: not valid UTF-8")
    assert "iconv" in lines[0]
    assert dest.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latin1.txt", "out.txt"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["fix", "missing.txt"], "textfix: error: missing.txt: cannot read (No such file or directory)"),
        (["fix", "--profile", "nope", "-"], "textfix: error: no profile 'nope'; use one of"),
        (["fix", "--disable", "nothing", "-"], "textfix: error: cannot disable 'nothing'"),
        (["rules", "show", "no.such"], "textfix: error: no.such: no such pack file"),
    ],
)
def test_user_mistakes_are_one_line(args, message):
    out = run(*args)
    err = out.stderr.decode()
    assert out.returncode == 2 and err.startswith(message), err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_explain_goes_to_stderr_with_positions():
    out = run("fix", "--explain", "-", stdin="a\ncafÃ© &amp; b".encode())
    assert out.stdout == "a\ncafé & b".encode()
    lines = out.stderr.decode().splitlines()
    assert lines == [
        "<stdin>:2:4: repair.encoding: 'Ã©' → 'é' (input 5-7, output 5-6)",
        "<stdin>:2:7: repair.hygiene.html_entities: '&amp;' → '&' (input 8-13, output 7-8)",
    ]


def test_help_lists_kind_options_generated_from_code():
    out = run("fix", "--help")
    text = out.stdout.decode()
    from textfix.kinds import option_specs

    for name in option_specs():
        assert "--" + name.replace("_", "-") in text
