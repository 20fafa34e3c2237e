"""Turn a file on disk into the plain text pledgewatch analyses, with the title and date it declares.

One function per format, all with the same contract: take a path, return a :class:`ReadResult` whose
``text`` is exactly the string that record offsets will point into, or raise :class:`ReadError` whose
message is a one-line cause fit for a manifest ("not text", "no text layer", "truncated PDF ...").

=========  =====================================================================================
format     how
=========  =====================================================================================
``.txt``   bytes decoded by :func:`decode_text`
``.md``    decoded, then a leading ``---`` front-matter block is read (``title``, ``date``) and
           removed; the returned text starts after it, so offsets are relative to the body
``.html``  main text only (no navigation, scripts, styles, comments) via trafilatura, title and
           publication date from the page metadata; a page too deeply nested for libxml2 falls back
           to a streaming extractor on the standard library's ``html.parser``
``.pdf``   the text layer via pypdf, page by page; a PDF without ``%%EOF`` is reported as truncated,
           one whose pages yield no text as having no text layer. Running heads and feet (a line at the
           top or bottom of most pages, page numbers ignored) and page-number lines are dropped, and a
           sentence that runs over a page break is joined by a single line break (:func:`join_pages`),
           so "will suspend the tariffs" / "until 10 November 2026" stays one sentence; ligatures
           ("ﬁ") are spelled out and soft hyphens dropped
=========  =====================================================================================

Every reader normalises line ends to ``\\n`` and drops a byte-order mark, so the text written by
``--save-text`` is byte-for-byte the text the offsets refer to (read back as UTF-8).

Encodings (:func:`decode_text`): a BOM decides (UTF-8, UTF-16, UTF-32); otherwise strict UTF-8; otherwise
charset-normalizer. Among the single-byte code pages it finds equally plausible, windows-1252 is preferred:
charset-normalizer often ties cp1250/cp1252/cp1257 on Western European text and its first pick would turn
"España" into "Espańa". Bytes that contain NULs (without being UTF-16/32), that no code page decodes
plausibly, or that decode to control characters are reported as "not text", never guessed.
"""

from __future__ import annotations

import codecs
import errno
from collections import Counter
import io
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

__all__ = [
    "ReadError",
    "ReadResult",
    "SUPPORTED_SUFFIXES",
    "decode_text",
    "read_document",
    "read_html",
    "read_markdown",
    "read_pdf",
    "read_text",
]

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Files larger than this are reported, not read: nothing pledgewatch reads is legitimately this big."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PREFERRED_SINGLE_BYTE = ("cp1252", "iso8859_15", "latin_1")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_MAX_CONTROL_RATIO = 0.01
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class ReadError(Exception):
    """A file could not be turned into text; ``str(error)`` is a one-line cause for the manifest."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))


@dataclass
class ReadResult:
    """The text of one document and what the file itself says about it.

    ``date`` is an ISO date (``YYYY-MM-DD``) or ``None``; ``encoding`` the codec the bytes were decoded
    with (``None`` for PDF); ``warning`` a one-line note when the text was obtained by a fallback.
    """

    text: str
    title: str | None = None
    date: str | None = None
    encoding: str | None = None
    warning: str | None = None


def _read_bytes(path: Path) -> bytes:
    """Read a file's bytes, turning every OS failure into a one-line :class:`ReadError`."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(f"file too large ({size} bytes, limit {MAX_FILE_BYTES})")
        return path.read_bytes()
    except ReadError:
        raise
    except PermissionError:
        raise ReadError("permission denied") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except FileNotFoundError:
        raise ReadError("file not found (broken symlink?)") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ReadError("symlink loop") from None
        raise ReadError(f"cannot read: {error.strerror or error}") from None


