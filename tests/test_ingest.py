"""Ingest: plain scraped text, HTML pages, JSON records, WARC, batches."""

import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from khabar.errors import InputError, NoArticleError
from khabar.ingest.batch import error_log_path, ingest
from khabar.ingest.cleaning import normalized
from khabar.ingest.dates import TEHRAN, date_in_url, find_date
from khabar.ingest.plaintext import attribution_chain
from khabar.ingest.reader import kind_of, read
from khabar.ingest.sources import registry
from khabar.pipeline import analyze

DATA = Path(__file__).parent / "data"
ZWNJ = "\u200c"


def test_scraped_text_structure_and_furniture():
    art = read(DATA / "scraped.txt")
    assert art.title == "برگزاری نمایشگاه صنایع دستی در اصفهان با حضور هنرمندان ده کشور"
    assert art.agency == "ISNA" and art.dateline == "اصفهان"
    assert art.attributions == ["ISNA", "REUTERS"]
    assert art.lead.startswith("نمایشگاه بین المللی صنایع دستی امروز")  # as written…
    assert "نمایشگاه بین‌المللی صنایع دستی امروز" in analyze(art).text  # …and normalized by analysis
    assert art.body[-1] == "مدیر نمایشگاه گفت که فروش آثار در روزهای نخست بیش از پیش بینی بوده است."
    text = art.text()
    for furniture in ("انتهای پیام", "کد خبر", "نظر شما", "captcha", "برچسب"):
        assert furniture not in text


def test_prose_line_is_never_dropped_even_with_a_furniture_word():
    art = read("عنوان خبر\n\nمتن نخست خبر اینجاست.\n\nنظرات کارشناسان درباره این طرح بسیار متفاوت است و هنوز جمع‌بندی نشده است.".encode())
    assert art.body == ["نظرات کارشناسان درباره این طرح بسیار متفاوت است و هنوز جمع‌بندی نشده است."]


@pytest.mark.parametrize(
    "text, chain",
    [
        ("به گزارش خبرنگار ایرنا، جلسه برگزار شد.", ["IRNA"]),
        ("به گزارش ایرنا از تی.آر.تی، وزیر گفت.", ["IRNA", "TRT"]),
        ("به گزارش خبرگزاری فارس از مسکو، جلسه برگزار شد.", ["FARS"]),
        ("به گزارش مهر به نقل از دفتر ریاست جمهوری، جلسه لغو شد.", ["MEHR", "دفتر ریاست جمهوری"]),
        ("به گزارش خبرنگار ما، دو طرف توافق کردند.", []),
    ],
)
def test_attribution_chain(text, chain):
    assert attribution_chain(text) == chain


def test_html_page_keeps_every_zwnj_and_drops_comments_and_related():
    html = (DATA / "news-page.html").read_text(encoding="utf-8")
    art = read(DATA / "news-page.html")
    assert art.title == "افتتاح کتابخانه‌های روستایی در استان فارس"
    article_part = html[html.index('<div class="content">') : html.index("</article>")]
    assert sum(p.count(ZWNJ) for p in [art.lead, *art.body]) >= article_part.count(ZWNJ)
    assert "کتاب‌خوانی" in art.text() and "دوره‌های آموزشی کوتاه‌مدت" in art.text()
    text = art.text()
    assert "امیدوارم" not in text and "جشنواره کتاب" not in text and "حقوق محفوظ" not in text
    assert art.published == datetime(2021, 6, 30, 12, 30, tzinfo=TEHRAN)
    assert art.agency == "IRNA" and art.dateline == "شیراز"


def test_html_entities_for_zwnj_survive():
    body = "<p>" + "کتاب&zwnj;ها و نامه&#8204;ها در کتابخانه&#x200c;ها نگهداری می&zwnj;شوند و مردم از آن&zwnj;ها استفاده می&zwnj;کنند. " * 5 + "</p>"
    art = read(f"<html><body><article><h1>عنوان</h1>{body}</article></body></html>".encode())
    assert "کتاب‌ها" in art.text() and "نامه‌ها" in art.text() and "کتابخانه‌ها" in art.text()


