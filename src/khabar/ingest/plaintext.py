"""Scraped plain text to an Article: title, dateline and agency, attribution
chain, lead and body, with the site furniture that scrapers leave around an
article removed (comment forms, captcha, share and print lines, tags, "انتهای
پیام", "کد خبر", related-news lists).

Removal is conservative: a line goes only when it matches a furniture pattern
and is short; a line of article prose (long, or ending a sentence) stays.
Lead and body keep the characters the source wrote; the patterns are matched
on normalized copies.
"""

from __future__ import annotations

import re

from khabar.errors import NoArticleError, skip
from khabar.ingest.cleaning import clean, language_of, mostly_words, tidy_lines
from khabar.ingest.dates import GREGORIAN_MONTHS, JALALI_MONTHS, date_in_url, find_date
from khabar.ingest.sources import registry
from khabar.model import Article
from khabar.persian.chars import ZWNJ, fold
from khabar.persian.normalize import normalize

# Lines that are site furniture when they are short (at most FURNITURE_WORDS words).
FURNITURE_WORDS = 12
_FURNITURE = re.compile(
    r"^(?:"
    r"نظر شما|نظرات|نظرات کاربران|ارسال نظر|دیدگاه(?:ها)?|پاسخ|captcha|کپچا|کد امنیتی"
    r"|شما در حال پاسخ به نظر .* هستید\.?"
    r"|انتهای پیام.*|کد خبر.*|شناسه خبر.*|لینک کوتاه.*|کپی شد|چاپ|ارسال|اشتراک[\s\u200c]?گذاری.*"
    r"|ذخیره|دانلود|بازگشت|صفحه نخست|تعداد بازدید.*|زمان مطالعه.*"
    r"|برچسب[\s\u200c]?(?:ها)?\s*:?.*|کلید ?واژه(?:ها)?\s*:?.*|تگ(?:ها)?\s*:.*"
    r"|اخبار مرتبط|مطالب مرتبط|خبرهای مرتبط|بیشتر بخوانید.*|پربازدیدترین(?:ها)?|آخرین اخبار|پیشنهاد سردبیر"
    r")$",
    re.IGNORECASE,
)
# Headers after which every short line belongs to the block (a list of links,
# the comment thread), up to the next line of prose.
_BLOCK_HEADERS = re.compile(
    r"^(?:نظر شما|نظرات|نظرات کاربران|ارسال نظر|دیدگاه(?:ها)?|اخبار مرتبط|مطالب مرتبط|خبرهای مرتبط"
    r"|پربازدیدترین(?:ها)?|آخرین اخبار|برچسب[\s\u200c]?(?:ها)?\s*:?)$"
)
_SENTENCE_END = re.compile(r"[.!؟?»)]$")
# "تهران - ایرنا - " at the start of the lead: place, then agency.
_DATELINE = re.compile(
    r"^\s*(?P<place>[^\s\-–—:،.][^\-–—:،.\n]{0,30}?)\s*[-–—]\s*(?P<agency>[^\-–—:،.\n]{2,40}?)\s*[-–—]\s*"
)
# "خبرگزاری فارس: " at the start of the lead.
_SOURCE_PREFIX = re.compile(r"^\s*(?P<src>[^:،.\n]{2,40}?)\s*:\s*")
# "به گزارش ایرنا از تی‌آرتی،", "به نقل از رویترز": who reports, citing whom.
_NAME_CHARS = r"(?:[^،,:.؛\n«(]|\.(?=[^\s.]))"  # a dot inside a name (تی.آر.تی) is kept
_REPORT = re.compile(rf"(?:^|\s)به\s+گزارش\s+(?P<chain>{_NAME_CHARS}{{2,120}})")
_CITING = re.compile(r"\s+(به\s+نقل\s+از|از)\s+")
_QUOTING = re.compile(rf"(?:^|\s)به\s+نقل\s+از\s+(?P<src>{_NAME_CHARS}{{2,60}})")


