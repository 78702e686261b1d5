"""The words of the entity stage: what a word next to a name, or the first word
of a name, says about it ("شهر آنتالیا" is a city, "دولت عراق" a government,
"در آنکارا" a place and not its government)."""

from __future__ import annotations

import re

# The knowledge-base types an entity of each label may be linked to, preferred first.
COMPATIBLE = {
    "PER": ("PER",), "ORG": ("ORG", "PRODUCT", "FAC", "EVENT", "GPE"), "LOC": ("GPE", "LOC", "FAC"),
    "EVENT": ("EVENT",), "FAC": ("FAC", "LOC"),
}
# The label of an entity found by its knowledge-base entry, by the entry's type.
LABEL_OF_TYPE = {"PER": "PER", "ORG": "ORG", "PRODUCT": "ORG", "GPE": "LOC", "LOC": "LOC", "EVENT": "EVENT"}
PLACE_TYPES = frozenset(["GPE", "LOC"])

DATELINE_MARKS = frozenset(["-", "–", "—", "/"])  # "تهران - ایرنا -": the place of the dateline
COORDINATORS = frozenset(["و", "،", ","])
DIRECTIONS = frozenset(["شمالی", "جنوبی", "شرقی", "غربی", "مرکزی", "میانه", "علیا", "سفلی", "شمال", "جنوب", "شرق", "غرب"])
APPOSITION_MARKS = frozenset(["،", "«", "»", "(", ")", ":"])  # between a name and its title
# Words before a capital that make it the place, not the government ("در آنکارا").
LOCATIVE = frozenset([
    "در", "به", "از", "تا", "شهر", "پایتخت", "سوی", "مقصد", "ساکن", "فرودگاه", "سفر", "سفرش",
    "بورس", "دانشگاه", "بازار", "متروی", "مترو", "خیابان", "میدان", "هتل", "بیمارستان", "ورزشگاه",
    # the city's own offices and people: "استاندار تهران" is Tehran's governor, not Iran's government
    "استاندار", "استانداری", "شهردار", "شهرداری", "فرماندار", "فرمانداری", "بخشدار", "دادستان", "دادستانی",
    "مردم", "ساکنان", "شهروندان", "اهالی", "نماینده", "نمایندگان", "استان", "شهرستان",
])
# Words before a place's name that say what kind of place it is: "شهر آنتالیا" is Antalya.
PLACE_HEADS = frozenset([
    "شهر", "شهرستان", "استان", "کشور", "جزیره", "جزایر", "منطقه", "بندر", "روستا", "بخش", "دهستان", "ایالت",
    "پایتخت", "جمهوری", "کلان‌شهر", "سرزمین", "شبه‌جزیره", "خطه",
])
GOVERNMENT_HEADS = frozenset(["دولت", "حکومت", "کابینه", "رژیم", "نظام"])
# Iran's governments are named by their number since the revolution, or by their motto.
IRANIAN_GOVERNMENT = re.compile(
    r"دولت\s+(?:اول|دوم|سوم|چهارم|پنجم|ششم|هفتم|هشتم|نهم|دهم|یازدهم|دوازدهم|سیزدهم|چهاردهم|تدبیر\s+و\s+امید)"
)
# Words before a club's name: "تیم فوتبال پرسپولیس", "باشگاه فرهنگی ورزشی سپاهان",
# "تیم فوتبال بزرگسالان صبای قم".
TEAM_HEADS = frozenset([
    "تیم", "باشگاه", "فوتبال", "فوتسال", "والیبال", "بسکتبال", "هندبال", "فرهنگی", "ورزشی", "فرهنگی‌ورزشی",
    "بزرگسالان", "امید", "جوانان", "نوجوانان", "نونهالان", "بانوان",
])
# Words for a medium's kind before its name: "روزنامه فرامنطقه‌ای الحیات", "شبکه خبری العربیه".
MEDIA_WORDS = frozenset([
    "روزنامه", "شبکه", "خبرگزاری", "تلویزیون", "رادیو", "هفته‌نامه", "ماهنامه", "مجله", "نشریه", "پایگاه", "سایت",
])
# Words before a region's name that are not part of what it is called alone: after "اقلیم
# کردستان", "کردستان" is that region.
REGION_HEADS = frozenset(["اقلیم", "جمهوری"])
# Words before a person's name that are not part of it: "آقای ظریف", "سردار سلامی". Any
# other first word is a first name, and "هادی زارع‌پور" is not "عیسی زارع‌پور".
HONORIFICS = frozenset([
    "آقای", "خانم", "دکتر", "مهندس", "استاد", "سردار", "سرلشکر", "سرتیپ", "سرهنگ", "ژنرال", "امیر",
    "دریادار", "حجت‌الاسلام", "آیت‌الله", "حضرت", "امام", "شیخ", "سید", "حاج", "شهید", "مرحوم", "علامه",
])
# Words before a place that make an organisation named for a martyr: "مدرسه شهید نجف".
MARTYR_WORDS = frozenset(["شهید", "شهدای"])
_ALNUM = re.compile(r"[^\W_]")  # a character for which str.isalnum() is true


def wordlike(token: str) -> bool:
    """A token that can be part of a name: it has a letter or a digit (not punctuation)."""
    return _ALNUM.search(token) is not None