@pytest.mark.parametrize(
    "written, iso",
    [
        ("۱۲ اردیبهشت ۱۴۰۰", "2021-05-02"),
        ("چهارشنبه ۹ تیر ۱۴۰۰ - ۱۲:۳۰", "2021-06-30T12:30"),
        ("۱۴۰۰/۰۴/۰۹", "2021-06-30"),
        ("1400/04/09", "2021-06-30"),
        ("۱ فروردین ۱۴۰۳", "2024-03-20"),
        ("30 اسفند 1403 ساعت 23:59", "2025-03-20T23:59"),
        ("۲ مه ۲۰۲۱", "2021-05-02"),
        ("2021-05-02", "2021-05-02"),
    ],
)
def test_dates_in_pages(written, iso):
    found = find_date(f"تاریخ انتشار: {written}")
    assert found is not None and found.isoformat().startswith(iso)
    assert found.utcoffset() is not None


def test_invalid_dates_are_not_dates():
    assert find_date("۳۰ اسفند ۱۴۰۲") is None  # 1402 is not a leap year
    assert find_date("۳۲ تیر ۱۴۰۰") is None
    assert find_date("کد ۱۲۳۴/۵۶/۷۸") is None


def test_bot_check_page_is_no_article():
    page = (
        "<html><head><title></title></head><body><h1>Checking your browser before accessing the website...</h1>"
        "<p>در حال بررسی مرورگر، پیش از انتقال به سایت هستیم ...</p><div id='captcha'></div></body></html>"
    )
    with pytest.raises(NoArticleError, match="bot-check"):
        read(page.encode())


def test_empty_page_is_no_article():
    with pytest.raises(NoArticleError):
        read(b"<html><body><nav>\xd8\xb5\xd9\x81\xd8\xad\xd9\x87</nav></body></html>")


def test_encodings_give_the_same_article():
    text = (DATA / "scraped.txt").read_text(encoding="utf-8")
    reference = read(text.encode("utf-8"))
    assert read(text.encode("utf-16")).id == reference.id
    assert read(b"\xef\xbb\xbf" + text.encode("utf-8")).id == reference.id
    # Windows-1256 has no Persian yeh: its Persian text writes the Arabic one.
    assert read(text.replace("ی", "ي").encode("cp1256")).to_dict() == reference.to_dict()
    # A copy that also lost its half-spaces and uses Arabic kaf analyzes to the same text.
    arabic = text.replace("ی", "ي").replace("ک", "ك").replace(ZWNJ, "")
    assert analyze(read(arabic.encode("cp1256"))).text == analyze(reference).text


def test_body_kept_as_written_and_normalized_on_request():
    record = {"title": "گزارش", "abstract": "خلاصه خبر.", "paragraphs": ["اين خبر  را ميخوانيد و همكاريهاي دو كشور ادامه دارد."]}
    art = read(json.dumps(record, ensure_ascii=False).encode())
    assert art.body == ["این خبر را میخوانید و همکاریهای دو کشور ادامه دارد."]  # yeh, kaf and spaces only
    assert normalized(art).body == ["این خبر را می‌خوانید و همکاری‌های دو کشور ادامه دارد."]
    assert normalized(art).id == art.id
    doc = analyze(art)
    start = doc.text.index("همکاری‌های")
    assert doc.raw_text[slice(*doc.raw_span(start, start + len("همکاری‌های")))] == "همکاریهای"


@pytest.mark.parametrize(
    "url, day",
    [
        ("https://www.farsnews.ir/news/14000409000321", "2021-06-30"),  # Fars News numbers items by Jalali date
        ("https://www.farsnews.ir/news/8707060255", "2008-09-27"),  # the older ten-digit numbers
        ("http://www.farsnews.com/newstext.php?nn=8707060255", "2008-09-27"),
        ("https://example.com/world/2021/06/30/talks.html", "2021-06-30"),
        ("https://www.varzesh3.com/news/1392980", None),  # a plain serial number
        ("https://www.farsnews.ir/news/14001399000321", None),  # not a date
    ],
)
def test_dates_in_addresses(url, day):
    found = date_in_url(url)
    assert (found.date().isoformat() if found else None) == day
    if found:
        assert found.tzinfo is not None


def test_record_without_a_date_takes_its_address_date():
    record = {"title": "خبر", "abstract": "خلاصه.", "paragraphs": ["متن خبر امروز."],
              "link": "https://www.farsnews.ir/news/14000409000321"}
    art = read(json.dumps(record, ensure_ascii=False).encode())
    assert art.published == datetime(2021, 6, 30, tzinfo=TEHRAN)


