"""Volunteer registration through GraphQL."""

from __future__ import annotations

from datetime import date

from api.resolvers.ids import encode_id
from db.models.people import Volunteer
from tests.api.execute import execute
from tests.worlds import ADMIN, build_world, resident_id

REGISTER = """
mutation Register($input: RegisterVolunteerInput!) {
  registerVolunteer(input: $input) {
    __typename
    ... on Volunteer { id number status }
    ... on Error { code message field }
  }
}
"""


def _input(world, **overrides):
    values = {
        "name": "李华",
        "idNumber": resident_id(date(1995, 8, 1), serial=21),
        "phone": "13812340000",
        "regionId": encode_id("Region", world.village.id),
        "skills": ["急救"],
        "brigadeId": encode_id("Brigade", world.squad.id),
    }
    values.update(overrides)
    return {"input": values}


async def test_register_then_duplicate_phone() -> None:
    world = await build_world()

    first = await execute(REGISTER, _input(world), actor=ADMIN)
    again = await execute(
        REGISTER,
        _input(world, idNumber=resident_id(date(1980, 1, 1), serial=5)),
        actor=ADMIN,
    )

    volunteer = await Volunteer.get()
    assert first["registerVolunteer"] == {
        "__typename": "Volunteer",
        "id": encode_id("Volunteer", volunteer.id),
        "number": volunteer.number,
        "status": "ACTIVE",
    }
    assert again["registerVolunteer"] == {
        "__typename": "MutationError",
        "code": "DUPLICATE",
        "message": "phone is already registered",
        "field": "phone",
    }


async def test_register_fifteen_digit_id() -> None:
    world = await build_world()

    result = await execute(REGISTER, _input(world, idNumber="330282950801213"))

    error = result["registerVolunteer"]
    assert error["code"] == "INVALID_INPUT"
    assert error["field"] == "idNumber"
    assert "15 digits" in error["message"]
    assert await Volunteer.all().count() == 0
