"""The html outputs (``render`` and ``report --format html``): structure, and a real load in headless Chromium.

The browser tests use Debian's ``chromium`` (``apt-get install -y --no-install-recommends chromium``) and are
skipped, with that reason, when it is absent. Chromium runs with networking off, so a page that needed the
network would render without its content and fail the text checks.
"""

from __future__ import annotations

import html.parser
import os
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from pledgewatch.cli import cli
from pledgewatch.render import render_document
from pledgewatch.report import format_report, summarize

TEXT = """Joint statement
November 1, 2025

The United States will suspend the tariffs announced on October 9 until November 10, 2026, and Beijing will take significant measures to curb exports of fentanyl precursors.
China will purchase 12 million metric tons of soybeans by December 31, 2025.
"""

CHROMIUM = next((p for p in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"))
                 if p), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed (Debian: apt-get install -y --no-install-recommends chromium)")


@pytest.fixture(scope="session")
def nlp():
    import pledgewatch

    return pledgewatch.load()


@pytest.fixture(scope="session")
def records(nlp):
    from pledgewatch import extract

    return extract(TEXT, doc_id="joint", doc_date="2025-11-01", nlp=nlp)


class _Checker(html.parser.HTMLParser):
    """Collects tags and checks that every opened non-void element is closed in order."""

    VOID = {"meta", "br", "img", "link", "input", "hr", "rect"}

    def __init__(self):
        super().__init__()
        self.stack, self.tags, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
        else:
            self.stack.pop()


def _check(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert not checker.errors and not checker.stack, (checker.errors, checker.stack)
    names = {t for t, _ in checker.tags}
    assert "script" not in names and "link" not in names and "img" not in names
    assert not any(v and str(v).startswith(("http:", "https:", "//")) for _, a in checker.tags for k, v in a.items()
                   if k in ("src", "href"))
    return checker


def _dump_dom(path, tmp_path) -> str:
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_render_marks_every_layer(records):
    page = render_document(TEXT, records, title="Joint statement")
    checker = _check(page)
    classes = " ".join(a.get("class", "") for _, a in checker.tags)
    for css in ("c-specific", "c-vague", "actor", "action", "deadline", "flag", "quantity"):
        assert css in classes, css
    assert page.count('class="note ') == len(records) >= 3
    china = next(r for r in records if r.actor and r.actor.canonical == "China" and r.specificity.label == "vague")
    assert "VAGUE_ACTION" in page and "NO_DEADLINE" in page and china.span.text.split()[0] in page


def test_render_handles_overlaps_and_escaping():
    text = "A <b>&</b> B"
    assert render_document(text, [], title="t<>").count("&lt;b&gt;&amp;&lt;/b&gt;") == 1


def test_cli_render_writes_the_page(tmp_path):
    source = tmp_path / "joint.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "joint.html"
    result = CliRunner().invoke(cli, ["render", str(source), "-o", str(out), "--doc-date", "2025-11-01"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and "wrote" in result.stderr
    _check(out.read_text(encoding="utf-8"))
    missing = CliRunner().invoke(cli, ["render", str(tmp_path / "nope.txt"), "-o", str(out)])
    assert missing.exit_code == 1 and "nope.txt" in missing.stderr and "Traceback" not in missing.output


@needs_chromium
def test_render_opens_in_chromium(records, tmp_path):
    path = tmp_path / "render.html"
    path.write_text(render_document(TEXT, records, title="Joint statement"), encoding="utf-8")
    dom = _dump_dom(path, tmp_path)
    assert "Joint statement" in dom and "fentanyl precursors" in dom
    assert 'class="note specific"' in dom and 'class="note vague"' in dom
    assert "VAGUE_ACTION" in dom and "2026-11-10" in dom


@needs_chromium
def test_report_html_opens_in_chromium(records, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(format_report(summarize(records, by="actor"), fmt="html"), encoding="utf-8")
    _check(path.read_text(encoding="utf-8"))
    dom = _dump_dom(path, tmp_path)
    assert "Commitments by actor" in dom and "United States" in dom and "China" in dom
    assert dom.count("<svg") == 2 and "Most concrete" in dom and "Vaguest" in dom
    assert "significant measures" in dom
