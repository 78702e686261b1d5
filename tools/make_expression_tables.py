"""Write the systematic part of the expression tables (tests/data/*_systematic.tsv):
sentences built from our own templates over every month of the three
calendars, numeric dates, weekdays, relative days, durations, times of day and
every currency, with values computed by the calendar libraries (jdatetime,
hijridate) and plain arithmetic, not by khabar. The hand-written tables
(tests/data/times.tsv, quantities.tsv) cover the irregular cases.

Usage: python tools/make_expression_tables.py
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import jdatetime
from hijridate import Hijri

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = date(2021, 6, 30)  # a Wednesday, Jalali 1400-04-09
FA = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

JALALI = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
GREGORIAN = ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"]
HIJRI = ["محرم", "صفر", "ربیع‌الاول", "ربیع‌الثانی", "جمادی‌الاول", "جمادی‌الثانی", "رجب", "شعبان",
         "رمضان", "شوال", "ذی‌القعده", "ذی‌الحجه"]
WEEKDAYS = [("دوشنبه", 0), ("سه‌شنبه", 1), ("چهارشنبه", 2), ("پنجشنبه", 3), ("جمعه", 4), ("شنبه", 5), ("یکشنبه", 6)]
COUNT_WORDS = {1: "یک", 2: "دو", 3: "سه", 4: "چهار", 5: "پنج", 6: "شش", 7: "هفت", 8: "هشت", 9: "نه", 10: "ده"}
CURRENCIES = [("دلار", "USD"), ("یورو", "EUR"), ("ریال", "IRR"), ("روبل", "RUB"), ("لیر", "TRY"), ("پوند", "GBP"),
              ("ین", "JPY"), ("یوان", "CNY"), ("درهم", "AED"), ("روپیه", "INR"), ("افغانی", "AFN"),
              ("ریال سعودی", "SAR"), ("دینار عراق", "IQD"), ("دینار کویت", "KWD"), ("فرانک سوئیس", "CHF"),
              ("منات", "AZN"), ("درام", "AMD"), ("وون", "KRW"), ("دلار کانادا", "CAD"), ("ریال عمان", "OMR")]
MEASURES = [("بشکه", "barrel"), ("تن", "tonne"), ("کیلوگرم", "kg"), ("کیلومتر", "km"), ("متر", "m"),
            ("هکتار", "ha"), ("لیتر", "l"), ("مگاوات", "MW"), ("کیلومتر مربع", "km2"), ("متر مکعب", "m3")]
COUNTERS = [("بار", "times"), ("نفر", "person"), ("مورد", "case"), ("دستگاه", "unit"), ("فروند", "vessel"),
            ("قطعه", "piece"), ("رأس", "head"), ("جلد", "volume"), ("خانوار", "household"), ("واحد", "unit")]


def fa(n: int | str) -> str:
    return str(n).translate(FA)


def time_rows() -> list[tuple[str, str, str, str, str]]:
    rows = []
    for year in (1399, 1402):
        for m, name in enumerate(JALALI, 1):
            day = 5 + m
            g = jdatetime.date(year, m, day).togregorian()
            rows.append((f"نشست {fa(day)} {name} {fa(year)} برگزار شد.", f"{fa(day)} {name} {fa(year)}", "date", g.isoformat(), "jalali"))
    for m, name in enumerate(JALALI, 1):
        first = jdatetime.date(1401, m, 1).togregorian()
        last = (jdatetime.date(1401 + (m == 12), m % 12 + 1, 1).togregorian() - timedelta(days=1))
        rows.append((f"گزارش {name}‌ماه {fa(1401)} آماده شد.", f"{name}‌ماه {fa(1401)}", "interval", f"{first}/{last}", "jalali"))
    for m, name in enumerate(GREGORIAN, 1):
        rows.append((f"اجلاس {fa(12)} {name} {fa(2019)} برگزار شد.", f"{fa(12)} {name} {fa(2019)}", "date", date(2019, m, 12).isoformat(), "gregorian"))
    for m, name in enumerate(HIJRI, 1):
        g = Hijri(1445, m, 10).to_gregorian()
        rows.append((f"مراسم {fa(10)} {name} {fa(1445)} برگزار شد.", f"{fa(10)} {name} {fa(1445)}", "date", g.isoformat(), "hijri"))
    for year, month, day in ((1398, 1, 15), (1399, 6, 31), (1400, 12, 29), (1390, 7, 1), (1385, 9, 5)):
        g = jdatetime.date(year, month, day).togregorian()
        text = f"{fa(year)}/{fa(f'{month:02d}')}/{fa(f'{day:02d}')}"
        rows.append((f"نامه {text} ثبت شد.", text, "date", g.isoformat(), "jalali"))
    for y, m, d in ((2018, 3, 4), (2020, 2, 29), (2021, 12, 31), (2016, 11, 24), (1999, 1, 1)):
        text = fa(f"{y}-{m:02d}-{d:02d}")
        rows.append((f"سند {text} منتشر شد.", text, "date", date(y, m, d).isoformat(), "gregorian"))
    for name, wd in WEEKDAYS:
        back = PUBLISHED - timedelta(days=(PUBLISHED.weekday() - wd) % 7)
        ahead = PUBLISHED + timedelta(days=(wd - PUBLISHED.weekday()) % 7)
        rows.append((f"هیئت روز {name} به تهران رفت.", f"روز {name}", "date", back.isoformat(), "gregorian"))
        rows.append((f"هیئت روز {name} به تهران خواهد رفت.", f"روز {name}", "date", ahead.isoformat(), "gregorian"))
    for n in range(1, 11):
        word = COUNT_WORDS[n]
        rows.append((f"{word} روز پیش سیل آمد.", f"{word} روز پیش", "date", (PUBLISHED - timedelta(days=n)).isoformat(), "gregorian"))
        rows.append((f"{fa(n)} هفته قبل نامه رسید.", f"{fa(n)} هفته قبل", "date", (PUBLISHED - timedelta(weeks=n)).isoformat(), "gregorian"))
    for n, unit, code in ((3, "روز", "P3D"), (2, "هفته", "P2W"), (6, "ماه", "P6M"), (5, "سال", "P5Y"), (45, "دقیقه", "PT45M"),
                          (12, "ساعت", "PT12H"), (30, "ثانیه", "PT30S"), (2, "قرن", "P200Y"), (3, "دهه", "P30Y"), (10, "روز", "P10D")):
        rows.append((f"این کار {fa(n)} {unit} زمان برد.", f"{fa(n)} {unit}", "duration", code, ""))
    for h, m in ((7, 5), (9, 30), (11, 45), (13, 0), (16, 20), (18, 10), (20, 55), (22, 15), (0, 30), (23, 59)):
        text = f"ساعت {fa(h)}:{fa(f'{m:02d}')}"
        rows.append((f"جلسه {text} آغاز شد.", text, "time", f"T{h:02d}:{m:02d}", ""))
    for h, part, hh in ((6, "صبح", 6), (4, "عصر", 16), (9, "شب", 21), (10, "صبح", 10), (2, "بعدازظهر", 14), (7, "بامداد", 7)):
        text = f"ساعت {fa(h)} {part}"
        rows.append((f"قطار {text} رسید.", text, "time", f"T{hh:02d}:00", ""))
    return rows


def quantity_rows() -> list[tuple[str, str, str, str, str, str]]:
    rows = []
    for i, (name, code) in enumerate(CURRENCIES):
        amount = (i + 2) * 150
        rows.append((f"قیمت آن {fa(amount)} {name} است.", f"{fa(amount)} {name}", "money", str(amount), code, ""))
        rows.append((f"بودجه {fa(i + 3)} میلیون {name} شد.", f"{fa(i + 3)} میلیون {name}", "money", str((i + 3) * 10**6), code, ""))
    for i, (name, unit) in enumerate(MEASURES):
        amount = (i + 1) * 25
        rows.append((f"مقدار آن {fa(amount)} {name} بود.", f"{fa(amount)} {name}", "measure", str(amount), unit, ""))
    for i, (name, unit) in enumerate(COUNTERS):
        amount = i + 11
        rows.append((f"در این گزارش {fa(amount)} {name} ثبت شد.", f"{fa(amount)} {name}", "count", str(amount), unit, ""))
    for pct in (3, 12.5, 47, 80, 99.9):
        rows.append((f"سهم آن {fa(pct)} درصد بود.", f"{fa(pct)} درصد", "percent", str(pct), "%", ""))
    return rows


def write(path: Path, header: list[str], rows: list[tuple[str, ...]], note: str) -> None:
    lines = [f"# {note}", "\t".join(header)] + ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    data = ROOT / "tests" / "data"
    note = "Generated by tools/make_expression_tables.py from our templates; values from jdatetime, hijridate and arithmetic."
    write(data / "times_systematic.tsv", ["sentence", "text", "kind", "value", "calendar"], time_rows(), note)
    write(data / "quantities_systematic.tsv", ["sentence", "text", "kind", "value", "unit", "approx"], quantity_rows(), note)
    print(len(time_rows()), "time rows;", len(quantity_rows()), "quantity rows")


if __name__ == "__main__":
    main()
