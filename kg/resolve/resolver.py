"""Entity resolution as a fold over papers, so that a new day updates it instead of redoing it.

Every paper adds to a few per-name tallies; an entity is a decision over its name's tallies;
a paper's links are a function of the paper and the decisions of the names it mentions::

    record --definitions--> alias counts, long forms         (what a paper defines)
    record --evidence-----> Tally per entity key              (what a paper says about names)
    tallies --decide------> Entity per key                    (type, label, aliases, family)
    record + decisions ---> Links of the paper

Every tally is a sum over papers (counts, and per paper the strongest cue), so the result does
not depend on the order of the papers: the in-memory :func:`resolve_records` and the store's
incremental build (:mod:`kg.store.state`, which keeps the tallies in SQLite and re-decides only
the names a new day touches) give the same entities and links.  Where two papers disagree, the
majority wins and ties go to the smaller key: an acronym defined as two long forms keeps the
one most papers use; a model variant's family is the one most of its mentions point at.

The rules themselves (what counts as a vote, when a name becomes an entity) are described in
:mod:`kg.resolve.entities`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import MutableMapping
from dataclasses import dataclass, field

from kg.extract.abbreviations import is_acronym
from kg.extract.lexicon_matcher import names_entry
from kg.resolve.normalize import normalize

__all__ = ["LexiconIndex", "Tally", "PaperEvidence", "Resolver", "decide", "paper_links", "winner"]

RELATION_OF_TYPE = {
    "benchmark": "evaluatesOn",
    "model": "usesModel",
    "method": "usesMethod",
    "metric": "reportsMetric",
}
MIN_WEIGHT = 2  # pooled cue weight a name needs before it becomes an entity
LEXICON_WEIGHT = 10
PROPOSAL_WEIGHT = 5  # what a paper proposing a name as a kind adds to that kind's votes
# votes too weak to say a lexicon name's new version is something else: a value after a name
# ('MinerU3为0.142') scores the name more often than it makes it a metric
_WEAK = {"metric": 1}


@dataclass
class LexiconIndex:
    """The lexicon as resolution reads it (built once per lexicon)."""

    types: dict[str, tuple[str, str, str | None]]  # key -> (type, label, family label)
    alias: dict[str, str]  # normalised alias -> key (the first entry naming it)
    forms: dict[str, set[str]]  # key -> its aliases as written
    alias_keys: dict[str, tuple[str, ...]]  # normalised alias -> keys naming it, in lexicon order
    models: frozenset[str]  # model keys of 3+ characters: the families a variant can extend
    alias_forms: dict[str, set[str]]  # key -> the normalised aliases it gives (alias_keys reversed)

    @classmethod
    def build(cls, lexicon=()) -> "LexiconIndex":
        types, alias, forms, alias_keys = {}, {}, {}, {}
        for entry in lexicon:
            k = normalize(entry.label)
            types.setdefault(k, (entry.type, entry.label, entry.family))
            for a in entry.aliases:
                na = normalize(a)
                alias.setdefault(na, k)
                forms.setdefault(k, set()).add(a)
                if k not in alias_keys.setdefault(na, ()):
                    alias_keys[na] += (k,)
        models = frozenset(k for k, (t, _, _) in types.items() if t == "model" and len(k) >= 3)
        alias_forms: dict[str, set[str]] = {}
        for na, keys in alias_keys.items():
            for k in keys:
                alias_forms.setdefault(k, set()).add(na)
        return cls(types, alias, forms, alias_keys, models, alias_forms)


@dataclass
class Tally:
    """What all papers together say about one entity key."""

    votes: Counter = field(default_factory=Counter)  # kind -> per paper the strongest cue, summed
    kinds: Counter = field(default_factory=Counter)  # kind -> papers proposing it as that kind
    surfaces: Counter = field(default_factory=Counter)  # surface form -> uses
    families: Counter = field(default_factory=Counter)  # family key -> mentions pointing at it

    def add(self, other: "Tally") -> None:
        for mine, theirs in ((self.votes, other.votes), (self.kinds, other.kinds),
                             (self.surfaces, other.surfaces), (self.families, other.families)):
            for k, v in theirs.items():  # Counter.update, keeping zero counts as the fold did
                mine[k] = mine.get(k, 0) + v


def winner(counts) -> str | None:
    """The most counted item; ties go to the smallest (so no paper order decides)."""
    return max(sorted(counts.items()), key=lambda kv: kv[1])[0] if counts else None


@dataclass
class Definitions:
    """What one paper defines: acronym -> long form pairs, as aliases or as the paper's own sense."""

    aliases: list[tuple[str, str]]  # (long form key, entity key it names)
    long_forms: list[tuple[str, str]]  # (acronym key, long form as written)
    local: dict[str, str]  # acronym key -> this paper's own sense of a lexicon acronym


