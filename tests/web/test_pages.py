from __future__ import annotations

import re

import pytest

from oxus.store import Store
from tests.web.conftest import Client, text_of
from tests.web.sample import NF, NF2

PAGES = [
    "/",
    "/search?q=front",
    f"/entities/{NF.id}",
    "/documents/r1",
    "/graph",
    "/map",
    "/timeline",
    "/review",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_security_headers(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert "text/html" in response.headers["content-type"]
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "<script>" not in response.text  # no inline scripts at all
    assert response.cookies.get("oxus_csrf") or client.http.cookies.get("oxus_csrf")


def test_profile_shows_leader_with_an_evidence_link(client: Client) -> None:
    html = client.get(f"/entities/{NF.id}").text
    leaders = html[html.index('id="s-leaders"') :]
    leaders = leaders[: leaders.index("</section>")]
    assert "Ali Karimov" in leaders
    link = re.search(r'href="(/documents/r1\?hl=(\d+)-(\d+)#ev-\2-\3)"', leaders)
    assert link is not None
    page = client.get(link.group(1).replace("&amp;", "&")).text
    start, end = link.group(2), link.group(3)
    assert f'id="ev-{start}-{end}" class="ev hl"' in page


def test_profile_sections_chart_and_conflicts(client: Client) -> None:
    html = client.get(f"/entities/{NF.id}").text
    text = text_of(html)
    for title in ("Leaders", "Members", "Allies", "Rivals", "Part of", "Splinters", "Bases"):
        assert title in text
    assert "<svg" in html and html.count('class="pt"') == 3  # fighters: 300, 6,500, 900
    assert "Conflicting claims" in text
    assert "denied" in text and "6,500" in text
    assert (
        'data-places=\'[{"bases": 1, "id": "place:valley-province"' in html.replace("&#34;", '"')
        or "place:valley-province" in html
    )


def test_name_or_merged_id_redirects_to_the_canonical_profile(client: Client, store) -> None:
    response = client.get("/entities/Northern Front")
    assert response.status_code == 302
    assert response.headers["location"] == f"/entities/{NF.id}"


def test_document_highlights_mentions_and_escapes_markup(client: Client) -> None:
    html = client.get("/documents/r4").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "A &lt;script&gt; in the title" in html
    doc = client.get("/documents/r1").text
    assert f'<a class="m m-group" href="/entities/{NF.id}"' in doc
    assert "leader of" in text_of(doc)


def test_bad_highlight_and_unknown_document(client: Client) -> None:
    assert client.get("/documents/r1?hl=9999-99999").status_code == 200
    assert client.get("/documents/r1?hl=a-b").status_code == 200
    assert client.get("/documents/nope").status_code == 404


def test_search_page_marks_matches_safely(client: Client) -> None:
    html = client.get("/search", params={"q": "script"}).text
    assert "<mark>" in html
    assert "<script>alert" not in html
    assert client.get("/search", params={"q": "<script>"}).status_code == 200


def test_timeline_page_filters(client: Client) -> None:
    html = client.get("/timeline", params={"types": "attack"}).text
    assert "1 incidents" in text_of(html)
    assert client.get("/timeline", params={"country": "Tajikistan"}).status_code == 422


def test_review_merge_changes_the_profile_and_is_audited(client: Client, store: Store) -> None:
    before = text_of(client.get(f"/entities/{NF.id}").text)
    assert "1,200" not in before
    response = client.form(
        "/review/merge", {"absorbed": NF2.id, "survivor": "Northern Front", "analyst": "ana"}
    )
    assert response.status_code == 303
    assert "merged" in response.headers["location"]
    after = text_of(client.get(f"/entities/{NF.id}").text)
    assert "1,200" in after and "N. Front" in after
    assert client.get(f"/entities/{NF2.id}").headers["location"] == f"/entities/{NF.id}"
    review = text_of(client.get("/review").text)
    assert "ana@127.0.0.1 merge group:n-front" in review
    client.form("/review/unmerge", {"entity": NF2.id})
    assert client.get(f"/entities/{NF2.id}").status_code == 200


def test_review_accept_reject_and_edit(client: Client, store: Store) -> None:
    client.form("/review/entity", {"entity": "group:true-front", "status": "curated"})
    assert store.entity("group:true-front").status == "curated"
    attack = client.get("/api/timeline", params={"types": "attack"}).json()["incidents"][0]
    report = attack["reports"][0]["fact_id"]
    client.form("/review/fact", {"kind": "event", "fact_id": report, "status": "rejected"})
    assert client.get("/api/timeline", params={"types": "attack"}).json()["total"] == 0
    client.form(
        "/review/edit",
        {
            "entity": "person:bek-rustam",
            "name": "Bek Rustamov",
            "type": "person",
            "alias": "B. Rustam",
        },
    )
    edited = store.entity("person:bek-rustam")
    assert edited.name == "Bek Rustamov"
    assert {"Bek Rustam", "B. Rustam"} <= set(edited.aliases)
    bad = client.form("/review/merge", {"absorbed": "person:bek-rustam", "survivor": NF.id})
    assert "error=" in bad.headers["location"]


def test_redirect_after_action_stays_on_this_site(client: Client) -> None:
    response = client.form(
        "/review/entity",
        {"entity": "group:true-front", "status": "rejected", "next": "//evil.example/x"},
    )
    assert response.headers["location"].startswith("/review")


def test_review_forms_carry_the_session_csrf_token(client: Client) -> None:
    html = client.get("/review").text
    token = client.http.cookies["oxus_csrf"]
    fields = re.findall(r'name="csrf" value="([^"]*)"', html)
    assert fields and set(fields) == {token}
    assert f'<meta name="csrf-token" content="{token}">' in html


def test_timeline_with_an_unknown_group_says_so(client: Client) -> None:
    response = client.get("/timeline", params={"group": "Nobody Brigade"})
    assert response.status_code == 200
    assert "no entity named" in text_of(response.text)
    assert "0 incidents" in text_of(response.text)
    assert client.get("/timeline", params={"group": "Police"}).status_code == 200
