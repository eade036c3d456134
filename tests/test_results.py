"""Result facts (issue 4): extraction, resolution to typed entities, graph and RDF."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, XSD

from kg.parse import parse_text
from kg.vocab import PKG
from results_helper import build_all, seed_build

SEED = "seeds"


@pytest.fixture(scope="module")
def seed():
    return seed_build(SEED)


def fact(facts, paper, value):
    found = [f for f in facts if f.paper_id == paper and f.value == value and f.role == "reported"]
    assert found, f"no result {value} for {paper}: {[(f.paper_id, f.value) for f in facts if f.paper_id == paper]}"
    return found[0]


def one(text: str):
    """Result facts of a one-paper digest written inline."""
    d = parse_text(f"# Papers for 2025-09-30\n\n## [{text[:20]}](https://arxiv.org/abs/2501.00001)\nsummary:{text}\n", date="2025-09-30")
    from kg.extract.lexicon_data import load_lexicon
    from kg.extract.pipeline import default_nlp, extract_docs
    from kg.resolve import resolve
    from kg.results import resolve_results

    nlp = default_nlp()  # the shipped pipeline, paperkg_results included
    docs = list(extract_docs(d.papers, nlp))
    lex = load_lexicon()
    r = resolve(docs, lex)
    return docs[0], resolve_results(docs, r, lex)


# --- the seed's "done when" facts ---------------------------------------------------------


def test_qae_pass_at_1_on_aime24(seed):
    f = fact(seed[2], "2509.22611", "48.23")
    assert (f.unit, f.metric, f.benchmark, f.entity, f.baseline_value) == ("%", "pass@1", "aime24", "qwen38bbase", "39.69")


def test_mineru_overall_score_has_no_metric(seed):
    f = fact(seed[2], "2509.22186", "90.67")
    assert (f.unit, f.metric, f.benchmark, f.entity) == ("points", None, "omnidocbench", "mineru25")


def test_mesatask_fid_against_gpt4o(seed):
    f = fact(seed[2], "2509.22281", "40.3")
    assert (f.metric, f.baseline_value, f.compared_with) == ("fid", "74.4", ["gpt4o"])
    assert [(b.entity, b.value, b.metric) for b in f.baselines] == [("gpt4o", "74.4", "fid")]


def test_mesatask_evaluated_entity(seed):
    assert fact(seed[2], "2509.22281", "40.3").entity == "mesatask"


def test_lucidflux_musiq_against_two_baselines(seed):
    f = fact(seed[2], "2509.22414", "73.01")
    assert (f.metric, f.entity) == ("musiq", "lucidflux")
    assert sorted((b.compared_text, b.value, b.metric) for b in f.baselines) == [
        ("DreamClear", "67.08", "musiq"), ("MeiTu SR", "66.59", "musiq")]
    assert f.baseline_value is None  # two baselines: their values sit on the linked baseline results


def test_lucidflux_benchmark_and_compared_entities(seed):
    f = fact(seed[2], "2509.22414", "73.01")
    assert f.benchmark == "reallq250"
    assert sorted(b.entity for b in f.baselines) == ["dreamclear", "meitusr"]


def test_higs_fid_on_imagenet_with_sit(seed):
    f = fact(seed[2], "2509.22300", "1.61")
    assert (f.metric, f.entity) == ("fid", "higs")
    assert f.benchmark in ("imagenet", "imagenet256×256")
    assert "SiT" in f.sentence and "30个采样步骤" in f.sentence
    assert not [x for x in seed[2] if x.paper_id == "2509.22300" and x.value in ("256", "30", "250")]


def test_cospadi_accuracy_against_svd_llm(seed):
    f = fact(seed[2], "2509.22075", "0.4267")
    assert (f.entity, f.baseline_value, f.compared_with) == ("cospadi", "0.3762", ["svdllm"])
    assert f.metric in ("accuracy", "averageaccuracy")
    assert f.benchmark is None  # "在Llama3.2-1B模型上": a model, not a benchmark
    assert not [x for x in seed[2] if x.paper_id == "2509.22075" and x.value == "20"]  # 压缩率为20%时: a condition


def test_dartemis_two_benchmarks(seed):
    a, b = fact(seed[2], "2509.21799", "75.8"), fact(seed[2], "2509.21799", "96.8")
    assert (a.unit, a.metric, a.benchmark) == ("%", "successrate", "androidworld")
    assert (b.unit, b.metric, b.benchmark) == ("%", "successrate", "screenspotv2")


def test_dartemis_evaluated_entity(seed):
    assert fact(seed[2], "2509.21799", "75.8").entity == "dartemis"
    assert fact(seed[2], "2509.21799", "96.8").entity == "dartemis"


def test_slots_are_typed(seed):
    _, r, facts, *_ = seed
    for f in facts:
        for slot, types in (("benchmark", {"benchmark"}), ("metric", {"metric"}), ("entity", {"model", "method", "framework"})):
            key = getattr(f, slot)
            assert key is None or r.entities[key].type in types, (f, slot)


# --- patterns, on sentences written for the test -------------------------------------------


def test_improvements_ranges_and_sizes_are_not_results():
    _, facts = one("在20%-50%的压缩率下，该方法在MMLU上的准确率提升了3.5%，Qwen2.5-7B模型约80%的响应为空。")
    assert [f.value for f in facts] == []


def test_from_to_and_respectively():
    _, facts = one("在AIME'24和MATH-500上，DAPO的准确率分别从40.1%提高到48.5%和从80.0%提高到85.2%。")
    got = sorted((f.value, f.baseline_value, f.benchmark) for f in facts)
    assert got == [("48.5", "40.1", "aime24"), ("85.2", "80.0", "math500")]


def test_average_over_a_list_has_no_benchmark():
    _, facts = one("在HotpotQA、MuSiQue和2WikiMultihopQA上取得了0.453的平均EM分数。")
    assert [(f.value, f.benchmark) for f in facts] == [("0.453", None)]


def test_english_sentence():
    _, facts = one("Qwen3-8B achieves 48.2% accuracy on GSM8K, outperforming Llama-3.1-8B (41.0%).")
    f = fact(facts, "2501.00001", "48.2")
    assert (f.unit, f.metric, f.benchmark, f.entity, f.baseline_value) == ("%", "accuracy", "gsm8k", "qwen38b", "41.0")


def test_values_stated_in_parallel_clauses_take_the_first_ones_metric():
    """'A取得43.5%的成功率，而B为31.2%，C为40.1%': the later clauses only state each model's value.
    (Written in the digests' style: the development days have no such sentence.)  A value with
    no measure anywhere stays no result."""
    _, facts = one("在MMLU上，最好的模型GPT-4o仅取得43.5%的准确率，而开源模型Qwen2.5-72B为31.2%，Llama-3.1-70B为40.1%。")
    got = sorted((f.value, f.metric, f.benchmark, f.entity) for f in facts)
    assert got == [("31.2", "accuracy", "mmlu", "qwen2572b"), ("40.1", "accuracy", "mmlu", "llama3170b"),
                   ("43.5", "accuracy", "mmlu", "gpt4o")], got
    _, facts = one("在MMLU上，训练时长减少了30%，而Qwen2.5-72B为31.2%。")
    assert [f.value for f in facts] == [], [(f.value, f.metric) for f in facts]


def test_a_later_clause_with_its_own_measure_is_not_part_of_the_respectively_list():
    """'…的nDCG@10分别为0.562和0.431，Recall@100提升至0.912': the third value is Recall@100's, not
    a third item of the list (written in the digests' style)."""
    _, facts = one("在BEIR和MS MARCO上，HopRAG-2的nDCG@10分别为0.562和0.431，Recall@100提升至0.912。")
    got = sorted((f.value, f.metric, f.benchmark) for f in facts)
    assert got == [("0.431", "ndcg", "msmarco"), ("0.562", "ndcg", "beir"), ("0.912", "recall@100", None)], got


def test_pass_hat_k_is_a_metric_with_its_cut_off():
    """τ-bench's pass^k, written with its k ('pass^4'), is a metric the values are reported in."""
    _, facts = one("在τ²-bench的零售和航空领域上，ToolForge的pass^4分别达到62.3%和48.0%。")
    assert sorted((f.value, f.metric) for f in facts) == [("48.0", "pass^4"), ("62.3", "pass^4")]


@pytest.mark.parametrize("sentence, expected", [
    ("AgentFlow-2 reaches 52.4% and 38.9% accuracy on GAIA and BrowseComp-Plus, respectively.",
     [("38.9", "accuracy", "browsecompplus"), ("52.4", "accuracy", "gaia")]),
    ("Qwen3-8B scores 48.2% and 61.0% accuracy on GSM8K and MATH-500 respectively, up from 40.1%.",
     [("48.2", "accuracy", "gsm8k"), ("61.0", "accuracy", "math500")]),
])
def test_english_respectively_after_the_values_and_names(sentence, expected):
    """English puts 'respectively' after both lists (Chinese puts 分别 before the values)."""
    _, facts = one(sentence)
    assert sorted((f.value, f.metric, f.benchmark) for f in facts) == expected


def test_english_and_between_a_value_and_the_next_benchmark_starts_its_clause():
    """'improves GSM8K accuracy from 78.1% to 84.6% and MATH-500 accuracy from …': each value is
    on the benchmark named before it, not on the nearer one after it (digests' English style)."""
    _, facts = one("SR-DLM improves GSM8K accuracy from 78.1% to 84.6% and MATH-500 accuracy from 41.0% to 49.3%.")
    got = sorted((f.value, f.baseline_value, f.benchmark) for f in facts if f.role == "reported")
    assert got == [("49.3", "41.0", "math500"), ("84.6", "78.1", "gsm8k")], got


def test_compared_before_the_value():
    _, facts = one("与GRPO相比，DAPO在AIME'24上的pass@1达到了50.2%。")
    f = fact(facts, "2501.00001", "50.2")
    assert (f.entity, f.compared_with, f.benchmark) == ("dapo", ["grpo"], "aime24")


def test_candidates_have_offsets():
    doc, _ = one("在AndroidWorld上取得了75.8%的成功率。")
    (c,) = doc._.results
    assert doc.text[c.value_span[0]:c.value_span[1]] == "75.8" and c.unit == "%"
    assert doc.text[c.benchmark[0]:c.benchmark[1]] == "AndroidWorld"
    assert doc.text[c.metric[0]:c.metric[1]] == "成功率"


# --- graph and RDF -------------------------------------------------------------------------


def test_graph_nodes(seed):
    g = seed[3]
    (node,) = [n for n, d in g.nodes(data=True) if d["type"] == "Result" and d["value"] == "48.23"]
    d = g.nodes[node]
    assert (d["metric"], d["benchmark"], d["entity"], d["paper"], d["unit"], d["baseline_value"]) == (
        "entity:pass@1", "entity:aime24", "entity:qwen38bbase", "paper:2509.22611", "%", "39.69")
    assert g.has_edge("paper:2509.22611", node, key="hasResult")
    assert g.has_edge(node, "entity:aime24", key="onBenchmark")
    mesa = next(n for n, x in g.nodes(data=True) if x["type"] == "Result" and x["value"] == "40.3")
    assert g.nodes[mesa]["compared_with"] == "entity:gpt4o" and g.nodes[mesa]["baseline_results"]


def test_rdf_result_nodes(seed):
    ds = seed[4]
    quads = list(ds.quads((None, None, None, None)))
    objects = lambda s, p: {o for s2, p2, o, _ in quads if s2 == s and p2 == p}  # noqa: E731
    results = {s for s, p, o, _ in quads if p == RDF.type and o == PKG.Result}
    assert results
    for res in results:
        (v,) = objects(res, PKG.value)
        assert v.datatype == XSD.decimal
        assert objects(res, PKG.hasEvidence)
    qae = [r for r in results if Literal(Decimal("48.23")) in objects(r, PKG.value)]
    assert len(qae) == 1
    assert Literal(Decimal("39.69")) in objects(qae[0], PKG.baselineValue)
    graphs = {str(c.identifier if hasattr(c, "identifier") else c) for s, p, o, c in quads if s == qae[0] and p == PKG.value}
    assert graphs == {"https://w3id.org/paperkg/digest/2025-09-30"}


def test_sparql_sees_results(seed):
    store = seed[5]
    rows = list(store.query(
        "PREFIX pkg: <https://w3id.org/paperkg/ontology#> SELECT ?v WHERE { ?p pkg:hasResult ?r . ?r pkg:onBenchmark ?b ; pkg:value ?v }",
        use_default_graph_as_union=True))
    assert "48.23" in {r["v"].value for r in rows}


# --- the development corpus ----------------------------------------------------------------


def test_corpus_results(corpus_dir):
    _, r, facts, *_ = build_all([str(corpus_dir)])
    assert len(facts) > 50
    for f in facts:
        assert f.benchmark is None or r.entities[f.benchmark].type == "benchmark"


def test_english_score_before_its_metric_and_a_sentence_ending_in_a_value():
    """'reaches 53.1 nDCG@10': a number before a metric the lexicon knows is a score in it (before
    a count word, '100 epochs', it is none); 'MRR@10 is 40.2. On LoTTE, …': a period after a
    value ends the sentence, so the next sentence's benchmark is not this value's."""
    _, facts = one("The retriever is tested on three suites. On BEIR, RetroLensX reaches 53.1 nDCG@10 after 100 epochs; "
                   "on MS MARCO dev, MRR@10 is 40.2. "
                   "On LoTTE, Recall@100 improves from 71.0% to 78.5%.")
    got = sorted((f.value, f.metric, f.benchmark) for f in facts if f.role == "reported")
    assert got == [("40.2", "mrr@10", "msmarco"), ("53.1", "ndcg", "beir"), ("78.5", "recall@100", "lotte")], got


def test_respectively_pairs_values_only_with_names_listed_together():
    """'使用GPT-5.5作为骨干时，EGM的准确率分别为78.2%和83.5%': two models named apart are no list the
    values go with one by one (both values are EGM's); the benchmarks listed together are; and
    'CLIPimg和DINO分数分别达到0.912和0.847' lists two metrics (DINO分数 is the DINO score), and
    the same gains ('分别提高了约9.4%和16.1%') are no results."""
    _, facts = one("本文提出了记忆框架EGMX。在LongMemEval-2和LoCoMo上，使用GPT-5.5作为骨干时，EGMX的问答准确率分别为78.2%和83.5%。")
    got = sorted((f.value, f.benchmark, f.entity) for f in facts if f.role == "reported")
    assert got == [("78.2", "longmemeval2", "egmx"), ("83.5", "locomo", "egmx")], got
    _, facts = one("在MultiEditX-Test上，SD3模型的CLIPimg和DINO分数分别达到0.912和0.847。")
    got = sorted((f.value, f.metric, f.entity) for f in facts if f.role == "reported")
    assert got == [("0.847", "dinoscore", "sd3"), ("0.912", "clipimg", "sd3")], got
    _, facts = one("在MultiEditX-Test上，SD3模型的CLIPimg和DINO分数分别提高了约9.4%和16.1%。")
    assert [f.value for f in facts] == [], [(f.value, f.metric) for f in facts]


def test_a_bound_is_no_reported_value():
    """'所有模型在流体类别上的准确率均低于40%': a bound the values stay under, not a result."""
    _, facts = one("在PhyGenBench上，Sora 2的得分为0.71，但所有模型在流体类别上的准确率均低于40%。")
    assert [f.value for f in facts if f.role == "reported"] == ["0.71"], [(f.value, f.metric) for f in facts]


def test_a_benchmark_split_after_de_is_the_result_s_frame():
    """'在HM3D-OVON的验证集上，SPL为31.4%': the value is on HM3D-OVON."""
    _, facts = one("导航策略在HM3D-OVONX的验证集上的SPL为31.4%。")
    assert [(f.value, f.benchmark) for f in facts if f.role == "reported"] == [("31.4", "hm3dovonx")], [(f.value, f.benchmark) for f in facts]


def test_respectively_after_a_list_named_in_an_earlier_clause():
    """'使用A、B和C进行评估，X分别取得了71.2%、58.4%和812分': the list frames the values of the next
    clause one by one; 'Google的A和xAI的B…分别为42.05%和37.37%': a list with each maker named."""
    _, facts = one("该模型使用ChartQA-Pro、CharXiv和OCRBench v2进行评估，ChartSageX-8B分别取得了71.2%、58.4%和812分。")
    got = sorted((f.value, f.benchmark) for f in facts if f.role == "reported")
    assert got == [("58.4", "charxiv"), ("71.2", "chartqapro"), ("812", "ocrbenchv2")], got
    _, facts = one("在D-REX上，Google的Gemini 2.5 Pro和xAI的Grok 3-mini-beta最脆弱，越狱率分别为42.05%和37.37%。")
    got = sorted((f.value, f.entity) for f in facts if f.role == "reported")
    assert got == [("37.37", "grok3minibeta"), ("42.05", "gemini25pro")], got


def test_an_english_score_before_a_function_word():
    """'reaches an FVD of 98 on the nuScenes-Video test split': a word like 'on', 'vs.' or 'and'
    after a number leaves it a score (a count word, '100 epochs', does not)."""
    _, facts = one("WorldSimX-1 is trained for 100 epochs and reaches an FVD of 98 on the nuScenes-Video test split.")
    got = [(f.value, f.metric, f.benchmark) for f in facts if f.role == "reported"]
    assert got == [("98", "fvd", "nuscenesvideo")], got


def test_a_sentence_opening_on_a_benchmark_frames_its_value():
    """'On SWE-bench Verified it resolves 74.2% of issues': the capitalised 'On' is read into the
    run of names, and still frames the benchmark; 'resolves' reports the value."""
    _, facts = one("We test it widely. On SWE-bench Verified it resolves 74.2% of issues.")
    assert [(f.value, f.benchmark) for f in facts if f.role == "reported"] == [("74.2", "swebenchverified")]


def test_values_listed_with_a_score_are_scores():
    """'平均MSE分别为0.402、0.251、0.219和0.391': the last value stands far from MSE but in the list
    of the first, and each goes with its dataset."""
    _, facts = one("在ETTh1、ETTm2、Weather和Traffic数据集上，ChronoMoEX的平均MSE分别为0.402、0.251、0.219和0.391，优于PatchTST。")
    got = sorted((f.value, f.benchmark) for f in facts if f.role == "reported")
    assert got == [("0.219", "weather"), ("0.251", "ettm2"), ("0.391", "traffic"), ("0.402", "etth1")], got


def test_respectively_distributes_over_the_last_list_of_each_slot():
    """'使用A和B微调…，例如A的X和Y分别达到71.2%和65.0%': 分别 pairs the values with the metrics
    listed before it; the two models listed in an earlier clause are no list of the values
    (the last list of models before 分别 is A alone).  Gains ('分别提高了约9.4%和16.1%') are no
    results."""
    _, facts = one("实验使用Qwen3-8B和Llama-3.1-8B进行微调，例如Qwen3-8B的准确率和F1分别达到71.2%和65.0%。")
    got = sorted((f.value, f.metric, f.entity) for f in facts if f.role == "reported")
    assert got == [("65.0", "f1", "qwen38b"), ("71.2", "accuracy", "qwen38b")], got
    _, facts = one("实验使用Qwen3-8B进行微调，其准确率和F1分别提高了约9.4%和16.1%。")
    assert [f.value for f in facts] == [], [(f.value, f.metric) for f in facts]


def test_values_listed_with_slashes_go_with_names_listed_with_slashes():
    """'A / B / C的准确率分别为58.1 / 52.7 / 44.9': slashes list the models as they list the values;
    求解率 is the solve rate ('从基线的79.5%提升至94.2%')."""
    _, facts = one("Gemini 3 Pro / GPT-5.2 / Qwen3.5-VL-72B的准确率分别为58.1 / 52.7 / 44.9。")
    got = sorted((f.value, f.metric, f.entity) for f in facts if f.role == "reported")
    assert got == [("44.9", "accuracy", "qwen35vl72b"), ("52.7", "accuracy", "gpt52"), ("58.1", "accuracy", "gemini3pro")], got
    _, facts = one("在USPTO-190上，RetroPlanX的求解率从基线的79.5%提升至94.2%。")
    assert [(f.value, f.baseline_value, f.metric) for f in facts if f.role == "reported"] == [("94.2", "79.5", "solverate")]


def test_parallel_benchmark_clauses_take_the_first_ones_metric():
    """'在A上的准确率达到81.3%，在B上达到76.9%，在C上达到88.1%': each later clause states the value on
    its benchmark, the measure going without saying."""
    _, facts = one("OmniSci-Max在SciBenchX上的准确率达到81.3%，在ChemBench上达到76.9%，在GPQA Diamond上达到88.1%。")
    got = sorted((f.value, f.metric, f.benchmark) for f in facts if f.role == "reported")
    assert got == [("76.9", "accuracy", "chembench"), ("81.3", "accuracy", "scibenchx"), ("88.1", "accuracy", "gpqadiamond")], got


def test_a_factor_takes_no_metric_from_an_earlier_clause_and_mase_is_a_metric():
    """'召回率均高出5个百分点以上，但构图成本高出10倍': the factor is the cost's, not a recall; a
    forecasting model's '零样本MASE为0.68' is reported in MASE."""
    _, facts = one("在MuSiQue上，所有图方法的召回率均比稠密检索高出5个百分点以上，但构图成本高出10倍。")
    assert not any(f.metric == "recall" and f.unit == "×" for f in facts), [(f.value, f.unit, f.metric) for f in facts]
    _, facts = one("在GIFT-Eval基准上，ChronosX的零样本MASE为0.68。")
    assert [(f.value, f.metric, f.benchmark) for f in facts] == [("0.68", "mase", "gifteval")]
