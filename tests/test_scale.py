"""khabar.scale without real data: the plan, rows, the output folder, a task
run in this process, the driver's retries (a fake engine), `load` into a
corpus, and the commands (`run`, `corpus load`) through a Typer app."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

pytest.importorskip("pyarrow")

import pyarrow.parquet as pq  # noqa: E402
import typer  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from khabar.cli_scale import register  # noqa: E402
from khabar.errors import OutputError  # noqa: E402
from khabar.model import Article  # noqa: E402
from khabar.pipeline import Pipeline  # noqa: E402
from khabar.scale import driver, parquet  # noqa: E402
from khabar.scale.loader import load  # noqa: E402
from khabar.scale.plan import BLOCK, Task, plan  # noqa: E402
from khabar.scale.rows import FILE_COLUMNS, export_row  # noqa: E402
from khabar.scale.task import TaskResult, run_task  # noqa: E402
from khabar.store import Corpus  # noqa: E402
from khabar.store.export import COLUMNS  # noqa: E402
from khabar.store.records import content_hash, unpack_doc  # noqa: E402

# Short articles written for these tests, as khabar's own Article records (kept ids and agencies).
RECORDS = [
    {"id": "a1", "agency": "IRNA", "published": "2021-06-28T10:00:00+04:30", "url": "https://example.ir/a1",
     "title": "گفت‌وگوی وزیران خارجه ایران و ترکیه در آنکارا",
     "body": ["به گزارش ایرنا، وزیران امور خارجه ایران و ترکیه روز دوشنبه در آنکارا درباره همکاری‌ها گفت‌وگو کردند."]},
    {"id": "a2", "agency": "FARS", "published": "2021-07-02T09:30:00+04:30", "url": "https://example.ir/a2",
     "title": "نشست کارشناسان آب در مشهد",
     "body": ["به گزارش فارس، کارشناسان آب در مشهد گفتند مصرف آب در کشاورزی ۲۰ درصد کاهش یابد."]},
    {"id": "a3", "agency": "IRNA", "published": "2021-06-30T18:00:00+04:30", "url": "https://example.ir/a3",
     "title": "جشنواره فیلم کودک در اصفهان",
     "body": ["دبیر جشنواره گفت دانش‌آموزان از ۱۵ شهر در این رویداد شرکت می‌کنند."]},
    {"id": "a4", "url": "https://example.ir/a4", "title": "خبری بدون تاریخ",
     "body": ["این خبر تاریخ انتشار ندارد و منبع آن نیز معلوم نیست."]},
]


def write_jsonl(path: Path, records: list[dict], bad_line: bool = False) -> Path:
    lines = [json.dumps({"schema": "1", **r}, ensure_ascii=False) for r in records]
    if bad_line:
        lines.insert(1, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


# ---- the plan


def test_small_files_are_grouped_and_large_ones_split(tmp_path):
    for name, size in (("a.json", 10), ("b.json", 10), ("big.jsonl", 2500), ("c.json", 10)):
        (tmp_path / name).write_bytes(b"x" * size)
    found = plan([str(tmp_path)], shard_bytes=1000)
    shapes = [(tuple(Path(i).name for i in t.inputs), t.part, t.parts) for t in found.tasks]
    assert shapes == [(("a.json", "b.json"), 0, 1), (("big.jsonl",), 0, 3), (("big.jsonl",), 1, 3),
                      (("big.jsonl",), 2, 3), (("c.json",), 0, 1)]
    assert [t.index for t in found.tasks] == [0, 1, 2, 3, 4]
    assert found.inputs == 4
    again = plan([str(tmp_path)], shard_bytes=1000)
    assert [t.key for t in again.tasks] == [t.key for t in found.tasks]  # the same inputs, the same names
    assert len({t.key for t in found.tasks}) == 5


def test_every_result_of_a_split_file_belongs_to_one_part():
    parts = [Task(j, ("f",), j, 3) for j in range(3)]
    for i in range(10 * BLOCK):
        assert sum(t.owns(i) for t in parts) == 1
    assert [i for i in range(4 * BLOCK) if parts[1].owns(i)] == list(range(BLOCK, 2 * BLOCK))


def test_a_missing_input_is_a_skip_of_its_task(tmp_path):
    found = plan([str(tmp_path / "nowhere")])
    result = run_task(found.tasks[0], str(tmp_path / "out"))
    assert (result.articles, result.files, len(result.skips)) == (0, [], 1)
    assert result.skips[0].input.endswith("nowhere") and "no such file" in result.skips[0].reason


def test_standard_input_is_one_task_with_its_bytes():
    found = plan(["-"], stdin=b'{"title": "t", "body": ["x"]}')
    assert len(found.tasks) == 1 and found.tasks[0].inputs == ("stdin",) and found.tasks[0].data
    assert found.inputs == 1


# ---- rows


def test_export_row_has_the_export_columns_and_the_stored_doc(nlp):
    article = Article(title=RECORDS[0]["title"], body=RECORDS[0]["body"], agency="IRNA", id="a1",
                      url="https://example.ir/a1", source="news.jsonl:1")
    article.published = __import__("datetime").datetime.fromisoformat(RECORDS[0]["published"])
    doc = nlp(article)
    row = export_row(doc, content_hash(article))
    assert set(COLUMNS) <= set(row) and {"hash", "doc", "month"} <= set(row)
    assert (row["id"], row["source"], row["agency"], row["month"], row["day"]) == ("a1", "IRNA", "IRNA", "2021-06", "2021-06-28")
    assert row["input"] == "news.jsonl:1" and row["cluster"] is None and row["cluster_articles"] is None
    assert "G:TUR" in row["entities"] and len(row["entities"]) == len(set(row["entities"]))
    assert row["event_types"] == sorted(row["event_types"])
    back = unpack_doc(zlib.compress(row["doc"].encode()))
    assert back.to_dict() == doc.to_dict()
    assert export_row(nlp(article), content_hash(article)) == row  # nothing of the run in a row


def test_an_article_without_source_or_date_has_named_partitions(nlp):
    doc = nlp(Article(title="خبر", body=["متنی کوتاه برای آزمون."], id="x"))
    row = export_row(doc, "h")
    assert (row["source"], row["month"], row["published"]) == ("unknown", "undated", None)


# ---- the folder


def test_partition_names_survive_readers(tmp_path):
    assert parquet.segment("IRNA") == "IRNA"
    assert parquet.segment("a/b=c%") == "a%2Fb%3Dc%25"
    assert parquet.segment("_x") == "%5Fx" and parquet.segment("فارس") == "فارس"
    row = {c: None for c in FILE_COLUMNS} | {"id": "1", "entities": [], "event_types": []}
    for source in ("a/b=c%", "_x", "فارس"):
        parquet.write_part(tmp_path, source, "2021-06", "k", [row])
    table = parquet.read(tmp_path)
    assert sorted(table.column("source").to_pylist()) == sorted(["a/b=c%", "_x", "فارس"])
    assert not list(tmp_path.rglob("*.tmp"))


def test_output_folder_must_be_new_empty_or_a_run(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(OutputError, match="other files"):
        parquet.prepare(tmp_path)
    with pytest.raises(OutputError, match="is a file"):
        parquet.prepare(tmp_path / "notes.txt")
    parquet.prepare(tmp_path / "new")
    assert (tmp_path / "new").is_dir()


def test_tidy_keeps_this_runs_parts_only(tmp_path):
    row = {c: None for c in FILE_COLUMNS} | {"id": "1", "entities": [], "event_types": []}
    kept = parquet.write_part(tmp_path, "A", "2021-06", "new", [row])
    parquet.write_part(tmp_path, "B", "2020-01", "old", [row])
    (tmp_path / "source=A" / "month=2021-06" / ".part-x.parquet.1.tmp").write_bytes(b"")
    assert parquet.tidy(tmp_path, {kept}) == 1
    assert parquet.parts(tmp_path) == [kept]
    assert not (tmp_path / "source=B").exists()


# ---- a task, in this process


def test_a_task_writes_its_articles_by_source_and_month(tmp_path, nlp):
    source = write_jsonl(tmp_path / "news.jsonl", RECORDS, bad_line=True)
    out = tmp_path / "out"
    result = run_task(Task(0, (str(source),)), str(out))
    assert result.articles == 4 and result.words > 40
    assert [(s.line, s.reason[:12]) for s in result.skips] == [(2, "invalid JSON")]
    assert pq.read_table(out / result.files[0][0]).column_names == list(FILE_COLUMNS)
    key = Task(0, (str(source),)).key
    assert result.files == [(f"source={s}/month={m}/part-{key}.parquet", n) for s, m, n in (
        ("FARS", "2021-07", 1), ("IRNA", "2021-06", 2), ("example.ir", "undated", 1))]  # no agency: the site
    table = parquet.read(out)
    assert table.column_names == [*FILE_COLUMNS, "source", "month"]
    assert sorted(zip(table.column("id").to_pylist(), table.column("source").to_pylist(), strict=True)) == [
        ("a1", "IRNA"), ("a2", "FARS"), ("a3", "IRNA"), ("a4", "example.ir")]
    irna = pq.read_table(out / result.files[1][0])
    assert irna.column("id").to_pylist() == ["a1", "a3"]  # input order


def test_parts_of_a_split_file_write_each_article_once(tmp_path):
    records = [dict(RECORDS[2], id=f"n{i}") for i in range(BLOCK + 3)]
    source = write_jsonl(tmp_path / "many.jsonl", records)
    out = tmp_path / "out"
    results = [run_task(Task(j, (str(source),), j, 2), str(out)) for j in range(2)]
    assert [r.articles for r in results] == [sum(Task(0, (), j, 2).owns(i) for i in range(BLOCK + 3)) for j in (0, 1)]
    assert all(r.articles for r in results)
    ids = parquet.read(out, columns=["id"]).column("id").to_pylist()
    assert sorted(ids) == sorted(r["id"] for r in records)


# ---- the driver: retries, recorded


class FlakyEngine:
    """Runs tasks in this process; fails each task's first `fails` attempts."""

    name, workers, capacity, restarts = "fake", 1, 2, 0

    def __init__(self, fails: int) -> None:
        self.fails = fails
        self.calls: list[tuple[int, int]] = []

    def submit(self, task, attempt):
        self.calls.append((task.index, attempt))
        return (task, attempt)

    def wait(self, handles):
        return handles[:1]

    def result(self, handle):
        task, attempt = handle
        if attempt <= self.fails:
            raise RuntimeError(f"disk full (attempt {attempt})")
        return TaskResult(task.index, task.key, articles=1)

    def close(self):
        pass


