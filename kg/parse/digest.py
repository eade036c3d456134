"""Parse daily paper digests (markdown) into :class:`Paper` records.

A digest is a markdown file with one ``## `` heading per paper::

    # Papers for 2025-09-30

    ## 0.[LongLive: Real-time Interactive Long Video Generation](https://arxiv.org/pdf/2509.22622)
    summary:**核心关键词**： **长视频生成**，... **一句话核心摘要**： ...

Headings may be numbered (``## 0.[...]``) or not; summaries may carry bold or plain
section labels in Chinese or English, or none at all.  Text is kept as written but for
look-alike characters folded to ASCII (``LOOKALIKES``: ``GPT‑5`` with a non-breaking hyphen is
``GPT-5``, ``Claude 4.5`` with a no-break space is ``Claude 4.5``).  Nothing is dropped silently:
every heading that does not yield a paper becomes a :class:`Skipped` entry that names
the file, the line and the reason.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kg.parse.sections import OTHER_SPACE_CHARS, split_sections

__all__ = ["Paper", "Skipped", "Digest", "DigestError", "decode_digest", "parse_digest", "parse_text", "arxiv_id_from_url"]

# Look-alikes folded to ASCII (line numbers stay): Unicode hyphens and the minus sign, as
# LLM-written digests put them inside names ('GPT‑5', 'MMLU‑Pro'); no-break and other Unicode
# spaces ('Claude 4.5 Opus' with U+00A0) to ' '; zero-width characters and ™ ® © removed
# ('Nova™-Reasoner' is Nova-Reasoner); fullwidth Latin letters, digits, '％' and '＠'
# ('ＧＳＭ８Ｋ', '９０．１％').  Chinese punctuation (，：（）) stays as it is: the extractor reads it.
LOOKALIKES = str.maketrans(
    {0x2010: "-", 0x2011: "-", 0x2212: "-", 0xFF05: "%", 0xFF20: "@", 0x00A0: " ", 0x202F: " ", 0x205F: " ", 0x3000: " "}
    | dict.fromkeys(range(0x2000, 0x200B), " ")
    | dict.fromkeys((0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x2122, 0x00AE, 0x00A9))
    | {c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for c in range(r[0], r[1] + 1)}
)
_FOLDED = {chr(k): chr(v) if isinstance(v, int) else v or "" for k, v in LOOKALIKES.items()}
_LOOKALIKE = re.compile("[" + re.escape("".join(_FOLDED)) + "]")


def fold_lookalikes(text: str) -> str:
    """``text`` with ``LOOKALIKES`` folded.  ``str.translate`` with a dict table looks up every
    character of a Chinese summary (10k papers: 0.71 s); a regex finds the few there are (0.04 s)."""
    return _LOOKALIKE.sub(lambda m: _FOLDED[m.group()], text)


# A paper heading: any heading level, optionally numbered ("0.", "12)", "3、"), then [title](link).
HEADING = re.compile(
    r"^#{1,6}[ \t]*(?:\d+[ \t]*[.)、][ \t]*)?\[(?P<title>.*)\]\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)[ \t]*$"
)
# Where an entry starts: a level-2/3 heading (with or without a link) or any heading with a link.
LOOSE_HEADING = re.compile(r"^#{2,3}[ \t]*[^\s#]|^#{1,6}[ \t]*(?:\d+[ \t]*[.)、][ \t]*)?\[")
# A line that looks like a paper entry but is not a heading: "- [Title](https://arxiv.org/...)".
ENTRY_LIKE = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[^\]]+\]\([^)]*arxiv\.org/[^)]*\)[ \t]*$", re.I)
DATE_HEADER = re.compile(r"^#\s*Papers\s+for\s+(\S+)\s*$", re.I)
DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
# an arXiv page, or a page of a paper site named by its arXiv id (Hugging Face papers, alphaXiv)
ARXIV_URL = re.compile(
    r"^(?:https?://)?(?:(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/"
    r"(?P<id>\d{4}\.\d{4,5}|(?P<archive>[a-z][a-z\-]*)(?P<cls>\.[a-z]{2})?/(?P<num>\d{7}))"
    r"|(?:huggingface\.co|hf\.co)/papers/(?P<hf>\d{4}\.\d{4,5})|(?:www\.)?alphaxiv\.org/(?:abs|overview)/(?P<ax>\d{4}\.\d{4,5}))"
    r"(?:v\d+)?(?:\.pdf)?/?(?:[?#]\S*)?$",
    re.I,
)
SUMMARY_PREFIX = re.compile(r"^\s*summary\s*[:：]\s*", re.I)
# characters that end a complete summary (after closing markup is stripped)
SENTENCE_END = tuple(".。!?！？…)）\"”'’」』]>")
# C0/C1 control characters other than tab and newline: dropped (they break XML and some RDF tools)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SURROGATE = re.compile(r"[\ud800-\udfff]")
# One scan for all that is rare: either of the two above, or whitespace other than " ", "\n" and
# "\r" (line splitting removes "\r"), which sends section splitting down its slower general path.
# Clean digests, nearly all of them, need no other scan of their text.
UNUSUAL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff" + re.escape(OTHER_SPACE_CHARS.replace("\r", "")) + "]"
)
# file signatures of things people feed by mistake
MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a RIFF file (WebP image, WAV audio...)"),
    (b"\x7fELF", "an executable"),
)


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
    """The arXiv identifier in ``url`` (an arXiv page, or a Hugging Face or alphaXiv paper page),
    without version suffix, or None.

    Old-style identifiers are normalised to arXiv's own spelling (archive in lower case,
    subject class in upper case).

    >>> arxiv_id_from_url("https://arxiv.org/pdf/2509.22622v2")
    '2509.22622'
    >>> arxiv_id_from_url("arxiv.org/abs/Math.ag/0101001v1?context=math")
    'math.AG/0101001'
    >>> arxiv_id_from_url("https://example.org/arxiv.org/abs/2509.22622") is None
    True
    >>> arxiv_id_from_url("https://huggingface.co/papers/2509.22622")
    '2509.22622'
    """
    m = ARXIV_URL.match(url.strip())
    if not m:
        return None
    if m.group("num"):
        return f"{m.group('archive').lower()}{(m.group('cls') or '').upper()}/{m.group('num')}"
    return m.group("id") or m.group("hf") or m.group("ax")


def decode_digest(raw: bytes, source: str) -> tuple[str, list[Skipped]]:
    """Bytes of a digest file -> text, and warnings about what had to be repaired.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read; invalid UTF-8 bytes become
    U+FFFD with a warning naming the first bad line.  Raises :class:`DigestError` for an
    empty file and for things that are not text (images, PDFs, archives, NUL bytes).
    """
    if not raw.strip():
        raise DigestError(source, 0, "empty file" if not raw else "file holds only whitespace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            raise DigestError(source, 0, "starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    for magic, what in MAGIC:
        if raw.startswith(magic):
            raise DigestError(source, 0, f"this is {what}, not a markdown digest")
    if b"\x00" in raw[:8192]:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise DigestError(source, line, "binary file (its first NUL byte is on this line), not a markdown digest")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        first_line = raw[: exc.start].count(b"\n") + 1
        text = raw.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd") - raw.decode("utf-8-sig", errors="ignore").count("\ufffd")
        if exc.start >= len(raw) - 3 and exc.reason == "unexpected end of data":
            msg = "file ends in the middle of a UTF-8 character (truncated download?); the partial character was dropped"
            return text.rstrip("\ufffd"), [Skipped(source, first_line, msg)]
        if bad * 20 > len(text) + 20:
            raise DigestError(
                source, first_line, f"not UTF-8 text ({bad} invalid bytes; first 0x{raw[exc.start]:02x} at offset {exc.start})"
            )
        msg = (
            f"invalid UTF-8: {bad} byte(s) replaced by U+FFFD, first 0x{raw[exc.start]:02x} at offset {exc.start}"
            " (save the file as UTF-8 to keep them)"
        )
        return text, [Skipped(source, first_line, msg)]


def parse_digest(path: str | Path) -> Digest:
    """Read one digest file.

    Raises :class:`DigestError` when the file cannot be read, is empty, or is not text; a
    text file that holds no paper headings gives a Digest with no papers and one Skipped
    entry saying why (a digest with only its ``# Papers for DATE`` line is an empty day,
    which is legitimate and *not* reported).
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise DigestError(path, 0, "is a directory, not a digest file") from None
    except OSError as exc:
        raise DigestError(path, 0, f"cannot read: {exc.strerror or exc}") from None
    text, repairs = decode_digest(raw, str(path))
    digest = parse_text(text, source=str(path))
    digest.warnings[:0] = repairs
    return digest


