"""Scale: the same pipeline over many inputs, on every core of a machine or
on a Dask cluster, to a Parquet dataset partitioned by source and month; and
that dataset loaded into a corpus.

    >>> from khabar.scale import run, load
    >>> report = run(["dumps/"], "out/", workers=2)                # processes
    >>> report = run(["dumps/"], "out/", engine="dask")            # a Dask LocalCluster
    >>> report = run(["dumps/"], "out/", engine="dask", scheduler="tcp://10.0.0.1:8786")
    >>> load("out/", "corpus.db")

Modules: plan (inputs to tasks), task (what a worker does), rows (one row an
article), parquet (the folder), local and dask_engine (the engines), driver
(`run`), loader (`load`). Nothing heavy is imported with this package; dask only by
the Dask engine. See docs/scale.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from khabar.scale.driver import RunReport, run
    from khabar.scale.loader import load

__all__ = ["RunReport", "load", "run"]


def __getattr__(name: str) -> Any:
    if name in ("run", "RunReport"):
        from khabar.scale import driver

        return getattr(driver, name)
    if name == "load":
        from khabar.scale.loader import load

        return load
    raise AttributeError(name)
