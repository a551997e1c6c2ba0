"""Turn a file's bytes into text: encoding detection and per-format readers."""

from __future__ import annotations

import codecs
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar


class IngestError(Exception):
    """A file that cannot be read, with the reason in words."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK and GB2312).

    >>> decode("中原区".encode("gbk"), Path("x.txt"))
    '中原区'
    >>> decode(codecs.BOM_UTF8 + "郑州".encode(), Path("x.txt"))
    '郑州'
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if b"\x00" in data[:4096]:
        raise IngestError(path, "looks binary (contains NUL bytes)")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise IngestError(path, "not decodable as UTF-8 or GB18030/GBK")


class _TextOfHtml(HTMLParser):
    """Visible text of an HTML page, block elements on their own lines, chrome left out."""

    SKIP: ClassVar[set[str]] = {"script", "style", "noscript", "nav", "header", "footer", "aside", "template"}
    BLOCK: ClassVar[set[str]] = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        if tag == "title":
            self._in_title = True
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        if tag == "title":
            self._in_title = False
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data.strip()
            return
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """
    >>> html_to_text("<html><script>x()</script><p>中原区</p><p>郑州</p></html>").split()
    ['中原区', '郑州']
    """
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


READERS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}


def read_text(path: Path) -> str:
    """The text content of one supported file."""
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        raise IngestError(path, f"unsupported file type {path.suffix or '(none)'}; supported: {', '.join(READERS)}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise IngestError(path, "is empty")
    text = decode(data, path)
    if kind == "html":
        text = html_to_text(text)
    if not text.strip():
        raise IngestError(path, "has no text")
    return text
