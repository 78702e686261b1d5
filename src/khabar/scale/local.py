"""The local engine: worker processes on this machine, each loading the
models once (`init_worker` as the pool's initializer).

On Linux workers are forked (as khabar.store's ingest does: quick to start,
and the caller needs no `if __name__ == "__main__"` guard); the command
line keeps no thread of its own running then (its progress bar is redrawn by
the driver). Elsewhere they are spawned. A worker that dies (killed, out of memory)
breaks the pool: its tasks fail with BrokenProcessPool, the pool is made
again, and the driver submits them again."""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from khabar.ingest.limits import Limits
from khabar.scale.plan import Task
from khabar.scale.task import TaskResult, init_worker, run_task


class LocalEngine:
    """Processes on this machine: `submit`, `wait`, `result`, `close`."""

    name = "local"

    def __init__(self, workers: int, out: str, limits: Limits) -> None:
        self.workers = workers
        self.capacity = 2 * workers  # tasks in flight: a broken pool costs at most these
        self.out = out
        self.limits = limits
        self.restarts = 0
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=init_worker)

    def submit(self, task: Task, attempt: int) -> Future:
        try:
            return self._pool.submit(run_task, task, self.out, self.limits)
        except BrokenProcessPool:
            self._renew()
            return self._pool.submit(run_task, task, self.out, self.limits)

    def wait(self, handles: list[Future]) -> list[Future]:
        done, _ = wait(handles, return_when=FIRST_COMPLETED)
        return list(done)

    def result(self, handle: Future) -> TaskResult:
        try:
            return handle.result()
        except BrokenProcessPool:
            self._renew()
            raise

    def _renew(self) -> None:
        """A new pool, if this one is broken."""
        if getattr(self._pool, "_broken", False):
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = self._new_pool()
            self.restarts += 1

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
