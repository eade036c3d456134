"""Round trip through a real Oxigraph server: ``kg push`` (Graph Store Protocol) then
``kg query --endpoint`` (SPARQL 1.1 Protocol) answer like the local store."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.leaderboard import leaderboard
from kg.query import Endpoint, EndpointError, open_store, papers_by_benchmark, related_papers, select, shared_benchmarks

OXIGRAPH = Path(sys.executable).parent / "oxigraph"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    exe = OXIGRAPH if OXIGRAPH.is_file() else shutil.which("oxigraph")
    if not exe:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = _free_port()
    loc = tmp_path_factory.mktemp("oxigraph-server")
    proc = subprocess.Popen([str(exe), "serve", "--location", str(loc), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            if proc.poll() is not None:
                pytest.fail(f"oxigraph serve exited: {proc.stderr.read().decode(errors='replace')}")
            try:
                urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.05)
        else:
            pytest.fail("oxigraph serve did not answer within 10 s")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def built(tmp_path_factory, corpus_dir):
    from kg.store import build_store

    archive = tmp_path_factory.mktemp("archive")
    for d in sorted(corpus_dir.glob("*.md"))[:3]:
        shutil.copy(d, archive / d.name)
    out = tmp_path_factory.mktemp("out")
    build_store([archive], out, progress=False, workers=2, exports=False)
    return archive, out


def test_push_then_query_over_http(server, built):
    archive, out = built
    runner = CliRunner()
    res = runner.invoke(main, ["push", "--endpoint", server + "/store", "--graph", str(out)])
    assert res.exit_code == 0, res.output
    assert "pushed 4 named graph(s)" in res.output  # 3 days + entities
    local, remote = open_store(out), Endpoint(server + "/query")
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert select(remote, count)[1] == select(local, count)[1]
    assert papers_by_benchmark(remote, "AIME 24") == papers_by_benchmark(local, "AIME 24")
    assert papers_by_benchmark(remote, '"} DROP ALL #') == []
    assert shared_benchmarks(remote) == shared_benchmarks(local)
    pid = papers_by_benchmark(local, "ImageNet")[0]["id"]
    assert related_papers(remote, pid) == related_papers(local, pid)
    assert leaderboard(remote, "ImageNet") == leaderboard(local, "ImageNet")

    # the CLI
    res = runner.invoke(main, ["papers", "--benchmark", "imagenet", "--endpoint", server + "/query", "--format", "json"])
    assert res.exit_code == 0 and pid in res.output, res.output
    res = runner.invoke(main, ["query", "SELECT ?x WHERE {", "--endpoint", server + "/query"])
    assert res.exit_code != 0 and "syntax" in res.output.lower()

    # a second push sends nothing; --all sends everything again and the server holds the same
    res = runner.invoke(main, ["push", "--endpoint", server + "/store", "--graph", str(out)])
    assert "pushed 0 named graph(s)" in res.output, res.output
    res = runner.invoke(main, ["push", "--endpoint", server + "/store", "--graph", str(out), "--all"])
    assert res.exit_code == 0 and "pushed 4" in res.output
    assert select(remote, count)[1] == select(local, count)[1]


def test_push_after_an_incremental_build_sends_only_changes(server, built, corpus_dir):
    from kg.store import build_store

    archive, out = built
    runner = CliRunner()
    runner.invoke(main, ["push", "--endpoint", server + "/store", "--graph", str(out)])
    new_day = sorted(corpus_dir.glob("*.md"))[3]
    shutil.copy(new_day, archive / new_day.name)
    summary = build_store([archive], out, progress=False, workers=2, exports=False)
    res = runner.invoke(main, ["push", "--endpoint", server + "/store", "--graph", str(out)])
    assert res.exit_code == 0
    assert f"pushed {len(summary.graphs_replaced)} named graph(s)" in res.output
    local, remote = open_store(out), Endpoint(server + "/query")
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    assert select(remote, q)[1] == select(local, q)[1]


def test_unreachable_endpoint_is_a_clear_error():
    port = _free_port()
    with pytest.raises(EndpointError, match="cannot reach"):
        select(Endpoint(f"http://127.0.0.1:{port}/query", timeout=2), "ASK {}")
    res = CliRunner().invoke(main, ["shared", "--endpoint", f"http://127.0.0.1:{port}/query"])
    assert res.exit_code != 0 and "cannot reach" in res.output