@pytest.mark.parametrize(("fails", "retried", "failed"), [(0, 0, 0), (1, 2, 0), (3, 4, 2)])
def test_failed_tasks_are_retried_and_recorded(fails, retried, failed):
    tasks = [Task(0, ("a",)), Task(1, ("b",))]
    report = driver.RunReport("out", "fake", 1)
    results: dict = {}
    gave_up: list = []
    driver._drive(FlakyEngine(fails), tasks, 2, report, results, gave_up, None, None)
    assert (report.retried, len(gave_up)) == (retried, failed)
    assert len(results) == 2 - failed
    assert len(report.failures) == retried + failed
    assert all(f["reason"].startswith("RuntimeError: disk full") for f in report.failures)
    assert [f["retried"] for f in report.failures].count(False) == failed


def test_a_worker_that_cannot_load_the_pipeline_stops_the_run(monkeypatch, tmp_path):
    from khabar import pipeline
    from khabar.errors import KhabarError
    from khabar.scale import task

    def broken(*args, **kwargs):
        raise ValueError("too many values to unpack")

    monkeypatch.setattr(task, "_PIPELINE", None)
    monkeypatch.setattr(task, "_START_ERROR", None)
    monkeypatch.setattr(pipeline, "Pipeline", broken)
    with pytest.raises(task.WorkerStartError, match="could not load khabar's pipeline .ValueError: too many"):
        run_task(Task(0, ("x.json",)), str(tmp_path))

    class Broken(FlakyEngine):
        def result(self, handle):
            run_task(handle[0], str(tmp_path))

    report = driver.RunReport("out", "fake", 1)
    with pytest.raises(KhabarError, match="could not load") as caught:
        driver._drive(Broken(0), [Task(0, ("a",)), Task(1, ("b",))], 3, report, {}, [], None, None)
    assert not isinstance(caught.value, task.WorkerStartError) and report.retried == 0


