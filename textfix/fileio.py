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
        f"{name}: line {line}: not valid {exc.encoding.upper()} (byte 0x{exc.object[exc.start]:02x}); "
        f"convert it to UTF-8 first (e.g. iconv -f WINDOWS-1252 -t UTF-8 {name})"
    )


def iter_lines(stream: BinaryIO, name: str) -> tuple[Decoding, Iterator[str]]:
    """Decode a binary stream lazily into lines that keep their line endings.

    Raises :class:`TextfixError` naming ``name`` when the bytes are not valid in
    the detected encoding; nothing is guessed.
    """
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)  # type: ignore[arg-type]
    decoding = sniff(buffered.peek(4)[:4])
    if decoding.bom:
        buffered.read(len(decoding.bom))
    if decoding.codec == "utf-8":
        # b"\n" never occurs inside a UTF-8 sequence: decode line by line, and name the line at fault.
        def lines() -> Iterator[str]:
            for number, raw in enumerate(buffered, 1):
                try:
                    yield raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise _describe(exc, name, number) from None

        return decoding, lines()

    text = io.TextIOWrapper(buffered, encoding=decoding.codec, errors="strict", newline="")

    def wide_lines() -> Iterator[str]:
        count = 0
        try:
            for line in text:
                count += 1
                yield line
        except UnicodeDecodeError as exc:
            raise _describe(exc, name, count + 1) from None

    return decoding, wide_lines()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[BinaryIO]:
    """Write ``path`` through a temporary file in the same folder, fsync'ed, then renamed.

    If anything fails before the end, the temporary file is removed and ``path``
    is left as it was: complete old content or absent, never half-written.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".textfix-tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        try:
            mode = os.stat(path).st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
