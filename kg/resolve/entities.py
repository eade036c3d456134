"""Stage 3: resolve mentions into entities, one per real-world thing, across the corpus.

Input: the extraction Docs of all papers.  Output: :class:`Resolution` with

* ``entities``: key -> :class:`Entity` (type, canonical label, every surface form seen,
  family), one per thing, whatever paper or digest it came from;
* ``links``: the paper–entity links with the sentence that supports each.

Rules (``ANNOTATION.md`` and the issue's "Resolve" section):

* identity is the normalised name (case, spaces and ``-_.'()[]{}/:,`` do not count), so
  ``AIME'24``/``AIME 24``/``aime24`` meet, while a digit or suffix keeps names apart
  (``Qwen2.5-VL-7B`` ≠ ``Qwen2.5-VL-72B``, ``MMLU`` ≠ ``MMLU-Pro``): there is no fuzzy matching;
* lexicon aliases and abbreviation definitions (``蒙特卡洛树搜索（MCTS）``) map other
  surface forms onto one key;
* a type is one decision per entity: the lexicon's, else the one with the most cue weight
  pooled over every paper that names it (a name cued as a benchmark in one paper is a
  benchmark in another, even where that paper gives no cue);
* a paper's own headline is typed by what the paper calls it (model, dataset), else
  ``framework``; its own "X方法/框架" cues do not make it a reusable method.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract.lexicon_matcher import same_thing as _same_thing
from kg.extract.spans import doc_text, sentence_of
from kg.resolve.normalize import normalize

__all__ = ["Entity", "Link", "Mention", "PaperMentions", "Proposal", "Resolution", "resolve", "resolve_records", "paper_mentions", "RELATION_OF_TYPE"]

RELATION_OF_TYPE = {
    "benchmark": "evaluatesOn",
    "model": "usesModel",
    "method": "usesMethod",
    "metric": "reportsMetric",
}
MIN_WEIGHT = 2  # pooled cue weight a name needs before it becomes an entity
LEXICON_WEIGHT = 10
_REPORTED = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|分|点|倍|ms|s\b|秒|FPS|fps|×|x\b)|\d+\.\d+|提升|提高|优于|超过|超越|降低|降至|高出|领先|达到|"
    r"improv|outperform|higher|lower|better|surpass|achiev|reach",
    re.I,
)
_METRIC_GLOSS = re.compile(r"\s*[（(]\s*[A-Za-z][\w.\-]*@[\w.]+\s*[）)]")


def _reported_near(text: str, start: int, end: int) -> bool:
    """A value or a comparison close to a metric name, within its sentence."""
    left = re.split(r"[。！？\n]", text[max(0, start - 25) : start])[-1]
    right = re.split(r"[。！？\n]", text[end : end + 40])[0]
    return bool(_REPORTED.search(left + " " + right) or re.search(r"\d\s*(?:个|张|块)?\s*$", left))
_FAMILY_SPLIT = re.compile(r"[-_ ](?=\d|[A-Z]|v\d|mini|base|instruct|chat)", re.I)


@dataclass
class Entity:
    key: str
    type: str  # benchmark | model | method | metric | framework
    label: str
    aliases: set[str] = field(default_factory=set)
    family: str | None = None  # key of the family entity (Qwen2.5-VL-72B -> qwen25vl)
    in_lexicon: bool = False


@dataclass(frozen=True)
class Link:
    paper_id: str
    key: str
    relation: str  # evaluatesOn | usesModel | usesMethod | reportsMetric | proposes
    sentence: str


@dataclass
class Resolution:
    entities: dict[str, Entity]
    links: list[Link]


@dataclass
class Mention:
    """One name in one paper, as plain data (picklable: caches and worker processes can hold it)."""

    paper_id: str
    surface: str
    key: str
    votes: dict[str, int]
    sentence: str
    canonical: str | None = None
    family: str | None = None


@dataclass
class Proposal:
    paper_id: str
    surface: str
    kind: str  # model | benchmark | method | metric | framework
    headline: bool
    sentence: str


@dataclass
class PaperMentions:
    """What resolution needs from one paper's Doc: mentions, proposals, abbreviation pairs."""

    paper_id: str
    mentions: list[Mention]
    proposals: list[Proposal]
    abbreviations: list[tuple[str, str]]


