"""Turn a file's bytes into text: encoding detection and per-format readers."""

from __future__ import annotations

import codecs
import errno
import io
import os
import stat
from collections.abc import Callable
from configparser import ConfigParser
from functools import cache
from pathlib import Path

from .metadata import Metadata, page_metadata


class IngestError(Exception):
    """A file that cannot be read, with the reason in words."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


# The most frequent simplified characters of Chinese prose: real text is made of them, while bytes
# decoded with the wrong Chinese codec give rare characters. Used to choose between GB18030 and Big5.
COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
    "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第"
    "向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管"
    "特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处"
    "队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单"
    "风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土"
    "许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省"
    "列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置"
    "派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严项目园企投亿元")
MAX_BYTES = 50 * 1024 * 1024
BINARY_CONTROLS = 0.01  # more unreadable characters than this share of the text: not a text file


def _common_share(text: str) -> float:
    from ..script import to_simplified

    han = [c for c in to_simplified(text) if "\u4e00" <= c <= "\u9fff"]
    return sum(c in COMMON for c in han) / len(han) if han else 0.0


def decode(data: bytes, path: Path, warnings: list[str] | None = None) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM, else GB18030 (a superset of GBK and GB2312), Big5 or
    charset-normalizer's guess, whichever reads as real Chinese text; UTF-16 or UTF-32 without a BOM where
    charset-normalizer finds it. UTF-8 whose last character is cut off (a truncated
    download) is read with that character replaced, and a note goes to ``warnings``.

    >>> decode("中原区".encode("gbk"), Path("x.txt"))
    '中原区'
    >>> decode(codecs.BOM_UTF8 + "郑州".encode(), Path("x.txt"))
    '郑州'
    >>> decode("中原區人民政府召開經濟工作會議".encode("big5"), Path("x.txt"))
    '中原區人民政府召開經濟工作會議'
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _text_or_binary(data.decode("utf-16"), path)
        except UnicodeDecodeError:
            raise IngestError(path, "not decodable: starts with a UTF-16 byte order mark but is not UTF-16") from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if b"\x00" in data[:4096]:
        wide = _detected(data)  # UTF-16 or UTF-32 saved without a byte order mark has NUL bytes too
        if wide is not None and wide[0].startswith(("utf_16", "utf_32")) and _common_share(wide[1]) > 0.3:
            return _text_or_binary(wide[1], path)
        raise IngestError(path, "looks binary (contains NUL bytes)")
    try:
        return _text_or_binary(data.decode("utf-8"), path)
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            if warnings is not None:
                warnings.append("its last character is cut off (a truncated file?); read without it")
            return _text_or_binary(data[:exc.start].decode("utf-8") + "\ufffd", path)
    readings = []
    for encoding in ("gb18030", "big5hkscs"):
        try:
            readings.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    detected = _detected(data)  # charset-normalizer's reading competes too (it misreads short GBK as Big5, so
    if detected is not None:    # it does not decide alone: the reading with the most common characters wins)
        readings.append(detected[1])
    if not readings:
        raise IngestError(path, "not decodable as UTF-8, GB18030/GBK or Big5")
    return _text_or_binary(max(readings, key=_common_share), path)


def _detected(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best reading of the bytes: (encoding, text), or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262_144]).best()
    if best is None or best.encoding is None:
        return None
    try:
        return best.encoding, data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _readable(c: str) -> bool:
    """A character of Chinese or Western prose (not a control, private-use or presentation form)."""
    return (c.isprintable() or c in "\n\r\t\f") and not ("\ue000" <= c <= "\uf8ff" or "\ufb00" <= c <= "\ufeff")


def _text_or_binary(text: str, path: Path) -> str:
    sample = text[:65536]
    if sum(not _readable(c) for c in sample) > BINARY_CONTROLS * len(sample):
        raise IngestError(path, "not decodable as text: it looks binary or is in an unknown encoding")
    return text


@cache
def _trafilatura_config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    for key in ("MIN_OUTPUT_SIZE", "MIN_EXTRACTED_SIZE"):  # a short notice is a document too
        config.set("DEFAULT", key, "1")
    return config


def html_to_text(html: str) -> str:
    """The main text of a web page, read by trafilatura (navigation, scripts and page chrome left out).

    >>> html_to_text("<html><script>x()</script><nav>首页</nav><p>中原区召开会议。</p><p>郑州</p></html>").split()
    ['中原区召开会议。', '郑州']
    """
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True,
                               deduplicate=False, output_format="txt", config=_trafilatura_config())
    # trafilatura separates paragraphs with one line break; a blank line is what the normaliser reads as one
    return "\n\n".join(line for line in (text or "").splitlines() if line.strip())


def read_docx(path: Path, data: bytes) -> str:
    """Paragraphs and table cells of a Word document, in document order.

    Any failure of the reader (a broken zip, broken XML inside a valid zip, ...) is an :class:`IngestError`.
    """
    import docx

    try:
        return _docx_text(docx.Document(io.BytesIO(data)))
    except Exception as exc:  # python-docx and lxml raise many kinds; each means "this is no readable .docx"
        raise IngestError(path, f"is not a valid .docx file ({exc.__class__.__name__}: {str(exc)[:120]})") from None


def _docx_text(document: object) -> str:
    parts: list[str] = []
    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = ["".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                             for cell in row if cell.tag.endswith("}tc")]
                    parts.append("\u3000".join(cells))
    return "\n\n".join(parts)


def read_pdf(path: Path, data: bytes) -> str:
    """The text layer of a PDF, page by page (a scanned PDF has none: policygraph does no OCR).

    Any failure of the reader (pypdf's errors, its limits on hostile files, recursion) is an :class:`IngestError`.
    """
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-but-readable files warn on every page
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(path, "is an encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many kinds (PdfReadError, LimitReachedError, KeyError, ...)
        raise IngestError(path, f"is not a readable PDF ({exc.__class__.__name__}: {str(exc)[:120]})") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise IngestError(path, "is a PDF with no text layer (scanned? policygraph does no OCR)")
    return text


def _read_text_file(path: Path, data: bytes, warnings: list[str]) -> str:
    return decode(data, path, warnings)


def _read_html_file(path: Path, data: bytes, warnings: list[str]) -> str:
    return html_to_text(decode(data, path, warnings))


def read_with_metadata(path: Path, max_bytes: int = MAX_BYTES,
                       warnings: list[str] | None = None) -> tuple[str, Metadata | None]:
    """The text of one supported file and, for a web page, what the page states about itself (its title,
    date, address and publisher in ``<meta>`` tags and ``<title>``)."""
    if path.suffix.lower() not in (".html", ".htm"):
        return read_text(path, max_bytes, warnings), None
    notes = warnings if warnings is not None else []
    data = _checked_bytes(path, max_bytes)
    html = decode(data, path, notes)
    try:
        text = html_to_text(html)
        meta = page_metadata(html)
    except Exception as exc:  # a page the parsers choke on costs this file, not the build
        raise IngestError(path, f"could not be read as a web page ({exc.__class__.__name__}: {str(exc)[:120]})") from None
    if not text.strip():
        raise IngestError(path, "has no text")
    return text, meta


READERS: dict[str, Callable[[Path, bytes, list[str]], str]] = {
    ".txt": _read_text_file, ".md": _read_text_file, ".html": _read_html_file, ".htm": _read_html_file,
    ".docx": lambda path, data, _: read_docx(path, data), ".pdf": lambda path, data, _: read_pdf(path, data),
}
HINTS = {".doc": "save it as .docx", ".wps": "save it as .docx", ".xls": "export it as CSV", ".rtf": "save it as .docx"}


def regular_file(path: Path) -> os.stat_result:
    """The file's status when it is a regular file (links followed); otherwise an :class:`IngestError`
    saying what it is: a dangling link, a loop, a FIFO, a device, a folder that cannot be listed."""
    try:
        info = os.stat(path)  # follows links: a dangling one or a loop fails here
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise IngestError(path, "is a symbolic link loop") from None
        if path.is_symlink():
            raise IngestError(path, "is a dangling symbolic link (its target does not exist)") from None
        raise IngestError(path, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        if path.is_symlink():  # a folder walk names a link only when it leads back to a folder already read
            raise IngestError(path, "is a symbolic link loop (it leads back to a folder already read)")
        raise IngestError(path, "is a folder that cannot be listed (permission denied?)")
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device" if stat.S_ISCHR(info.st_mode) or \
            stat.S_ISBLK(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "not a regular file"
        raise IngestError(path, f"is {kind}, not a regular file")
    return info


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """A regular file's bytes, at most ``max_bytes`` of them read: a FIFO, a device or a folder is refused
    before it is opened, and the size is that of the bytes read, not what the file system reports."""
    info = regular_file(path)
    limit = f"over the {max_bytes / 1048576:g} MB limit (--max-size)"
    if info.st_size > max_bytes:
        raise IngestError(path, f"is {info.st_size / 1048576:.1f} MB, {limit}")
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise IngestError(path, f"is larger than it says, {limit}")
    return data


def _checked_bytes(path: Path, max_bytes: int) -> bytes:
    data = read_bytes(path, max_bytes)
    if not data.strip():
        raise IngestError(path, "is empty")
    return data


def read_text(path: Path, max_bytes: int = MAX_BYTES, warnings: list[str] | None = None) -> str:
    """The text content of one supported file; :class:`IngestError` says why a file cannot be read, and
    ``warnings`` gets what was read in spite of a problem."""
    regular_file(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        hint = f" ({HINTS[path.suffix.lower()]})" if path.suffix.lower() in HINTS else ""
        raise IngestError(path, f"unsupported file type {path.suffix or '(none)'}{hint}; "
                                f"supported: {', '.join(READERS)}")
    data = _checked_bytes(path, max_bytes)
    try:
        text = reader(path, data, warnings if warnings is not None else [])
    except IngestError:
        raise
    except Exception as exc:  # a reader's bug must cost this file, not the build
        raise IngestError(path, f"could not be read ({exc.__class__.__name__}: {str(exc)[:120]})") from None
    if not text.strip():
        raise IngestError(path, "has no text")
    return text
