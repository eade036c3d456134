"""Component ``paperkg_lexicon``: mark every lexicon name and alias in the text.

Two spaCy ``PhraseMatcher``s run over the mixed-script tokens: one on ``LOWER`` for
ordinary entries, one on ``ORTH`` for entries flagged case-sensitive (names that are also
English words).  Matches go to ``doc.spans["lexicon"]`` with the type as label and the
canonical name as ``kb_id_``; where matches overlap the longest wins, so ``MMLU-Pro`` is
never read as ``MMLU`` (tokens keep ``MMLU-Pro`` whole anyway).  An acronym the paper defines
itself with an unrelated long form (``期望最大化（EM）``) is not matched: it runs after
``paperkg_abbreviations`` for that reason.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract.abbreviations import is_acronym
from kg.extract.spans import doc_text, doc_value, set_extensions, set_group
from kg.extract.tokenizer import words

__all__ = ["LexiconMatcher"]


_COUNTED_MEASURE = re.compile(r"[a-z] (?:rate|score|ratio)$")


def plural_measures(forms: list[str]) -> list[str]:
    """The plurals of a measure's English names that count ('success rates measured inside …'),
    which a text uses as often as the singular.

    >>> plural_measures(["success rate", "成功率", "F1"])
    ['success rates']
    """
    return [f + "s" for f in forms if _COUNTED_MEASURE.search(f)]


class LexiconMatcher:
    def __init__(self, nlp: Language, name: str, entries):
        set_extensions()
        self.name = name
        self.entries = {}
        strings = nlp.vocab.strings
        patterns = []  # (key, case-sensitive, its forms as the words of their tokens)
        for entry in entries:
            key = f"{entry.type}|{entry.label}"
            self.entries[key] = entry
            forms = sorted({entry.label, *entry.aliases})
            if entry.type == "metric":
                forms += plural_measures(forms)
            patterns.append((key, entry.case_sensitive, [words(f) for f in forms]))
        # Each matcher scans the whole doc, so case-sensitive entries are matched on LOWER with
        # the others and then kept where the doc spells them as a form does (``exact_forms``) --
        # unless two entries share a form: a separate matcher on ORTH then keeps their order.
        # A pattern is given as its tokens' attribute ids, not as a Doc (the way spaCy's own
        # pickle of a PhraseMatcher adds them back): a Doc makes a lexeme of each of its words,
        # which took 0.2 s of every process that builds the pipeline, the daily add's included
        def ids(form: list[str], fold=str) -> list[int]:
            return [strings.add(fold(w)) for w in form]  # LOWER is str.lower, spaCy's getter

        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = None if _one_entry_per_form(patterns) else PhraseMatcher(nlp.vocab, attr="ORTH")
        self.exact_forms: dict[int, set[tuple[int, ...]]] = {}  # match id -> forms as orth ids
        # PhraseMatcher.add makes a lexeme of each key ('benchmark|MMLU'), computing its shape, prefix,
        # flags...: 0.07-0.1 s of each pipeline build for 6,600 keys no text is tokenized into
        getters, nlp.vocab.lex_attr_getters = nlp.vocab.lex_attr_getters, {}
        try:
            for key, case_sensitive, forms in patterns:
                if case_sensitive and self.exact is not None:
                    self.exact.add(key, [ids(f) for f in forms])
                    continue
                self.lower.add(key, [ids(f, str.lower) for f in forms])
                if case_sensitive:
                    self.exact_forms.setdefault(strings.add(key), set()).update(tuple(ids(f)) for f in forms)
        finally:
            nlp.vocab.lex_attr_getters = getters
        # match id -> (type id, label id, entry): what a match needs, without string look-ups
        self.by_match_id = {
            strings.add(key): (strings.add(entry.type), strings.add(entry.label), entry) for key, entry in self.entries.items()
        }

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        # acronyms this paper defines itself: 'EM' as 期望最大化 is not the lexicon's EM (exact match)
        # (an English gloss of a Chinese term, '指令微调（instruction tuning）', defines no acronym)
        defined = {text[s.start_char : s.end_char]: text[l.start_char : l.end_char] for s, l in doc_value(doc, "abbreviations")
                   if is_acronym(text[s.start_char : s.end_char])}
        spans = []
        for match_id, start, end in self._matches(doc):
            type_, label, entry = self.by_match_id[match_id]
            span = Span(doc, start, end, label=type_, kb_id=label)
            long = defined.get(text[span.start_char : span.end_char]) if defined else None
            if long is not None and not names_entry(long, entry.type, [entry.label, *entry.aliases]):
                continue
            spans.append(span)
        set_group(doc, "lexicon", filter_spans(spans))
        return doc

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(match_id, start, end)`` of the case-sensitive entries, then of those matched on LOWER:
        of two entries with the same form, the one spelled as the text spells it comes first, and
        so wins the tie in ``filter_spans``."""
        matches = self.lower(doc)
        if self.exact is not None:
            return self.exact(doc) + matches
        exact = [m for m in matches if m[0] in self.exact_forms]
        if not exact:
            return matches
        spelled = [(i, a, b) for i, a, b in exact if tuple(doc[k].orth for k in range(a, b)) in self.exact_forms[i]]
        return spelled + [m for m in matches if m[0] not in self.exact_forms]