def test_unknown_engine_and_scheduler_without_dask_are_errors(tmp_path):
    from khabar.errors import KhabarError

    with pytest.raises(KhabarError, match="unknown engine"):
        driver.run([], tmp_path / "o", engine="spark")
    with pytest.raises(KhabarError, match="needs --engine dask"):
        driver._engine("local", 1, str(tmp_path), None, "tcp://127.0.0.1:1")


# ---- load


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("scale")
    source = write_jsonl(base / "news.jsonl", RECORDS)
    out = base / "out"
    parquet.prepare(out)
    run_task(Task(0, (str(source),)), str(out))
    return out


def test_load_builds_a_searchable_corpus(run_folder, tmp_path):
    db = tmp_path / "corpus.db"
    report = load(run_folder, db)
    assert (report.read, report.added, report.skipped) == (4, 4, 0)
    with Corpus(db, create=False) as corpus:
        assert len(corpus) == 4
        assert [h.id for h in corpus.search("همکاریها").hits] == ["a1"]  # joined spelling finds the half-space one
        assert corpus.article("a2").agency == "FARS" and corpus.article("a4").agency is None
        assert corpus.doc("a1").to_dict() == unpack_doc(zlib.compress(
            parquet.read(run_folder).filter(__import__("pyarrow.compute").compute.field("id") == "a1")
            .column("doc")[0].as_py().encode())).to_dict()
    again = load(run_folder, db)
    assert (again.read, again.added, again.unchanged) == (4, 0, 4)


