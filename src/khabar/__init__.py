"""khabar: Persian news intelligence, offline.

    >>> import khabar
    >>> khabar.normalize("همکاریهای دو کشور")
    'همکاری\u200cهای دو کشور'
"""

from khabar.model import Article, Doc, Entity, Event, Quantity, Sentence, TimeExpr, Token
from khabar.persian.normalize import normalize, normalize_aligned
from khabar.persian.tagger import tag
from khabar.pipeline import Pipeline, analyze, analyze_stream, sentences, tokenize

__version__ = "0.1.0"


def __getattr__(name: str):
    """`khabar.kb` and `khabar.store` on first use (importing khabar stays fast)."""
    if name in ("kb", "store"):
        import importlib

        return importlib.import_module(f"khabar.{name}")
    raise AttributeError(f"module 'khabar' has no attribute {name!r}")
__all__ = [
    "Article",
    "Doc",
    "Entity",
    "Event",
    "Pipeline",
    "Quantity",
    "TimeExpr",
    "Sentence",
    "Token",
    "analyze",
    "analyze_stream",
    "normalize",
    "normalize_aligned",
    "sentences",
    "tag",
    "tokenize",
    "__version__",
]
