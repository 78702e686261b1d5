"""HTML pages to Articles: trafilatura extracts the article (comments excluded)
while khabar protects every half-space through it; khabar reads the little
metadata it needs (title, site, address, and the publication time with its
offset) from the page's meta tags and JSON-LD; without such a time, the date
comes from htmldate or from Jalali or Gregorian dates written in the page.
(trafilatura's own metadata pass, which also hunts authors, categories and
licences, took about 40% of the time.)"""

from __future__ import annotations

import json
import re
from itertools import islice
from urllib.parse import urlsplit

from khabar.errors import NoArticleError, skip
from khabar.ingest.cleaning import clean, language_of, tidy_lines
from khabar.ingest.dates import find_date, iso_datetime, published_date
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
_BODY = re.compile(r"<body\b", re.IGNORECASE)


def parse_html(html: str, *, url: str | None = None, source: str | None = None) -> Article:
    """Extract the article of one HTML page, or raise NoArticleError."""
    import trafilatura

    if _too_few_words(html):  # junk is refused before the costly passes (extraction, htmldate)
        challenge = _CHALLENGE.search(html[:20000])
        raise skip(source or "page", "a bot-check page, not an article" if challenge else "no article text found", kind=NoArticleError)
    protected = _ZWNJ_IN_HTML.sub(_STAND_IN, html)
    tree = trafilatura.load_html(protected)
    meta = _metadata(tree, url) if tree is not None else {}
    doc = trafilatura.bare_extraction(  # prunes the tree: metadata first
        tree, url=url, include_comments=False, with_metadata=False, include_tables=False, fast=True
    ) if tree is not None else None
    text = (doc.text or "").replace(_STAND_IN, ZWNJ) if doc is not None else ""
    if _CHALLENGE.search(html[:20000]) and len(text) < 3 * MIN_ARTICLE_CHARS:
        raise skip(source or "page", "a bot-check page, not an article", kind=NoArticleError)
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise skip(source or "page", "no article text found", kind=NoArticleError)
    raw_title = meta.get("title", "")
    language = language_of(raw_title, text)
    title = clean(raw_title, language)
    lines = tidy_lines(text, language)
    if lines and title and clean(lines[0], language) == title:
        lines = lines[1:]
    lines = [line for line in lines if not _is_date_line(line)]
    body, dropped = strip_furniture(lines)
    warnings = [f"removed {dropped} line(s) of site furniture"] if dropped else []
    page_url = url or meta.get("url")
    published = published_date(meta.get("date"), find_date(_visible_text(html)[:5000]))
    known = registry().by_url(page_url) if page_url else None
    site = meta.get("site") or (known.name_en if known else None) or (urlsplit(page_url).hostname if page_url else None)
    return build_article(
        title, body, url=page_url, site=site, source=source, published=published,
        warnings=warnings, language=language,
    )


