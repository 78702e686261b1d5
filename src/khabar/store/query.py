"""The query language, parsed and compiled to an SQLite FTS5 expression.

    word word        both (AND is the default; AND may be written)
    "a phrase"       the words in this order («a phrase» too)
    a OR b           either
    -word, -"a b"    not (NOT word too); a query needs one word that is not excluded
    pre*             any word that starts so
    lemma:word       any inflection of the word (کرد: می‌کنند، کرده‌اند); --lemma for all words
    ( … )            grouping

Words are normalized and folded as the index is (khabar.store.fold), so every
spelling of a word finds every other. A malformed query raises QueryError."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from khabar.errors import KhabarError
from khabar.persian.chars import ZWNJ
from khabar.store.fold import fold_terms, fold_word


class QueryError(KhabarError):
    """A search query that cannot be read."""


@dataclass
class Words:
    """Plain words as typed (normalized together, so "همکاری ها" is one word)."""

    text: str
    lemma: bool = False


@dataclass
class Prefix:
    text: str


@dataclass
class Phrase:
    text: str
    lemma: bool = False


@dataclass
class Not:
    child: object


@dataclass
class All:
    children: list = field(default_factory=list)


@dataclass
class Any_:
    children: list = field(default_factory=list)


_LEXEME = re.compile(r'\s*(?:(["«])|(\()|(\))|(-)(?=\S)|([^\s"«»()]+))')
_CLOSING = {'"': '"', "«": "»"}


def _lex(query: str) -> list[tuple[str, str]]:
    """(kind, text) pairs: quote-delimited phrases, parentheses, '-', words."""
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(query):
        m = _LEXEME.match(query, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        if m.group(1):
            end = query.find(_CLOSING[m.group(1)], pos)
            if end < 0:
                raise QueryError(f"unclosed quote in query {query!r}")
            out.append(("phrase", query[pos:end]))
            pos = end + 1
        elif m.group(2):
            out.append(("(", "("))
        elif m.group(3):
            out.append((")", ")"))
        elif m.group(4):
            out.append(("-", "-"))
        elif m.group(5):
            word = m.group(5)
            if word in ("OR", "AND", "NOT"):
                out.append(("-", "-") if word == "NOT" else (word, word))
            else:
                out.append(("word", word))
    return out


class _Parser:
    def __init__(self, query: str, lemma: bool) -> None:
        self.query = query
        self.lemma = lemma
        self.items = _lex(query)
        self.i = 0

    def peek(self) -> str | None:
        return self.items[self.i][0] if self.i < len(self.items) else None

    def parse(self) -> object:
        if not self.items:
            raise QueryError("empty query")
        node = self.any_()
        if self.peek() is not None:
            raise QueryError(f"unbalanced ')' in query {self.query!r}")
        return node

    def any_(self) -> object:
        parts = [self.all_()]
        while self.peek() == "OR":
            self.i += 1
            if self.peek() in (None, ")", "OR"):
                raise QueryError(f"OR needs a word on each side in query {self.query!r}")
            parts.append(self.all_())
        return parts[0] if len(parts) == 1 else Any_(parts)

    def all_(self) -> object:
        parts: list = []
        run: list[str] = []
        while self.peek() not in (None, ")", "OR"):
            kind, text = self.items[self.i]
            if kind == "AND":
                self.i += 1
                continue
            if kind == "word" and not text.endswith("*") and not text.startswith("lemma:"):
                run.append(text)
                self.i += 1
                continue
            if run:
                parts.append(Words(" ".join(run), self.lemma))
                run = []
            parts.append(self.unary())
        if run:
            parts.append(Words(" ".join(run), self.lemma))
        if not parts:
            raise QueryError(f"OR needs a word on each side in query {self.query!r}")
        return parts[0] if len(parts) == 1 else All(parts)

    def unary(self) -> object:
        kind, text = self.items[self.i]
        self.i += 1
        if kind == "-":
            if self.peek() in (None, ")", "OR", "-"):
                raise QueryError(f"'-' needs a word after it in query {self.query!r}")
            if self.peek() == "word" and not self.items[self.i][1].endswith("*"):
                word = self.items[self.i][1]
                self.i += 1
                return Not(self._word(word))
            return Not(self.unary())
        if kind == "(":
            if self.peek() == ")":
                raise QueryError(f"empty parentheses in query {self.query!r}")
            node = self.any_()
            if self.peek() != ")":
                raise QueryError(f"unbalanced '(' in query {self.query!r}")
            self.i += 1
            return node
        if kind == ")":
            raise QueryError(f"unbalanced ')' in query {self.query!r}")
        if kind == "phrase":
            return Phrase(text, self.lemma)
        return self._word(text)

    def _word(self, text: str) -> object:
        if text.startswith("lemma:"):
            word = text[len("lemma:") :]
            if not word:
                raise QueryError(f"'lemma:' needs a word after it in query {self.query!r}")
            return Words(word, True)
        if text.endswith("*"):
            stem = text.rstrip("*")
            if not stem:
                raise QueryError(f"'*' needs the start of a word before it in query {self.query!r}")
            return Prefix(stem)
        return Words(text, self.lemma)


def parse(query: str, *, lemma: bool = False) -> object:
    """The tree of a query string (raises QueryError)."""
    return _Parser(query, lemma).parse()


# ---- compiling

Known = Callable[[str], int]  # a folded term's document frequency in the index (0: absent)


@dataclass
class _Term:
    fold: str
    alternatives: list[str]  # other spellings as phrases of folded terms ("بین المللی" of "بینالمللی")
    lemmas: list[str]
    first: int  # the tokens of the typed words it came from
    end: int


def _analyse(text: str, lemma: bool, known: Known | None = None) -> list[_Term]:
    """The folded terms of words typed in a query, as the index would hold them;
    with `known` (the index's vocabulary), two typed words that the corpus
    also writes as one are one term, and a joined word also matches its parts."""
    from khabar.persian.normalize import normalize
    from khabar.persian.tokenize import token_spans

    norm = normalize(text)
    tokens = [norm[s:e] for s, e in token_spans(norm)]
    tags = _tags(tokens) if lemma else []
    out: list[_Term] = []
    for term, a, b in fold_terms(tokens):
        pieces = [p for tok in tokens[a:b] for p in tok.split(ZWNJ)]
        parts = [t for t, _, _ in fold_terms(pieces)]
        lemmas = _lemmas(ZWNJ.join(tokens[a:b]), tags[a] if b - a == 1 else "VERB") if lemma else []
        out.append(_Term(term, [" ".join(parts)] if len(parts) > 1 else [], lemmas, a, b))
    if known is not None:
        out = _compounds(out, known)
        for t in out:
            if not t.alternatives and t.end - t.first == 1:
                t.alternatives = _splits(tokens[t.first], t.fold, known)
    return out


def _compounds(terms: list[_Term], known: Known) -> list[_Term]:
    """Adjacent typed words joined when the corpus has them as one word often
    enough ("به خوبی" where "به‌خوبی" is written): the joined term, or the phrase."""
    out: list[_Term] = []
    for t in terms:
        prev = out[-1] if out else None
        if prev is not None and prev.end == t.first and not t.alternatives:
            words = prev.alternatives[0].split(" ") if prev.alternatives else [prev.fold]
            joined = prev.fold + t.fold
            df = known(joined)
            if df and df * 100 >= min(known(prev.fold) or 1, known(t.fold) or 1):
                out[-1] = _Term(joined, [" ".join([*words, t.fold])], prev.lemmas, prev.first, t.end)
                continue
        out.append(t)
    return out


_SPLIT_RARE = 2  # a joined word the lexicon counts at most this often may be two words written together


def _splits(token: str, term: str, known: Known) -> list[str]:
    """Phrases of two known words that a rare joined word may stand for
    ("بهخوبی" → "به خوبی"); not for words of their own ("برنامه")."""
    from khabar.persian.zwnj import lexicon

    if len(term) < 5 or not term.isalpha() or lexicon().words.get(token, 0) > _SPLIT_RARE:
        return []
    found = []
    for i in range(2, len(term) - 1):
        a, b = term[:i], term[i:]
        joined = fold_terms([a, b])
        if len(joined) == 2 and known(a) and known(b):
            found.append((known(a) * known(b), f"{a} {b}"))
    return [phrase for _, phrase in sorted(found, reverse=True)[:3]]


def _tags(tokens: list[str]) -> list[str]:
    from khabar.persian.tagger import tag

    return [upos for _, upos in tag(tokens)] if tokens else []


def _lemmas(word: str, upos: str) -> list[str]:
    """The folded lemmas a typed word may stand for: as tagged, as a verb, as a noun."""
    from khabar.persian.lemmatize import lemmatize

    found: list[str] = []
    for pos in (upos, "VERB", "NOUN"):
        lemma = fold_word(lemmatize(word, pos))
        if lemma and lemma not in found:
            found.append(lemma)
    return found


def _q(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _term_fts(t: _Term, lemma: bool) -> str:
    if lemma and t.lemmas:
        return "lemma : (" + " OR ".join(_q(x) for x in t.lemmas) + ")"
    if t.alternatives:
        return "fold : (" + " OR ".join(_q(x) for x in [t.fold, *t.alternatives]) + ")"
    return f"fold : {_q(t.fold)}"


def to_fts(node: object, known: Known | None = None) -> str | None:
    """The FTS5 MATCH expression of a query tree (None: the node matches nothing
    to search for, e.g. only punctuation)."""
    if isinstance(node, Words):
        terms = _analyse(node.text, node.lemma, known)
        if not terms:
            return None
        return " AND ".join(_term_fts(t, node.lemma) for t in terms)
    if isinstance(node, Prefix):
        terms = _analyse(node.text, False)
        if not terms:
            return None
        *head, last = terms
        return " AND ".join([_term_fts(t, False) for t in head] + [f"fold : {_q(last.fold)} *"])
    if isinstance(node, Phrase):
        terms = _analyse(node.text, node.lemma, known)
        if not terms:
            return None
        if node.lemma and all(t.lemmas for t in terms):
            return "lemma : " + _q(" ".join(t.lemmas[0] for t in terms))
        variants = [""]
        for t in terms:  # a word of the phrase also in its other spellings
            forms = [t.fold, *t.alternatives] if len(variants) < 16 else [t.fold]
            variants = [f"{v} {f}".strip() for v in variants for f in forms]
        if len(variants) == 1:
            return "fold : " + _q(variants[0])
        return "fold : (" + " OR ".join(_q(v) for v in variants) + ")"
    if isinstance(node, Not):
        raise QueryError("a query cannot only exclude words")
    if isinstance(node, Any_):
        parts = [to_fts(c, known) for c in node.children]
        if any(p is None for p in parts):
            raise QueryError("OR needs a word on each side")
        return "(" + " OR ".join(f"({p})" for p in parts) + ")"
    if isinstance(node, All):
        positive = [p for c in node.children if not isinstance(c, Not) and (p := to_fts(c, known))]
        negative = [p for c in node.children if isinstance(c, Not) and (p := to_fts(c.child, known))]
        if not positive:
            raise QueryError("a query cannot only exclude words")
        expr = "(" + " AND ".join(f"({p})" for p in positive) + ")"
        for p in negative:
            expr = f"{expr} NOT ({p})"
        return expr
    raise TypeError(node)


def compile_query(query: str, *, lemma: bool = False, known: Known | None = None) -> str:
    """The FTS5 expression of `query` (raises QueryError); `known` gives the
    index's document frequency of a folded term (see `_analyse`)."""
    expr = to_fts(parse(query, lemma=lemma), known)
    if expr is None:
        raise QueryError(f"nothing to search for in query {query!r}")
    return expr


def highlight_terms(query: str, *, lemma: bool = False) -> tuple[set[str], set[str], set[str]]:
    """(terms, prefixes, lemmas) a snippet marks: the folded words of the query
    that are not excluded."""
    terms: set[str] = set()
    prefixes: set[str] = set()
    lemmas: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, (Words, Phrase)):
            for t in _analyse(node.text, node.lemma):
                terms.add(t.fold)
                terms.update(w for alt in t.alternatives for w in alt.split(" "))
                if node.lemma:
                    lemmas.update(t.lemmas)
        elif isinstance(node, Prefix):
            found = _analyse(node.text, False)
            for t in found[:-1]:
                terms.add(t.fold)
            if found:
                prefixes.add(found[-1].fold)
        elif isinstance(node, (All, Any_)):
            for child in node.children:
                walk(child)

    walk(parse(query, lemma=lemma))
    return terms, prefixes, lemmas
