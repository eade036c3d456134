"""What machine a benchmark ran on, in one line for its report."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def machine() -> str:
    """CPU model, cores, memory, OS and Python, e.g. 'Intel Xeon, 2 CPUs, 24 GiB RAM; Linux-…; Python 3.11.7'."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} CPUs{mem}; {platform.platform()}; Python {platform.python_version()}"


SPEED_CHILD = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from kg.extract.parallel import _nlp, extract_batch
from kg.parse import parse_digest

papers = [p for f in sorted(Path(sys.argv[2]).glob("*.md")) for p in parse_digest(f).papers][: int(sys.argv[3])]
nlp = _nlp()
extract_batch(papers[:32], nlp)  # warm up
times = []
for _ in range(3):
    t = time.process_time()
    for i in range(0, len(papers), 32):
        extract_batch(papers[i : i + 32], nlp)
    times.append(time.process_time() - t)
print(len(papers) / min(times))
"""


def extraction_speed(root: Path, archive: Path, papers: int = 1000) -> float:
    """This machine's speed right now: papers/s of the extraction pipeline on one core over the
    first ``papers`` papers of a synthetic ``archive`` (CPU time, best of 3), in a fresh process.

    The VM these benchmarks run on is shared, and its speed has varied by 1.5-2x between runs
    of the same code; a build time means little without the machine's speed beside it."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", SPEED_CHILD, str(root), str(archive), str(papers)],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])
