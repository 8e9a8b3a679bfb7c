"""Mutations of volunteers: registration and brigade membership."""

from __future__ import annotations

from collections.abc import Sequence

from api.resolvers.ids import decode_id, decode_optional_id
from db.models.enums import PoliticalStatus
from db.models.people import Volunteer
from domain import registration
from domain.actor import Actor


async def register_volunteer(
    actor: Actor,
    *,
    name: str,
    id_number: str,
    phone: str,
    region_id: str,
    political_status: str,
    tags: Sequence[str],
    skills: Sequence[str],
    brigade_id: str | None,
) -> Volunteer:
    return await registration.register_volunteer(
        actor,
        name=name,
        id_number=id_number,
        phone=phone,
        region_id=decode_id(region_id, "Region", field="regionId"),
        political_status=PoliticalStatus(political_status),
        tags=tags,
        skills=skills,
        brigade_id=decode_optional_id(brigade_id, "Brigade", field="brigadeId"),
    )


async def join_brigade(
    actor: Actor, *, volunteer_id: str, brigade_id: str
) -> Volunteer:
    volunteer = decode_id(volunteer_id, "Volunteer", field="volunteerId")
    await registration.join_brigade(
        actor,
        volunteer_id=volunteer,
        brigade_id=decode_id(brigade_id, "Brigade", field="brigadeId"),
    )
    return await Volunteer.get(id=volunteer)


async def leave_brigade(
    actor: Actor, *, volunteer_id: str, brigade_id: str
) -> Volunteer:
    volunteer = decode_id(volunteer_id, "Volunteer", field="volunteerId")
    await registration.leave_brigade(
        actor,
        volunteer_id=volunteer,
        brigade_id=decode_id(brigade_id, "Brigade", field="brigadeId"),
    )
    return await Volunteer.get(id=volunteer)
