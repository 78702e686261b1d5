"""The corpus schema: one SQLite file, browsable with datasette or sqlite-utils.

Articles are keyed by `id` (unique); `n` is the integer key the other tables
and the FTS5 index use. Spans (`start`, `end`) index the Doc's normalized
text, as in `khabar.model`. See docs/corpus.md."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from khabar.errors import InputError, OutputError

SCHEMA = "1"

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE IF NOT EXISTS articles (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    source TEXT,            -- the outlet: agency, else site, else the URL's host
    agency TEXT,
    site TEXT,
    published TEXT,         -- ISO 8601 with its offset, as ingest found it
    day TEXT,               -- YYYY-MM-DD in the article's own time zone
    ts REAL,                -- published as POSIX seconds (ordering)
    title TEXT,
    lead TEXT,
    body TEXT,              -- paragraphs, a blank line between
    dateline TEXT,
    attributions TEXT,      -- JSON list: the agency and the sources it cites
    language TEXT,
    warnings TEXT,          -- JSON list
    input TEXT,             -- provenance: the ingest record ("file.jsonl:12", "crawl.warc url")
    hash TEXT NOT NULL,     -- of the article's content: a changed article is re-analysed
    run INTEGER,            -- the ingest run that stored this version
    cluster INTEGER         -- n of the earliest article of its near-duplicate cluster
);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS articles_cluster ON articles(cluster, ts);
-- what a search reads of each match, packed: an article row holds its text
CREATE INDEX IF NOT EXISTS articles_hot ON articles(n, cluster, ts, day, source, agency, site);

CREATE TABLE IF NOT EXISTS docs (
    article INTEGER PRIMARY KEY REFERENCES articles(n),
    schema TEXT,            -- khabar.model.SCHEMA_VERSION
    json BLOB               -- zlib: Doc.to_dict() less what is derived (see docs/corpus.md)
);

CREATE TABLE IF NOT EXISTS sentences (
    article INTEGER REFERENCES articles(n), n INTEGER, start INTEGER, "end" INTEGER,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS entities (
    article INTEGER REFERENCES articles(n), n INTEGER, start INTEGER, "end" INTEGER,
    text TEXT, label TEXT, kb_id TEXT, name_en TEXT, country TEXT, role TEXT,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_kb ON entities(kb_id);

CREATE TABLE IF NOT EXISTS quantities (
    article INTEGER REFERENCES articles(n), n INTEGER, start INTEGER, "end" INTEGER,
    text TEXT, kind TEXT, value TEXT, unit TEXT, approx TEXT, ordinal INTEGER, note TEXT,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS times (
    article INTEGER REFERENCES articles(n), n INTEGER, start INTEGER, "end" INTEGER,
    text TEXT, kind TEXT, value TEXT, calendar TEXT, reason TEXT,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS events (
    article INTEGER REFERENCES articles(n), n INTEGER, start INTEGER, "end" INTEGER,
    trigger TEXT, type TEXT, mode TEXT, context TEXT, cameo TEXT, quad_class INTEGER,
    goldstein REAL,
    source_text TEXT, source_kb_id TEXT, source_country TEXT, source_sector TEXT,
    target_text TEXT, target_kb_id TEXT, target_country TEXT, target_sector TEXT,
    location_text TEXT, location_kb_id TEXT, location_country TEXT,
    date TEXT, date_flag TEXT, evidence TEXT, attribution TEXT, confidence REAL,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_type ON events(type);

CREATE TABLE IF NOT EXISTS search_text (
    article INTEGER PRIMARY KEY REFERENCES articles(n),
    data BLOB               -- zlib JSON: the indexed columns and each term's span of the article text
);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    fold, lemma, content='', tokenize='unicode61 remove_diacritics 0'
);

CREATE TABLE IF NOT EXISTS minhash (
    article INTEGER PRIMARY KEY REFERENCES articles(n),
    signature BLOB,         -- MinHash values, uint32 little-endian
    shingles INTEGER        -- how many distinct shingles it was made of
);
CREATE TABLE IF NOT EXISTS clusters (
    cluster INTEGER PRIMARY KEY,  -- n of its earliest article
    articles INTEGER, outlets INTEGER, first_day TEXT, last_day TEXT
);

CREATE TABLE IF NOT EXISTS runs (
    run INTEGER PRIMARY KEY, started TEXT, finished TEXT, inputs INTEGER, workers INTEGER,
    read INTEGER, added INTEGER, updated INTEGER, unchanged INTEGER, skipped INTEGER
);
CREATE TABLE IF NOT EXISTS skips (
    run INTEGER REFERENCES runs(run),
    input TEXT,             -- the file (or stdin)
    line INTEGER,           -- 1-based line of a JSONL file
    record TEXT,            -- index in a JSON array, address in a WARC archive, or the article id
    reason TEXT, at TEXT
);
CREATE INDEX IF NOT EXISTS skips_run ON skips(run);

"""
# Analysts' notes live in store/notes.py's table, made with the rest below.

LAYER_TABLES = ("sentences", "entities", "quantities", "times", "events")


def connect(path: str | Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (and with `create`, make) a corpus database; WAL, so readers never wait.
    A file that is not a corpus is an InputError, one that cannot be made an OutputError."""
    path = Path(path)
    if not create and not path.is_file():
        raise InputError(f"{path}: no such corpus (make one with `khabar ingest INPUT --db {path}`)")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; a corpus is a file, such as {path / 'corpus.db'}")
    try:
        conn = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise OutputError(f"{path}: cannot be opened ({exc})") from None
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        fresh = not _has_meta(conn) and not conn.execute("SELECT 1 FROM sqlite_master").fetchone()
        if create and (fresh or _has_meta(conn)):  # never into another program's database
            conn.executescript(DDL)
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA,))
            _one_notes_table(conn)
        found = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() if _has_meta(conn) else None
    except sqlite3.DatabaseError:
        found = None
    if found is None or found[0] != SCHEMA:
        conn.close()
        raise InputError(f"{path}: not a khabar corpus (schema {SCHEMA})")
    return conn


def _one_notes_table(conn: sqlite3.Connection) -> None:
    """Make the notes table, and move the notes of an older corpus's own
    `notes` table (article notes without threads) into it."""
    from khabar.store import notes

    conn.execute("BEGIN IMMEDIATE")
    try:
        notes.ensure_table(conn)
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notes'").fetchone():
            conn.execute(
                f"INSERT INTO {notes.TABLE} (target_type, target_id, author, text, created, author_key) "
                "SELECT 'article', a.id, COALESCE(NULLIF(o.author, ''), ?), o.text, o.created, ? "
                "FROM notes o JOIN articles a ON a.n = o.article WHERE o.text <> '' ORDER BY o.id",
                (notes.NO_AUTHOR, notes.key_hash("")),
            )
            conn.execute("DROP TABLE notes")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _has_meta(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone() is not None
