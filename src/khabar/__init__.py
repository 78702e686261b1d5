"""khabar: Persian news intelligence, offline."""

from khabar.persian.normalize import normalize, normalize_aligned

__version__ = "0.1.0"
__all__ = ["normalize", "normalize_aligned", "__version__"]
