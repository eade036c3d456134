#!/usr/bin/env python3
"""Generate kg/extract/lexicon/generated/benchmarks_lm_eval.jsonl from the task
catalogue of the PyPI package ``lm-eval`` (EleutherAI's evaluation harness).

The package is read, never imported: its ``lm_eval/tasks/<family>/`` folders are the
benchmark families (subtasks such as ``mmlu_abstract_algebra`` collapse into their
folder, i.e. MMLU).  The display name of a family comes from, in this order:

1. the casing table ``DISPLAY`` below (``None`` there means: not a benchmark name, skip);
2. the README's ``# Title`` heading, or the prefix of its ``Title: `X: ...``` line,
   accepted only when it spells the folder name (so a copied README does not rename it).

Families whose only derivable name is lower case are skipped, names that are ordinary
English words are skipped when lower case and marked ``case_sensitive`` otherwise
(RACE, SWAG, ...), and names in ``not_entities.jsonl`` are dropped.  A few notable
subtasks that are benchmarks in their own right (GLUE/SuperGLUE members, ARC-Easy,
MuSR, SCROLLS members ...) are taken from ``SUBTASKS`` when the catalogue has them.

Usage::

    python scripts/lexicon_from_lm_eval.py                  # installed lm_eval, else pip download
    python scripts/lexicon_from_lm_eval.py --wheel lm_eval-0.4.13-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
LEXICON = ROOT / "kg" / "extract" / "lexicon"
OUTPUT = LEXICON / "generated" / "benchmarks_lm_eval.jsonl"

# Folder name -> display label (None: skip, not a benchmark name or too ambiguous).
DISPLAY: dict[str, str | None] = {
    "arc": "ARC", "arc_mt": None, "arithmetic": None, "bbh": "BIG-Bench Hard",
    "benchmarks": None, "bangla": None, "bigbench": "BIG-bench", "c4": "C4",
    "ceval": "C-Eval", "cnn_dailymail": "CNN/DailyMail", "code_x_glue": "CodeXGLUE",
    "common_voice": "Common Voice", "commonsense_qa": "CommonsenseQA", "fda": None,
    "gsm8k": "GSM8K", "gsm8k_platinum": "GSM8K-Platinum", "gsm_plus": "GSM-Plus",
    "hendrycks_ethics": "ETHICS", "hendrycks_math": "MATH", "humaneval_infilling": "HumanEval-Infilling",
    "inverse_scaling": None, "japanese_leaderboard": None, "arabic_leaderboard_complete": None,
    "arabic_leaderboard_light": None, "kbl": "KBL", "kmmlu": "KMMLU", "leaderboard": None,
    "lambada_multilingual": "LAMBADA", "lambada_multilingual_stablelm": None, "kobest": "KoBEST",
    "llama3": None, "minerva_math": "Minerva Math", "mmlu-pro-plus": "MMLU-Pro+",
    "mmlu-redux": "MMLU-Redux", "mmlu-redux-spanish": None, "mmlu_pro": "MMLU-Pro", "mmmu": "MMMU",
    "model_written_evals": "Model-Written Evaluations", "nq_open": "Natural Questions",
    "openai-mmmlu": "MMMLU", "pile": "The Pile", "pile_10k": None, "score": None,
    "simple_cooccurrence_bias": None, "squad_completion": None, "squadv2": "SQuAD 2.0",
    "storycloze": "StoryCloze", "tinyBenchmarks": "tinyBenchmarks", "translation": None,
    "triviaqa": "TriviaQA", "tydiqa": "TyDi QA", "unitxt": None, "unscramble": None,
    "webqs": "WebQuestions", "wikitext": "WikiText", "wmt2016": "WMT16", "xwinograd": "XWinograd",
    "global_piqa": "Global PIQA", "blimp": "BLiMP", "chartqa": "ChartQA", "ruler": "RULER",
    "libra": "LIBRA", "mela": "MELA", "click": "CLIcK", "mc_taco": "MC-TACO",
    "meddialog": "MedDialog", "med_prescriptions": None, "med_text_classification": None,
    "jfinqa": None, "indicxnli": "IndicXNLI", "aime": "AIME", "siqa": "SIQA",
    "mediqa_qa2019": "MEDIQA-QA 2019", "mimic_repsum": None, "lm_syneval": "LM-SynEval",
    "arab_culture_completion": None, "arab_culture": None, "haerae": "HAE-RAE Bench",
    "truthfulqa-multi": "TruthfulQA-Multi", "cabbq": "CaBBQ", "esbbq": "EsBBQ",
    "bhs": "BHS", "mastermind": "MastermindEval", "graphwalks": "GraphWalks",
    "jsonschema_bench": "JSONSchemaBench", "uncheatable_eval": None, "e2lmc": None,
    "egyhellaswag": "EgyHellaSwag", "egymmlu": "EgyMMLU", "darija_bench": "DarijaBench",
    "physics_gre": None, "moral_stories": "Moral Stories", "histoires_morales": "Histoires Morales",
    "winogender": "Winogender", "icelandic_winogrande": None, "toksuite": None,
    "babilong": "BABILong", "longbench2": "LongBench v2", "wsc273": "WSC273", "swde": "SWDE",
    "okapi": None, "metabench": None, "include": "INCLUDE", "mutual": "MuTual",
    "bear": "BEAR", "prost": "PROST", "paloma": "Paloma", "medtext": None, "olaph": "OLAPH",
    "noreval": "NorEval", "evalita_llm": "Evalita-LLM", "nerel-bench": "NEREL-bench",
}

# Subtasks (path under lm_eval/tasks/, folder or yaml stem) that are benchmarks in their own right.
SUBTASKS: dict[str, str] = {
    "glue/cola": "CoLA", "glue/mnli": "MNLI", "glue/mrpc": "MRPC", "glue/qnli": "QNLI",
    "glue/qqp": "QQP", "glue/rte": "RTE", "glue/sst2": "SST-2", "glue/wnli": "WNLI",
    "super_glue/boolq": "BoolQ", "super_glue/copa": "COPA", "super_glue/multirc": "MultiRC",
    "super_glue/record": "ReCoRD", "super_glue/wic": "WiC", "super_glue/wsc": "WSC",
    "super_glue/cb": "CommitmentBank",
    "leaderboard/musr": "MuSR", "leaderboard/math": "MATH-Hard",
    "arc/arc_easy": "ARC-Easy", "arc/arc_challenge": "ARC-Challenge",
    "hendrycks_math/hendrycks_math500": "MATH500", "humaneval/humaneval_plus": "HumanEval+",
    "mbpp/mbpp_plus": "MBPP+", "scrolls/scrolls_contractnli": "ContractNLI",
    "scrolls/scrolls_govreport": "GovReport", "scrolls/scrolls_narrativeqa": "NarrativeQA",
    "scrolls/scrolls_qasper": "Qasper", "scrolls/scrolls_qmsum": "QMSum",
    "scrolls/scrolls_quality": "QuALITY", "scrolls/scrolls_summscreenfd": "SummScreenFD",
    "longbench/2wikimqa": "2WikiMultiHopQA", "longbench/hotpotqa": "HotpotQA",
    "longbench/musique": "MuSiQue", "longbench/qmsum": "QMSum", "longbench/multi_news": "Multi-News",
    "longbench/trec": "TREC", "longbench/samsum": "SAMSum", "longbench/lcc": "LCC",
    "gpqa/gpqa_diamond": "GPQA Diamond", "truthfulqa/truthfulqa_mc1": "TruthfulQA",
}

# Names that are ordinary words (casefolded, normalized): never matched in lower case.
ORDINARY = {
    "race", "arithmetic", "lambada", "squad", "copa", "story", "logic", "drop", "arc", "math",
    "glue", "swag", "pile", "mutual", "include", "click", "score", "bear", "prost", "paloma",
    "ruler", "libra", "mela", "pisa", "translation", "unscramble", "leaderboard", "benchmarks",
    "wsc", "record", "trec", "quality", "ethics", "aime", "coqa", "cola", "wic", "belebele",
    "noticia", "bhs", "fda", "olaph", "kbl", "careqa", "swde", "siqa", "sciq", "lcc",
}

_DROP = re.compile(r"[\s\-_.'`()\[\]{}/:,]+")


def normalize(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold().replace("\u2019", "'")
    return _DROP.sub("", text)


def _alnum(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", normalize(text))


def spells_folder(candidate: str, folder: str) -> bool:
    a, b = _alnum(folder), _alnum(candidate)
    if not a or not b:
        return False
    return a == b or (len(b) >= 3 and b in a and len(b) >= 0.5 * len(a)) or (a in b and len(a) >= 0.6 * len(b))


def readme_candidates(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        s = line.strip()
        m = re.match(r"^#\s+(.+)$", s)
        if m:
            title = m.group(1).strip()
            out.append(title)
            out.append(re.split(r"[:(]", title)[0].strip())
        m = re.match(r"^Title:\s*[`\[]?([^`\]]+)", s)
        if m:
            out.append(re.split(r":", m.group(1))[0].strip())
    return [c for c in out if c and c.lower() != "task-name" and len(c) <= 40]


class Catalogue:
    """Read-only view of lm_eval/tasks from an unpacked package or a wheel."""

    def __init__(self, files: dict[str, callable], version: str, origin: str):
        self.files, self.version, self.origin = files, version, origin

    @classmethod
    def from_wheel(cls, wheel: pathlib.Path) -> "Catalogue":
        zf = zipfile.ZipFile(wheel)
        files = {n: (lambda n=n: zf.read(n).decode("utf-8", "replace")) for n in zf.namelist()}
        version = ""
        for name in files:
            if name.endswith(".dist-info/METADATA"):
                for line in files[name]().splitlines():
                    if line.startswith("Version:"):
                        version = line.split(":", 1)[1].strip()
                        break
        return cls(files, version, wheel.name)

    @classmethod
    def from_installed(cls) -> "Catalogue | None":
        spec = importlib.util.find_spec("lm_eval")
        if spec is None or not spec.submodule_search_locations:
            return None
        from importlib.metadata import version

        pkg = pathlib.Path(list(spec.submodule_search_locations)[0])
        files = {}
        for path in (pkg / "tasks").rglob("*"):
            if path.is_file():
                rel = "lm_eval/" + path.relative_to(pkg).as_posix()
                files[rel] = lambda p=path: p.read_text(encoding="utf-8", errors="replace")
        return cls(files, version("lm-eval"), "installed lm_eval")

    def families(self) -> list[str]:
        return sorted({n.split("/")[2] for n in self.files if n.startswith("lm_eval/tasks/") and n.count("/") >= 3})

    def has(self, sub: str) -> bool:
        prefix = f"lm_eval/tasks/{sub}"
        return any(n.startswith(prefix + "/") or n == prefix + ".yaml" for n in self.files)

    def readme(self, family: str) -> str:
        getter = self.files.get(f"lm_eval/tasks/{family}/README.md")
        return getter() if getter else ""


def pip_download(dest: pathlib.Path, requirement: str) -> pathlib.Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", requirement, "-d", str(dest)],
                   check=True, stdout=subprocess.DEVNULL)
    wheels = sorted(dest.glob("lm_eval-*.whl"))
    if not wheels:
        raise SystemExit("pip download gave no lm_eval wheel")
    return wheels[-1]


def load_stoplist() -> set[str]:
    path = LEXICON / "not_entities.jsonl"
    if not path.exists():
        return set()
    return {json.loads(l)["text"].casefold() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()}


def build(cat: Catalogue) -> list[dict]:
    stop = load_stoplist()
    found: dict[str, dict] = {}

    def add(label: str | None, task: str):
        if not label:
            return
        key = normalize(label)
        if label.casefold() in stop or key in stop:
            return
        ordinary = key in ORDINARY
        if label == label.lower() and (ordinary or not re.search(r"\d", label)):
            return  # lowercase-only name: casing unknown or an ordinary word
        entry = found.setdefault(key, {"label": label, "aliases": [], "tasks": []})
        entry["tasks"].append(task)
        if ordinary or len(key) <= 3:
            entry["case_sensitive"] = True

    for family in cat.families():
        if family in DISPLAY:
            add(DISPLAY[family], family)
            continue
        label = next((c for c in readme_candidates(cat.readme(family)) if spells_folder(c, family)), None)
        add(label, family)
    for sub, label in SUBTASKS.items():
        if cat.has(sub):
            add(label, sub)
    rows = []
    for entry in sorted(found.values(), key=lambda e: e["label"].casefold()):
        row = {"label": entry["label"], "aliases": entry["aliases"]}
        if entry.get("case_sensitive"):
            row["case_sensitive"] = True
        rows.append(row)
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=pathlib.Path, help="an lm_eval wheel to read (default: installed package, else pip download)")
    parser.add_argument("--requirement", default="lm-eval", help="what pip downloads when nothing else is given")
    parser.add_argument("--output", type=pathlib.Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.wheel:
            cat = Catalogue.from_wheel(args.wheel)
        else:
            cat = Catalogue.from_installed() or Catalogue.from_wheel(pip_download(pathlib.Path(tmp), args.requirement))
        rows = build(cat)
    meta = {"_meta": {"source": "lm-eval", "version": cat.version, "date": dt.date.today().isoformat(),
                      "generated_by": "scripts/lexicon_from_lm_eval.py", "read_from": cat.origin,
                      "type": "benchmark", "entries": len(rows)}}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(meta, ensure_ascii=False) + "\n")
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} benchmarks from lm-eval {cat.version} to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
