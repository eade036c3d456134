"""A tokenizer for Chinese text with embedded Latin-script names.

spaCy's Chinese tokenizer (character mode) cuts ``Qwen3-8B-Base`` into single
characters, and ``spacy.blank("xx")`` leaves ``在AIME'24基准测试上`` as one token. Neither
lets a matcher see the name.  This tokenizer makes

* every CJK character its own token, so a Chinese term (``准确率``) or a cue (``基准``)
  is a run of tokens and every script change is a token boundary;
* every Latin-script name one token, keeping its inner punctuation
  (``Qwen2.5-VL-72B``, ``AIME'24``, ``pass@1``, ``Flux.1``, ``C++``);
* numbers separate from their units (``48.23`` ``%``) and every other symbol its own token.

``doc.text`` is always the input text, so character offsets survive tokenization.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.util import registry

__all__ = ["LATIN_CHARS", "MixedScriptTokenizer", "SUPERSCRIPT_DIGITS", "TOKEN_PATTERN", "words"]

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
SUPERSCRIPT_DIGITS = "\u00b2\u00b3\u00b9\u2070-\u2079"  # (τ³-bench)
# the characters of a Latin-script name (Greek too: π0.7), as a regex character-class body
LATIN_CHARS = "A-Za-z0-9" + SUPERSCRIPT_DIGITS + "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff"
_LATIN = LATIN_CHARS
_WS = r"\s+"
_CJK_CHAR = rf"[{_CJK}]"
_NUM = rf"\d+(?:[.,]\d+)*(?![{_LATIN}'’@_+\-]*[A-Za-z])"
# A name: starts and ends with a letter/digit, or ends in '+' (C++, HumanEval+); inside it may
# hold ' ’ @ . - _ (AIME'24, pass@1, Qwen2.5-VL-72B).  A trailing period is not part of it.  A '+'
# between two names joins them, as in 'ChronoLens+Qwen3-VL-8B' or 'FedAvg+LoRA': each is a token.
# A possessive 's is not (StratoFlow's: StratoFlow).
_NAME = rf"[{_LATIN}](?:[{_LATIN}'’@._\-]*[{_LATIN}])?(?<!['’]s)\+*(?![A-Za-z])"
TOKEN_PATTERN = re.compile(rf"(?P<ws>{_WS})|(?P<cjk>{_CJK_CHAR})|(?P<num>{_NUM})|(?P<name>{_NAME})|(?P<other>.)", re.S)

# The same alternatives without groups, each non-space token taking the plain space after it
# (its trailing whitespace in the Doc): re.findall then gives plain strings, no match objects.
# A whitespace run that remains (a newline, a second space) is a token of its own.  CJK comes
# first: most characters are CJK, and no other alternative matches one, so the order is free.
_TOKENS = re.compile(rf"{_CJK_CHAR} ?|{_WS}|(?:{_NUM}|{_NAME}|.) ?", re.S)


def words(text: str) -> list[str]:
    """The words of the tokens :class:`MixedScriptTokenizer` makes of ``text``, as strings.

    >>> words("Claude Sonnet 4.5，在AIME'24上")
    ['Claude', 'Sonnet', '4.5', '，', '在', "AIME'24", '上']
    """
    return [_word_of(tok) for tok in _TOKENS.findall(text)]


def _word_of(tok: str) -> str:
    """A token as ``_TOKENS`` finds it, without the plain space it took after it."""
    return tok[:-1] if tok[-1] == " " and not tok.isspace() else tok


class _TokenCache(dict):
    """Token as found (maybe with its trailing space) -> orth id of the word; ``spaces`` says
    whether it had the space.  Orth ids are the vocab's string hashes: stable."""

    __slots__ = ("spaces", "strings")

    def __init__(self, strings):
        super().__init__()
        self.strings = strings
        self.spaces: dict[str, bool] = {}

    def __missing__(self, tok: str) -> int:
        word = _word_of(tok)
        self.spaces[tok] = word is not tok
        orth = self[tok] = self.strings.add(word)
        return orth


class MixedScriptTokenizer:
    """Callable ``text -> Doc`` for mixed Chinese/Latin text (see module docstring).

    >>> import spacy
    >>> nlp = spacy.blank("xx")
    >>> nlp.tokenizer = MixedScriptTokenizer(nlp.vocab)
    >>> [t.text for t in nlp("在AIME'24基准上，Qwen3-8B-Base的pass@1为48.23%。")]
    ['在', "AIME'24", '基', '准', '上', '，', 'Qwen3-8B-Base', '的', 'pass@1', '为', '48.23', '%', '。']
    """

    _MAX_CACHE = 500_000  # distinct tokens remembered; the cache restarts beyond

    def __init__(self, vocab):
        self.vocab = vocab
        self._cache = _TokenCache(vocab.strings)

    def __call__(self, text: str) -> Doc:
        toks = _TOKENS.findall(text)
        cache = self._token_cache()
        # words as orth ids: Doc then skips hashing every string (2-3x faster than words as str)
        orths = list(map(cache.__getitem__, toks))  # fills cache.spaces too
        return Doc(self.vocab, words=orths, spaces=list(map(cache.spaces.__getitem__, toks)))

    def _token_cache(self) -> _TokenCache:
        """The cache of orth ids, valid only while the vocab's strings hold every id it gave out."""
        strings = self.vocab.strings
        if getattr(self.vocab, "in_memory_zone", False):
            return _TokenCache(strings)  # strings added in a memory zone are freed when it ends
        if len(self._cache) > self._MAX_CACHE or self._cache.strings is not strings:
            self._cache = _TokenCache(strings)
        return self._cache

    def __reduce__(self):  # pickled without its cache
        return type(self), (self.vocab,)

    # spaCy serialization hooks: the tokenizer has no state beyond its code (and its cache,
    # dropped on loading: loading a pipeline reloads its vocab's strings)
    def to_bytes(self, **_):
        return b""

    def from_bytes(self, _data, **_):
        self._cache = _TokenCache(self.vocab.strings)
        return self

    def to_disk(self, _path, **_):
        return None

    def from_disk(self, _path, **_):
        self._cache = _TokenCache(self.vocab.strings)
        return self


@registry.tokenizers("paperkg.MixedScriptTokenizer.v1")
def create_mixed_script_tokenizer():
    def make(nlp):
        return MixedScriptTokenizer(nlp.vocab)

    return make
