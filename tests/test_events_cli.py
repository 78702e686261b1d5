"""`khabar events FILE...`: the text view, --json, --format plover|tsv, batches
over folders and JSONL, and inputs that cannot be read."""

import json
import subprocess
import sys

MEETING = "وزیر امور خارجه ایران روز دوشنبه در بغداد با همتای عراقی خود دیدار کرد."
THREAT = "اسرائیل حماس را به حمله نظامی تهدید کرد."


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "khabar", "events", *args], input=stdin,
                          capture_output=True, timeout=120)


def test_text_view(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(MEETING, encoding="utf-8")
    res = run(str(p), "--published", "2021-06-28")
    assert res.returncode == 0, res.stderr
    out = res.stdout.decode()
    assert "CONSULT" in out and "IRN/GOV" in out and "IRQ/GOV" in out and "2021-06-28" in out
    assert "1 articles, 0 inputs skipped" in res.stderr.decode()


def test_json_one_object_per_article(tmp_path):
    records = tmp_path / "news.jsonl"
    lines = [{"title": "دیدار", "body": MEETING}, {"title": "تهدید", "body": THREAT}]
    records.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    res = run(str(records), "--json", "--published", "2021-06-28")
    assert res.returncode == 0, res.stderr
    out = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert [r["input"] for r in out] == [f"{records}:1", f"{records}:2"]
    assert [e["type"] for e in out[0]["events"]] == ["CONSULT"]
    assert [e["type"] for e in out[1]["events"]] == ["THREATEN"]
    assert out[1]["events"][0]["source"]["country"] == "ISR"
    assert out[1]["events"][0]["raw"]  # offsets into the input text


def test_plover_records(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(MEETING, encoding="utf-8")
    res = run(str(p), "--format", "plover", "--published", "2021-06-28")
    assert res.returncode == 0, res.stderr
    (rec,) = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert rec["event_type"] == "CONSULT" and rec["cameo"] == "040"
    assert rec["actor"]["code"] == "IRNGOV" and rec["recipient"]["country"] == "IRQ"
    assert rec["location"]["kb_id"] == "L:baghdad"
    assert rec["evidence"][0]["text"] == MEETING
    assert rec["id"].endswith("-1") and rec["date"] == "2021-06-28"


def test_tsv_table_over_a_folder(tmp_path):
    (tmp_path / "one.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "two.txt").write_text(THREAT, encoding="utf-8")
    res = run(str(tmp_path), "--format", "tsv", "--published", "2021-06-28")
    assert res.returncode == 0, res.stderr
    rows = [line.split("\t") for line in res.stdout.decode().splitlines()]
    head = rows[0]
    assert head[:3] == ["GlobalEventID", "Day", "Actor1Code"]
    body = [dict(zip(head, r, strict=True)) for r in rows[1:]]
    assert [(r["PloverType"], r["Actor1Code"], r["EventCode"], r["Day"]) for r in body] == [
        ("CONSULT", "IRNGOV", "040", "20210628"), ("THREATEN", "ISR", "138", "20210628")]


def test_unreadable_inputs_are_one_line_each_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(MEETING, encoding="utf-8")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    res = run(str(binary), str(tmp_path / "missing.txt"), str(good))
    assert res.returncode == 0
    err = res.stderr.decode()
    assert "Traceback" not in err
    assert f"skipped {binary}" in err and f"skipped {tmp_path / 'missing.txt'}" in err
    assert "CONSULT" in res.stdout.decode()


def test_nothing_readable_exits_1():
    res = run("-", stdin=b"")
    assert res.returncode == 1
    assert "skipped stdin: empty input" in res.stderr.decode() and "Traceback" not in res.stderr.decode()


def test_bad_format_is_a_usage_error(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(MEETING, encoding="utf-8")
    res = run(str(p), "--format", "xml")
    assert res.returncode == 2 and "Traceback" not in res.stderr.decode()


def test_published_reads_jalali_dates_like_analyze():
    from datetime import date

    from khabar.cli_events import _published

    assert _published("1400-04-09") == date(2021, 6, 30)  # was read as Gregorian year 1400
