"""Component ``paperkg_proposals``: decide what the paper itself introduces.

Cues, strongest first:

1. the title names the work before its colon (``LongLive: Real-time…``) — unless the
   prefix is a slogan, i.e. plain English words (``No Prompt Left Behind``);
2. the summary introduces a name: ``提出了…名为X的``, ``称为X``, ``介绍了…X``,
   ``we propose/introduce/present X``, or opens with ``X是一种…``;
3. an abbreviation whose long form is the title's head phrase, or whose letters spell it
   (``Quantile Advantage Estimation … (QAE)``); failing that, a colonless title's head phrase
   itself when the summary introduces the work without a name;
4. named parts: numbered bold items of the method (``1) **KV-recache机制**``), quoted
   Chinese names, acronyms the paper defines and says what they are (not where it names them
   as the setting it builds on: ``在…（RLVR）框架下``, ``现有…（Graph-RAG）方法``), and ``via X``
   in the title.

The headline's kind comes from what the text calls it: 模型/model → ``model``,
数据集/基准/benchmark → ``benchmark``, otherwise ``framework`` (a system or method that
is the paper's own).  Named parts are ``method`` unless the text calls them a model or dataset.
Results: ``doc.spans["proposed"]`` with the kind as label and ``span._.headline``.
"""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract.abbreviations import is_acronym, names_a_class
from kg.extract.lexicon_matcher import same_thing
from kg.extract.names import FROM_TO_TASK, NAMING_VERBS, is_gloss, names_measure, of_model_family, shape_kinds, value_follows
from kg.extract.spans import (CueScanner, doc_text, doc_value, group_spans, past_bold_after, past_bold_before, set_extensions,
                              set_group, set_span_values, span_value)
from kg.parse.sections import section_bounds, section_key

__all__ = ["ProposalFinder"]

_INTRO = CueScanner(
    r"提出了?|介绍了?|推出了?|发布了?|开源了|开发了?|构建了?|构造了?|设计了?|引入了?|创建了?|打造了?|研发了?|收集了?|采集了?|整理了?|挖掘(?:并清洗)?出?了?|训练得到了?|训练出了?|训练了|给出了?",
    r"\b(?:propos(?:e|es|ed|ing)|introduc(?:e|es|ed|ing)|present(?:s|ed|ing)?|develop(?:s|ed)?|releas(?:e|es|ed)|"
    r"collect(?:s|ed)?|curat(?:e|es|ed)|construct(?:s|ed)?|"
    r"(?:build|builds|built|design|designs|designed|create|creates|created)(?!\s+(?:on|upon|to|by|from|with|into|for)\b))\b",
    ("propos", "introduc", "present", "develop", "releas", "collect", "curat", "construct", "buil", "design", "creat"),
)  # (构建/设计/创建 in English, but not 'builds on X', 'designed to')
# what the gathered thing holds, right after its name: '…, 4,000 hours of video', '，包含1.2万条…'
_DATA_AMOUNT = re.compile(
    r"\s*[,，]\s*(?:(?:a|an)\s+)?(?:包含|涵盖|共|含)?\s*[\d][\d.,]*\s*(?:[KMB]\b|thousand|million|billion|万|亿|千)?\s*"
    r"(?:hours?|samples|examples|pairs|images|videos|clips|trajectories|demonstrations|episodes|dialogues|problems|questions|"
    r"小时|条|张|段|道|组|个样本|个视频|个问题)",
    re.I,
)
_GATHERS = re.compile(r"收集|采集|整理|collect|curat|construct", re.I)  # verbs that introduce data, not methods
# who introduces: the paper or its authors, shortly before the verb and in the same clause
_SUBJECTS = (
    r"(?:本文|该文|本研究|该研究|本论文|该论文|论文|研究|本工作|该工作|工作|作者|我们|团队|研究者|研究人员|"
    r"\b(?:(?:this|the) (?:paper|work|study)|we|the authors|authors|the team|this report)\b)"
)
_SUBJECT = re.compile(_SUBJECTS + r"[^。；;]{0,60}$", re.I)
# the paper right before a relative clause's verb: '我们发布的X', '作者同时发布的评测集'
_OWN_RELATIVE = re.compile(_SUBJECTS + r"\s*[\u4e00-\u9fff]{0,4}$", re.I)
_RELEASE = re.compile(r"发布|推出|开源")
# the subject of a second verb may stand further back: English takes more characters to say as much
# ('This study evaluates 30 reward models under controlled distribution shifts and introduces X'),
# and so do the English names of a Chinese sentence ('本文提出X，一个覆盖Windows、macOS…的框架，并发布了Y')
_SUBJECT_FAR = re.compile(_SUBJECTS + r"[^。；;]{0,120}$", re.I)
# a sentence that goes on with the work, its subject left out: '…；同时提出…损失PALoss', '。此外，还提出了…策略SC-Rerank'
_GOES_ON = re.compile(r"[。；;]\s*(?:此外|另外|同时|并且?)[，,]?\s*(?:还|也)?\s*$")
# a second verb of the same subject: '本文提出X，一个…模型，并发布了Y数据集'
_COORDINATED = re.compile(r"(?:[，,]|并且?|同时|还|也|以及|由此|从而|进而|据此|\band(?: also)?|\balso)\s*$")  # ('本文评测了…，构建了X基准')
# what defines the name just introduced: '，首个开源的万亿参数思考模型', ', a 7B model that …'
_DEFINED_AFTER = re.compile(r"\s*[，,]\s*(?:首个|第一个|一个|一款|一种|一套|the first|an?)\s*(?:[^，。；,.;]{0,30}?)(?:模型|model\b)", re.I)
_TC_WORD = r"[A-Z][a-z0-9]*(?:-[A-Za-z][a-z0-9]*)*"
_COINED_LONG_FORM = re.compile(rf"{_TC_WORD}(?: {_TC_WORD}){{1,5}}|[A-Z][a-z]+(?:-[a-z]+)*-[A-Z][a-z]+")  # ('Draw-then-Verify')
# a title that says what its name is: ': An Omni Diffusion Large Language Model for …', ': A 0.1° Global … Model'
_TITLE_A_MODEL = re.compile(r":\s*(?:(?:An?|The)\s+(?:(?!(?:of|for|on|in|with|to|and)\s)[\w\-.°]+\s+){0,6}?(?:Model|LLM|VLM|MLLM)s?"
                            r"|(?![\w\-]+ing\s)(?:(?!(?:of|for|on|in|with|to|and)\s)[\w\-.°]+\s+){0,5}?(?:Models?|LLMs?|VLMs?|MLLMs?)(?=\s+for\s))"
                            r"\b(?!\s+(?:Evaluation|Training|Alignment|Merging|Editing|Compression|Serving)\b)")
# a long form that names a task, not a technique ('视觉语言导航（VLN）', '次季节至季节预报（S2S）')
_TASK_LONG_FORM = re.compile(r"(?:导航|预报|识别|检测|分割|分类|问答|推荐|摘要|定位|跟踪|追踪|navigation|forecasting|detection|"
                             r"segmentation|classification|recognition|recommendation|tracking|answering)$", re.I)
_MEASURE_WORD = re.compile(r"(?:Correlation|Score|Rate|Accuracy|Error|Distance|Similarity|Index|Ratio|Rubric|(?<!Self-)Consistency)$")  # ('Value-Order Correlation (VOC)')
# a relative clause of what the authors made: '由作者训练的', '作者构建的', 'we built' is an intro verb already
_AUTHORS_OWN = re.compile(r"(?:作者|我们|本文|本研究|团队)(?:自行|新|还|也)?(?P<verb>训练|构建|新建|提出|定义|设计|开发|收集|采集|整理|整合|标注|发布|合成)(?:得到)?的|(?P<own>自研|自建|自采集|自行采集|自行收集|自行构建)的")
_DATA_NOUN = r"(?:dataset|benchmark|suite|corpus|test set|testbed|collection|set of)"
_DATASET_APPOSITION = re.compile(
    rf",\s+(?:an?\s+new\s+(?:[\w\-]+\s+){{0,3}}?{_DATA_NOUN}\b|an?\s+(?:[\w\-,]+\s+){{0,6}}?{_DATA_NOUN}\b[^.;]{{0,60}}?"
    rf"\b(?:the authors|we|the team)\b(?:\s+also)?\s+(?:build|built|release|released|introduce|introduced|annotate|annotated|collect|collected|construct|constructed|create|created|curate|curated)"
    rf"|an?\s+(?:[\w\-,]+\s+){{0,6}}?{_DATA_NOUN}\b[^.;]{{0,60}}?\bintroduced (?:in|by) (?:the|this) (?:paper|work))"
    rf"|\s*[，,]\s*一个(?:新的?|全新的?)[^，。；]{{0,20}}?(?:数据集|基准|测试集|语料库)", re.I)
# what is new, then its name set off by commas: 'a new evaluation set, EA-Extreme-25, gathers …'
_NEW_THING_BEFORE = re.compile(r"\b[Aa]n?\s+new\s+(?P<noun>(?:[\w\-.]+\s+){0,6}?[\w\-]+),\s*(?:\*\*)?$")
_SET_OFF_AFTER = re.compile(r"(?:\*\*)?\s*(?:,|\(|（)")
_TRAINED_APPOSITION = re.compile(
    r",\s+an?\s+(?:[\w\-]+\s+){0,6}?(?:that\s+|which\s+)?(?:the authors|we|the team)\s+(?:also\s+)?(?:train|trained|fine-tune|fine-tuned|distill|distilled)\b")
