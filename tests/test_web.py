"""The web app through FastAPI's TestClient: pages, the JSON API, notes and
every guard, on a small corpus written for the tests (conftest_web)."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from conftest_web import MIXED_TITLE, XSS_BODY, XSS_TITLE, corpus_copy  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from khabar.web import Settings, SettingsError, create_app  # noqa: E402

BASE = "http://127.0.0.1:8000"
SPELLINGS = ("همکاری‌ها", "همکاریها", "همکاری ها")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return corpus_copy(tmp_path_factory)


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(Settings(db=db)), base_url=BASE) as c:
        yield c


@pytest.fixture
def own_db(tmp_path_factory):
    """A corpus of this test's own (notes written here are seen by no other test)."""
    return corpus_copy(tmp_path_factory)


def fresh(db, **kw) -> TestClient:
    """A client of a new app (its own rate limit and secret) over the same corpus."""
    return TestClient(create_app(Settings(db=db, **kw)), base_url=kw.pop("base", BASE))


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]{64})"', html).group(1)


# ---- pages


@pytest.mark.parametrize("path", ["/", "/search?q=ایران", "/articles/irna-1", "/entities/P:zarif",
                                  "/trends?q=ایران&q=ترکیه", "/events", "/events?actor=P:zarif", "/login"])
def test_pages_are_persian_rtl(client, path):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert '<html lang="fa" dir="rtl">' in r.text
    assert "/static/css/khabar.css" in r.text


@pytest.mark.parametrize("query", SPELLINGS)
def test_search_page_finds_every_spelling(client, query):
    html = client.get("/search", params={"q": query}).text
    for article_id in ("irna-1", "isna-3", "fars-4"):
        assert f'href="/articles/{article_id}"' in html
    assert 'href="/articles/tasnim-6"' not in html
    assert '<mark class="hl">' in html


def test_api_search_is_the_cli_json(client, db):
    """/api/search answers what `khabar search --json` prints."""
    from typer.testing import CliRunner

    from khabar.cli import app

    for query in SPELLINGS:
        api = client.get("/api/search", params={"q": query}).json()
        run = CliRunner().invoke(app, ["search", query, "--db", str(db), "--json"])
        assert run.exit_code == 0, run.output
        assert api == json.loads(run.stdout)
        assert api["total"] == 3
        assert {"id", "title", "url", "source", "published", "score", "snippet", "cluster"} <= set(api["hits"][0])


def test_search_collapses_copies_and_says_how_many_outlets(client):
    api = client.get("/api/search", params={"q": "آنکارا"}).json()
    assert api["total"] == 1
    assert api["hits"][0]["id"] == "irna-1"
    assert api["hits"][0]["cluster"] == {"id": "irna-1", "articles": 2, "outlets": 2}
    assert "منتشرشده در ۲ رسانه" in client.get("/search", params={"q": "آنکارا"}).text
    assert client.get("/api/search", params={"q": "آنکارا", "all": 1}).json()["total"] == 2


def test_search_facets_and_filters(client):
    api = client.get("/api/search", params={"q": "همکاری‌ها", "facets": 1}).json()
    sources = {s["source"]: s["articles"] for s in api["facets"]["sources"]}
    assert sources == {"IRNA": 1, "Mehr": 1, "ISNA": 1, "Fars": 1}  # every copy counts here
    assert [m["period"] for m in api["facets"]["months"]] == ["2021-07", "2021-06"]  # newest first
    assert api["facets"]["sample"] == {"articles": 4, "sampled": False}
    only = client.get("/api/search", params={"q": "همکاری‌ها", "source": "ISNA"}).json()
    assert [h["id"] for h in only["hits"]] == ["isna-3"]
    named = client.get("/api/search", params={"q": "همکاری‌ها", "entity": "P:zarif"}).json()
    assert {h["id"] for h in named["hits"]} == {"irna-1", "isna-3"}


def test_jalali_date_filter(client):
    # 1400-04-10 is 2021-07-01: the meeting of 9 Tir (30 June) is before it
    after = client.get("/api/search", params={"q": "همکاری‌ها", "from": "۱۴۰۰-۰۴-۱۰"}).json()
    assert {h["id"] for h in after["hits"]} == {"isna-3", "fars-4"}
    tir = client.get("/api/search", params={"q": "همکاری‌ها", "from": "1400-04", "to": "1400-04"}).json()
    assert {h["id"] for h in tir["hits"]} == {"irna-1", "isna-3", "fars-4"}


