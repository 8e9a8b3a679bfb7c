"""The first query printed in the README, run against the loaded data set."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def _first_graphql_block() -> str:
    match = re.search(r"```graphql\n(.*?)```", README.read_text(), re.S)
    assert match, "README.md has no ```graphql block"
    return match.group(1)


async def test_readme_query_runs(client, loaded) -> None:
    response = await client.post("/graphql", json={"query": _first_graphql_block()})

    body = response.json()
    assert response.status_code == 200
    assert "errors" not in body, body.get("errors")
    data = body["data"]
    assert data["platforms"]["totalCount"] == 8
    assert data["dashboard"]["halls"] == 180
    assert data["dashboard"]["hallCoverage"]["ratio"] == 0.659
    assert len(data["corps"]["children"]) == 24
    squads = sum(len(town["children"]) for town in data["corps"]["children"])
    assert squads == 273
    # The query is anonymous: no ID number or phone, and masked names.
    volunteer = data["volunteers"]["edges"][0]["node"]
    assert volunteer["idNumberMasked"] is None
    assert volunteer["phoneMasked"] is None
    assert re.fullmatch(r"\w\*+", volunteer["name"])