def parse_text(text: str, *, source: str | None = None) -> Article:
    """Read a scraped article: first line the title, then paragraphs. The
    publication date is taken only from a line that is a date (and a label,
    a weekday, a time), never from a date inside the prose, which is more often
    the date of an event. A text without a letter or digit is a NoArticleError."""
    if not _WORD_CHAR.search(text):
        raise skip(source or "text", "no text: no letter or digit in it", kind=NoArticleError)
    language = language_of(text)
    lines = tidy_lines(text, language)
    warnings: list[str] = []
    title = clean(lines[0], language)
    if _is_furniture(title):
        warnings.append("first line looks like site furniture, not a title")
    body, dropped = strip_furniture(lines[1:])
    if dropped:
        warnings.append(f"removed {dropped} line(s) of site furniture")
    return build_article(
        title, body, source=source, warnings=warnings, published=publication_date(lines), language=language
    )


_WORD_CHAR = re.compile(r"[^\W_]")
_DATE_WORDS = frozenset(
    [*JALALI_MONTHS, *GREGORIAN_MONTHS, "ماه", "ساعت", "تاریخ", "انتشار", "تاریخ انتشار", "زمان", "منتشر", "شده",
     "در", "به‌روزرسانی", "بروزرسانی", "شنبه", "یکشنبه", "یک‌شنبه", "دوشنبه", "سه‌شنبه", "سه", "چهارشنبه",
     "پنجشنبه", "پنج‌شنبه", "جمعه", "published", "updated", "date", ""]
)


def publication_date(lines: list[str], head: int = 8, tail: int = 6):
    """The date of a date line among the first lines (after the title) and the last ones."""
    for line in lines[1:head] + lines[max(head, len(lines) - tail) :]:
        if is_date_line(line) and (found := find_date(line)) is not None:
            return found
    return None


def is_date_line(line: str) -> bool:
    """A short line made of a date and what goes with one (a label, a weekday, a
    time, separators): 'تاریخ انتشار: چهارشنبه ۹ تیر ۱۴۰۰ - ۱۲:۳۰'."""
    words = line.split()
    if len(words) > 12:
        return False
    other = [w for w in words if not any(c.isdigit() for c in w) and w.strip("-–—،,:|/()").lower() not in _DATE_WORDS]
    return len(other) <= 1 and any(c.isdigit() for c in line)


def build_article(
    title: str,
    paragraphs: list[str],
    *,
    url: str | None = None,
    site: str | None = None,
    source: str | None = None,
    published=None,
    warnings: list[str] | None = None,
    lead: str | None = None,
    language: str = "fa",
) -> Article:
    """Assemble an Article from a (normalized) title and paragraphs as written:
    dateline, agency and the attribution chain come from the lead (the first
    paragraph; the chain read in its normalized form)."""
    warnings = list(warnings or [])
    paragraphs = [p for p in paragraphs if p]
    if not mostly_words(title, lead or "", *paragraphs[:50]):
        raise skip(source or "input", "no article text: mostly symbols, not words", kind=NoArticleError)
    reg = registry()
    agency = dateline = None
    if lead is None and paragraphs:
        lead, paragraphs = paragraphs[0], paragraphs[1:]
    lead = lead or ""
    m = _DATELINE.match(lead)
    if m and (found := reg.find(_folded(m["agency"]))) is not None:
        dateline, agency = normalize(m["place"]), found.id
        lead = lead[m.end() :]
    elif (m := _SOURCE_PREFIX.match(lead)) and (found := reg.exact(m["src"])) is not None:
        agency = found.id  # "خبرگزاری فارس: …"
        lead = lead[m.end() :]
    chain = _sources_in(lead) or (_sources_in(paragraphs[0]) if paragraphs else [])
    if agency is None and chain and chain[0] in reg.sources:
        agency = chain[0]
    if agency is None and url and (by_url := reg.by_url(url)):
        agency = by_url.id
    if agency and chain and chain[0] != agency:
        chain = [agency, *chain]
    if published is None and url:
        published = date_in_url(url)
    return Article(
        title=title,
        lead=lead.strip(),
        body=paragraphs,
        url=url,
        site=site,
        agency=agency,
        published=published,
        dateline=dateline,
        attributions=chain,
        source=source,
        warnings=warnings,
        language=language,
    )


