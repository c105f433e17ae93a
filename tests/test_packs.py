"""The pack loader and validator: one bad snippet per mistake, each caught at file:line."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from textfix.errors import PackError, PackErrors
from textfix.packs import Section, check_mappings, parse_pack

HEADER = "id: test.one\nkind: test\ndescription: d\nsource: s\nlicence: MIT\n---\n"
SECTIONS = {
    "entries": Section("map", keys=frozenset({"short", "note"})),
    "words": Section("list"),
    "settings": Section("settings", keys=frozenset({"level"})),
}


def _parse(tmp_path, body: str, header: str = HEADER, name: str = "one.pack"):
    path = tmp_path / name
    path.write_text(header + textwrap.dedent(body), encoding="utf-8")
    return parse_pack(path, lambda kind: SECTIONS if kind == "test" else None,
                      lambda kind: frozenset({"target"}))


def _errors(tmp_path, body: str, header: str = HEADER) -> list[str]:
    try:
        _parse(tmp_path, body, header)
    except PackErrors as exc:
        return [str(e) for e in exc.errors]
    except PackError as exc:
        return [str(exc)]
    return []


def _mapping_errors(tmp_path, *bodies: str) -> list[str]:
    packs = []
    for i, body in enumerate(bodies):
        header = HEADER.replace("test.one", f"test.p{i}")
        packs.append(_parse(tmp_path, body, header, name=f"p{i}.pack"))
    return [str(e) for e in check_mappings(packs)]


def test_a_good_pack_parses(tmp_path):
    pack = _parse(tmp_path, """\
        [entries]
        Zabihullah Mujahid
            Zabihullah Mujahed
            short: Mujahid
        [words]
        alpha
        [settings]
        level: 2
        """)
    (group,) = pack.groups()
    assert group.canonical == "Zabihullah Mujahid" and group.line == 8
    assert group.variants == (("Zabihullah Mujahed", 9),) and group.attr("short") == ["Mujahid"]
    assert pack.items("words") == (("alpha", 12),) and pack.settings() == {"level": "2"}
    assert _mapping_errors(tmp_path, "[entries]\nA\n    a\n") == []


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (HEADER.replace("licence: MIT\n", ""), ":1: the header needs 'licence: ...'"),
        (HEADER.replace("source: s\n", "source: s\ncolour: red\n"), ":5: unknown header key 'colour'"),
        (HEADER.replace("kind: test", "kind: nope"), ":2: unknown kind 'nope'"),
        (HEADER.replace("id: test.one", "id: other.one"), ":1: id 'other.one' must be 'test.<name>'"),
        (HEADER.replace("---\n", ""), ":6: expected 'key: value' in the header, got '[words]'"),
        (HEADER.replace("source: s\n", "source: s\nsource: t\n"), ":5: header key 'source' given twice (first on line 4)"),
        (HEADER.replace("source: s\n", "source s\n"), ":4: expected 'key: value' in the header"),
    ],
    ids=["missing key", "unknown key", "unknown kind", "bad id", "no separator", "duplicate key", "malformed"],
)
def test_header_mistakes(tmp_path, header, message):
    errors = _errors(tmp_path, "[words]\nx\n", header)
    assert any(message in e for e in errors), errors
    assert all(e.startswith(str(tmp_path / "one.pack") + ":") for e in errors)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[colours]\nred\n", ":7: unknown section [colours]"),
        ("[words]\nx\n[words]\ny\n", ":9: section [words] given twice"),
        ("stray\n[words]\n", ":7: text before the first [section]"),
        ("[words]\nalpha\nbeta\nalpha\n", ":10: duplicate entry 'alpha' (first on line 8)"),
        ("[settings]\nlevel: 1\ncolour: red\n", ":9: unknown key 'colour' in [settings]"),
        ("[settings]\nlevel: 1\nlevel: 2\n", ":9: key 'level' given twice"),
        ("[settings]\njust words\n", ":8: expected 'key: value'"),
        ("[entries]\n    orphan\n", ":8: an indented line needs a canonical form above it"),
        ("[entries]\nA\n    colour: red\n", ":9: unknown key 'colour' in [entries]"),
    ],
    ids=["unknown section", "section twice", "text before section", "duplicate list entry",
         "unknown setting", "setting twice", "malformed setting", "orphan variant", "unknown attribute"],
)
def test_body_mistakes(tmp_path, body, message):
    errors = _errors(tmp_path, body)
    assert any(message in e for e in errors), errors


@pytest.mark.parametrize(
    ("bodies", "message"),
    [
        (["[entries]\nA\n    a\n    a\n"], "p0.pack:10: duplicate variant 'a'"),
        (["[entries]\nA\n    A\n"], "p0.pack:9: 'A' maps to itself"),
        (["[entries]\nA\n    x\nB\n    x\n"], "p0.pack:11: conflict: 'x' maps to 'B' here and to 'A'"),
        (["[entries]\nA\n    a\nA\n    b\n"], "p0.pack:10: canonical 'A' listed twice"),
        (["[entries]\nB\n    A\nC\n    B\n"], "p0.pack:11: chain: 'B' → 'C' here, but 'B' is the canonical form at"),
        (["[entries]\nA\n    B\nB\n    A\n"], "cycle: "),
        (["[entries]\nA\n    x\n", "[entries]\nB\n    x\n"], "p1.pack:9: conflict: 'x' maps to 'B' here and to 'A' at"),
        (["[entries]\nB\n    A\n", "[entries]\nC\n    B\n"], "p1.pack:9: chain: 'B' → 'C'"),
    ],
    ids=["duplicate variant", "self-map", "conflict", "duplicate canonical", "chain", "cycle",
         "conflict across packs", "chain across packs"],
)
def test_mapping_mistakes(tmp_path, bodies, message):
    errors = _mapping_errors(tmp_path, *bodies)
    assert any(message in e for e in errors), errors


def test_fold_key_catches_case_duplicates(tmp_path):
    pack = _parse(tmp_path, "[entries]\nColor\n    colour\n    Colour\n")
    assert check_mappings([pack]) == []
    errors = [str(e) for e in check_mappings([pack], key=str.lower)]
    assert any(":10: duplicate variant 'Colour'" in e for e in errors)


def test_shipped_rules_are_valid():
    from textfix.validate import check_paths

    errors, summary = check_paths([])
    assert errors == [], errors
    assert "profile" in summary


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "textfix.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_rules_check_cli_reports_file_and_line(tmp_path):
    bad = tmp_path / "hygiene.pack"
    bad.write_text("id: repair.mine\nkind: repair\nfixer: hygiene\ndescription: d\nsource: s\nlicence: MIT\n---\n"
                   "[settings]\nnfc: maybe\n[zero-width]\nU+200D  ZERO WIDTH JOINER\n", encoding="utf-8")
    out = _cli("rules", "check", str(bad))
    assert out.returncode == 1
    assert f"{bad}:9: nfc: expected true or false, got 'maybe'" in out.stderr
    assert f"{bad}:11: ZWJ must never be removed" in out.stderr
    assert "Traceback" not in out.stderr
    ok = _cli("rules", "check")
    assert ok.returncode == 0 and ok.stdout.startswith("ok:")


def test_rules_list_and_show():
    listed = _cli("rules", "list")
    assert listed.returncode == 0 and "repair.encoding" in listed.stdout and "default" in listed.stdout
    shown = _cli("rules", "show", "repair.hygiene")
    assert shown.returncode == 0 and "fixer: hygiene" in shown.stdout and "[zero-width] 2 entries" in shown.stdout


def test_rules_check_names_a_chain_with_file_and_line(tmp_path):
    chain = tmp_path / "mine.pack"
    chain.write_text("id: names.mine\nkind: names\ndescription: d\nsource: s\nlicence: MIT\n---\n[entries]\n"
                     "Zabihullah Mujahed\n    Zabiullah Mujahed\nZabihullah Mujahidd\n    Zabihullah Mujahed\n",
                     encoding="utf-8")
    out = _cli("rules", "check", str(chain))
    assert out.returncode == 1
    assert f"{chain}:11: chain: 'Zabihullah Mujahed' → 'Zabihullah Mujahidd'" in out.stderr, out.stderr
    assert "Traceback" not in out.stderr
