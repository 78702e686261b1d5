"""A small test corpus written for these tests (no real article text): the
same words spelt with a half-space, joined and spaced in different articles;
one story carried by three outlets with light edits; a similar but different
story. `write_corpus` writes it as JSONL in khabar's own Article records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

STORY = [
    "به گزارش ایرنا، مدیرکل مدیریت بحران استان گلستان روز پنجشنبه گفت: بارش شدید باران در شب گذشته موجب جاری شدن سیل در ۱۲ روستای شهرستان کلاله شد.",
    "وی افزود: گروه‌های امدادی هلال احمر از ساعات اولیه بامداد به منطقه اعزام شدند و تاکنون ۳۵۰ نفر از ساکنان به مکان‌های امن منتقل شده‌اند.",
    "به گفته این مقام مسئول، آب دست کم ۴۰ واحد مسکونی و بخشی از مزارع گندم و جو را فرا گرفته و راه ارتباطی سه روستا قطع شده است.",
    "سازمان هواشناسی پیش‌بینی کرده است که بارش‌ها تا پایان هفته در نوار شمالی کشور ادامه یابد و مردم از تردد در حاشیه رودخانه‌ها خودداری کنند.",
    "فرماندار کلاله نیز از تشکیل ستاد ویژه برای ارزیابی خسارت‌ها خبر داد و گفت کمک‌های اولیه شامل چادر، پتو و آب آشامیدنی میان آسیب‌دیدگان توزیع شده است.",
]

ARTICLES = [
    {
        "id": "w1", "agency": "IRNA", "published": "2021-06-28T10:00:00+04:30", "url": "https://example.ir/w1",
        "title": "گسترش همکاری‌ها میان ایران و ترکیه",
        "body": [
            "به گزارش ایرنا، وزیران امور خارجه ایران و ترکیه روز دوشنبه در آنکارا درباره گسترش همکاری‌ها در حوزه انرژی و حمل و نقل گفت‌وگو کردند.",
            "دو طرف اعلام کردند که تجار دو کشور بیش از گذشته در بازارهای یکدیگر فعالیت می‌کنند و حجم مبادلات در سال ۲۰۲۱ افزایش یافته است.",
        ],
    },
    {
        "id": "w2", "agency": "FARS", "published": "2021-06-29T09:30:00+04:30", "url": "https://example.ir/w2",
        "title": "نشست کارشناسان آب و کشاورزی در مشهد",
        "body": [
            "به گزارش فارس، کارشناسان حوزه آب در نشستي در مشهد گفتند همکاریها با دانشگاهها برای کاهش مصرف آب در کشاورزي باید بيشتر شود.",
            "آنان افزودند كشاورزان در بسیاری از دشتها هنوز به روش سنتی آبیاری میکنند و این کار سالانه ٢٠ درصد از منابع آب را هدر ميدهد.",
        ],
    },
    {
        "id": "w3", "agency": "ISNA", "published": "2021-06-30T18:00:00+04:30", "url": "https://example.ir/w3",
        "title": "برگزاری جشنواره فیلم کودک در اصفهان",
        "body": [
            "به گزارش ایسنا، دبیر جشنواره فیلم کودک گفت همکاری ها با مدارس امسال بیشتر شده و دانش آموزان از 15 شهر در این رویداد شرکت می کنند.",
            "وی افزود: فیلمسازان جوان آثار خود را در 3 بخش مسابقه عرضه کرده اند و داوران تا پایان هفته برگزیدگان را معرفی خواهند کرد.",
        ],
    },
    {
        "id": "w4", "agency": "VARZESH3", "published": "2021-07-03T22:00:00+04:30", "url": "https://example.ir/w4",
        "title": "پیروزی پرسپولیس در دیدار شب گذشته",
        "body": [
            "به گزارش ورزش سه، بازیکنان پرسپولیس در دیدار شب گذشته با دو گل برابر حریف به پیروزی رسیدند و صدر جدول را حفظ کردند.",
            "سرمربی این تیم پس از بازی گفت بازیکنان جوان در هفته‌های اخیر پیشرفت زیادی کرده‌اند و هواداران نیز حمایت خوبی داشته‌اند.",
        ],
    },
    {
        "id": "w5", "agency": "IRNA", "published": "2021-07-05T11:00:00+04:30", "url": "https://example.ir/w5",
        "title": "نرخ تورم به ۲۲.۵ درصد رسید",
        "body": [
            "به گزارش ایرنا، بانک مرکزی اعلام کرد نرخ تورم نقطه به نقطه در خرداد ماه به ۲۲.۵ درصد رسیده است.",
            "کارشناسان اقتصادی می‌گویند سیاست‌های پولی بانک مرکزی در ماه‌های آینده بر قیمت کالاهای اساسی اثر می‌گذارد.",
        ],
    },
    {   # the story, first told
        "id": "s1", "agency": "IRNA", "published": "2021-07-01T08:00:00+04:30", "url": "https://example.ir/s1",
        "title": "سیل در استان گلستان به ۱۲ روستا خسارت زد", "body": STORY,
    },
    {   # a copy: title prefix changed, agency line changed, a paragraph dropped
        "id": "s2", "agency": "FARS", "published": "2021-07-01T09:15:00+04:30", "url": "https://example.ir/s2",
        "title": "فوری | سیل در استان گلستان به ۱۲ روستا خسارت زد",
        "body": [STORY[0].replace("به گزارش ایرنا", "به گزارش خبرگزاری فارس"), STORY[1], STORY[2], STORY[4]],
    },
    {   # a copy of the next day: another title, citing the first outlet
        "id": "s3", "agency": "ISNA", "published": "2021-07-02T07:00:00+04:30", "url": "https://example.ir/s3",
        "title": "خسارت سیل به ۱۲ روستای گلستان",
        "body": [STORY[0].replace("به گزارش ایرنا", "به گزارش ایسنا به نقل از ایرنا"), *STORY[1:]],
    },
    {   # another story of the same kind: not a copy
        "id": "t1", "agency": "IRNA", "published": "2021-07-02T12:00:00+04:30", "url": "https://example.ir/t1",
        "title": "آبگرفتگی معابر زاهدان پس از بارش تند باران",
        "body": [
            "به گزارش ایرنا، مدیرعامل سازمان آتش‌نشانی زاهدان روز شنبه گفت: بارش تند باران در عصر دیروز موجب آبگرفتگی چند خیابان اصلی مرکز شهر شد.",
            "وی افزود: نیروهای آتش‌نشانی با ۱۲ دستگاه پمپ آب در حال تخلیه آب از زیرگذرها هستند و خوشبختانه تاکنون گزارشی از مصدومیت شهروندان نرسیده است.",
            "به گفته این مقام مسئول، شهروندان تا پایان عملیات از تردد در خیابان‌های پایین‌دست و پارک کردن خودرو در کنار جوی‌ها خودداری کنند.",
        ],
    },
]


def record(article: dict) -> dict:
    """khabar's own Article record (read back as it was written)."""
    return {"schema": "2", "lead": "", "language": "fa", **article}