def _sources_in(paragraph: str) -> list[str]:
    """The attribution chain of a paragraph as written (normalized only if it
    has the words a chain needs: most paragraphs have not)."""
    if "گزارش" not in paragraph and "نقل" not in paragraph:
        return []
    return attribution_chain(_folded(paragraph))


def attribution_chain(paragraph: str) -> list[str]:
    """Sources named by "به گزارش X (از|به نقل از) Y": registry ids in order. A
    name the registry does not know is kept (in Persian) only where the text
    says "به نقل از" and the name ends at a comma within four words; after a
    bare "از" it may be a place ("از مسکو"), so it is left out. The paragraph
    may lack its half-spaces; an unknown name is kept normalized."""
    reg = registry()
    chain: list[str] = []

    def add(name: str, quoted: bool) -> None:
        name = name.strip()
        if not name:
            return
        found = reg.find(name)
        if found:
            sid = found.id
        elif quoted and len(words := normalize(name).split()) <= MAX_UNKNOWN_WORDS and words[0] not in _NOT_SOURCES:
            sid = " ".join(words)
        else:
            return
        if sid not in chain:
            chain.append(sid)

    m = _REPORT.search(paragraph)
    if m:
        pieces = _CITING.split(m["chain"])  # name, separator, name, …
        add(pieces[0], quoted=False)
        for sep, name in zip(pieces[1::2], pieces[2::2], strict=True):
            add(name, quoted="نقل" in sep and _ends_at_comma(paragraph, name))
    for q in _QUOTING.finditer(paragraph):
        add(q["src"], quoted=_ends_at_comma(paragraph, q["src"]))
    return chain


MAX_UNKNOWN_WORDS = 4
_NOT_SOURCES = frozenset({"خبرنگار", "گزارشگر", "ما"})


def _ends_at_comma(paragraph: str, name: str) -> bool:
    at = paragraph.find(name)
    return at >= 0 and paragraph[at + len(name) : at + len(name) + 1] in ("،", ",", ":")


def _folded(line: str) -> str:
    """The line normalized but for half-space restoration (the slow part, which
    the patterns here do not need): the form they are matched on."""
    return normalize(line, restore_zwnj=False)


def _is_furniture(line: str) -> bool:
    """A short line (normalized) that matches a furniture pattern."""
    return len(line.split()) <= FURNITURE_WORDS and bool(_FURNITURE.match(line))


def strip_furniture(lines: list[str]) -> tuple[list[str], int]:
    """Drop furniture lines and the short lines of furniture blocks; return the
    kept lines and how many were dropped."""
    kept: list[str] = []
    in_block = False
    dropped = 0
    for line in lines:
        # Only short lines can be furniture; a line whose letters, folded, match a
        # pattern (or a short line inside a block) is normalized to be judged.
        n_words = len(line.split())
        candidate = n_words <= FURNITURE_WORDS and _FURNITURE.match(fold(line).replace(ZWNJ, ""))
        folded = _folded(line) if n_words <= FURNITURE_WORDS + 3 and (candidate or in_block) else ""
        short = bool(folded) and not _SENTENCE_END.search(folded)
        if candidate and _is_furniture(folded):
            in_block = in_block or bool(_BLOCK_HEADERS.match(folded))
            dropped += 1
            continue
        if in_block and short:
            dropped += 1
            continue
        in_block = False
        kept.append(line)
    return kept, dropped