def test_json_records_and_jsonl():
    record = {
        "title": "بازگشایی مدارس از مهر",
        "abstract": "خبرگزاری فارس: وزیر آموزش و پرورش از بازگشایی حضوری مدارس خبر داد.",
        "paragraphs": ["وزیر گفت که پروتکل‌های بهداشتی رعایت می شود.", "انتهای پیام"],
        "link": "https://www.farsnews.ir/news/1",
    }
    art = read(json.dumps(record, ensure_ascii=False).encode())
    assert art.agency == "FARS" and art.lead.startswith("وزیر آموزش")
    assert art.body == ["وزیر گفت که پروتکل‌های بهداشتی رعایت می شود."]
    assert art.url == "https://www.farsnews.ir/news/1"
    two = "\n".join(json.dumps({**record, "title": t}, ensure_ascii=False) for t in ("یک", "دو"))
    with pytest.raises(InputError, match="2 articles"):
        read(two.encode())


def test_warc_html_records(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (DATA / "news-page.html").read_bytes()
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, ctype, payload in (
        ("https://example.ir/news/1", "text/html; charset=utf-8", html),
        ("https://example.ir/logo.png", "image/png", b"\x89PNG"),
    ):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers))
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(buf.getvalue())
    assert kind_of(path.read_bytes(), path.name) == "warc"
    art = read(path)
    assert art.url == "https://example.ir/news/1" and art.title.startswith("افتتاح")


def test_batch_records_failures_goes_on_and_resumes(tmp_path):
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "a.txt").write_bytes((DATA / "scraped.txt").read_bytes())
    (inputs / "sub" / "page.html").write_bytes((DATA / "news-page.html").read_bytes())
    (inputs / "binary.bin").write_bytes(bytes(range(256)) * 64)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "big.txt").write_bytes(("خبر " * 7_500_000).encode())  # 52 MB
    out = tmp_path / "out.jsonl"
    first = ingest([str(inputs)], out)
    assert first.written == 2 and first.inputs == 5
    reasons = {Path(name).name: reason for name, reason in first.failed}
    assert set(reasons) == {"binary.bin", "empty.txt", "big.txt"}
    assert "binary" in reasons["binary.bin"] and "too large" in reasons["big.txt"]
    assert len(error_log_path(out).read_text().splitlines()) == 3
    with open(out, "a", encoding="utf-8") as fh:
        fh.write('{"id": "cut sho')  # an interrupted run
    again = ingest([str(inputs)], out)
    assert again.written == 0 and again.already_present == 2
    assert [json.loads(line)["title"] for line in out.read_text(encoding="utf-8").splitlines()]


def test_registry_spellings():
    reg = registry()
    assert reg.find("تی‌آرتی").id == reg.find("تی.آر.تی").id == "TRT"
    assert reg.find("گروه بین الملل خبرگزاری ایسنا").id == "ISNA"
    assert reg.find("به گزارش ورزش۳").id == reg.find("ورزش سه").id == "VARZESH3"  # a digit in a name
    assert attribution_chain("به گزارش ورزش۳ از تی‌آرتی، بازی لغو شد.") == ["VARZESH3", "TRT"]
    assert reg.by_url("https://www.bbc.com/persian/articles/x").id == "BBCPERSIAN"
    assert len(reg.sources) >= 40


def test_seed_article(shared_data):
    art = read(shared_data / "seed/irna-ankara-moscow.txt")
    assert art.title == "آنکارا و مسکو در خصوص گسترش همکاری‌های اقتصادی و نظامی گفت‌وگو می‌کنند"
    assert art.agency == "IRNA" and art.dateline == "تهران"
    assert art.attributions == ["IRNA", "TRT"]
    assert "ادلب" in art.body[-1] and art.body[-1].endswith("حضور و فعالیت دارند.")
    text = art.text()
    assert "نظر شما" not in text and "captcha" not in text and "در حال پاسخ" not in text


def test_all_news_records_ingest_without_failure(shared_data):
    from khabar.ingest.reader import iter_articles

    count = 0
    for path in sorted((shared_data / "news").glob("*/*.json")):
        for label, result in iter_articles(path.read_bytes(), path.name):
            assert not isinstance(result, Exception), (label, result)
            count += 1
    assert count == 3700


def test_agency_from_the_attribution_when_there_is_no_dateline():
    art = read("عنوان خبر\n\nبه گزارش ایسنا به نقل از رویترز، قیمت نفت امروز افزایش یافت.\n\nادامه خبر.".encode())
    assert art.agency == "ISNA" and art.attributions == ["ISNA", "REUTERS"]