def parse_text(text: str, source: str = "<string>", date: str | None = None) -> Digest:
    """Parse digest markdown held in a string (see :func:`parse_digest`).

    Every heading ends up as a paper, a merged duplicate (a warning), or a :class:`Skipped`
    entry; so does every line that looks like a paper entry without being a heading.
    """
    warnings: list[Skipped] = []
    text = text.lstrip("\ufeff")
    plain_spaces = not UNUSUAL.search(text)
    if plain_spaces:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    else:
        text, lines = _repair(text, source, warnings)
    lines = [line.lstrip("\ufeff") for line in lines]  # a BOM inside concatenated files
    papers: list[Paper] = []
    skipped: list[Skipped] = []
    seen: dict[str, Paper] = {}
    if date is None:
        date, problem = _find_date(lines, source)
        if problem:
            warnings.append(problem)
    headings = [i for i, line in enumerate(lines) if LOOSE_HEADING.match(line)]
    has_link_heading = any(HEADING.match(lines[i].strip()) for i in headings)
    has_header = any(DATE_HEADER.match(line.strip()) for line in lines[:20])
    if not has_link_heading and not has_header:
        if _is_empty_digest(lines):
            return Digest(source, date, [], [], warnings)
        what = "JSON" if _looks_like_json(text) else "markdown/text"
        skipped.append(
            Skipped(
                source,
                1,
                f"not a digest: {what} with no paper headings ('## [Title](https://arxiv.org/abs/ID)')"
                f" and no '# Papers for YYYY-MM-DD' line",
            )
        )
        return Digest(source, date, [], skipped, warnings)
    for n, start in enumerate(headings):
        end = headings[n + 1] if n + 1 < len(headings) else len(lines)
        for i in range(start + 1, end):
            if ENTRY_LIKE.match(lines[i]):
                skipped.append(Skipped(source, i + 1, f"looks like a paper entry but is not a '## [Title](link)' heading: {lines[i].strip()[:80]!r}"))
        paper, problem = _read_entry(lines, start, end, source, date, plain_spaces)
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
    for i in range(0, headings[0] if headings else len(lines)):
        if ENTRY_LIKE.match(lines[i]):
            skipped.append(Skipped(source, i + 1, f"looks like a paper entry but is not a '## [Title](link)' heading: {lines[i].strip()[:80]!r}"))
    if papers and date is None:
        # every paper must carry its digest date (ontology/shapes.ttl): say which and why
        for paper in papers:
            skipped.append(
                Skipped(
                    source,
                    paper.line,
                    f"{paper.arxiv_id}: digest has no date (add a '# Papers for YYYY-MM-DD' line or put the date in the file name)",
                )
            )
        papers = []
    skipped.sort(key=lambda s: s.line)
    return Digest(source=source, date=date, papers=papers, skipped=skipped, warnings=warnings)


