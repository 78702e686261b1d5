"""The Dask engine: `dask.distributed` workers (a LocalCluster, or the
cluster at `scheduler`), each loading the models once through a worker
plugin. On the LocalCluster a task whose worker dies fails at once (Dask's
`allowed-failures` is 0 there) and comes back to the driver, which records
it and submits it again; a scheduler of your own moves such tasks to other
workers itself (`distributed.scheduler.allowed-failures`, 3 by default) and
only what still fails comes back.

Workers write the Parquet parts themselves: on a real cluster the inputs
and the output folder must be at the same path on every machine (a shared
file system). dask is imported here only."""

from __future__ import annotations

import logging

import dask
from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed

from khabar.ingest.limits import Limits
from khabar.scale.plan import Task
from khabar.scale.task import TaskResult, init_worker, run_task


class PipelinePlugin(WorkerPlugin):
    """Loads khabar's models when a worker starts (and when it is restarted)."""

    name = "khabar-pipeline"

    def setup(self, worker) -> None:
        init_worker()


class DaskEngine:
    """A Dask client: `submit`, `wait`, `result`, `close`."""

    name = "dask"

    def __init__(self, workers: int, out: str, limits: Limits, scheduler: str | None = None) -> None:
        self.out = out
        self.limits = limits
        self.restarts = 0
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler, set_as_default=False)
        else:
            with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
                self.cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                    silence_logs=logging.CRITICAL,  # failures are khabar's to report
                )
            self.client = Client(self.cluster, set_as_default=False)
        self.client.register_plugin(PipelinePlugin())
        self.workers = len(self.client.scheduler_info(n_workers=-1)["workers"]) or workers
        self.capacity = 1_000_000  # Dask schedules and balances every submitted task
        self._finished = as_completed(loop=self.client.loop)

    def submit(self, task: Task, attempt: int) -> Future:
        future = self.client.submit(run_task, task, self.out, self.limits,
                                    key=f"khabar-run-{task.key}-{attempt}", pure=False)
        self._finished.add(future)
        return future

    def wait(self, handles: list[Future]) -> list[Future]:
        """The submitted tasks that have finished (at least one)."""
        return [next(self._finished), *self._finished.next_batch(block=False)]

    def result(self, handle: Future) -> TaskResult:
        try:
            return handle.result()
        finally:
            handle.release()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
