"""The web app in a real browser: Playwright driving Debian's Chromium against
`khabar serve` on a corpus built for the tests. Screenshots of every page go
to tests/artifacts/ (not committed).

Chromium is installed with apt-get when /usr/bin/chromium is missing (as
root); the tests skip only when that cannot be done. Playwright never
downloads a browser here."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api")
pytest.importorskip("uvicorn")

from conftest_web import MIXED_TITLE, corpus_copy  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).parent / "artifacts"
SPELLINGS = ("همکاری‌ها", "همکاریها", "همکاری ها")
# `khabar serve` as cli_web registers it (whatever cli.py does with it).
LAUNCH = "import typer; from khabar.cli_web import register; app = typer.Typer(); register(app); app()"


def _chromium() -> Path:
    """Debian's Chromium, installed if missing and possible; else the tests skip."""
    if not CHROMIUM.exists() and shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        quiet = {"env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "timeout": 1200}
        if subprocess.run(["apt-get", "install", "-y", "chromium"], **quiet).returncode != 0:
            subprocess.run(["apt-get", "update"], **quiet)
            subprocess.run(["apt-get", "install", "-y", "chromium"], **quiet)
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium and it could not be installed (apt-get install chromium)")
    return CHROMIUM


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`khabar serve` in a child process; `restart()` stops it and starts another on the same port."""

    def __init__(self, db: Path, log: Path) -> None:
        self.db, self.log, self.port = db, log, _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        with self.log.open("a") as out:
            self.proc = subprocess.Popen([sys.executable, "-c", LAUNCH, "--db", str(self.db), "--port",
                                          str(self.port)], stdout=out, stderr=out)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/static/css/khabar.css", timeout=2):
                    return
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.2)
        raise RuntimeError(f"khabar serve did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = corpus_copy(tmp_path_factory)
    srv = Server(db, db.parent / "serve.log")
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser():
    path = _chromium()
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(path), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A page that records every request leaving this machine (there must be none)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fa-IR")
    tab = context.new_page()
    tab.outside = []
    tab.on("request", lambda r: None if r.url.startswith((server.base, "data:")) else tab.outside.append(r.url))
    yield tab
    context.close()


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def search_from_box(page, server, query: str) -> list[str]:
    page.goto(server.base + "/")
    page.fill(".hero input[name=q]", query)
    with page.expect_navigation():
        page.press(".hero input[name=q]", "Enter")
    return page.eval_on_selector_all(".hits a.hit-title", "links => links.map(a => a.getAttribute('href'))")


def test_search_finds_every_spelling(page, server):
    for query in SPELLINGS:
        found = search_from_box(page, server, query)
        assert {"/articles/irna-1", "/articles/isna-3", "/articles/fars-4"} <= set(found), query
        assert page.locator(".hits mark.hl").count() >= 3
    assert page.locator(".facet").count() >= 3
    shot(page, "search")
    assert page.outside == []


def test_result_opens_the_article_with_highlights(page, server):
    search_from_box(page, server, "همکاری‌ها")
    with page.expect_navigation():
        page.click('a.hit-title[href="/articles/irna-1"]')
    assert page.url.endswith("/articles/irna-1")
    assert page.locator("#text mark.ent").count() >= 5
    assert page.locator("#text mark.qty").count() >= 2 and page.locator("#text mark.tm").count() >= 1
    page.locator("#text mark.ent-PER").first.click()
    card = page.locator("#ann-card")
    assert card.is_visible() and "Mohammad Javad Zarif" in card.inner_text()
    assert page.locator('#raw mark.active').count() >= 1  # the same span, marked in the original text
    assert not page.locator("#raw").is_visible()
    page.click("#original summary")
    assert page.locator("#raw").is_visible()
    shot(page, "article")
    assert page.outside == []


def test_entity_chart_has_points(page, server):
    page.goto(server.base + "/entities/P:zarif")
    page.wait_for_function("window.khabarCharts && window.khabarCharts.attention")
    data = page.evaluate("window.khabarCharts.attention.data.datasets[0].data")
    points = page.evaluate("window.khabarCharts.attention.getDatasetMeta(0).data.length")
    assert data == [2, 0, 1] and points == 3
    labels = page.evaluate("window.khabarCharts.attention.data.labels")
    assert labels == ["۹ تیر ۱۴۰۰", "۱۰ تیر ۱۴۰۰", "۱۱ تیر ۱۴۰۰"]
    shot(page, "entity")


def test_note_and_reply_survive_a_restart(page, server):
    page.goto(server.base + "/articles/isna-3")
    form = page.locator("#notes > form.note-form")
    form.locator("input[name=author]").fill("مریم")
    form.locator("textarea[name=text]").fill("این خبر با خبر دیروز ایرنا هم‌خوان است.")
    with page.expect_navigation():
        form.locator("button").click()
    note = page.locator("#notes li.note").first
    assert "هم‌خوان" in note.inner_text()
    note.locator("details summary", has_text="پاسخ").click()
    reply_form = note.locator("form.note-form").first
    reply_form.locator("input[name=author]").fill("Ali")
    reply_form.locator("textarea[name=text]").fill("موافقم؛ رقم ۳۰ میلیارد دلار را هم ببینید.")
    with page.expect_navigation():
        reply_form.locator("button").click()

    def check() -> None:
        top = page.locator("#notes > ol.notes > li.note")
        assert top.count() == 1
        assert "مریم" in top.first.locator(".note-head").first.inner_text()
        nested = top.first.locator("ol.replies > li.note")
        assert nested.count() == 1 and "موافقم" in nested.first.inner_text()

    check()
    server.restart()
    page.goto(server.base + "/articles/isna-3#notes")
    check()
    shot(page, "notes")


def test_script_in_a_title_does_not_run(page, server):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("/search?q=کشاورزی", "/articles/fars-4", "/"):
        page.goto(server.base + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__xss") == "undefined", path
    assert dialogs == []
    assert "<script>window.__xss = 1" in page.locator(".hit-title", has_text="کشاورزی").first.inner_text()
    page.goto(server.base + "/articles/fars-4")
    assert '<img src="x"' in page.locator("#text").inner_text()
    shot(page, "escaped")


def test_mixed_title_reads_right_to_left(page, server):
    """In the title "نشست OPEC+ در وین با حضور ۲۳ کشور؛ قیمت Brent به ۷۵ دلار رسید" each
    word stands right of the one after it, Latin words and numbers included."""
    page.goto(server.base + "/search?q=وین")
    link = page.locator("a.hit-title").first
    assert link.inner_text() == MIXED_TITLE
    words = ["نشست", "OPEC+", "وین", "۲۳", "قیمت", "Brent", "۷۵", "رسید"]
    xs = link.evaluate("""(a, words) => {
        const node = a.firstChild, text = node.textContent;
        return words.map(w => { const r = document.createRange(), i = text.indexOf(w);
            r.setStart(node, i); r.setEnd(node, i + w.length); return r.getBoundingClientRect().left; });
    }""", words)
    assert xs == sorted(xs, reverse=True), list(zip(words, xs, strict=True))
    shot(page, "mixed-title")


def test_every_page_renders_offline(page, server):
    pages = {"home": "/", "trends": "/trends?q=همکاری‌ها&q=ایران", "events": "/events",
             "entity-place": "/entities/L:ankara", "docs": "/docs"}
    for name, path in pages.items():
        response = page.goto(server.base + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        shot(page, name)
    page.goto(server.base + "/trends?q=همکاری‌ها&q=ایران")
    page.wait_for_function("window.khabarCharts && window.khabarCharts.attention")
    assert page.evaluate("window.khabarCharts.attention.data.datasets.length") == 2
    page.click('.chart-tools [data-mode="share"]')
    assert page.evaluate("window.khabarCharts.attention.data.datasets[1].data") == [100, 66.7, 100]
    page.goto(server.base + "/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=20000)  # Swagger UI ran, from the package
    assert page.outside == []