def _normalise(text: str) -> str:
    """Drop a leading BOM and normalise line ends to ``\\n``."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_plausible(text: str) -> None:
    """Refuse decoded text that is mostly control characters or replacement characters."""
    if not text:
        return
    sample = text[:200_000]
    bad = len(_CONTROL_CHARS.findall(sample))
    if bad / len(sample) > _MAX_CONTROL_RATIO:
        raise ReadError("not text (decodes to control characters)")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding)`` or raise ``ReadError("not text ...")``.

    The returned text has its BOM removed and line ends normalised.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise ReadError(f"not text (invalid {encoding} after its byte-order mark)") from None
            _check_plausible(text)
            return _normalise(text), encoding
    if not data.strip():
        return "", "ascii"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\x00" not in text:
        _check_plausible(text)
        return _normalise(text), "utf-8"
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Ask charset-normalizer, preferring windows-1252 among equally plausible single-byte code pages."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    has_nul = b"\x00" in data[:65536]
    if has_nul:
        matches = [m for m in matches if m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        raise ReadError("not text (binary data)" if has_nul else "not text (no encoding decodes it plausibly)")
    least_chaos = min(m.chaos for m in matches)
    plausible = [m for m in matches if m.chaos <= least_chaos + 0.01]
    chosen = next(
        (m for name in _PREFERRED_SINGLE_BYTE for m in plausible if m.encoding == name),
        plausible[0],
    )
    text = str(chosen)
    _check_plausible(text)
    return _normalise(text), chosen.encoding


def _iso_date(value: object) -> str | None:
    """The ``YYYY-MM-DD`` at the start of a date-like value, or ``None`` when there is none."""
    if value is None:
        return None
    match = _ISO_DATE.match(str(value).strip().strip("'\""))
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return match.group(0)


def read_text(path: Path) -> ReadResult:
    """Read a plain-text file."""
    text, encoding = decode_text(_read_bytes(path))
    return ReadResult(text=text, encoding=encoding)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a YAML-ish front-matter block off a Markdown text: ``({key: value}, body)``.

    Only flat ``key: value`` lines are read (quotes stripped); nested YAML is ignored rather than parsed,
    which is all ``title`` and ``date`` need and keeps PyYAML out of the dependencies.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in (match.group(1) or "").splitlines():
        found = _FRONT_MATTER_LINE.match(line)
        if found and found.group(2):
            value = found.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            fields[found.group(1).lower()] = value
    return fields, text[match.end() :]


def read_markdown(path: Path) -> ReadResult:
    """Read a Markdown file; front matter gives title and date and is not part of the returned text."""
    text, encoding = decode_text(_read_bytes(path))
    fields, body = split_front_matter(text)
    date = _iso_date(fields.get("date") or fields.get("published") or fields.get("pubdate"))
    return ReadResult(text=body, title=fields.get("title") or None, date=date, encoding=encoding)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode_html(data: bytes) -> tuple[str, str]:
    """Decode HTML: BOM, then a ``<meta charset>`` in the first 4 KB, then :func:`decode_text`."""
    if not any(data.startswith(bom) for bom, _ in _BOMS):
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii").lower()
            try:
                codec = codecs.lookup("cp1252" if name in ("iso-8859-1", "latin1", "us-ascii") else name).name
                text = data.decode(codec)
            except (LookupError, UnicodeDecodeError):
                pass
            else:
                if "\x00" not in text:
                    _check_plausible(text)
                    return _normalise(text), codec
    return decode_text(data)


class _StreamingTextExtractor(HTMLParser):
    """Visible text of a page without building a tree, so nesting depth costs nothing.

    Skips scripts, styles, templates and page furniture (nav, header, footer, aside, form); block
    elements end a paragraph. Used when libxml2 or trafilatura cannot handle a page.
    """

    SKIP = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
                      "svg", "iframe", "head", "button", "select"})
    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                      "track", "wbr"})
    BLOCK = frozenset({"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4",
                       "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "br", "hr",
                       "figure", "figcaption", "body"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.title: str | None = None
        self.meta: dict[str, str] = {}
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            attributes = {key.lower(): value or "" for key, value in attrs}
            name = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "")
            if name and "content" in attributes:
                self.meta.setdefault(name.lower(), attributes["content"])
            return
        if tag == "title":
            self._in_title = True
        if tag in self.VOID:
            if tag in self.BLOCK and not self.skip_stack:
                self.parts.append("\n")
            return
        if tag in self.SKIP:
            self.skip_stack.append(tag)
        elif tag in self.BLOCK and not self.skip_stack:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self.skip_stack and tag == self.skip_stack[-1]:
            self.skip_stack.pop()
        elif tag in self.BLOCK and not self.skip_stack:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = ((self.title or "") + data).strip() or None
        elif not self.skip_stack:
            self.parts.append(data)

    def text(self) -> str:
        """Paragraphs separated by one blank line, runs of spaces collapsed."""
        joined = "".join(self.parts)
        paragraphs = (" ".join(block.split()) for block in joined.split("\n"))
        return "\n\n".join(p for p in paragraphs if p)


_DATE_META_KEYS = ("article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
                   "pubdate", "publish-date", "og:published_time", "sailthru.date")


def _streaming_extract(markup: str) -> ReadResult:
    extractor = _StreamingTextExtractor()
    extractor.feed(markup)
    extractor.close()
    date = next((_iso_date(extractor.meta[key]) for key in _DATE_META_KEYS if key in extractor.meta), None)
    return ReadResult(text=extractor.text(), title=extractor.title, date=date)


def read_html(path: Path) -> ReadResult:
    """Read an HTML page's main text with trafilatura; title and date come from the page metadata.

    libxml2 silently drops everything nested deeper than a few thousand elements, and trafilatura
    recurses over the tree; either way the text would be lost or the worker would crash. Such pages (and
    pages where trafilatura finds no main text at all) are read by :class:`_StreamingTextExtractor`,
    and ``warning`` says so.
    """
    import trafilatura
    from lxml import etree
    from lxml import html as lxml_html

    markup, encoding = _decode_html(_read_bytes(path))
    if not markup.strip():
        return ReadResult(text="", encoding=encoding)
    warning = None
    parser = lxml_html.HTMLParser(remove_comments=True, huge_tree=True)
    try:
        tree = lxml_html.document_fromstring(markup, parser=parser)
        too_deep = any("depth" in entry.message.lower() for entry in parser.error_log)
    except (etree.ParserError, ValueError):
        tree, too_deep = None, False
    document = None
    if tree is not None and not too_deep:
        try:
            document = trafilatura.bare_extraction(
                tree, with_metadata=True, include_comments=False, include_tables=True
            )
        except RecursionError:
            warning = "trafilatura hit the recursion limit; used the streaming extractor"
    elif too_deep:
        warning = "HTML nested too deeply for libxml2; used the streaming extractor"
    if document is not None and (document.text or "").strip():
        text = _normalise(document.text)
        return ReadResult(text=text, title=document.title or None, date=_iso_date(document.date),
                          encoding=encoding)
    result = _streaming_extract(markup)
    result.encoding = encoding
    if warning is None and result.text:
        warning = "trafilatura found no main text; used the streaming extractor"
    result.warning = warning if result.text else None
    return result


def _pdf_date(value: object) -> str | None:
    """``D:20240305...`` (a PDF date string) as ``2024-03-05``."""
    match = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", str(value or ""))
    return _iso_date("-".join(match.groups())) if match else None


def read_pdf(path: Path) -> ReadResult:
    """Read a PDF's text layer with pypdf, pages joined by a blank line.

    A file without an ``%%EOF`` marker in its last kilobyte is reported as truncated before pypdf sees
    it: pypdf's recovery would otherwise return a silent, partial text. Encrypted files that do not open
    with the empty password, and files whose pages carry no text at all ("no text layer", typically
    scans), are errors too.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    data = _read_bytes(path)
    if not data.strip():
        return ReadResult(text="")
    if not data.lstrip()[:5] == b"%PDF-":
        raise ReadError("not a PDF (no %PDF- header)")
    if b"%%EOF" not in data[-1024:]:
        raise ReadError("truncated PDF (no %%EOF marker at the end)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("encrypted PDF (needs a password)")
        pages = [page.extract_text() or "" for page in reader.pages]
        metadata = reader.metadata or {}
        title = metadata.get("/Title")
        date = _pdf_date(metadata.get("/CreationDate"))
    except ReadError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise ReadError(f"unreadable PDF ({type(error).__name__}: {error})") from None
    if not any(page.strip() for page in pages):
        raise ReadError("no text layer")
    text = join_pages([_normalise(page) for page in pages])
    return ReadResult(text=text, title=(str(title).strip() or None) if title else None, date=date)


_PDF_GLYPHS = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                             "\ufb05": "st", "\ufb06": "st", "\u00ad": None})
"""Typographic ligatures a PDF's text layer keeps ("ﬁnance") spelled out, and soft hyphens dropped, so words
read as words."""
_PAGE_NUMBER = re.compile(r"(?i)\s*(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:of|/)\s*\d{1,4})?\s*")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")
_EDGE = 3  # lines at the top and at the bottom of a page where running heads and feet are looked for


