"""Properties that must hold for any input."""

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import analyze, normalize, normalize_aligned
from khabar.persian.chars import ZWNJ, fold

PERSIAN = st.text(
    alphabet=st.sampled_from(list("ابپتجچدرزسشکگلمنوهیيكۀأآ ‌.،؟!«»()0123456789۰۱۲۳۴۵\n") + [ZWNJ, " ", "ٔ", "ـ"]),
    max_size=80,
)
ANY = st.text(max_size=60)


@settings(max_examples=400, deadline=None)
@given(st.one_of(ANY, PERSIAN))
def test_normalize_never_raises_and_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300, deadline=None)
@given(st.one_of(ANY, PERSIAN))
def test_offsets_map_back_to_the_input(text):
    out, offsets = normalize_aligned(text)
    assert out == normalize(text)
    assert len(offsets) == len(out) + 1
    assert offsets[-1] == len(text)
    assert all(0 <= o <= len(text) for o in offsets)
    assert offsets == sorted(offsets)


@settings(max_examples=200, deadline=None)
@given(PERSIAN)
def test_letters_map_to_the_same_letter(text):
    out, offsets = normalize_aligned(text)
    for i, ch in enumerate(out):
        if ch in "ابپتجچدرزسشکگلمنوه":
            assert fold(text[offsets[i]])[0] == ch, (text, out, i)


@settings(max_examples=200, deadline=None)
@given(st.one_of(ANY, PERSIAN))
def test_tokens_are_spans_of_the_text(text):
    doc = analyze(text)
    for tok in doc.tokens:
        assert doc.text[tok.start : tok.end] == tok.text
        assert not tok.text.isspace()
    covered = [t for s in doc.sentences for t in doc.sentence_tokens(s)]
    assert covered == doc.tokens


@settings(max_examples=300, deadline=None)
@given(st.one_of(ANY, PERSIAN))
def test_fast_alignment_equals_character_by_character_alignment(text):
    from khabar.persian import normalize as module

    mid, mid_offsets = module._phase_a_offsets(text, "persian")
    assert (mid, mid_offsets) == module._phase_a_aligned(text, "persian")
    out = module._phase_b(mid, True)
    assert module._align_boundaries(mid, out) == module._align_boundaries_slow(mid, out)
