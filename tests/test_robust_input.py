"""Real-world files: Word, PDF, GBK, Big5 and traditional characters, and every kind of bad file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from policygraph import build, open_store
from policygraph.ingest import IngestError, load_document
from policygraph.ingest.readers import read_text
from policygraph.query import run
from tests.conftest import DATA

FILES = DATA / "files"
REPORT = "中原区召开经济工作会议\n\n1月12日，中原区委书记李晓雷在二砂文化创意园主持召开2023年经济工作会议。"


def write_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    document.save(str(path))
    return path


def test_docx_paragraphs_and_tables(tmp_path: Path):
    path = write_docx(tmp_path / "r.docx", REPORT.split("\n\n"), [["项目", "园区"], ["智能装备项目", "马寨产业园"]])
    text = read_text(path)
    assert "中原区委书记李晓雷" in text and "马寨产业园" in text
    assert load_document(path).title == "中原区召开经济工作会议"


def test_pdf_text_layer_with_radical_code_points_folded():
    doc = load_document(FILES / "report.pdf")  # printed by Chromium: its text layer has ⻢ and ⽬ for 马 and 目
    assert "二七区委书记王海在马寨产业园主持召开2023年重点项目建设推进会" in doc.text


def test_big5_traditional_text_is_extracted_simplified_and_shown_as_written(tmp_path: Path):
    traditional = "中原區召開經濟工作會議\n\n1月12日，中原區委書記李曉雷在二砂文化創意園主持召開2023年經濟工作會議。\n"
    (tmp_path / "big5.txt").write_bytes(traditional.encode("big5"))
    doc = load_document(tmp_path / "big5.txt")
    assert doc.traditional and doc.original.startswith("中原區召開")
    assert "中原区委书记李晓雷" in doc.text  # what the extractors read
    start = doc.text.index("李晓雷")
    assert doc.as_written(start, start + 3) == "李曉雷"
    store = open_store(build([tmp_path], tmp_path / "b", html=False).out)
    rows = run(store, """SELECT ?label ?exact ?sentence WHERE { ?m oa:hasBody ?e ; oa:exact ?exact ;
                         prov:wasDerivedFrom/pg:sentence ?sentence . ?e a pg:Person ; skos:prefLabel ?label }""").rows
    assert rows and rows[0][0] == "李晓雷" and rows[0][1] == "李曉雷" and "創意園" in rows[0][2]


def test_simplified_text_is_not_converted(tmp_path: Path):
    (tmp_path / "s.txt").write_text("乾隆年间，中原区发展。", encoding="utf-8")
    doc = load_document(tmp_path / "s.txt")
    assert not doc.traditional and doc.text.startswith("乾隆")


def _bad_files(tmp_path: Path) -> dict[str, str]:
    """Each kind of unreadable file, and the words its message must contain."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "spaces.txt").write_text("  \n\n ", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin.txt").write_bytes(b"\x81\xff\xfe\x80" * 50)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not a pdf body")
    (tmp_path / "big.txt").write_text("中原区" * 400_000, encoding="utf-8")  # 3.6 MB, over a 1 MB limit
    return {"empty.txt": "is empty", "spaces.txt": "is empty", "binary.txt": "binary", "latin.txt": "not decodable",
            "image.png": "unsupported file type .png", "old.doc": "save it as .docx",
            "broken.docx": "not a valid .docx", "broken.pdf": "not a readable PDF", "big.txt": "over the 1 MB limit"}


def test_every_bad_file_kind_has_one_clear_reason(tmp_path: Path):
    expected = _bad_files(tmp_path)
    for name, words in expected.items():
        with pytest.raises(IngestError) as info:
            load_document(tmp_path / name, max_bytes=1024 * 1024)
        assert words in info.value.reason, (name, info.value.reason)
        assert str(info.value).startswith(str(tmp_path / name))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_says_so(tmp_path: Path):
    path = tmp_path / "locked.txt"
    path.write_text("中原区", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(IngestError, match="cannot be read"):
        load_document(path)


def test_mixed_folder_builds_the_good_files_and_names_the_broken_one(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_docx(folder / "report.docx", REPORT.split("\n\n"))
    shutil.copy(FILES / "report.pdf", folder / "erqi.pdf")
    (folder / "jingkai.txt").write_bytes("经开区召开大会\n\n1月5日，郑州经济技术开发区召开2023年工作会议。\n".encode("gbk"))
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 garbage")
    report = build([folder], tmp_path / "b", html=False)
    assert sorted(report.documents) == ["erqi", "jingkai", "report"]
    assert [(p.name, "not a valid .docx" in reason) for p, reason in report.skipped] == [("broken.docx", True)]
    labels = {r[0] for r in run(open_store(report.out), "SELECT ?l WHERE { ?e skos:prefLabel ?l }").rows}
    assert {"李晓雷", "王海", "郑州经济技术开发区"} <= labels
