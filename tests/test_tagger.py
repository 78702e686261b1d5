

def test_batched_tagging_equals_the_plain_greedy_perceptron():
    """Tagger.tag_many (numpy, many sentences at once) chooses what the plain
    perceptron chooses word by word (with the model's lexicon), with and
    without extra features."""
    import gzip
    import json
    from importlib import resources

    from khabar.persian.tagger import Perceptron, load_model, read_lexicon, tag_sentences, tag_words

    texts = (
        "وزیر امور خارجه ایران امروز با همتای عمانی خود در مسقط دیدار کرد .",
        "سلام",
        "",
        "کتاب‌هایی که دیروز خریدم روی میز است .",
        "بانک مرکزی نرخ ارز را اعلام کرد و بازار آرام شد .",
    )
    sentences = [text.split() for text in texts]
    path = resources.files("khabar") / "data" / "tagger.json.gz"
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    plain = Perceptron(data["weights"], data["tags"], read_lexicon(data.get("lexicon", {})))
    # Extra features that the model weighs (a word's suffix once more), and none.
    for extras in ([[["s2=" + w[-2:]] for w in s] for s in sentences], None):
        expected = [tag_words(plain, s, extras[k] if extras else None) for k, s in enumerate(sentences)]
        assert tag_sentences(load_model("tagger.json.gz"), sentences, extras) == expected