def test_malformed_query_is_a_message_not_a_crash(client):
    page = client.get("/search", params={"q": '"unclosed'})
    assert page.status_code == 400
    assert "پرسش خوانا نیست" in page.text
    api = client.get("/api/search", params={"q": '"unclosed'})
    assert api.status_code == 400
    assert "unclosed quote" in api.json()["detail"]
    assert client.get("/api/search", params={"q": "x", "from": "نه"}).status_code == 400


def test_dates_side_by_side_in_persian_digits(client):
    html = client.get("/articles/irna-1").text
    assert "۹ تیر ۱۴۰۰" in html and "۳۰ ژوئن ۲۰۲۱" in html
    assert "ساعت ۱۰:۰۰" in html
    home = client.get("/").text
    assert re.search(r"<b>۶</b> خبر", home)


# ---- article


def test_article_highlights_every_layer(client):
    html = client.get("/articles/irna-1").text
    assert re.search(r'<mark class="ent ent-PER" data-ann="e\d+" title="[^"]*Mohammad Javad Zarif', html)
    assert re.search(r'<mark class="ent ent-LOC" data-ann="e\d+" title="[^"]*Ankara', html)
    assert re.search(r'<mark class="qty" data-ann="q\d+" title="[^"]*USD', html)
    assert re.search(r'<mark class="tm" data-ann="t\d+" title="[^"]*2021-06-30', html)
    assert re.search(r'<mark class="evt" data-ann="v\d+" title="[^"]*CONSULT', html)
    assert 'href="/entities/P%3Azarif"' in html
    assert 'id="original"' in html and "متن اصلی" in html


def test_original_text_is_the_raw_spans(client):
    """The original view marks the same annotations on the text as the source wrote it."""
    data = client.get("/api/articles/isna-3").json()
    doc = data["doc"]
    html = client.get("/articles/isna-3").text
    raw_view = html[html.index('id="raw"'):]
    for entity in doc["entities"]:
        a, b = entity["raw"]
        assert doc["raw_text"][a:b] in raw_view
    # the normalized view restores the half-space that the source left out
    assert "همکاری\u200cها" in doc["text"] and "همکاریها" in doc["raw_text"]
    text_view = html[html.index('id="text"'):html.index('id="raw"')]
    assert "همکاریها" not in text_view and "همکاریها" in raw_view


def test_article_api_carries_the_doc(client):
    data = client.get("/api/articles/irna-1").json()
    assert data["article"]["id"] == "irna-1"
    assert data["article"]["cluster"]["articles"] == 2
    assert [c["id"] for c in data["article"]["copies"]] == ["mehr-2"]
    from khabar.model import Doc

    doc = Doc.from_dict(data["doc"])
    assert any(e.kb_id == "P:zarif" for e in doc.entities)
    assert doc.to_dict() == data["doc"]


def test_article_not_found(client):
    r = client.get("/articles/no-such-article")
    assert r.status_code == 404 and '<html lang="fa" dir="rtl">' in r.text
    assert client.get("/api/articles/no-such-article").json() == {
        "detail": "no article 'no-such-article' in this corpus"}


def test_article_ids_with_slashes(db, tmp_path):
    """A URL used as an id reaches its page (percent-encoded in links)."""
    import shutil

    copy = tmp_path / "c.db"
    shutil.copy(db, copy)
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE articles SET id = 'https://x.ir/a?b=1#c' WHERE id = 'tasnim-6'")
    conn.commit()
    conn.close()
    with fresh(copy) as c:
        assert 'href="/articles/https%3A%2F%2Fx.ir%2Fa%3Fb%3D1%23c"' in c.get("/search", params={"q": "فوتبال"}).text
        assert c.get("/articles/https%3A%2F%2Fx.ir%2Fa%3Fb%3D1%23c").status_code == 200


# ---- escaping


def test_script_in_a_title_is_text(client):
    for path in ("/search?q=کشاورزی", "/articles/fars-4", "/"):
        html = client.get(path).text
        assert "<script>window.__xss" not in html
        assert "&lt;script&gt;window.__xss = 1; alert(&#34;xss&#34;)&lt;/script&gt;" in html
    html = client.get("/articles/fars-4").text
    assert '<img src="x"' not in html
    assert "&lt;img src=&#34;x&#34; onerror=&#34;window.__xss = " in html
    assert client.get("/api/articles/fars-4").json()["article"]["title"] == XSS_TITLE
    assert XSS_BODY in client.get("/api/articles/fars-4").json()["article"]["body"]


