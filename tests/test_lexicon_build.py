"""The shipped half-space lexicon is exactly what tools/ builds from ../shared/data."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_lexicon_is_reproducible(shared_data, tmp_path):
    spec = importlib.util.spec_from_file_location("builder", ROOT / "tools" / "build_zwnj_lexicon.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    stats = builder.build(shared_data, out=tmp_path)
    assert stats["joined"] > 10_000 and stats["words"] > 50_000
    shipped = ROOT / "src" / "khabar" / "data" / "zwnj"
    for name in ("forms.tsv.gz", "words.tsv.gz", "verbs.tsv", "heads.tsv"):
        assert (tmp_path / name).read_bytes() == (shipped / name).read_bytes(), name
