"""The mission's canonical example (../shared/data/seed), when it is present."""

from collections import Counter

import khabar


def test_seed_half_spaces(shared_data):
    raw = (shared_data / "seed/irna-ankara-moscow.txt").read_text(encoding="utf-8")
    out = khabar.normalize(raw)
    tokens = Counter(t for sent in khabar.tokenize(raw) for t in sent)
    expected = {
        "همکاری‌های": 5, "می‌کنند": 3, "می‌کند": 1, "کرده‌اند": 1, "گفت‌وگو": 1,
        "تنش‌ها": 1, "فناوری‌های": 1, "تروریست‌ها": 2, "گروه‌های": 1, "عرصه‌های": 1,
        "ترکیه‌ای": 1,
    }
    for word, count in expected.items():
        assert tokens[word] == count, word
    assert "گفت‌وگو می‌کنند" in out.splitlines()[0]
    assert tokens["تی.آر.تی"] == 1 and tokens["۲۲.۵"] == 1


def test_seed_offsets_map_tokens_back(shared_data):
    raw = (shared_data / "seed/irna-ankara-moscow.txt").read_text(encoding="utf-8")
    doc = khabar.analyze(raw)
    for tok in doc.tokens:
        s, e = doc.raw_span(tok.start, tok.end)
        assert raw[s:e].replace(" ", "").replace("\u200c", "").rstrip() == tok.text.replace("\u200c", "")
