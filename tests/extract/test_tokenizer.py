"""The mixed-script tokenizer keeps Latin-script names whole and Chinese characters apart."""

import spacy

from kg.extract.tokenizer import MixedScriptTokenizer


def tokens(text):
    nlp = spacy.blank("xx")
    doc = MixedScriptTokenizer(nlp.vocab)(text)
    assert doc.text == text  # offsets survive
    return [t.text for t in doc if not t.is_space]


def test_names_with_versions_sizes_and_punctuation_stay_whole():
    text = "在AIME'24基准测试上，该方法使Qwen3-8B-Base模型的pass@1得分从39.69%到48.23%"
    toks = tokens(text)
    for name in ("AIME'24", "Qwen3-8B-Base", "pass@1", "39.69", "48.23"):
        assert name in toks
    assert "%" in toks and "基" in toks and "准" in toks


def test_names_glued_to_chinese_are_split_at_the_script_boundary():
    assert tokens("Flux.1和MinerU2.5。") == ["Flux.1", "和", "MinerU2.5", "。"]
    assert tokens("KV-recache机制") == ["KV-recache", "机", "制"]


def test_multiword_names_and_brackets():
    toks = tokens("Step-Audio-2-mini (7B)模型与Claude 4.1 Opus在Arena Hard v2上")
    assert toks[:4] == ["Step-Audio-2-mini", "(", "7B", ")"]
    assert ["Claude", "4.1", "Opus"] == toks[toks.index("Claude") : toks.index("Claude") + 3]
    assert "v2" in toks


def test_sentence_end_and_symbols_are_separate():
    assert tokens("ImageNet 256×256.") == ["ImageNet", "256", "×", "256", "."]
    assert tokens("C++ and HumanEval+")[0] == "C++"


def test_a_plus_between_two_names_joins_two_tokens():
    """'ChronoLens+Qwen3-VL-8B' is a system and its backbone (the guide annotates each); a '+' that
    ends a name stays in it."""
    assert tokens("ChronoLens+Qwen3-VL-8B的准确率") == ["ChronoLens", "+", "Qwen3-VL-8B", "的", "准", "确", "率"]
    assert tokens("FedAvg+LoRA与C++17、HumanEval+") == ["FedAvg", "+", "LoRA", "与", "C++", "17", "、", "HumanEval+"]


def test_whitespace_runs_and_newlines_round_trip():
    text = "a  b\n\nc\td   "
    nlp = spacy.blank("xx")
    assert MixedScriptTokenizer(nlp.vocab)(text).text == text


def test_a_possessive_s_is_its_own_tokens_and_an_inner_apostrophe_stays():
    from kg.extract.tokenizer import words

    assert words("StratoFlow's ensemble, AIME'24, GPT’s") == ["StratoFlow", "'", "s", "ensemble", ",", "AIME'24", ",", "GPT", "’", "s"]
