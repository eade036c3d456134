"""The long fuzzing run: the property-based tests of ``tests/test_fuzz.py`` with many more examples.

    .venv/bin/python bench/fuzz_long.py            # scale 20: ~10,000 parser examples, ~2,000 exports (tens of minutes)
    .venv/bin/python bench/fuzz_long.py 100        # longer still
    KG_FUZZ_SCALE=5 .venv/bin/python -m pytest tests/test_fuzz.py    # the same thing, by hand

The suite runs these tests at scale 1 (a few hundred examples each, well under a minute).
Hypothesis keeps every failing example in ``.hypothesis/`` and replays it first on the next
run, in the suite too, so a failure found here is not lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    scale = argv[1] if len(argv) > 1 else "20"
    env = {**os.environ, "KG_FUZZ_SCALE": scale}
    cmd = [sys.executable, "-m", "pytest", "tests/test_fuzz.py", "-q", "--hypothesis-show-statistics", "-W", "ignore::DeprecationWarning", *argv[2:]]
    print(f"KG_FUZZ_SCALE={scale} {' '.join(cmd)}", flush=True)
    return subprocess.call(cmd, cwd=ROOT, env=env)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
