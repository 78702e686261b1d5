"""Write a corpus of bad and hard inputs mixed with good articles, and a
manifest of what ingest must make of each file (`.manifest.json`, hidden, so
that a folder walk leaves it out).

Bad inputs: binary (with and without NUL bytes, known formats), empty, BOM or
spaces only, HTML junk (navigation only, a bot check, thousands of '<', deep
nesting), nested JSON, JSON without records, records of the wrong types,
truncated and broken gzip and WARC, a gzip bomb, lines and texts beyond the
characters limit, unrepairable mojibake, Latin-1. Hard inputs that must still
give their articles (with a warning where something was repaired):
Windows-1256, UTF-16 with and without BOM, one bad UTF-8 byte, mixed encodings,
mojibake that can be repaired, JSONL with bad lines among good ones, lone
surrogates, numbers of 5,000 digits, truncated WARC archives (the records
before the cut). Good inputs: text, HTML, JSON, JSONL, WARC and gzip.

The articles are made from our own sentences (or, with --news, read at run
time from ../shared/data/news: never copied into the repository); each has a
serial number in its title, so that no two are the same article.

Usage: python tools/make_bad_inputs.py OUT_DIR [--bad 2000] [--good 1000] [--seed 21]
           [--huge-chars 10500000] [--bomb-mb 300] [--news ../shared/data/news]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

FA = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ZWNJ = "\u200c"
TOPICS = [
    "برگزاری نمایشگاه کتاب در شیراز", "افتتاح کتابخانه روستایی در کرمان", "بارش باران در استان‌های شمالی",
    "نشست شورای شهر درباره حمل و نقل", "آغاز برداشت گندم در خوزستان", "مسابقه فوتبال دو تیم پایتخت",
    "گسترش همکاری‌های علمی دانشگاه‌ها", "بازگشایی مدارس پس از تعطیلات", "کاهش مصرف آب در تابستان",
    "جشنواره فیلم کودک در اصفهان", "ساخت بیمارستان تازه در تبریز", "رشد صادرات فرش دستباف",
]
SENTENCES = [
    "مسئولان استان امروز از آغاز این طرح خبر دادند و گفتند که اجرای آن تا پایان سال ادامه دارد.",
    "به گفته مدیر این مجموعه، بیش از ۲۰۰ نفر در برگزاری این رویداد همکاری کرده‌اند.",
    "شهروندان می‌توانند از ساعت ۸ صبح تا ۶ عصر از این مکان دیدن کنند.",
    "کارشناسان معتقدند این اقدام به بهبود وضعیت اقتصادی منطقه کمک می‌کند.",
    "در این نشست نمایندگان چند کشور همسایه نیز حضور داشتند و دیدگاه‌های خود را مطرح کردند.",
    "هزینه اجرای این طرح حدود ۱۵ میلیارد تومان برآورد شده است.",
    "یکی از شرکت‌کنندگان گفت که امسال استقبال مردم بیشتر از سال‌های گذشته بوده است.",
    "فرماندار شهرستان در حاشیه این مراسم با خبرنگاران گفت‌وگو کرد.",
    "برنامه‌های آموزشی کوتاه‌مدت برای جوانان روستاها نیز در نظر گرفته شده است.",
    "این گزارش می‌افزاید که بخش بزرگی از بودجه از محل درآمدهای استانی تأمین می‌شود.",
    "دانش‌آموزان و دانشجویان با ارائه کارت شناسایی از تخفیف ویژه بهره‌مند می‌شوند.",
    "پیش‌بینی می‌شود که مرحله دوم این طرح در بهار سال آینده آغاز شود.",
    "مدیرکل دفتر فنی استانداری از پیشرفت ۶۰ درصدی عملیات ساخت خبر داد.",
    "گروهی از هنرمندان محلی آثار خود را در غرفه‌های جداگانه به نمایش گذاشتند.",
    "وی افزود: همه تلاش ما این است که خدمات بهتری به مردم ارائه شود.",
    "ساکنان محله از کمبود فضای سبز و نبود پارکینگ عمومی گله داشتند.",
    "کارگروه ویژه‌ای برای پیگیری مشکلات کشاورزان منطقه تشکیل شده است.",
    "بر اساس آمار رسمی، تعداد مسافران این مسیر در شش ماه نخست سال دو برابر شده است.",
    "رئیس دانشگاه در این دیدار بر اهمیت پژوهش‌های کاربردی تأکید کرد.",
    "مردم این شهر سال‌هاست که منتظر بهره‌برداری از این پروژه هستند.",
    "نماینده مردم در مجلس نیز از پیگیری این موضوع در کمیسیون‌های تخصصی خبر داد.",
    "این مراسم با اجرای موسیقی محلی و نمایش فیلم‌های مستند به پایان رسید.",
    "بنا بر اعلام سازمان هواشناسی، دمای هوا در روزهای آینده کاهش می‌یابد.",
    "نتایج این بررسی تا پایان ماه جاری در اختیار مسئولان قرار می‌گیرد.",
]
PUNCT_SPACES = "\u00a0" * 40 + "\n" + "\u00a0 \t" * 20


@dataclass
class Expect:
    """What ingest must make of a file: `articles` articles; at least one skip if `skip`."""

    kind: str
    articles: int
    skip: bool


class Articles:
    """Articles made of our sentences (or read from news records), each with its own serial number."""

    def __init__(self, rng: random.Random, news: Path | None = None) -> None:
        self.rng = rng
        self.serial = 0
        self.records = _news_records(news) if news else []

    def next(self) -> tuple[str, list[str]]:
        self.serial += 1
        number = str(self.serial).translate(FA)
        if self.records:
            record = self.records[(self.serial - 1) % len(self.records)]
            paragraphs = [p for p in record.get("paragraphs", []) if isinstance(p, str) and p.strip()] or [record.get("abstract", "")]
            return f"{record.get('title', '')} ({number})", paragraphs
        title = f"{self.rng.choice(TOPICS)} (گزارش {number})"
        paragraphs = [
            f"گزارش شماره {number}: " + " ".join(self.rng.sample(SENTENCES, 2)),
            *(" ".join(self.rng.sample(SENTENCES, self.rng.randint(2, 3))) for _ in range(self.rng.randint(2, 5))),
        ]
        return title, paragraphs

    def text(self) -> str:
        title, paragraphs = self.next()
        return title + "\n\n" + "\n\n".join(paragraphs) + "\n"

    def html(self) -> str:
        title, paragraphs = self.next()
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return (
            f'<!doctype html><html lang="fa"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><nav><a href='/'>صفحه نخست</a></nav><article><h1>{title}</h1>{body}</article>"
            "<footer>همه حقوق محفوظ است</footer></body></html>"
        )

    def record(self) -> dict:
        title, paragraphs = self.next()
        return {"title": title, "abstract": paragraphs[0], "paragraphs": paragraphs[1:],
                "link": f"https://example.ir/news/{self.serial}"}


def _news_records(folder: Path) -> list[dict]:
    records: list[dict] = []
    for path in sorted(folder.glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        records += [r for r in (data if isinstance(data, list) else [data]) if isinstance(r, dict) and r.get("title")]
    return records


def _jsonl(records: list) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def warc(pages: list[tuple[str, str, bytes]], compress: bool = True) -> tuple[bytes, list[int]]:
    """A WARC archive of (url, content type, payload) responses, and where each record ends."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    ends = []
    for url, ctype, payload in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers))
        ends.append(buf.tell())
    return buf.getvalue(), ends