def _repair(text: str, source: str, warnings: list[Skipped]) -> tuple[str, list[str]]:
    """Replace lone surrogates and drop control characters (if any), with a warning for each; return text and lines."""
    if not text.isascii() and SURROGATE.search(text):
        text = SURROGATE.sub("\ufffd", text)
        warnings.append(Skipped(source, 0, "lone UTF-16 surrogates replaced by U+FFFD"))
    n_ctrl = len(CONTROL.findall(text)) if CONTROL.search(text) else 0
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if n_ctrl:
        first = next(i for i, line in enumerate(lines) if CONTROL.search(line))
        lines = [CONTROL.sub("", line) for line in lines]
        warnings.append(Skipped(source, first + 1, f"{n_ctrl} control character(s) removed"))
    return text, lines


def _valid_date(text: str) -> bool:
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _find_date(lines: list[str], source: str) -> tuple[str | None, Skipped | None]:
    for i, line in enumerate(lines[:20]):
        m = DATE_HEADER.match(line.strip())
        if m:
            if _valid_date(m.group(1)):
                return m.group(1), None
            problem = Skipped(source, i + 1, f"digest date {m.group(1)[:40]!r} is not a valid YYYY-MM-DD date; ignored")
            break
    else:
        problem = None
    path = Path(source)
    for name in (path.name, path.parent.name):
        for m in DATE_IN_NAME.finditer(name):
            if _valid_date(m.group(1)):
                return m.group(1), problem
    return None, problem


def _is_empty_digest(lines: list[str]) -> bool:
    """A digest with only its '# Papers for DATE' header is an empty day, not an error."""
    return all(not line.strip() or DATE_HEADER.match(line.strip()) for line in lines)


def _looks_like_json(text: str) -> bool:
    head = text.lstrip()[:1]
    if head not in ("{", "["):
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _read_entry(lines, start, end, source, date, plain_spaces=False) -> tuple[Paper | None, str | None]:
    heading = lines[start].strip()
    m = HEADING.match(heading)
    if not m:
        return None, f"heading without a [title](link): {heading[:80]!r}"
    title = _clean_title(m.group("title"))
    url = m.group("url").strip()
    arxiv_id = arxiv_id_from_url(url)
    if not title:
        return None, f"heading with an empty title: {heading[:80]!r}"
    if arxiv_id is None:
        what = "no link" if not url else f"link is not an arXiv paper URL: {url[:100]!r}"
        return None, f"{what} (title {title[:60]!r})"
    summary = fold_lookalikes("\n".join(lines[start + 1 : end]).strip())
    if SUMMARY_PREFIX.match(summary):  # match first: sub() alone would try '^' at every position
        summary = SUMMARY_PREFIX.sub("", summary, count=1).strip()
    sections, keywords = split_sections(summary, plain_spaces=plain_spaces)
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
    if not summary:
        return paper, f"{arxiv_id}: no summary (paper kept with its title only)"
    tail = summary.rstrip("*_` \t\n")
    if tail and not tail.endswith(SENTENCE_END):
        return paper, f"{arxiv_id}: summary seems cut off mid-sentence (ends with {tail[-20:]!r}); kept as it is"
    return paper, None


def _clean_title(title: str) -> str:
    # str.split() splits on exactly what \s matches: same as re.sub(r"\s+", " ", title).strip(), faster
    return " ".join(fold_lookalikes(unicodedata.normalize("NFC", title)).split())
