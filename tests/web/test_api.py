from __future__ import annotations

from oxus.errors import NotFound, StoreError
from oxus.store import Store
from oxus.web import create_app
from tests.web.conftest import Client
from tests.web.sample import EB, NF, NF2


def test_stats_and_dashboard(client: Client) -> None:
    assert client.get("/api/stats").json()["documents"] == 4
    data = client.get("/api/dashboard").json()
    assert [d["id"] for d in data["latest"]][:2] == ["r4", "r3"]
    assert data["active_groups"][0]["group"]["id"] == NF.id
    assert data["recent_incidents"][0]["type"] == "attack"


def test_profile_has_relations_with_evidence_and_conflicts(client: Client) -> None:
    profile = client.get(f"/api/entities/{NF.id}").json()
    sections = {s["key"]: s for s in profile["sections"]}
    leader = sections["leaders"]["links"][0]
    assert leader["other"]["name"] == "Ali Karimov"
    evidence = leader["claim"]["evidence"][0]
    assert evidence["document_id"] == "r1"
    assert evidence["text"].startswith("The Northern Front, led by Ali Karimov")
    assert {"allies", "rivals", "parents", "splinters", "members", "bases"} <= set(sections)
    kinds = {c["kind"] for c in profile["conflicts"]}
    assert kinds == {"denial", "estimate"}


def test_profile_by_name_and_unknown_entity(client: Client) -> None:
    assert client.get("/api/entities/Northern Front").json()["entity"]["id"] == NF.id
    missing = client.get("/api/entities/group:nobody")
    assert missing.status_code == 404
    assert "no entity" in missing.json()["detail"]


def test_search_finds_documents_and_entities(client: Client) -> None:
    data = client.get("/api/search", params={"q": "brigade"}).json()
    assert EB.id in [h["entity"]["id"] for h in data["entities"]]
    assert {d["id"] for d in data["documents"]} == {"r2", "r3"}
    assert client.get("/api/search", params={"q": '"unbalanced AND ('}).status_code == 200
    assert client.get("/api/search", params={"q": "zzzznothing"}).json()["documents"] == []


def test_network_filters_by_predicate_type_and_time(client: Client) -> None:
    graph = client.get("/api/network").json()
    assert {n["id"] for n in graph["nodes"]} >= {NF.id, EB.id}
    allies = client.get("/api/network", params={"predicates": "allied_with"}).json()
    assert {e["predicate"] for e in allies["edges"]} == {"allied_with"}
    assert allies["edges"][0]["denied"] == 1
    people = client.get("/api/network", params={"types": "person,group"}).json()
    assert {n["type"] for n in people["nodes"]} == {"person", "group"}
    early = client.get("/api/network", params={"until": "2022"}).json()
    assert {e["predicate"] for e in early["edges"]} == {"leader_of", "based_in"}
    assert client.get("/api/network", params={"since": "yesterday"}).status_code == 422


def test_map_is_geojson_with_bases_and_events(client: Client) -> None:
    fc = client.get("/api/map").json()
    assert fc["type"] == "FeatureCollection"
    by_name = {f["properties"]["place"]["name"]: f for f in fc["features"]}
    valley = by_name["Valley Province"]
    assert valley["geometry"]["coordinates"] == [70.25, 38.5]
    assert valley["properties"]["bases"][0]["group"]["id"] == NF.id
    hill = by_name["Hill District"]
    assert hill["properties"]["approximate"] is True
    assert hill["properties"]["incident_count"] == 1
    attacks = client.get("/api/map", params={"types": "attack"}).json()
    assert [f["properties"]["place"]["name"] for f in attacks["features"]] == ["Hill District"]


def test_timeline_filters(client: Client) -> None:
    assert client.get("/api/timeline").json()["total"] == 2
    assert client.get("/api/timeline", params={"country": "AF"}).json()["total"] == 1
    arrests = client.get("/api/timeline", params={"types": "arrest"}).json()
    assert [e["type"] for e in arrests["incidents"]] == ["arrest"]
    assert client.get("/api/timeline", params={"since": "2023"}).json()["total"] == 1
    assert client.get("/api/timeline", params={"group": "organization:police"}).json()["total"] == 1


