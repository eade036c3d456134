"""Name normalisation shared by resolution and evaluation (``ANNOTATION.md``, "How an extraction is scored")."""

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalize"]

_DROP = re.compile(r"[\s\-_.'`()\[\]{}/:,（）【】：，]")


@lru_cache(maxsize=1 << 16)  # the same few thousand names recur across a corpus
def normalize(name: str) -> str:
    """NFKC, casefold, ’ as ', then drop whitespace and ``- _ . ' ( ) [ ] { } / : ,``.

    >>> normalize("Qwen2.5-VL-72B"), normalize("AIME’24")
    ('qwen25vl72b', 'aime24')
    """
    text = unicodedata.normalize("NFKC", name).casefold().replace("\u2019", "'")
    return _DROP.sub("", text)
