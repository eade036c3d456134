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

__all__ = ["MixedScriptTokenizer", "TOKEN_PATTERN"]

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
_LATIN = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff"
# A name: starts and ends with a letter/digit (or ends in '+': C++, HumanEval+); inside it may
# hold ' ’ @ . - _ + (AIME'24, pass@1, Qwen2.5-VL-72B).  A trailing period is not part of it.
TOKEN_PATTERN = re.compile(
    rf"(?P<ws>\s+)"
    rf"|(?P<cjk>[{_CJK}])"
    rf"|(?P<num>\d+(?:[.,]\d+)*(?![{_LATIN}'’@_+\-]*[A-Za-z]))"
    rf"|(?P<name>[{_LATIN}](?:[{_LATIN}'’@._+\-]*[{_LATIN}+])?)"
    rf"|(?P<other>.)",
    re.S,
)


# the same alternatives without groups, for re.findall (strings, no match objects: 2x faster)
_FLAT = re.compile(re.sub(r"\(\?P<\w+>", "(?:", TOKEN_PATTERN.pattern), re.S)


class MixedScriptTokenizer:
    """Callable ``text -> Doc`` for mixed Chinese/Latin text (see module docstring).

    >>> import spacy
    >>> nlp = spacy.blank("xx")
    >>> nlp.tokenizer = MixedScriptTokenizer(nlp.vocab)
    >>> [t.text for t in nlp("在AIME'24基准上，Qwen3-8B-Base的pass@1为48.23%。")]
    ['在', "AIME'24", '基', '准', '上', '，', 'Qwen3-8B-Base', '的', 'pass@1', '为', '48.23', '%', '。']
    """

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for tok in _FLAT.findall(text):
            if tok[0].isspace() and tok.isspace():
                # one plain space after a token is its trailing whitespace; anything else is a token
                if words and not spaces[-1] and tok[0] == " ":
                    spaces[-1] = True
                    if tok == " ":
                        continue
                    tok = tok[1:]
            words.append(tok)
            spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    # spaCy serialization hooks: the tokenizer has no state beyond its code
    def to_bytes(self, **_):
        return b""

    def from_bytes(self, _data, **_):
        return self

    def to_disk(self, _path, **_):
        return None

    def from_disk(self, _path, **_):
        return self


@registry.tokenizers("paperkg.MixedScriptTokenizer.v1")
def create_mixed_script_tokenizer():
    def make(nlp):
        return MixedScriptTokenizer(nlp.vocab)

    return make
