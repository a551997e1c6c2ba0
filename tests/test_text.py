from policygraph.text import sentence_at, sentences, tokens


def test_sentences_keep_offsets():
    text = "一要突破。二要创新！\n标题"
    sents = sentences(text)
    assert [text[s.start:s.end] for s in sents] == ["一要突破。", "二要创新！", "标题"]
    assert sentence_at(sents, 6).text == "二要创新！"


def test_domain_dictionary_keeps_titles_and_endings_whole():
    words = [t for t, _, _ in tokens("中原区委书记李晓雷来到建设路街道")]
    assert "街道" in words and "建设路" in words