def test_every_response_has_the_security_headers(client):
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_mixed_title_is_kept_whole(client):
    html = client.get("/search", params={"q": "وین"}).text
    assert MIXED_TITLE in html


# ---- entity, trends, events


def test_entity_page_and_api(client):
    data = client.get("/api/entities/P:zarif").json()
    assert data["entity"]["name_en"] == "Mohammad Javad Zarif"
    assert data["articles"] == 3 and data["stories"] == 2
    assert data["interval"] == "day"
    assert [(p["period"], p["articles"]) for p in data["attention"]] == [
        ("2021-06-30", 2), ("2021-07-01", 0), ("2021-07-02", 1)]
    assert any(o["kb_id"] == "P:cavusoglu" for o in data["cooccurring"])
    assert {e["type"] for e in data["events"]} >= {"CONSULT"}
    html = client.get("/entities/P:zarif").text
    chart = json.loads(re.search(r'<script type="application/json" id="attention-data">(.*?)</script>', html).group(1))
    assert chart["series"][0]["data"] == [2, 0, 1]
    assert chart["labels"] == ["۹ تیر ۱۴۰۰", "۱۰ تیر ۱۴۰۰", "۱۱ تیر ۱۴۰۰"]
    assert client.get("/entities/X:none").status_code == 404


def test_trends_compare_queries(client):
    data = client.get("/api/trends", params=[("q", "همکاری‌ها"), ("q", "ایران"), ("interval", "month")]).json()
    assert data["periods"] == ["2021-06", "2021-07", "2021-08"]
    first, second = data["series"]
    assert first["query"] == "همکاری‌ها" and first["articles"] == [2, 2, 0]  # copies count here
    assert second["articles"] == [2, 2, 1]
    assert second["share"] == [1.0, 0.6667, 1.0]
    assert client.get("/api/trends").status_code == 400
    assert client.get("/api/trends", params={"q": "x", "interval": "hour"}).status_code == 400
    assert "همه خبرهای این صافی" in client.get("/trends", params={"entity": "P:zarif"}).text


def test_events_once_per_story(client):
    data = client.get("/api/events").json()
    consult = [e for e in data["events"] if e["type"] == "CONSULT"]
    assert len(consult) == 1 and consult[0]["copies"] == 2 and consult[0]["article_id"] == "irna-1"
    assert {(t["period"], t["type"]) for t in data["timeline"]} >= {("2021-06", "CONSULT")}
    assert any(e["type"] == "CONSULT" and e["events"] == 1 for e in data["network"])
    html = client.get("/events").text
    assert "<svg" in html and html.count("<path d=\"M ") - html.count("<marker") == 2  # CONSULT, COOPERATE
    assert client.get("/api/events", params={"type": "CONSULT", "country": "TUR"}).json()["total"] == 1
    assert client.get("/api/events", params={"actor": "P:zanganeh"}).json()["total"] == 0


# ---- exports


def test_exports(client):
    r = client.get("/export/search.csv", params={"q": "همکاری‌ها"})
    assert r.headers["content-disposition"] == 'attachment; filename="khabar-search.csv"'
    assert r.text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert {row["id"] for row in rows} == {"irna-1", "isna-3", "fars-4"}
    fars = next(row for row in rows if row["id"] == "fars-4")
    assert fars["title"] == XSS_TITLE
    lines = client.get("/export/events.jsonl").text.splitlines()
    assert {json.loads(line)["type"] for line in lines} >= {"CONSULT"}
    trend = client.get("/export/trends.csv", params=[("q", "ایران"), ("interval", "month")]).text
    assert "ایران,2021-06,2,1,2,1.0" in trend  # two articles, one story
    assert client.get("/export/nothing.csv").status_code == 404


def test_csv_cells_never_run_as_formulas():
    from khabar.web.exports import csv_lines

    text = "".join(csv_lines([{"a": "=HYPERLINK(1)", "b": -2, "c": "@x"}], ["a", "b", "c"]))
    assert text.splitlines()[1] == "'=HYPERLINK(1),-2,'@x"


