"""Folding (one index term for every spelling) and the query language."""

from __future__ import annotations

import re

import pytest

from khabar.store.fold import fold_terms, fold_text, fold_word
from khabar.store.query import QueryError, compile_query, highlight_terms, parse


@pytest.mark.parametrize(
    ("spellings", "term"),
    [
        (["همکاری\u200cها", "همکاریها", "همكاريها"], "همکاریها"),
        (["می\u200cکنند", "میکنند", "مي\u200cكنند"], "میکنند"),
        (["۲۰۲۱", "٢٠٢١", "2021"], "2021"),
        (["۲۲.۵", "٢٢٫٥", "22.5"], "22x5"),
        (["۱٬۲۰۰", "1,200", "1200"], "1200"),
        (["آمریکا", "امریکا"], "امریکا"),
        (["رئیس", "رییس"], "رییس"),
        (["کرهٔ", "کره"], "کره"),
        (["تی.آر.تی", "تی\u200cآرتی"], "تیارتی"),
        (["ICT", "ict"], "ict"),
    ],
)
def test_spellings_fold_to_one_term(spellings, term):
    assert {fold_word(s) for s in spellings} == {term}


def test_punctuation_folds_to_nothing():
    assert [fold_word(p) for p in ("،", ".", "«", "-", "؟")] == ["", "", "", "", ""]


def test_spaced_affixes_join_their_word():
    assert fold_text(["همکاری", "ها", "و", "می", "کنند"]) == "همکاریها و میکنند"
    assert fold_text(["ترکیه", "ای", "بزرگ", "ترین"]) == "ترکیهای بزرگترین"
    assert fold_text(["کرده", "اند"]) == "کردهاند"


def test_affixes_do_not_join_across_punctuation_or_where_they_are_words():
    assert fold_text(["گفت", ":", "ای", "مردم"]) == "گفت ای مردم"  # vocative ای
    assert fold_text(["کشور", "ای"]) == "کشور ای"  # the clitics join only after ه
    assert fold_text(["۲۰", "می", "۲۰۲۱"]) == "20 می 2021"  # May
    assert fold_text(["همکاری", "،", "ها"]) == "همکاری ها"
    terms = fold_terms(["همکاری", "ها"], gaps=[False, True])  # a line break between
    assert [t for t, _, _ in terms] == ["همکاری", "ها"]


def test_terms_keep_their_tokens():
    assert fold_terms(["در", "می", "کنند", "."]) == [("در", 0, 1), ("میکنند", 1, 3)]


def test_compiled_queries():
    assert compile_query("همکاری ها") == 'fold : "همکاریها"'
    assert compile_query("بین\u200cالمللی") == 'fold : ("بینالمللی" OR "بین المللی")'
    assert compile_query('"بانک مرکزی"') == 'fold : "بانک مرکزی"'
    assert compile_query("ایران -آمریکا") == '((fold : "ایران")) NOT (fold : "امریکا")'
    assert compile_query("همکار*") == 'fold : "همکار" *'
    assert compile_query("lemma:کرد") == 'lemma : ("کرد")'
    assert compile_query("a OR b") == '((fold : "a") OR (fold : "b"))'


def test_parse_tree():
    tree = parse('ایران ترکیه OR -"آتش بس" (a OR b*)')
    assert type(tree).__name__ == "Any_"
    assert [type(c).__name__ for c in tree.children[1].children] == ["Not", "Any_"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"بانک', "unclosed quote"),
        ("«بانک", "unclosed quote"),
        ("(ایران", "unbalanced '('"),
        ("ایران)", "unbalanced ')'"),
        ("OR ایران", "OR needs a word"),
        ("ایران OR", "OR needs a word"),
        ("-ایران", "cannot only exclude"),
        ("--ایران", "needs a word after"),
        ("()", "empty parentheses"),
        ("...", "nothing to search"),
        ("", "empty query"),
    ],
)
def test_malformed_queries(query, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        compile_query(query)


def test_highlight_terms_leave_out_excluded_words():
    terms, prefixes, lemmas = highlight_terms("همکاری ها بین\u200cالمللی -ترکیه پیش*")
    assert terms == {"همکاریها", "بینالمللی", "بین", "المللی"}
    assert prefixes == {"پیش"} and lemmas == set()
