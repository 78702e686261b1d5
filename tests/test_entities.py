"""Named entities found by the CRF tagger; its decoder against CRFsuite's."""

import pytest

import khabar
import khabar.ingest.reader
from khabar.extract.entities import entity_spans


def test_bio_spans():
    assert entity_spans(["B-PER", "I-PER", "O", "B-LOC", "I-ORG", "O"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")]


def test_entities_in_my_sentence():
    doc = khabar.analyze("وزیر امور خارجه فرانسه روز دوشنبه در پاریس با همتای آلمانی خود دیدار کرد و سازمان ملل از این دیدار استقبال کرد.")
    found = {(e.text, e.label) for e in doc.entities}
    assert ("پاریس", "LOC") in found
    assert any(label == "ORG" and "سازمان ملل" in text for text, label in found)
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text
        assert e.text[0].isalnum() and e.text[-1].isalnum()


def test_seed_people_and_places(shared_data):
    doc = khabar.analyze(khabar.ingest.reader.read(shared_data / "seed/irna-ankara-moscow.txt"))
    found = {(e.text, e.label) for e in doc.entities}
    for name in ("سرگئی لاوروف", "رجب طیب اردوغان", "ولادیمیر پوتین", "پوتین", "اردوغان"):
        assert (name, "PER") in found, name
    for place in ("سوریه", "لیبی", "افغانستان", "اوکراین", "ادلب", "خاورمیانه", "دریای سیاه"):
        assert (place, "LOC") in found, place


def test_crf_decoder_equals_crfsuite(tmp_path, monkeypatch):
    """khabar's numpy Viterbi over exported weights labels every sentence as
    CRFsuite itself does (a small CRF trained here on sentences of our own)."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    from khabar.extract import ner

    data = [
        ("حسن روحانی در تهران با رئیس بانک مرکزی دیدار کرد .", "B-PER I-PER O B-LOC O O B-ORG I-ORG O O O"),
        ("سازمان ملل از اجلاس ژنو خبر داد .", "B-ORG I-ORG O B-EVENT I-EVENT O O O"),
        ("مریم میرزاخانی در شیراز به دنیا آمد .", "B-PER I-PER O B-LOC O O O O"),
        ("وزارت نفت قیمت بنزین را اعلام کرد .", "B-ORG I-ORG O O O O O O"),
    ]
    tables = ner.lexicon()
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, tags in data:
        trainer.append(ner.sentence_features(text.split(), tables), tags.split())
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 50, "feature.possible_transitions": True})
    trainer.train(str(tmp_path / "m.crfsuite"))
    reference = pycrfsuite.Tagger()
    reference.open(str(tmp_path / "m.crfsuite"))
    info = reference.info()
    state: dict = {}
    for (feature, label), weight in info.state_features.items():
        state.setdefault(feature, {})[label] = weight
    transitions: dict = {}
    for (a, b), weight in info.transitions.items():
        transitions.setdefault(a, {})[b] = weight
    ours = ner.CRFTagger(reference.labels(), state, transitions)
    tests = [
        "رئیس بانک مرکزی در شیراز گفت .",
        "میرزاخانی",
        "",
        "اجلاس ژنو و سازمان ملل و وزارت نفت و حسن روحانی در تهران و شیراز .",
        "کتاب روی میز است .",
    ]
    sentences = [t.split() for t in tests]
    expected = [reference.tag(ner.sentence_features(s, tables)) if s else [] for s in sentences]
    assert ours.tag_many(sentences) == expected
    assert ours.tag_many([sentences[0]]) == [expected[0]]
    monkeypatch.setattr(ner, "_BATCH", 2)  # several batches of sentences
    assert ours.tag_many(sentences) == expected
    assert expected[0][1:3] == ["B-ORG", "I-ORG"]  # the CRF did learn something to compare


def test_a_name_found_once_is_found_where_it_repeats():
    """Consistency within a document: an unknown surname after the full name, a
    multiword name, the most frequent label; everyday words are not spread."""
    from khabar.extract.ner import consistent_tags

    sentences = [
        ["مهندس", "کاوه", "زرین‌پوش", "به", "تبریز", "رفت", "."],
        ["زرین‌پوش", "گفت", "که", "شورای", "شهر", "تبریز", "موافق", "است", "."],
        ["او", "از", "تبریز", "و", "شورای", "شهر", "تبریز", "تشکر", "کرد", "."],
        ["امام", "جماعت", "آمد", "و", "امام", "سخن", "گفت", "."],
    ]
    tags = [
        ["O", "B-PER", "I-PER", "O", "B-LOC", "O", "O"],
        ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"],
        ["O", "O", "O", "O", "O", "O", "O", "O", "O", "O"],
        ["B-PER", "O", "O", "O", "O", "O", "O", "O"],
    ]
    out = consistent_tags(sentences, tags)
    assert out[0] == tags[0]
    assert out[1][0] == "B-PER"  # the surname alone
    # the council's name spreads; "تبریز" alone is a word the lexicon knows, so it is left to the tagger
    assert out[2] == ["O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"]
    assert out[3] == tags[3]  # "امام" is an everyday word: not spread
    # with a window of one sentence, the first sentence's name does not reach the third
    assert consistent_tags(sentences, tags, window=1)[2][4:7] == ["B-ORG", "I-ORG", "I-ORG"]
    assert consistent_tags(sentences[:1] + sentences[2:3], tags[:1] + tags[2:3], window=0)[1] == tags[2]


# The steps that find names and role phrases (extract/entities/names.py, role_mentions.py).

def _kb():
    from khabar.extract.kb import knowledge_base

    return knowledge_base()


def test_the_stage_returns_model_entities_without_scratch_state():
    from khabar import model

    doc = khabar.analyze("وزیر خارجه قزاقستان، مراد نورتلیئو در آستانه گفت که سرگئی لاوروف می‌آید.")
    assert doc.entities and all(type(e) is model.Entity for e in doc.entities)
    assert not any(hasattr(e, name) for e in doc.entities for name in ("title", "role_phrase", "before", "after"))


def test_trimmed_drops_punctuation_at_the_ends():
    from khabar.extract.entities.names import trimmed

    assert trimmed(["«", "سوریه", "»", "،", "گفت"], 0, 3) == (1, 2)
    assert trimmed(["«", "»", "،"], 0, 3) == (3, 3)


def test_grown_left_by_a_word_into_a_known_name_or_in_sports_news_a_club():
    from khabar.extract.entities.names import grown_left

    places = ("GPE", "LOC", "FAC")
    grown = grown_left(["او", "به", "شمال", "آفریقا", "رفت"], 3, 4, places, False, _kb())
    assert (grown[0].id, grown[1]) == ("L:north_africa", 1)
    words = ["برابر", "آلومینیوم", "اراک", "بازی", "کرد"]
    assert grown_left(words, 2, 3, places, True, _kb())[0].id == "O:aluminium_arak"
    assert grown_left(words, 2, 3, places, False, _kb()) is None  # a town does not grow into a club elsewhere


def test_grown_left_by_up_to_three_words():
    """The tagger saw only "سازمان ملل" of "کمیساریای عالی سازمان ملل" (UNHCR)."""
    from khabar.extract.entities.names import grown_left

    words = ["با", "کمیساریای", "عالی", "سازمان", "ملل", "گفت"]
    grown = grown_left(words, 3, 5, ("ORG", "PRODUCT", "FAC", "EVENT", "GPE"), False, _kb())
    assert (grown[0].id, grown[1]) == ("O:unhcr", 2)
    doc = khabar.analyze("دولت افغانستان و کمیساریای عالی سازمان ملل باید برای بازگشت مهاجران برنامه بدهند.")
    assert [(e.text, e.kb_id) for e in doc.entities if e.kb_id == "O:unhcr"] == [("کمیساریای عالی سازمان ملل", "O:unhcr")]


def test_extended_right_into_a_known_name():
    from khabar.extract.entities.names import extended_right

    assert extended_right(["واکسن", "اسپوتنیک", "وی", "رسید"], 1, 2, ("ORG", "PRODUCT"), _kb()) == 3
    assert extended_right(["در", "لندن", "."], 1, 2, ("GPE", "LOC"), _kb()) == 2  # not over a full stop


def test_split_coordinated_places():
    from khabar.extract.entities.names import split_coordinated

    assert split_coordinated(["منطقه", "ادلب", "و", "شمال", "شرق", "سوریه"], 0, 6, "LOC", _kb()) == [(0, 2), (3, 6)]
    assert split_coordinated(["سیستان", "و", "بلوچستان"], 0, 3, "LOC", _kb()) == [(0, 3)]  # one known name
    assert split_coordinated(["اروپای", "مرکزی", "و", "غربی"], 0, 4, "LOC", _kb()) == [(0, 4)]  # a direction alone
    assert split_coordinated(["بانک", "صادرات", "و", "معادن"], 0, 4, "ORG", _kb()) == [(0, 4)]  # places only


def test_split_known_names_run_together():
    from khabar.extract.entities.names import split_known

    assert split_known(["کرملین", "پوتین"], 0, 2, "ORG", _kb()) == [(0, 1, "ORG"), (1, 2, "PER")]
    assert split_known(["حزب\u200cالله", "کردستان", "عراق"], 0, 3, "ORG", _kb()) == [(0, 3, "ORG")]  # with its place


def test_kb_names_and_spotted():
    from khabar.extract.entities.names import kb_names, spotted

    words = ["مقامات", "ایالات", "متحده", "آمریکا", "و", "صنعت", "نفت"]
    assert [(a, b, e.id) for a, b, e in kb_names(words, _kb())] == [(1, 4, "G:USA"), (5, 7, "O:sanat_naft")]
    taken = [False] * len(words)
    assert spotted(words, taken, _kb(), sporty=False) == [(1, 4, "LOC")]  # "صنعت نفت" is the industry here
    assert taken == [False, True, True, True, False, False, False]
    assert spotted(words, [False] * len(words), _kb(), sporty=True)[1] == (5, 7, "ORG")
    assert kb_names(["شرکت", "دچار", "مشکلات", "مالی", "."], _kb()) == []  # "مالی ." is not Mali


def test_repaired_marks_its_words_taken_and_skips_a_name_inside_one_taken():
    from khabar.extract.entities.names import repaired

    words = ["واکسن", "اسپوتنیک", "وی", "رسید"]
    taken = [False] * len(words)
    assert repaired(words, 1, 2, "ORG", taken, _kb(), False) == [(1, 3, "ORG")]
    assert taken == [False, True, True, False]
    assert repaired(words, 2, 3, "ORG", taken, _kb(), False) == []


def test_name_mentions_keep_the_words_either_side():
    from khabar.extract.entities.names import name_mentions
    from khabar.persian.tokenize import token_spans

    text = "هیئت ایرانی در آنکارا بود."
    spans = token_spans(text)
    words = [text[s:e] for s, e in spans]
    tags = ["O", "O", "O", "B-LOC", "O", "O"]
    [ankara] = name_mentions(text, spans, words, tags, _kb(), sporty=False)
    assert (ankara.entity.start, ankara.entity.end, ankara.entity.text) == (15, 21, "آنکارا")
    assert (ankara.first, ankara.end, ankara.before, ankara.after) == (3, 4, "در", "بود")


def test_a_role_phrase_replaces_the_place_inside_it():
    from khabar.extract.entities.mention import mention_at
    from khabar.extract.entities.role_mentions import with_role_phrases
    from khabar.persian.tokenize import token_spans

    text = "وزیر امور خارجه ترکیه وارد شد"
    spans = token_spans(text)
    words = [text[s:e] for s, e in spans]
    found = with_role_phrases([mention_at(text, spans, words, 3, 4, "LOC")], text, spans, words, _kb())
    assert [(m.entity.text, m.entity.label, m.phrase.office) for m in found] == [
        ("وزیر امور خارجه ترکیه", "PER", "foreign_minister")]


def test_a_role_phrase_beside_a_name_is_its_title():
    from khabar.extract.entities.mention import mention_at
    from khabar.extract.entities.role_mentions import person_beside, with_role_phrases
    from khabar.extract.roles import find_roles
    from khabar.persian.tokenize import token_spans

    text = "وزیر خارجه قزاقستان ، مراد نورتلیئو گفت"
    spans = token_spans(text)
    words = [text[s:e] for s, e in spans]
    person = mention_at(text, spans, words, 4, 6, "PER")
    [phrase] = find_roles(words, _kb())
    assert person_beside([person], words, phrase) is person  # one mark between
    assert person_beside([person], ["X", *words], find_roles(["X", *words], _kb())[0]) is None  # not beside now
    place = mention_at(text, spans, words, 2, 3, "LOC")
    assert with_role_phrases([place, person], text, spans, words, _kb()) == [place, person]  # no "وزیر …" entity
    assert (person.title.country, person.title.office) == ("KAZ", "foreign_minister")


def test_a_role_phrase_that_cuts_a_name_gives_way():
    from khabar.extract.entities.mention import mention_at
    from khabar.extract.entities.role_mentions import with_role_phrases
    from khabar.persian.tokenize import token_spans

    text = "سازمان دولت عراق تشکیل شد"  # "دولت عراق" inside a longer name
    spans = token_spans(text)
    words = [text[s:e] for s, e in spans]
    whole = mention_at(text, spans, words, 0, 3, "ORG")
    assert with_role_phrases([whole], text, spans, words, _kb()) == [whole]


def test_sports_words_make_a_text_about_sport():
    from khabar.extract.entities.sport import MATCH_REPORT_WORDS, sports_words

    assert sports_words("سرمربی تیم پس از بازی لیگ برتر فوتبال گفت بازیکنان خوب بودند") >= MATCH_REPORT_WORDS
    assert sports_words("وزیر ورزش از ورزشگاه بازدید کرد") == 1
    assert sports_words("مجلس طرح را تصویب کرد") == 0


def _long_text(sentences: int) -> tuple[str, list[list[tuple[int, int]]]]:
    """A text of many people, all called "محمد …" or "علی …" with invented
    surnames, and its tokens by sentence (the worst case of the tagger's
    document pass: every name begins with the same word)."""
    import itertools

    from khabar.persian.normalize import normalize
    from khabar.persian.tokenize import sentence_spans, token_spans

    syllables = ["بار", "کو", "مند", "ساری", "دل", "نیا", "فر", "زاد", "پور", "وند", "کیا", "رو"]
    surnames = ("".join(combo) for n in itertools.count(2) for combo in itertools.product(syllables, repeat=n))
    text = normalize(" ".join(
        f"محمد {next(surnames)} با علی {next(surnames)} در تهران دیدار کرد و سپس به کرمان رفت."
        for _ in range(sentences)
    ))
    tokens = token_spans(text)
    return text, [tokens[a:b] for _, _, a, b in sentence_spans(text, tokens)]


def _calls(sentences: int) -> int:
    """The function calls `extract_entities` makes on a long text (work, not time)."""
    import cProfile
    import pstats

    from khabar.extract.entities import extract_entities

    text, spans = _long_text(sentences)
    extract_entities(text, spans[:1])  # models loaded
    profile = cProfile.Profile()
    profile.runcall(extract_entities, text, spans)
    return pstats.Stats(profile).total_calls


def test_a_long_document_costs_work_in_proportion_to_its_length():
    """Four times the text, about four times the work: before, the tagger's
    document pass matched every word against every name of the document
    beginning with it (7.4 times the calls for 4 times the text)."""
    small, large = _calls(150), _calls(600)
    assert 3.5 < large / small < 4.4, (small, large)


def test_the_tagger_decodes_a_long_document_in_batches_of_tokens():
    from khabar.extract.ner import token_batches

    sentences = [["و"] * 8] * 5 + [["و"] * 30]
    assert token_batches(sentences, 20) == [(0, 2), (2, 4), (4, 5), (5, 6)]
    assert token_batches([], 20) == []


def test_extra_rows_are_the_rows_of_token_extras_in_their_order():
    """CRFTagger.extra_rows finds, without building feature names, the rows
    of the features token_extras names (pairs, gazetteer on the token and
    beside it), token by token in the same order."""
    from khabar.extract.gazetteer import gazetteer_features
    from khabar.extract.ner import crf_tagger, token_extras

    sentences = [s.split() for s in (
        "نماینده سازمان ملل متحد به کابل رفت",
        "",
        "علی و مریم از دانشگاه تهران آمدند .",
        "باران",
        "تهران",
        "از سازمان ملل",  # a name of several words cut by the sentence's end: "سازمان" alone, if at all
    )]
    sentences += [["سازمان", "ملل متحد", "و", "تهران"], ["a|b", "تهران", "x y"]]  # tokens with a space or a bar
    assert gazetteer_features(sentences[0]) == [[], ["gz=LOC-B"], ["gz=LOC-I"], ["gz=LOC-I"], [], ["gz=LOC-B"], []]
    tagger = crf_tagger()
    expected_tokens, expected_rows = [], []
    k = 0
    for words in sentences:
        for feats in token_extras(words):
            for f in feats:
                if f in tagger.index:
                    expected_tokens.append(k)
                    expected_rows.append(tagger.index[f])
            k += 1
    tokens, rows = tagger.extra_rows(sentences)
    assert tokens.tolist() == expected_tokens and rows.tolist() == expected_rows
    names = {v: f for f, v in tagger.index.items()}
    assert [names[r] for t, r in zip(tokens.tolist(), rows.tolist(), strict=True) if t == 2] == [
        "w,w+1=ملل|متحد", "w-1,w=سازمان|ملل", "gz=LOC-I", "p:gz=LOC-B", "n:gz=LOC-I"]


def test_gazetteer_tries_only_lengths_a_name_may_have():
    """A first word's longest name bounds the lengths tried; matches are the longest."""
    from khabar.extract.gazetteer import _first_words, gazetteer, gazetteer_features

    longest = _first_words()
    assert longest["سازمان"] >= 3 and "سازمان ملل متحد" in gazetteer()
    assert all(n >= 1 for n in longest.values())
    words = ["سفیر", "کشورمان", "در", "سازمان", "ملل", "متحد", "گفت"]
    assert gazetteer_features(words)[3:6] == [["gz=LOC-B"], ["gz=LOC-I"], ["gz=LOC-I"]]
    assert gazetteer_features(["تهران"]) == [["gz=LOC-B"]]


def test_gazetteer_extends_a_match_only_through_beginnings_of_names():
    """_beginnings holds each name and its beginnings before a space; a token
    with a space in it begins no match, as before."""
    from khabar.extract.gazetteer import _beginnings, gazetteer, gazetteer_features

    beginnings = _beginnings()
    assert {"سازمان", "سازمان ملل", "سازمان ملل متحد"} <= beginnings
    assert beginnings >= gazetteer().keys()
    assert gazetteer_features(["سازمان ملل", "متحد"]) == [[], []]
    assert gazetteer_features(["از", "سازمان", "ملل", "متحد", "و", "تهران"]) == [
        [], ["gz=LOC-B"], ["gz=LOC-I"], ["gz=LOC-I"], [], ["gz=LOC-B"]]


def test_gazetteer_matches_word_by_word_and_for_a_batch():
    """longest_match (word by word) and the tables the entity tagger uses to
    match a batch at once: kinds, names of one word, two-word beginnings."""
    from khabar.extract import gazetteer

    words = ["از", "سازمان", "ملل", "متحد", "و", "تهران"]
    assert gazetteer.longest_match(words, 1, len(words)) == (3, "LOC")
    assert gazetteer.longest_match(words, 1, 3) == (2, "ORG")  # up to the end given
    assert gazetteer.longest_match(words, 5, len(words)) == (1, "LOC")
    assert gazetteer.longest_match(words, 0, len(words)) is None
    assert gazetteer.kinds() == ("FIRST", "LOC", "ORG", "PER")
    assert gazetteer.kind_alone()["تهران"] == gazetteer.kinds().index("LOC")
    assert "سازمان ملل متحد" not in gazetteer.kind_alone()
    assert ("سازمان", "ملل") in set(gazetteer.two_word_beginnings())