def test_resume_never_deletes_lines_after_a_bad_one(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a1", "title": "x"}\nnot json\n{"id": "b2", "title": "y"}\n{"id": "c3', encoding="utf-8")
    from khabar.ingest.batch import _existing_ids

    assert set(_existing_ids(out)) == {"a1", "b2"}
    assert out.read_text(encoding="utf-8") == '{"id": "a1", "title": "x"}\nnot json\n{"id": "b2", "title": "y"}\n'


def test_html_metadata_from_meta_tags_and_json_ld():
    paragraph = "<p>" + "شورای شهر شیراز امروز طرح توسعه کتابخانه‌های محله‌ای را تصویب کرد و اجرای آن از ماه آینده آغاز می‌شود. " * 4 + "</p>"
    page = (
        "<html><head><title>صفحه</title>"
        '<meta property="og:title" content="تصویب طرح کتابخانه‌های محله‌ای - خبرگزاری نمونه">'
        '<meta property="og:site_name" content="https://www.example.ir">'
        '<meta name="twitter:site" content="@nemouneh">'
        '<meta property="article:published_time" content="2021-06-30T10:30:00+04:30">'
        '<link rel="canonical" href="https://www.example.ir/news/12">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"@type": "Organization", '
        '"name": "خبرگزاری نمونه"}}</script>'
        f"</head><body><article><h1>تصویب طرح</h1>{paragraph}</article></body></html>"
    )
    art = read(page.encode())
    assert art.title == "تصویب طرح کتابخانه‌های محله‌ای"  # the site's name is not part of the title
    assert art.site == "خبرگزاری نمونه"  # the first name that is not an address, in order of preference
    assert art.url == "https://www.example.ir/news/12"
    assert art.published == datetime(2021, 6, 30, 10, 30, tzinfo=TEHRAN)  # the tag's time, not only its day


def test_publication_time_from_tags_keeps_time_and_offset():
    paragraph = "<p>" + "گزارش کامل این رویداد در چند بند آمده است و جزئیات آن را می‌خوانید. " * 8 + "</p>"

    def page(head: str) -> str:
        return f"<html><head><title>خبر</title>{head}</head><body><article>{paragraph}</article></body></html>"

    utc = read(page('<meta itemprop="datePublished dateCreated" content="2022-03-01T08:15:00.000Z">').encode())
    assert utc.published is not None and utc.published.isoformat() == "2022-03-01T08:15:00+00:00"
    both = read(page(
        '<meta property="article:published_time" content="2022-03-01T11:45:00">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-03-01T08:15:00Z"}</script>'
    ).encode())
    assert both.published is not None and both.published.isoformat() == "2022-03-01T08:15:00+00:00"  # the one with an offset


@pytest.mark.parametrize(
    "text, language",
    [
        ("وزیر امور خارجه روز دوشنبه گفت که گفت‌وگوها با کشورهای همسایه هفته آینده ادامه پیدا می‌کند و "
         "گروه‌های کارشناسی نیز پس از آن به پایتخت سفر خواهند کرد.", "fa"),
        ("أعلنت الحكومة في بيان رسمي أن الاجتماع سيعقد في العاصمة خلال الأسبوع المقبل مع وفد من الدول "
         "المجاورة، وأن هذا اللقاء قد يكون بداية لمرحلة جديدة.", "ar"),
        ("The minister said on Monday that the talks with the neighbouring countries would continue next week, "
         "and that experts from both sides were to meet in the capital.", "en"),
        ("The minister told reporters in Tehran (تهران) that the talks with the neighbouring countries would "
         "continue next week, and that a group of experts was to travel to the capital as well.", "en"),
        ("گزارش‌گر گفت که پیام رئیس‌جمهور با عنوان «We are ready for peace» پخش شد و گروه‌های چپ و راست "
         "پس از آن چند بیانیه منتشر کردند که در آن‌ها به نگرانی‌های مردم پرداخته شد.", "fa"),
        ("۱۲۳۴ ۵۶۷۸", "und"),
    ],
)
def test_language_detection(text, language):
    from khabar.ingest.language import detect_language

    assert detect_language(text) == language


def test_an_output_inside_the_input_folder_is_not_read_as_input(tmp_path):
    """`khabar ingest folder --out folder/out.jsonl` twice: the output and its
    error log are not inputs (they were read back, and the truncated log was an "empty input")."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_bytes((DATA / "scraped.txt").read_bytes())
    out = inputs / "out.jsonl"
    assert ingest([str(inputs)], out).written == 1
    again = ingest([str(inputs)], out)
    assert (again.inputs, again.written, again.already_present, again.failed) == (1, 0, 1, [])
