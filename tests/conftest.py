import csv
import os
from pathlib import Path

import pytest

DATA = Path(os.environ.get("KHABAR_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


@pytest.fixture
def shared_data() -> Path:
    if not DATA.is_dir():
        pytest.skip("../shared/data is not here")
    return DATA


def read_tables(*names: str) -> list[dict[str, str]]:
    """The rows of tab-separated tables in tests/data (lines starting with # are notes)."""
    rows: list[dict[str, str]] = []
    for name in names:
        path = Path(__file__).parent / "data" / name
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        rows += csv.DictReader(lines, delimiter="\t")
    return rows