def _metadata(tree, url: str | None) -> dict[str, str]:
    """Title, site name, address and date of a page, from its meta tags and
    JSON-LD (the title else from <h1> or <title>; the date, with its time and
    offset, from the publication-time tags, else by htmldate, which gives a day)."""
    from htmldate import find_date as html_date

    tags: dict[str, str] = {}
    for node in tree.iterfind(".//meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        value = (node.get("content") or node.get("value") or "").strip()
        for name in key.split():  # itemprop="datePublished dateCreated"
            if value and name not in tags:
                tags[name] = value
    found: dict[str, list[str]] = {name: [tags[k] for k in keys if k in tags] for name, keys in _META_KEYS.items()}
    for node in tree.iterfind(".//script[@type='application/ld+json']"):
        for item in _json_ld_items(node.text or ""):
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                found["site"].append(publisher["name"])
            if isinstance(item.get("headline"), str):
                found["title"].append(item["headline"])
            if isinstance(item.get("datePublished"), str):
                found["date"].append(item["datePublished"])
    found["site"] += [tags["twitter:site"]] if "twitter:site" in tags else []
    meta = {name: values[0].strip() for name, values in found.items() if values and values[0].strip()}
    if dated := [d for d in found["date"] if (t := iso_datetime(d)) is not None and t.tzinfo is not None]:
        meta["date"] = dated[0]  # a time with its offset, where one of the tags gives it
    sites = [v.strip().lstrip("@") for v in found["site"] if v.strip()]
    if sites:  # a name rather than an address, where the page gives one
        meta["site"] = next((v for v in sites if not _ADDRESS.match(v)), sites[0])
        if "title" in meta:
            meta["title"] = _without_site(meta["title"], sites)
    if "title" not in meta:
        headings = [" ".join(h.text_content().split()) for h in tree.iterfind(".//h1")]
        page_title = tree.findtext(".//title") or ""
        meta["title"] = headings[0] if len(headings) == 1 and headings[0] else " ".join(page_title.split())
    if "url" not in meta:
        canonical = tree.find(".//link[@rel='canonical']")
        if canonical is not None and canonical.get("href"):
            meta["url"] = canonical.get("href")
    if iso_datetime(meta.get("date", "")) is None:  # no ISO date in the tags: htmldate finds one
        try:
            date = html_date(tree, url=url or meta.get("url"), original_date=True)
        except Exception:  # noqa: BLE001 — a page htmldate cannot read has no date from it; the page is still read
            date = None
        if date:
            meta["date"] = date
        else:
            meta.pop("date", None)
    return {k: v.replace(_STAND_IN, ZWNJ) for k, v in meta.items()}


_ADDRESS = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+[-–|:]\s+([^-–|:]+)$")


def _without_site(title: str, sites: list[str]) -> str:
    """The title without a trailing " - Site" that names the site."""
    m = _TITLE_SUFFIX.search(title)
    if m is None:
        return title
    suffix = _site_key(m.group(1))
    return title[: m.start()] if any(suffix and suffix == _site_key(s) for s in sites) else title


def _site_key(name: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?|\.(?:com|net|org|ca|in|ir|co\.uk)/?$|\W", "", name.lower())


# what khabar keeps → the meta tags that give it, preferred first
_META_KEYS = {
    "title": ("og:title", "twitter:title", "dc.title"),
    "site": ("og:site_name", "application-name"),  # then the JSON-LD publisher, then twitter:site
    "url": ("og:url",),
    "date": ("article:published_time", "og:published_time", "datepublished", "article:published"),
    # then the JSON-LD datePublished
}


def _json_ld_items(text: str) -> list[dict]:
    """The objects of a JSON-LD block (one, a list, or a @graph); none if it does not parse."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    items = data if isinstance(data, list) else [data]
    items += [g for item in items if isinstance(item, dict) for g in item.get("@graph", []) if isinstance(g, dict)]
    return [item for item in items if isinstance(item, dict)]


def _is_date_line(line: str) -> bool:
    """A line that is only a date (and time), as pages print beside the title."""
    return len(line.split()) <= 10 and find_date(line) is not None and not line.endswith(".")


def _too_few_words(html: str) -> bool:
    """Whether the page's text outside tags, scripts and styles has fewer
    letters and digits than half of an article's minimum (so no article)."""
    needed = MIN_ARTICLE_CHARS // 2
    return sum(1 for _ in islice(_ALNUM.finditer(strip_tags(html)), needed)) < needed


_ALNUM = re.compile(r"[^\W_]")


def _visible_text(html: str, limit: int = 200_000) -> str:
    """The page's text without tags, from the start of its body (`limit` characters of HTML)."""
    body = _BODY.search(html)
    start = body.start() if body else 0
    return strip_tags(html[start : start + limit])


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def strip_tags(html: str) -> str:
    """`html` with every tag, script and style turned into a space, in one pass
    (a regular expression took time quadratic in the number of '<' without '>')."""
    lower = html.translate(_ASCII_LOWER)  # str.lower() may change the length ('İ')
    out: list[str] = []
    pos = 0
    closes = {name: lower.rfind(f"</{name}>") for name in ("script", "style")}
    while (lt := html.find("<", pos)) != -1:
        gt = html.find(">", lt + 1)
        if gt == -1:
            break  # no tag can end: the rest is text
        out.append(html[pos:lt])
        out.append(" ")
        if gt == lt + 1:
            out[-1] = "<>"  # not a tag
            pos = gt + 1
            continue
        end = gt + 1
        for name, last in closes.items():
            if lower.startswith(name, lt + 1) and last > lt:
                end = lower.find(f"</{name}>", lt) + len(name) + 3
                break
        pos = end
    out.append(html[pos:])
    return "".join(out)
