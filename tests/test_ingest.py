from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from policygraph.ingest import IngestError, document_from_text, find_files, load_document
from policygraph.ingest.normalise import normalise


def test_wrapped_newspaper_lines_are_rejoined_and_paragraphs_kept():
    column = "1月12日、13日，在中原区委、区政府组\n织召开的2023年重点项目建设工作第一次\n观摩推进会上，中原区委书记李晓雷强调，\n全区上下要勇挑大梁。"
    text, _ = normalise("标题\n\n" + column + "\n\n第二段文字。")
    assert text.split("\n") == ["标题", "1月12日、13日,在中原区委、区政府组织召开的2023年重点项目建设工作第一次观摩推进会上,"
                                 "中原区委书记李晓雷强调,全区上下要勇挑大梁。", "第二段文字。"]


def test_paragraph_repeated_by_the_layout_is_dropped():
    text, _ = normalise("勇挑大梁奋勇争先\n\n正文一段。\n\n勇挑大梁奋勇争先\n\n正文二段。")
    assert text.count("勇挑大梁奋勇争先") == 1


def test_every_normalised_character_maps_back_to_the_original():
    original = "中原区\n  前 5期“三个一批”（CCD）项目 18个\n\n记者 鲁燕"
    text, offsets = normalise(original)
    import unicodedata
    for ch, off in zip(text, offsets, strict=True):
        if ch != "\n" and ch != " ":
            assert unicodedata.normalize("NFKC", original[off]) == ch


def test_encodings_are_detected(tmp_path: Path):
    (tmp_path / "gbk.txt").write_bytes("郑州市中原区召开会议".encode("gbk"))
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + "郑州市中原区召开会议".encode())
    for name in ("gbk.txt", "bom.txt"):
        assert load_document(tmp_path / name).text == "郑州市中原区召开会议"


def test_html_text_without_scripts_and_navigation(tmp_path: Path):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>T</title><script>alert(1)</script></head><body><nav>首页</nav>"
                    "<p>中原区召开会议。</p></body></html>", encoding="utf-8")
    d = load_document(page)
    assert d.text == "中原区召开会议。"


@pytest.mark.parametrize("content, reason", [(b"", "empty"), (b"\x00\x01\x02abc", "binary"),
                                             (b"\xff\xfe\xfa\xfb" * 10, "not decodable")])
def test_bad_files_raise_a_clear_error(tmp_path: Path, content: bytes, reason: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError) as info:
        load_document(path)
    assert reason in info.value.reason and info.value.path == path


def test_unsupported_type_is_named(tmp_path: Path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(IngestError, match=r"unsupported file type \.xlsx"):
        load_document(path)


def test_metadata_id_date_year_title():
    d = document_from_text("中原区十七届人大\n\n——2023年2月22日在大会上\n\n2022年完成……2023年目标……", Path("004_cd.txt"))
    assert (d.id, d.date, d.year, d.title) == ("004_cd", "2023-02-22", 2023, "中原区十七届人大")
    assert document_from_text("时间:2024-02-27 来源：经开时报", Path("a.txt")).date == "2024-02-27"


def test_folder_listing_is_sorted_and_skips_hidden(tmp_path: Path):
    for name in ("b.txt", "a.md", ".hidden.txt", "c.bin"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    # unsupported files are listed so that the build can say why it skipped them
    assert [p.name for p in find_files([tmp_path])] == ["a.md", "b.txt", "c.bin"]


def test_a_page_break_inside_a_known_term_and_a_line_break_before_a_quote_are_joined():
    from tests.conftest import doc

    d = doc("科技服务业方面,继续实施数字经济行动。\n\n都市型工业方面,以战略性\n\n新兴产业、未来产业为导向,促进融合。")
    assert "以战略性新兴产业、未来产业" in d.text
    d = doc("1月12日,在区委、区政府组织召开的观摩推进会上,区委书记李晓雷强调,坚持\n“项目为王”理念,全力以赴拼经济。\n第二段。")
    assert "强调,坚持“项目为王”理念" in d.text and d.text.endswith("\n第二段。")


def test_a_numbered_heading_is_not_joined_to_the_next_paragraph():
    from tests.conftest import doc

    d = doc("(二)聚焦产业升级,构建现代产业体系,推动经济高质量发展\n\n今年,全区实施重点项目50个。")
    assert "发展\n今年" in d.text


def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path):
    text = "中原区人民政府召开经济工作会议，全区上下要勇挑大梁，奋勇争先。"
    (tmp_path / "w.txt").write_bytes(text.encode("utf-16-le"))
    from policygraph.ingest import load_document

    assert load_document(tmp_path / "w.txt").text.startswith("中原区人民政府召开经济工作会议")
