"""Fuzzing the language layers with hypothesis: nothing raises, normalization is
idempotent, every span leads back to both texts, the JSON is strict and
round-trips. `make test` runs a small budget; `python bench/fuzz.py` runs
100k+ examples (KHABAR_FUZZ_EXAMPLES sets the budget per property)."""

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khabar
from khabar.model import Doc
from khabar.persian.normalize import normalize_aligned

EXAMPLES = int(os.environ.get("KHABAR_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

# Pieces of Persian news, and of what scrapers do to it.
WORDS = [
    "همکاری", "ها", "های", "می", "کنند", "کرده", "اند", "ترکیه", "ای", "وزیر", "امور", "خارجه", "روسیه",
    "دیدار", "کرد", "گفت", "هفته", "گذشته", "دیروز", "امروز", "سال", "۱۴۰۰", "۲۰۲۱", "تیر", "ژوئن", "رمضان",
    "ساعت", "۱۰:۳۰", "میلیارد", "هزار", "دلار", "تومان", "درصد", "یک", "دو", "سی", "بیست", "سوم", "اول",
    "پوتین", "اردوغان", "آنکارا", "مسکو", "ایرنا", "به", "گزارش", "از", "با", "در", "را", "و", "تا", "پیش",
    "ي", "ك", "ى", "ۀ", "٠١٢", "123", "3.5", "۲۲.۵", "۱٬۲۰۰", "https://x.ir/a?b=1", "ICT", "UN", "تی.آر.تی",
]
MARKS = [" ", "  ", "\u200c", "\n", "\n\n", "\r", "\r\n", "\t", "\u00a0", ".", "...", "…", "،", ",", "؟", "?",
         "!", ":", "«", "»", "(", ")", "-", "/", "\u064e", "\u0651", "\u0654", "\u0640", "\u200d", "\ufeff", "\u202b"]
PIECES = st.sampled_from(WORDS + MARKS)
NEWSLIKE = st.lists(PIECES, max_size=40).map("".join)
ANY_TEXT = st.one_of(NEWSLIKE, st.text(max_size=60), st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=25).map("".join))


@FUZZ
@given(ANY_TEXT)
def test_normalize_is_idempotent_and_aligned(text):
    out, offsets = normalize_aligned(text)
    assert out == khabar.normalize(text)
    assert khabar.normalize(out) == out
    assert len(offsets) == len(out) + 1 and offsets == sorted(offsets)
    assert offsets[-1] == len(text)


@FUZZ
@given(ANY_TEXT)
def test_tokens_are_pieces_of_the_normalized_text(text):
    norm = khabar.normalize(text)
    for sentence in khabar.tokenize(text):
        assert sentence and all(tok and not tok.isspace() and tok in norm for tok in sentence)


@FUZZ
@given(ANY_TEXT, st.sampled_from([None, "2021-06-28", "1400-04-07", "1357-11-22", "2099-12-31"]))
def test_analyze_never_raises_and_its_json_is_strict_and_round_trips(text, published):
    doc = khabar.analyze(text, published=published)
    data = doc.to_dict()
    encoded = json.dumps(data, ensure_ascii=False, allow_nan=False)  # no NaN or Infinity
    assert Doc.from_dict(json.loads(encoded)).to_dict() == data
    for layer in ("tokens", "entities", "quantities", "times", "events"):
        for span in data[layer]:
            assert data["text"][span["start"] : span["end"]] == span["text"]
            a, b = span["raw"]
            assert 0 <= a <= b <= len(data["raw_text"])


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8).filter(str.strip)), min_size=1, max_size=20))
def test_tag_never_raises_on_words(words):
    tagged = khabar.tag(words)
    assert len(tagged) == len(words) and all(pos for _, pos in tagged)