_COMMAS = frozenset(",，")
_ARTICLE_BEFORE = re.compile(r"(?:^|[.:;]\s+)(?:A|An|The)\s+$")
_ARTICLE_INSIDE = re.compile(r"[a-z,]\s+an?\s+(?:(?:new|novel|learned|lightweight|dedicated)\s+)?$")
_RELATIVE_AFTER = re.compile(r"\s+(?:that|which)\s+[a-z]+(?:s|es)\b(?<!ss)")
_VERB_AFTER_PART = re.compile(r"\s+(?:(?:first|then|also|further)\s+)?(?!(?:plus|thus|versus|across|its|this|various|previous|us)\b)[a-z]+(?:s|es)\b(?<!ss)")
_INSTRUMENT = re.compile(r"(?:使用|采用|利用|借助|结合|基于|\b(?:using|based on|built on|with))\s*$")  # right before a name
_BASELINE_BEFORE = r"(?:优于|相比|相较|超过|超越|比|对比|基线|如|例如|包括|baseline|than|over|vs\.?)\s*$"
_NEW = CueScanner(
    r"(?:新构建的|新提出的|新发布的|全新的|新的|新型的?)\s*",  # (自研的, 自建的: see _AUTHORS_OWN)
    r"(?:newly (?:released|introduced|collected|constructed|built)|(?<!\w)new|(?:(?<=[.:;!?] )|(?<=^))the released)\s*",
    ("new", "the released"),  # ('The released CurioLM-8B, trained on …': a sentence opening on what the paper releases)
    re.I,
)
# 'This work presents Aurora-Reasoner, a hybrid reasoning model': in English prose a Title-case
# name is no name to the name finder, but one right after the verb and set off by a comma, colon,
# bracket or dash is the name introduced
_APPOSITIVE = re.compile(r"\s+(?P<name>[A-Z][\w.+'-]*[\w+](?: [A-Z0-9][\w.+'-]*[\w+]){0,3})\s*(?:,|:|\(|（|—|–)")
_NAMED = re.compile(rf"(?:{NAMING_VERBS})\s*[“\"'「]?")
_ENGLISH_QUOTED_NAME = re.compile(r"[\"“](?P<name>[A-Za-z][\w\-]*(?: [A-Za-z][\w\-]*){0,4})[\"”]")
_SENT_END = re.compile(r"[。！？；\n]|\.\s")
_KIND_WORDS = [
    ("benchmark", re.compile(r"基准|数据集|测试集|评测|语料|benchmark|dataset|corpus|suite|leaderboard", re.I)),
    ("model", re.compile(r"模型|model\b|checkpoint", re.I)),
    ("metric", re.compile(r"指标|度量|metric\b|score\b", re.I)),
]
_SLOGAN_WORD = re.compile(r"^(?:[a-z]+|[A-Z][a-z]+|a|A|the|The)[,!?']*$")
_HAS_NAME_SHAPE = re.compile(r"[A-Z].*[A-Z]|\d|^[A-Z][a-z]+[A-Z]|-")
_PART_ITEM = re.compile(r"(?:^|\s|[：:；;。])[（(]?(?:\d|[ivx]+)[)）.、]\s*\*\*(?P<name>[^*：:]{2,100}?)\*\*")
# a bold item that is one Latin name and a Chinese descriptor before or after it ('技能检索器SkillRecall')
_BOLD_DESCRIBED = re.compile(r"\s*[\u4e00-\u9fff]{0,8}[A-Za-z][\w.\-+]*[\u4e00-\u9fff]{0,8}\s*")
_PART_ITEM_HINT = re.compile(r"[)）.、]\s*\*\*")  # in every _PART_ITEM match, and fast to look for
# a Chinese name in quotes that the text presents as the work's own: '名为“空间推理链”', '“执行前对齐”阶段', '创新在于“双重演化”'
_QUOTE_CUES = r"名为|称为|称之为|叫做|创新在于|创新是|核心是|提出了?|引入了?|设计了?|(?<=[\u4e00-\u9fff])(?:策略|机制|模块|组件|算法)"
_QUOTED_NAME = re.compile(
    r"[“「\"](?P<name>[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9\-]{2,11})[”」\"]"
    r"(?P<post>\s*(?:阶段|机制|模块|策略|方法|框架|算法|范式|过程|技术|流程|组件))?"
)
# an English quoted name after an article and before a verb: 'a lightweight "turn-state head" predicts …'
# (of two words or hyphenated: 'a few "hot" experts' is a word in scare quotes)
# (or its noun: 'a lightweight "shelf refresh" step re-balances …', 'a "lead-time consistency" term that …')
_QUOTED_ENGLISH_PART = re.compile(
    r"\b(?:[Aa]|[Aa]n|[Tt]he)\s+(?:[a-z][\w\-]*\s+){0,2}[\"“](?P<name>[A-Za-z][\w\-]*(?: [A-Za-z][\w\-]*){1,4}|[A-Za-z]+-[\w\-]+)[\"”]\s+(?:(?:step|term|regularizer|loss|module|stage|mechanism|objective|penalty|component|block|layer|filter|gate|reward)\s+)?"
    r"(?:that\s+|which\s+)?[a-z][a-z\-]+s\b")
# a cue word right before a quote, with a classifier between them or not (see _quoted_parts)
_QUOTE_CUE_BEFORE = re.compile(rf"(?:{_QUOTE_CUES})\s*(?:一(?:个|种|套|项|组))?\s*\Z")  # ('引入一个“韵律一致性奖励”')
# the means a step works by, in quotes, before the step's verb: '通过“盲测过滤”剔除…', '通过“内容感知token合并”在空白区域合并…'
# (not before 的: '通过“难度爬坡”的方式' describes a way)
_BY_MEANS_BEFORE = re.compile(r"通过\s*\Z")
_STEP_VERB_AFTER = re.compile(r"(?!的)[\u4e00-\u9fff]")
_TITLE_GLOSS_AFTER = re.compile(r"[（(]\s*[A-Z][a-z][A-Za-z\-]*(?: [A-Za-z\-]+){1,5}\s*[）)]")  # ('“模态接力”（Modality Relay）')
# (a name may hold 'of' between capitalised words: 'with Frequency-Routed Mixture of Experts')
_TITLE_VIA = re.compile(
    r"\b(?:via|with|through|using|by)\s+(?:an?\s+|the\s+)?(?P<name>(?:[A-Z][\w\-]*|[a-z]+-[a-z]+)(?:\s+(?:[A-Z][\w\-]*|[a-z]+-[a-z]+|of(?=\s+[A-Z])))*(?:\s+[A-Z][\w\-]*)*)"
)
_MODELS_WORD = re.compile(r"\b(?:Models?|LLMs?|VLMs?|Agents?)\b")  # a title about models, not a method's name
_GERUND = re.compile(r"[A-Z][a-z]+ing\s")
_DATA_TAIL = re.compile(r"\b(?:Data|Datasets?|Corpus|Corpora|Videos|Images|Demonstrations|Trajectories|Annotations)$")
# '提出X的改进版Y', 'a new X variant called Y': Y is new, X is what it builds on
_VARIANT_AFTER = re.compile(r"\s*的(?:改进|增强|扩展|升级|加强)?(?:版本?|变体|变种)|\s+(?:variant|extension)\b")
_SETTING_TAIL = re.compile(r"\b(?:Constraints?|Budgets?|Guarantees?|Bounds?)$")
_MODEL_TAIL = re.compile(r"(?:Models?|LLMs?|VLMs?|Transformers?|Agents?|Networks?)$")
_GENERIC_TAIL = re.compile(
    r"(?:^(?:Reinforcement Learning|Large Language Models?|LLMs?|Language Models?|Diffusion|Transformers?)$|Models?$|LLMs?$|Agents?$|Feedback$|Interaction$|Transformers?$|Dialogu?es?$|Conversations?$"
    r"|Classification$|Reconstruction$|Recognition$|Detection$|Segmentation$|Prediction$|Forecasting$|Answering$|Understanding$)"
)
_METHOD_HEAD = re.compile(json.loads((Path(__file__).parent / "patterns" / "names.json").read_text(encoding="utf-8"))["method_long_form_heads"])


def _the_work_introduces(text: str, verb: int, floor: int) -> bool:
    """Whether the intro verb at ``verb`` has the paper for its subject: said before it in its clause
    (``_SUBJECT``, further back for English names), a second verb of that subject (``_COORDINATED``), or
    a sentence going on with the work (``_GOES_ON``); ``floor`` is where the summary starts."""
    return bool(
        _GOES_ON.search(text, max(floor, verb - 8), verb)
        or _SUBJECT.search(text, max(floor, verb - 20), verb)
        or _SUBJECT.search(text, max(floor, verb - 20 - _latin_in(text, verb - 60, verb)), verb)
        or (_COORDINATED.search(text, max(floor, verb - 6), verb) and _SUBJECT_FAR.search(text, max(floor, verb - 140), verb))
    )


_PART_HEAD_END = re.compile(r"(?:奖励|损失|门控|正则项?|惩罚)$")  # a name headed by a part's noun ('“覆盖奖励”')
_PRIOR_CLASS_BEFORE = re.compile(r"(?:为代表的|等|这类|此类|传统的?|现有的?|经典的?)\s*$")
_PROBLEM_AFTER = re.compile(r"\s*(?:误差|问题|现象|偏差|错误|瓶颈|困境|陷阱|效应|风险)")
_IDEA_AFTER = re.compile(r"\s*(?:的|这一|这种)\s*(?:思路|理念|思想|范式|原则)")  # '“可验证奖励”的思路可以扩展到…'


def _quoted_parts(text: str, pos: int, headed: bool = False):
    """The quoted Chinese names (``_QUOTED_NAME``) after ``pos`` with a cue word right before their
    quote (``_QUOTE_CUE_BEFORE``, at or after the end of the name before), a part noun after it, or
    an English gloss of two words or more (``_TITLE_GLOSS_AFTER``), or, with ``headed`` (a paper that
    introduces something), a name headed by a part's noun (``_PART_HEAD_END``: '加入了“合法性门控”');
    not a class of earlier work, a problem nor an idea the text names (``_PRIOR_CLASS_BEFORE``, ``_PROBLEM_AFTER``,
    ``_IDEA_AFTER``).
    (Not 裁剪, which crops an image as often as it clips a ratio: an unread set fell.)
    """
    for m in _QUOTED_NAME.finditer(text, pos):
        if (_PRIOR_CLASS_BEFORE.search(text, max(pos, m.start() - 8), m.start()) or _PROBLEM_AFTER.match(text, m.end())
                or _IDEA_AFTER.match(text, m.end())):
            pos = m.end()  # a class of earlier work ('以ByteTrack为代表的“检测后跟踪”方法'), a problem ('“乘积不一致”误差'),
            # an idea the takeaway generalises ('“可验证奖励”的思路')
            continue
        if (m.group("post") or _QUOTE_CUE_BEFORE.search(text, pos, m.start()) or _TITLE_GLOSS_AFTER.match(text, m.end())
                or headed and _PART_HEAD_END.search(m.group("name"))
                or _BY_MEANS_BEFORE.search(text, pos, m.start()) and _STEP_VERB_AFTER.match(text, m.end())):
            yield m
        pos = m.end()


_PART_SUFFIX = re.compile(r"(?:机制|模块|策略|方法|算法|损失|组件|阶段|技术)$")
_ONE_WORD_NAME = re.compile(r"^[A-Za-z0-9\u0370-\u03ff][\w.\-+']*$")  # ('π0.7' too)
_VERSION_OR_CAP = re.compile(r"^(?:v?\d+(?:\.\d+)*|[A-Z][\w\-.]*)$")
_VERSION_NUMBER = re.compile(r"^v?\d+(?:\.\d+)*$")
_PLAIN_WORD = re.compile(r"[a-z][a-z\s\-]*")  # lower case without a digit: a word, not a name ('olmo-4-think-32b' is one)
_CALLED = re.compile(_NAMED.pattern + "$")  # ('名为needlechain的…': named, so a name)
# the words of a sentence or slogan, which a name never holds ('JSON Mode Is Not Enough', 'Fine-Tuning Agents Without
# Forgetting Safety')
_CLAUSE_WORDS = frozenset("is are was were be not no can cannot does do did should will would may might need needs has have "
                          "isn't don't without before after when where why how what beyond than".split())
