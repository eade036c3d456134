"""``kg push --endpoint URL``: upload the graph to a SPARQL 1.1 server, one named graph per digest.

Uses the SPARQL 1.1 Graph Store HTTP Protocol: ``PUT URL?graph=IRI`` with the graph as
N-Triples replaces that named graph on the server, so pushing twice changes nothing.  Only
graphs that changed since the last push to the same URL are sent (``DIR/store/pushed.json``
remembers their fingerprints); ``--all`` sends every graph.

URL is the server's Graph Store endpoint: Oxigraph ``http://HOST:7878/store``, Fuseki
``http://HOST:3030/DATASET/data``, GraphDB ``http://HOST:7200/repositories/REPO/rdf-graphs/service``,
Virtuoso ``http://HOST:8890/sparql-graph-crud`` (authenticated: ``.../sparql-graph-crud-auth``).
"""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import click
import pyoxigraph as ox

from kg.query import GraphNotFound, open_store


def _put(url: str, graph: str, data: bytes, auth: str | None, timeout: float) -> None:
    sep = "&" if "?" in url else "?"
    target = f"{url}{sep}graph={urllib.parse.quote(graph, safe='')}"
    headers = {"Content-Type": "application/n-triples"}
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(auth.encode("utf-8")).decode("ascii")
    req = urllib.request.Request(target, data=data, method="PUT", headers=headers)
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        resp.read()


def push_graphs(store, endpoint: str, graphs=None, *, auth: str | None = None, timeout: float = 300.0) -> list[str]:
    """PUT each named graph of ``store`` (or those in ``graphs``) to the Graph Store ``endpoint``."""
    names = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    if graphs is not None:
        names = [n for n in names if n in graphs]
    for name in names:
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))
        _put(endpoint, name, data, auth, timeout)
    return names


@click.command("push")
@click.option("--endpoint", required=True, metavar="URL", help="Graph Store HTTP Protocol endpoint, e.g. http://localhost:7878/store.")
@click.option("--graph", "graph_dir", default="exports", show_default=True, type=click.Path(path_type=Path), help="Directory that 'kg build --out' wrote.")
@click.option("--all", "push_all", is_flag=True, help="Send every named graph, not only those changed since the last push.")
@click.option("--user", default=None, metavar="USER:PASSWORD", envvar="KG_PUSH_AUTH", help="HTTP basic auth (or $KG_PUSH_AUTH).")
def push_cmd(endpoint, graph_dir, push_all, user):
    """Upload the graph to a SPARQL 1.1 server (one named graph per digest, replaced in place)."""
    try:
        store = open_store(graph_dir)
    except GraphNotFound as exc:
        raise click.ClickException(str(exc)) from None
    state_file = graph_dir / "store" / "state.json"
    pushed_file = graph_dir / "store" / "pushed.json"
    fingerprints = {}
    if state_file.is_file():
        fingerprints = json.loads(state_file.read_text(encoding="utf-8")).get("graphs", {})
    pushed = {}
    if pushed_file.is_file() and not push_all:
        pushed = json.loads(pushed_file.read_text(encoding="utf-8")).get(endpoint, {})
    todo = None
    if fingerprints and not push_all:
        todo = {g for g, fp in fingerprints.items() if pushed.get(g) != fp}
    try:
        sent = push_graphs(store, endpoint, todo, auth=user)
    except urllib.error.HTTPError as exc:
        raise click.ClickException(f"{endpoint}: HTTP {exc.code} {exc.reason}: {exc.read().decode('utf-8', 'replace')[:300]}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise click.ClickException(f"{endpoint}: cannot reach the server ({getattr(exc, 'reason', exc)})") from None
    if fingerprints and pushed_file.parent.is_dir():
        all_pushed = json.loads(pushed_file.read_text(encoding="utf-8")) if pushed_file.is_file() else {}
        all_pushed[endpoint] = {g: fp for g, fp in fingerprints.items()}
        tmp = pushed_file.with_name(f".pushed.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(all_pushed, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, pushed_file)
    click.echo(f"pushed {len(sent)} named graph(s) to {endpoint}" + ("" if todo is None else f" ({len(fingerprints) - len(sent)} unchanged)"))
