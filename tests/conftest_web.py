"""A small corpus for the web app's tests, from sentences written for them (no
real article): one story in three spellings of همکاری‌ها (half-space, joined,
spaced), a near-duplicate copy by another outlet, a title and body carrying
<script> and <img onerror>, a title mixing Persian, Latin and digits.

Imported by tests/test_web*.py (`from conftest_web import ...`); the corpus is
built once per test session (ingest with the full pipeline) and copied."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from khabar.model import Article

TEHRAN = timezone(timedelta(hours=4, minutes=30))
XSS_TITLE = '<script>window.__xss = 1; alert("xss")</script> همکاری ها در کشاورزی'
XSS_BODY = '<img src="x" onerror="window.__xss = 2"> بخش دوم این خبر آزمایشی است.'
MIXED_TITLE = "نشست OPEC+ در وین با حضور ۲۳ کشور؛ قیمت Brent به ۷۵ دلار رسید"

MEETING = [
    "وزیر امور خارجه ایران روز چهارشنبه ۹ تیر ۱۴۰۰ در آنکارا با مولود چاووش‌اوغلو دیدار کرد.",
    "دو طرف درباره گسترش همکاری‌ها و افزایش ۲۰ درصدی تجارت به ۳۰ میلیارد دلار گفت‌وگو کردند.",
    "این دیدار در ادامه رایزنی‌های دو کشور درباره انرژی و ترانزیت برگزار شد.",
]


def _when(day: int, month: int = 6, hour: int = 10) -> datetime:
    return datetime(2021, month, day, hour, 0, tzinfo=TEHRAN)


ARTICLES = [
    Article(id="irna-1", agency="IRNA", url="https://www.irna.ir/news/1", published=_when(30),
            title="گسترش همکاری‌ها میان ایران و ترکیه در سال ۲۰۲۱", body=MEETING),
    Article(id="mehr-2", agency="Mehr", url="https://www.mehrnews.com/news/2", published=_when(30, hour=13),
            title="دیدار وزیران خارجه ایران و ترکیه در آنکارا", body=MEETING),
    Article(id="isna-3", agency="ISNA", url="https://www.isna.ir/news/3", published=_when(2, 7),
            title="همکاریها در حوزه انرژی ادامه دارد",
            body=["وزیر نفت ایران گفت همکاریها در حوزه انرژی با روسیه ادامه دارد.",
                  "محمدجواد ظریف نیز روز پنجشنبه در تهران درباره این همکاریها سخن گفت."]),
    Article(id="fars-4", agency="Fars", url="https://www.farsnews.ir/news/4", published=_when(5, 7),
            title=XSS_TITLE, body=["همکاری ها میان دو کشور در بخش کشاورزی بیشتر شد.", XSS_BODY]),
    Article(id="irna-5", agency="IRNA", url="https://www.irna.ir/news/5", published=_when(18, 7),
            title=MIXED_TITLE,
            body=["وزیر نفت ایران در نشست OPEC+ در وین گفت تولید روزانه ۴۰۰ هزار بشکه افزایش می‌یابد."]),
    Article(id="tasnim-6", agency="Tasnim", url="https://www.tasnimnews.com/news/6", published=_when(10, 8),
            title="تیم ملی فوتبال ایران در ورزشگاه آزادی با عراق بازی کرد",
            body=["بازی دو تیم با نتیجه مساوی به پایان رسید و تماشاگران از ورزشگاه بیرون رفتند."]),
]


def write_inputs(folder: Path) -> Path:
    """The articles as a JSONL file of khabar's own records (their ids kept)."""
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def corpus_copy(tmp_path_factory, name: str = "corpus.db") -> Path:
    """A fresh copy of the session's test corpus (built on first use)."""
    from khabar.store import ingest_into

    built = tmp_path_factory.getbasetemp() / "web-corpus" / "corpus.db"
    if not built.exists():
        built.parent.mkdir(exist_ok=True)
        report = ingest_into(built, [str(write_inputs(built.parent))], workers=1)
        assert report.added == len(ARTICLES), report
    target = tmp_path_factory.mktemp("web") / name
    shutil.copy(built, target)
    return target
