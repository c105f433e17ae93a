"""`textfix convert --jobs 2` against `--jobs 1` on a few hundred files (SPEC: >= 1.7x).

    python benchmarks/batch_jobs.py [--files 300] [--kb 60] [--repeat 3] [--profile default]

Generates FILES files of about KB kilobytes each (news-like lines, some mojibake),
then times `textfix convert SRC --out DIR --jobs N` for N = 1 and 2, REPEAT times
each (interleaved), and reports the best times and their ratio. The machine has two
cores; anything else running on it lowers the ratio, so run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINES = [
    "The minister said on Tuesday that the talks would resume next week in Geneva.\n",
    "Officials declined to comment on the report, citing the ongoing investigation.\n",
    "The groupâ€™s leader told reporters the cafÃ© had been closed since March.\n",
    "Prices rose 3.2 percent in the year to September, the statistics office said.\n",
    "\n",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--kb", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", default="default")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="textfix-jobs-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        src = work / "src"
        for i in range(options.files):
            path = src / f"d{i % 10}" / f"f{i:04}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            lines = [LINES[(i + j) % len(LINES)] for j in range(options.kb * 1000 // 75)]
            path.write_text("".join(lines), encoding="utf-8")
        best = {1: float("inf"), 2: float("inf")}
        cpu = {1: float("inf"), 2: float("inf")}
        for _ in range(options.repeat):
            for jobs in (1, 2):
                out = work / f"out{jobs}"
                shutil.rmtree(out, ignore_errors=True)
                start = time.perf_counter()
                used = resource.getrusage(resource.RUSAGE_CHILDREN)
                subprocess.run([sys.executable, "-m", "textfix.cli", "convert", str(src), "--out", str(out),
                                "--jobs", str(jobs), "--profile", options.profile, "-q", "--no-progress"],
                               env=env, check=True)
                best[jobs] = min(best[jobs], time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu[jobs] = min(cpu[jobs], after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
        same = all((work / "out1" / p.relative_to(src)).read_bytes() == (work / "out2" / p.relative_to(src)).read_bytes()
                   for p in src.rglob("*.txt"))
        load = os.getloadavg()[0]
        print(f"{options.files} files of ~{options.kb} KB, profile {options.profile}: --jobs 1 {best[1]:.2f} s, "
              f"--jobs 2 {best[2]:.2f} s, speed-up {best[1] / best[2]:.2f}x (target 1.7x); identical outputs: {same}; "
              f"load average {load:.1f} on {os.cpu_count()} CPUs; CPU time (all processes) --jobs 1 {cpu[1]:.2f} s, "
              f"--jobs 2 {cpu[2]:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