def write_corpus(folder: Path, articles: list[dict] = ARTICLES) -> Path:
    """The articles as one JSONL file in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "news.jsonl"
    path.write_text("".join(json.dumps(record(a), ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return path


def many_articles(count: int) -> list[dict]:
    """`count` distinct articles made from the sentences above (for batches)."""
    sentences = [s for a in ARTICLES for s in a["body"]]
    out = []
    for n in range(count):
        body = [f"گزارش شماره {n} از دفتر خبری.", *(sentences[(n * 7 + k * 3) % len(sentences)] for k in range(3))]
        out.append({
            "id": f"m{n}", "agency": ["IRNA", "FARS", "ISNA"][n % 3], "url": f"https://example.ir/m{n}",
            "published": f"2021-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00+03:30",
            "title": f"خبر شماره {n}", "body": body,
        })
    return out


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus of ARTICLES, ingested once (read-only for the tests that use it)."""
    from khabar.store import ingest_into

    folder = tmp_path_factory.mktemp("corpus")
    source = write_corpus(folder / "in")
    db = folder / "corpus.db"
    report = ingest_into(db, [str(source)], workers=1)
    assert report.added == len(ARTICLES) and report.skipped == 0
    return db


def test_the_corpus_spells_one_word_three_ways():
    texts = {a["id"]: " ".join([a["title"], *a["body"]]) for a in ARTICLES}
    assert "همکاری\u200cها" in texts["w1"] and "همکاریها" in texts["w2"] and "همکاری ها" in texts["w3"]
    assert "می\u200cکنند" in texts["w1"] and "میکنند" in texts["w2"] and "می کنند" in texts["w3"]
