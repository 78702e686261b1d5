"""Part-of-speech and lemma benchmark on UD Seraji test (never trained on): with
gold tokens, and end to end from the raw sentence text (a gold word counts when
khabar made a token with its exact character span); tokens/s.

Usage: python bench/tagging.py [--no-write]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from _common import DATA, write_section  # noqa: E402
from train_tagger import read_conllu  # noqa: E402

from khabar.persian.lemmatize import lemmatize  # noqa: E402
from khabar.persian.tagger import model, tag_sentences  # noqa: E402

TEST = DATA / "ud/seraji/fa_seraji-ud-test.conllu"


def news_speed(tagger) -> tuple[float, int]:
    from speed import news_text

    import khabar

    sentences = khabar.tokenize(news_text())
    count = sum(map(len, sentences))
    start = time.process_time()
    for words, tags in zip(sentences, tag_sentences(tagger, sentences), strict=True):
        for word, tag in zip(words, tags, strict=True):
            lemmatize(word, tag)
    return count / (time.process_time() - start), count


def end_to_end() -> tuple[int, int, int]:
    """UPOS and lemma right from raw text: a gold word counts only when khabar
    produced a token with exactly its character span (and the right tag)."""
    from _common import conllu_sentences

    import khabar

    upos_right = lemma_right = total = 0
    gold_sents = read_conllu(TEST)
    for (text, _forms), gold in zip(conllu_sentences(TEST), gold_sents, strict=True):
        doc = khabar.analyze(text)
        predicted = {doc.raw_span(t.start, t.end): t for t in doc.tokens}
        pos = 0
        for form, upos, lemma in gold:
            at = text.find(form, pos)
            total += 1
            if at < 0:
                continue
            pos = at + len(form)
            tok = predicted.get((at, at + len(form)))
            if tok is not None:
                upos_right += tok.pos == upos
                lemma_right += tok.lemma == lemma
    return upos_right, lemma_right, total


def main() -> None:
    if not TEST.exists():
        print("skip: UD Seraji test not found")
        return
    sents = read_conllu(TEST)
    tagger = model()
    tokens = sum(len(s) for s in sents)
    start = time.process_time()
    predicted = tag_sentences(tagger, [[w for w, _, _ in s] for s in sents])
    tag_secs = time.process_time() - start
    right = sum(p == g for s, tags in zip(sents, predicted, strict=True) for (_, g, _), p in zip(s, tags, strict=True))
    confusions = Counter((g, p) for s, tags in zip(sents, predicted, strict=True) for (_, g, _), p in zip(s, tags, strict=True) if g != p)
    start = time.process_time()
    lemmas = [[lemmatize(w, t) for (w, _, _), t in zip(s, tags, strict=True)] for s, tags in zip(sents, predicted, strict=True)]
    lemma_secs = time.process_time() - start
    lemma_right = sum(p == g for s, ls in zip(sents, lemmas, strict=True) for (_, _, g), p in zip(s, ls, strict=True))
    lemma_gold_pos = sum(
        lemmatize(w, u) == lem for s in sents for w, u, lem in s
    )
    rate = tokens / (tag_secs + lemma_secs)
    news_rate, news_tokens = news_speed(tagger)
    e2e_upos, e2e_lemma, e2e_total = end_to_end()
    table = (
        "| data | tokens | UPOS accuracy | lemma accuracy | lemma accuracy with gold UPOS | tokens/s (tag + lemma) |\n|---|---|---|---|---|---|\n"
        f"| {TEST.name} (gold tokens) | {tokens:,} | {right / tokens:.4f} | {lemma_right / tokens:.4f} | {lemma_gold_pos / tokens:.4f} | {rate:,.0f} |\n"
        f"| {TEST.name} (raw text: khabar's own normalization and tokens, aligned by character spans) | {e2e_total:,} | "
        f"{e2e_upos / e2e_total:.4f} | {e2e_lemma / e2e_total:.4f} | | |"
    )
    table += f"\n\nTagging and lemmatizing {news_tokens:,} tokens of Fars News: {news_rate:,.0f} tokens/s (one core, CPU time)."
    print(table)
    print("most frequent confusions (gold → predicted):", confusions.most_common(12))
    if "--no-write" not in sys.argv:
        write_section("Parts of speech and lemmas", "Command: `python bench/tagging.py`.\n\n" + table)


if __name__ == "__main__":
    main()