def _running_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def join_pages(pages: list[str]) -> str:
    """One text from a PDF's pages: ligatures spelled out, running heads and feet and page numbers dropped,
    pages joined by a blank line, or by one line break where a sentence runs over the break (the page ends
    without closing it).

    A running head or foot is a line among the first or last three of a page that recurs, page numbers
    ignored, at the top or bottom of at least half the pages (and of two at least); the first page keeps its
    head, which is usually the document's title block."""
    lines = [page.translate(_PDF_GLYPHS).strip("\n").split("\n") for page in pages]
    running: set[str] = set()
    if len(pages) > 1:
        counts: Counter[str] = Counter()
        for page in lines:
            filled = [line for line in page if line.strip()]
            counts.update({_running_key(line) for line in filled[:_EDGE] + filled[-_EDGE:]})
        running = {key for key, n in counts.items() if key and n >= max(2, (len(pages) + 1) // 2)}

    def removable(line: str, heads: bool = True) -> bool:
        return not line.strip() or heads and _running_key(line) in running or bool(_PAGE_NUMBER.fullmatch(line))

    out = ""
    for number, page in enumerate(lines):
        top, bottom = 0, len(page)
        for _ in range(_EDGE + 2):  # a few lines deep: a head, a blank, a page number
            if top < bottom and removable(page[top], heads=number > 0):  # the first page's head is its title
                top += 1
            if bottom > top and removable(page[bottom - 1]):
                bottom -= 1
        body = "\n".join(page[top:bottom]).strip("\n")
        if not body:
            continue
        if not out:
            out = body
        elif _SENTENCE_END.search(out):
            out += "\n\n" + body
        else:
            out += "\n" + body  # the sentence goes on over the page break
    return out


READERS: dict[str, Callable[[Path], ReadResult]] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}
SUPPORTED_SUFFIXES = frozenset(READERS)


def read_document(path: str | Path) -> ReadResult:
    """Read any supported file, chosen by suffix (case-insensitive).

    Raises :class:`ReadError` for unsupported suffixes and for every failure to produce text.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(f"unsupported file type {path.suffix or '(no suffix)'!r}")
    try:
        return reader(path)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError("document nested too deeply to read") from None
    except MemoryError:
        raise ReadError("out of memory while reading") from None
    except Exception as error:  # a reader bug must not stop a batch; report it on one line
        raise ReadError(f"reader failed ({type(error).__name__}: {error})") from None
