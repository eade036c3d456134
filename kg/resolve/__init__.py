"""Stage 3: mentions -> one entity per real-world thing (see :mod:`kg.resolve.entities`)."""

from kg.resolve.entities import RELATION_OF_TYPE, Entity, Link, PaperMentions, Resolution, paper_mentions, resolve, resolve_records
from kg.resolve.normalize import normalize

__all__ = ["Entity", "Link", "PaperMentions", "Resolution", "RELATION_OF_TYPE", "normalize", "paper_mentions", "resolve", "resolve_records"]
