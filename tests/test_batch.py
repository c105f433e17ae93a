"""`textfix convert` as a user runs it: a subprocess on real files in temporary folders."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
MOJIBAKE = "cafÃ©"  # "café" read as Windows-1252 and re-encoded: repair fixes it


def run(*args, cwd=None, stdin: bytes = b""):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "textfix.cli", *map(str, args)], capture_output=True, cwd=cwd,
                          input=stdin, env=env)


def tree(base: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return base


MIXED = {
    "utf8.txt": f"plain {MOJIBAKE}\n".encode(),
    "bom.txt": b"\xef\xbb\xbf" + f"bom {MOJIBAKE}\n".encode(),
    "utf16.txt": b"\xff\xfe" + f"wide {MOJIBAKE}\n".encode("utf-16-le"),
    "sub/cp1252.txt": "Le café est très bon, voilà “quoted” — déjà.\n".encode("cp1252"),
    "crlf.txt": f"one {MOJIBAKE}\r\ntwo\r\n".encode(),
    "nofinal.txt": f"last {MOJIBAKE}".encode(),
    "empty.txt": b"",
    "clean.txt": "Already clean “text” – fine.\n".encode(),
    "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
}
EXPECTED = {
    "utf8.txt": "plain café\n".encode(),
    "bom.txt": b"\xef\xbb\xbf" + "bom café\n".encode(),  # a UTF-8 BOM is kept, as `textfix fix` keeps it
    "utf16.txt": "wide café\n".encode(),
    "sub/cp1252.txt": "Le café est très bon, voilà “quoted” — déjà.\n".encode(),
    "crlf.txt": "one café\r\ntwo\r\n".encode(),
    "nofinal.txt": "last café".encode(),
    "empty.txt": b"",
    "clean.txt": "Already clean “text” – fine.\n".encode(),
}


def make_unreadable(src: Path) -> list[str]:
    """Files that cannot be read even by root: a dangling symlink and a FIFO (plus chmod 000 when not root)."""
    (src / "dangling.txt").symlink_to(src / "nowhere" / "gone.txt")
    os.mkfifo(src / "pipe.txt")
    names = ["dangling.txt", "pipe.txt"]
    if os.geteuid() != 0:  # root reads a chmod 000 file anyway: that variant only runs as a normal user
        locked = src / "locked.txt"
        locked.write_bytes(b"secret\n")
        locked.chmod(0)
        names.append("locked.txt")
    return names


def test_mixed_directory_each_file_gets_the_right_outcome(tmp_path):
    src = tree(tmp_path / "src", MIXED)
    unreadable = make_unreadable(src)
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    done = run("convert", src, "--out", out, "--profile", "repair", "--report", report)
    assert done.returncode == 2, done.stderr  # some files failed: the exit status says so
    for name, expected in EXPECTED.items():
        assert (out / name).read_bytes() == expected, name
    assert not (out / "image.png").exists()
    for name in unreadable:
        assert not (out / name).exists()
    stderr = done.stderr.decode()
    assert "Traceback" not in stderr
    assert f"textfix: skipped: {src / 'image.png'}: binary file" in stderr
    assert f"textfix: error: {src / 'dangling.txt'}: cannot read" in stderr
    assert f"textfix: error: {src / 'pipe.txt'}: cannot read: it is a FIFO" in stderr
    assert f"textfix: note: {src / 'sub/cp1252.txt'}: decoded as Windows-1252 (detected)" in stderr
    files = {Path(f["path"]).relative_to(src).as_posix(): f for f in json.loads(report.read_text())["files"]}
    assert set(files) == set(MIXED) | set(unreadable)
    expect = {"utf8.txt": "UTF-8", "bom.txt": "UTF-8 with BOM", "utf16.txt": "UTF-16-LE",
              "sub/cp1252.txt": "Windows-1252", "crlf.txt": "UTF-8", "nofinal.txt": "UTF-8", "empty.txt": "UTF-8",
              "clean.txt": "UTF-8"}
    for name, label in expect.items():
        assert files[name]["status"] == "ok" and files[name]["encoding"] == label, name
        assert files[name]["written"] and files[name]["error"] is None
    assert files["sub/cp1252.txt"]["encoding_detected"] is True
    assert files["utf8.txt"]["changes"] == {"repair.encoding": 1}
    assert files["clean.txt"]["changed"] is False and files["clean.txt"]["changes"] == {}
    assert files["utf16.txt"]["changed"] is True  # re-encoded as UTF-8
    assert files["image.png"]["status"] == "binary" and "NUL" in files["image.png"]["error"]
    for name in unreadable:
        assert files[name]["status"] == "failed" and files[name]["error"].startswith("cannot read"), name
    summary = json.loads(report.read_text())["summary"]
    assert summary["ok"] == len(EXPECTED) and summary["binary"] == 1 and summary["failed"] == len(unreadable)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_check_then_in_place_then_check(tmp_path):
    src = tree(tmp_path / "src", {k: v for k, v in MIXED.items() if k != "image.png"})
    first = run("convert", src, "--check", "--profile", "repair")
    assert first.returncode == 1, first.stderr
    listed = set(first.stdout.decode().splitlines())
    assert listed == {str(src / n) for n in ("utf8.txt", "bom.txt", "utf16.txt", "sub/cp1252.txt", "crlf.txt",
                                             "nofinal.txt")}
    fixed = run("convert", src, "--in-place", "--profile", "repair")
    assert fixed.returncode == 0, fixed.stderr
    for name, expected in EXPECTED.items():
        assert (src / name).read_bytes() == expected, name
    again = run("convert", src, "--check", "--profile", "repair")
    assert (again.returncode, again.stdout) == (0, b""), again.stderr
    before = snapshot(src)
    second = run("convert", src, "--in-place", "--profile", "repair")
    assert second.returncode == 0
    assert snapshot(src) == before  # not a byte (not even a modification time) changed


def test_in_place_backup_keeps_the_originals(tmp_path):
    src = tree(tmp_path / "src", {"a.txt": f"x {MOJIBAKE}\n".encode(), "b.txt": b"clean\n"})
    (src / "a.txt").chmod(0o640)
    done = run("convert", src, "--in-place", "--backup", ".orig", "--profile", "repair")
    assert done.returncode == 0, done.stderr
    assert (src / "a.txt").read_bytes() == "x café\n".encode()
    assert (src / "a.txt.orig").read_bytes() == f"x {MOJIBAKE}\n".encode()
    assert (src / "a.txt").stat().st_mode & 0o777 == 0o640
    assert not (src / "b.txt.orig").exists()  # unchanged files are not rewritten, so not backed up
    # Backups are not converted again on the next run.
    assert run("convert", src, "--check", "--backup", ".orig", "--in-place").returncode == 2  # usage error
    assert run("convert", src, "--in-place", "--backup", ".orig", "--profile", "repair").returncode == 0
    assert not (src / "a.txt.orig.orig").exists()


def test_convert_and_fix_give_the_same_bytes(tmp_path):
    # Several chunks (over 1 Mi characters, blank lines between paragraphs), a line longer
    # than the line limit with and without spaces, CRLF, CR, no final newline, BOMs.
    # (Mostly clean text: mojibake-dense text is slow to repair, and the point here is the plumbing.)
    paragraph = ("Plain words, “quoted” ones — and more plain words. " * 20 + "\n") * 10 + f"{MOJIBAKE}\n\n"
    samples = {
        "chunks.txt": (paragraph * 250).encode(),
        "longline.txt": ("word " * 300_000 + MOJIBAKE).encode(),
        "nospace.txt": ("é" * 1_500_000 + "\n").encode(),
        "crlf.txt": ("line\r\n" * 100_000 + f"{MOJIBAKE}\r\n").encode(),
        "cr.txt": ("old mac\r" * 200_000 + f"{MOJIBAKE}\r").encode(),
        "bom16.txt": ("\ufeff" + "wide line\n" * 1000 + MOJIBAKE).encode("utf-16-le"),
        "bom8.txt": b"\xef\xbb\xbf" + paragraph.encode(),
    }
    src = tree(tmp_path / "src", samples)
    out = tmp_path / "out"
    assert run("convert", src, "--out", out, "-j", "2").returncode == 0
    for name in samples:
        fixed = run("fix", src / name)
        assert fixed.returncode == 0, fixed.stderr
        assert (out / name).read_bytes() == fixed.stdout, name


def test_output_folder_inside_the_source_is_not_walked(tmp_path):
    src = tree(tmp_path / "src", {"a.txt": f"{MOJIBAKE}\n".encode()})
    for _ in range(2):
        done = run("convert", src, "--out", src / "clean", "--report", tmp_path / "r.json")
        assert done.returncode == 0, done.stderr
    assert sorted(p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file()) == ["a.txt", "clean/a.txt"]
    assert [f["path"] for f in json.loads((tmp_path / "r.json").read_text())["files"]] == [str(src / "a.txt")]


def test_symlinks_are_not_followed_out_of_the_tree(tmp_path):
    outside = tree(tmp_path / "outside", {"secret.txt": f"{MOJIBAKE}\n".encode(), "dir/x.txt": b"x\n"})
    src = tree(tmp_path / "src", {"real.txt": f"{MOJIBAKE}\n".encode()})
    (src / "link_out.txt").symlink_to(outside / "secret.txt")
    (src / "dir_out").symlink_to(outside / "dir")
    (src / "link_in.txt").symlink_to(src / "real.txt")
    out = tmp_path / "out"
    done = run("convert", src, "--out", out)
    assert done.returncode == 0, done.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["link_in.txt", "real.txt"]
    stderr = done.stderr.decode()
    assert "link_out.txt: symlink to a file outside the tree; not followed" in stderr
    assert "dir_out: symlink to a folder outside the tree; not followed" in stderr
    # In place: the link inside the tree stays a link, its target is converted once.
    assert run("convert", src, "--in-place").returncode == 0
    assert (src / "link_in.txt").is_symlink() and (src / "real.txt").read_bytes() == "café\n".encode()
    assert (outside / "secret.txt").read_bytes() == f"{MOJIBAKE}\n".encode()


def test_glob_and_exclude_use_gitignore_semantics(tmp_path):
    src = tree(tmp_path / "src", {name: b"text\n" for name in (
        "a.txt", "b.md", "notes/c.txt", "notes/d.log", "build/e.txt", "deep/build/f.txt", "keep/build.txt",
        ".git/config", "notes/skip.txt")})
    out = tmp_path / "out"
    done = run("convert", src, "--out", out, "--glob", "*.txt", "--glob", "*.md", "--exclude", "build/",
               "--exclude", "notes/skip.txt")
    assert done.returncode == 0, done.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "a.txt", "b.md", "keep/build.txt", "notes/c.txt"]
    # A negated pattern brings a file back; a path with a slash is anchored to the source folder.
    out2 = tmp_path / "out2"
    done = run("convert", src, "--out", out2, "--exclude", "*.txt", "--exclude", "!a.txt", "--exclude", "/notes")
    assert sorted(p.relative_to(out2).as_posix() for p in out2.rglob("*") if p.is_file()) == ["a.txt", "b.md"]


def test_jobs_give_the_same_output_in_the_same_order(tmp_path):
    files = {f"d{i % 7}/f{i:03}.txt": (f"file {i} {MOJIBAKE}\n" * (1 + (i * 37) % 50)).encode() for i in range(60)}
    files.update({f"d{i}/same{i}.txt": b"clean\n" for i in range(5)})
    src = tree(tmp_path / "src", files)
    runs = []
    for jobs in (1, 2, 3):
        report = tmp_path / f"r{jobs}.json"
        done = run("convert", src, "--diff", "--explain", "--jobs", jobs, "--report", report, "--no-progress")
        assert done.returncode == 1
        data = json.loads(report.read_text())
        runs.append((done.stdout, done.stderr, data["files"]))
    assert runs[0] == runs[1] == runs[2]
    assert runs[0][0].count(b"\n+++ ") == 60


def test_diff_is_a_unified_diff(tmp_path):
    src = tree(tmp_path / "src", {"a.txt": f"keep\n{MOJIBAKE}\nkeep".encode()})
    done = run("convert", src / "a.txt", "--diff")
    assert done.returncode == 1
    assert done.stdout.decode() == (
        f"--- {src / 'a.txt'}\t(UTF-8)\n+++ {src / 'a.txt'}\t(fixed, UTF-8)\n@@ -1,3 +1,3 @@\n keep\n-{MOJIBAKE}\n"
        "+café\n keep\n\\ No newline at end of file\n")
    assert (src / "a.txt").read_bytes() == f"keep\n{MOJIBAKE}\nkeep".encode()  # --diff alone writes nothing


def test_explain_and_report_count_changes_per_rule(tmp_path):
    src = tree(tmp_path / "src", {"a.txt": f"{MOJIBAKE}\n{MOJIBAKE}\u200b\n".encode()})
    done = run("convert", src, "--check", "--explain", "--report", tmp_path / "r.json")
    assert done.returncode == 1
    lines = [line for line in done.stderr.decode().splitlines() if line.startswith(str(src))]
    assert lines[0].startswith(f"{src / 'a.txt'}:1:4: repair.encoding: 'Ã©' → 'é'")
    (entry,) = json.loads((tmp_path / "r.json").read_text())["files"]
    assert entry["changes"]["repair.encoding"] == 2 and sum(entry["changes"].values()) == len(lines)


def test_forced_encoding(tmp_path):
    src = tree(tmp_path / "src", {"a.txt": "naïve Größe\n".encode("latin-1")})
    out = tmp_path / "out"
    done = run("convert", src, "--out", out, "--encoding", "latin-1", "--report", tmp_path / "r.json")
    assert done.returncode == 0, done.stderr
    assert (out / "a.txt").read_bytes() == "naïve Größe\n".encode()
    (entry,) = json.loads((tmp_path / "r.json").read_text())["files"]
    assert entry["encoding"] == "ISO-8859-1 (forced)" and entry["encoding_detected"] is False
    bad = run("convert", src, "--out", out, "--encoding", "klingon")
    assert bad.returncode == 2 and bad.stderr.decode().splitlines() == [
        "textfix: error: unknown encoding 'klingon'; use a Python codec name such as cp1252, latin-1 or utf-16"]
    wrong = run("convert", tree(tmp_path / "u", {"x.txt": b"caf\xc3\xa9 \x81\n"}), "--check", "--encoding", "cp1252")
    assert wrong.returncode == 2 and "not valid CP1252" in wrong.stderr.decode()


def test_undecodable_file_is_reported_and_the_batch_goes_on(tmp_path):
    # Valid in no single-byte code page charset-normalizer trusts, and NUL-free: not binary either.
    src = tree(tmp_path / "src", {"a.txt": f"{MOJIBAKE}\n".encode(), "b.txt": b"\x81\x8d\x8f\x90\x9d" * 40 + b"\n",
                                  "c.txt": f"{MOJIBAKE}\n".encode()})
    out = tmp_path / "out"
    done = run("convert", src, "--out", out, "--encoding", "cp1252")
    assert done.returncode == 2
    (error,) = [line for line in done.stderr.decode().splitlines() if "error" in line]
    assert error.startswith(f"textfix: error: {src / 'b.txt'}: line 1: not valid CP1252")
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "c.txt"]


def test_missing_source_and_usage_errors_are_one_line(tmp_path):
    done = run("convert", tmp_path / "nope.txt", "--check")
    assert done.returncode == 2
    assert done.stderr.decode().splitlines()[0] == (
        f"textfix: error: {tmp_path / 'nope.txt'}: cannot read (No such file or directory); check the path")
    for args in (["--check", "--in-place"], ["--backup", ".b", "--out", "o"], [], ["--out", "o", "--in-place"]):
        bad = run("convert", tmp_path, *args)
        assert bad.returncode == 2 and b"Traceback" not in bad.stderr
        assert bad.stderr.decode().strip().splitlines()[-1].startswith("Error: ")
    same = run("convert", tmp_path, "--out", tmp_path)
    assert same.returncode == 2 and same.stderr.decode().splitlines() == [
        f"textfix: error: --out {tmp_path} is the source folder {tmp_path}; use --in-place, or another --out folder"]


def test_pyproject_settings(tmp_path):
    project = tree(tmp_path / "project", {"docs/a.txt": f"{MOJIBAKE}\n".encode(), "docs/b.log": f"{MOJIBAKE}\n".encode(),
                                          "docs/sub/c.txt": f"{MOJIBAKE}\n".encode()})
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.textfix]\nprofile = "repair"\nexclude = ["*.log"]\n'
        'report = "report.json"\nsrc = ["docs"]\n')
    (project / "docs" / "sub" / "deeper").mkdir()
    done = run("convert", "--check", cwd=project / "docs" / "sub" / "deeper")  # found from a subfolder
    assert done.returncode == 1, done.stderr
    assert sorted(done.stdout.decode().splitlines()) == [str(project / "docs/a.txt"), str(project / "docs/sub/c.txt")]
    data = json.loads((project / "report.json").read_text())
    assert data["textfix"]["profile"] == "repair"
    # The command line wins over the file (a repeatable option given there replaces the file's list);
    # --no-config ignores the file.
    done = run("convert", "docs", "--check", "--exclude", "sub/", "--report", tmp_path / "r.json", cwd=project)
    assert done.stdout.decode().splitlines() == ["docs/a.txt", "docs/b.log"]
    done = run("convert", "docs", "--check", "--no-config", cwd=project)
    assert len(done.stdout.decode().splitlines()) == 3
    (project / "pyproject.toml").write_text("[tool.textfix]\nprofil = 'repair'\n")
    bad = run("convert", "docs", "--check", cwd=project)
    assert bad.returncode == 2
    (line,) = bad.stderr.decode().splitlines()
    assert line.startswith(f"textfix: error: {project / 'pyproject.toml'}: [tool.textfix]: unknown option 'profil'")


def test_no_progress_bar_when_piped(tmp_path):
    src = tree(tmp_path / "src", {f"f{i}.txt": b"text\n" for i in range(5)})
    done = run("convert", src, "--check")
    assert done.returncode == 0
    assert done.stderr.decode().splitlines() == ["textfix: 5 file(s) checked, 0 would change"]
    assert run("convert", src, "--check", "-q").stderr == b""


def test_pre_commit_hooks_run_the_documented_commands(tmp_path):
    text = (ROOT / ".pre-commit-hooks.yaml").read_text()
    hooks = re.findall(r"- id: (\S+)\n(?:  .*\n)*?  entry: (.+)\n  args: \[(.*)\]", text)
    assert [h[0] for h in hooks] == ["textfix", "textfix-fix"]
    src = tree(tmp_path, {"a.txt": f"{MOJIBAKE}\n".encode(), "b.txt": b"clean\n"})
    files = [src / "a.txt", src / "b.txt"]
    codes = []
    for _, entry, args in (hooks[0], hooks[0], hooks[1], hooks[0]):
        command = entry.split()[1:] + [a.strip() for a in args.split(",")]
        codes.append(run(*command, *files).returncode)
    assert codes == [1, 1, 0, 0]
    assert (src / "a.txt").read_bytes() == "café\n".encode()


def test_a_bad_value_in_pyproject_names_the_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.textfix]\njobs = 'many'\n")
    (tmp_path / "a.txt").write_bytes(b"text\n")
    bad = run("convert", "a.txt", "--check", cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.decode().splitlines() == [
        f"textfix: error: {tmp_path / 'pyproject.toml'}: [tool.textfix]: jobs: 'many' is not a valid integer range."]
    assert run("convert", "a.txt", "--check", "--jobs", "1", cwd=tmp_path).returncode == 0
