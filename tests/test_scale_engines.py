"""The engines on a sample of the news archive (../shared/data): two local
runs give the same bytes; the Dask engine's Parquet equals the local
engine's; a worker killed mid-run loses and duplicates nothing (local
processes, and a Dask cluster). Worker processes: a few tens of seconds."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

pytest.importorskip("pyarrow")

from khabar.scale import parquet  # noqa: E402
from khabar.scale.driver import run  # noqa: E402

PER_FILE = 6  # articles of each archive file in the sample
PARTS = 3  # tasks a sample file is split into


def rows(out: Path) -> list[dict]:
    """Every row, in id order (the order of files and rows is not the data)."""
    table = parquet.read(out)
    return sorted(table.to_pylist(), key=lambda r: (r["id"], r["source"], r["month"]))


def files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in parquet.parts(out)}


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, int]:
    """Two JSON arrays of archive records (Fars News, Varzesh3), made at run time; the shard size."""
    from conftest import DATA

    news = DATA / "news"
    if not news.is_dir():
        pytest.skip("../shared/data is not here")
    base = tmp_path_factory.mktemp("sample")
    sizes = []
    for name in ("farsnews", "varzesh3"):
        first = sorted((news / name).glob("*.json"))[0]
        records = json.loads(first.read_text(encoding="utf-8"))[:PER_FILE]
        path = base / "in" / f"{name}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        sizes.append(path.stat().st_size)
    from khabar.scale.task import init_worker

    init_worker()  # models loaded here once: forked local workers start with them
    return base / "in", min(sizes) // PARTS


@pytest.fixture(scope="module")
def local_run(sample, tmp_path_factory) -> Path:
    inputs, shard = sample
    out = tmp_path_factory.mktemp("local") / "out"
    report = run([str(inputs)], out, workers=2, shard_bytes=shard)
    assert report.tasks >= 2 * PARTS and report.failed == 0
    assert report.articles + report.skipped == 2 * PER_FILE
    return out


def test_local_run_is_partitioned_by_source_and_month(local_run):
    found = rows(local_run)
    assert len(found) > PER_FILE
    assert len({r["id"] for r in found}) == len(found)
    assert {r["source"] for r in found} == {"FARS", "VARZESH3"}
    assert all(r["month"] == r["day"][:7] for r in found if r["day"])
    assert all(name.startswith(("source=FARS/month=", "source=VARZESH3/month=")) for name in parquet.parts(local_run))


def test_a_killed_local_worker_loses_and_duplicates_nothing(sample, local_run, tmp_path):
    inputs, shard = sample
    killed: list[int] = []

    def kill_once(result) -> None:
        if not killed:
            killed.append(result.pid)
            os.kill(result.pid, signal.SIGKILL)

    out = tmp_path / "out"
    report = run([str(inputs)], out, workers=2, shard_bytes=shard, on_result=kill_once)
    assert killed and report.restarts >= 1 and report.retried >= 1 and report.failed == 0
    assert all("BrokenProcessPool" in f["reason"] and f["retried"] for f in report.failures)
    tasks = [json.loads(line) for line in (out / "_errors.jsonl").read_text().splitlines()]
    assert sum(t["kind"] == "task" for t in tasks) == report.retried
    assert files(out) == files(local_run)  # the same files, byte for byte: nothing lost, nothing twice


def test_dask_engine_equals_local_engine(sample, local_run, tmp_path):
    pytest.importorskip("distributed")
    inputs, shard = sample
    out = tmp_path / "out"
    report = run([str(inputs)], out, workers=2, engine="dask", shard_bytes=shard)
    assert (report.engine, report.workers, report.failed, report.retried) == ("dask", 2, 0, 0)
    assert rows(out) == rows(local_run)
    assert files(out) == files(local_run)


@pytest.fixture
def dask_cluster():
    pytest.importorskip("distributed")
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):  # a worker's death reaches the driver
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster, set_as_default=False)
    try:
        yield cluster, client
    finally:
        client.close()
        cluster.close()


def test_a_killed_dask_worker_loses_and_duplicates_nothing(sample, local_run, dask_cluster, tmp_path):
    inputs, shard = sample
    cluster, client = dask_cluster
    killed: list[int] = []

    def kill_a_busy_worker(result) -> None:
        """SIGKILL a worker that is running a task (once)."""
        if killed:
            return
        found = client.run(_busy)
        busy = [pid for pid, running in found.values() if running]
        if busy:
            killed.append(busy[0])
            os.kill(busy[0], signal.SIGKILL)

    out = tmp_path / "out"
    report = run([str(inputs)], out, engine="dask", scheduler=cluster.scheduler_address, shard_bytes=shard,
                 on_result=kill_a_busy_worker)
    assert killed and report.failed == 0
    assert report.retried >= 1 and all("KilledWorker" in f["reason"] for f in report.failures)
    assert files(out) == files(local_run)


def _busy(dask_worker) -> tuple[int, int]:
    """(pid, tasks running) of a Dask worker."""
    return os.getpid(), len(dask_worker.state.executing)
