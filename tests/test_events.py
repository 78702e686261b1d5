"""Political events (PLOVER/CAMEO) coded from Persian: the vocabulary, the
lexicon's own examples, clause grammar (coordination, negation, future,
passive, requests), merging of restated events, the seed article, and
robustness on any text."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khabar
from khabar.extract.events import extract_events, lexicon, vocab
from khabar.model import Doc

PUBLISHED = date(2021, 6, 28)


def events(text: str, published: date = PUBLISHED):
    return khabar.analyze(text, published=published).events


def one(text: str, published: date = PUBLISHED):
    found = events(text, published)
    assert len(found) == 1, [(e.type, e.text) for e in found]
    return found[0]


def countries(e):
    return (e.source.country if e.source else None, e.target.country if e.target else None)


# -- vocabulary ---------------------------------------------------------------

def test_plover_types_and_cameo_codes():
    types = vocab.plover_types()
    assert sorted(types) == sorted([
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
        "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ])
    assert types["CONSULT"].modes == ("multilateral", "phone", "third-party", "visit")
    code = vocab.code("041")
    assert (code.type, code.mode, code.quad_class, code.goldstein) == ("CONSULT", "phone", 1, 1.0)
    assert vocab.code("163").type == "COERCE"  # sanctions, through the crosswalk
    assert vocab.code("0315").code == "031"  # an unknown code falls back to its parent
    assert vocab.as_future("CONSULT", "040") == ("AGREE", "036")
    assert vocab.as_future("COOPERATE", "062") == ("AGREE", "0312")
    assert vocab.as_future("RETREAT", "0871") == ("CONCEDE", "080")
    assert vocab.as_future("ASSAULT", "190") == ("ASSAULT", "190")


def test_lexicon_records_are_consistent():
    lex = lexicon()
    assert len(lex.triggers) > 100
    for trig in lex.triggers:
        assert trig.type in vocab.plover_types(), trig.words
        assert vocab.code(trig.cameo) is not None, trig.words
        assert trig.example, trig.words


@pytest.mark.parametrize("trig", lexicon().triggers, ids=lambda t: "_".join(t.words))
def test_every_lexicon_example_gives_its_event(trig):
    found = events(trig.example, date(2020, 1, 1))
    assert trig.type in [e.type for e in found]


# -- clause grammar --------------------------------------------------------------

def test_meeting_with_partner_and_place():
    e = one("وزیر امور خارجه ایران روز دوشنبه در بغداد با همتای عراقی خود دیدار کرد.")
    assert (e.type, e.cameo, e.quad_class, e.goldstein) == ("CONSULT", "040", 1, 1.0)
    assert countries(e) == ("IRN", "IRQ")
    assert e.source.sector == "GOV"
    assert e.location.kb_id == "L:baghdad"
    assert e.date == "2021-06-28" and e.date_flag is None
    assert e.evidence == [(0, len("وزیر امور خارجه ایران روز دوشنبه در بغداد با همتای عراقی خود دیدار کرد."))]


def test_coordinated_subject_is_one_event_between_both():
    e = one("ایران و عراق درباره مرزهای مشترک توافق کردند.")
    assert e.type == "AGREE"
    assert countries(e) == ("IRN", "IRQ")


def test_future_meeting_is_agree_with_context_future():
    e = one("رئیس‌جمهور ترکیه و رئیس‌جمهور روسیه هفته آینده در آنکارا دیدار خواهند کرد.")
    assert (e.type, e.cameo) == ("AGREE", "036")
    assert "future" in e.context
    assert countries(e) == ("TUR", "RUS")
    assert e.date == "2021-07-03/2021-07-09"


def test_planned_with_qarar_ast_is_future():
    e = one("قرار است وزیر خارجه چین به تهران سفر کند.")
    assert e.type == "AGREE" and "future" in e.context
    assert countries(e) == ("CHN", "IRN")


def test_negated_support_is_rejection():
    e = one("روسیه از تحریم‌های جدید علیه ایران حمایت نمی‌کند.")
    assert e.type == "REJECT"
    assert e.source.country == "RUS"


def test_negated_event_is_marked():
    e = one("ارتش ترکیه به مواضع کردها در عراق حمله نکرد.")
    assert e.type == "ASSAULT" and "negated" in e.context


def test_request_from_someone():
    e = one("وزیر امور خارجه ایران از آمریکا خواست تحریم‌ها را لغو کند.")
    assert e.type == "REQUEST"
    assert countries(e) == ("IRN", "USA")


def test_object_with_ra_is_the_target():
    e = one("عراق سوریه را به دخالت در امور داخلی متهم کرد.")
    assert (e.type, e.cameo) == ("ACCUSE", "112")
    assert countries(e) == ("IRQ", "SYR")


def test_passive_voice_makes_the_subject_the_target():
    e = one("سفیر آلمان در تهران توسط پلیس ایران بازداشت شد.")
    assert e.type == "COERCE" and e.mode == "arrest"
    assert countries(e) == ("IRN", "DEU")


def test_phone_call_mode():
    e = one("رئیس‌جمهور فرانسه با صدراعظم آلمان گفت‌وگوی تلفنی کرد.")
    assert (e.type, e.mode, e.cameo) == ("CONSULT", "phone", "041")


def test_airstrike_mode():
    e = one("جنگنده‌های سعودی به مواضع انصارالله در یمن حمله هوایی کردند.")
    assert (e.type, e.mode, e.cameo) == ("ASSAULT", "aerial", "195")
    assert e.source.country == "SAU"


def test_recalling_own_ambassador_is_a_sanction():
    e = one("اسرائیل سفیر خود را از سوئد فراخواند.")
    assert (e.type, e.cameo) == ("SANCTION", "161")
    assert countries(e) == ("ISR", "SWE")


def test_event_restated_is_one_event_with_two_evidence_spans():
    text = "ایران و عراق توافقنامه همکاری امضا کردند.\n\nتوافقنامه همکاری دو کشور روز گذشته در بغداد امضا شد."
    found = events(text)
    signed = [e for e in found if e.type == "SUPPORT"]
    assert len(signed) == 1
    assert len(signed[0].evidence) == 2


def test_request_content_is_not_a_second_event():
    found = events("سازمان ملل خواستار توقف حملات هوایی عربستان به یمن شد.")
    assert [e.type for e in found] == ["REQUEST"]
    assert found[0].source.country == "UNO"


def test_interview_is_not_a_consultation():
    found = events("وزیر خارجه ایران در گفت‌وگو با شبکه الجزیره از سیاست‌های آمریکا انتقاد کرد.")
    assert [(e.type, *countries(e)) for e in found] == [("ACCUSE", "IRN", "USA")]


def test_sports_match_is_not_a_meeting():
    assert events("تیم فوتبال پرسپولیس در دیدار با استقلال به برتری رسید.") == []


def test_article_without_events_gives_empty_list():
    text = "هوای تهران امروز آفتابی است.\n\nدمای هوا در روزهای آینده کاهش می‌یابد و بارش باران پیش‌بینی می‌شود."
    assert events(text) == []


def test_attribution_names_the_agency_and_its_source():
    from khabar.ingest.reader import read

    raw = ("دیدار وزیران خارجه\n\nتهران - ایرنا - به گزارش ایرنا از تی.آر.تی، وزیر امور خارجه ترکیه با "
           "وزیر امور خارجه روسیه در آنکارا دیدار کرد.").encode()
    doc = khabar.analyze(read(raw, name="x.txt"), published=PUBLISHED)
    consult = [e for e in doc.events if e.type == "CONSULT"]
    assert consult and consult[0].attribution[:2] == ["IRNA", "TRT"]


def test_events_round_trip_through_json():
    doc = khabar.analyze("ایران و عراق درباره مرزهای مشترک توافق کردند.", published=PUBLISHED)
    data = doc.to_dict()
    assert data["events"][0]["type"] == "AGREE"
    assert data["events"][0]["source"]["country"] == "IRN"
    back = Doc.from_dict(data)
    assert back.events == doc.events


def test_empty_doc():
    assert extract_events(Doc(text="", raw_text="", offsets=[0])) == []


# -- the seed article ------------------------------------------------------------

def test_seed_six_events(shared_data):
    from khabar.ingest.reader import read

    doc = khabar.analyze(read(shared_data / "seed/irna-ankara-moscow.txt"), published=PUBLISHED)
    found = doc.events

    def pick(etype, a, b):
        return [e for e in found if e.type == etype and e.source and e.target
                and {e.source.kb_id, e.target.kb_id} == {a, b}]

    meeting = pick("AGREE", "P:cavusoglu", "P:lavrov")
    assert len(meeting) == 1
    m = meeting[0]
    assert "future" in m.context and m.date == "2021-06-30" and m.location.kb_id == "L:antalya"
    assert {m.source.country, m.target.country} == {"TUR", "RUS"}
    assert len(m.evidence) >= 3  # title, lead and the sentence that names the day
    call = pick("CONSULT", "P:putin", "P:erdogan")
    assert len(call) == 1 and call[0].mode == "phone"
    assert len(pick("AGREE", "P:putin", "P:erdogan")) == 1  # agreed to act together against terrorists
    thanks = pick("SUPPORT", "P:putin", "P:erdogan")
    assert len(thanks) == 1 and thanks[0].source.kb_id == "P:erdogan"  # Erdoğan thanked Putin
    promise = [e for e in found if e.type == "AGREE" and e.source and e.source.kb_id == "L:ankara"]
    assert len(promise) == 1 and promise[0].target.country == "RUS"
    together = [e for e in found if e.type == "COOPERATE" and {countries(e)[0], countries(e)[1]} == {"TUR", "RUS"}]
    assert len(together) == 1
    assert len(found) <= 6 + 2
    for e in found:
        assert e.attribution[:2] == ["IRNA", "TRT"]
        assert all(doc.text[a:b] for a, b in e.evidence)


# -- robustness --------------------------------------------------------------------

_WORDS = st.sampled_from([
    "ایران", "و", "عراق", "با", "دیدار", "کرد", "کردند", "خواهند", "نکرد", "را", "به", "از", "حمله", "که",
    "خواستار", "شد", "توافق", "«", "»", "،", ":", ".", "وی", "دو", "طرف", "این", "کشور", "مورد", "قرار",
    "گرفت", "داد", "گفت", "و", "گو", "تلفنی", "سفر", "هشدار", "آمریکا", "روسیه", "پوتین", "مذاکرات", "۱۲",
    "دیروز", "هفته", "آینده", "است", "بود", "ن", "\n", "خود", "سفیر", "فراخواند", "بازداشت", "اعزام",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_nothing_raises_on_trigger_soup(text):
    doc = khabar.analyze(text, published=PUBLISHED)
    for e in doc.events:
        assert e.type in vocab.plover_types()
        assert 0 <= e.start <= e.end <= len(doc.text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_nothing_raises_on_any_text(text):
    khabar.analyze(text, published=PUBLISHED)
