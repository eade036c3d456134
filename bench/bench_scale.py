"""Scale benchmark of the persistent store: build, incremental add, query latency, memory.

For each N it generates a synthetic archive of N papers (bench/synth.py), then measures

* **build**: ``kg.store.build_store`` in a fresh process (parse, extraction on all cores,
  resolution, N-Quads, Oxigraph bulk load, the TriG export); wall time, papers/s, and peak
  memory (sum of the PSS of the process and its workers, sampled every 0.5 s);
* **add**: three more 40-paper digests, one after another, each built incrementally into the
  store by a fresh process (the in-process time of ``build_store`` and the process wall time,
  imports included): the median, and each one;
* **query**: ``papers_by_benchmark`` with the store's benchmark table (what ``kg papers``
  reads) for the most shared benchmark and for one shared by the median number of papers, warm
  and in process (p50/p95 over 50 runs each; SPARQL alone too, p50), and a cold
  ``kg papers --benchmark`` CLI process on the most shared one (median of 3); and cold
  processes of the other query commands: ``kg shared``, ``kg related`` (a paper on the most
  shared benchmark), ``kg leaderboard`` (the most shared and the median benchmark);
* **html**: the size of the HTML explorer (``render_html`` of the whole graph) where
  N <= --html-max; above, ``kg build`` skips it (see docs/benchmarks-scale.md);
* **machine speed**: papers/s of the extraction pipeline on one core over 1,000 papers of the
  archive (``bench/machine.py``), right before the build and after the queries: the shared VM
  these numbers come from has run the same code 1.5-2x slower on some days than on others.

    .venv/bin/python bench/bench_scale.py --sizes 1000 10000 100000 --write docs/benchmarks-scale.md
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from machine import extraction_speed, machine  # noqa: E402  (bench/machine.py)
PY = sys.executable
KG = str(Path(PY).parent / "kg")


def _pss_tree(pid: int) -> int:
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p] + p.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for q in procs:
        try:
            total += q.memory_full_info().pss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


# Seconds between two samples of the process tree's memory.  Each sample reads the PSS of the
# build and its workers (/proc/PID/smaps_rollup: about 2.5 ms of CPU per 500 MB process), on the
# same two cores the build runs on: every 50 ms, that took 8.5 s of a 100k build (149.0 s against
# 140.5 s unsampled); every 0.5 s, 138.5 s, with the same peak (976 against 986 MB).
SAMPLE_EVERY = 0.5


def run_measured(cmd: list[str]) -> tuple[float, int, str, float]:
    """Run ``cmd``; return wall seconds, peak PSS of its process tree (bytes), stdout, and the CPU
    seconds (user + system) of its process tree: a build's CPU over the cores it has bounds its time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _pss_tree(proc.pid))
            time.sleep(SAMPLE_EVERY)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t
    done.set()
    th.join()
    if proc.returncode:
        raise RuntimeError(f"{cmd} failed:\n{err[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # (the tree's workers, reaped by the child, count too)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, peak[0], out, cpu


CHILD_BUILD = """
import json, sys, time
t = time.perf_counter()
from kg.store import build_store
s = build_store([sys.argv[1]], sys.argv[2], progress=False, workers=int(sys.argv[3]) or None, html=False)
print(json.dumps({"inproc": time.perf_counter() - t, "papers": s.papers, "extracted": s.extracted,
                  "replaced": len(s.graphs_replaced), "timings": s.timings, "counts": s.counts, "notes": s.notes}))
"""


ADDS = 3  # new digests added one after another to each store


def bench_one(n: int, work: Path, workers: int, html_max: int, tpls) -> dict:
    import synth

    archive = work / f"archive-{n}"
    out = work / f"out-{n}"
    shutil.rmtree(archive, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    days = synth.working_days()
    t = time.perf_counter()
    synth.generate(n, archive, days=days, tpls=tpls)
    gen = time.perf_counter() - t
    size_mb = sum(p.stat().st_size for p in archive.iterdir()) / 1e6
    print(f"[{n}] archive: {gen:.1f} s, {size_mb:.0f} MB", file=sys.stderr)
    speed_before = extraction_speed(ROOT, archive)
    print(f"[{n}] machine speed: {speed_before:.0f} papers/s", file=sys.stderr)

    wall, peak, stdout, cpu = run_measured([PY, "-c", CHILD_BUILD, str(archive), str(out), str(workers)])
    build = json.loads(stdout.strip().splitlines()[-1])
    print(f"[{n}] build: {wall:.1f} s, {cpu:.1f} CPU-s {build['timings']}", file=sys.stderr)

    # incremental: ADDS more 40-paper digests, one a day, each added by a fresh process.  The first
    # runs right after the build has written gigabytes (its imports read from disk, not the page
    # cache: 7.9 s against 1.1 s at 100k papers, measured with the cache dropped); the median is what
    # a day's add costs
    adds = []
    for k in range(ADDS):
        synth.generate(40, archive, start_index=n + 40 * k, days=days, tpls=tpls)
        add_wall, add_peak, stdout, _ = run_measured([PY, "-c", CHILD_BUILD, str(archive), str(out), str(workers)])
        adds.append((json.loads(stdout.strip().splitlines()[-1]), add_wall, add_peak))
        print(f"[{n}] add {k + 1}: {add_wall:.1f} s {adds[-1][0]['timings']}", file=sys.stderr)
    add, add_wall, add_peak = sorted(adds, key=lambda a: a[0]["inproc"])[len(adds) // 2]  # the median add

    # queries
    from kg.query import BenchmarkIndex, open_store, papers_by_benchmark, shared_benchmarks

    store = open_store(out)
    index = BenchmarkIndex.at(out)  # what `kg papers` reads; SPARQL alone is measured too
    shared = shared_benchmarks(store)
    top = shared[0]
    name, n_top = top["label"], top["papers"]
    mid = statistics.median([r["papers"] for r in shared])
    typical = min(shared, key=lambda r: (abs(r["papers"] - mid), r["label"]))

    def timed(label, runs=50, budget=20.0, index=index, store=store):
        """Latencies (ms) of papers_by_benchmark(label): 50 runs, or fewer (at least 5) within ``budget`` s."""
        ms, start = [], time.perf_counter()
        while len(ms) < runs and (len(ms) < 5 or time.perf_counter() - start < budget):
            t = time.perf_counter()
            rows = papers_by_benchmark(store, label, index)
            ms.append((time.perf_counter() - t) * 1000)
        return sorted(ms), rows

    lat, rows = timed(name)
    assert len(rows) == n_top
    lat_mid, _ = timed(typical["label"])
    lat_sparql, _ = timed(name, index=None)
    lat_mid_sparql, _ = timed(typical["label"], index=None)
    del store

    def cold_cli(*args):
        """A fresh ``kg`` process (imports included), e.g. ``cold_cli("shared")``: median of 3."""
        times = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([KG, *args, "--graph", str(out), "--format", "json"], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    cold, cold_typical = cold_cli("papers", "--benchmark", name), cold_cli("papers", "--benchmark", typical["label"])
    related_to = rows[0]["id"]  # a paper on the most shared benchmark: thousands of related papers
    others = {"shared": cold_cli("shared"), "related": cold_cli("related", related_to),
              "leaderboard": cold_cli("leaderboard", name), "leaderboard_typical": cold_cli("leaderboard", typical["label"])}

    speed_after = extraction_speed(ROOT, archive)
    html_mb = None
    if n <= html_max:
        html_mb = _html_size(archive, out)
    store_mb = sum(p.stat().st_size for p in (out / "store").rglob("*") if p.is_file()) / 1e6
    trig_mb = (out / "graph.trig").stat().st_size / 1e6 if (out / "graph.trig").exists() else None
    return {
        "n": n, "digests": len(list(archive.glob("*.md"))), "archive_mb": size_mb,
        "build_s": wall, "build_cpu_s": cpu, "build_inproc_s": build["inproc"], "papers_s": n / wall, "peak_mb": peak / 1e6,
        "stages": build["timings"], "counts": build["counts"],
        "add_s": add["inproc"], "add_wall_s": add_wall, "add_extracted": add["extracted"], "add_replaced": add["replaced"],
        "add_stages": add["timings"], "add_peak_mb": add_peak / 1e6,
        "adds_s": [a[0]["inproc"] for a in adds], "adds_wall_s": [a[1] for a in adds],
        "query_benchmark": name, "query_rows": n_top, "median_shared": mid,
        "p50_ms": lat[len(lat) // 2], "p95_ms": lat[max(0, int(len(lat) * 0.95) - 1)], "query_runs": len(lat),
        "cold_s": cold, "cold_typical_s": cold_typical, "cold_others_s": others, "related_to": related_to,
        "typical_benchmark": typical["label"], "typical_rows": typical["papers"],
        "p50_typical_ms": lat_mid[len(lat_mid) // 2], "p95_typical_ms": lat_mid[max(0, int(len(lat_mid) * 0.95) - 1)],
        "p50_sparql_ms": lat_sparql[len(lat_sparql) // 2], "p50_typical_sparql_ms": lat_mid_sparql[len(lat_mid_sparql) // 2],
        "html_mb": html_mb, "store_mb": store_mb, "trig_mb": trig_mb,
        "speed_before": speed_before, "speed_after": speed_after,
    }


def _html_size(archive: Path, out: Path) -> float:
    """render_html of the whole graph (what kg build writes below its HTML limit)."""
    code = """
import sys, time
from kg.store.run import paper_key
from kg.parse import collect_digests, merge_papers, parse_digest
from kg.extract.parallel import extract_records, result_docs
from kg.extract.lexicon_data import load_lexicon
from kg.resolve import resolve_records
from kg.results import resolve_results, add_results_to_graph
from kg.graph import build_graph
from kg.viz.html import render_html
import pickle
from pathlib import Path
papers = merge_papers([parse_digest(p) for p in collect_digests([sys.argv[1]])])
pool = {}
for f in (Path(sys.argv[2]) / "store" / "cache").glob("*.pkl"):
    pool.update(pickle.loads(f.read_bytes())["extracted"])
ex = [pool[paper_key(p)] for p in papers]
lex = load_lexicon()
r = resolve_records([e.mentions for e in ex if e.mentions], lex)
facts = resolve_results(result_docs(e.results for e in ex), r, lex)
g = build_graph(papers, r); add_results_to_graph(g, facts)
t = time.perf_counter(); h = render_html(g).encode("utf-8")
print(len(h), time.perf_counter() - t)
"""
    res = subprocess.run([PY, "-c", code, str(archive), str(out)], capture_output=True, text=True, cwd=ROOT)
    if res.returncode:
        print(res.stderr[-2000:], file=sys.stderr)
        return float("nan")
    size, secs = res.stdout.split()
    print(f"html: {int(size) / 1e6:.1f} MB in {float(secs):.1f} s", file=sys.stderr)
    return int(size) / 1e6



def table(rows: list[dict]) -> str:
    head = (f"| N papers | digests | build s | build CPU-s | papers/s | peak MB | add 1 digest s, median of {ADDS} (in proc / process) | "
            "query p50 / p95 ms, most shared | p50 / p95 ms, median shared | cold CLI s (most / median) | HTML MB | store MB |")
    lines = [head, "|" + "|".join(["---"] * (head.count("|") - 1)) + "|"]
    for r in rows:
        html = "skipped" if r["html_mb"] is None else f"{r['html_mb']:.1f}"
        lines.append(f"| {r['n']:,} | {r['digests']:,} | {r['build_s']:.1f} | {r['build_cpu_s']:.0f} | {r['papers_s']:.0f} | {r['peak_mb']:.0f} | "
                     f"{r['add_s']:.2f} / {r['add_wall_s']:.2f} | {r['p50_ms']:.1f} / {r['p95_ms']:.1f} | "
                     f"{r['p50_typical_ms']:.2f} / {r['p95_typical_ms']:.2f} | {r['cold_s']:.2f} / {r['cold_typical_s']:.2f} | "
                     f"{html} | {r['store_mb']:.0f} |")
    lines.append("")
    lines.append("Build stages (s): " + "; ".join(
        f"N={r['n']:,}: " + ", ".join(f"{k} {v:.1f}" for k, v in r["stages"].items()) for r in rows))
    lines.append("")
    lines.append("Each add, in order, in process / whole process (s): " + "; ".join(
        f"N={r['n']:,}: " + ", ".join(f"{a:.2f} / {w:.2f}" for a, w in zip(r["adds_s"], r["adds_wall_s"])) for r in rows))
    lines.append("")
    lines.append("Incremental add stages of the median add (s): " + "; ".join(
        f"N={r['n']:,}: " + ", ".join(f"{k} {v:.2f}" for k, v in r["add_stages"].items()) for r in rows))
    lines.append("")
    lines.append("Query: " + "; ".join(f"N={r['n']:,}: most shared {r['query_benchmark']!r} ({r['query_rows']:,} papers), "
                                      f"median {r['typical_benchmark']!r} ({r['typical_rows']:,})" for r in rows))
    lines.append("")
    lines.append("Other query commands, cold `kg` process (s): " + "; ".join(
        f"N={r['n']:,}: shared {r['cold_others_s']['shared']:.2f}, related {r['related_to']} "
        f"{r['cold_others_s']['related']:.2f}, leaderboard most shared / median "
        f"{r['cold_others_s']['leaderboard']:.2f} / {r['cold_others_s']['leaderboard_typical']:.2f}" for r in rows))
    lines.append("")
    lines.append("Machine speed, extraction papers/s on one core before the build / after the queries: " + "; ".join(
        f"N={r['n']:,}: {r['speed_before']:.0f} / {r['speed_after']:.0f}" for r in rows))
    lines.append("")
    lines.append("Warm p50 through SPARQL alone (no benchmark table), most shared / median: " + "; ".join(
        f"N={r['n']:,}: {r['p50_sparql_ms']:.1f} / {r['p50_typical_sparql_ms']:.2f} ms" for r in rows))
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--workers", type=int, default=0, help="extraction processes (0: all cores)")
    ap.add_argument("--html-max", type=int, default=10000, help="measure the HTML size up to this N")
    ap.add_argument("--work", type=Path, default=None, help="scratch directory (default: a temporary one)")
    ap.add_argument("--write", type=Path, default=None, help="also write the results as JSON next to this markdown file")
    args = ap.parse_args(argv)
    import synth

    tpls = synth.templates()
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    rows = []
    for n in args.sizes:
        rows.append(bench_one(n, work, args.workers, args.html_max, tpls))
        print(table(rows), file=sys.stderr)
        if args.write:
            args.write.with_suffix(".json").write_text(json.dumps({"machine": machine(), "rows": rows}, indent=1))
    print(f"machine: {machine()}\n")
    print(table(rows))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