# ---- API docs and static files


def test_openapi_docs_offline(client):
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "http" not in html.replace("http-equiv", "")
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/notes", "/api/articles/{article_id}", "/api/entities/{kb_id}"} <= set(spec["paths"])
    for path in ("vendor/swagger-ui-dist/swagger-ui-bundle.js", "vendor/chart.js/chart.umd.min.js",
                 "vendor/vazirmatn/Vazirmatn-Variable.woff2", "js/charts.js", "js/article.js"):
        r = client.get(f"/static/{path}")
        assert r.status_code == 200 and len(r.content) > 500, path


# ---- notes


def post(c: TestClient, body: dict, **headers) -> object:
    return c.post("/api/notes", content=json.dumps(body), headers={"content-type": "application/json", **headers})


def test_notes_thread_edit_delete(own_db):
    with fresh(own_db) as c:
        first = post(c, {"target_type": "article", "target_id": "irna-1", "parent_id": None,
                         "author": "مریم", "text": "یادداشت نخست"})
        assert first.status_code == 201
        note = first.json()
        assert note["author"] == "مریم" and note["mine"] and note["author_key"]
        key = note["author_key"]
        reply = post(c, {"target_type": "article", "target_id": "irna-1", "parent_id": note["id"],
                         "author": "Ali", "text": "a reply"}, **{"x-khabar-author-key": "k" * 20})
        assert reply.status_code == 201 and "author_key" not in reply.json()
        second = post(c, {"target_type": "article", "target_id": "irna-1", "parent_id": None,
                          "author": "مریم", "text": "یادداشت دوم"})
        tree = c.get("/api/notes", params={"target_type": "article", "target_id": "irna-1"}).json()["notes"]
        assert [n["text"] for n in tree] == ["یادداشت دوم", "یادداشت نخست"]
        assert [r["text"] for r in tree[1]["replies"]] == ["a reply"]
        # only its author edits or deletes it
        other = {"content-type": "application/json", "x-khabar-author-key": "z" * 20}
        assert c.patch(f"/api/notes/{note['id']}", content='{"text": "x"}', headers=other).status_code == 403
        assert c.delete(f"/api/notes/{note['id']}", headers=other).status_code == 403
        mine = {"content-type": "application/json", "x-khabar-author-key": key}
        edited = c.patch(f"/api/notes/{note['id']}", content=json.dumps({"text": "ویرایش شد"}), headers=mine)
        assert edited.status_code == 200 and edited.json()["text"] == "ویرایش شد" and edited.json()["updated"]
        # deleted with a reply: a stub keeps the thread; without: gone
        assert c.delete(f"/api/notes/{note['id']}", headers=mine).status_code == 204
        assert c.delete(f"/api/notes/{second.json()['id']}", headers=mine).status_code == 204
        tree = c.get("/api/notes", params={"target_type": "article", "target_id": "irna-1"}).json()["notes"]
        assert len(tree) == 1 and tree[0]["deleted"] and tree[0]["text"] == ""
        assert tree[0]["replies"][0]["text"] == "a reply"


def test_notes_on_entities_and_events(own_db):
    with fresh(own_db) as c:
        base = {"parent_id": None, "author": "R", "text": "t"}
        assert post(c, {**base, "target_type": "entity", "target_id": "P:zarif"}).status_code == 201
        assert post(c, {**base, "target_type": "event", "target_id": "irna-1#0"}).status_code == 201
        assert post(c, {**base, "target_type": "event", "target_id": "irna-1#99"}).status_code == 404
        assert post(c, {**base, "target_type": "article", "target_id": "nope"}).status_code == 404
        assert post(c, {**base, "target_type": "story", "target_id": "irna-1"}).status_code == 422
        assert "یادداشت‌ها (۱)" in c.get("/articles/irna-1").text
        assert '<p class="note-text" dir="auto">t</p>' in c.get("/entities/P:zarif").text


