"""Peak memory of `textfix convert` on one big generated file (SPEC: flat, <= 200 MB on 1 GB).

    python benchmarks/batch_memory.py --size-mb 1024 [--profile default] [--workdir DIR]

Generates a file of mostly clean news-like lines with some mojibake, a few very long
lines (one with no space at all) and CRLF endings in part; converts it with
`textfix convert FILE --out DIR` in a subprocess; reports the subprocess's peak RSS
(resource.getrusage(RUSAGE_CHILDREN) of a parent that runs only that process), the
wall time and the throughput, and checks the output's line endings survived.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LINES = [
    "The minister said on Tuesday that the talks would resume next week in Geneva.\n",
    "Officials declined to comment on the report, citing the ongoing investigation.\r\n",
    "Prices rose 3.2 percent in the year to September, the statistics office said.\n",
    "\n",
]
DAMAGED = "The groupâ€™s leader told reporters the cafÃ© had been closed since March.\n"


def generate(path: Path, size: int) -> None:
    block = "".join(DAMAGED if i % 100 == 0 else LINES[i % len(LINES)] for i in range(2000)).encode()
    long_line = (b"word " * 400_000) + b"\n"  # 2 MB on one line
    no_space = ("é" * 1_500_000).encode() + b"\n"  # 3 MB, one line, no space
    written = 0
    with open(path, "wb") as handle:
        while written < size:
            for part in (block,) * 50 + (long_line, no_space):
                handle.write(part)
                written += len(part)
        handle.write(b"no final newline")


def measure(args: list[str]) -> tuple[float, float]:
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "done = subprocess.run(sys.argv[1:])\n"
        "assert done.returncode == 0\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "textfix.cli", "convert", *args],
                         capture_output=True, text=True, env=env, check=True).stdout.split()
    return int(out[0]) / 1024, float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--profile", default="default")
    parser.add_argument("--workdir", default=None)
    options = parser.parse_args()
    work = Path(options.workdir or tempfile.mkdtemp(prefix="textfix-mem-"))
    work.mkdir(parents=True, exist_ok=True)
    source = work / "src" / "big.txt"
    source.parent.mkdir(exist_ok=True)
    try:
        generate(source, options.size_mb * 1_000_000)
        size = source.stat().st_size
        peak, seconds = measure([str(source.parent), "--out", str(work / "out"), "--profile", options.profile,
                                 "--no-progress", "-q"])
        result = (work / "out" / "big.txt").read_bytes()[-16:]
        assert result == b"no final newline"
        print(f"input: {size / 1e6:.0f} MB; profile {options.profile}; peak RSS {peak:.0f} MB "
              f"(limit 200 MB: {'ok' if peak <= 200 else 'OVER'}); {seconds:.0f} s, {size / 1e6 / seconds:.1f} MB/s")
    finally:
        if not options.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