_BRACKETED_LEAD = re.compile(r"^\s*(?:[（(][^）)]{0,30}[）)])?\s*")
# the close of the quote or bracket a name stands in, before the phrase it heads ('“码途”（CodeVoyage）的…基准')
_CLOSED_LEAD = re.compile(r"^[”’」』\"')）]")
_LATIN_NEXT = re.compile(r"\s*[A-Za-z]")
_OF_PHRASE = re.compile(r"^的([^，。；,;（(]{0,30})")
_PHRASE_STOP = re.compile(r"(?:在|于|通过|使|将|取得|达到|实现|用于|来|以|进行)")
_APPOSITION = re.compile(r"^(?:[，,]|\s*is\b)\s*(?:一个|一种|一款|一套|即|(?:this|an?)\b)\s*((?:[^，。；,.;：:]|(?<=\d)\.(?=\d)){0,60})")  # ('X is a … model'; a version's dot ends nothing: 'Seedream 4.0')
_GROUP_OF = re.compile(r"^(?:[\w-]+\s+){0,3}?(?:family|families|series|suite|collection|set|pair) of\s+")  # ('a family of … models': models)
_ENGLISH_MODIFIER = re.compile(r"\s(?:for|of|that|which|with|to|on|in|from|by|using)\s")  # (where an English head noun's modifiers start)
# (also the long form an acronym spells out, 'Tiny Recursive Model (TRM-2)', and a gloss after a
# quoted name, '多模态大模型“灵枢”（LingShu-TCM）')
_KIND_BEFORE = re.compile(
    r"(基准测试|基准|数据集|测试集|评测集|任务集|语料库|语料|子集|模型|框架|方法|指标|度量|benchmark|dataset|corpus|subset|model|framework|metric)\s*(?:(?:名为|称为|叫做|called|named|dubbed)\s*)?(?:[“「][^”」]{1,12}[”」])?\s*[（(]?\s*$", re.I
)
_LEAD_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*[A-Za-z0-9]")  # the Latin name a long form opens with
# what the work ends up with: '最终构建了…', '过滤后得到…'
_PRODUCED = re.compile(r"(?:得到|构建|构成|形成|产出|合成|整理出|筛选出|蒸馏出|(?P<trained>训练出?))了?")
_COUNTED = re.compile(r"-\d+(?:\.\d+)?[KMB]$")  # ('-40K', '-1M', '-72B')
_CLAUSE_BREAK = re.compile(r"[，；;]|,(?!\d)")  # (not the comma of a count: "3,600条")
_OWN_CLAUSE_ENDS = re.compile(r"[，；;。：:！？]|,(?!\d)")  # ('自研的切片编码器。训练…由TCGA…': no name of the own thing)
# (the conjunction may come with what the next name is: '提出了线性探针方法A和激活干预方法B')
_AND_BEFORE = re.compile(r"(?:和|与|以及|及|、|and)(?:[\u4e00-\u9fff]{0,8}?(?:方法|算法|框架|模块|模型|基准|数据集|指标))?\s*$")
_AND_NEXT = re.compile(r"\s*(?:以及|及其|并且?提出了?|和|与|as well as\b|and\b)")  # a clause that goes on with the same object
_KIND_APPOSITION = re.compile(r"\s*(?:一种|一个|一类|一款|一套)")  # what the name before is
_PART_SET_OFF_BEFORE = re.compile(r"\b(?:component|module|stage|mechanism)s?,\s*(?:\*\*)?$")
_KIND_NOUN_AFTER = re.compile(r"\s*[）)]?\s*(?:方法|框架|算法|技术|范式)")  # (after the name or its bracket)
_AND_DESCRIBED_BEFORE = re.compile(r"(?:和|与|以及|及|、)[^，。；,;和与及的]{1,24}的\s*$")  # ('…与包含约100万组编辑样本的X')
_LOCATIVE_BEFORE = re.compile(r"(?:在|于|从|对|基于)\s*$")
_JOINED_AFTER = re.compile(r"(?:检查点|模型|数据集|基准|框架|方法|系统)?\s*(?:以及|与|和|及|、)")
_KIND_WORDS_ONLY = re.compile(r"[\u4e00-\u9fff]{0,8}")  # (no clause between a cue and its name)
_LABEL_COLON = re.compile(r"\s*[:：]")
_GLOSS_IN = re.compile(r"[（(]([A-Za-z][^）)]*)[）)]")
_TWO_LATIN = re.compile(r"[A-Za-z]{2}")
_TRAILING_GLOSS = re.compile(r"\s*[（(][^）)]*[）)]$")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_BASELINE_CUE = re.compile(_BASELINE_BEFORE)
# an acronym defined as the setting the work sits in, not as its own part: '在可验证奖励强化学习（RLVR）
# 框架下', '基于监督微调（SFT）的', '现有图增强生成（Graph-RAG）方法', '克服…（RLHF）的高成本'
_PRIOR_CUE = r"(?:在|基于|现有的?|已有的?|先前的?|此前的?|以往的?|传统的?|经典的?|标准的?|应用|遵循|沿用|借鉴|克服|如|例如|诸如|such as|like|e\.g\.,?)"
_PRIOR_BEFORE = re.compile(_PRIOR_CUE + r"\s*$")
# or the last of a list of examples: 'methods such as Reflexion and Agent Workflow Memory (AWM)'
_EXAMPLES_BEFORE = re.compile(r"\b(?:such as|like|e\.g\.,?|including)\s+(?:[A-Z][\w\-.]*(?:\s+|,\s*))+(?:and|or)\s+$")
# or a word for earlier work before the name's descriptor: '先前的层级推理模型HRM（…）'
_EARLIER_BEFORE = re.compile(r"(?:现有|已有|先前|此前|以往|传统|经典)的?[\u4e00-\u9fff]{0,8}\s*$")
# a Chinese long form may start with a word for existing work: '现有图增强生成' (not '基于树搜索的…方法',
# which describes the new method)
_PRIOR_LEAD = re.compile(r"(?:克服|解决)?(?:现有的?|已有的?|先前的?|此前的?|以往的?|传统的?|经典的?|标准的?)")
# or before 'X等方法' ('Circuit Breakers和表示工程（RepE）等方法': examples of a kind, others' work),
# or before what the work extends it to ('将…方法Private Evolution（PE）扩展到多轮对话')
_PRIOR_AFTER = re.compile(r"^\s*[”」]?\s*(?:中|之中|之上|框架下|范式|设置下|等(?:经典|传统|现有|主流|常见|已有)?的?(?:方法|算法|技术|工作|基线)|(?:扩展|推广|拓展|迁移)(?:到|至)|"
                          r"setting\b|paradigm\b)", re.I)
# a Chinese part noun right before a Latin name: '…适配器CamAdapter', '…网络MatPrior', '…模块Ψ-Dynamics'
_PART_NOUN_RIGHT_BEFORE = re.compile(r"[\u4e00-\u9fff](?:模块|适配器|网络|组件|算法|机制|器)\s*\Z")
_CODER_RIGHT_BEFORE = re.compile(r"(?:编码器|解码器|编解码器|分词器)\s*\Z")  # a named encoder is a trained network: a model
_CLAUSE_START = re.compile(r"[，。；：,;:！？、]")
# the clause uses a name rather than makes it: '调用机器学习势函数X', '以检索器X为基础', '如规划器X'
_USED_IN_CLAUSE = re.compile(r"使用|采用|利用|借助|调用|基于|沿用|结合|以(?!及)|如|相比|优于|对比|较|现有|已有|基线|baseline")
# a clause naming prior work before a glossed technique ('现有图增强生成（Graph-RAG）'), or after it
# ('在自强迫蒸馏（Self-Forcing Distillation）基础上'): see 4e
_PRIOR_IN_CLAUSE = re.compile(r"现有|已有|先前|此前|以往|传统|经典|基线|baseline|如|相比|优于|对比|沿用|遵循|借鉴")
_DEFINES_BEFORE = re.compile(r"(?:\bdefines?|\bdefined|定义(?:了|的)?)[^,.;，。；]{0,30}$")
_MULTIWORD = re.compile(r"[A-Za-z][ -][A-Za-z]")
_FOUNDATION_AFTER = re.compile(r"^\s*(?:\*\*)?\s*(?:的?基础上|的?基线|为基础)")  # ('在**自强迫蒸馏（…）**基础上')
_PART_NOUN_AFTER = re.compile(r"^\s*(?:框架|机制|模块|策略|算法|范式|组件|framework\b|module\b|mechanism\b)", re.I)
# a title's head phrase: two to six capitalised words before a preposition ('… Estimation for …'),
# not opening on an article ('A Theory of …', 'The Illusion of …': a description, no name)
_TITLE_HEAD = re.compile(r"^(?!(?:A|An|The)\s)(?P<head>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){1,5})\s+(?:for|with|via|in|on|of|through|using|by|to)\b")
_COINED_COMPOUND = re.compile(r"[A-Z][a-z]+-[A-Z][a-z]+")
_HYPHENATED = re.compile(r"[A-Za-z0-9]-[A-Za-z]")
_WORD_SPLIT = re.compile(r"[\s\-]+")
_BENCHMARK_WORD = re.compile(r"\bbenchmark", re.I)


_REPORT_TITLE = re.compile(r"^(?P<name>\S+(?: \S+){0,2}?)\s+(?:Technical Report|Tech Report|System Card|Model Card)\s*$", re.I)


def title_prefix(title: str) -> str | None:
    """The name before a title's colon, unless it is a slogan.

    >>> title_prefix("LongLive: Real-time Interactive Long Video Generation")
    'LongLive'
    >>> title_prefix("No Prompt Left Behind: Exploiting Zero-Variance Prompts") is None
    True
    """
    report = _REPORT_TITLE.match(title.split(":", 1)[0])
    if report:  # 'kestrel-2 Technical Report', 'Aurora-VL 2 Technical Report: …': the release the report is about
        name = report.group("name")
        words = name.split()
        shaped = any(_HAS_NAME_SHAPE.search(w) for w in words)
        return name if shaped and all(_VERSION_OR_CAP.match(w) for w in words[1:]) else None
    if ":" not in title:
        return None
    head = title.split(":", 1)[0].strip()
    words = head.split()
    if not words or len(words) > 5 or any(w.lower() in _CLAUSE_WORDS for w in words[1:]):
        return None  # ('JSON Mode Is Not Enough': a clause, a slogan)
    if len(words) == 1:
        return head if _ONE_WORD_NAME.match(head) and (head[:1].isupper() or _HAS_NAME_SHAPE.search(head)) else None
    # 'PromptCoT 2.0', 'Think-on-Graph 3.0', 'Qwen3-Omni Technical Report'; Title Case words with a
    # version number last name a release too ('Audio Flamingo 4')
    if all(_VERSION_OR_CAP.match(w) for w in words[1:]) and (
        any(_HAS_NAME_SHAPE.search(w) and not _SLOGAN_WORD.match(w) for w in words[:1])
        or (len(words) <= 4 and _VERSION_OR_CAP.match(words[0]) and _VERSION_NUMBER.match(words[-1]))
    ):
        return head
    return None


