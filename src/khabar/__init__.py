"""khabar: Persian news intelligence, offline.

    >>> import khabar
    >>> khabar.normalize("همکاریهای دو کشور")
    'همکاری\u200cهای دو کشور'
"""

from khabar.model import Doc, Sentence, Token
from khabar.persian.normalize import normalize, normalize_aligned
from khabar.persian.tagger import tag
from khabar.pipeline import analyze, sentences, tokenize

__version__ = "0.1.0"
__all__ = [
    "Doc",
    "Sentence",
    "Token",
    "analyze",
    "normalize",
    "normalize_aligned",
    "sentences",
    "tag",
    "tokenize",
    "__version__",
]
