"""The batch converter: ``textfix convert SRC... --out DIR | --in-place | --check | --diff``.

One file at a time, each streamed in bounded memory (lines cut when over-long,
chunks fixed one by one exactly as ``textfix fix`` does), written atomically,
in worker processes with ``--jobs``. Results come back in a fixed order (the
order of the walk), whatever the number of workers.

What a file can come to (the ``status`` in the report):

- ``ok``: converted (``changed`` says whether the output bytes differ from the input);
- ``binary``: skipped, not text (NUL bytes); counts as a failure;
- ``failed``: unreadable, vanished, not a regular file, undecodable, or not writable;
- ``skipped``: left out on purpose (a symlink out of the tree ...); not a failure.
"""

from __future__ import annotations

import codecs
import collections
import contextlib
import difflib
import errno
import io
import json
import os
import signal
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import TextfixError
from .fileio import TMP_SUFFIX, AtomicOutput, Decoding, atomic_writer, iter_lines, sniff

HEAD_BYTES = 1 << 16
# Folders never entered when walking a tree (version-control metadata).
DEFAULT_EXCLUDES = (".git/", ".hg/", ".svn/", ".bzr/", "_darcs/", ".jj/")
# A legacy file is detected on at most this much of it (its start and the place UTF-8 failed).
DETECT_BYTES = 1 << 19

EXIT_OK, EXIT_CHANGES, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 130


class Terminated(BaseException):
    """Raised in a worker on SIGTERM so temporary files are dropped on the way out."""


class FileProblem(Exception):
    """One file could not be converted; the message says why and what to do."""

    def __init__(self, message: str, status: str = "failed") -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Settings:
    mode: str  # "out", "in-place" or "check" (check and diff write nothing)
    diff: bool = False
    explain: bool = False
    count: bool = False  # count changes per rule (for --report)
    encoding: str | None = None
    backup: str | None = None


@dataclass(frozen=True)
class Task:
    index: int
    source: str  # the file to read
    display: str  # how messages name it
    target: str | None = None  # the file to write (--out, --in-place)
    size: int = 0
    problem: str | None = None  # known before reading (e.g. same output as another file)
    status: str = "failed"


@dataclass
class FileResult:
    index: int
    path: str
    output: str | None
    status: str = "ok"
    changed: bool = False
    written: bool = False
    encoding: str | None = None
    encoding_detected: bool = False
    bytes_in: int = 0
    bytes_out: int = 0
    changes: dict[str, int] = field(default_factory=dict)
    reports: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    backup: str | None = None
    diff: str = ""
    explain: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("index", "diff", "explain"):
            del data[key]
        return data


# -- decoding ---------------------------------------------------------------------------------

_LABELS = {"cp1252": "Windows-1252", "latin_1": "ISO-8859-1", "mac_roman": "Mac Roman", "utf_16_le": "UTF-16-LE",
           "utf_16_be": "UTF-16-BE", "utf_32_le": "UTF-32-LE", "utf_32_be": "UTF-32-BE", "ascii": "ASCII"}


def encoding_label(codec: str) -> str:
    """A readable name for a Python codec name.

    >>> encoding_label("cp1250"), encoding_label("iso8859_15"), encoding_label("utf_16_le")
    ('Windows-1250', 'ISO-8859-15', 'UTF-16-LE')
    """
    name = codecs.lookup(codec).name.replace("_", "-")
    if name.startswith("cp125") and len(name) == 6:
        return "Windows-" + name[2:]
    if name.startswith("iso8859-"):
        return "ISO-8859-" + name[8:]
    return _LABELS.get(codecs.lookup(codec).name.replace("-", "_"), name.upper())


