"""Request hygiene: methods, content types, masked errors and request ids."""

from __future__ import annotations

import json
import logging
import re

import httpx
import pytest

import api.schema.geo.query
import api.security.middleware
from db.models.enums import Role
from tests.api.security.conftest import PASSWORD, Accounts, row_counts

SIGN_IN_INLINE = (
    'mutation { signIn(input: {username: "admin", password: "'
    + PASSWORD
    + '"}) { __typename } }'
)
REGION = '{ region(code: "330282") { code } }'
REQUEST_ID = re.compile(r"^[0-9a-f]{16}$")


async def test_get_cannot_run_mutation(
    client: httpx.AsyncClient, make_account: Accounts
) -> None:
    await make_account("admin", Role.ADMINISTRATOR)
    before = await row_counts()

    response = await client.get("/graphql", params={"query": SIGN_IN_INLINE})

    assert response.status_code == 400
    assert "mutation" in response.text.lower()
    assert "Traceback" not in response.text
    assert await row_counts() == before


async def test_get_runs_query(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": "{ viewer { label } }"})

    assert response.status_code == 200
    assert response.json()["data"]["viewer"]["label"] == "ANONYMOUS"


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/x-www-form-urlencoded", "query=" + SIGN_IN_INLINE),
        ("text/plain", json.dumps({"query": SIGN_IN_INLINE})),
        (
            "multipart/form-data; boundary=x",
            '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n'
            '{"query": "{ viewer { label } }"}\r\n--x--\r\n',
        ),
        ("", '{"query": "{ viewer { label } }"}'),
    ],
)
async def test_post_without_json_content_type_gets_415(
    client: httpx.AsyncClient, make_account: Accounts, content_type: str, body: str
) -> None:
    await make_account("admin", Role.ADMINISTRATOR)
    before = await row_counts()

    response = await client.post(
        "/graphql", content=body.encode(), headers={"content-type": content_type}
    )

    assert response.status_code == 415
    assert (
        response.json()["errors"][0]["extensions"]["code"] == "UNSUPPORTED_MEDIA_TYPE"
    )
    assert await row_counts() == before


async def test_json_with_charset_is_accepted(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql",
        content=b'{"query": "{ viewer { label } }"}',
        headers={"content-type": "application/json; charset=utf-8"},
    )

    assert response.status_code == 200


async def test_malformed_json_gets_400(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", content=b'{"query": ', headers={"content-type": "application/json"}
    )

    assert response.status_code == 400
    assert "Traceback" not in response.text


async def test_every_response_has_request_id(client: httpx.AsyncClient) -> None:
    ok = await client.post("/graphql", json={"query": "{ viewer { label } }"})
    rejected = await client.post(
        "/graphql", content=b"x", headers={"content-type": "text/plain"}
    )
    health = await client.get("/healthz")

    for response in (ok, rejected, health):
        assert REQUEST_ID.match(response.headers["x-request-id"])
    assert ok.headers["x-request-id"] != rejected.headers["x-request-id"]


async def test_unexpected_error_is_masked_with_request_id(
    client: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken(code: str) -> None:
        raise RuntimeError(
            'relation "region" failed near SELECT for 33028219900101123X'
        )

    monkeypatch.setattr(api.schema.geo.query, "region_by_code", broken)

    with caplog.at_level(logging.ERROR, logger="api.errors"):
        response = await client.post("/graphql", json={"query": REGION})

    request_id = response.headers["x-request-id"]
    error = response.json()["errors"][0]
    assert response.status_code == 200
    assert error["message"] == f"Unexpected error; quote request id {request_id}."
    assert error["extensions"] == {
        "code": "INTERNAL_SERVER_ERROR",
        "requestId": request_id,
    }
    assert "SELECT" not in response.text
    logged = [record for record in caplog.records if record.name == "api.errors"]
    assert len(logged) == 1
    assert request_id in logged[0].getMessage()
    assert "RuntimeError" in logged[0].exc_text
    assert "33028219900101123X" not in logged[0].exc_text
    assert "[ID-NUMBER REDACTED]" in logged[0].exc_text


async def test_error_outside_graphql_is_masked_as_500(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(**kwargs: object) -> None:
        raise RuntimeError("SELECT password_hash FROM account")

    monkeypatch.setattr(api.security.middleware, "authenticate", broken)

    response = await client.post("/graphql", json={"query": "{ viewer { label } }"})

    request_id = response.headers["x-request-id"]
    assert response.status_code == 500
    assert response.json() == {
        "errors": [
            {
                "message": f"Internal server error; quote request id {request_id}",
                "extensions": {
                    "code": "INTERNAL_SERVER_ERROR",
                    "requestId": request_id,
                },
            }
        ]
    }


async def test_batched_operations_are_rejected(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql",
        json=[{"query": "{ viewer { label } }"}, {"query": "{ viewer { label } }"}],
    )

    assert response.status_code == 400
    assert "Traceback" not in response.text


async def test_query_that_is_not_a_string_gets_400(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": {"nested": 1}})

    assert response.status_code == 400
    assert "Traceback" not in response.text


async def test_syntax_error_is_reported(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ viewer { label }"})

    assert response.status_code == 200
    assert response.json()["errors"][0]["message"].startswith("Syntax Error:")


async def test_json_body_not_object_rejected(client) -> None:
    for body in (b'"hello"', b"null", b"42", b"[]", b"\xff\xfe{}"):
        response = await client.post(
            "/graphql", content=body, headers={"content-type": "application/json"}
        )

        assert response.status_code == 400, body
        assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_upper_case_json_media_type_accepted(client) -> None:
    response = await client.post(
        "/graphql",
        content=b'{"query": "{ platforms { totalCount } }"}',
        headers={"content-type": "APPLICATION/JSON; charset=UTF-8"},
    )

    assert response.status_code == 200
    assert response.json()["data"] == {"platforms": {"totalCount": 0}}