def paper_mentions(doc: Doc) -> PaperMentions:
    """Read the extraction results off one Doc (see :mod:`kg.extract.spans`)."""
    pid = doc._.paper_id
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    lexicon_spans = {(s.start_char, s.end_char): s for s in doc.spans["lexicon"]}
    names = list(doc.spans["names"])
    text = doc_text(doc)

    def _t(sp) -> str:  # a span's text by slicing (Span.text rebuilds it from tokens)
        return text[sp.start_char : sp.end_char]

    for span in doc.spans["lexicon"]:
        if any(_variant_of(_t(n), span, n) for n in names):
            continue  # 'Arena Hard v2' is not 'Arena Hard': the longer name (a version of it) wins
        sentence = sentence_of(doc, span.start_char, span.end_char)
        if span.label_ == "metric" and not _reported_near(text, span.start_char, span.end_char):
            continue  # a metric counts where a result is reported in it, not where it is discussed
        if span.label_ == "metric" and _METRIC_GLOSS.match(text, span.end_char):
            continue  # '准确率（Acc@8）': the bracketed name is the metric meant
        mentions.append(Mention(pid, _t(span), normalize(span.kb_id_), {span.label_: LEXICON_WEIGHT}, sentence, canonical=span.kb_id_))
        taken.append((span.start_char, span.end_char))
    for span in doc.spans["names"]:
        inside = [t for t in taken if t[0] >= span.start_char and t[1] <= span.end_char]
        if inside and inside[0] == (span.start_char, span.end_char):
            continue  # the lexicon has it
        if any(t[0] < span.end_char and span.start_char < t[1] for t in taken if t not in inside):
            continue  # crosses a lexicon name: trust the lexicon
        votes = dict(span._.votes or {})
        family = None
        if inside:  # 'Claude 4.1 Opus' around lexicon 'Claude': a variant of the family
            lex = lexicon_spans[inside[0]]
            votes[lex.label_] = max(votes.get(lex.label_, 0), 3)
            family = lex.kb_id_
        mentions.append(Mention(pid, _t(span), normalize(_t(span)), votes, sentence_of(doc, span.start_char, span.end_char), family=family))
    proposals = [
        Proposal(pid, _t(span), span.label_, bool(span._.headline), sentence_of(doc, span.start_char, span.end_char))
        for span in doc.spans["proposed"]
    ]
    abbreviations = [(_t(short), _t(long)) for short, long in doc._.abbreviations]
    return PaperMentions(pid, mentions, proposals, abbreviations)


_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z][A-Za-z0-9\-]{1,8}$")


def _spelled_out(record: PaperMentions) -> list[tuple[str, str]]:
    """(acronym, phrase) pairs of one paper where a multi-word English phrase it proposes spells
    out an acronym it uses (title 'Variance-Aware Sampling', summary 'VAS'):
    the acronym's capitals are the initials of the phrase's words, in order, at most one word left over."""
    phrases = {p.surface for p in record.proposals if " " in p.surface.strip() and p.surface.isascii()}
    acronyms = {m.surface for m in record.mentions if _ACRONYM.match(m.surface)}
    acronyms |= {p.surface for p in record.proposals if _ACRONYM.match(p.surface)}
    pairs = []
    for phrase in phrases:
        initials = [w[0].lower() for part in phrase.split() for w in part.split("-") if w]
        for acro in acronyms:
            capitals = [c.lower() for c in acro if c.isupper()]
            if len(initials) - len(capitals) <= 1 and _subsequence(capitals, initials):
                pairs.append((acro, phrase))
    return pairs


