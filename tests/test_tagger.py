

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


def test_word_rows_computes_each_form_once_and_starts_over_past_its_limit():
    """WordRows: one row per word form (0 and 1 are the sentence bounds), kept
    across calls; past the limit all are dropped and the values are the same."""
    import numpy as np

    from khabar.persian.tagger import BOS, EOS, WordRows

    seen: list[str] = []

    def compute(w: str):
        seen.append(w)
        return np.array([len(w), w.count("ا")], dtype=np.float32)

    table = WordRows(compute, limit=5, numbers=({"آمد": 7}, {"باران": 3, BOS: 0}))
    assert seen == [BOS, EOS]
    rows = table.rows(["باران", "آمد", "باران"])
    assert rows.tolist() == [2, 3, 2]
    assert table.array[rows].tolist() == [[5, 2], [3, 0], [5, 2]]
    assert table.numbers[[0, 1, 2, 3]].tolist() == [[-1, 0], [-1, -1], [-1, 3], [7, -1]]
    assert table.rows(["آمد", EOS]).tolist() == [3, 1]
    assert seen == [BOS, EOS, "باران", "آمد"]  # nothing computed twice
    rows = table.rows(["دریا", "کوه", "باران"])  # 4 held + 2 new > 5: start over
    assert len(table) == 5 and table.rows([BOS]).tolist() == [0]
    assert table.array[rows].tolist() == [[4, 1], [3, 0], [5, 2]]
    assert table.numbers[rows].tolist() == [[-1, -1], [-1, -1], [-1, 3]]
    many = [f"واژه{k}" for k in range(100)]  # more than the array held at first: it grows
    big = WordRows(compute, limit=1000)
    rows = big.rows(many)  # (the array is read after: it may be a new one)
    assert big.array[rows][:, 0].tolist() == [len(w) for w in many]
    assert big.numbers.shape == (len(big.array), 0)


def test_pair_features_are_found_by_the_numbers_of_their_two_words():
    """PairFeatures: "w,w+1=a|b" found from the numbers of a and b, a word
    with "|" in it too; a word in no pair (-1) finds nothing."""
    import numpy as np

    from khabar.persian.tagger import PairFeatures

    index = {"w,w+1=باد|وزید": 0, "w,w+1=x|y|z": 1, "w=باد": 2, "w-1,w=باد|وزید": 3}
    pairs = PairFeatures.of(index, "w,w+1=")
    assert set(pairs.number) == {"باد", "وزید", "x", "y|z", "x|y", "z"}
    firsts, seconds = ["باد", "وزید", "x|y", "x", "باران", "وزید"], ["وزید", "</s>", "z", "y|z", "وزید", "باد"]
    number = [[pairs.number.get(w, -1) for w in words] for words in (firsts, seconds)]
    at, rows = pairs.hits(np.array(number[0]), np.array(number[1]))
    assert at.tolist() == [0, 2, 3] and rows.tolist() == [0, 1, 1]
    none = PairFeatures.of({"w=باد": 0}, "w,w+1=")
    assert [a.tolist() for a in none.hits(np.array([-1]), np.array([-1]))] == [[], []]


def test_tags_do_not_depend_on_what_the_word_table_holds(monkeypatch):
    """The same tags whether a word's shares were computed now or kept from
    before, and when the table starts over in the middle of a batch."""
    from khabar.persian.tagger import Tagger, load_model, tag_sentences

    sentences = [s.split() for s in ("باران دیروز در شیراز بارید .", "شیراز شهری زیبا است .", "دیروز باران آمد")]
    loaded = load_model("tagger.json.gz")
    expected = tag_sentences(loaded, sentences)
    assert expected[1][0] == "PROPN" and expected[0][-1] == "PUNCT"
    fresh = Tagger.__new__(Tagger)
    fresh.__dict__.update(loaded.__dict__)
    from khabar.persian.tagger import WordRows

    fresh.words = WordRows(fresh._vectors_of, 6, loaded.words.tables)  # fewer than the words of the batch
    assert tag_sentences(fresh, sentences) == expected
    assert tag_sentences(fresh, sentences[1:]) == expected[1:]


def test_sentences_side_by_side_in_bounded_groups(monkeypatch):
    """side_by_side: at most `most` sentences, and their grid (longest × number)
    within `cells` unless one sentence alone is longer; tagging in the
    smallest groups gives the same tags."""
    from khabar.persian import tagger

    assert tagger.side_by_side([100, 50, 3, 3, 2], most=3, cells=200) == [(0, 2), (2, 5)]
    assert tagger.side_by_side([500, 1], most=3, cells=200) == [(0, 1), (1, 2)]
    assert tagger.side_by_side([], most=3, cells=200) == []
    sentences = [s.split() for s in (
        "کتاب‌های تازه را دیروز در نمایشگاه خریدم و به خانه بردم .",
        "هوا سرد است .",
        "",
        "او آمد .",
    )]
    loaded = tagger.load_model("tagger.json.gz")
    expected = tagger.tag_sentences(loaded, sentences)
    assert expected[1] == ["NOUN", "ADJ", "AUX", "PUNCT"] and expected[2] == []
    monkeypatch.setattr(tagger, "GRID_CELLS", 1)  # every sentence a group of its own
    assert tagger.tag_sentences(loaded, sentences) == expected