def test_note_validation(own_db):
    with fresh(own_db) as c:
        base = {"target_type": "article", "target_id": "irna-1", "parent_id": None, "author": "R"}
        assert post(c, {**base, "text": "x" * 4001}).status_code == 413
        assert post(c, {**base, "text": "   "}).status_code == 422
        assert post(c, {**base, "text": "a\x00b"}).status_code == 422
        assert post(c, {**base, "author": "n" * 81, "text": "t"}).status_code == 413
        assert post(c, {**base, "parent_id": 10**9, "text": "t"}).status_code == 422
        assert c.post("/api/notes", content="not json", headers={"content-type": "application/json"}).status_code == 400
        assert c.post("/api/notes", content="x" * 70_000, headers={"content-type": "application/json"}).status_code == 413


def test_note_text_is_escaped(own_db):
    with fresh(own_db) as c:
        post(c, {"target_type": "article", "target_id": "isna-3", "parent_id": None,
                 "author": "<b>x</b>", "text": "<script>alert(1)</script>"})
        html = c.get("/articles/isna-3").text
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_json_api_only_takes_json_from_this_origin(own_db):
    with fresh(own_db) as c:
        body = json.dumps({"target_type": "article", "target_id": "irna-1", "parent_id": None, "author": "a", "text": "t"})
        form = c.post("/api/notes", content=body, headers={"content-type": "text/plain"})
        assert form.status_code == 415
        for header in ({"origin": "https://evil.example"}, {"referer": "https://evil.example/page"},
                       {"origin": "http://127.0.0.1:9999"}):
            r = c.post("/api/notes", content=body, headers={"content-type": "application/json", **header})
            assert r.status_code == 403, header
        same = c.post("/api/notes", content=body, headers={"content-type": "application/json", "origin": BASE})
        assert same.status_code == 201


