"""The dashboard in headless Chromium: load, filter by a dyad, open an event, see the highlighted
Arabic evidence; every view at laptop and phone width; article HTML is never executed."""

from __future__ import annotations

import re

import pytest
from storefix import XSS_PAYLOAD

pytestmark = pytest.mark.browser
ARABIC = re.compile(r"[\u0600-\u06FF]")


def wait_ready(page) -> None:
    page.wait_for_selector("html[data-ready]", timeout=30_000)
    page.wait_for_selector("#map svg", timeout=30_000)
    page.wait_for_selector("#timeline svg", timeout=30_000)


def test_dashboard_filter_dyad_open_event_highlights_evidence(page, server, shots):
    page.goto(server + "/")
    wait_ready(page)
    assert page.locator("#events tbody tr[data-event]").count() >= 3
    assert page.locator("#map circle.bubble").count() >= 1
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)

    page.fill("input[name=dyad]", "egy,isr")
    page.click("button[type=submit]")
    page.wait_for_function("() => document.querySelector('#timeline-title').textContent.includes('EGY')")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#events tbody tr[data-event]')].length > 0 && "
        "[...document.querySelectorAll('#events tbody tr[data-event]')].every("
        "r => /EGY/.test(r.textContent) && /ISR/.test(r.textContent))")
    page.screenshot(path=str(shots / "dashboard_dyad.png"), full_page=True)

    page.locator("#events tbody tr[data-event]", has_text="رفح").first.click()
    page.wait_for_selector("html[data-detail] #article-text .hl-evidence", timeout=30_000)
    text = page.locator("#article-text")
    assert text.get_attribute("dir") == "rtl"
    evidence = "".join(page.locator("#article-text .hl-evidence").all_text_contents())
    assert ARABIC.search(evidence) and "القصف الإسرائيلي" in evidence
    assert page.locator("#article-text .hl-trigger").first.text_content() == "أدانت"
    assert page.locator("#article-text .hl-source").first.text_content() == "مصر"
    assert page.locator("#article-text .hl-place").first.text_content() == "رفح"
    card = page.locator("#event-card").text_content()
    assert "Criticize or denounce" in card and "انتقاد أو إدانة" in card
    page.screenshot(path=str(shots / "event.png"), full_page=True)
    assert not page.console_errors, page.console_errors


def test_article_html_is_shown_literally_and_never_executed(page, server, shots):
    page.goto(server + "/#/article/fx-xss")
    page.wait_for_selector("html[data-detail] #article-text .hl-trigger", timeout=30_000)
    assert XSS_PAYLOAD in page.locator("#article-text").text_content()
    assert page.locator("#article-text script, #article-text img, #article-title b").count() == 0
    assert page.locator("#article-title").text_content().startswith("<b onmouseover")
    assert page.locator("#article-meta a").count() == 0  # javascript: URL is not a link
    page.goto(server + "/")
    wait_ready(page)
    page.fill("input[name=actor]", "JOR")
    page.click("button[type=submit]")
    page.wait_for_function("() => document.querySelector('#events tbody').textContent.includes('<script>')")
    assert page.locator("#events tbody script, #events tbody img").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__xss") is None
    assert page.dialogs == []
    page.screenshot(path=str(shots / "xss_literal.png"), full_page=True)


def test_phone_width_has_no_horizontal_overflow(browser, server, shots):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, device_scale_factor=1)
    page = ctx.new_page()
    page.goto(server + "/")
    wait_ready(page)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 392
    page.screenshot(path=str(shots / "phone_dashboard.png"), full_page=False)
    page.goto(server + "/#/article/fx-rafah")
    page.wait_for_selector("html[data-detail] #article-text .hl-evidence", timeout=30_000)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 392
    page.screenshot(path=str(shots / "phone_article.png"), full_page=True)
    ctx.close()


def test_csp_header_and_no_external_requests(page, server):
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(server) else None)
    resp = page.goto(server + "/")
    wait_ready(page)
    assert "default-src 'self'" in resp.headers["content-security-policy"]
    assert external == []
    assert not page.console_errors, page.console_errors
