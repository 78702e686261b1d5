from khabar import sentences, tokenize
from khabar.persian.tokenize import sentence_spans, token_spans


def test_tokens_follow_ud_conventions():
    toks = tokenize("همکاریهای دو کشور ۲۲.۵ درصد و ۱٬۲۰۰ نفر را به تی.آر.تی گفتند.")[0]
    assert "همکاری\u200cهای" in toks
    assert "۲۲.۵" in toks and "۱٬۲۰۰" in toks and "تی.آر.تی" in toks
    assert toks[-1] == "."


def test_punctuation_is_separate():
    assert tokenize("«سلام»، گفت!")[0] == ["«", "سلام", "»", "،", "گفت", "!"]


def test_dates_times_urls_are_single_tokens():
    toks = tokenize("ساعت ۱۰:۳۰ روز ۱۴۰۰/۰۴/۰۹ در www.irna.ir/a/1 و a@b.com")[0]
    assert {"۱۰:۳۰", "۱۴۰۰/۰۴/۰۹", "www.irna.ir/a/1", "a@b.com"} <= set(toks)


def test_sentences_split_on_terminals_and_lines():
    assert sentences("او آمد. تو رفتی! آیا ماند؟\nسطر تازه") == [
        "او آمد.", "تو رفتی!", "آیا ماند؟", "سطر تازه",
    ]


def test_sentences_do_not_split_on_decimals_acronyms_abbreviations_ellipses():
    text = "نرخ ۲۲.۵ درصد شد و تی.آر.تی گزارش داد. در ۱۳۵۷ ه.ش. انقلاب شد... و ادامه یافت."
    assert sentences(text) == [
        "نرخ ۲۲.۵ درصد شد و تی.آر.تی گزارش داد.",
        "در ۱۳۵۷ ه.ش. انقلاب شد... و ادامه یافت.",
    ]


def test_closing_quote_stays_with_its_sentence():
    assert sentences("او گفت: «می‌آیم.» سپس رفت.") == ["او گفت: «می‌آیم.»", "سپس رفت."]


def test_spans_index_the_text():
    text = "او آمد. تو رفتی."
    spans = token_spans(text)
    assert [text[s:e] for s, e in spans] == ["او", "آمد", ".", "تو", "رفتی", "."]
    assert sentence_spans(text, spans) == [(0, 7, 0, 3), (8, 16, 3, 6)]


def test_empty_text():
    assert tokenize("") == []
    assert sentences("  ") == []
