"""One Parquet row an analysed article: the columns of the corpus export
(`khabar.store.export.COLUMNS`), then `hash` and `doc`, which `khabar corpus
load` needs to store the article without analysing it again.

Nothing in a row depends on the run (no times, worker or run ids): the same
input gives the same row. `cluster` and `cluster_articles` are null here:
near-duplicate clusters are a property of a whole corpus, made when the rows
are loaded into one."""

from __future__ import annotations

import zlib
from typing import Any

from khabar.model import Doc
from khabar.store.export import COLUMNS
from khabar.store.records import article_row, pack_doc

EXTRA = ("hash", "doc")
PARTITIONS = ("source", "month")  # the folders, not columns of a file
FILE_COLUMNS = tuple(c for c in COLUMNS if c not in PARTITIONS) + EXTRA
NO_SOURCE = "unknown"  # partition of an article without a source
NO_MONTH = "undated"  # partition of an article without a publication date


def export_row(doc: Doc, digest: str) -> dict[str, Any]:
    """The export columns of an analysed article (`doc.article` set), its
    content hash and its Doc as the corpus stores it (`doc`: compact JSON,
    see docs/corpus.md), and its partition (`source`, `month`)."""
    if doc.article is None:
        raise ValueError("export_row: the Doc has no Article")
    stored = article_row(doc.article, digest)
    row: dict[str, Any] = {c: stored.get(c) for c in COLUMNS}
    row["cluster"] = None
    row["cluster_articles"] = None
    row["entities"] = list(dict.fromkeys(e.kb_id or e.text for e in doc.entities))
    row["event_types"] = sorted({e.type for e in doc.events if e.type})
    row["hash"] = digest
    row["doc"] = zlib.decompress(pack_doc(doc)).decode("utf-8")
    row["source"] = stored["source"] or NO_SOURCE
    row["month"] = stored["day"][:7] if stored["day"] else NO_MONTH
    return row


def file_schema():
    """The Arrow schema of one Parquet file (the partition columns are its folders)."""
    import pyarrow as pa

    types = {"cluster_articles": pa.int64(), "entities": pa.list_(pa.string()),
             "event_types": pa.list_(pa.string())}
    return pa.schema([(c, types.get(c, pa.string())) for c in FILE_COLUMNS])
