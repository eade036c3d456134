"""Extraction speed: papers per second for the spaCy pipeline alone, and for a whole ``kg build``.

Runs on ``../shared/corpus`` (or the paths given), on one core, best of N repeats::

    .venv/bin/python bench/bench_extract.py --repeat 5
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kg  # noqa: E402
from kg.extract.pipeline import extract_docs, make_nlp  # noqa: E402
from kg.parse.collect import merge_papers, read_digests  # noqa: E402
from kg.resolve import paper_mentions  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="*", default=[str(ROOT.parent / "shared" / "corpus")])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    papers = merge_papers(read_digests(args.paths))
    nlp = make_nlp()
    list(extract_docs(papers[:5], nlp))  # warm up
    extract, records, build = [], [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        docs = list(extract_docs(papers, nlp))
        t1 = time.perf_counter()
        [paper_mentions(d) for d in docs]
        t2 = time.perf_counter()
        kg.build(args.paths)
        t3 = time.perf_counter()
        extract.append(t1 - t0)
        records.append(t2 - t0)
        build.append(t3 - t2)
    n = len(papers)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"papers: {n} from {len(args.paths)} path(s); best of {args.repeat}")
    print("| stage | seconds | papers/s |\n|---|---|---|")
    print(f"| spaCy pipeline (tokenize + 5 components) | {min(extract):.3f} | {n / min(extract):.0f} |")
    print(f"| pipeline + mention records | {min(records):.3f} | {n / min(records):.0f} |")
    print(f"| whole kg.build (parse, extract, resolve, graph; pipeline already loaded) | {min(build):.3f} | {n / min(build):.0f} |")


if __name__ == "__main__":
    main()