# ---- good inputs: (suffix, bytes, articles)

def good_inputs(arts: Articles) -> list[Callable[[], tuple[str, bytes, int]]]:
    def pages(n: int) -> list[tuple[str, str, bytes]]:
        return [(f"https://example.ir/news/p{arts.serial + 1}", "text/html; charset=utf-8", arts.html().encode()) for _ in range(n)]

    return [
        lambda: (".txt", arts.text().encode(), 1),
        lambda: (".html", arts.html().encode(), 1),
        lambda: (".json", json.dumps(arts.record(), ensure_ascii=False).encode(), 1),
        lambda: (".jsonl", _jsonl([arts.record() for _ in range(3)]), 3),
        lambda: (".json", json.dumps([arts.record() for _ in range(2)], ensure_ascii=False, indent=1).encode(), 2),
        lambda: (".warc.gz", warc(pages(2))[0], 2),
        lambda: (".txt.gz", gzip.compress(arts.text().encode()), 1),
        lambda: (".jsonl.gz", gzip.compress(_jsonl([arts.record() for _ in range(2)])), 2),
    ]


# ---- bad and hard inputs: (suffix, bytes, Expect)

class Bad:
    """The kinds of bad and hard input; `heavy` ones (large) are made a few times only."""

    def __init__(self, arts: Articles, rng: random.Random, huge_chars: int, bomb_mb: int) -> None:
        self.arts, self.rng, self.huge_chars, self.bomb_mb = arts, rng, huge_chars, bomb_mb
        self._bomb: bytes | None = None

    def kinds(self) -> list[Callable[[], tuple[str, bytes, Expect]]]:
        a, r = self.arts, self.rng
        return [
            lambda: (".bin", r.randbytes(r.randint(100, 20000)) + b"\x00", Expect("binary with NUL", 0, True)),
            lambda: (".txt", bytes(r.randint(1, 255) for _ in range(r.randint(500, 5000))), Expect("binary without NUL", 0, True)),
            lambda: (".dat", bytes(r.randint(128, 255) for _ in range(r.randint(500, 5000))), Expect("high bytes only", 0, True)),
            lambda: (".png", b"\x89PNG\r\n\x1a\n" + r.randbytes(2000).replace(b"\x00", b"\x01"), Expect("PNG without NUL", 0, True)),
            lambda: (".pdf", b"%PDF-1.4\n" + r.randbytes(3000), Expect("PDF", 0, True)),
            lambda: (".txt", b"", Expect("empty", 0, True)),
            lambda: (".txt", b"\xef\xbb\xbf", Expect("UTF-8 BOM only", 0, True)),
            lambda: (".txt", b"\xff\xfe", Expect("UTF-16 BOM only", 0, True)),
            lambda: (".txt", PUNCT_SPACES.encode(), Expect("NBSP and spaces only", 0, True)),
            lambda: (".txt", "\ufeff\u200c\u200b ... -- !!\n".encode(), Expect("invisible characters and punctuation", 0, True)),
            lambda: (".html", b"<html><body><nav><a href='/'>home</a></nav><div class='menu'></div></body></html>", Expect("HTML without an article", 0, True)),
            lambda: (".html", ("<html><head><title>Just a moment...</title></head><body><h1>Checking your browser before "
                               "accessing the website</h1><p>در حال بررسی مرورگر</p></body></html>").encode(), Expect("bot check", 0, True)),
            lambda: (".html", ("<html><body>" + "<" * r.randint(1000, 50000) + "</body></html>").encode(), Expect("HTML of '<'", 0, True)),
            lambda: (".html", ("<html><body>" + "<script>" * 3000 + "</body></html>").encode(), Expect("unclosed scripts", 0, True)),
            lambda: (".html", ("<html><body>" + "<div>" * 20000 + "متن" + "</div>" * 20000 + "</body></html>").encode(), Expect("deep HTML", 0, True)),
            lambda: (".json", b"[" * 50000 + b"]" * 50000, Expect("nested JSON array", 0, True)),
            lambda: (".json", b'{"title": ' * 3000 + b'"x"' + b"}" * 3000, Expect("nested JSON object", 0, True)),
            lambda: (".json", b"[]", Expect("empty JSON array", 0, True)),
            lambda: (".json", b"{}", Expect("empty JSON object", 0, True)),
            lambda: (".json", b"null", Expect("JSON null", 0, True)),
            lambda: (".json", b'{"title": "x", "body": "y"', Expect("truncated JSON", 0, True)),
            lambda: (".json", json.dumps({"schema": "2", "id": f"bad{r.random()}", "title": "خبر", "body": [1]}).encode(), Expect("own record, body [1]", 0, True)),
            lambda: (".json", json.dumps({"schema": "2", "id": f"bad{r.random()}", "title": "خبر", "body": ["متن"], "published": "x"}).encode(), Expect("own record, published x", 0, True)),
            lambda: (".gz", gzip.compress(a.text().encode())[:-30], Expect("truncated gzip", 0, True)),
            lambda: (".gz", b"\x1f\x8b\x08\x00" + r.randbytes(500), Expect("broken gzip", 0, True)),
            lambda: (".warc", b"WARC/1.0\r\n" + r.randbytes(2000), Expect("garbage WARC", 0, True)),
            lambda: (".warc.gz", warc([("https://example.ir/logo.png", "image/png", r.randbytes(500))])[0], Expect("WARC without HTML", 0, True)),
            lambda: (".txt", _mojibake(a.text()).replace("ظ", "ظ\u00a0").encode(), Expect("unrepairable mojibake", 0, True)),
            lambda: (".txt", ("Café résumé naïve " * 50).encode("latin-1"), Expect("Latin-1", 0, True)),
            # hard but readable: articles expected (a skip only for the bad parts)
            lambda: (".txt", _cp1256(a.text()), Expect("Windows-1256", 1, False)),
            lambda: (".txt", a.text().encode("utf-16"), Expect("UTF-16 with BOM", 1, False)),
            lambda: (".txt", a.text().encode("utf-16-le"), Expect("UTF-16 without BOM", 1, False)),
            lambda: (".html", a.html().encode("utf-16") + b"\x00", Expect("UTF-16 HTML of an odd length", 1, False)),
            lambda: (".txt", _one_bad_byte(a.text().encode(), r), Expect("one bad UTF-8 byte", 1, False)),
            lambda: (".txt", _mixed(a.text()), Expect("mixed encodings", 1, False)),
            lambda: (".txt", _mojibake(a.text()).encode(), Expect("repairable mojibake", 1, False)),
            lambda: (".jsonl", _jsonl([a.record()]) + b"not json at all\n" + _jsonl([a.record()]) + b'{"title": \n', Expect("JSONL with bad lines", 2, True)),
            lambda: (".jsonl", json.dumps({**a.record(), "title": "\ud800 " + a.next()[0]}).encode() + b"\n", Expect("lone surrogate", 1, False)),
            lambda: (".json", json.dumps(a.record(), ensure_ascii=False).encode()[:-1] + b', "n": ' + b"7" * 5000 + b"}", Expect("5,000-digit number", 1, False)),
            lambda: (".jsonl", _jsonl([a.record()]) + b"[" * 10000 + b"\n", Expect("JSONL with a deep line", 1, True)),
            lambda: (".json", ("[" + json.dumps(a.record(), ensure_ascii=False) + ", 7, {\"title\": 5}]").encode(), Expect("array with bad records", 1, True)),
            lambda: self._truncated_warc(compress=True),
            lambda: self._truncated_warc(compress=False),
        ]

    def heavy(self) -> list[Callable[[], tuple[str, bytes, Expect]]]:
        return [
            lambda: (".gz", self.bomb(), Expect("gzip bomb", 0, True)),
            lambda: (".txt", ("خبر " * (self.huge_chars // 4 + 1)).encode(), Expect("one huge line", 0, True)),
            lambda: (".jsonl", _jsonl([self.arts.record()]) + ('{"title": "' + "ب" * self.huge_chars + '"}\n').encode(), Expect("JSONL with a huge line", 1, True)),
        ]

    def bomb(self) -> bytes:
        if self._bomb is None:
            packer = zlib.compressobj(9, zlib.DEFLATED, 31)
            zeros = b"\x00" * (1024 * 1024)
            self._bomb = b"".join([*(packer.compress(zeros) for _ in range(self.bomb_mb)), packer.flush()])
        return self._bomb

    def _truncated_warc(self, compress: bool) -> tuple[str, bytes, Expect]:
        pages = [(f"https://example.ir/w/{self.arts.serial + 1}", "text/html", self.arts.html().encode()) for _ in range(2)]
        data, ends = warc(pages, compress)
        cut = ends[0] + (ends[1] - ends[0]) // 2
        return (".warc.gz" if compress else ".warc"), data[:cut], Expect("truncated WARC" + (" (gzip)" if compress else ""), 1, True)


_TO_CP1256 = str.maketrans({"ی": "ي", "ک": "ك", **{d: str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")}})


def _cp1256(text: str) -> bytes:
    """The text as a Windows-1256 page writes it (Arabic yeh and kaf, Latin digits)."""
    return text.translate(_TO_CP1256).encode("cp1256")


def _mojibake(text: str) -> str:
    """UTF-8 read as Windows-1256 (what a wrong guess makes of Persian)."""
    return text.encode("utf-8").decode("cp1256", "replace")


def _one_bad_byte(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) // 4, len(data) // 2)
    while data[at] >= 0x80 and data[at] < 0xC0:  # not inside a character
        at += 1
    return data[:at] + b"\xff" + data[at:]


def _mixed(text: str) -> bytes:
    lines = text.split("\n")
    return b"\n".join(
        _cp1256(line) if i % 4 == 2 else line.encode() for i, line in enumerate(lines)
    )


def make_corpus(
    folder: Path, *, bad: int = 2000, good: int = 1000, seed: int = 21, huge_chars: int = 10_500_000,
    bomb_mb: int = 300, heavy_each: int = 2, news: Path | None = None,
) -> dict:
    """Write the corpus into `folder`; return (and write as .manifest.json) what each file must give."""
    rng = random.Random(seed)
    arts = Articles(rng, news)
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, dict] = {}

    def write(name: str, data: bytes, expect: Expect) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        files[name] = {"kind": expect.kind, "articles": expect.articles, "skip": expect.skip}

    goods = good_inputs(arts)
    for i in range(good):
        suffix, data, n = goods[i % len(goods)]()
        write(f"good/{i:05d}{suffix}", data, Expect("good" + suffix, n, False))
    maker = Bad(arts, rng, huge_chars, bomb_mb)
    heavy = [k for k in maker.heavy() for _ in range(heavy_each)][:bad]
    kinds = maker.kinds()
    for i in range(bad):
        suffix, data, expect = (heavy[i] if i < len(heavy) else kinds[(i - len(heavy)) % len(kinds)])()
        write(f"bad/{i:05d}{suffix}", data, expect)
    for name, data in (("README.md", b"# not news\n"), ("LICENSE", b"not news"), (".hidden.txt", b"not news"),
                       (".git/config", b"[core]\n"), ("notes/.cache/x.txt", b"not news")):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    manifest = {"seed": seed, "good": good, "bad": bad, "files": files}
    (folder / ".manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def iter_kinds(manifest: dict) -> Iterator[str]:
    yield from sorted({f["kind"] for f in manifest["files"].values()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--bad", type=int, default=2000)
    parser.add_argument("--good", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--huge-chars", type=int, default=10_500_000)
    parser.add_argument("--bomb-mb", type=int, default=300)
    parser.add_argument("--news", type=Path, default=None)
    args = parser.parse_args()
    manifest = make_corpus(args.out, bad=args.bad, good=args.good, seed=args.seed, huge_chars=args.huge_chars,
                           bomb_mb=args.bomb_mb, news=args.news)
    articles = sum(f["articles"] for f in manifest["files"].values())
    print(f"{len(manifest['files'])} files ({args.good} good, {args.bad} bad or hard; "
          f"{len(set(iter_kinds(manifest)))} kinds) in {args.out}; {articles} articles expected")


if __name__ == "__main__":
    main()
