"""Reading and writing files: explicit decoding, preserved BOMs, atomic writes."""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import TextfixError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32-LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32-BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16-LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16-BE"),
)


@dataclass(frozen=True)
class Decoding:
    """How a byte stream was decoded: the codec, a label for reports, the BOM skipped."""

    codec: str
    label: str
    bom: bytes = b""


def sniff(head: bytes) -> Decoding:
    """Choose a decoding from the first bytes: a BOM if there is one, else UTF-8.

    >>> sniff(b"\\xef\\xbb\\xbfhello").label
    'UTF-8 with BOM'
    >>> sniff(b"hello").codec
    'utf-8'
    """
    for bom, codec, label in _BOMS:
        if head.startswith(bom):
            return Decoding(codec, label, bom)
    return Decoding("utf-8", "UTF-8")


def _describe(exc: UnicodeDecodeError, name: str, line: int) -> TextfixError:
    return TextfixError(
        f"{name}: line {line}: not valid {codecs.lookup(exc.encoding).name.upper()} "
        f"(byte 0x{exc.object[exc.start]:02x}); "
        f"convert it to UTF-8 first (e.g. iconv -f WINDOWS-1252 -t UTF-8 {name})"
    )


# Lines longer than this (in characters) are cut into pieces, so memory stays bounded
# on any input: a 1 GB file without a line break goes through in pieces like any other.
MAX_LINE_CHARS = 1 << 20

# Where a long line is best cut: after a line break of another convention, else after a space.
_CUT_FIRST = ("\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c")
_CUT_SPACES = (" ", "\t", "\u3000", "\u00a0", "\u2009", "\u200a", "\u2002", "\u2003")
# Never cut before one of these (they belong to the character before them).
_JOINERS = frozenset("\u200c\u200d\u034f\u180b\u180c\u180d") | frozenset(chr(c) for c in range(0xFE00, 0xFE10))


def _cut_point(text: str, limit: int) -> int:
    r"""Where to cut ``text`` (longer than ``limit``) so the first piece has at most ``limit`` characters.

    Prefers a line break, then whitespace, in the second half of the window; else cuts
    at ``limit``, moved back so no combining mark, joiner or variation selector starts
    the next piece. Never between CR and LF.

    >>> _cut_point("abc def ghi", 9)
    8
    >>> _cut_point("abcdefghij", 4)
    4
    >>> _cut_point("e\u0301e\u0301e\u0301", 3)
    2
    """
    import unicodedata

    low = limit // 2
    pos = -1
    for group in (_CUT_FIRST, _CUT_SPACES):
        for char in group:
            found = text.rfind(char, low, limit)
            if found > pos:
                pos = found
        if pos >= 0:
            pos += 1
            break
    if pos < 0:
        pos = limit
        for _ in range(64):
            char = text[pos]
            if pos > 1 and (unicodedata.combining(char) or char in _JOINERS or text[pos - 1] in _JOINERS
                            or "\udc00" <= char <= "\udfff"):
                pos -= 1
            else:
                break
        else:
            pos = limit
    if text[pos - 1] == "\r" and text[pos] == "\n":
        pos = pos - 1 if pos > 1 else pos + 1
    return pos


def bounded_lines(fragments: Iterator[tuple[str, bool]], max_chars: int = MAX_LINE_CHARS) -> Iterator[str]:
    r"""Join text fragments into lines, cutting any line longer than ``max_chars``.

    ``fragments`` yields ``(text, complete)``: ``complete`` says the text ends a line.

    >>> list(bounded_lines(iter([("ab", False), ("c d\n", True), ("e", True)]), 4))
    ['abc ', 'd\n', 'e']
    """
    buffer = ""
    for text, complete in fragments:
        buffer = buffer + text if buffer else text
        while len(buffer) > max_chars:
            cut = _cut_point(buffer, max_chars)
            yield buffer[:cut]
            buffer = buffer[cut:]
        if complete and buffer:
            yield buffer
            buffer = ""
    if buffer:
        yield buffer


