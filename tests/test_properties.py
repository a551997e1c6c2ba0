"""Property-based tests: arbitrary text never crashes the normaliser or the extractors, and every
offset and evidence span maps back to the original characters it came from."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policygraph.extract import extract_document
from policygraph.ingest import IngestError, document_from_text
from policygraph.ingest.normalise import RADICALS, normalise
from policygraph.script import to_simplified

# The characters these documents are made of, so that generated text forms names, titles and numbers
# often enough to exercise the extractors, plus anything at all
DOMAIN = list("中原区郑州市河南省委书记区长李晓雷邓英文二砂文化创意产业园项目签约仪式召开会议集团有限公司街道办事处"
              "经济技术开发区管委会主任副万人助企三个一批开工投产增长完成亿元万平方米个年月日第一二三四五六七八九十"
              "區長書記會議經濟創意園開發，。、：；“”（）《》！？—%0123456789.ABCD \n\n\u3000⻢⼆")
TEXT = st.one_of(st.text(alphabet=st.sampled_from(DOMAIN), max_size=400), st.text(max_size=200))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def fold(c: str) -> str:
    """What the normaliser and the script matching make of one original character."""
    return to_simplified(unicodedata.normalize("NFKC", RADICALS.get(c, c)))


@SETTINGS
@given(TEXT)
def test_normalised_characters_come_from_their_offsets(original: str):
    text, offsets = normalise(original)
    assert len(text) == len(offsets)
    assert all(0 <= o < len(original) for o in offsets)
    assert list(offsets) == sorted(offsets)
    for ch, o in zip(text, offsets, strict=True):
        if ch in " \n":  # a kept word separator or paragraph break points at the whitespace it stands for
            assert original[o].isspace()
        else:
            assert ch in unicodedata.normalize("NFKC", RADICALS.get(original[o], original[o]))


@SETTINGS
@given(TEXT)
def test_extraction_never_crashes_and_every_span_maps_back(original: str):
    try:
        doc = document_from_text(original, Path("p.txt"))
    except IngestError:
        return  # nothing left after normalisation: a clear error, not a crash
    x = extract_document(doc)
    for ent in x.entities.values():
        for m in ent.mentions:
            assert doc.text[m.start:m.end] == m.text
            assert _squeeze(m.text) == _source(doc, original, m.start, m.end)
    for sentence in x.sentences:
        assert _squeeze(doc.text[sentence.start:sentence.end]) == _source(doc, original, sentence.start, sentence.end)
        assert _squeeze(doc.as_written(sentence.start, sentence.end)) == _squeeze(
            "".join(unicodedata.normalize("NFKC", RADICALS.get(c, c)) for c in original[slice(
                *doc.source_span(sentence.start, sentence.end))]))


def _squeeze(text: str) -> str:
    return "".join(c for c in text if not c.isspace())


def _source(doc, original: str, start: int, end: int) -> str:
    """The original characters behind a span of the normalised text, folded the way the text was."""
    s, e = doc.source_span(start, end)
    return _squeeze("".join(fold(c) for c in original[s:e])) if doc.traditional else _squeeze(
        "".join(unicodedata.normalize("NFKC", RADICALS.get(c, c)) for c in original[s:e]))


def test_a_compatibility_ideograph_is_written_as_its_unified_traditional_character():
    doc = document_from_text("\uf9d3", Path("p.txt"))  # 陸 as a CJK compatibility ideograph
    assert doc.text == "陆" and doc.as_written(0, 1) == "陸"
