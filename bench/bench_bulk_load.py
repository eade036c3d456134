"""Where a full build's store write goes: Oxigraph's bulk load of one store's N-Quads, variant by variant.

Dumps the store that ``kg build`` wrote (for example the 10k store of ``bench/bench_scale.py``) and
loads its N-Quads again, one core, in these ways, each timed once:

* as written (named graphs: six indexes per quad) into a fresh on-disk store;
* parsed only, into Python objects;
* into an in-memory store;
* with every quad moved to the default graph (three indexes per quad);
* with the mention, quote and result IRIs as blank nodes.

    .venv/bin/python bench/bench_bulk_load.py /tmp/kgb/out-10000/store/oxigraph
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

NQ = ox.RdfFormat.N_QUADS
_OWN_NODE = re.compile(r"<https://w3id.org/paperkg/(quote|mention|result)/([0-9a-f]+)(#selector)?>")


def _timed(label: str, load) -> None:
    t = time.perf_counter()
    load()
    print(f"| {label} | {time.perf_counter() - t:.2f} |")


def _to_disk(data: bytes, scratch: Path) -> None:
    shutil.rmtree(scratch, ignore_errors=True)
    ox.Store(str(scratch)).bulk_load(data, format=NQ, lenient=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path, help="an Oxigraph directory written by kg build (OUT/store/oxigraph)")
    args = ap.parse_args()
    buf = io.BytesIO()
    ox.Store.read_only(str(args.store)).dump(buf, format=NQ)
    data = buf.getvalue()
    text = data.decode("utf-8")
    quads = list(ox.parse(data, format=NQ, lenient=True))
    top = Counter(q.predicate.value for q in quads).most_common(3)
    print(f"{len(quads):,} quads, {len(data) / 1e6:.0f} MB of N-Quads; most frequent predicates: "
          + ", ".join(f"{p.rsplit('/', 1)[-1]} {n / len(quads):.0%}" for p, n in top))
    default_graph = re.sub(r" <[^>]*> \.\n", " .\n", text).encode("utf-8")
    blank = _OWN_NODE.sub(lambda m: f"_:{m.group(1)[0]}{m.group(2)}{'s' if m.group(3) else ''}", text).encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "store"
        print("| load | seconds |\n|---|---|")
        _timed("bulk_load into a fresh store, as written", lambda: _to_disk(data, scratch))
        _timed("parse only (Python objects)", lambda: list(ox.parse(data, format=NQ, lenient=True)))
        _timed("bulk_load into an in-memory store", lambda: ox.Store().bulk_load(data, format=NQ, lenient=True))
        _timed("bulk_load, every quad in the default graph", lambda: _to_disk(default_graph, scratch))
        _timed("bulk_load, own nodes as blank nodes", lambda: _to_disk(blank, scratch))


if __name__ == "__main__":
    main()
