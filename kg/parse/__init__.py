"""Stage 1: digest markdown -> :class:`Paper` records (see :mod:`kg.parse.digest`)."""

from kg.parse.digest import Digest, DigestError, Paper, Skipped, arxiv_id_from_url, parse_digest, parse_text
from kg.parse.collect import collect_digests, merge_papers

__all__ = [
    "Digest",
    "DigestError",
    "Paper",
    "Skipped",
    "arxiv_id_from_url",
    "collect_digests",
    "merge_papers",
    "parse_digest",
    "parse_text",
]
