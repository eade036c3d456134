"""Gather digest files from paths and merge papers that appear in several digests."""

from __future__ import annotations

from pathlib import Path

from kg.parse.digest import Digest, DigestError, Paper, parse_digest

__all__ = ["collect_digests", "merge_papers", "DIGEST_SUFFIXES"]

DIGEST_SUFFIXES = (".md", ".markdown", ".txt")


def collect_digests(paths) -> list[Path]:
    """Expand files and directories into a sorted, de-duplicated list of digest files.

    A directory contributes its ``*.md``, ``*.markdown`` and ``*.txt`` files (not recursive).
    Raises :class:`DigestError` for a path that does not exist or a directory with no digests.
    """
    found: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = [p for p in path.iterdir() if p.is_file() and p.suffix.lower() in DIGEST_SUFFIXES]
            if not files:
                raise DigestError(path, 0, f"directory holds no digest files ({', '.join(DIGEST_SUFFIXES)})")
            found.update(files)
        elif path.exists():
            found.add(path)
        else:
            raise DigestError(path, 0, "no such file or directory")
    return sorted(found, key=lambda p: (p.name, str(p)))


def merge_papers(digests: list[Digest]) -> list[Paper]:
    """One Paper per arXiv id across digests, remembering every digest date.

    The longest summary wins (a later digest may carry a fuller text); papers come out
    sorted by arXiv id so that results do not depend on the order of the input files.
    """
    merged: dict[str, Paper] = {}
    for digest in digests:
        for paper in digest.papers:
            have = merged.get(paper.arxiv_id)
            if have is None:
                merged[paper.arxiv_id] = Paper(**{**paper.__dict__, "dates": list(paper.dates)})
                continue
            have.dates = sorted(set(have.dates) | set(paper.dates))
            if (len(paper.summary), paper.source) > (len(have.summary), have.source):
                have.summary, have.sections, have.keywords = paper.summary, paper.sections, paper.keywords
                have.title, have.url, have.source, have.line = paper.title, paper.url, paper.source, paper.line
    for paper in merged.values():
        paper.dates = sorted(set(paper.dates))
    return [merged[k] for k in sorted(merged)]


def read_digests(paths) -> list[Digest]:
    """Parse every digest under ``paths`` (files or directories)."""
    return [parse_digest(p) for p in collect_digests(paths)]
