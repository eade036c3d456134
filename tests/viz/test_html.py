"""The explorer page as text: self-contained, escaped, laid out; focus and the ``kg viz`` command."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from kg.viz.html import BIG_GRAPH, NodeNotFound, find_node, graph_payload, neighbourhood, render_html


def _payload_of(html: str) -> dict:
    m = re.search(r"const DATA = (\{.*?\});\n", html)
    return json.loads(m.group(1))


def test_every_node_is_in_the_page_with_a_position(seed_graph):
    data = graph_payload(seed_graph)
    assert sorted(n["id"] for n in data["nodes"]) == sorted(seed_graph.nodes)
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len(data["edges"]) == seed_graph.number_of_edges()
    assert data["hide_one_offs"] is (seed_graph.number_of_nodes() > BIG_GRAPH)


def test_sizes_follow_paper_counts_and_papers_show_short_title_and_id(seed_graph):
    nodes = {n["id"]: n for n in graph_payload(seed_graph)["nodes"]}
    epo = nodes["paper:2509.22576"]
    assert epo["label"] == "EPO\n2509.22576" and epo["url"].startswith("https://arxiv.org/")
    entities = [n for n in nodes.values() if n["type"] != "Paper"]
    most = max(entities, key=lambda n: n["papers"])
    one = min(entities, key=lambda n: n["papers"])
    assert most["size"] > one["size"] and most["font"] > one["font"]
    assert one["one"] and not most["one"]


def test_page_is_self_contained_and_deterministic(seed_graph):
    html = render_html(seed_graph)
    assert html == render_html(seed_graph)
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b[^>]*\b(src|href)\s*=", html, re.I)
    assert "@import" not in html and not re.search(r"url\(\s*['\"]?https?:", html)
    assert "default-src 'none'" in html  # the CSP forbids any fetch
    assert "{{TITLE}}" not in html and "/*GRAPH_JSON*/" not in html


def test_hostile_text_stays_data(hostile_graph, xss):
    html = render_html(hostile_graph, title="<script>alert(1)</script>")
    assert html.count("</script") == 2  # the two closing tags of the page's own scripts
    assert "<img" not in html and "<svg" not in html and "<b onmouseover" not in html
    assert "&lt;script>alert(1)&lt;/script></title>" in html
    data = _payload_of(html)
    names = {n["id"]: n.get("name") for n in data["nodes"]}
    assert names["paper:2509.00001"] == xss["title"]  # {{TITLE}} inside data is not substituted
    assert names["entity:evil"] == xss["label"]
    assert [e["ev"] for e in data["edges"] if e["rel"] == "evaluatesOn"][0] == [[xss["sentence"], ["2025-09-30"]]]


def test_results_feed_the_leaderboard_and_are_not_drawn(hostile_graph):
    data = graph_payload(hostile_graph)
    assert not any(n["type"] == "Result" for n in data["nodes"])
    assert sorted(r["value"] for r in data["results"]) == [71.5, 80.25]
    assert {r["benchmark"] for r in data["results"]} == {"entity:evil"}


def test_one_offs_hidden_by_default_only_on_big_graphs(seed_graph):
    assert graph_payload(seed_graph, hide_one_offs=True)["hide_one_offs"] is True
    assert graph_payload(seed_graph)["hide_one_offs"] is False  # 357 nodes <= BIG_GRAPH


def test_find_node_by_id_arxiv_name_and_alias(seed_graph):
    assert find_node(seed_graph, "entity:vbench") == "entity:vbench"
    assert find_node(seed_graph, "vbench") == "entity:vbench"
    assert find_node(seed_graph, "2509.22576") == "paper:2509.22576"
    assert find_node(seed_graph, "视觉语言模型") == "keyword:视觉语言模型"
    with pytest.raises(NodeNotFound, match="no node named"):
        find_node(seed_graph, "no such thing at all")


def test_neighbourhood_of_a_benchmark(seed_graph):
    sub, center = neighbourhood(seed_graph, "VBench", 1)
    papers = set(seed_graph.predecessors("entity:vbench"))
    assert center == "entity:vbench" and set(sub) == papers | {center}
    sub2, _ = neighbourhood(seed_graph, "VBench", 2)
    assert set(sub) < set(sub2)
    assert graph_payload(sub, focus=center)["focus"] == center


def test_kg_viz_command_focus(tmp_path, monkeypatch, seed_graph):
    import kg
    from kg.cli import main

    monkeypatch.setattr(kg, "build", lambda paths, **kw: seed_graph)
    out = tmp_path / "vbench.html"
    res = CliRunner().invoke(main, ["viz", "seeds", "--focus", "VBench", "--depth", "1", "--out", str(out)])
    assert res.exit_code == 0, res.output
    data = _payload_of(out.read_text(encoding="utf-8"))
    assert data["focus"] == "entity:vbench"
    assert len(data["nodes"]) == 1 + len(set(seed_graph.predecessors("entity:vbench")))
    bad = CliRunner().invoke(main, ["viz", "--focus", "nothing-like-this", "--out", str(tmp_path / "x.html")])
    assert bad.exit_code != 0 and "no node named" in bad.output
    whole = CliRunner().invoke(main, ["viz", "--out", str(tmp_path / "all.html")])
    assert whole.exit_code == 0 and f"({seed_graph.number_of_nodes()} nodes" in whole.output