def _one_entry_per_form(patterns) -> bool:
    """Whether no two entries share a form (in lower case), and no entry is listed both
    case-sensitive and not.  A PhraseMatcher gives its matches by position, and those of entries
    with the same form in an order of its own: one matcher for all entries then finds each match
    once, in the order of two (one on ORTH for the case-sensitive entries, one on LOWER)."""
    owner: dict[tuple[str, ...], str] = {}
    case_sensitive: dict[str, bool] = {}
    for key, cs, forms in patterns:
        if case_sensitive.setdefault(key, cs) != cs:
            return False
        for f in forms:
            if owner.setdefault(tuple(w.lower() for w in f), key) != key:
                return False
    return True


_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=65536)  # pure; lexicon names come back paper after paper
def _chars(name: str) -> frozenset[str]:
    return frozenset(c for c in name.casefold() if c.isalnum())


@lru_cache(maxsize=65536)
def _word_stems(name: str) -> frozenset[str]:
    """The words of a Latin-script name, cut to 5 letters ('Optimisation' ~ 'Optimization')."""
    return frozenset(w[:5] for w in _LATIN_WORD.findall(name.casefold()))


def same_thing(long_form: str, names) -> bool:
    """Whether a paper's long form of an acronym plausibly names a lexicon entry with ``names``:
    it shares at least 30% of its characters with one of them (蒙特卡洛树搜索 ~ MCTS's
    Chinese alias; 期望最大化 shares nothing with exact match / 精确匹配) -- or, both in Latin
    script, 30% of its words: any two English phrases share most letters of the alphabet
    (Reason-then-Edit is not Recognizing Textual Entailment, RTE) -- or it ends in a Chinese name
    of the entry (a long form read back past where it starts: '当要求评判者先写出思维链（CoT）')."""
    mine = _chars(long_form)
    if not mine:
        return True
    latin = not _CJK.search(long_form)
    for name in names:
        if latin and not _CJK.search(name):
            a, b = _word_stems(long_form), _word_stems(name)
            if a and b and len(a & b) / len(a | b) >= 0.3:
                return True
            continue
        theirs = _chars(name)
        if theirs and len(mine & theirs) / len(mine | theirs) >= 0.3:
            return True
        if len(name) >= 3 and _CJK.search(name) and long_form.strip().endswith(name):
            return True
    return False


# the head of a measure's long form: 'PDM Score (PDMS)', '95%豪斯多夫距离（HD95）', '连续分级概率评分（CRPS）'
# (wider than names.json's metric_long_form_heads, which leaves out distances and 指数: there the
# acronym is new, and '归一化植被指数（NDVI）' may be an input; here the lexicon says it is a measure;
# not a coefficient: '异常相关系数（ACC）' is not the lexicon's ACC, accuracy)
_MEASURE_HEAD = re.compile(r"(?:score|rate|ratio|error|accuracy|distance|similarity|index|分数|得分|评分|距离|误差|率|指数|相似度)$", re.I)


# the head of a Chinese long form of each type: where the entry has no Chinese name to compare,
# a translation of the type's kind is taken for it ('弹性权重巩固（EWC）', '残差向量量化（RVQ）'), another
# kind is a coinage of the paper's ('抽象语法树（AST）' is no Audio Spectrogram Transformer)
_CHINESE_HEAD = {
    "method": re.compile(r"(?:优化|学习|估计|搜索|采样|微调|解码|对齐|正则化|蒸馏|训练|检索|提示|注意力|算法|方法|策略|控制|引导|"
                         r"巩固|回放|理论|传播|量化|剪枝|合并|融合|归一化|编码|聚类|回归|分解|插值|滤波|规划|匹配|建模|嵌入|扩散|排序|更新)$"),
    "model": re.compile(r"(?:模型|编码器|解码器|分类器|检测器|重排器|检索器)$"),  # (not 网络: a kind of network is an architecture)
    "benchmark": re.compile(r"(?:基准|基准测试|数据集|测试集|语料库|竞技场)$"),
}


def names_entry(long_form: str, type_: str, names) -> bool:
    """Whether a paper's long form of a lexicon acronym names that entry (of type ``type_``, with
    ``names``): :func:`same_thing`, or a measure's acronym spelled out as a measure ('PDM Score
    (PDMS)'; a technique or dataset that shares a measure's letters is another thing), or a Chinese
    long form headed by a word of the entry's kind where the entry has no Chinese name (``_CHINESE_HEAD``)."""
    if same_thing(long_form, names) or (type_ == "metric" and bool(_MEASURE_HEAD.search(long_form.strip()))):
        return True
    head = _CHINESE_HEAD.get(type_)
    return bool(head and _CJK.search(long_form) and not any(_CJK.search(n) for n in names) and head.search(long_form.strip()))


@Language.factory("paperkg_lexicon", default_config={"lexicon_dir": None})
def make_lexicon_matcher(nlp: Language, name: str, lexicon_dir: str | None):
    from kg.extract.lexicon_data import load_lexicon

    return LexiconMatcher(nlp, name, load_lexicon(lexicon_dir))
