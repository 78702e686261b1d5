"""`load`: a folder that `run` wrote into a corpus (khabar.store), without
analysing anything again: each row's stored Doc becomes the corpus's rows
through the store's own record maker and writer; clusters are made at the end.

Like `ingest_into`, a re-load skips the articles already stored with the
same content (id and hash) and replaces changed ones."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path

from khabar.errors import InputError
from khabar.ingest.inputs import Skip
from khabar.store.ingest import BATCH, BATCH_SECONDS, IngestReport

NEEDED = ("id", "hash", "doc")


def load(folder: str | Path, db: str | Path, *, progress: Callable[[int, int], None] | None = None) -> IngestReport:
    """Store every row of the Parquet dataset `folder` in the corpus `db`
    (made if missing). `progress(files_done, files)`. InputError if `folder`
    holds no part files; a part that cannot be read is a recorded skip."""
    import time

    from khabar.scale.parquet import parts
    from khabar.store.clusters import assign_clusters
    from khabar.store.writer import Writer

    started = time.perf_counter()
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder (make one with `khabar run INPUT --out {folder}`)")
    files = parts(folder)
    if not files:
        raise InputError(f"{folder}: holds no Parquet parts (source=…/month=…/part-….parquet) of `khabar run`")
    writer = Writer(db)
    report = IngestReport(db=str(db), run=writer.start_run(len(files), 1), inputs=len(files), workers=1)
    known = writer.known_hashes()
    try:
        for done, name in enumerate(files, 1):
            _load_file(folder / name, name, writer, report, known)
            writer.maybe_commit(BATCH, BATCH_SECONDS)
            if progress:
                progress(done, len(files))
        writer.commit()
        report.clusters = assign_clusters(writer.conn) if writer.clusters_dirty() else writer.multi_clusters()
        report.seconds = round(time.perf_counter() - started, 3)
        writer.finish_run(report)
    finally:
        writer.close()
    return report


def _load_file(path: Path, name: str, writer, report: IngestReport, known: dict[str, str]) -> None:
    import pyarrow.parquet as pq

    from khabar.store.records import make_record, unpack_doc

    try:
        source = pq.ParquetFile(path)
        missing = [c for c in NEEDED if c not in source.schema_arrow.names]
        if missing:
            _skip(writer, report, Skip(name, f"not a part of `khabar run` (no column {', '.join(missing)})"))
            return
        batches = source.iter_batches(columns=list(NEEDED), batch_size=256)
        for batch in batches:
            for article_id, digest, data in zip(*(batch.column(c).to_pylist() for c in NEEDED), strict=True):
                report.read += 1
                if known.get(article_id) == digest:
                    report.unchanged += 1
                    continue
                try:
                    record = make_record(unpack_doc(zlib.compress(data.encode("utf-8"), 1)), digest)
                except Exception as exc:  # noqa: BLE001 — one bad row costs one article, recorded
                    _skip(writer, report, Skip(name, f"row not loaded ({type(exc).__name__}: {exc})", record=article_id))
                    continue
                if writer.store(record, report.run):
                    report.updated += 1
                else:
                    report.added += 1
                known[article_id] = digest
                writer.maybe_commit(BATCH, BATCH_SECONDS)
    except (OSError, ValueError) as exc:  # pyarrow's errors are these: a truncated or foreign file
        _skip(writer, report, Skip(name, f"cannot be read as Parquet ({exc})"))


def _skip(writer, report: IngestReport, where: Skip) -> None:
    report.skipped += 1
    report.skips.append(where)
    writer.skip(report.run, where)
