from functools import cache
from itertools import pairwise

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.config import corpus_dir
from policygraph.text import DOMAIN_FREQ, frequencies, jieba_tokenizer, sentence_at, sentences, tokens, word_tag


def test_sentences_keep_offsets():
    text = "一要突破。二要创新！\n标题"
    sents = sentences(text)
    assert [text[s.start:s.end] for s in sents] == ["一要突破。", "二要创新！", "标题"]
    assert sentence_at(sents, 6).text == "二要创新！"


def test_domain_dictionary_keeps_titles_and_endings_whole():
    words = [t for t, _, _ in tokens("中原区委书记李晓雷来到建设路街道")]
    assert "街道" in words and "建设路" in words


@pytest.fixture(scope="module")
def reference() -> jieba.Tokenizer:
    return _reference_once()


def jieba_cut(tok: jieba.Tokenizer, text: str) -> list[str]:
    return list(tok.cut(text, HMM=True))


def test_tokens_are_jiebas_own_cut_on_every_sentence_of_the_corpus(reference):
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus_dir().glob("*.txt"))]
    sents = [s.text for t in texts for s in sentences(t)]
    assert len(sents) > 500
    assert [jieba_cut(reference, s) for s in sents] == [[w for w, _, _ in tokens(s)] for s in sents]


@pytest.mark.parametrize("text", ["2023-2025年", "1-5月", "K-12教育", "Wi-Fi覆盖", "增长1.9r", "PM2.5浓度", "5G+工业互联网",
                                  "C++开发", "T恤", "R&D投入", "#𠀀宇", "官书𠀀记", "A\r\nB", "两大任", "第3.0版 \t 新", "区\ue000里"])
def test_letters_digits_signs_and_rare_characters_cut_as_jieba_cuts_them(reference, text: str):
    assert [w for w, _, _ in tokens(text)] == jieba_cut(reference, text)


_SAMPLE = sorted(set("".join(p.read_text(encoding="utf-8") for p in corpus_dir().glob("*.txt"))))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_SAMPLE + list("abcXYZ019-_.%#&+ \n\t\r·（）①Ⅱ\u3000𠀀")), max_size=40))
def test_any_text_cuts_as_jieba_cuts_it(text: str):
    assert [w for w, _, _ in tokens(text)] == jieba_cut(_reference_once(), text)


def test_token_offsets_tile_the_text():
    text = "区里2023-2025年推进5G基站建设，\n投资1.9亿元。"
    toks = tokens(text)
    assert "".join(w for w, _, _ in toks) == text
    assert all(text[s:e] == w for w, s, e in toks) and all(a[2] == b[1] for a, b in pairwise(toks))


@cache
def _reference_once() -> jieba.Tokenizer:
    return jieba_tokenizer()


def test_frequencies_and_tags_are_jiebas_dictionary_with_the_domain_words(reference):
    freq = frequencies()
    assert freq["平台"] == reference.FREQ["平台"] and word_tag("平台") == "n"
    assert freq["党组书记"] == DOMAIN_FREQ == reference.FREQ["党组书记"] and freq["七台河市"] == DOMAIN_FREQ