def detect_legacy(sample: bytes) -> str | None:
    """The legacy encoding charset-normalizer finds for ``sample`` (None if nothing fits).

    Short samples often fit several code pages equally well; when Windows-1252 is among
    the near-best fits (it decodes them to the same text or nearly as cleanly), it wins:
    it is by far the most common legacy encoding of Western text.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if match.chaos <= best.chaos + 0.1 and (match.encoding == "cp1252" or "cp1252" in match.could_be_from_charset):
            return "cp1252"
    return best.encoding


def _forced(codec: str, head: bytes) -> Decoding:
    name = codecs.lookup(codec).name
    bom = sniff(head[:4])
    if bom.bom and codecs.lookup(bom.codec).name == name:
        return Decoding(bom.codec, f"{bom.label} (forced)", bom.bom)
    if name in {"utf-16", "utf-32"}:  # the BOM-reading codecs: let them read it
        return Decoding(name, f"{encoding_label(name)} (forced)")
    return Decoding(name, f"{encoding_label(name)} (forced)")


# -- one file ---------------------------------------------------------------------------------

def _why(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return f"cannot read ({reason}: vanished, or a dangling symlink); check the path"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"cannot read ({reason}); check its permissions"
    return f"cannot read ({reason})"


def _open_source(path: str) -> tuple[int, os.stat_result]:
    try:
        # O_NONBLOCK: a FIFO must not hang the batch (it is refused below).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileProblem(_why(exc)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        kind = ("a directory" if stat.S_ISDIR(info.st_mode) else "a FIFO" if stat.S_ISFIFO(info.st_mode)
                else "a socket" if stat.S_ISSOCK(info.st_mode) else "a device")
        raise FileProblem(f"cannot read: it is {kind}, not a regular file; leave it out (--exclude)")
    return fd, info


class _Same:
    """Compares what is written with the file's current bytes, as it goes."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.pos = 0
        self.same = True

    def feed(self, data: bytes) -> None:
        if self.same and data:
            self.same = os.pread(self.fd, len(data), self.pos) == data
        self.pos += len(data)

    def finish(self) -> bool:
        if self.same and os.pread(self.fd, 1, self.pos):
            self.same = False
        return self.same


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _unified(before: str, after: str, old: str, new: str) -> str:
    lines = []
    for line in difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), old, new):
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        lines.append(line)
    return "".join(lines)


class _Pass:
    """One pass over a file with one decoding: fix chunk by chunk, feed the sinks."""

    def __init__(self, fd: int, decoding: Decoding, task: Task, settings: Settings, pipeline) -> None:
        self.fd, self.decoding, self.task, self.settings, self.pipeline = fd, decoding, task, settings, pipeline
        self.stream: io.BufferedReader | None = None

    def run(self, sinks: list[Callable[[bytes], Any]], result: FileResult) -> tuple[str, str]:
        settings, name = self.settings, self.task.display
        os.lseek(self.fd, 0, os.SEEK_SET)
        self.stream = stream = io.BufferedReader(io.FileIO(self.fd, "rb", closefd=False), 1 << 16)
        decoding, lines = iter_lines(stream, name, decoding=self.decoding)
        keep_bom = decoding.bom if codecs.lookup(decoding.codec).name == "utf-8" else b""
        before: list[str] = []
        after: list[str] = []
        changes: collections.Counter[str] = collections.Counter()
        reports: collections.Counter[str] = collections.Counter()
        explained: list[str] = []
        line_base = in_base = out_base = 0
        out_bytes = 0
        for sink in sinks:
            sink(keep_bom)
        out_bytes += len(keep_bom)
        from .engine import chunk_lines

        for chunk in chunk_lines(lines):
            if settings.explain or settings.count:
                done = self.pipeline.explain(chunk)
                fixed = done.text
                changes.update(c.rule for c in done.changes)
                reports.update(r.rule for r in done.reports)
                if settings.explain:
                    for change in done.changes:
                        line, col = _line_col(chunk, change.input_start)
                        explained.append(
                            f"{name}:{line + line_base}:{col}: {change.rule}: {change.before!r} → {change.after!r} "
                            f"(input {change.input_start + in_base}-{change.input_end + in_base}, output "
                            f"{change.output_start + out_base}-{change.output_end + out_base})")
                    for report in done.reports:
                        line, col = _line_col(chunk, report.input_start)
                        explained.append(f"{name}:{line + line_base}:{col}: {report.rule}: {report.before!r} "
                                         f"unchanged: {report.note}")
            else:
                fixed = self.pipeline.fix(chunk)
            if settings.diff:
                before.append(chunk)
                after.append(fixed)
            in_base += len(chunk)
            out_base += len(fixed)
            line_base += chunk.count("\n")
            data = fixed.encode("utf-8", "surrogatepass")
            out_bytes += len(data)
            for sink in sinks:
                sink(data)
        result.changes = dict(sorted(changes.items()))
        result.reports = dict(sorted(reports.items()))
        result.explain = explained
        result.bytes_out = out_bytes
        return "".join(before), "".join(after)

    def failure_offset(self) -> int:
        return self.stream.tell() if self.stream is not None else 0