# Named parts listed without bold: numbered items ('1）反向噪声初始化（backward noise initialization），…；2）…')
# and the items after a header that counts the parts ('X包含三个模块：A将…；B在…；以及C…').  An item's head,
# up to its first comma or colon outside brackets, holds the part's name: a quoted Chinese name, a
# Chinese term with its Latin gloss, or one Latin name after at most a short Chinese descriptor.
_ITEM_BEFORE = frozenset(" \n\t：:；;。，,")  # what may stand before an item's number ('：1）', '；2)')
_CIRCLED = "①②③④⑤⑥⑦⑧⑨"
_BOLD_NEXT = re.compile(r"\s*\*\*")
# a header that counts the parts, up to the colon that opens them (searched back from each colon:
# a text has few colons, and scanning it all for the header cost 0.08 ms a paper)
_PARTS_HEADER = re.compile(
    r"(?:包含|包括|由|分为|涵盖|提出了?|引入了?|设计了?)[^。；;：:]{0,16}?(?:[两三四五六七八九]|\d)\s*(?:个|项|种|大|部分)?"
    r"(?:相互关联的|关键|核心|主要|互补的?)?(?:组件|模块|部分|步骤|阶段|创新|设计|机制|技术|组成部分|components?|modules?|stages?|parts?|innovations?)"
    r"[^。：:]{0,6}$"
    r"|\b(?:has|have|adds|add|comprises|comprise|consists of|includes|include|contains|contain)\s+(?:two|three|four|five|\d)\s+"
    r"(?:key |main |core |complementary |novel )?(?:components|modules|parts|stages|mechanisms|techniques)\s*$", re.I)
_HEADER_REACH = 120  # characters a header may span before its colon
_PART_NOUN_BEFORE = re.compile(r"(?:组件|模块|部分|步骤|阶段|创新|设计|机制|技术|component|module|stage|part|innovation|mechanism|technique)s?[^。：:]{0,6}$", re.I)  # (its end: checked first)
_ITEM_SEPARATOR = re.compile(r"[；;]\s*(?:以及|和|及|与|and)?\s*")
_ITEM_LEAD = re.compile(r"\s*(?:[（(]?\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨])?\s*(?:以及|和|及|与|并|另外|此外|最后|最终|同时|还有|and\b)?\s*"
    r"(?:(?:首先|其次|再次|然后|最后|第[一二三四五]|其[一二三四五]|[一二三四五]是)\s*[，,、：:]?\s*)?(?:配套的|一个|一种|一套)?\s*")  # ('首先，织线器（Thread Weaver）将…')
# an item's head: up to its first comma, colon or semicolon outside (one level of) brackets
_HEAD_TO_END = re.compile(r"(?:[^，,：:；;。（()）]|[（(][^（()）]*(?:[）)]|$)|[）)])*")
_HEAD_QUOTED = re.compile(r"[“「\"](?P<name>[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9\-]{1,11})[”」\"]")
_HEAD_GLOSSED = re.compile(r"(?!采用|使用|利用|借助|基于|通过|在|对|将|以|从|用)[\u4e00-\u9fff]{2,14}\s*[（(](?P<gloss>[A-Za-z][^（）()]{1,60}?)[）)]")
_GLOSS_ACRONYM = re.compile(r"[,，]\s*(?P<short>[A-Za-z][A-Za-z0-9\-+]{1,10})\s*$")
_AND_GAP_ONLY = re.compile(r"\s*(?:和|与|、|及|以及|and|,|，)\s*")
_HEAD_DESCRIPTOR = re.compile(r"^(?:(?:(?!在|由|用|将|对|从|以|通过|基于|使用|采用|利用|先|再|然后|进行)[\u4e00-\u9fff]){0,10}|(?:an?|the)\s+(?:[a-z][\w\-]*\s+){0,2})$")  # ('占据栅格引导模块', 'an asynchronous ')


def _item_head(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, stop) of the head of the list item at ``start``: past its lead word, up to its
    first comma, colon or semicolon outside brackets (``end`` at most)."""
    lead = _ITEM_LEAD.match(text, start, end)
    a = lead.end() if lead else start
    limit = min(end, a + 70)
    m = _HEAD_TO_END.match(text, a, limit)
    return a, m.end()


def _list_items(text: str, start: int) -> list[int]:
    """Where the items of the parts lists after ``start`` begin: numbered items (two or more in a
    sentence) and the items after a header that counts the parts, up to the sentence's end."""
    out: list[int] = []
    numbered = _numbered_items(text, start)
    if len(numbered) >= 2:
        out += numbered
    for colon in (":", "："):
        c = text.find(colon, start)
        while c >= 0:
            if _PART_NOUN_BEFORE.search(text, max(start, c - 20), c) and _PARTS_HEADER.search(text, max(start, c - _HEADER_REACH), c):
                stop = text.find("。", c + 1)
                stop = len(text) if stop < 0 else stop
                out.append(c + 1)
                out += [x.end() for x in _ITEM_SEPARATOR.finditer(text, c + 1, stop)]
            c = text.find(colon, c + 1)
    return sorted(set(out))


def _numbered_items(text: str, start: int) -> list[int]:
    """Where numbered items begin after ``start``: after '1)', '（2）', '③' that follow a separator
    and open no bold item (found from the closing brackets: a text has few, and a regex scan of
    every character for a digit cost 0.05 ms a paper)."""
    out = []
    for close in (")", "）"):
        i = text.find(close, start)
        while i >= 0:
            d = 0
            while d < 2 and i - d - 1 >= start and text[i - d - 1].isdecimal():
                d += 1
            first = i - d  # the number's first digit
            if d and not (first - 1 >= 0 and text[first - 1].isdecimal()):
                if first - 1 >= start and text[first - 1] in "（(":
                    first -= 1
                if (first == 0 or text[first - 1] in _ITEM_BEFORE) and not _BOLD_NEXT.match(text, i + 1):
                    out.append(i + 1)
            i = text.find(close, i + 1)
    for mark in _CIRCLED:
        i = text.find(mark, start)
        while i >= 0:
            if (i == 0 or text[i - 1] in _ITEM_BEFORE) and not _BOLD_NEXT.match(text, i + 1):
                out.append(i + 1)
            i = text.find(mark, i + 1)
    return sorted(out)


_LATIN_RUN = re.compile(r"[A-Za-z0-9][\w.\-]*")


def _latin_in(text: str, start: int, end: int) -> int:
    """How many characters of ``text[start:end]`` are Latin-script words: a name takes the room of
    one Chinese word, so the subject of '作者基于Qwen2.5-VL-7B-Instruct训练得到X' counts as near its verb."""
    return sum(len(m.group()) for m in _LATIN_RUN.finditer(text, max(0, start), end))


def _heads_title(title: str, phrase: str) -> bool:
    """Whether ``phrase`` opens the title or its part after the colon: its head, what the work is
    ('Quantile Advantage Estimation for …'), not what it works on ('Porting DeepSeek Sparse Attention to …')."""
    low, p = title.lower(), phrase.lower().strip()
    return low.startswith(p) or (":" in low and low.split(":", 1)[1].strip().startswith(p))


def _part_words(phrase: str) -> tuple[str, ...]:
    """A phrase's words in lower case, plurals singular ('Evidence Ledgers' -> ('evidence', 'ledger'))."""
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in phrase.casefold().split())


def _same_part(a: str, b: str) -> bool:
    """Whether two names of two words or more name one part: one's words run inside the other's
    ('Self-Evolving Trail Memory' and 'Trail Memory', 'Anchor Tokens' and 'Anchor Token Selection').

    >>> _same_part("Evidence Ledgers", "Evidence Ledger"), _same_part("Anatomy-Aware Memory", "Anatomy-Aware Memory Bank")
    (True, True)
    >>> _same_part("Trail Memory", "Memory Bank")
    False
    """
    x, y = _part_words(a), _part_words(b)
    short, long = sorted((x, y), key=len)
    return len(short) >= 2 and any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _named_at(name: Span, abbrevs) -> int:
    """Where ``name`` is named: an acronym where its long form starts ('作者定义的冗余推理比（Redundant
    Reasoning Ratio, RRR）', 'called Path Faithfulness Score (PFS)'), any other name where it stands."""
    return min([name.start_char] + [lf.start_char for sf, lf in abbrevs if sf == name])


def _occurrences(text: str, name: str, start: int) -> list[int]:
    """Where ``name`` stands as a whole word in ``text`` after ``start`` (case-insensitive)."""
    low, needle, out = text.lower(), name.lower(), []
    i = low.find(needle, start)
    while i >= 0:
        before = low[i - 1] if i else " "
        after = low[i + len(needle)] if i + len(needle) < len(low) else " "
        if not (before.isascii() and (before.isalnum() or before == "-")) and not (after.isascii() and (after.isalnum() or after == "-")):
            out.append(i)
        i = low.find(needle, i + 1)
    return out


def _prior_work(text: str, short: Span, long: Span, floor: int) -> bool:
    """True when the definition ``long (short)`` stands where the text names prior work:
    right after a cue like 在/基于/现有 (or starting with one) or right before 中/框架下/范式/基础上
    (``_PRIOR_BEFORE``, ``_PRIOR_LEAD``, ``_PRIOR_AFTER``, ``_FOUNDATION_AFTER``).

    >>> import spacy; doc = spacy.blank("xx")("在 监督微调 （ SFT ） 设置下")
    >>> _prior_work(doc.text, doc[3:4], doc[1:2], 0)
    True
    """
    start, end = min(short.start_char, long.start_char), max(short.end_char, long.end_char)
    end += 1 if text[end : end + 1] in ")）" else 0
    return bool(
        _PRIOR_BEFORE.search(text, max(floor, start - (10 if text[start - 1 : start].isascii() else 4)), start)
        or _EXAMPLES_BEFORE.search(text, max(floor, start - 60), start)
        or _EARLIER_BEFORE.search(text, max(floor, start - 14), start)
        or _PRIOR_LEAD.match(text, start)
        or _PRIOR_AFTER.match(text[end : end + 8])
        or _FOUNDATION_AFTER.match(text[end : end + 8])  # ('在**自强迫蒸馏（Self-Forcing Distillation）**基础上')
    )


