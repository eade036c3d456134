"""A deliberately simple regex baseline, scored by the same rules as ``kg eval``.

What a quick script does: every Latin-script token with a capital inside or a digit is a
name; names ending in Bench/QA/Eval or written as "X基准/数据集" are benchmarks, names with a
size (-7B) or "X模型" are models, a few metric words are metrics, everything else is a
method; the title's prefix before the colon is proposed.  Run::

    .venv/bin/python bench/baseline_regex.py ../shared/gold/2025-09-30.json seeds/
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.evaluate import TYPES, evaluate, load_gold  # noqa: E402
from kg.parse.collect import merge_papers, read_digests  # noqa: E402

NAME = re.compile(r"[A-Za-z][A-Za-z0-9'@.\-]*[A-Za-z0-9]")
METRICS = {"accuracy", "f1", "fid", "em", "pass@1", "bleu", "rouge", "psnr", "ssim", "fps", "latency"}


def extract(title: str, summary: str) -> dict[str, list[list[str]]]:
    text = f"{title}\n{summary}"
    out = {t: [] for t in TYPES}
    for m in NAME.finditer(text):
        name = m.group()
        if not (re.search(r".[A-Z]|\d|@", name)):
            continue
        after = text[m.end() : m.end() + 4]
        if name.lower() in METRICS:
            kind = "metrics"
        elif re.search(r"(Bench|QA|Eval)$", name) or re.match(r"(基准|数据集)", after):
            kind = "benchmarks"
        elif re.search(r"-\d+(\.\d+)?[BM]\b", name) or after.startswith("模型"):
            kind = "models"
        else:
            kind = "methods"
        if [name] not in out[kind]:
            out[kind].append([name])
    for zh, en in (("准确率", "accuracy"), ("成功率", "success rate")):
        if zh in text:
            out["metrics"].append([en, zh])
    if ":" in title:
        out["proposed"].append([title.split(":", 1)[0].strip()])
    return out


def main(gold_file: str, *paths: str) -> None:
    papers = merge_papers(read_digests(paths or ["seeds"]))
    predicted = {p.arxiv_id: extract(p.title, p.summary) for p in papers}
    scores = evaluate(load_gold([gold_file]), predicted)
    print(f"{'type':<13}{'P':>7}{'R':>7}{'F1':>7}")
    for kind in (*TYPES, "any", "shared_pairs"):
        s = scores[kind]
        print(f"{kind:<13}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
