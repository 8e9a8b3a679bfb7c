"""The benchmark's nested region query over the loaded data set."""

from __future__ import annotations

import httpx

from bench.dashboard import REGIONS_QUERY
from dataset.load import LoadResult
from tests.conftest import QueryLog


async def test_regions_query_statement_count(
    loaded: LoadResult, client: httpx.AsyncClient, query_log: QueryLog
) -> None:
    with query_log.recording():
        response = await client.post("/graphql", json={"query": REGIONS_QUERY})

    body = response.json()
    towns = [edge["node"] for edge in body["data"]["regions"]["edges"]]
    assert "errors" not in body
    assert body["data"]["regions"]["totalCount"] == 24
    assert {town["parent"]["code"] for town in towns} == {"330282"}
    assert sum(len(town["children"]) for town in towns) == 288
    assert query_log.count == 4, query_log.statements
