"""Extraction quality on names no lexicon knows: ``kg eval`` with the gold names held out.

The seed gold is also the development set, and the lexicon knows most of its names, so ``kg
eval`` is an upper bound for days whose models and benchmarks are new.  This scores the same
build twice more, each time with a copy of the lexicon from which every entry naming a gold
entity (label or alias, normalised as entities are) has been removed:

* ``models, benchmarks, methods held out``: what a day of new models and benchmarks looks like
  (metrics stay: accuracy or pass@1 are the field's general vocabulary);
* ``all held out``: metrics too (a pessimistic bound: common metric words are lexicon knowledge).

    .venv/bin/python bench/heldout_lexicon.py ../shared/gold/2025-09-30.json seeds/

Several days at once: every ``*.json`` argument is a gold file, every other one a digest or folder
(``bench/heldout_days/README.md`` has the command for the read days).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kg  # noqa: E402
from kg.evaluate import TYPES, evaluate, load_gold, predictions_from_store  # noqa: E402
from kg.extract.lexicon_data import lexicon_dir  # noqa: E402
from kg.query import open_store  # noqa: E402
from kg.resolve.normalize import normalize  # noqa: E402

# the gold's entity lists, and the lexicon's entity files
GOLD_KINDS = {"models": ["models.jsonl", "generated/models_transformers.jsonl"],
              "benchmarks": ["benchmarks.jsonl", "generated/benchmarks_lm_eval.jsonl"],
              "methods": ["methods.jsonl"], "metrics": ["metrics.jsonl"]}


def gold_names(gold_files: list[Path], kinds) -> set[str]:
    """Every normalised name of the gold entities of ``kinds`` (proposed names count as methods
    and models: the gold lists them there too)."""
    papers = [p for f in gold_files for p in json.loads(f.read_text(encoding="utf-8"))["papers"]]
    return {normalize(n) for p in papers for k in kinds for group in p.get(k, []) for n in group}


def held_out_lexicon(names: set[str], out: Path) -> int:
    """A copy of the lexicon in ``out`` without the entries (of any type: a name the lexicon
    knows as anything is known) naming any of ``names``; returns how many were dropped."""
    shutil.copytree(lexicon_dir(), out)
    dropped = 0
    for files in GOLD_KINDS.values():
        for rel in files:
            path = out / rel
            keep = []
            for line in path.read_text(encoding="utf-8").splitlines():
                entry = json.loads(line) if line.strip() else {}
                entry_names = [entry.get("label", ""), *entry.get("aliases", [])]
                if any(n and normalize(n) in names for n in entry_names):
                    dropped += 1
                else:
                    keep.append(line)
            path.write_text("\n".join(keep) + "\n", encoding="utf-8")
    return dropped


def scores(paths, gold_files: list[Path], lexicon: str | None) -> dict:
    graph = kg.build(paths, lexicon_dir=lexicon)
    with tempfile.TemporaryDirectory() as tmp:
        kg.write_exports(graph, tmp, formats=(), html=False)
        return evaluate(load_gold(gold_files), predictions_from_store(open_store(tmp)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path, help="gold files (*.json) and the digests or folders to build (default: seeds/)")
    args = ap.parse_args()
    golds = [f for f in args.files if f.suffix == ".json"]
    paths = [str(f) for f in args.files if f.suffix != ".json"] or [str(ROOT / "seeds")]
    columns = (*TYPES, "shared_pairs")
    print("| lexicon | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    runs = [("full", None), ("models, benchmarks, methods held out", ["models", "benchmarks", "methods"]),
            ("all held out", list(GOLD_KINDS))]
    with tempfile.TemporaryDirectory() as tmp:
        for i, (label, kinds) in enumerate(runs):
            lexicon = None
            if kinds:
                dropped = held_out_lexicon(gold_names(golds, kinds), Path(tmp) / str(i))
                lexicon, label = str(Path(tmp) / str(i)), f"{label} ({dropped} entries)"
            s = scores(paths, golds, lexicon)
            print(f"| {label} | " + " | ".join(f"{s[k].f1:.3f}" for k in columns) + " |", flush=True)


if __name__ == "__main__":
    main()