def test_review_queue_lists_the_work(client: Client) -> None:
    queue = client.get("/api/review").json()
    assert queue["candidates"][0]["a"]["id"] in (NF.id, NF2.id)
    assert {p["entity"]["id"] for p in queue["provisional"]} >= {NF2.id}
    assert {f["kind"] for f in queue["facts"]} >= {"relation", "event"}


def test_api_write_needs_csrf_or_token(client: Client, store: Store) -> None:
    refused = client.post(f"/api/entities/{NF2.id}/merge", json={"into": NF.id})
    assert refused.status_code == 403
    assert store.entity(NF2.id) is not None
    csrf = client.csrf()
    done = client.post(
        f"/api/entities/{NF2.id}/merge",
        json={"into": NF.id},
        headers={"x-csrf-token": csrf, "origin": "http://testserver"},
    )
    assert done.status_code == 200
    profile = client.get(f"/api/entities/{NF.id}").json()
    assert NF2.id in profile["absorbed"]
    assert any(s["measure"] == "members" for s in profile["estimates"])
    audit = client.get("/api/audit").json()
    assert audit[0]["action"] == "merge"
    assert audit[0]["actor"] == "web@127.0.0.1"


def test_openapi_lists_the_api(client: Client) -> None:
    spec = client.get("/api/openapi.json").json()
    assert "/api/entities/{entity_id}" in spec["paths"]
    assert "/review" not in spec["paths"]
    assert client.get("/api/docs").status_code == 200


def test_filters_accept_names_and_reject_unknown_entities(client: Client) -> None:
    assert client.get("/api/timeline", params={"group": "Police"}).json()["total"] == 1
    assert client.get("/api/map", params={"group": "Nobody"}).status_code == 404
    focus = client.get("/api/network", params={"focus": "Ali Karimov"}).json()
    assert {n["name"] for n in focus["nodes"]} == {"Ali Karimov", "Northern Front"}


def test_cached_graph_follows_every_change(client: Client) -> None:
    first = client.get("/api/network", params={"predicates": "leader_of"}).json()
    assert len(first["edges"]) == 1
    assert client.get("/api/network", params={"predicates": "leader_of"}).json() == first
    relation = first["edges"][0]
    assert relation["source"] == "person:ali-karimov"
    client.post(
        "/api/facts/relation/1/review",
        json={"status": "rejected"},
        headers={"x-csrf-token": client.csrf(), "origin": "http://testserver"},
    )
    assert client.get("/api/network", params={"predicates": "leader_of"}).json()["edges"] == []


def test_a_lookup_of_nothing_stored_is_404_and_a_request_that_cannot_be_done_is_400(
    client: Client,
) -> None:
    for path in ("/api/entities/Nobody Known", "/api/incidents/no-such-incident"):
        missing = client.get(path)
        assert missing.status_code == 404, path
        assert missing.json()["detail"].startswith("no ")
    assert client.get("/entities/Nobody Known").status_code == 404
    assert client.get("/incidents/no-such-incident").status_code == 404
    write = {"x-csrf-token": client.csrf(), "origin": "http://testserver"}
    gone = client.post(
        f"/api/entities/{NF2.id}/merge", json={"into": "group:nobody"}, headers=write
    )
    assert (gone.status_code, gone.json()["detail"]) == (404, "no entity 'group:nobody'")
    itself = client.post(f"/api/entities/{NF.id}/merge", json={"into": NF.id}, headers=write)
    assert (itself.status_code, itself.json()["detail"]) == (
        400,
        "cannot merge an entity into itself",
    )
    not_merged = client.post(f"/api/entities/{NF.id}/unmerge", headers=write)
    assert not_merged.status_code == 400


def test_the_status_follows_the_error_type_not_its_words(store: Store) -> None:
    app = create_app(store, allow_hosts=["testserver"])

    @app.get("/api/words-of-a-missing-thing")
    def refused() -> None:
        raise StoreError("no entity is named in this request")

    @app.get("/api/missing-in-other-words")
    def missing() -> None:
        raise NotFound("the incident 'x' is not stored")

    c = Client(app)
    try:
        assert c.get("/api/words-of-a-missing-thing").status_code == 400
        assert c.get("/api/missing-in-other-words").status_code == 404
        assert c.get("/api/missing-in-other-words").json() == {
            "detail": "the incident 'x' is not stored"
        }
    finally:
        c.close()
