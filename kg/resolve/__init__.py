"""Stage 3: mentions -> one entity per real-world thing (see :mod:`kg.resolve.entities`)."""

from kg.resolve.entities import RELATION_OF_TYPE, Entity, Link, Resolution, resolve
from kg.resolve.normalize import normalize

__all__ = ["Entity", "Link", "Resolution", "RELATION_OF_TYPE", "normalize", "resolve"]
