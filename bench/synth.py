"""A synthetic archive of N papers made from the real corpus, for scale benchmarks.

Each synthetic paper is a real paper of ``../shared/corpus`` (round robin) with a new arXiv id
and its benchmark and model names (those the lexicon finds in it) replaced by names drawn
from a Zipf-like pool (P(rank r) ~ 1/r^1.1 over the lexicon's benchmarks / models, shuffled
with a fixed seed), so a few benchmarks are shared by thousands of papers and most by a
handful, as in real data.  Papers go 40 to a daily digest, on working days from 2015-01-01.

    .venv/bin/python bench/synth.py 10000 /tmp/archive-10k
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import random
import re
import sys
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
PER_DAY = 40
_HEAD = re.compile(r"^## \[(?P<title>.*)\]\((?P<url>[^)]*)\)\s*$", re.M)


def templates(corpus: Path = CORPUS) -> list[dict]:
    """The corpus papers as raw blocks, with the benchmark/model surfaces the lexicon finds in them."""
    from kg.extract.pipeline import extract_docs
    from kg.parse import collect_digests, merge_papers, parse_digest

    blocks = {}
    for path in sorted(corpus.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        heads = list(_HEAD.finditer(text))
        for i, m in enumerate(heads):
            end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
            blocks[m.group("url")] = text[m.start():end].rstrip() + "\n"
    papers = merge_papers([parse_digest(p) for p in collect_digests([corpus])])
    out = []
    for paper, doc in zip(papers, extract_docs(papers)):
        block = blocks.get(paper.url)
        if block is None:
            continue
        names = {}
        for s in doc.spans["lexicon"]:
            if s.label_ in ("benchmark", "model") and len(s.text) >= 3:
                names[s.text] = s.label_
        out.append({"block": block, "url": paper.url, "names": names})
    return out


class Zipf:
    def __init__(self, items, rng, s=1.1):
        self.items = list(items)
        rng.shuffle(self.items)
        self.cum = list(accumulate(1.0 / (r ** s) for r in range(1, len(self.items) + 1)))
        self.rng = rng

    def draw(self) -> str:
        return self.items[bisect.bisect_left(self.cum, self.rng.random() * self.cum[-1])]


def pools(rng):
    from kg.extract.lexicon_data import load_lexicon

    lex = load_lexicon()
    return {t: Zipf(sorted({e.label for e in lex if e.type == t and len(e.label) >= 3}), rng) for t in ("benchmark", "model")}


def working_days(start=dt.date(2015, 1, 1)):
    d = start
    while True:
        if d.weekday() < 5:
            yield d
        d += dt.timedelta(days=1)


def paper_text(tpl: dict, arxiv_id: str, pool: dict, rng) -> str:
    block = tpl["block"].replace(tpl["url"], f"https://arxiv.org/abs/{arxiv_id}", 1)
    # replace longest names first, through placeholders so a replacement is never replaced again
    names = sorted(tpl["names"], key=len, reverse=True)
    subs = {}
    for i, name in enumerate(names):
        token = f"\x00{i}\x00"
        block = block.replace(name, token)
        subs[token] = pool[tpl["names"][name]].draw()
    for token, new in subs.items():
        block = block.replace(token, new)
    return block


def generate(n: int, out: Path, *, seed: int = 7, start_index: int = 0, days=None, tpls=None) -> list[Path]:
    """Write ``n`` papers into ``out`` as daily digests of 40; returns the files written."""
    rng = random.Random(seed + start_index)
    tpls = tpls or templates()
    pool = pools(random.Random(seed))  # the same pool ranking for every part of an archive
    out.mkdir(parents=True, exist_ok=True)
    days = days or working_days()
    files = []
    i = start_index
    per_month: dict[str, int] = {}
    # a later part (the benchmark's incremental digests) numbers its papers from 90001 in its month,
    # so its ids never collide with the archive's (a month holds at most ~1,000 papers), and from
    # there on by its place after the archive, so two later parts in one month do not collide either
    first = 90000 + start_index % 9000 if start_index else 0
    while i < start_index + n:
        day = next(days)
        chunk = min(PER_DAY, start_index + n - i)
        parts = [f"# Papers for {day.isoformat()}\n\n"]
        for _ in range(chunk):
            ym = day.strftime("%y%m")
            per_month[ym] = per_month.get(ym, first) + 1
            arxiv_id = f"{ym}.{per_month[ym]:05d}"
            parts.append(paper_text(tpls[i % len(tpls)], arxiv_id, pool, rng) + "\n")
            i += 1
        path = out / f"{day.isoformat()}.md"
        path.write_text("".join(parts), encoding="utf-8")
        files.append(path)
    return files


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    files = generate(args.n, args.out, seed=args.seed)
    print(f"{args.n} papers in {len(files)} digests under {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
