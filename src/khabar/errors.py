"""Typed errors: bad input is reported with a clear message, never a traceback."""


class KhabarError(Exception):
    """Base class of every error khabar raises on purpose."""


class InputError(KhabarError):
    """The input cannot be read as text (binary, undecodable, missing)."""


class NoArticleError(InputError):
    """The input was read but holds no article (a bot-check page, an empty page)."""
