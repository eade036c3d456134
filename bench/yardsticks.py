"""The issue's own yardsticks, measured on this machine now, beside the numbers the issue gives.

Issue 7 sets its targets "on this 2-core machine" and gives, "for scale, measured here", three
yardsticks: reading the text and splitting it into papers with one regex (about 35,000
papers/s), a naive regex entity extractor (about 4,500 papers/s), and a throwaway script that
runs that scan and writes Turtle with rdflib (about 900 papers/s at 10,000 papers, 11 s to add
one day, 1.8 s to answer one query).  This VM's speed varies between sessions (see
``machine.py``); running the same yardsticks now says how fast it is against the machine the
targets were set on, so a build time can be read beside them.

    .venv/bin/python bench/synth.py 10000 /tmp/archive-10k
    .venv/bin/python bench/yardsticks.py /tmp/archive-10k

The naive extractor is the project's regex baseline (``baseline_regex.extract``). The throwaway
script is what the issue describes, written plainly: that scan, one rdflib Graph,
``serialize(format="turtle")``; adding a day parses the Turtle back, adds the day's papers and
writes it again; a query parses the Turtle and runs one SPARQL query in rdflib.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from baseline_regex import extract as naive_entities  # noqa: E402
from machine import machine  # noqa: E402

ISSUE = {"split": 35_000, "naive": 4_500, "throwaway": 900, "add": 11.0, "query": 1.8}  # issue 7's numbers
_PAPER = re.compile(r"^## \[(?P<title>.*?)\]\((?P<url>[^)]*)\)\s*\n(?P<body>.*?)(?=^## |\Z)", re.M | re.S)
_CLASS = {"benchmarks": "Benchmark", "models": "Model", "methods": "Method", "metrics": "Metric", "proposed": "Proposed"}


def split(texts: list[str]) -> list[tuple[str, str, str]]:
    """(title, url, body) of every paper: one regex over each digest's text."""
    return [(m["title"], m["url"], m["body"]) for t in texts for m in _PAPER.finditer(t)]


def throwaway_graph(papers, graph=None):
    """The throwaway script's graph: a paper node, its title, and a link per naive entity."""
    from rdflib import Graph, Literal, Namespace, URIRef
    from rdflib.namespace import RDF

    ex = Namespace("https://example.org/")
    g = graph if graph is not None else Graph()
    for title, url, body in papers:
        p = URIRef(url)
        g.add((p, RDF.type, ex.Paper))
        g.add((p, ex.title, Literal(title)))
        for kind, entities in naive_entities(title, body).items():
            for names in entities:
                e = ex["e/" + re.sub(r"\W", "_", names[0])]
                g.add((e, RDF.type, ex[_CLASS[kind]]))
                g.add((p, ex.mentions, e))
    return g


def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds else float("inf")


def main(argv=None) -> None:
    from rdflib import Graph

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("archive", type=Path, help="a folder of digest files (bench/synth.py)")
    args = ap.parse_args(argv)
    files = sorted(args.archive.glob("*.md"))
    *old, new = files
    got = {}

    t = time.perf_counter()
    texts = [f.read_text(encoding="utf-8") for f in old]
    papers = split(texts)
    got["split"] = rate(len(papers), time.perf_counter() - t)

    t = time.perf_counter()
    for title, _, body in papers:
        naive_entities(title, body)
    got["naive"] = rate(len(papers), time.perf_counter() - t)

    with tempfile.TemporaryDirectory() as tmp:
        ttl = Path(tmp) / "graph.ttl"
        t = time.perf_counter()
        throwaway_graph(split([f.read_text(encoding="utf-8") for f in old])).serialize(ttl, format="turtle")
        got["throwaway"] = rate(len(papers), time.perf_counter() - t)

        t = time.perf_counter()
        g = Graph().parse(ttl, format="turtle")
        throwaway_graph(split([new.read_text(encoding="utf-8")]), g).serialize(ttl, format="turtle")
        got["add"] = time.perf_counter() - t

        t = time.perf_counter()
        g = Graph().parse(ttl, format="turtle")
        list(g.query("""PREFIX ex: <https://example.org/>
            SELECT ?p WHERE { ?p ex:mentions ?b . ?b a ex:Benchmark } LIMIT 100"""))
        got["query"] = time.perf_counter() - t

    print(f"{len(papers):,} papers ({len(old)} digests), then one more digest; {machine()}")
    print("| yardstick | issue 7 | now | now / issue |")
    print("|---|---|---|---|")
    rows = [("split into papers (papers/s)", "split", True), ("naive regex extractor (papers/s)", "naive", True),
            ("throwaway scan + rdflib Turtle (papers/s)", "throwaway", True), ("throwaway: add one day (s)", "add", False),
            ("throwaway: one query (s)", "query", False)]
    for label, key, higher_better in rows:
        speed = got[key] / ISSUE[key] if higher_better else ISSUE[key] / got[key]
        print(f"| {label} | {ISSUE[key]:,} | {got[key]:,.1f} | {speed:.2f} |")


if __name__ == "__main__":
    main()
