"""Near-duplicate clusters: light edits stay in the original's cluster,
different stories of the same kind do not join."""

from __future__ import annotations

import pytest
from test_store_data import ARTICLES, STORY, corpus_db  # noqa: F401 — corpus_db is a fixture

from khabar.persian.normalize import normalize
from khabar.persian.tokenize import token_spans
from khabar.store import Corpus
from khabar.store.clusters import THRESHOLD, copies, shingles, signature, similarity
from khabar.store.fold import fold_terms


def terms(*paragraphs: str) -> list[str]:
    text = normalize("\n\n".join(paragraphs))
    return [t for t, _, _ in fold_terms([text[s:e] for s, e in token_spans(text)])]


def test_shingles_are_word_four_grams():
    assert shingles(["a", "b", "c", "d", "e"]) == {b"a b c d", b"b c d e"}
    assert shingles(["a", "b"]) == {b"a b"} and shingles([]) == set()
    assert signature([]) is None and len(signature(["a"])) == 4 * 128


@pytest.mark.parametrize(
    "edited",
    [
        ["فوری | " + "سیل در گلستان", *STORY],  # title prefix
        [STORY[0].replace("به گزارش ایرنا", "به گزارش خبرگزاری فارس"), *STORY[1:]],  # agency line
        [STORY[0], STORY[1], STORY[2], STORY[4]],  # a paragraph dropped
        [STORY[0].replace("ایرنا", "ایسنا به نقل از ایرنا"), STORY[1], STORY[3], STORY[4]],  # both
    ],
)
def test_light_edits_stay_above_the_threshold(edited):
    original = signature(terms("سیل در گلستان", *STORY))
    assert similarity(original, signature(terms(*edited))) >= THRESHOLD + 0.1


def test_copies_by_similarity_or_by_containment():
    assert copies(0.5, 100, 100) and not copies(0.29, 100, 30)
    # a third of the shorter copy's shingles are not in the longer: the estimate of the shared part decides
    assert copies(0.45, 300, 150)  # 140 shared of 150: contained
    assert not copies(0.45, 300, 200)  # 155 shared of 200: two stories sharing an opening
    assert not copies(0.45, 0, 150)  # no sizes, no containment


def test_a_different_story_of_the_same_kind_stays_below():
    other = next(a for a in ARTICLES if a["id"] == "t1")
    assert similarity(signature(terms(*STORY)), signature(terms(*other["body"]))) < 0.1


def test_corpus_clusters(corpus_db):  # noqa: F811
    with Corpus(corpus_db, create=False) as corpus:
        copies = corpus.cluster("s3")
        assert [c["id"] for c in copies] == ["s1", "s2", "s3"]
        assert [c["source"] for c in copies] == ["IRNA", "FARS", "ISNA"]
        assert [c["id"] for c in corpus.cluster("t1")] == ["t1"]
        rows = corpus.conn.execute(
            "SELECT a.id, c.articles, c.outlets, c.first_day, c.last_day FROM clusters c "
            "JOIN articles a ON a.n = c.cluster WHERE c.articles > 1").fetchall()
        assert rows == [("s1", 3, 3, "2021-07-01", "2021-07-02")]
