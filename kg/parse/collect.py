"""Gather digest files from paths and merge papers that appear in several digests."""

from __future__ import annotations

import os
from pathlib import Path

from kg.parse.digest import Digest, DigestError, Paper, Skipped, parse_digest

__all__ = ["collect_digests", "collect_inputs", "merge_papers", "DIGEST_SUFFIXES"]

DIGEST_SUFFIXES = (".md", ".markdown", ".txt")


def collect_inputs(paths) -> tuple[list[Path], list[Skipped]]:
    """Expand files and directories into digest files, and list the inputs that gave none.

    A directory contributes its ``*.md``, ``*.markdown`` and ``*.txt`` files (not recursive;
    other files are ignored).  A path that does not exist, a directory with no digest files
    and a broken link become :class:`Skipped` entries instead of stopping the build.  Files
    come out sorted by name (then path), once each even when given twice, so the result
    does not depend on the order of ``paths``.
    """
    found: dict[str, Path] = {}
    skipped: list[Skipped] = []

    def add(p: Path, key: str | None = None) -> None:
        if key is None:
            try:
                key = str(p.resolve())
            except (OSError, RuntimeError):
                key = str(p.absolute())
        found.setdefault(key, p)

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:  # (scandir: each entry's type comes with the listing, no stat per file)
                with os.scandir(path) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                skipped.append(Skipped(str(path), 0, f"cannot list directory: {exc.strerror or exc}"))
                continue
            files = [e for e in entries if os.path.splitext(e.name)[1].lower() in DIGEST_SUFFIXES and not e.is_dir()]
            if not files:
                skipped.append(Skipped(str(path), 0, f"directory holds no digest files ({', '.join(DIGEST_SUFFIXES)})"))
            real_dir = path.resolve()
            for e in files:
                if e.is_file():  # a file, or a link to one: a link is keyed by its target
                    add(path / e.name, None if e.is_symlink() else str(real_dir / e.name))
                else:
                    skipped.append(Skipped(str(path / e.name), 0, "cannot read: broken link or not a regular file"))
        elif path.exists():
            add(path)
        elif path.is_symlink():
            skipped.append(Skipped(str(path), 0, "cannot read: broken link"))
        else:
            skipped.append(Skipped(str(path), 0, "no such file or directory"))
    files = sorted(found.values(), key=lambda p: (p.name, str(p)))
    return files, skipped


def collect_digests(paths) -> list[Path]:
    """The digest files under ``paths`` (see :func:`collect_inputs`).

    Raises :class:`DigestError` for the first input that gave no file.
    """
    files, skipped = collect_inputs(paths)
    if skipped:
        s = skipped[0]
        raise DigestError(s.source, s.line, s.reason)
    return files


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
            # the fuller summary wins; ties are broken on content, never on input order or path
            if _rank(paper) > _rank(have):
                have.summary, have.sections, have.keywords = paper.summary, paper.sections, paper.keywords
                have.title, have.url, have.source, have.line = paper.title, paper.url, paper.source, paper.line
    for paper in merged.values():
        paper.dates = sorted(set(paper.dates))
    return [merged[k] for k in sorted(merged)]


def _rank(paper: Paper) -> tuple:
    return (len(paper.summary), paper.summary, paper.title, paper.url, paper.source, paper.line)


def read_digests(paths) -> list[Digest]:
    """Parse every digest under ``paths`` (files or directories)."""
    return [parse_digest(p) for p in collect_digests(paths)]
