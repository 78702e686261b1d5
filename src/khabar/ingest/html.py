"""HTML pages to Articles: trafilatura extracts the article (comments excluded)
while khabar protects every half-space through it, reads the metadata, and
finds Jalali or Gregorian dates written in the page."""

from __future__ import annotations

import re

from khabar.errors import NoArticleError
from khabar.ingest.cleaning import clean, clean_lines, language_of
from khabar.ingest.dates import find_date, published_date
from khabar.ingest.plaintext import build_article, strip_furniture
from khabar.ingest.sources import registry
from khabar.model import Article
from khabar.persian.chars import ZWNJ

# trafilatura deletes every non-printable character, U+200C among them; a
# printable stand-in that pages never contain carries it through extraction.
_STAND_IN = "\U000e01ef"
_ZWNJ_IN_HTML = re.compile(r"\u200c|&zwnj;|&#8204;|&#x0*200c;", re.IGNORECASE)
# Bot-check and challenge pages (ArvanCloud, Cloudflare, …) are not articles.
_CHALLENGE = re.compile(
    r"checking your browser|در حال بررسی مرورگر|arvancloud|cdn-cgi/challenge|cf-browser-verification"
    r"|just a moment\.\.\.|attention required! \| cloudflare|ddos protection by|please complete the security check",
    re.IGNORECASE,
)
MIN_ARTICLE_CHARS = 200
_TAGS = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.S | re.I)


def parse_html(html: str, *, url: str | None = None, source: str | None = None) -> Article:
    """Extract the article of one HTML page, or raise NoArticleError."""
    import trafilatura

    protected = _ZWNJ_IN_HTML.sub(_STAND_IN, html)
    doc = trafilatura.bare_extraction(
        protected, url=url, include_comments=False, with_metadata=True, include_tables=False, fast=True
    )
    text = (doc.text or "").replace(_STAND_IN, ZWNJ) if doc is not None else ""
    if _CHALLENGE.search(html[:20000]) and len(text) < 3 * MIN_ARTICLE_CHARS:
        raise NoArticleError(f"{source or 'page'}: a bot-check page, not an article")
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise NoArticleError(f"{source or 'page'}: no article text found")
    raw_title = (doc.title or "").replace(_STAND_IN, ZWNJ)
    language = language_of(raw_title, text)
    title = clean(raw_title, language)
    lines = clean_lines(text, language)
    if lines and title and lines[0] == title:
        lines = lines[1:]
    lines = [line for line in lines if not _is_date_line(line)]
    body, dropped = strip_furniture(lines)
    warnings = [f"removed {dropped} line(s) of site furniture"] if dropped else []
    page_url = url or doc.url
    published = published_date(doc.date, find_date(_visible_text(html)[:5000]))
    site = doc.sitename or doc.hostname
    if site is None and page_url and (known := registry().by_url(page_url)):
        site = known.name_en
    return build_article(
        title, body, url=page_url, site=site, source=source, published=published,
        warnings=warnings, language=language,
    )


def _is_date_line(line: str) -> bool:
    """A line that is only a date (and time), as pages print beside the title."""
    return len(line.split()) <= 10 and find_date(line) is not None and not line.endswith(".")


def _visible_text(html: str) -> str:
    return _TAGS.sub(" ", html)
