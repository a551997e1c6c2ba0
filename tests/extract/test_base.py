"""The context every extractor reads: a span's tokens come from the document's one cut."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.extract.base import Context
from tests.conftest import doc

TEXT = ("中原区发展。\n\n1月13日上午，中原区政府与河南国创文化发展有限公司在二砂文化创意园联合举行项目集中签约仪式。"
        "加快华润燃气智慧燃气信息科技中心等项目建设；全力做好黄河智谷·中原企业总部港建设。\n记者 鲁燕")
CTX = Context(doc(TEXT))


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(CTX.text) - 1), st.integers(1, 40))
def test_a_spans_tokens_cover_it_exactly_with_document_offsets(start: int, length: int):
    end = min(len(CTX.text), start + length)
    toks = CTX.span_tokens(start, end)
    assert "".join(t for t, _, _ in toks) == CTX.text[start:end]
    assert all(CTX.text[s:e] == t and s < e for t, s, e in toks)
    assert [s for _, s, _ in toks[1:]] == [e for _, _, e in toks[:-1]]


def test_whole_words_inside_a_span_are_the_documents_own():
    start = CTX.text.index("河南国创")
    end = CTX.text.index("有限公司")
    inner = {(s, e) for _, s, e in CTX.tokens if start <= s and e <= end}
    assert inner <= {(s, e) for _, s, e in CTX.span_tokens(start, end)}