def _subsequence(short: list, long: list) -> bool:
    it = iter(long)
    return bool(short) and short[0] == long[0] and all(c in it for c in short)


_VERSION_TAIL = re.compile(r"^[\s\-]*(?:v?\d[\w.]*|[A-Z][\w.]*)(?:[\s\-]+(?:v?\d[\w.]*|[A-Z][\w.]*))?$")


def _variant_of(name: str, lex_span, name_span) -> bool:
    """True if ``name`` is the lexicon name plus a version or size ('Claude' -> 'Claude 4.1 Opus')."""
    if name_span.start_char != lex_span.start_char or name_span.end_char <= lex_span.end_char:
        return False
    return bool(_VERSION_TAIL.match(name[lex_span.end_char - lex_span.start_char :]))


def resolve(docs: list[Doc], lexicon=()) -> Resolution:
    """Pool the mentions of all docs into entities and links (see module docstring)."""
    return resolve_records([paper_mentions(doc) for doc in docs], lexicon)


def resolve_records(records: list[PaperMentions], lexicon=()) -> Resolution:
    """:func:`resolve` on plain records (what an incremental build keeps between runs)."""
    lex_types: dict[str, tuple[str, str, str | None]] = {}  # key -> (type, label, family label)
    lex_alias: dict[str, str] = {}
    lex_forms: dict[str, set[str]] = defaultdict(set)  # the lexicon's aliases: names users may query by
    for entry in lexicon:
        k = normalize(entry.label)
        lex_types.setdefault(k, (entry.type, entry.label, entry.family))
        for alias in entry.aliases:
            lex_alias.setdefault(normalize(alias), k)
            lex_forms[k].add(alias)

    alias = dict(lex_alias)  # surface key -> entity key
    headline_keys: dict[str, set[str]] = defaultdict(set)
    long_forms: dict[str, set[str]] = defaultdict(set)
    mentions = [Mention(**m.__dict__) for r in records for m in r.mentions]  # copies: keys get rewritten
    proposals = [p for r in records for p in r.proposals]
    local: dict[tuple[str, str], str] = {}  # (paper, key) -> the paper's own sense of a lexicon acronym
    for r in records:
        for short, long in r.abbreviations + _spelled_out(r):
            sk, lk = normalize(short), normalize(long)
            known = lex_alias.get(sk, sk)
            if sk and lk and known in lex_types and lk not in lex_alias and not _same_thing(
                long, [lex_types[known][1], *lex_forms.get(known, ())]
            ):
                local[(r.paper_id, sk)] = lk  # 'EM' defined as 期望最大化 here is not exact match
                continue
            if sk and lk and sk != lk and lk not in lex_types:
                alias.setdefault(lk, lex_alias.get(sk, sk))
                if lex_alias.get(sk, sk) not in lex_types:  # a lexicon entry keeps its curated names
                    long_forms[sk].add(long.strip())
        for p in r.proposals:
            if p.headline:
                headline_keys[r.paper_id].add(normalize(p.surface))

    # entity key of every mention and headline, through aliases
    for m in mentions:
        own = local.get((m.paper_id, m.key))
        if own is not None:
            m.key, m.votes = own, {k: w for k, w in m.votes.items() if w < LEXICON_WEIGHT}
            continue
        m.key = alias.get(m.key, m.key)
    headline_keys = {pid: {alias.get(k, k) for k in keys} for pid, keys in headline_keys.items()}

    # pooled type votes: the strongest cue per paper, summed over papers
    per_paper: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for m in mentions:
        own_headline = m.key in headline_keys.get(m.paper_id, ())
        for kind, w in m.votes.items():
            if own_headline and kind == "method" and w < LEXICON_WEIGHT:
                continue
            c = per_paper[(m.key, m.paper_id)]
            c[kind] = max(c[kind], w)
    pooled: dict[str, Counter] = defaultdict(Counter)
    for (key, _pid), c in per_paper.items():
        pooled[key].update(c)
    proposal_kinds: dict[str, Counter] = defaultdict(Counter)
    for p in proposals:
        key = alias.get(normalize(p.surface), normalize(p.surface))
        proposal_kinds[key][p.kind] += 1

    entities: dict[str, Entity] = {}
    surfaces: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        surfaces[m.key][m.surface.strip()] += 1
    for p in proposals:
        key = alias.get(normalize(p.surface), normalize(p.surface))
        surfaces[key][p.surface.strip()] += 1

    def decide(key: str) -> str | None:
        if key in lex_types:
            return lex_types[key][0]
        votes = pooled.get(key, Counter())
        pk = proposal_kinds.get(key)
        if pk:
            for kind in ("benchmark", "model", "metric", "method"):
                if pk.get(kind):
                    votes = votes + Counter({kind: 5})
        if votes:
            kind, weight = max(sorted(votes.items()), key=lambda kv: kv[1])
            if weight >= MIN_WEIGHT:
                return kind
        return "framework" if pk else None

    for key in sorted(set(surfaces)):
        if not key:
            continue
        kind = decide(key)
        if kind is None:
            continue
        if key in lex_types:
            label = lex_types[key][1]
            fam = lex_types[key][2]
        else:
            label = _canonical(surfaces[key])
            fam = None
        forms = set(surfaces[key]) | long_forms.get(key, set()) | lex_forms.get(key, set())
        entities[key] = Entity(key, kind, label, {f for f in forms if f != label}, normalize(fam) if fam else None,
                               in_lexicon=key in lex_types)

    # families: a model variant points at the lexicon family it extends (Qwen3-8B-Base -> Qwen3)
    families = {k: e for k, e in entities.items() if e.in_lexicon}
    for m in mentions:
        e = entities.get(m.key)
        if e and m.family and not e.family and normalize(m.family) != e.key:
            e.family = normalize(m.family)
    for e in entities.values():
        if e.family is None and not e.in_lexicon and e.type == "model":
            e.family = _family_of(e.key, families)

    links: set[Link] = set()
    for m in mentions:
        e = entities.get(m.key)
        if e is None or e.type == "framework":
            continue
        if e.type == "method" and m.key in headline_keys.get(m.paper_id, ()):
            continue  # a paper's own headline is what it proposes, not a method it uses
        links.add(Link(m.paper_id, m.key, RELATION_OF_TYPE[e.type], m.sentence))
    for p in proposals:
        pid, key, sent = p.paper_id, alias.get(normalize(p.surface), normalize(p.surface)), p.sentence
        e = entities.get(key)
        if e is None:
            continue
        links.add(Link(pid, key, "proposes", sent))
        if e.type != "framework" and not (key in headline_keys.get(pid, ()) and e.type == "method"):
            links.add(Link(pid, key, RELATION_OF_TYPE[e.type], sent))
    # keep the first sentence per (paper, entity, relation): enough evidence, deterministic
    best: dict[tuple[str, str, str], Link] = {}
    for link in sorted(links, key=lambda l: (l.paper_id, l.key, l.relation, len(l.sentence), l.sentence)):
        best.setdefault((link.paper_id, link.key, link.relation), link)
    return Resolution(entities, sorted(best.values(), key=lambda l: (l.paper_id, l.key, l.relation)))


def _canonical(forms: Counter) -> str:
    """The most used surface form; ties go to the one with more capitals (MinerU over mineru)."""
    return max(sorted(forms), key=lambda f: (forms[f], sum(c.isupper() for c in f) > 0, -len(f)))


def _family_of(key: str, families: dict[str, Entity]) -> str | None:
    """The longest lexicon model whose key is a prefix of ``key`` (qwen3 for qwen38bbase)."""
    best = None
    for fk, fe in families.items():
        if fe.type == "model" and len(fk) >= 3 and key.startswith(fk) and key != fk:
            if best is None or len(fk) > len(best):
                best = fk
    return best
