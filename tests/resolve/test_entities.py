"""Resolution: one node per real-world thing, versions kept apart, evidence pooled across papers."""

from kg.extract import extract_docs
from kg.extract.lexicon_data import load_lexicon
from kg.parse import merge_papers, parse_text
from kg.resolve import normalize, resolve


def resolution_for(*summaries):
    body = "# Papers for 2025-09-30\n\n" + "".join(
        f"## [Paper {i}](https://arxiv.org/abs/2509.{10000 + i})\nsummary:{s}\n\n" for i, s in enumerate(summaries)
    )
    papers = merge_papers([parse_text(body, source="test.md")])
    return resolve(list(extract_docs(papers)), load_lexicon())


def test_normalization_follows_the_annotation_guide():
    assert normalize("Qwen2.5-VL-72B") == "qwen25vl72b"
    assert normalize("AIME’24") == normalize("AIME 24") == "aime24"


def test_versions_and_sizes_stay_distinct():
    r = resolution_for("我们在Qwen2.5-VL-7B模型和Qwen2.5-VL-72B模型上评估，在MMLU和MMLU-Pro基准以及AIME'24和AIME25基准上测试。")
    for key in ("qwen25vl7b", "qwen25vl72b", "mmlu", "mmlupro", "aime24", "aime25"):
        assert key in r.entities, key
    assert r.entities["qwen25vl72b"].type == "model"


def test_surface_forms_merge_into_one_entity_with_alt_labels():
    r = resolution_for("在AIME 2024基准上测试。", "在AIME'24基准上测试。")
    e = r.entities["aime24"]
    assert e.label == "AIME'24"
    links = [l for l in r.links if l.key == "aime24"]
    assert {l.paper_id for l in links} == {"2509.10000", "2509.10001"}


def test_abbreviation_long_form_is_an_alias():
    r = resolution_for("我们提出了思维草图（ZQX）机制来改进推理。", "ZQX机制被用于规划。")
    e = r.entities["zqx"]
    assert "思维草图" in e.aliases


def test_evidence_is_pooled_across_papers():
    # strong cue in one paper, none in the other: still a benchmark in both
    r = resolution_for("我们在FooArenaX基准上评估。", "结果显示FooArenaX上的提升很明显。")
    assert r.entities["fooarenax"].type == "benchmark"
    assert {l.paper_id for l in r.links if l.key == "fooarenax"} == {"2509.10000", "2509.10001"}


def test_same_name_two_types_is_one_decision():
    r = resolution_for("在BarSet数据集上测试。", "BarSet基准显示了优势。", "我们使用BarSet方法。")
    types = {l.relation for l in r.links if l.key == "barset"}
    assert types == {"evaluatesOn"}


def test_every_link_keeps_its_sentence():
    r = resolution_for("该方法在ALFWorld基准上提升了19.8%。")
    (link,) = [l for l in r.links if l.key == "alfworld"]
    assert "ALFWorld" in link.sentence and "19.8%" in link.sentence


def test_a_title_phrase_spelling_out_an_acronym_is_the_same_entity():
    body = ("# Papers for 2025-09-29\n\n"
            "## [MMR1: Enhancing Multimodal Reasoning with Variance-Aware Sampling and Open Resources](https://arxiv.org/abs/2509.21268)\n"
            "summary:该研究提出了方差感知采样（VAS）策略来稳定GRPO策略优化。\n")
    papers = merge_papers([parse_text(body, source="test.md")])
    r = resolve(list(extract_docs(papers)), load_lexicon())
    assert "Variance-Aware Sampling" in r.entities["vas"].aliases
    assert "varianceawaresampling" not in r.entities


def test_an_acronym_a_paper_defines_otherwise_is_not_the_lexicon_entity():
    r = resolution_for(
        "该框架通过期望最大化（EM）循环替代手工启发式方法，将生成过程建模为一个EM优化问题，准确率达到73.1%。",
        "在HotpotQA上，该方法的EM分数达到了60.1。",
    )
    em_links = {l.paper_id for l in r.links if l.key == "em"}
    assert em_links == {"2509.10001"}  # exact match in the second paper only
