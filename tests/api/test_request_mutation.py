"""Service request mutations through GraphQL."""

from __future__ import annotations

from api.resolvers.ids import encode_id
from db.models.enums import RequestStatus
from db.models.outbox import AuditEntry
from db.models.request import ServiceRequest
from domain import requests
from tests.api.execute import execute, execute_rejected
from tests.worlds import ADMIN, build_world, captain_of

SUBMIT = """
mutation Submit($input: SubmitServiceRequestInput!) {
  submitServiceRequest(input: $input) {
    __typename
    ... on ServiceRequest { id status residentNameMasked residentPhoneMasked category }
    ... on Error { code message field }
  }
}
"""

DISPATCH = """
mutation Dispatch($input: DispatchServiceRequestInput!) {
  dispatchServiceRequest(input: $input) {
    __typename
    ... on ServiceRequest { id status brigade { name } region { code } }
    ... on Error { code message field }
  }
}
"""


def _submit_input(world, **overrides):
    values = {
        "residentName": "陈阿姨",
        "phone": "13957412345",
        "regionId": encode_id("Region", world.village.id),
        "category": "WELLBEING",
        "description": "需要上门理发",
    }
    values.update(overrides)
    return {"input": values}


async def test_submit_over_http_anonymously(client) -> None:
    world = await build_world()

    response = await client.post(
        "/graphql", json={"query": SUBMIT, "variables": _submit_input(world)}
    )

    assert response.status_code == 200
    result = response.json()["data"]["submitServiceRequest"]
    row = await ServiceRequest.get()
    assert result == {
        "__typename": "ServiceRequest",
        "id": encode_id("ServiceRequest", row.id),
        "status": "SUBMITTED",
        "residentNameMasked": "陈**",
        "residentPhoneMasked": "139****2345",
        "category": "WELLBEING",
    }
    audit = await AuditEntry.get(action="submitRequest")
    assert audit.actor == "ANONYMOUS"
    assert audit.client_address == "127.0.0.1"


async def test_submit_bad_phone_is_typed_error(client) -> None:
    world = await build_world()

    response = await client.post(
        "/graphql",
        json={"query": SUBMIT, "variables": _submit_input(world, phone="12345")},
    )

    result = response.json()["data"]["submitServiceRequest"]
    assert result["__typename"] == "MutationError"
    assert result["code"] == "INVALID_INPUT"
    assert result["field"] == "phone"
    assert await ServiceRequest.all().count() == 0


async def test_submit_wrong_id_type(client) -> None:
    world = await build_world()
    variables = _submit_input(world, regionId=encode_id("Brigade", world.squad.id))

    response = await client.post(
        "/graphql", json={"query": SUBMIT, "variables": variables}
    )

    result = response.json()["data"]["submitServiceRequest"]
    assert result["code"] == "INVALID_INPUT"
    assert result["field"] == "regionId"
    assert result["message"] == "expected the ID of a Region, got one of a Brigade"


async def test_submit_over_get_rejected(client) -> None:
    world = await build_world()
    region_id = encode_id("Region", world.village.id)
    document = (
        'mutation { submitServiceRequest(input: {residentName: "陈", '
        f'phone: "13957412345", regionId: "{region_id}", category: CULTURE, '
        'description: "送戏"}) { __typename } }'
    )

    response = await client.get("/graphql", params={"query": document})

    assert response.status_code == 400
    assert await ServiceRequest.all().count() == 0


async def test_dispatch_needs_administrator() -> None:
    world = await build_world()
    submitted = await execute(SUBMIT, _submit_input(world))
    request_id = submitted["submitServiceRequest"]["id"]
    variables = {
        "input": {
            "requestId": request_id,
            "brigadeId": encode_id("Brigade", world.town_brigade.id),
        }
    }

    forbidden = await execute_rejected(
        DISPATCH, variables, actor=captain_of(world.squad)
    )
    dispatched = await execute(DISPATCH, variables, actor=ADMIN)

    assert forbidden[0]["message"] == "Only administrators may do this."
    assert forbidden[0]["extensions"] == {"code": "FORBIDDEN"}
    assert dispatched["dispatchServiceRequest"] == {
        "__typename": "ServiceRequest",
        "id": request_id,
        "status": "DISPATCHED",
        "brigade": {"name": "观海卫镇志愿服务大队"},
        "region": {"code": world.village.code},
    }
    assert (await ServiceRequest.get()).status == RequestStatus.DISPATCHED


SUBMIT_WITH_CODE = """
mutation Submit($input: SubmitServiceRequestInput!) {
  submitServiceRequest(input: $input) {
    ... on ServiceRequest { id trackingCode }
  }
}
"""

RATE = """
mutation Rate($input: RateServiceRequestInput!) {
  rateServiceRequest(input: $input) {
    __typename
    ... on ServiceRequest { status rating trackingCode }
    ... on Error { code field }
  }
}
"""


async def _finish_request(world) -> None:
    row_id = (await ServiceRequest.get()).id
    team = captain_of(world.town_brigade)
    await requests.dispatch_request(
        ADMIN, request_id=row_id, brigade_id=world.town_brigade.id
    )
    await requests.accept_request(team, request_id=row_id)
    await requests.complete_request(team, request_id=row_id, report="已完成理发")


async def test_rating_needs_code_from_submit() -> None:
    world = await build_world()
    submitted = await execute(SUBMIT_WITH_CODE, _submit_input(world))
    request_id = submitted["submitServiceRequest"]["id"]
    code = submitted["submitServiceRequest"]["trackingCode"]
    await _finish_request(world)

    def rate(tracking_code: str) -> dict:
        return {
            "input": {
                "requestId": request_id,
                "trackingCode": tracking_code,
                "rating": 5,
            }
        }

    by_phone = await execute(RATE, rate("13957412345"))
    by_code = await execute(RATE, rate(code))

    assert len(code) == 20
    assert by_phone["rateServiceRequest"] == {
        "__typename": "MutationError",
        "code": "FORBIDDEN",
        "field": "trackingCode",
    }
    assert by_code["rateServiceRequest"] == {
        "__typename": "ServiceRequest",
        "status": "RATED",
        "rating": 5,
        "trackingCode": None,
    }
