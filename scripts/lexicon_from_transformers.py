#!/usr/bin/env python3
"""Generate kg/extract/lexicon/generated/models_transformers.jsonl from the model
family display names of the PyPI package ``transformers`` (``MODEL_NAMES_MAPPING`` in
``transformers/models/auto/configuration_auto.py``; transformers 5 dropped it, so the
default is ``transformers<5``).

The package is read, never imported (the mapping is parsed with ``ast``).  Dropped:
class-like names (``...ForCausalLM``, ``...VisionModel``, ``...Encoder``), generic
wrappers (``Encoder decoder``), architectures the annotation guide excludes
(ResNet, Mamba, MoE variants ...), names in ``not_entities.jsonl`` and names that the
curated lexicon already has under another type.  Names that are ordinary words or
very short are marked ``case_sensitive``; a few too ambiguous to match at all are skipped.

Usage::

    python scripts/lexicon_from_transformers.py                      # pip download transformers<5
    python scripts/lexicon_from_transformers.py --wheel transformers-4.57.6-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
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
OUTPUT = LEXICON / "generated" / "models_transformers.jsonl"

CLASSLIKE = re.compile(
    r"(For[A-Z]\w+|VisionModel|TextModel|Model|Encoder|Backbone|Wrapper|QFormer|VisionTransformer|"
    r"Phoneme|WithHifiGan|MoE|Moe|MOE|Dense|Hybrid|Vision)$")
SKIP = {
    # generic wrappers / not one model
    "encoder decoder", "speech encoder decoder", "vision encoder decoder", "visiontextdualencoder",
    "timmbackbone", "timmwrapper", "time series transformer", "openai gpt", "fairseq machine-translation",
    # architectures per the guide, or methods
    "resnet", "mamba", "mamba2", "rag", "transformer-xl", "decision transformer", "xlstm", "perceiver",
    "funnel transformer", "switchtransformers", "regnet", "upernet",
    # ordinary words too ambiguous to match even with their casing
    "dia", "doge", "helium", "marian", "mimi", "git", "led", "align", "ctrl", "clap", "van", "nat",
    "mvp", "tvp", "mra", "splinter", "bort", "cpm", "csm", "dac", "mms", "sew", "tvlt", "yoso", "canine",
    "realm", "mega", "luke", "informer", "bamba", "arcee", "evolla", "textnet", "blt",
    # named after the dataset it was trained on, which papers cite more often than the model
    "madlad-400",
    # internal class-style names rather than the names papers use
    "mllama", "lfm2vl", "kyutaispeechtotext", "modernbertdecoder", "edgetamvideo", "instructblipvideo",
    "unispeechsat", "data2vecaudio", "data2vectext", "dinov2 with registers", "dinov3 convnext",
    "dinov3 vit", "table transformer", "trajectory transformer", "audio spectrogram transformer",
    "openai gpt-2", "roberta-prelayernorm", "rt-detr-resnet", "hunyuandensev1", "bert generation",
    "bertjapanese", "gpt neox japanese", "gptsan-japanese", "xlsr-wav2vec2", "maskformerswin",
    "donutswin", "promptdepthanything", "blenderbotsmall", "ariatext", "fastspeech2conformer",
}
ORDINARY = {
    "bark", "aria", "falcon", "granite", "phi", "mistral", "cohere", "jukebox", "hiera", "pegasus",
    "chameleon", "janus", "whisper", "fuyu", "nougat", "moshi", "parakeet", "moonshine", "tapas", "bloom",
    "florence2", "zamba", "jamba", "nemotron", "gemma", "idefics", "matcha", "deplot", "superglue",
    "lightglue", "superpoint", "apertus", "ministral", "pixtral", "voxtral", "informer", "autoformer",
}

_DROP = re.compile(r"[\s\-_.'`()\[\]{}/:,]+")


def normalize(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold().replace("\u2019", "'")
    return _DROP.sub("", text)


def display(name: str) -> str:
    name = re.sub(r"(?<=\d)_(?=\d)", ".", name)  # Qwen2_5_VL -> Qwen2.5_VL
    return name.replace("_", "-")


def read_mapping(wheel: pathlib.Path) -> tuple[dict[str, str], str]:
    zf = zipfile.ZipFile(wheel)
    version = ""
    for name in zf.namelist():
        if name.endswith(".dist-info/METADATA"):
            for line in zf.read(name).decode().splitlines():
                if line.startswith("Version:"):
                    version = line.split(":", 1)[1].strip()
                    break
    tree = ast.parse(zf.read("transformers/models/auto/configuration_auto.py").decode())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MODEL_NAMES_MAPPING":
            value = node.value.args[0] if isinstance(node.value, ast.Call) else node.value
            return dict(ast.literal_eval(value)), version
    raise SystemExit("MODEL_NAMES_MAPPING not found (transformers>=5 has no such table)")


def curated_names() -> dict[str, set[str]]:
    """Normalized names of the curated lexicon, by type."""
    out: dict[str, set[str]] = {}
    for filename, etype in (("benchmarks.jsonl", "benchmark"), ("models.jsonl", "model"),
                            ("methods.jsonl", "method"), ("metrics.jsonl", "metric")):
        path = LEXICON / filename
        names = out.setdefault(etype, set())
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    obj = json.loads(line)
                    names.update(normalize(n) for n in [obj["label"], *obj.get("aliases", [])])
    return out


def build(mapping: dict[str, str]) -> list[dict]:
    stop_path = LEXICON / "not_entities.jsonl"
    stop = {json.loads(l)["text"].casefold() for l in stop_path.read_text(encoding="utf-8").splitlines()
            if l.strip()} if stop_path.exists() else set()
    curated = curated_names()
    other_types = set().union(*(v for k, v in curated.items() if k != "model"))
    found: dict[str, dict] = {}
    for raw in mapping.values():
        if (CLASSLIKE.search(raw) and not raw.isupper()) or re.search(r"moe", raw, re.I):
            continue
        label = display(raw)
        key = normalize(label)
        if raw.casefold() in SKIP or key in SKIP or label.casefold() in stop or key in stop:
            continue
        if key in other_types or label == label.lower():
            continue
        row = found.setdefault(key, {"label": label, "aliases": []})
        if key in ORDINARY or len(key) <= 4:
            row["case_sensitive"] = True
    return sorted(found.values(), key=lambda r: r["label"].casefold())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=pathlib.Path)
    parser.add_argument("--requirement", default="transformers<5")
    parser.add_argument("--output", type=pathlib.Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel
        if wheel is None:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", args.requirement, "-d", tmp],
                           check=True, stdout=subprocess.DEVNULL)
            wheel = sorted(pathlib.Path(tmp).glob("transformers-*.whl"))[-1]
        mapping, version = read_mapping(wheel)
        origin = wheel.name
    rows = build(mapping)
    meta = {"_meta": {"source": "transformers", "version": version, "date": dt.date.today().isoformat(),
                      "generated_by": "scripts/lexicon_from_transformers.py", "read_from": origin,
                      "table": "MODEL_NAMES_MAPPING", "type": "model", "entries": len(rows)}}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(meta, ensure_ascii=False) + "\n")
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} models from transformers {version} to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