def _new_thing_kind(noun: str) -> str:
    """What 'a new <noun>' introduces: ``set of 4.2K prompts`` a dataset, ``prior`` a method.

    >>> _new_thing_kind("evaluation set"), _new_thing_kind("reward model"), _new_thing_kind("structural-causal prior")
    ('benchmark', 'model', 'method')
    """
    kind = _kind_near(noun)
    if kind == "framework":
        return "benchmark" if re.search(r"\b(?:set|split|collection)\b", noun, re.I) else "method"
    return kind


def _kind_near(text: str) -> str:
    for kind, rx in _KIND_WORDS:
        if rx.search(text):
            return kind
    return "framework"


_HEAD_NOUN = re.compile(
    r"(基准测试|基准|数据集|测试集|评测集|任务集|(?:评测|评估|测评)(?:平台|套件)|语料库|语料|benchmark|dataset|corpus|suite|模型|model|框架|framework|方法|method|算法|algorithm|"
    r"系统|system|指标|度量|metric|技术|technique|管线|流水线|pipeline|模块|module|机制|mechanism|策略|strategy|范式|paradigm|组件|component|损失|loss|"
    r"智能体|agent|编码器|encoder|解码器|decoder|适配器|adapter|控制器|controller|训练目标|优化目标|objective)"
    r"(?!的)",  # (a kind word before 的 qualifies the head: '一种…输入大语言模型的图-语言接口' is no model)
    re.I,
)
_SERIES_OF = re.compile(r"系列([^，。；,;：:（(的\s]{1,16})")  # 'X系列GUI智能体模型' (a direct noun but for the Latin word)
_METHOD_NOUN_AT_END = re.compile(r"(?:方法|算法|框架|method|algorithm|framework)$", re.I)
_GIVES = re.compile(r"提供|带来|赋予|注入|补充")  # 'X为模型提供…' (see descriptor_kind)
# (训练 after the name starts what it does: '（Lookahead Risk Distillation）训练监控模型' trains a model, is none;
# so do 把, 将, 则, 由…: '（Thought Echo Injection）则把目标模型的…' acts on a model, '（DDI rate）由通用模型的…' is said of one)
_DIRECT_NOUN = re.compile(r"^(?:(?![的在和与及把将则被让使对向由从较比]|训练)[\u4e00-\u9fff]){0,4}?(?:" + _HEAD_NOUN.pattern + r")", re.I)
_HEAD_KIND = {"基准测试": "benchmark", "基准": "benchmark", "数据集": "benchmark", "子集": "benchmark", "subset": "benchmark", "任务集": "benchmark",
              "测试集": "benchmark", "评测集": "benchmark",
              "语料库": "benchmark", "语料": "benchmark", "benchmark": "benchmark", "dataset": "benchmark", "corpus": "benchmark", "suite": "benchmark",
              **dict.fromkeys([a + b for a in ("评测", "评估", "测评") for b in ("平台", "套件")], "benchmark"),
              "模型": "model", "model": "model", "指标": "metric", "度量": "metric", "metric": "metric",
              **dict.fromkeys(["技术", "technique", "管线", "流水线", "pipeline", "模块", "module", "机制", "mechanism",
                               "策略", "strategy", "范式", "paradigm", "组件", "component", "损失", "loss",
                               "方法", "method", "算法", "algorithm", "智能体", "agent", "编码器", "encoder",
                               "解码器", "decoder", "适配器", "adapter", "控制器", "controller",
                               "训练目标", "优化目标", "objective"], "method")}
# a clause about what X does, not what X is
_VERB_AFTER = re.compile(r"^\s*(?:在|于|上|中|通过|使|将|取得|达到|实现|能|可|比|较|相|的(?:性能|表现|效果|结果|方法|训练)|is\b|achieves|outperforms|on\b)")


_SEPARATORS = re.compile(r"[\s\-_.]")


def _squashed(name: str) -> str:
    """The name in lower case without separators ('Aurora-World 2' -> 'auroraworld2')."""
    return _SEPARATORS.sub("", name.lower())


def _shape_kind(name: str, voted: str | None = None) -> str | None:
    """A benchmark or model by the name's shape alone (kg.extract.names: 'VoxTalk-Bench', 'X-7B');
    where it has both shapes ('Liuguang-200M': a count of items or of parameters), the ``voted`` one."""
    shape = shape_kinds(name)
    if voted in shape and {"benchmark", "model"} <= shape:
        return voted
    return next((k for k in ("benchmark", "model") if k in shape), None)


def descriptor_kind(text: str, start: int, end: int, floor: int = 0) -> str | None:
    """What the text calls the name at [start, end): the head noun of its descriptor.

    Looks right after the name (``X模型``, ``X框架``), at an apposition (``X，一个…世界模型``),
    at the phrase it heads (``名为X的…框架``) and right before it (``…视觉语言模型X``).
    The head noun of a Chinese noun phrase is its last kind word.

    >>> descriptor_kind("本文提出了WoW，一个140亿参数的具身生成世界模型，", 5, 8)
    'model'
    >>> descriptor_kind("主要成果是D-Artemis框架在两大主流基准测试中", 5, 14)
    'framework'
    """
    start, end = past_bold_before(text, start), past_bold_after(text, end)  # ('**X**框架': the marks hide nothing)
    after = text[end : end + 70]  # (English takes more characters: 'X is a 12B-parameter autoregressive world model')
    closed = _CLOSED_LEAD.match(after)  # then only a '的' phrase can describe it: '（CSIs）数据集DIWALI' names DIWALI
    after = after[closed.end() :] if closed else after
    head = _BRACKETED_LEAD.match(after)
    after = after[head.end() :] if head else after
    direct = _DIRECT_NOUN.match(after)
    if closed and direct and _LATIN_NEXT.match(after, direct.end()):
        direct = None  # '（CSIs）数据集DIWALI': the noun heads the name that follows ('（TPD）方法' describes TPD)
    elif direct and after.startswith("为") and _GIVES.match(after, direct.end()):
        direct = None  # 'X为模型提供…': X gives the model something, it is none ('X为轻量模型' is one)
    if direct:  # 'X模型', 'X框架', 'X dataset': the word right after the name says it
        return _HEAD_KIND.get(direct.group(1).lower(), "framework")
    series = _SERIES_OF.match(after)
    if series and (nouns := _HEAD_NOUN.findall(series.group(1))):  # 'X系列GUI智能体模型': the series' last noun
        return _HEAD_KIND.get(nouns[-1].lower(), "framework")
    m = _OF_PHRASE.match(after)
    phrase = m.group(1) if m else ""
    stop = _PHRASE_STOP.search(phrase)
    if stop:
        phrase = phrase[: stop.start()]
    nouns = _HEAD_NOUN.findall(phrase)
    if not nouns:
        appo = _APPOSITION.match(after)
        if appo:  # (an English noun phrase is headed before its modifiers: 'a serving system for … MoE models')
            nouns = _HEAD_NOUN.findall(_ENGLISH_MODIFIER.split(_GROUP_OF.sub("", appo.group(1)), 1)[0])
    if not nouns:
        before = text[max(floor, start - 24) : start]
        b = _KIND_BEFORE.search(before)
        nouns = [b.group(1)] if b else []
    if not nouns:
        return None
    return _HEAD_KIND.get(nouns[-1].lower(), "framework")


def _object_head(text: str, names: list[Span], first: Span, verb_end: int, end: int) -> Span:
    """The name that heads an intro verb's object ending at ``end``, ``first`` being its first name: the
    name right after the object's last 的, where ``first`` stands inside what describes it ('发布了包含…、附带HDR
    环境光实测的RelightCity-24数据集'); else ``first`` (not '开源了X检查点与包含…的Y数据集': X is released beside Y;
    but '训练出在A和B上表现突出的Y': the join is inside a place phrase)."""
    last_de = text.rfind("的", first.end_char, end)
    head = next((n for n in names if n.start_char == last_de + 1), None) if last_de >= 0 else None
    if head is None or "的" in text[verb_end : first.start_char]:
        return first
    joined = _JOINED_AFTER.match(text, first.end_char) and not _LOCATIVE_BEFORE.search(text, verb_end, first.start_char)
    return first if joined else head


