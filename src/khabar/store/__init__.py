"""The corpus: analysed articles in one SQLite file, with Persian-aware
full-text search, near-duplicate clusters, trends and exports.

    >>> from khabar.store import Corpus, ingest_into
    >>> report = ingest_into("news.db", ["dumps/"], workers=2)
    >>> with Corpus("news.db") as corpus:
    ...     result = corpus.search("همکاری‌ها -ورزش", date_from="2021-06")

Modules: schema (tables), fold (index terms), query (the query language),
records and writer (storing), ingest, search and snippets, clusters, trends,
export, corpus (the `Corpus` face). See docs/corpus.md.
"""

from khabar.store.corpus import Corpus
from khabar.store.ingest import IngestReport, ingest_into
from khabar.store.query import QueryError
from khabar.store.search import Filters, Hit, SearchResult

__all__ = ["Corpus", "Filters", "Hit", "IngestReport", "QueryError", "SearchResult", "ingest_into"]
