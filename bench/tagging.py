"""Part-of-speech and lemma benchmark, each treebank scored in its own conventions.

- PerDT-style text: the fifth of UD PerDT dev that tools/train_tagger.py holds
  back (every fifth sentence), gold tokens, scored as tagged: khabar follows
  PerDT's conventions (PROPN; «را» ADP; the lemma of شدن شد).
- UD Seraji test (never trained on), gold tokens: Seraji has no PROPN, tags «را»
  PART and gives شدن the lemma کرد. khabar's tags and lemmas are put in Seraji's
  conventions before scoring: PROPN → NOUN, and a tag (lemma) that Seraji dev
  never gives a word it has seen 3 times, while PerDT does, becomes Seraji's
  usual one for that word («را» ADP → PART, «نیز» ADV → SCONJ). Also shown: the
  raw score, and the score with only the tag set mapped (PROPN → NOUN, «را» → PART).
- Seraji test end to end from the raw sentence text (a gold word counts when
  khabar made a token with its exact character span), with the same mapping.
- Speed: tagging and lemmatizing Fars News tokens (CPU time).
- With --cross-validate: five taggers trained as tools/train_tagger.py trains
  the shipped one, each without another fifth of PerDT dev, scored on it (~8 min).

Usage: python bench/tagging.py [--no-write] [--errors] [--cross-validate]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from _common import DATA, write_section  # noqa: E402
from train_tagger import (  # noqa: E402
    HELD_BACK,
    build,
    counts_of,
    lemma_to_seraji,
    read_conllu,
    split_perdt_dev,
    to_seraji,
)

from khabar.persian.lemmatize import lemmatize, lookup  # noqa: E402
from khabar.persian.tagger import Tagger, model, tag_sentences  # noqa: E402

TEST = DATA / "ud/seraji/fa_seraji-ud-test.conllu"
SERAJI_DEV = DATA / "ud/seraji/fa_seraji-ud-dev.conllu"
PERDT_DEV = DATA / "ud/perdt/fa_perdt-ud-dev.conllu"

Mapping = Callable[[str, str], str]  # (word, tag or lemma) → the same in another treebank's conventions


def same(_word: str, value: str) -> str:
    return value


def seraji_mappings() -> dict[str, tuple[Mapping, Mapping]]:
    """(tag map, lemma map) into Seraji's conventions, by name; learned from the
    two dev sets (PerDT's training part only), never from Seraji test."""
    seraji_dev = read_conllu(SERAJI_DEV)
    perdt_train, _ = split_perdt_dev(read_conllu(PERDT_DEV))
    s_tags, s_lemmas = counts_of(seraji_dev), counts_of(seraji_dev, 2)
    p_tags, p_lemmas = counts_of(perdt_train), counts_of(perdt_train, 2)
    return {
        "as tagged": (same, same),
        "tag set only (PROPN → NOUN, «را» → PART)": (
            lambda w, t: "NOUN" if t == "PROPN" else ("PART" if w == "را" and t == "ADP" else t), same),
        "in Seraji's conventions": (
            lambda w, t: to_seraji(w, t, s_tags, p_tags), lambda w, lem: lemma_to_seraji(w, lem, s_lemmas, p_lemmas)),
    }


def score(sents, predicted, tag_map: Mapping = same, lemma_map: Mapping = same) -> tuple[float, float, float, Counter]:
    """(UPOS accuracy, lemma accuracy, lemma accuracy with gold UPOS, confusions gold → predicted)."""
    tokens = upos = lemma = gold_lemma = 0
    confusions: Counter = Counter()
    for sent, tags in zip(sents, predicted, strict=True):
        for (word, gold, lem), tag in zip(sent, tags, strict=True):
            mine = tag_map(word, tag)
            tokens += 1
            upos += mine == gold
            lemma += lemma_map(word, lemmatize(word, tag)) == lem
            gold_lemma += lemma_map(word, lemmatize(word, gold)) == lem
            if mine != gold:
                confusions[(gold, mine)] += 1
    return upos / tokens, lemma / tokens, gold_lemma / tokens, confusions


def tag_all(sents) -> list[list[str]]:
    """The tags of gold-token sentences."""
    return tag_sentences(model(), [[w for w, _, _ in s] for s in sents])


def news_speed() -> tuple[float, int]:
    """Tokens/s of tagging and lemmatizing the Fars News sample (CPU time)."""
    from speed import news_text

    import khabar

    sentences = [s for article in news_text() for s in khabar.tokenize(article)]
    count = sum(map(len, sentences))
    tagger = model()
    start = time.process_time()
    for words, tags in zip(sentences, tag_sentences(tagger, sentences), strict=True):
        for word, tag in zip(words, tags, strict=True):
            lemmatize(word, tag)
    return count / (time.process_time() - start), count


def end_to_end(tag_map: Mapping, lemma_map: Mapping) -> tuple[float, float, int]:
    """UPOS and lemma right from raw Seraji test text: a gold word counts only
    when khabar produced a token with exactly its character span."""
    from _common import conllu_sentences

    import khabar

    upos_right = lemma_right = total = 0
    for (text, _forms), gold in zip(conllu_sentences(TEST), read_conllu(TEST), strict=True):
        doc = khabar.analyze(text, layers=["tag"])
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
                upos_right += tag_map(tok.text, tok.pos) == upos
                lemma_right += lemma_map(tok.text, tok.lemma) == lemma
    return upos_right / total, lemma_right / total, total


def cross_validate() -> str:
    """UPOS and lemma accuracy of taggers trained without each fifth of PerDT dev, on it."""
    dev = read_conllu(PERDT_DEV)
    rows, lexicon, scores = [], None, []
    for fold in range(HELD_BACK):
        trained, table, lexicon = build(DATA, fold=fold, lexicon=lexicon)
        tagger = Tagger({f: r for f, r in trained.weights.items() if r}, trained.tags, trained.lexicon)
        held = split_perdt_dev(dev, fold)[1]
        pairs = [(tok, t) for s, tags in zip(held, tagger.tag_many([[w for w, _, _ in s] for s in held]), strict=True)
                 for tok, t in zip(s, tags, strict=True)]
        upos = sum(t == gold for (_, gold, _), t in pairs) / len(pairs)
        lemma = sum(lookup(w, t, table) == lem for (w, _, lem), t in pairs) / len(pairs)
        scores.append((upos, lemma))
        rows.append(f"| {fold + 1} of {HELD_BACK} | {len(pairs):,} | {upos:.4f} | {lemma:.4f} |")
    mean = [sum(s[k] for s in scores) / len(scores) for k in (0, 1)]
    return "\n".join(["| PerDT dev sentences held back | tokens | UPOS | lemma |", "|---|---|---|---|", *rows,
                      f"| mean | | {mean[0]:.4f} | {mean[1]:.4f} |"])


def main() -> None:
    if not TEST.exists() or not PERDT_DEV.exists():
        print("skip: UD Seraji test or PerDT dev not found")
        return
    _, held = split_perdt_dev(read_conllu(PERDT_DEV))
    seraji = read_conllu(TEST)
    rows = ["| data | scored | tokens | UPOS | lemma | lemma with gold UPOS |", "|---|---|---|---|---|---|"]
    predicted = tag_all(held)
    u, lem, glem, perdt_conf = score(held, predicted)
    rows.append(f"| PerDT dev, held-back fifth (gold tokens) | as tagged | {sum(map(len, held)):,} | {u:.4f} | {lem:.4f} | {glem:.4f} |")
    predicted = tag_all(seraji)
    mappings = seraji_mappings()
    for name, (tag_map, lemma_map) in mappings.items():
        u, lem, glem, conf = score(seraji, predicted, tag_map, lemma_map)
        rows.append(f"| {TEST.name} (gold tokens) | {name} | {sum(map(len, seraji)):,} | {u:.4f} | {lem:.4f} | {glem:.4f} |")
    u, lem, total = end_to_end(*mappings["in Seraji's conventions"])
    rows.append(f"| {TEST.name} (raw text: khabar's own normalization and tokens, aligned by character spans) "
                f"| in Seraji's conventions | {total:,} | {u:.4f} | {lem:.4f} | |")
    news_rate, news_tokens = news_speed()
    table = "\n".join(rows) + (
        f"\n\nTagging and lemmatizing {news_tokens:,} tokens of Fars News: {news_rate:,.0f} tokens/s "
        "(one core, CPU time).")
    if "--cross-validate" in sys.argv:
        table += "\n\n" + cross_validate()
    print(table)
    if "--errors" in sys.argv:
        print("PerDT confusions (gold → predicted):", perdt_conf.most_common(15))
        print("Seraji confusions, in its conventions:", conf.most_common(15))
    if "--no-write" not in sys.argv:
        write_section("Parts of speech and lemmas", "Command: `python bench/tagging.py`.\n\n" + table)


if __name__ == "__main__":
    main()