def test_html_forms_need_their_csrf_token(own_db):
    with fresh(own_db) as c:
        page = c.get("/articles/irna-1")
        token = csrf_of(page.text)
        form = {"target_type": "article", "target_id": "irna-1", "author": "مریم", "text": "از فرم",
                "next": "/articles/irna-1"}
        assert c.post("/notes", data=form).status_code == 403
        assert c.post("/notes", data={**form, "csrf": "0" * 64}).status_code == 403
        done = c.post("/notes", data={**form, "csrf": token}, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"].startswith("/articles/irna-1#note-")
        html = c.get("/articles/irna-1").text
        assert "از فرم" in html and 'action="/notes/' in html  # its author sees edit and delete
        note_id = int(done.headers["location"].rsplit("-", 1)[1])
        reply = c.post("/notes", data={**form, "text": "پاسخ از فرم", "parent_id": str(note_id), "csrf": token,
                                       "next": "//evil.example/"}, follow_redirects=False)
        assert reply.headers["location"].startswith("/#note-")  # never off-site
        edit = c.post(f"/notes/{note_id}/edit", data={"text": "ویرایش از فرم", "csrf": token, "next": "/articles/irna-1"},
                      follow_redirects=False)
        assert edit.status_code == 303 and "ویرایش از فرم" in c.get("/articles/irna-1").text
        # another browser (no author cookie) may not delete it
        with fresh(own_db) as other:
            other_token = csrf_of(other.get("/articles/irna-1").text)
            assert other.post(f"/notes/{note_id}/delete", data={"csrf": other_token}).status_code == 403


def test_writes_are_rate_limited(own_db):
    with fresh(own_db, writes_per_minute=1, write_burst=3) as c:
        body = {"target_type": "article", "target_id": "irna-1", "parent_id": None, "author": "a", "text": "t"}
        codes = [post(c, body).status_code for _ in range(5)]
        assert codes == [201, 201, 201, 429, 429]
        assert int(post(c, body).headers["retry-after"]) > 0


def test_token_beyond_loopback(own_db):
    with pytest.raises(SettingsError, match="give a token"):
        Settings(db=own_db, host="0.0.0.0")
    with pytest.raises(SettingsError, match="at least 8"):
        Settings(db=own_db, host="0.0.0.0", token="short")
    app = create_app(Settings(db=own_db, host="0.0.0.0", token="s3cret-token"))
    with TestClient(app, base_url="http://10.0.0.5:8000") as c:
        body = {"target_type": "article", "target_id": "irna-1", "parent_id": None, "author": "a", "text": "t"}
        assert post(c, body).status_code == 401
        assert post(c, body, authorization="Bearer wrong-token").status_code == 401
        assert post(c, body, authorization="Bearer s3cret-token").status_code == 201
        assert c.get("/search?q=ایران").status_code == 200  # reading needs no token
        page = c.get("/articles/irna-1").text
        assert "/login?next=" in page and 'action="/notes"' not in page
        token = csrf_of(c.get("/login").text)
        assert c.post("/login", data={"token": "nope-nope", "csrf": token}).status_code == 401
        c.post("/login", data={"token": "s3cret-token", "csrf": token, "next": "/articles/irna-1"})
        assert 'action="/notes"' in c.get("/articles/irna-1").text


def test_host_header_must_be_this_machine(client):
    assert client.get("/", headers={"host": "evil.example:8000"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200
    assert client.get("/", headers={"host": "[::1]:8000"}).status_code == 200


def test_pages_read_through_a_read_only_connection(client, db):
    with client.app.state.db.reader() as conn, pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM articles")
    before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    for path in ("/", "/search?q=ایران", "/articles/irna-1", "/entities/P:zarif", "/events", "/trends?q=ایران"):
        client.get(path)
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0] == before


def test_a_corpus_that_cannot_be_written_serves_pages_but_no_notes(own_db, monkeypatch):
    from khabar.store import notes

    def refuse(conn):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(notes, "ensure_table", refuse)
    with fresh(own_db) as c:
        page = c.get("/articles/irna-1")
        assert page.status_code == 200 and "فقط‌خواندنی" in page.text and 'action="/notes"' not in page.text
        body = {"target_type": "article", "target_id": "irna-1", "parent_id": None, "author": "a", "text": "t"}
        assert post(c, body).status_code == 503


# ---- the command


def test_serve_refuses_without_token_beyond_loopback(db):
    import typer
    from typer.testing import CliRunner

    from khabar.cli_web import register

    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)  # two commands, so that "serve" is named
    run = CliRunner().invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0"], env={"KHABAR_TOKEN": ""})
    assert run.exit_code == 2
    assert "give a token" in run.output
    missing = CliRunner().invoke(app, ["serve", "--db", str(db.parent / "none.db")])
    assert missing.exit_code == 1 and "no such corpus" in missing.output


# ---- small parts


def test_cut_handles_overlaps_and_paragraphs():
    from khabar.web.highlight import _cut

    text = "abcdef\n\nghij"
    paragraphs = _cut(text, [(1, 4, "a"), (2, 3, "b"), (3, 10, "c")])
    flat = [[(s.text, s.anns) for s in p] for p in paragraphs]
    assert flat == [[("a", []), ("b", ["a"]), ("c", ["a", "b"]), ("d", ["a", "c"]), ("ef", ["c"])],
                    [("gh", ["c"]), ("ij", [])]]


def test_formats():
    from khabar.web import fmt

    assert fmt.fa_number(1234567) == "۱٬۲۳۴٬۵۶۷"
    assert fmt.both_dates("2021-06-30T10:00:00+04:30") == "۹ تیر ۱۴۰۰ (۳۰ ژوئن ۲۰۲۱)"
    assert fmt.period_label("2021-07") == "ژوئیه ۲۰۲۱"
    assert fmt.jalali(None) == "" and fmt.jalali("garbage") == ""


def test_date_bounds():
    from khabar.store.query import QueryError
    from khabar.web.views.common import date_bound

    assert date_bound("1400", end=False) == "2021-03-21"
    assert date_bound("۱۴۰۰-۱۲", end=True) == "2022-03-20"
    assert date_bound("2021-6", end=True) == "2021-06"
    with pytest.raises(QueryError):
        date_bound("1400-13-01", end=False)


def test_tops_are_counted_over_a_bounded_sample(client, monkeypatch):
    """Facets, tops and the events table read at most sample.K articles, and say so."""
    from khabar.web.views import sample

    monkeypatch.setattr(sample, "K", 2)
    api = client.get("/api/search", params={"q": "همکاری‌ها", "facets": 1}).json()
    assert api["total"] == 3  # the hits are never sampled
    assert api["facets"]["sample"] == {"articles": 2, "sampled": True}
    assert sum(s["articles"] for s in api["facets"]["sources"]) == 2
    assert "خبرِ مرتبط‌تر" in client.get("/search", params={"q": "همکاری‌ها"}).text
    entity = client.get("/api/entities/P:zarif").json()
    assert entity["articles"] == 3 and entity["stories"] is None and entity["sample"]["sampled"]
    assert [h["id"] for h in entity["latest"]] == ["isna-3", "irna-1"]