class ProposalFinder:
    def __init__(self, nlp: Language, name: str = "paperkg_proposals", known=frozenset(), lexicon_names=frozenset(),
                 model_names=frozenset(), field_words=frozenset(), forms_of=None):
        set_extensions()
        self.name = name
        self.forms_of = forms_of or {}  # a lexicon name (casefolded) -> all names of its entry
        self.known = frozenset(k.casefold() for k in known)  # lexicon names and stoplist: prior work
        self.lexicon_names = frozenset(k.casefold() for k in lexicon_names)  # named techniques, models, datasets
        # the last two or more words of a known name: 'with Verifiable Rewards' ends RLVR's long form
        self.known_tails = frozenset(" ".join(w[i:]) for w in (_WORD_SPLIT.split(k) for k in self.lexicon_names)
                                     for i in range(1, len(w) - 1))
        self.model_names = frozenset(k.casefold() for k in model_names)  # the lexicon's models
        self.field_words = frozenset(k.casefold() for k in field_words)  # the stoplist

    @staticmethod
    def _describes_found(text: str, at: int, end: int, found: list[Span]) -> bool:
        """Whether [at, end) is the kind a name found is said to be ('X，一种…的Y（gloss）方法'; not a
        part the apposition names: 'X，一个显式维护“证据账本”（Evidence Ledger）的…框架')."""
        comma = max(text.rfind("，", 0, at), text.rfind(",", 0, at))
        if (comma < 0 or not _KIND_APPOSITION.match(text, comma + 1) or _CLAUSE_START.search(text, comma + 1, at)
                or not _KIND_NOUN_AFTER.match(text, end)):
            return False
        return any(s.end_char == comma for s in found)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)

        def _t(sp: Span) -> str:  # a span's text by slicing (Span.text rebuilds it from tokens)
            return text[sp.start_char : sp.end_char]

        title_end = doc_value(doc, "title_end") or 0
        title = text[:title_end]
        names = list(group_spans(doc, "names")) if "names" in doc.spans else []
        abbrevs = doc_value(doc, "abbreviations")
        # acronyms of a class of models ('多模态奖励模型（MRM）'): never the paper's coinage
        classes = {_t(short) for short, long in abbrevs if names_a_class(_t(long), self.field_words)}
        found: list[Span] = []
        # span._.headline of the spans found, read without building an Underscore each time;
        # keyed by offsets as spaCy keys it (a later span with the same offsets overrides)
        headline_at: dict[tuple[int, int], bool] = {}

        def is_head(s: Span) -> bool:
            return headline_at[s.start_char, s.end_char]

        def add(span: Span | None, kind: str, headline: bool):
            if span is None or not _t(span).strip():
                return
            same = [s for s in found if is_head(s) and _t(s).casefold() == _t(span).casefold()]
            if same and not headline:
                headline = True  # the headline named again is still the headline, not one of its parts
            if same and kind == "framework" and same[0].label_ in ("model", "benchmark"):
                kind = same[0].label_  # (what the title said it is, the summary does not undo)
            if not headline and kind == "framework":
                kind = "method"  # a named part of the work (its module, stage, sub-framework)
            if headline and kind == "method":
                kind = "framework"  # the headline is the paper's own system, not a reusable technique
            new = Span(doc, span.start, span.end, label=kind)
            set_span_values(doc, "headline", [(new, headline)])  # new._.headline = headline
            headline_at[new.start_char, new.end_char] = headline
            found.append(new)

        def voted_measure(span: Span) -> bool:  # the name finder votes strongly for a measure ('作者提出的…量表（GQR）')
            return (span_value(doc, span, "votes") or {}).get("metric", 0) >= 2

        def voted_kind(span: Span) -> str | None:  # the text says it is data or a model ('议会语料AfriParl-60', 'X（9000万参数）')
            votes = span_value(doc, span, "votes") or {}
            top = max(votes.values(), default=0)
            said = [k for k, w in votes.items() if w == top]
            return said[0] if top >= 3 and len(said) == 1 and said[0] in ("benchmark", "model") else None

        def kind_of(span: Span) -> str:  # what the text calls it, else what its shape says ('…-Bench'), else a measure, data or a model, else a framework
            voted = voted_kind(span)
            return (descriptor_kind(text, span.start_char, span.end_char, title_end) or _shape_kind(_t(span), voted)
                    or ("metric" if voted_measure(span) else voted or "framework"))

        # 1. the title's name before the colon
        prefix = title_prefix(title)
        if prefix:
            span = doc.char_span(0, len(prefix), alignment_mode="expand")
            if span is not None:
                add(span, self._headline_kind(doc, prefix, title_end), True)
        keywords_end = doc_value(doc, "keywords_end") or title_end
        # 2. the summary introduces a name
        unnamed = False  # the paper introduces something it gives no name in the summary
        for m in _INTRO.finditer(text, title_end):
            # '…，训练出基于X的Y': a summary says what the work trained without naming who trained it
            # (not '现有方法训练出的模型': a relative clause)
            trained = m.group(0).startswith("训练") and not text.startswith("的", m.end())
            if not trained and not _the_work_introduces(text, m.start(), title_end):
                continue  # '设计精良的小型模型…' is not the paper introducing something
            if (text.startswith("的", m.end()) and _RELEASE.match(m.group(0))
                    and not _OWN_RELATIVE.search(text, max(title_end, m.start() - 10), m.start())):
                continue  # '作者指出，尽管2027年发布的X、Y等模型…': what others released (not '作者同时发布的评测集X')
            sent_end = _SENT_END.search(text, m.end())
            clause_end = sent_end.start() if sent_end else len(text)
            clause = (m.end(), min(clause_end, m.end() + 80))
            named = _NAMED.search(text, *clause)
            if named and self._names_object(names, text, clause[0], named.start()):
                named = None  # '发布了X和Y两个模型，其核心是名为Z的模块': X and Y are the object; Z is a part (2b)
            start = named.end() if named else clause[0]
            # the verb's object ends at the first comma ('构建数据集，利用SOTA MLLM…' introduces no name),
            # unless the text names it later ('提出了一个…框架，名为X')
            comma = None if named else _CLAUSE_BREAK.search(text, start, clause[1])
            cand = self._first_name(doc, names, abbrevs, start, comma.start() if comma else clause[1])
            if cand is not None and not named:
                cand = _object_head(text, names, cand, m.end(), comma.start() if comma else clause[1])
            apposed = _APPOSITIVE.match(text, m.end()) if not named and text[m.start()].isascii() else None
            if apposed and (cand is None or apposed.start("name") < cand.start_char):
                cand = doc.char_span(apposed.start("name"), apposed.end("name"), alignment_mode="expand") or cand
            # '本文介绍了Ring-1T，首个开源的万亿参数思考模型': a name the lexicon knows, introduced by its own paper
            known_introduced = (cand is not None and self._known(_t(cand)) and cand.start_char - m.end() <= 2
                                and _DEFINED_AFTER.match(text, cand.end_char) is not None)
            if cand is not None and not known_introduced and (self._known(_t(cand)) or _VARIANT_AFTER.match(text, cand.end_char)
                                     or _INSTRUMENT.search(text, max(m.end(), cand.start_char - 10), cand.start_char)):
                # '提出的DPO变体FG-DPO', '提出X的改进版Y': the known name, or the one Y is a version of, is what it
                # builds on; '设计了一个使用SiLU激活函数的…奖励头': a name the object is made with is no new one
                comma = _CLAUSE_BREAK.search(text, cand.end_char, clause[1])
                cand = self._first_name(doc, [n for n in names if not self._known(_t(n))], [], cand.end_char,
                                        comma.start() if comma else clause[1])
            unnamed = unnamed or cand is None
            if cand is not None and _GATHERS.match(m.group(0)) and kind_of(cand) != "benchmark":
                # what is collected is the paper's own only as a dataset ('收集了567个“智能体PR”（APRs）'
                # is none); the amount it holds says it is one ('collect EgoDex-2, 4,000 hours of … video')
                if _DATA_AMOUNT.match(text, cand.end_char):
                    add(cand, "benchmark", not found or not any(is_head(s) for s in found))
                continue
            if cand is not None and _t(cand) in classes:
                continue  # '在构建高性能多模态奖励模型（MRM）时': a class of models, no coinage
            if cand is not None and (not self._known(_t(cand)) or known_introduced):
                # '提出了X基准测试和Y…方法，…': coordinated names up to the first comma are introduced too
                comma = _CLAUSE_BREAK.search(text[cand.end_char : clause[1]])
                upto = cand.end_char + comma.start() if comma else clause[1]
                others = [other for other in names
                          if cand.end_char < other.start_char < upto and not self._known(_t(other)) and (_AND_BEFORE.search(
                              text[max(cand.end_char, other.start_char - 30) : other.start_char])
                              or _AND_DESCRIBED_BEFORE.search(text, cand.end_char, other.start_char))]
                if comma and (goes_on := _AND_NEXT.match(text, upto + 1)):  # '提出了X基准，以及…的检测方法Y': the object goes on
                    comma = _CLAUSE_BREAK.search(text, goes_on.end(), clause[1])
                    nxt = self._first_name(doc, names, abbrevs, goes_on.end(), comma.start() if comma else clause[1])
                    others += [nxt] if nxt is not None and not self._known(_t(nxt)) else []
                # two methods introduced side by side, by a title that names neither: both are parts of
                # a study, none its headline ('提出了线性探针方法AwareProbe和激活干预方法AwareSteer')
                side_by_side = not prefix and others and all(kind_of(x) == "method" for x in [cand, *others])
                add(cand, kind_of(cand), (not found or not any(is_head(s) for s in found)) and not side_by_side)
                for other in others:
                    add(other, kind_of(other), False)
        # 2b. '名为X' / 'called X' / 'a new X dataset' anywhere: the digest describes this paper's own work
        for m in list(_NAMED.finditer(text, title_end)) + _NEW.finditer(text, title_end):
            cand = self._first_name(doc, names, abbrevs, m.end(), min(len(text), m.end() + 30))
            if cand is not None and m.group(0).startswith("新型") and not _KIND_WORDS_ONLY.fullmatch(text, m.end(), cand.start_char):
                continue  # '新型越狱攻击TraceJack' names the new thing; '新型训练框架，通过应用…（RLVR）范式' does not
            quoted = _ENGLISH_QUOTED_NAME.match(text, m.end() - 1) if text[m.end() - 1 : m.end()] in "\"“" else None
            if quoted and (cand is None or cand.start_char >= quoted.end()):
                # 'termed "Wyckoff tokenization"': in English prose the quotes set off a name the name finder
                # takes for words; a part of the work
                cand = doc.char_span(quoted.start("name"), quoted.end("name"), alignment_mode="contract") or cand
            heads = {_t(s).casefold() for s in found if is_head(s)}
            at = _named_at(cand, abbrevs) if cand is not None else 0
            if cand is not None and at - m.end() <= 12 and not self._known(_t(cand)) and not _VARIANT_AFTER.match(text, cand.end_char):
                kind = kind_of(cand) if at == cand.start_char else (
                    descriptor_kind(text, at, cand.end_char, title_end) or kind_of(cand))  # ('a metric called …')
                add(cand, kind, not heads if _t(cand).casefold() not in heads else True)
        # 2c. '由作者训练的…分词器GeoTok', '作者构建的…X': what the authors made, named in a relative clause
        for m in _AUTHORS_OWN.finditer(text, title_end):
            cand = self._first_name(doc, names, abbrevs, m.end(), min(len(text), m.end() + 24))
            if cand is not None and not self._known(_t(cand)) and not _OWN_CLAUSE_ENDS.search(text, m.end(), _named_at(cand, abbrevs)):
                kind = kind_of(cand)
                if kind == "framework" and m.group("verb") == "训练":
                    kind = "model"  # what the authors trained
                elif kind == "framework":  # else what the text does with it ('在…作者新建的X上': a dataset)
                    votes = span_value(doc, cand, "votes") or {}
                    strong = [k for k in ("benchmark", "model") if votes.get(k, 0) >= 2]
                    kind = max(strong, key=votes.get) if strong else kind
                add(cand, kind, False)
        # 2c'. '过滤后得到包含4万条轨迹的LoomTraj-40K数据集', '训练…得到Forge-Coder-72B': a counted or sized name the
        # work ends up with (the summary need not say who made it: in a paper that introduces something, its own)
        for m in _PRODUCED.finditer(text, keywords_end) if found else ():
            cand = self._first_name(doc, names, [], m.end(), min(len(text), m.end() + 40))
            if m.group("trained") and (cand is None or cand.start_char - m.end() > 1 or of_model_family(_t(cand))):
                continue  # '训练Sculpt-Coder-32B': the model right after the verb, of no known family (not '训练Qwen4-14B')
            if (cand is not None and _COUNTED.search(_t(cand)) and not self._known(_t(cand))
                    and not _OWN_CLAUSE_ENDS.search(text, m.end(), cand.start_char)):
                add(cand, descriptor_kind(text, cand.start_char, cand.end_char, title_end) or _shape_kind(_t(cand))
                    or ("model" if _t(cand).endswith("B") else "benchmark"), False)
        # 2d. 'ArtiRoom-25K, a new dataset of …', 'ChronoBench, a … benchmark the authors also built': a dataset
        # set off by what it is and who made it
        # ('ProgressLM-1.5B, a lightweight progress estimator the authors train': a model)
        for span in names:
            if (text[span.end_char : span.end_char + 1] in _COMMAS and span.start_char >= title_end
                    and not self._known(_t(span))):
                if _DATASET_APPOSITION.match(text, span.end_char):
                    add(span, "benchmark", False)
                elif _TRAINED_APPOSITION.match(text, span.end_char):
                    add(span, "model", False)
            # 'A new evaluation set, EA-Extreme-25, gathers …', 'from a new structural-causal prior, SCM-Mix, which …':
            # the name set off after what it is
            if span.start_char >= keywords_end and not self._known(_t(span)) and _SET_OFF_AFTER.match(text, span.end_char):
                new = _NEW_THING_BEFORE.search(text, max(keywords_end, span.start_char - 90), span.start_char)
                if new:
                    add(span, _new_thing_kind(new.group("noun")), False)
                elif found and _PART_SET_OFF_BEFORE.search(text, max(keywords_end, span.start_char - 30), span.start_char):
                    add(span, "method", False)  # 'A second component, Reading-Order Queries, lets …': a named part
        # 2e. English prose capitalises no common noun: 'A Trajectory Distiller compresses …', 'The Fork
        # Detector marks …' opening a sentence of a paper that introduces something name its parts
        # and so does one after 'a' inside a sentence, then saying what it does: 'is trained with a
        # Prefix-Consistency Loss that aligns …', 'and a learned Budget Router predicts …'
        english = found and (" a " in text or "A " in text or "An " in text or "The " in text)  # (no regex scan of a Chinese text)
        for span in names if english else ():
            name = _t(span)
            if (span.start_char > keywords_end and " " in name and not self._known(name) and not _MODEL_TAIL.search(name)
                    and not voted_measure(span)  # ('The spread-skill ratio stays between …': a measure, no part)
                    and (_ARTICLE_BEFORE.search(text, max(0, span.start_char - 16), span.start_char)
                         and _VERB_AFTER_PART.match(text, span.end_char)
                         or _ARTICLE_INSIDE.search(text, max(0, span.start_char - 16), span.start_char)
                         and (_VERB_AFTER_PART.match(text, span.end_char) or _RELATIVE_AFTER.match(text, span.end_char)))):
                add(span, "method", False)
        # 3. an abbreviation spelling out the title's head phrase
        for short, long in abbrevs:
            if _t(long) and _heads_title(title, _t(long)) and short.start_char >= title_end:
                add(short, self._headline_kind(doc, _t(short), title_end), not any(is_head(s) for s in found))
        # 3b. no headline yet: an acronym of the summary that spells out the title's head phrase
        # ('Quantile Advantage Estimation for Entropy-Safe Reasoning' and 'QAE')
        head = _TITLE_HEAD.match(title) if not any(is_head(s) for s in found) else None
        if head:
            initials = "".join(w[0] for w in _WORD_SPLIT.split(head.group("head")) if w).upper()
            for span in [short for short, _ in abbrevs] + names:
                name = _t(span)
                if span.start_char >= title_end and is_acronym(name) and "".join(c for c in name if c.isupper()) == initials:
                    add(span, self._headline_kind(doc, name, title_end), True)
                    break
            # 3c. or, the summary introducing the work without a name, the head phrase itself
            # ('Variational Reasoning for Language Models': '该研究提出了一种用于语言模型的变分推理框架')
            phrase = head.group("head")
            if (unnamed and not any(is_head(s) for s in found) and not _GERUND.match(phrase + " ")
                    and len(phrase.split()) <= 4 and not _MODELS_WORD.search(phrase)):
                add(doc.char_span(0, head.end("head"), alignment_mode="contract"), "framework", True)
        # 4. named parts: numbered bold items in the method that carry a Latin-script name or gloss
        has_items = _PART_ITEM_HINT.search(text, title_end) is not None  # else no match: skip the slow scan
        for m in _PART_ITEM.finditer(text, title_end) if has_items else ():
            name = m.group("name").strip()
            bare = _TRAILING_GLOSS.sub("", name).strip()
            if section_key(name) and _LABEL_COLON.match(text[m.end() : m.end() + 3]) and (
                len(bare) <= 6 or not _HAN_CHAR.search(bare) or bare == name
            ):
                continue  # 'iv) **Key Methodology**:' is a section label ('一致性蒸馏目标（…）' is no '目标')
            gloss = _GLOSS_IN.search(name)
            if gloss:
                start, end = m.start("name") + gloss.start(1), m.start("name") + gloss.end(1)
                short = _GLOSS_ACRONYM.search(text, start, end)
                if short:  # '一致性蒸馏目标（Consistency Distillation Objective, CDO）': the acronym names it
                    start, end = short.span("short")
            elif _TWO_LATIN.search(name):
                name = _PART_SUFFIX.sub("", name).strip() or name
                name = _TRAILING_GLOSS.sub("", name)  # 'Blink（感知）': the gloss is not the name
                if _HAN_CHAR.search(name):
                    # '技能检索器SkillRecall', 'ManiTok动作分词器': the one unknown name beside a Chinese descriptor;
                    # not 'LLM辅助的行为分析', a description with a known word in it
                    inside = [sp for sp in names if m.start("name") <= sp.start_char and sp.end_char <= m.end("name")]
                    unknown = [sp for sp in inside if not self._known(_t(sp))]
                    if len(inside) == 1 and len(unknown) == 1 and _BOLD_DESCRIBED.fullmatch(
                            text, m.start("name"), m.end("name")) and _TWO_LATIN.search(_t(unknown[0])):
                        add(unknown[0], "method", False)
                    continue
                start, end = m.start("name"), m.start("name") + len(name)
            else:
                continue  # a Chinese-only phrase is a description, not a name
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is not None and len(_t(span)) >= 2:
                add(span, "method", False)
        # 4d. the heads of the items of a parts list (see _list_items), in a paper that introduces something
        name_starts = [sp.start_char for sp in names]  # (names are in text order)
        for start in _list_items(text, keywords_end) if found else ():
            span = self._item_name(doc, names, name_starts, text, start)
            if span is not None:
                add(span, kind_of(span) if kind_of(span) not in ("framework", "model") else "method", False)
        # 4a. quoted Chinese names presented as the work's parts: methods, unless the text calls
        # them something else ('名为“失败步骤分数”（FSF）的图结构度量' is a metric)
        for m in _quoted_parts(text, keywords_end, headed=bool(found)):
            kind = descriptor_kind(text, m.start("name"), m.end("name"), title_end) or "method"
            add(doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract"), kind, False)
        # 4a, in English: a quoted part doing something ('a lightweight "turn-state head" predicts …')
        for m in _QUOTED_ENGLISH_PART.finditer(text, keywords_end) if found and ('"' in text or "“" in text) else ():
            kind = descriptor_kind(text, m.start("name"), m.end("name"), title_end) or "method"
            add(doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract"), kind, False)
        # 4b. acronyms the paper coins: defined here, unknown to the lexicon, and never named as the
        # setting the work builds on (nor listed as a topic among the keywords)
        heads = {_t(s).casefold() for s in found if is_head(s)}
        prior = {  # (glosses in the keyword list are topics, not the paper's named parts)
            _t(short).casefold() for short, long in abbrevs
            if short.start_char < keywords_end or _prior_work(text, short, long, title_end) or self._owned(_t(long))
            or _t(short) in classes
        }
        for short, long in abbrevs:
            if _t(short).casefold() in prior or _t(short).casefold() in heads or (
                    self._known(_t(short)) and not self._redefined(_t(short), _t(long))):
                continue
            if _TASK_LONG_FORM.search(_t(long).strip()) or FROM_TO_TASK.fullmatch(_t(long).strip()):
                continue  # '名为ImagiNav的视觉语言导航（VLN）框架': the acronym names the task, the framework is ImagiNav
            kind = descriptor_kind(text, min(short.start_char, long.start_char), max(short.end_char, long.end_char) + 1, title_end)
            if kind is None and value_follows(text, max(short.end_char, long.end_char)):
                continue  # 'Backward Transfer, BWT）从-6.9%改善到-1.8%': a measure reported, not coined
            if kind is None and _METHOD_NOUN_AT_END.search(_t(long).strip()):
                kind = "method"  # '…策略优化方法（Tree-GRPO）' (not '…语言模型（LALM）': a class of models)
            if kind is None and not _METHOD_HEAD.search(_t(long).strip()) and not (found and _COINED_LONG_FORM.fullmatch(_t(long).strip())
                                                                                    and not _MEASURE_WORD.search(_t(long).strip())):
                continue  # a coined acronym counts when the text says what it is (模块, 机制, dataset…), or when
                # its long form is a Title Case name in a paper that introduces something ('Load-Aware Token Rerouting (LATR)')
            if kind == "metric" and names_measure(_t(long)) and not _DEFINES_BEFORE.search(text, max(title_end, long.start_char - 40), long.start_char):
                continue  # '在任务目标完成率（TGC）和…（SGC）两项指标上': a measure reported, not coined
                # (one the paper defines is: 'DataDecay first defines the Staleness Index (SI), a … metric')
            if self._describes_found(text, min(short.start_char, long.start_char), max(short.end_char, long.end_char), found):
                continue  # '提出LoopSpec，一种…的自推测解码（self-speculative decoding）方法': the kind of what it proposes
            add(short, kind or "method", False)
        # 4c. an unknown name the text calls a framework/module/mechanism, not as a baseline
        for span in names:
            if span.start_char < keywords_end or self._known(_t(span)) or _t(span).casefold() in heads:
                continue
            if _BASELINE_CUE.search(text[max(title_end, span.start_char - 10) : span.start_char]):
                continue
            after_end = past_bold_after(text, span.end_char)
            direct = _PART_NOUN_AFTER.match(text[after_end : after_end + 12])
            if direct:
                add(span, "method", False)
            elif found and _PART_NOUN_RIGHT_BEFORE.search(text, max(title_end, span.start_char - 12), past_bold_before(text, span.start_char)):
                # '相机运动适配器CamAdapter以…编码', '记忆整合器Loom-Consolidator': a part the Chinese names
                # before it, in a paper that introduces something; not one it is built with ('调用检索器X')
                # (a use word before a '的' describes the part: '基于Gemma的主干X', '以SD 3.5为先验的网络X')
                clause = _CLAUSE_START.split(text[max(title_end, span.start_char - 40) : span.start_char])[-1].split("的")[-1]
                if not _USED_IN_CLAUSE.search(clause):
                    kind = "model" if _CODER_RIGHT_BEFORE.search(clause) else kind_of(span)
                    add(span, kind if kind in ("model", "benchmark") else "method", False)
        # 4e. a technique glossed in Latin script that no lexicon knows ('采用双流条件注入（Dual-Stream
        # Conditioning）将…', '难度校准器（Difficulty Calibrator）利用…'), in a paper that introduces
        # something: a named part (the guide: a Chinese name 'glossed in Latin script'); not in the
        # research question, where glossed techniques are what the work starts from, nor in a clause
        # that names prior work.  On the read sets this added 24 proposals, 20 of them gold parts
        # (an acronym or one word in the bracket is 4b's to judge: '抽象语法树（AST）'; a measure is no part)
        glossed = [sp for sp in names if found and sp.start_char > keywords_end and is_gloss(text, sp.start_char, sp.end_char)
                   and _MULTIWORD.search(_t(sp)) and not self._known(_t(sp)) and _t(sp).casefold() not in heads
                   and not names_measure(_t(sp))]
        question = [(a, b) for key, _, a, b in section_bounds(text) if key == "question"] if glossed else []
        for span in glossed:
            clause = _CLAUSE_START.split(text[max(keywords_end, span.start_char - 40) : span.start_char])[-1]
            if (any(a <= span.start_char < b for a, b in question) or _PRIOR_IN_CLAUSE.search(clause)
                    or _PRIOR_AFTER.match(text[span.end_char + 1 : span.end_char + 9])
                    or _FOUNDATION_AFTER.match(text[span.end_char + 1 : span.end_char + 9])):
                continue
            if kind_of(span) in ("framework", "method") and not self._describes_found(text, span.start_char, span.end_char, found):
                add(span, "method", False)
        # 5. a technique the title names after via/with/through
        for m in _TITLE_VIA.finditer(title):
            phrase = m.group("name")
            if _MODEL_TAIL.search(phrase):
                continue  # 'via a Large-Scale Diffusion Transformer': an architecture, not a named technique
            if phrase.casefold() in self.field_words:
                continue  # 'with In-Context Learning': a field word (the stoplist), no technique of the paper's
            if (self._mentions_known(phrase) and not self._coined_variant(phrase)) or " ".join(_WORD_SPLIT.split(phrase.casefold())) in self.known_tails:
                continue  # 'via LLM-based Chain-of-Thought Reasoning', 'with Verifiable Rewards': a known technique applied, not a new one
            if _GERUND.match(phrase):
                continue  # 'by Generating Engaging Speech': what the work does, not a technique's name
            if _DATA_TAIL.search(phrase):
                continue  # 'with Cross-Embodiment Data': what it trains on, not a technique
            if _SETTING_TAIL.search(phrase):
                continue  # 'with Cost Constraints', 'with Provable Guarantees': what it works under
            if m.group(0).startswith("with") and _BENCHMARK_WORD.search(title[: m.start()]):
                continue  # 'A Visual Math Benchmark with Diagram Perturbations': what the benchmark holds
            if " " not in phrase.strip() and not _HYPHENATED.search(phrase):
                continue  # 'via Architecture, Data, …', 'with an Extensible and …': one plain word names nothing
            if any(_same_part(phrase, _t(s)) for s in found if s.start_char >= title_end):
                continue  # 'with Anchor Tokens' is the summary's 'Anchor Token Selection', already a part
            if not _GENERIC_TAIL.search(phrase) or _COINED_COMPOUND.search(phrase):  # 'Multi-Level Feedback' is coined
                span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
                add(span, "method", False)
        # 6. names that extend a proposed one (CapRL -> CapRL-3B, WoW -> WoWBench, SPBench -> SPBench-SI):
        # by default a model, or a dataset where they extend one
        # (a headline's separators may differ: 'Aurora-World 2' -> 'Aurora-World-2-14B')
        bases = [(h, _squashed(h), s.label_, is_head(s)) for h, s in ((_t(s), s) for s in found) if len(h) >= 3]
        for span in names if bases else ():
            if span.start_char >= title_end:
                name = _t(span)
                low = _squashed(name)
                base = next((kind for h, h_low, kind, head in bases if name != h and (
                    low.startswith(h_low) if head else name.startswith(h) and name[len(h)] in "-_ .0123456789"
                )), None)  # (a part's extension spells it: 'SPBench-SI', not 'Agentic SE' after 'AGE')
                if base is not None:  # (what the text says it is first: 'EviChain-Traces（1.8万条…轨迹）' is data)
                    kind = kind_of(span)
                    add(span, kind if kind != "framework" else "benchmark" if base == "benchmark" else "model", False)
        set_group(doc, "proposed", filter_spans(found))
        return doc

    def _item_name(self, doc: Doc, names, starts: list[int], text: str, start: int) -> Span | None:
        """The part a list item at ``start`` names in its head: a quoted Chinese name, the Latin gloss
        of a Chinese term (its acronym, if the gloss ends in one), or its one unknown Latin name after
        at most a short Chinese descriptor ('占据栅格引导模块OccGuide').  ``starts``: the names' starts."""
        a, b = _item_head(text, start, len(text))
        quoted = _HEAD_QUOTED.match(text, a, b)
        if quoted:
            return doc.char_span(quoted.start("name"), quoted.end("name"), alignment_mode="contract")
        glossed = _HEAD_GLOSSED.match(text, a, b)
        if glossed:
            gloss_a, gloss_b = glossed.span("gloss")
            short = _GLOSS_ACRONYM.search(text, gloss_a, gloss_b)
            if short:
                gloss_a, gloss_b = short.span("short")
            name = text[gloss_a:gloss_b]
            if self._known(name) or not _TWO_LATIN.search(name):
                return None
            return doc.char_span(gloss_a, gloss_b, alignment_mode="contract")
        inside = [sp for sp in names[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)] if sp.end_char <= b]
        for sp in inside:
            if self._known(text[sp.start_char : sp.end_char]):
                continue
            joined = any(o.start_char > sp.end_char and _AND_GAP_ONLY.fullmatch(text, sp.end_char, o.start_char) for o in inside)
            if _HEAD_DESCRIPTOR.match(text[a : sp.start_char]) and not joined:  # ('A与B的结合' is about two names)
                return sp
            break
        return None

    def _known(self, text: str) -> bool:
        return text.casefold() in self.known

    def _redefined(self, short: str, long_form: str) -> bool:
        """Whether the paper spells a known acronym out as something else ('Disagreement-Triggered
        Debate (DTD)', not the lexicon's Describable Textures Dataset): then it may coin it."""
        forms = self.forms_of.get(short.casefold())
        # (a Latin long form only: a Chinese one shares no characters with the lexicon's English
        # names whatever it means, and a bracketed score is no long form: 'GSPO（53.09分）')
        return (forms is not None and is_acronym(short) and _COINED_LONG_FORM.fullmatch(long_form.strip()) is not None
                and not same_thing(long_form, forms))

    def _owned(self, long_form: str) -> bool:
        """Whether a long form opens with a known model, whose makers the technique is then of
        ('DeepSeek稀疏注意力（DSA）', 'Qwen Reward Model (QRM)'): a paper names no technique of its
        own after another's model."""
        lead = _LEAD_WORD.match(long_form.strip())
        return bool(lead) and lead.group().casefold() in self.model_names

    def _coined_variant(self, phrase: str) -> bool:
        """Whether the phrase is a coined compound before a known technique that ends it: 'Outlier-Aware
        Stochastic Rounding', 'Lyric-Aligned Flow Matching' (a named variant, not the technique applied)."""
        words = phrase.split()
        for i in range(1, len(words)):
            if " ".join(words[i:]).casefold() in self.lexicon_names:
                return bool(_COINED_COMPOUND.fullmatch(" ".join(words[:i])))
        return False

    def _mentions_known(self, phrase: str) -> bool:
        """True if a run of the phrase's words (joined by space or hyphen) is a known name."""
        words = _WORD_SPLIT.split(phrase.casefold())
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                if len("".join(words[i:j])) >= 3 and (" ".join(words[i:j]) in self.lexicon_names or "-".join(words[i:j]) in self.lexicon_names):
                    return True
        return False

    def _names_object(self, names, text: str, start: int, end: int) -> bool:
        """Whether the verb's object, from ``start`` to its first comma before ``end``, holds a name no
        lexicon knows: then that is what the verb introduces, and a '名为X' further on names something else."""
        comma = _CLAUSE_BREAK.search(text, start, end)
        if comma is None:
            return False
        return any(start <= sp.start_char < comma.start() and not self._known(text[sp.start_char:sp.end_char])
                   and not _PLAIN_WORD.fullmatch(text, sp.start_char, sp.end_char) for sp in names)

    def _first_name(self, doc, names, abbrevs, start, end) -> Span | None:
        """The first name in [start, end); a defined abbreviation stands for its long form."""
        candidates = [(min(long.start_char, short.start_char), short) for short, long in abbrevs if start <= min(long.start_char, short.start_char) < end]
        text = doc_text(doc)
        candidates += [(sp.start_char, sp) for sp in names if start <= sp.start_char < end and (
            not _PLAIN_WORD.fullmatch(text, sp.start_char, sp.end_char) or _CALLED.search(text, max(0, sp.start_char - 8), sp.start_char))]
        return min(candidates, key=lambda c: c[0])[1] if candidates else None

    @staticmethod
    def _headline_kind(doc: Doc, name: str, title_end: int) -> str:
        """Model or benchmark if the summary ever calls the headline so, else framework."""
        text = doc_text(doc)
        kinds = [  # whole-name occurrences only: 'CapRL' is not 'CapRL-5M'
            descriptor_kind(text, start, start + len(name), title_end) for start in _occurrences(text, name, title_end)
        ]
        for kind in ("benchmark", "model"):
            if kind in kinds:
                return kind
        if _BENCHMARK_WORD.search(text[:title_end]):
            return "benchmark"
        if _TITLE_A_MODEL.search(text[:title_end]):
            return "model"  # 'Lumina-DiMOO: An Omni Diffusion Large Language Model for …'
        return "framework"


@Language.factory("paperkg_proposals", default_config={"lexicon_dir": None})
def make_proposal_finder(nlp: Language, name: str, lexicon_dir: str | None):
    from kg.extract.lexicon_data import load_lexicon, load_stoplist

    lexicon = load_lexicon(lexicon_dir)
    names = {n for e in lexicon for n in e.names}
    models = {n for e in lexicon if e.type == "model" for n in e.names}
    stoplist = set(load_stoplist(lexicon_dir))
    forms_of = {n.casefold(): tuple(e.names) for e in lexicon for n in e.names}
    return ProposalFinder(nlp, name, names | stoplist, names, models, stoplist, forms_of)
