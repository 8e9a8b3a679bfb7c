"""Personal data per role, the REVEAL_PII audit, and logs without PII."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

import pytest
import strawberry
from strawberry.relay.utils import to_base64
from strawberry.types import Info
from uvicorn.logging import AccessFormatter

from api.context import FreshLoaders
from api.security.log_redaction import install_log_redaction, redact
from api.security.pii import PersonalDataFields, RevealAudit, personal_fields
from db.models.enums import Role
from db.models.outbox import AuditEntry
from db.models.people import Volunteer
from domain.actor import ANONYMOUS, Actor
from settings import Settings
from tests.api.security.conftest import (
    ID_NUMBER,
    PHONE,
    World,
    bearer,
    issue_key,
    make_volunteer,
    sign_in,
)


@strawberry.type
class VolunteerProbe(PersonalDataFields):
    number: str


@strawberry.type
class ProbeQuery:
    @strawberry.field
    async def volunteers(self, info: Info) -> list[VolunteerProbe]:
        rows = await Volunteer.all().order_by("id")
        return [
            VolunteerProbe(number=row.number, personal=personal_fields(row))
            for row in rows
        ]


# The smallest schema with the personal data fields and the audit extension;
# the volunteer types of the API inherit the same fields.
probe_schema = strawberry.Schema(
    query=ProbeQuery, extensions=[FreshLoaders, RevealAudit]
)
PERSONAL = """
{ volunteers { number name birthDate idNumber phone idNumberMasked phoneMasked } }
"""


@dataclass
class ProbeContext:
    actor: Actor
    settings: Settings | None = None


async def read_as(actor: Actor) -> list[dict[str, Any]]:
    result = await probe_schema.execute(PERSONAL, context_value=ProbeContext(actor))
    assert result.errors is None
    return result.data["volunteers"]


def administrator() -> Actor:
    return Actor(label="ADMINISTRATOR:admin", role=Role.ADMINISTRATOR, account_id=1)


async def test_administrator_reads_raw_values(world: World) -> None:
    first = (await read_as(administrator()))[0]

    assert first == {
        "number": "V0001",
        "name": "张三丰",
        "birthDate": "1990-01-01",
        "idNumber": ID_NUMBER,
        "phone": PHONE,
        "idNumberMasked": "330282********123X",
        "phoneMasked": "138****5678",
    }


async def test_volunteer_reads_own_raw_and_others_masked(world: World) -> None:
    actor = Actor(
        label="VOLUNTEER:volunteer1",
        role=Role.VOLUNTEER,
        account_id=2,
        volunteer_id=world.volunteer.id,
    )

    own, other = await read_as(actor)

    assert own["idNumber"] == ID_NUMBER
    assert own["phone"] == PHONE
    assert other == {
        "number": "V0002",
        "name": "李四",
        "birthDate": None,
        "idNumber": None,
        "phone": None,
        "idNumberMasked": "330282********1236",
        "phoneMasked": "139****1111",
    }


@pytest.mark.parametrize("role", [Role.CAPTAIN, Role.CONVENER])
async def test_staff_read_masked_without_birth_date(world: World, role: Role) -> None:
    actor = Actor(label=f"{role}:staff", role=role, account_id=3, alliance_id=1)

    first = (await read_as(actor))[0]

    assert first == {
        "number": "V0001",
        "name": "张三丰",
        "birthDate": None,
        "idNumber": None,
        "phone": None,
        "idNumberMasked": "330282********123X",
        "phoneMasked": "138****5678",
    }


@pytest.mark.parametrize(
    "actor",
    [
        ANONYMOUS,
        Actor(
            label="PARTNER:abcd",
            partner_unit_id=1,
            partner_alliance_ids=frozenset({1}),
        ),
    ],
    ids=["anonymous", "partner"],
)
async def test_public_and_partners_read_no_personal_data(
    world: World, actor: Actor
) -> None:
    first = (await read_as(actor))[0]

    assert first == {
        "number": "V0001",
        "name": "张**",
        "birthDate": None,
        "idNumber": None,
        "phone": None,
        "idNumberMasked": None,
        "phoneMasked": None,
    }
    assert await AuditEntry.all().count() == 0


async def test_raw_reads_write_one_audit_entry(world: World) -> None:
    await read_as(administrator())

    entries = await AuditEntry.all()
    assert len(entries) == 1
    entry = entries[0]
    assert entry.action == "REVEAL_PII"
    assert entry.actor == "ADMINISTRATOR:admin"
    assert entry.detail == {
        "volunteers": [world.volunteer.id, world.other_volunteer.id],
        "fields": ["idNumber", "phone"],
    }
    assert ID_NUMBER not in str(entry.detail)
    assert PHONE not in str(entry.detail)


async def test_masked_reads_write_no_audit_entry(world: World) -> None:
    actor = Actor(label="CAPTAIN:c", role=Role.CAPTAIN, account_id=4)

    await read_as(actor)

    assert await AuditEntry.all().count() == 0


def test_redact_removes_id_numbers_and_mobiles() -> None:
    text = f"id {ID_NUMBER} and 330282198505051236, phone {PHONE} or +86 13900001111"

    assert redact(text) == (
        "id [ID-NUMBER REDACTED] and [ID-NUMBER REDACTED], "
        "phone [MOBILE REDACTED] or [MOBILE REDACTED]"
    )


def test_redact_keeps_other_numbers() -> None:
    text = "event 1733300000000 took 12345678901234567890 ns; region 330282001"

    assert redact(text) == text


def test_log_records_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    install_log_redaction()
    logger = logging.getLogger("tests.redaction")

    with caplog.at_level(logging.INFO, logger="tests.redaction"):
        logger.info("registered %s with phone %s", ID_NUMBER, PHONE)
        try:
            raise ValueError(f"duplicate {ID_NUMBER}")
        except ValueError:
            logger.exception("failed")

    assert caplog.records[0].getMessage() == (
        "registered [ID-NUMBER REDACTED] with phone [MOBILE REDACTED]"
    )
    assert ID_NUMBER not in caplog.text
    assert PHONE not in caplog.text
    assert "duplicate [ID-NUMBER REDACTED]" in caplog.records[1].exc_text


async def test_sql_log_holds_no_raw_personal_data(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    logging.getLogger("tortoise.db_client").setLevel(logging.DEBUG)
    try:
        with caplog.at_level(logging.DEBUG, logger="tortoise"):
            await make_volunteer(
                world.town, "V0003", "王五", "330282200001010012", "13700002222"
            )
            await Volunteer.filter(number="V0003").first()
    finally:
        logging.getLogger("tortoise.db_client").setLevel(logging.NOTSET)

    statements = [
        r.getMessage() for r in caplog.records if "volunteer" in r.getMessage()
    ]
    assert len(statements) >= 2
    assert "330282200001010012" not in caplog.text
    assert "13700002222" not in caplog.text
    # The parameters are logged, and they are Fernet tokens and masked forms.
    assert "gAAAAA" in caplog.text
    assert "330282********0012" in caplog.text


VOLUNTEERS_HTTP = """
{ volunteers(first: 10) { edges { node {
  number name birthDate idNumber phone idNumberMasked phoneMasked
} } } }
"""
VOLUNTEER_NODE_HTTP = """
query Node($id: ID!) {
  node(id: $id) { ... on Volunteer { number name idNumber phone idNumberMasked } }
}
"""


async def _http_numbers(client, headers: dict[str, str]) -> dict[str, dict]:
    response = await client.post(
        "/graphql", json={"query": VOLUNTEERS_HTTP}, headers=headers
    )
    edges = response.json()["data"]["volunteers"]["edges"]
    return {edge["node"]["number"]: edge["node"] for edge in edges}


async def test_volunteer_list_per_role_over_http(
    client, world: World, make_account, admin_token: str
) -> None:
    await make_account("volunteer1", Role.VOLUNTEER, volunteer_id=world.volunteer.id)
    await make_account("captain", Role.CAPTAIN, brigade_id=world.brigade.id)
    volunteer_token = await sign_in(client, "volunteer1")
    captain_token = await sign_in(client, "captain")
    partner_key = await issue_key(
        world, alliance_ids=[world.alliance.id], region_codes=[]
    )

    as_admin = await _http_numbers(client, bearer(admin_token))
    as_self = await _http_numbers(client, bearer(volunteer_token))
    as_captain = await _http_numbers(client, bearer(captain_token))
    as_partner = await _http_numbers(client, {"X-Api-Key": partner_key})
    as_public = await _http_numbers(client, {})

    assert as_admin["V0002"]["idNumber"] == "330282198505051236"
    assert as_self["V0001"]["phone"] == PHONE
    assert as_self["V0002"]["phone"] is None
    assert as_self["V0002"]["phoneMasked"] == "139****1111"
    assert as_captain["V0001"]["idNumber"] is None
    assert as_captain["V0001"]["idNumberMasked"] == "330282********123X"
    assert as_captain["V0001"]["birthDate"] is None
    for view in (as_partner, as_public):
        assert view["V0001"] == {
            "number": "V0001",
            "name": "张**",
            "birthDate": None,
            "idNumber": None,
            "phone": None,
            "idNumberMasked": None,
            "phoneMasked": None,
        }
    entries = await AuditEntry.filter(action="REVEAL_PII").order_by("id")
    assert [entry.actor for entry in entries] == [
        "ADMINISTRATOR:admin",
        "VOLUNTEER:volunteer1",
    ]
    assert entries[1].detail == {
        "volunteers": [world.volunteer.id],
        "fields": ["idNumber", "phone"],
    }


async def test_node_lookup_applies_same_rules(client, world: World) -> None:
    volunteer_id = to_base64("Volunteer", world.volunteer.id)

    response = await client.post(
        "/graphql",
        json={"query": VOLUNTEER_NODE_HTTP, "variables": {"id": volunteer_id}},
    )

    assert response.json()["data"]["node"] == {
        "number": "V0001",
        "name": "张**",
        "idNumber": None,
        "phone": None,
        "idNumberMasked": None,
    }
    assert ID_NUMBER not in response.text
    assert PHONE not in response.text
    assert await AuditEntry.all().count() == 0


def test_redact_grouped_numbers() -> None:
    text = "id 330282 19900101 1231 or 330282-19900101-123X, tel 138-0013-8000"
    text += " or +86 138 0013 8000"

    assert redact(text) == (
        "id [ID-NUMBER REDACTED] or [ID-NUMBER REDACTED], tel [MOBILE REDACTED]"
        " or [MOBILE REDACTED]"
    )


def test_access_log_keeps_arguments() -> None:
    install_log_redaction()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        AccessFormatter(
            "%(client_addr)s %(request_line)s %(status_code)s", use_colors=False
        )
    )
    logger = logging.getLogger("tests.redaction.access")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning(
            '%s - "%s %s HTTP/%s" %d',
            "127.0.0.1:5000",
            "GET",
            f"/graphql?phone={PHONE}",
            "1.1",
            200,
        )
    finally:
        logger.removeHandler(handler)

    assert stream.getvalue() == (
        "127.0.0.1:5000 GET /graphql?phone=[MOBILE REDACTED] HTTP/1.1 200 OK\n"
    )


def test_mapping_arguments_keep_shape(caplog: pytest.LogCaptureFixture) -> None:
    install_log_redaction()
    logger = logging.getLogger("tests.redaction")

    with caplog.at_level(logging.INFO, logger="tests.redaction"):
        logger.info("%(who)s called from %(phone)s", {"who": "cap15", "phone": PHONE})

    assert caplog.records[0].args == {"who": "cap15", "phone": "[MOBILE REDACTED]"}
    assert caplog.records[0].getMessage() == "cap15 called from [MOBILE REDACTED]"
