"""Parse daily paper digests (markdown) into :class:`Paper` records.

A digest is a markdown file with one ``## `` heading per paper::

    # Papers for 2025-09-30

    ## 0.[LongLive: Real-time Interactive Long Video Generation](https://arxiv.org/pdf/2509.22622)
    summary:**核心关键词**： **长视频生成**，... **一句话核心摘要**： ...

Headings may be numbered (``## 0.[...]``) or not; summaries may carry bold or plain
section labels in Chinese or English, or none at all.  Nothing is dropped silently:
every heading that does not yield a paper becomes a :class:`Skipped` entry that names
the file, the line and the reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kg.parse.sections import split_sections

__all__ = ["Paper", "Skipped", "Digest", "DigestError", "parse_digest", "parse_text", "arxiv_id_from_url"]

HEADING = re.compile(r"^#{2,3}\s*(?:\d+\s*[.)、]\s*)?\[(?P<title>.*)\]\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)\s*$")
LOOSE_HEADING = re.compile(r"^#{2,3}\s+\S")
DATE_HEADER = re.compile(r"^#\s*Papers\s+for\s+(\d{4}-\d{2}-\d{2})\s*$", re.I)
DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")
ARXIV_URL = re.compile(
    r"arxiv\.org/(?:abs|pdf|html)/(?P<id>\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?/?$",
    re.I,
)
SUMMARY_PREFIX = re.compile(r"^\s*summary\s*[:：]\s*", re.I)


class DigestError(ValueError):
    """The file cannot be read as a digest at all; the message names the file (and line)."""

    def __init__(self, source, line: int, reason: str):
        self.source, self.line, self.reason = str(source), line, reason
        super().__init__(f"{source}:{line}: {reason}" if line else f"{source}: {reason}")


@dataclass
class Paper:
    """One paper as a digest lists it.

    ``dates`` holds every digest date the paper appeared in (merged by :func:`kg.parse.merge_papers`).
    ``sections`` maps a canonical section key (``keywords``, ``tldr``, ``question``, ``method``,
    ``results``, ``implications``; ``body`` for unlabelled text) to its text.
    """

    arxiv_id: str
    title: str
    url: str
    dates: list[str]
    summary: str
    sections: dict[str, str] = field(default_factory=dict)
    keywords: list[str] = field(default_factory=list)
    source: str = ""
    line: int = 0

    @property
    def abs_url(self) -> str:
        return f"https://arxiv.org/abs/{self.arxiv_id}"


@dataclass(frozen=True)
class Skipped:
    """A heading (or a whole file) that produced no paper, or a paper kept with a caveat, and why."""

    source: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}" if self.line else f"{self.source}: {self.reason}"


@dataclass
class Digest:
    """What one digest file yielded."""

    source: str
    date: str | None
    papers: list[Paper]
    skipped: list[Skipped]
    warnings: list[Skipped] = field(default_factory=list)


def arxiv_id_from_url(url: str) -> str | None:
    """The arXiv identifier in ``url``, without version suffix, or None.

    >>> arxiv_id_from_url("https://arxiv.org/pdf/2509.22622v2")
    '2509.22622'
    >>> arxiv_id_from_url("https://example.org/paper.pdf") is None
    True
    """
    m = ARXIV_URL.search(url.strip())
    return m.group("id") if m else None


def parse_digest(path: str | Path) -> Digest:
    """Read one digest file.

    Raises :class:`DigestError` when the file cannot be read or decoded; a file that is
    readable but holds no paper headings gives a Digest with no papers and one Skipped
    entry saying why (an empty digest day is legitimate and is *not* reported).
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise DigestError(path, 0, "is a directory, not a digest file") from None
    except OSError as exc:
        raise DigestError(path, 0, f"cannot read: {exc.strerror or exc}") from None
    if b"\x00" in raw[:8192]:
        raise DigestError(path, 0, "binary file (NUL bytes), not a markdown digest")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DigestError(path, line, f"invalid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    return parse_text(text, source=str(path))


def parse_text(text: str, source: str = "<string>", date: str | None = None) -> Digest:
    """Parse digest markdown held in a string (see :func:`parse_digest`)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    date = date or _find_date(lines, source)
    papers: list[Paper] = []
    skipped: list[Skipped] = []
    warnings: list[Skipped] = []
    seen: dict[str, Paper] = {}
    headings = [i for i, line in enumerate(lines) if LOOSE_HEADING.match(line)]
    for n, start in enumerate(headings):
        end = headings[n + 1] if n + 1 < len(headings) else len(lines)
        paper, problem = _read_entry(lines, start, end, source, date)
        if paper is None:
            skipped.append(Skipped(source, start + 1, problem))
            continue
        if problem:
            warnings.append(Skipped(source, start + 1, problem))
        if paper.arxiv_id in seen:  # same paper twice in one digest: keep one, say so
            first = seen[paper.arxiv_id]
            if len(paper.summary) > len(first.summary):
                first.summary, first.sections, first.keywords = paper.summary, paper.sections, paper.keywords
            warnings.append(Skipped(source, start + 1, f"{paper.arxiv_id} listed again (first at line {first.line}); merged"))
            continue
        seen[paper.arxiv_id] = paper
        papers.append(paper)
    if not headings and text.strip() and not _is_empty_digest(lines):
        skipped.append(Skipped(source, 1, "no paper headings ('## [Title](https://arxiv.org/...)') found: not a digest?"))
    if papers and date is None:
        warnings.append(Skipped(source, 1, "no digest date (neither '# Papers for YYYY-MM-DD' nor a date in the file name)"))
    return Digest(source=source, date=date, papers=papers, skipped=skipped, warnings=warnings)


def _find_date(lines: list[str], source: str) -> str | None:
    for line in lines[:20]:
        m = DATE_HEADER.match(line.strip())
        if m:
            return m.group(1)
    m = DATE_IN_NAME.search(Path(source).name)
    return m.group(1) if m else None


def _is_empty_digest(lines: list[str]) -> bool:
    """A digest with only its '# Papers for DATE' header is an empty day, not an error."""
    return all(not line.strip() or DATE_HEADER.match(line.strip()) for line in lines)


def _read_entry(lines, start, end, source, date) -> tuple[Paper | None, str | None]:
    heading = lines[start].strip()
    m = HEADING.match(heading)
    if not m:
        return None, f"heading without a [title](link): {heading[:80]!r}"
    title = _clean_title(m.group("title"))
    url = m.group("url").strip()
    arxiv_id = arxiv_id_from_url(url)
    if not title:
        return None, "heading with an empty title"
    if arxiv_id is None:
        return None, f"link is not an arXiv paper URL: {url[:100]!r}"
    summary = "\n".join(lines[start + 1 : end]).strip()
    summary = SUMMARY_PREFIX.sub("", summary, count=1).strip()
    sections, keywords = split_sections(summary)
    paper = Paper(
        arxiv_id=arxiv_id,
        title=title,
        url=url,
        dates=[date] if date else [],
        summary=summary,
        sections=sections,
        keywords=keywords,
        source=source,
        line=start + 1,
    )
    problem = None if summary else f"{arxiv_id}: no summary (paper kept with its title only)"
    return paper, problem


def _clean_title(title: str) -> str:
    title = unicodedata.normalize("NFC", title)
    return re.sub(r"\s+", " ", title).strip()