def definitions(record, lex: LexiconIndex) -> Definitions:
    """The abbreviation pairs of one paper (and acronyms its proposed phrases spell out)."""
    from kg.resolve.entities import _spelled_out

    out = Definitions([], [], {})
    for short, long in record.abbreviations + _spelled_out(record):
        sk, lk = normalize(short), normalize(long)
        known = lex.alias.get(sk, sk)
        if sk and lk and known in lex.types and lk not in lex.alias and is_acronym(short) and not names_entry(
            long, lex.types[known][0], [lex.types[known][1], *lex.forms.get(known, ())]
        ):
            out.local[sk] = lk  # 'EM' defined as 期望最大化 here is not exact match
            continue
        if sk and lk and sk not in lex.alias and lex.alias.get(lk) in lex.types:
            out.local[sk] = lex.alias[lk]  # '平均绝对误差（MAE）': the lexicon's mean absolute error, in this paper
            continue
        if sk and lk and sk != lk and lk not in lex.types:
            out.aliases.append((lk, known))
            if known not in lex.types:  # a lexicon entry keeps its curated names
                out.long_forms.append((sk, long.strip()))
    return out


@dataclass
class PaperEvidence:
    """One paper's names under the current aliases: its tallies, and what its links are made of."""

    paper_id: str
    tallies: dict[str, Tally]
    mentions: list[tuple[str, str]]  # (entity key, sentence)
    proposals: list[tuple[str, str]]  # (entity key, sentence)
    headline: set[str]
    raw: set[str]  # the names as extracted, before aliases: what a new alias would rekey


def evidence(record, defs: Definitions, alias_of, tallied: bool = True) -> PaperEvidence:
    """Key every mention and proposal of ``record`` and tally them (see module docstring);
    ``tallied=False`` keys them only (what :func:`paper_links` reads: linking after the fold)."""
    headline = {alias_of(normalize(p.surface)) for p in record.proposals if p.headline}
    tallies: dict[str, Tally] = {}
    mentions, proposals, raw = [], [], set()

    def tally(key: str) -> Tally:
        t = tallies.get(key)
        if t is None:
            t = tallies[key] = Tally()
        return t

    for m in record.mentions:
        raw.add(m.key)
        own = defs.local.get(m.key)
        if own is not None:
            key, votes = own, {k: w for k, w in m.votes.items() if w < LEXICON_WEIGHT}
        else:
            key, votes = alias_of(m.key), m.votes
        mentions.append((key, m.sentence))
        if not tallied:
            continue
        t = tally(key)
        own_headline = key in headline
        for kind, w in votes.items():
            if own_headline and kind == "method" and w < LEXICON_WEIGHT:
                continue  # a paper's own headline is not a method by its own "X方法" cue
            t.votes[kind] = max(t.votes.get(kind, 0), w)
        t.surfaces[m.surface.strip()] += 1
        if m.family and normalize(m.family) != key:
            t.families[normalize(m.family)] += 1
    for p in record.proposals:
        nk = normalize(p.surface)
        raw.add(nk)
        key = defs.local.get(nk) or alias_of(nk)  # (as for mentions: 'DTD' spelled out as this paper's own)
        proposals.append((key, p.sentence))
        if not tallied:
            continue
        t = tally(key)
        if not (p.kind == "method" and not p.headline and key in headline):
            t.kinds[p.kind] += 1  # (the headline named again as a part, 'SDR' spelling the title's
            # 'Self-Distilled Reasoner', is still the headline, not a method)
        t.surfaces[p.surface.strip()] += 1
    return PaperEvidence(record.paper_id, tallies, mentions, proposals, headline, raw)


def decide(key: str, tally: Tally | None, long_forms, lex: LexiconIndex, present=lambda key: True):
    """The entity a key's tallies make, or None (too little evidence).  ``present(key)``: whether
    a lexicon model is an entity of the graph (a variant's family is one that is)."""
    from kg.resolve.entities import Entity, _canonical

    if not key or tally is None or not tally.surfaces:
        return None
    if key in lex.types:
        kind, label, fam = lex.types[key]
    else:
        kind, votes = None, tally.votes
        for k in ("benchmark", "model", "metric", "method"):
            if tally.kinds.get(k):
                votes = votes + Counter({k: PROPOSAL_WEIGHT})
        fam = None
        if votes:
            k, weight = max(sorted(votes.items()), key=lambda kv: kv[1])
            if weight >= MIN_WEIGHT:
                kind = k
                tied = [t for t, w in votes.items() if w == weight]
                if len(tied) > 1:  # a tie: a version of a lexicon name is of its kind ('ESM2-650M': a size, not a count)
                    known, known_fam = _lexicon_version_of(tally.surfaces, lex)
                    if known in tied:
                        kind, fam = known, known_fam
        if kind is None:  # 'LLaDA-2', 'Kimi-K3': a new version glued to a lexicon name the matcher cannot see inside
            kind, fam = _lexicon_version_of(tally.surfaces, lex)
            if kind is not None and any(w > _WEAK.get(k, 0) and k != kind for k, w in votes.items()):
                kind, fam = None, None  # 'GAIA-2' compared as a model is no version of the GAIA benchmark
        if kind is None and tally.kinds:
            kind = "framework"
        if kind is None:
            return None
        label = _canonical(tally.surfaces)
    forms = set(tally.surfaces) | set(long_forms or ()) | lex.forms.get(key, set())
    family = normalize(fam) if fam else winner(tally.families)
    if family is None and key not in lex.types and kind == "model":
        family = _family_of(key, lex.models, present)
    return Entity(key, kind, label, {f for f in forms if f != label}, family, in_lexicon=key in lex.types)


