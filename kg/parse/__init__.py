"""Stage 1: digest markdown -> :class:`Paper` records (see :mod:`kg.parse.digest`)."""

from kg.parse.digest import Digest, DigestError, Paper, Skipped, arxiv_id_from_url, decode_digest, parse_digest, parse_text
from kg.parse.collect import collect_digests, collect_inputs, merge_papers

__all__ = [
    "Digest",
    "DigestError",
    "Paper",
    "Skipped",
    "arxiv_id_from_url",
    "collect_digests",
    "collect_inputs",
    "decode_digest",
    "merge_papers",
    "parse_digest",
    "parse_text",
]