def _backup(original: str, suffix: str) -> str:
    """Keep the original's bytes at ``original + suffix`` (a hard link, else a copy), atomically."""
    backup = original + suffix
    directory, base = os.path.split(backup)
    temp = os.path.join(directory, f".{base[:80]}.{os.getpid()}{TMP_SUFFIX}")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temp)
    try:
        os.link(original, temp)
        os.replace(temp, backup)
    except OSError:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        with open(original, "rb") as source, atomic_writer(backup) as handle:
            while block := source.read(1 << 20):
                handle.write(block)
    return backup


def convert_file(task: Task, settings: Settings, pipeline) -> FileResult:
    """Convert one file as ``settings`` say; never raises for a problem of that file."""
    result = FileResult(task.index, task.display, task.target if settings.mode == "out" else None)
    if task.problem:
        result.status, result.error = task.status, task.problem
        return result
    try:
        _convert(task, settings, pipeline, result)
    except FileProblem as exc:
        result.status, result.error = exc.status, str(exc)
        result.changes, result.reports, result.explain, result.diff = {}, {}, [], ""
        result.changed = result.written = False
    return result


def _convert(task: Task, settings: Settings, pipeline, result: FileResult) -> None:
    fd, info = _open_source(task.source)
    output: AtomicOutput | None = None
    try:
        result.bytes_in = info.st_size
        head = os.pread(fd, HEAD_BYTES, 0)
        detected = False
        if settings.encoding:
            decoding = _forced(settings.encoding, head)
        else:
            decoding = sniff(head[:4])
            if not decoding.bom and b"\0" in head:
                codec = detect_legacy(head)
                if not codec or not codec.startswith(("utf_16", "utf_32")):
                    raise FileProblem("binary file (it holds NUL bytes), not converted; leave it out with --exclude "
                                      "or --glob, or pass --encoding if it is UTF-16/32 text", "binary")
                decoding, detected = Decoding(codec, encoding_label(codec)), True
        try:
            if settings.mode == "out":
                Path(task.target).parent.mkdir(parents=True, exist_ok=True)
                output = AtomicOutput(task.target)
            elif settings.mode == "in-place":
                output = AtomicOutput(task.target, mode=stat.S_IMODE(info.st_mode))
        except OSError as exc:
            raise FileProblem(f"cannot write next to {task.target} ({exc.strerror or exc}); "
                              "check the folder's permissions") from None
        for attempt in range(2):
            same = _Same(fd)
            sinks: list[Callable[[bytes], Any]] = [same.feed]
            if output is not None:
                sinks.append(output.write)
            one = _Pass(fd, decoding, task, settings, pipeline)
            try:
                before, after = one.run(sinks, result)
                break
            except TextfixError as exc:
                what = str(exc).split(": ", 1)[1].split("; ")[0]  # "line N: not valid X (byte 0xNN)"
                if settings.encoding:
                    raise FileProblem(f"{what}; check --encoding {settings.encoding}") from None
                if attempt or detected or decoding.codec != "utf-8" or decoding.bom:
                    raise FileProblem(f"{what}; pass the right --encoding NAME, or convert it to UTF-8 first") \
                        from None
                where = one.failure_offset()
                sample = head[:DETECT_BYTES // 2]
                if where > len(sample):
                    sample += b"\n" + os.pread(fd, DETECT_BYTES // 2, max(0, where - DETECT_BYTES // 4))
                codec = detect_legacy(sample)
                if codec is None or codecs.lookup(codec).name in {"utf-8", "ascii"}:
                    raise FileProblem(f"{what}, and no legacy encoding fits; "
                                      "convert it to UTF-8 first or pass --encoding NAME") from None
                decoding, detected = Decoding(codec, encoding_label(codec)), True
                if output is not None:
                    output.reset()
        identical = same.finish()
        result.encoding, result.encoding_detected = decoding.label, detected
        result.changed = not identical
        if settings.diff and result.changed:
            old = f"{task.display}\t({decoding.label})"
            new = f"{task.display}\t(fixed, UTF-8)"
            result.diff = _unified(before, after, old, new) or f"--- {old}\n+++ {new}\n"
        if output is not None:
            if settings.mode == "in-place" and not result.changed:
                output.discard()
            else:
                if settings.mode == "in-place":
                    with contextlib.suppress(OSError):
                        os.fchown(output.handle.fileno(), info.st_uid, info.st_gid)
                    if settings.backup:
                        result.backup = _backup(task.target, settings.backup)
                output.commit()
                result.written = True
            output = None
    except OSError as exc:
        if output is not None:
            raise FileProblem(f"cannot write {task.target} ({exc.strerror or exc}); check the folder and free space") \
                from None
        raise FileProblem(_why(exc)) from None
    finally:
        if output is not None:
            output.discard()
        os.close(fd)


# -- finding the files ------------------------------------------------------------------------

def _spec(patterns: Iterable[str]):
    import pathspec

    patterns = list(patterns)
    return pathspec.GitIgnoreSpec.from_lines(patterns) if patterns else None


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


@dataclass
class Plan:
    tasks: list[Task]
    skipped: list[FileResult]


def plan(sources: Iterable[str], settings: Settings, out: str | None, globs: Iterable[str] = (),
         excludes: Iterable[str] = ()) -> Plan:
    """Every file to convert, in a fixed order, with where its output goes.

    Directories are walked (sorted, symlinked folders not entered, version-control
    folders and the output folder left out); ``globs`` choose files and ``excludes``
    drop files and folders, both with .gitignore semantics on the path relative to
    the source folder. A file named on the command line is always taken.
    """
    include = _spec(globs)
    exclude = _spec(excludes)
    always = _spec(DEFAULT_EXCLUDES)
    out_real = os.path.realpath(out) if out else None
    tasks: list[Task] = []
    skipped: list[FileResult] = []
    seen_outputs: dict[str, str] = {}

    def add(source: str, display: str, relative: str | None, size: int = 0) -> None:
        target = None
        problem = None
        if settings.mode == "out":
            target = os.path.join(out, relative)  # type: ignore[arg-type]
            key = os.path.realpath(target)
            if key in seen_outputs:
                problem = f"its output {target} is also the output of {seen_outputs[key]}; convert them separately"
            elif os.path.realpath(source) == key:
                problem = "its output would overwrite it; use --in-place, or another --out folder"
            seen_outputs.setdefault(key, display)
        elif settings.mode == "in-place":
            target = os.path.realpath(source)
        tasks.append(Task(len(tasks), source, display, target, size, problem))

    def skip(display: str, why: str) -> None:
        skipped.append(FileResult(-1, display, None, status="skipped", error=why))

    for source in sources:
        if not os.path.isdir(source):
            if not os.path.lexists(source):
                tasks.append(Task(len(tasks), source, source, None, 0,
                                  "cannot read (No such file or directory); check the path"))
                continue
            size = os.stat(source).st_size if os.path.exists(source) else 0
            add(source, source, os.path.basename(os.path.normpath(source)), size)
            continue
        root_real = os.path.realpath(source)
        if out_real and out_real == root_real:
            raise TextfixError(f"--out {out} is the source folder {source}; use --in-place, or another --out folder")
        errors: list[OSError] = []
        for folder, dirs, files in os.walk(source, followlinks=False, onerror=errors.append):
            for exc in errors:
                tasks.append(Task(len(tasks), exc.filename or folder, exc.filename or folder, None, 0,
                                  f"cannot list this folder ({exc.strerror}); check its permissions"))
            errors.clear()
            rel_folder = os.path.relpath(folder, source)
            rel_folder = "" if rel_folder == "." else rel_folder.replace(os.sep, "/") + "/"
            keep = []
            for name in sorted(dirs):
                path = os.path.join(folder, name)
                rel = rel_folder + name + "/"
                if always.match_file(rel) or (exclude and exclude.match_file(rel)):
                    continue
                if out_real and os.path.realpath(path) == out_real:
                    continue  # the output folder inside a source tree
                if os.path.islink(path):
                    if not _inside(os.path.realpath(path), root_real):
                        skip(path, "symlink to a folder outside the tree; not followed")
                    continue  # a folder inside the tree is walked at its real place
                keep.append(name)
            dirs[:] = keep
            for name in sorted(files):
                path = os.path.join(folder, name)
                rel = rel_folder + name
                if name.endswith(TMP_SUFFIX) or (settings.backup and name.endswith(settings.backup)):
                    continue
                if (include and not include.match_file(rel)) or (exclude and exclude.match_file(rel)):
                    continue
                if os.path.islink(path) and os.path.exists(path):
                    real = os.path.realpath(path)
                    if not _inside(real, root_real) or (out_real and _inside(real, out_real)):
                        skip(path, "symlink to a file outside the tree; not followed")
                        continue
                    if settings.mode == "in-place":
                        continue  # its target is converted where it is
                try:
                    size = os.stat(path).st_size
                except OSError:
                    size = 0
                add(path, path, rel, size)
    return Plan(tasks, skipped)


# -- running many files -----------------------------------------------------------------------

def _set_parent_death_signal() -> None:
    """On Linux, have the kernel send SIGTERM to this worker if the batch process dies."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG


def _terminated(signum, frame):  # noqa: ARG001
    raise Terminated()


def _worker(conn, settings: Settings, pipeline, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the batch process decides; workers get SIGTERM
    signal.signal(signal.SIGTERM, _terminated)
    _set_parent_death_signal()
    if os.getppid() != parent:
        return
    try:
        try:
            while True:
                try:
                    task = conn.recv()
                except EOFError:
                    return
                if task is None:
                    return
                conn.send(convert_file(task, settings, pipeline))
        finally:
            # Nothing is left to drop: a late SIGTERM must not print a traceback on the shared stderr.
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
    except Terminated:
        return


def run_tasks(tasks: list[Task], settings: Settings, pipeline, jobs: int) -> Iterator[FileResult]:
    """Convert every task; yield the results in task order, whatever ``jobs`` is."""
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield convert_file(task, settings, pipeline)
        return
    import multiprocessing
    from multiprocessing.connection import wait

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    pending = collections.deque(tasks)
    done: dict[int, FileResult] = {}
    workers: dict[Any, tuple[Any, Task | None]] = {}  # connection -> (process, task it runs)

    def start() -> None:
        mine, theirs = context.Pipe()
        process = context.Process(target=_worker, args=(theirs, settings, pipeline, os.getpid()), daemon=True)
        process.start()
        theirs.close()
        workers[mine] = (process, None)
        feed(mine)

    def feed(conn) -> None:
        process, _ = workers[conn]
        if pending:
            task = pending.popleft()
            conn.send(task)
            workers[conn] = (process, task)
        else:
            conn.send(None)
            workers[conn] = (process, None)

    try:
        for _ in range(min(jobs, len(tasks))):
            start()
        following = 0
        while following < len(tasks):
            busy = {conn: entry for conn, entry in workers.items() if entry[1] is not None}
            sentinels = {entry[0].sentinel: conn for conn, entry in busy.items()}
            for ready in wait([*busy, *sentinels]):
                conn = sentinels.get(ready, ready)
                if conn not in workers or workers[conn][1] is None:
                    continue
                process, task = workers[conn]
                try:
                    result = conn.recv() if ready is conn else None
                except (EOFError, OSError):
                    result = None
                if result is None:  # the worker died under this task
                    process.join(1)
                    done[task.index] = FileResult(task.index, task.display, task.target, status="failed",
                                                  error=f"the worker converting it died (exit {process.exitcode}); "
                                                        "try it alone with --jobs 1")
                    del workers[conn]
                    conn.close()
                    if pending:
                        start()
                    continue
                done[result.index] = result
                feed(conn)
            while following in done:
                yield done.pop(following)
                following += 1
    finally:
        for conn, (process, task) in workers.items():
            if task is not None and process.is_alive():  # cut short mid-file (an error or Ctrl-C)
                process.terminate()  # SIGTERM: the worker drops its temporary file and exits
        for conn, (process, _) in workers.items():
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join()
            conn.close()


# -- the report -------------------------------------------------------------------------------

def write_report(path: str, results: list[FileResult], settings: Settings, extra: dict[str, Any]) -> None:
    summary = collections.Counter(r.status for r in results)
    data = {
        "textfix": extra,
        "mode": settings.mode,
        "summary": {"files": len(results), "changed": sum(r.changed for r in results),
                    "written": sum(r.written for r in results), **dict(sorted(summary.items()))},
        "files": [r.to_json() for r in results],
    }
    with atomic_writer(path) as handle:
        handle.write(json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8") + b"\n")


def raise_on_sigterm() -> None:
    """In the batch process: SIGTERM unwinds like Ctrl-C (temporary files dropped, workers stopped)."""

    def handler(signum, frame):  # noqa: ARG001
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


# -- the command ------------------------------------------------------------------------------

def convert_command(with_pipeline_options: Callable, pipeline_from: Callable):
    """Build the ``convert`` click command (the CLI passes its shared option helpers)."""
    import click

    class ConvertCommand(click.Command):
        """Reads ``[tool.textfix]`` from the nearest pyproject.toml into the option defaults."""

        def make_context(self, info_name, args, parent=None, **extra):
            from . import config

            args = list(args)
            if "--no-config" in args:
                path = None
            else:
                path = None
                for i, arg in enumerate(args):
                    if arg == "--config" and i + 1 < len(args):
                        path = Path(args[i + 1])
                    elif arg.startswith("--config="):
                        path = Path(arg.split("=", 1)[1])
                if path is None:
                    path = config.find_pyproject()
                elif not path.is_file():
                    raise TextfixError(f"{path}: no such configuration file; check --config")
            defaults: dict[str, Any] = {}
            if path is not None and not any(a in ("-h", "--help") for a in args):
                table = config.load(path)
                if table:
                    defaults = config.default_map(path, table, self.params)
                    extra["default_map"] = {**defaults, **(extra.get("default_map") or {})}
            try:
                return super().make_context(info_name, list(args), parent=parent, **extra)
            except click.BadParameter as exc:
                name = exc.param.name if exc.param is not None else None
                flags = set(exc.param.opts) if exc.param is not None else set()
                if name in defaults and not any(a.split("=")[0] in flags for a in args):
                    raise TextfixError(f"{path}: [tool.textfix]: {name.replace('_', '-')}: {exc.message}") from None
                raise

    @click.command("convert", cls=ConvertCommand)
    @click.argument("sources", nargs=-1, metavar="SRC...")
    @click.option("--out", "-o", metavar="DIR", help="Write the converted files here, mirroring the source tree.")
    @click.option("--in-place", is_flag=True, default=None, help="Rewrite changed files where they are.")
    @click.option("--backup", metavar="SUFFIX", help="With --in-place: keep each changed original as FILE+SUFFIX.")
    @click.option("--check", is_flag=True, default=None,
                  help="Write nothing; list the files that would change and exit 1 if there are any.")
    @click.option("--diff", is_flag=True, default=None,
                  help="Print a unified diff of each file that changes (alone: writes nothing, exit 1 on changes).")
    @click.option("--explain", is_flag=True, default=None,
                  help="List every change (file:line:col: rule: before → after) on stderr.")
    @click.option("--report", metavar="FILE", help="Write a JSON report: per file, encoding, changes per rule, errors.")
    @click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
                  help="Worker processes (0: one per CPU). Output order does not depend on it.")
    @click.option("--glob", multiple=True, metavar="PATTERN",
                  help="Only files matching PATTERN (.gitignore syntax, relative to each SRC folder). Repeatable.")
    @click.option("--exclude", multiple=True, metavar="PATTERN",
                  help="Leave out files and folders matching PATTERN (.gitignore syntax). Repeatable.")
    @click.option("--encoding", metavar="NAME",
                  help="Decode every file with NAME (e.g. cp1252) instead of detecting it.")
    @click.option("--progress/--no-progress", default=None,
                  help="Progress bar on stderr [default: only when stderr is a terminal].")
    @click.option("--quiet", "-q", is_flag=True, default=None, help="No notes and no summary; errors only.")
    @click.option("--config", metavar="FILE", help="Read [tool.textfix] from FILE instead of the nearest pyproject.toml.")
    @click.option("--no-config", is_flag=True, default=None, help="Ignore pyproject.toml.")
    @with_pipeline_options
    @click.pass_context
    def convert(ctx, sources, out, in_place, backup, check, diff, explain, report, jobs, glob, exclude, encoding,
                progress, quiet, config, no_config, profile, **options):
        """Convert files and folders: SRC... to --out DIR, or --in-place, or just --check / --diff.

        Folders are walked and mirrored under DIR. Each file is decoded (UTF-8; a BOM
        selects UTF-8/16/32; a legacy 8-bit encoding such as Windows-1252 is detected
        and reported; --encoding forces one), fixed, and written as UTF-8 with its line
        endings, atomically. Binary and unreadable files are reported and skipped.

        Exit status: 0 all went well (and, with --check/--diff, nothing would change);
        1 with --check/--diff, some file would change; 2 some file failed, or a usage
        error; 130 interrupted. Settings may come from [tool.textfix] in pyproject.toml.
        """
        if not sources and ctx.default_map and ctx.default_map.get("sources"):
            sources = tuple(ctx.default_map["sources"])
        if not sources:
            raise click.UsageError("name the files or folders to convert (SRC...)")
        if out and in_place:
            raise click.UsageError("choose one of --out DIR and --in-place")
        if check and (out or in_place):
            raise click.UsageError("--check writes nothing; drop --out/--in-place (or drop --check)")
        if backup and not in_place:
            raise click.UsageError("--backup goes with --in-place")
        if backup is not None and not backup:
            raise click.UsageError("--backup needs a non-empty SUFFIX, e.g. --backup .orig")
        if not (out or in_place or check or diff):
            raise click.UsageError("say where the results go: --out DIR, --in-place, or --check / --diff to "
                                   "write nothing")
        if encoding:
            try:
                codecs.lookup(encoding)
            except LookupError:
                raise TextfixError(f"unknown encoding {encoding!r}; use a Python codec name such as cp1252, "
                                   "latin-1 or utf-16") from None
        mode = "out" if out else "in-place" if in_place else "check"
        settings = Settings(mode, diff=bool(diff), explain=bool(explain), count=bool(report),
                            encoding=encoding, backup=backup)
        pipeline = pipeline_from(profile, options)
        planned = plan(sources, settings, out, glob, exclude)
        if jobs == 0:
            jobs = os.cpu_count() or 1
        raise_on_sigterm()
        code = _run(planned, settings, pipeline, jobs, progress, bool(quiet), report, profile)
        ctx.exit(code)

    return convert


def _run(planned: Plan, settings: Settings, pipeline, jobs: int, progress: bool | None, quiet: bool,
         report: str | None, profile: str) -> int:
    import click

    results: list[FileResult] = []
    err = sys.stderr
    for skipped in planned.skipped:
        if not quiet:
            click.echo(f"textfix: note: {skipped.path}: {skipped.error}", err=True)
    show = err.isatty() if progress is None else progress
    total = sum(max(t.size, 1) for t in planned.tasks)
    bar = click.progressbar(length=max(total, 1), label="textfix convert", file=err, show_pos=False,
                            show_percent=True, show_eta=True) if show and planned.tasks else None
    if bar is not None and not err.isatty():
        bar.is_hidden = False  # --progress asked for it explicitly
    sizes = {t.index: max(t.size, 1) for t in planned.tasks}
    with bar if bar is not None else contextlib.nullcontext():
        for result in run_tasks(planned.tasks, settings, pipeline, jobs):
            _show(result, settings, quiet)
            result.diff, result.explain = "", []
            results.append(result)
            if bar is not None:
                bar.update(sizes[result.index])
    results.extend(planned.skipped)
    failed = sum(r.status in {"failed", "binary"} for r in results)
    changed = sum(r.changed for r in results)
    if report:
        from importlib import metadata

        try:
            version = metadata.version("textfix")
        except metadata.PackageNotFoundError:
            version = "unknown"
        write_report(report, results, settings, {"version": version, "profile": profile})
    if not quiet:
        done = sum(r.status == "ok" for r in results)
        verb = {"out": "written", "in-place": "rewritten", "check": "would change"}[settings.mode]
        count = changed if settings.mode != "out" else sum(r.written for r in results)
        parts = [f"{done} file(s) converted" if settings.mode != "check" else f"{done} file(s) checked",
                 f"{count} {verb}"]
        if failed:
            parts.append(f"{failed} failed")
        skipped = sum(r.status == "skipped" for r in results)
        if skipped:
            parts.append(f"{skipped} skipped")
        click.echo("textfix: " + ", ".join(parts), err=True)
    if failed:
        return EXIT_FAILED
    if settings.mode == "check" and changed:
        return EXIT_CHANGES
    return EXIT_OK


def _show(result: FileResult, settings: Settings, quiet: bool) -> None:
    import click

    for line in result.explain:
        click.echo(line, err=True)
    if result.status == "failed":
        click.echo(f"textfix: error: {result.path}: {result.error}", err=True)
    elif result.status == "binary":
        click.echo(f"textfix: skipped: {result.path}: {result.error}", err=True)
    elif result.status == "ok":
        if result.encoding_detected and not quiet:
            what = "would be written" if settings.mode == "check" else "written"
            click.echo(f"textfix: note: {result.path}: decoded as {result.encoding} (detected); {what} as UTF-8",
                       err=True)
        if result.diff:
            click.echo(result.diff, nl=False)
        elif settings.mode == "check" and result.changed:
            click.echo(result.path)
