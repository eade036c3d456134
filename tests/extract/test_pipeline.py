"""The extraction pipeline on real sentences from the seed digest and hard cases of the field."""

import pytest

from kg.extract import extract_docs
from kg.parse import parse_text


def doc_for(summary, title="A Paper", arxiv="2509.00001"):
    text = f"# Papers for 2025-09-30\n\n## [{title}](https://arxiv.org/abs/{arxiv})\nsummary:{summary}\n"
    paper = parse_text(text, source="test.md").papers[0]
    return next(extract_docs([paper]))


def found(doc, key):
    return {(s.text, s.label_) for s in doc.spans[key]}


def test_lexicon_finds_names_with_versions_and_chinese_metrics():
    doc = doc_for("在AIME'24基准测试上，该方法使Qwen3-8B-Base模型的pass@1得分从39.69%到48.23%，准确率也提升。")
    lex = {(s.kb_id_, s.label_) for s in doc.spans["lexicon"]}
    assert ("AIME'24", "benchmark") in lex
    assert ("pass@1", "metric") in lex
    assert ("accuracy", "metric") in lex  # 准确率 -> accuracy


def test_unknown_names_are_typed_by_context():
    doc = doc_for("该模型在ZorbBench和QuuxQA基准上取得了最优结果，优于FrobNet-7B模型，并采用了名为GlimmerOpt的优化算法。")
    votes = {s.text: s._.votes for s in doc.spans["names"]}
    assert max(votes["ZorbBench"], key=votes["ZorbBench"].get) == "benchmark"
    assert max(votes["QuuxQA"], key=votes["QuuxQA"].get) == "benchmark"  # shares the list's cue
    assert max(votes["FrobNet-7B"], key=votes["FrobNet-7B"].get) == "model"


def test_english_cue_on_x():
    doc = doc_for("Experiments on SnarkEval show that our method outperforms Blorp-13B.")
    votes = {s.text: s._.votes for s in doc.spans["names"]}
    assert votes["SnarkEval"].get("benchmark", 0) >= 2
    assert votes["Blorp-13B"].get("model", 0) >= 2


@pytest.mark.parametrize(
    "summary, short, long",
    [
        ("我们使用Monte Carlo Tree Search (MCTS)进行规划。", "MCTS", "Monte Carlo Tree Search"),
        ("该研究提出了一种分位数优势估计（QAE）方法。", "QAE", "分位数优势估计"),
        ("GEM (General Experience Maker) 是一个框架。", "GEM", "General Experience Maker"),
        ("该研究提出一种名为反馈条件策略 (Feedback-Conditional Policy, FCP) 的新方法", "FCP", "Feedback-Conditional Policy"),
        # a one-character stop word inside a word of the long form does not cut it
        ("形成能预测的平均绝对误差（MAE）为18 meV/atom。", "MAE", "平均绝对误差"),
        ("使用基于行为克隆（BC）的策略。", "BC", "行为克隆"),
        ("中位数绝对误差（MedAE）为0.22 Hz。", "MedAE", "中位数绝对误差"),
        ("采用在线强化学习（ORL）训练。", "ORL", "在线强化学习"),
    ],
)
def test_abbreviation_definitions(summary, short, long):
    pairs = {(s.text, l.text) for s, l in doc_for(summary)._.abbreviations}
    assert (short, long) in pairs


def test_title_prefix_is_the_headline_and_a_slogan_is_not():
    doc = doc_for("本文提出了LongLive，一个帧级自回归模型。", title="LongLive: Real-time Interactive Long Video Generation")
    heads = [s for s in doc.spans["proposed"] if s._.headline]
    assert {(s.text, s.label_) for s in heads} == {("LongLive", "model")}
    doc = doc_for("我们研究零方差提示。", title="No Prompt Left Behind: Exploiting Zero-Variance Prompts")
    assert not [s for s in doc.spans["proposed"] if s.text.startswith("No Prompt")]


def test_named_proposal_in_summary():
    doc = doc_for("该论文提出了一种名为熵正则化策略优化（EPO）的通用框架，显著提升了性能。", title="Entropy Regularization for Agents")
    assert ("EPO", "framework") in found(doc, "proposed")


def test_known_prior_work_is_not_proposed():
    doc = doc_for("本文提出了基于GRPO的训练方法。", title="Better Training")
    assert "GRPO" not in {s.text for s in doc.spans["proposed"]}