def iter_lines(stream: BinaryIO, name: str, *, decoding: Decoding | None = None,
               max_line: int = MAX_LINE_CHARS) -> tuple[Decoding, Iterator[str]]:
    """Decode a binary stream lazily into lines that keep their line endings.

    The encoding is sniffed from a BOM (else UTF-8) unless ``decoding`` is given.
    Memory stays bounded: lines longer than ``max_line`` characters come in pieces
    (cut at whitespace where possible, never inside a character).

    Raises :class:`TextfixError` naming ``name`` when the bytes are not valid in
    the detected encoding; nothing is guessed.
    """
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)  # type: ignore[arg-type]
    if decoding is None:
        decoding = sniff(buffered.peek(4)[:4])
    if decoding.bom and buffered.peek(len(decoding.bom))[: len(decoding.bom)] == decoding.bom:
        buffered.read(len(decoding.bom))
    if codecs.lookup(decoding.codec).name == "utf-8":
        # b"\n" never occurs inside a UTF-8 sequence: decode line by line, and name the line at fault.
        def fragments() -> Iterator[tuple[str, bool]]:
            decoder = codecs.getincrementaldecoder("utf-8")("strict")
            number = 1
            limit = max(max_line, 4)
            try:
                while True:
                    raw = buffered.readline(limit)
                    if not raw:
                        decoder.decode(b"", True)
                        return
                    complete = raw[-1:] == b"\n"
                    yield decoder.decode(raw, complete), complete
                    number += complete
            except UnicodeDecodeError as exc:
                raise _describe(exc, name, number) from None

        return decoding, bounded_lines(fragments(), max_line)

    text = io.TextIOWrapper(buffered, encoding=decoding.codec, errors="strict", newline="")

    def wide_fragments() -> Iterator[tuple[str, bool]]:
        count = 0
        try:
            while True:
                line = text.readline(max_line)
                if not line:
                    return
                # A piece cut at the limit may end in CR whose LF is still to come.
                complete = line[-1] == "\n" or (len(line) < max_line and line[-1] in "\r")
                count += complete
                yield line, complete
        except UnicodeDecodeError as exc:
            exc.encoding = decoding.codec
            raise _describe(exc, name, count + 1) from None

    return decoding, bounded_lines(wide_fragments(), max_line)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


TMP_SUFFIX = ".textfix-tmp"
_O_TMPFILE = getattr(os, "O_TMPFILE", 0)


class AtomicOutput:
    """A file that appears at ``path`` complete, or not at all.

    The data goes to a temporary file in the target folder: on Linux an unnamed
    one (``O_TMPFILE``), which vanishes by itself if the process is killed, even
    with SIGKILL; elsewhere a hidden ``.NAME.*.textfix-tmp`` file, removed on any
    error or signal Python sees. :meth:`commit` fsyncs it and renames it over
    ``path``; :meth:`discard` drops it and leaves ``path`` as it was.
    """

    def __init__(self, path: str | Path, mode: int | None = None) -> None:
        self.path = Path(path)
        self.directory = self.path.parent if str(self.path.parent) else Path(".")
        self.mode = mode
        self._name: str | None = None
        fd = -1
        if _O_TMPFILE and os.path.isdir("/proc/self/fd"):
            try:
                fd = os.open(self.directory, _O_TMPFILE | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600)
            except OSError:
                fd = -1
        if fd < 0:
            fd, self._name = tempfile.mkstemp(prefix=f".{self.path.name[:120]}.", suffix=TMP_SUFFIX, dir=self.directory)
        self.handle: BinaryIO = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> int:
        return self.handle.write(data)

    def reset(self) -> None:
        """Start over: forget everything written so far."""
        self.handle.flush()
        self.handle.seek(0)
        self.handle.truncate()

    def commit(self) -> None:
        """Make the file appear at ``path`` (replacing what was there) in one step."""
        handle = self.handle
        handle.flush()
        os.fsync(handle.fileno())
        mode = self.mode
        if mode is None:
            try:
                mode = os.stat(self.path).st_mode & 0o7777
            except FileNotFoundError:
                mode = 0o666 & ~_umask()
        os.fchmod(handle.fileno(), mode)
        if self._name is None:
            # Give the unnamed file a hidden name for the instant before the rename.
            # (dst_dir_fd makes os.link use linkat with AT_SYMLINK_FOLLOW, which the /proc link needs.)
            base = f".{self.path.name[:120]}.{os.getpid()}.{id(self):x}{TMP_SUFFIX}"
            name = os.path.join(self.directory, base)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)
            dir_fd = os.open(self.directory, os.O_RDONLY)
            try:
                os.link(f"/proc/self/fd/{handle.fileno()}", base, dst_dir_fd=dir_fd, follow_symlinks=True)
            finally:
                os.close(dir_fd)
            self._name = name
        handle.close()
        os.replace(self._name, self.path)
        self._name = None
        _fsync_directory(self.directory)

    def discard(self) -> None:
        """Drop the temporary file; ``path`` is left as it was."""
        with contextlib.suppress(OSError):
            self.handle.close()
        if self._name is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._name)
            self._name = None


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[BinaryIO]:
    """Write ``path`` through a temporary file in the same folder, fsync'ed, then renamed.

    If anything fails before the end, the temporary file is removed and ``path``
    is left as it was: complete old content or absent, never half-written.
    """
    output = AtomicOutput(path)
    try:
        yield output.handle
        output.commit()
    except BaseException:
        output.discard()
        raise