_EDITION = re.compile(r"^(.*[a-z])20(\d\d)$")
_MONTH = re.compile(r"(jan)uary$|(feb)ruary$|(mar)ch$|(apr)il$|(jun)e$|(jul)y$|(aug)ust$|(sep)t(?:ember)?$|(oct)ober$|(nov)ember$|(dec)ember$")


def short_edition(key: str) -> str:
    """The key of an edition with its year in two digits and its month in three letters, as the
    field also writes it: 'AIME 2026', "AIME'26" and 'AIME26' are one benchmark, and so are 'HMMT
    February 2026' and 'HMMT Feb 26'.

    >>> short_edition("aime2026"), short_edition("hmmtfebruary2026"), short_edition("qwen38b")
    ('aime26', 'hmmtfeb26', 'qwen38b')
    """
    m = _EDITION.match(key)
    if m is None:
        return key
    head = _MONTH.sub(lambda mm: next(g for g in mm.groups() if g), m.group(1))
    return head + m.group(2)


_SEPARATOR = re.compile(r"[-\s]")
# a split after a benchmark's key, or the context length or resolution it is run at ('RULER-128K', 'HR-Bench 8K')
_SPLIT_END = re.compile(r"(?<=...)(?:testmini|test|val|validation|dev|(?:4|8|16|32|64|128|256|512)k)$")
_GLUED_VERSION = re.compile(r"(?<=[A-Za-z])v?\d+(?:\.\d+)*$")  # a version written without a separator ('DINOv4')
# '-2', '-V4', '-K3', ' 3.5', and what follows the number ('-2.0-500M': a version's size)
_NUMBERED_TAIL = re.compile(r"^[-\s]*(?:[vV]?\d[\w.]*|[A-Z]\d[\w.]*)(?:[-\s][\w.]+){0,2}$")


def _lexicon_version_of(surfaces, lex: LexiconIndex) -> tuple[str | None, str | None]:
    """(type, family key) if a name is a lexicon name plus a numbered version ('LLaDA-2' after
    'LLaDA', 'MinerU3' after 'MinerU'), else (None, None).  The tokenizer keeps such a name one
    token, so the phrase matcher never sees the lexicon name in it; a tail without a digit
    ('LLaMA-Factory') is no version."""
    for surface in sorted(surfaces, key=lambda s: (-surfaces[s], s)):
        cuts = [m.start() for m in _SEPARATOR.finditer(surface)]
        if glued := _GLUED_VERSION.search(surface):
            cuts.append(glued.start())  # 'MinerU3' after 'MinerU'
        for cut in sorted(cuts, reverse=True):
            head = surface[:cut]
            if len(head) >= 3 and _NUMBERED_TAIL.match(surface[cut:]):
                nk = normalize(head)
                key = lex.alias.get(nk, nk)
                if key in lex.types:
                    return lex.types[key][0], key
    return None, None


def _family_of(key: str, models, present) -> str | None:
    """The longest lexicon model in the graph whose key is a prefix of ``key`` (qwen3 for qwen38bbase).

    >>> _family_of("qwen38bbase", frozenset({"qwen", "qwen3", "llama"}), lambda k: True)
    'qwen3'
    """
    for n in range(len(key) - 1, 2, -1):  # the key's own prefixes, longest first (not every lexicon model)
        if key[:n] in models and present(key[:n]):
            return key[:n]
    return None


