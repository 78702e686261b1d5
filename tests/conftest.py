import os
from pathlib import Path

import pytest

DATA = Path(os.environ.get("KHABAR_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


@pytest.fixture
def shared_data() -> Path:
    if not DATA.is_dir():
        pytest.skip("../shared/data is not here")
    return DATA
