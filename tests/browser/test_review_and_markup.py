"""Browser tests on the hand-made sample store: merging in the review queue, inert markup."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Server, shoot
from tests.web.sample import NF, NF2

pytestmark = pytest.mark.browser


def test_merge_in_the_review_queue_changes_the_profile(page, sample_server: Server) -> None:
    page.goto(f"{sample_server.url}/entities/{NF.id}")
    assert "1,200" not in page.inner_text("main")
    page.goto(f"{sample_server.url}/review")
    page.fill("#analyst", "analyst-1")
    page.dispatch_event("#analyst", "change")
    row = page.locator("tr", has=page.locator(f"code:text-is('{NF2.id}')")).first
    row.locator("button", has_text="A → B").click()
    page.wait_for_url("**/review?msg=*")
    assert f"merged {NF2.id} into {NF.id}" in page.inner_text(".flash.ok")
    assert "analyst-1@127.0.0.1" in page.inner_text("main")
    shoot(page, "review")
    page.goto(f"{sample_server.url}/entities/{NF2.id}")
    assert page.url.endswith(f"/entities/{NF.id}")
    main = page.inner_text("main")
    assert "1,200" in main and NF2.id in main
    page.goto(f"{sample_server.url}/review")
    page.locator("form[action='/review/unmerge'] button").first.click()
    page.wait_for_url("**/review?msg=*")
    page.goto(f"{sample_server.url}/entities/{NF.id}")
    assert "1,200" not in page.inner_text("main")


def test_a_report_with_script_renders_inert(page, sample_server: Server) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{sample_server.url}/documents/r4")
    page.wait_for_load_state("load")
    text = page.inner_text("#doctext")
    assert "<script>alert('x')</script>" in text
    assert "<b>bold</b>" in text
    assert page.locator("#doctext script").count() == 0
    assert page.locator("#doctext b").count() == 0
    assert "A <script> in the title" in page.inner_text("h1")
    assert dialogs == []
    shoot(page, "document-markup")