def paper_links(ev: PaperEvidence, entity_of) -> list:
    """The links of one paper: one per (entity, relation), with its shortest supporting sentence.

    ``entity_of(key)`` gives the decided Entity or None."""
    from kg.resolve.entities import Link

    best: dict[tuple[str, str], str] = {}

    def add(key: str, relation: str, sentence: str) -> None:
        have = best.get((key, relation))
        if have is None or (len(sentence), sentence) < (len(have), have):
            best[(key, relation)] = sentence

    for key, sentence in ev.mentions:
        e = entity_of(key)
        if e is None or e.type == "framework":
            continue
        if e.type == "method" and key in ev.headline:
            continue  # a paper's own headline is what it proposes, not a method it uses
        add(key, RELATION_OF_TYPE[e.type], sentence)
    for key, sentence in ev.proposals:
        e = entity_of(key)
        if e is None:
            continue
        add(key, "proposes", sentence)
        if e.type != "framework" and not (key in ev.headline and e.type == "method"):
            add(key, RELATION_OF_TYPE[e.type], sentence)
    return [Link(ev.paper_id, k, rel, s) for (k, rel), s in sorted(best.items())]


class Resolver:
    """The tallies of a set of papers, in mappings (dicts here; SQLite tables in the store).

    >>> from kg.resolve.entities import PaperMentions, Mention
    >>> rec = PaperMentions("2501.00001", [Mention("2501.00001", "FooBench", "foobench", {"benchmark": 3}, "On FooBench.")], [], [])
    >>> r = Resolver(LexiconIndex.build())
    >>> r.define([rec])  # no long form changed an alias
    set()
    >>> evs = r.fold([rec])
    >>> r.entity("foobench").type, [l.relation for l in paper_links(evs[0], r.entity)]
    ('benchmark', ['evaluatesOn'])
    """

    def __init__(self, lex: LexiconIndex, alias_counts: MutableMapping | None = None,
                 tallies: MutableMapping | None = None, long_forms: MutableMapping | None = None):
        self.lex = lex
        self.alias_counts = {} if alias_counts is None else alias_counts  # long form key -> Counter(entity key)
        self.tallies = {} if tallies is None else tallies  # entity key -> Tally
        self.long_forms = {} if long_forms is None else long_forms  # acronym key -> Counter(long form)
        self._defs: dict[str, Definitions] = {}

    def alias_of(self, raw: str) -> str:
        if raw in self.lex.alias:
            return self.lex.alias[raw]
        counts = self.alias_counts.get(raw)
        if counts:
            return winner(counts)
        short = short_edition(raw)
        if short != raw:
            return self.alias_of(short)
        split = _SPLIT_END.search(raw)
        if split:  # 'miniF2F-test' is miniF2F, 'RULER-128K' RULER: a split or setting of a lexicon benchmark is that benchmark
            head = self.lex.alias.get(raw[: split.start()], raw[: split.start()])
            if head in self.lex.types and self.lex.types[head][0] == "benchmark":
                return head
        return raw

    def define(self, records) -> set[str]:
        """Add the definitions of ``records``; returns the long form keys whose alias they changed."""
        changed = set()
        for r in records:
            changed |= self.add_definitions(r.paper_id, definitions(r, self.lex))
        return changed

    def add_definitions(self, paper_id: str, d: Definitions) -> set[str]:
        """:meth:`define` for one paper whose :func:`definitions` were made elsewhere (in an
        extraction worker)."""
        changed = set()
        self._defs[paper_id] = d
        for lk, target in d.aliases:
            before = self.alias_of(lk)
            counts = self.alias_counts.get(lk) or Counter()
            counts[target] += 1
            self.alias_counts[lk] = counts  # stored again: a table notices the write
            if self.alias_of(lk) != before:
                changed.add(lk)
        for sk, long in d.long_forms:
            forms = self.long_forms.get(sk) or Counter()
            forms[long] += 1
            self.long_forms[sk] = forms
        return changed

    def evidence(self, record, tallied: bool = True) -> PaperEvidence:
        defs = self._defs.get(record.paper_id) or definitions(record, self.lex)
        return evidence(record, defs, self.alias_of, tallied)

    def fold(self, records) -> list[PaperEvidence]:
        """Add the evidence of ``records`` (after :meth:`define` of every paper)."""
        out = []
        for r in records:
            ev = self.evidence(r)
            self.add_tallies(ev.tallies)
            out.append(ev)
        return out

    def add_tallies(self, tallies: dict[str, Tally]) -> None:
        """Add ``tallies`` (one paper's, or those of papers folded elsewhere) to this resolver's."""
        for key, t in tallies.items():
            have = self.tallies.get(key) or Tally()
            have.add(t)
            self.tallies[key] = have

    def touched(self, evs, defs_of=()) -> set[str]:
        """The keys whose decision the given evidence (and long forms) may change."""
        keys = {k for ev in evs for k in ev.tallies}
        for r in defs_of:
            keys |= {sk for sk, _ in self._defs[r.paper_id].long_forms}
        return keys

    def entity(self, key: str):
        return decide(key, self.tallies.get(key), self.long_forms.get(key), self.lex, self.present)

    def present(self, key: str) -> bool:
        """Whether ``key`` has been named at all (for a lexicon key: whether it is an entity)."""
        t = self.tallies.get(key)
        return t is not None and bool(t.surfaces)