def test_load_records_a_broken_part_and_goes_on(run_folder, tmp_path):
    import shutil

    folder = tmp_path / "copy"
    shutil.copytree(run_folder, folder)
    broken = folder / parquet.parts(folder)[0]
    broken.write_bytes(broken.read_bytes()[:100])
    report = load(folder, tmp_path / "c.db")
    assert report.skipped == 1 and "cannot be read as Parquet" in report.skips[0].reason
    assert report.added == 4 - pq.read_table(run_folder / parquet.parts(run_folder)[0]).num_rows


# ---- the commands


@pytest.fixture(scope="module")
def cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """khabar."""

    register(app)
    return app


def test_cli_run_writes_parquet_and_a_json_summary(cli, tmp_path):
    source = write_jsonl(tmp_path / "news.jsonl", RECORDS, bad_line=True)
    (tmp_path / "junk.bin").write_bytes(b"\x00\x01\x02" * 50)
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["run", str(source), str(tmp_path / "junk.bin"), "--out", str(out),
                                   "--workers", "1", "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert (summary["articles"], summary["skipped"], summary["failed"], summary["engine"]) == (4, 2, 0, "local")
    assert sorted(parquet.read(out).column("id").to_pylist()) == ["a1", "a2", "a3", "a4"]
    errors = [json.loads(line) for line in (out / "_errors.jsonl").read_text().splitlines()]
    assert [e["kind"] for e in errors] == ["skip", "skip"]
    assert {Path(e["input"]).name for e in errors} == {"news.jsonl", "junk.bin"}

    db = tmp_path / "c.db"
    res = CliRunner().invoke(cli, ["corpus", "load", str(out), "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["added"] == 4


def test_cli_limits_reach_the_workers(cli, tmp_path):
    source = write_jsonl(tmp_path / "news.jsonl", RECORDS)
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["run", str(source), "--out", str(out), "--workers", "1", "--max-chars", "200", "--json"])
    summary = json.loads(res.stdout)
    assert summary["articles"] == 1 and summary["skipped"] == 3  # only a4's line is shorter than 200 characters
    assert all("--max-chars" in s["reason"] for s in summary["skips"])


def test_cli_errors_are_one_line(cli, tmp_path):
    runner = CliRunner()
    res = runner.invoke(cli, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--scheduler", "tcp://x:1"])
    assert res.exit_code == 2 and "needs --engine dask" in res.stderr
    res = runner.invoke(cli, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--engine", "spark"])
    assert res.exit_code == 2 and "local or dask" in res.stderr
    (tmp_path / "empty").mkdir()
    res = runner.invoke(cli, ["run", str(tmp_path / "empty"), "--out", str(tmp_path / "o2"), "--workers", "1"])
    assert res.exit_code == 1 and "nothing could be read (no input files found)" in res.stderr
    res = runner.invoke(cli, ["corpus", "load", str(tmp_path / "nowhere"), "--db", str(tmp_path / "c.db")])
    assert res.exit_code == 1 and res.stderr.startswith("khabar: error:") and "no such folder" in res.stderr
    assert res.exception is None or isinstance(res.exception, SystemExit)
