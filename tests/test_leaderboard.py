"""``kg leaderboard`` and the leaderboard / best-result SPARQL queries (issue 4)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.leaderboard import best_results, leaderboard, leaderboards_from_graph, metric_direction
from results_helper import seed_build


@pytest.fixture(scope="module")
def seed():
    return seed_build("seeds")


@pytest.fixture(scope="module")
def graph_dir(seed, tmp_path_factory):
    d = tmp_path_factory.mktemp("exports")
    seed[4].serialize(destination=str(d / "graph.trig"), format="trig")
    return d


def test_leaderboard_by_label_and_alias(seed):
    store = seed[5]
    rows = leaderboard(store, "AIME'24")
    assert ("pass@1", "48.23", "Qwen3-8B-Base", "2509.22611", "39.69") in {
        (r["metric"], r["value"], r["model"], r["paper"], r["baseline"]) for r in rows}
    assert leaderboard(store, "aime 24") == rows


def test_metric_filter(seed):
    store = seed[5]
    assert {r["metric"] for r in leaderboard(store, "AIME'24", metric="pass@1")} == {"pass@1"}
    assert leaderboard(store, "AIME'24", metric="FID") == []


def test_overall_score_without_metric(seed):
    (row,) = leaderboard(seed[5], "OmniDocBench")
    assert (row["metric"], row["value"], row["unit"], row["model"], row["rank"]) == (None, "90.67", "points", "MinerU2.5", None)


def test_every_benchmark_with_results_answers(seed):
    g, store = seed[3], seed[5]
    benches = {d["benchmark"] for _, d in g.nodes(data=True) if d["type"] == "Result" and d["benchmark"]}
    assert benches
    for b in benches:
        assert leaderboard(store, g.nodes[b]["label"]), b


def test_direction():
    assert metric_direction(["FID"]) == "lower"
    assert metric_direction(["perplexity"]) == "lower"
    assert metric_direction(["latency"]) == "lower"
    assert metric_direction(["accuracy"]) == "higher"
    assert metric_direction(["success rate"]) == "higher"
    assert metric_direction(["error rate"]) == "lower"
    assert metric_direction(["foo"]) == "unknown"


def test_sorted_best_first_lower_is_better():
    """Two FID results on one benchmark: the lower one ranks first."""
    import networkx as nx
    import pyoxigraph as ox

    from kg.export.rdf import to_dataset
    from kg.graph import build_graph
    from kg.parse import Paper
    from kg.resolve import Entity, Resolution
    from kg.export.results_rdf import results_to_rdf
    from kg.results import ResultFact, add_results_to_graph

    papers = [Paper("2501.00001", "A", "https://arxiv.org/abs/2501.00001", ["2025-09-30"], "…"),
              Paper("2501.00002", "B", "https://arxiv.org/abs/2501.00002", ["2025-09-29"], "…")]
    r = Resolution({"imagenet": Entity("imagenet", "benchmark", "ImageNet"), "fid": Entity("fid", "metric", "FID"),
                    "sit": Entity("sit", "model", "SiT"), "dit": Entity("dit", "model", "DiT")}, [])
    g = build_graph(papers, r)
    add_results_to_graph(g, [ResultFact("2501.00001", "2.27", metric="fid", benchmark="imagenet", entity="dit", sentence="s1"),
                             ResultFact("2501.00002", "1.61", metric="fid", benchmark="imagenet", entity="sit", sentence="s2")])
    ds = results_to_rdf(g, to_dataset(g))
    store = ox.Store()
    store.load(ds.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS)
    rows = leaderboard(store, "imagenet")
    assert [(r["rank"], r["value"], r["model"]) for r in rows] == [(1, "1.61", "SiT"), (2, "2.27", "DiT")]
    best = best_results(store)
    assert [(b["benchmark"], b["metric"], b["best"], b["model"], b["direction"]) for b in best] == [("ImageNet", "FID", "1.61", "SiT", "lower")]
    assert [r["value"] for r in leaderboards_from_graph(g)["entity:imagenet"]] == ["1.61", "2.27"]
    assert isinstance(g, nx.MultiDiGraph)


def test_best_results_on_seed(seed):
    best = {(b["benchmark"], b["metric"]): b for b in best_results(seed[5])}
    assert best[("AIME'24", "pass@1")]["best"] == "48.23"
    assert best[("AndroidWorld", "success rate")]["best"] == "75.8"


def test_cli_formats(graph_dir):
    runner = CliRunner()
    res = runner.invoke(main, ["leaderboard", "AIME'24", "--graph", str(graph_dir)])
    assert res.exit_code == 0, res.output
    assert "48.23" in res.output and "Qwen3-8B-Base" in res.output
    res = runner.invoke(main, ["leaderboard", "AndroidWorld", "--graph", str(graph_dir), "--format", "json"])
    assert json.loads(res.output)[0]["value"] == "75.8"
    res = runner.invoke(main, ["leaderboard", "AIME'24", "--metric", "pass@1", "--graph", str(graph_dir), "--format", "csv"])
    assert res.output.splitlines()[0].startswith("metric,rank,value")
    res = runner.invoke(main, ["leaderboard", "NoSuchBench", "--graph", str(graph_dir)])
    assert res.exit_code != 0 and "no benchmark called 'NoSuchBench'" in res.output


def test_cli_a_known_benchmark_without_results_has_an_empty_leaderboard(seed, graph_dir):
    """Not an error (the benchmark scale run stopped on one): exit 0, '[]' as JSON, a note on stderr."""
    g = seed[3]
    with_results = {d["benchmark"] for _, d in g.nodes(data=True) if d.get("type") == "Result"}
    name = min(d["label"] for n, d in g.nodes(data=True) if d.get("type") == "Benchmark" and n not in with_results)
    res = CliRunner().invoke(main, ["leaderboard", name, "--graph", str(graph_dir), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == [] and "no results reported" in res.stderr
