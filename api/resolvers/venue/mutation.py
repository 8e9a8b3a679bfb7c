"""Mutations of cultural halls."""

from __future__ import annotations

from api.resolvers.ids import decode_id, decode_optional_id
from db.models.venue import Hall
from domain import halls
from domain.actor import Actor


async def create_hall(
    actor: Actor,
    *,
    name: str,
    village_id: str,
    area_m2: int,
    star_rating: int,
    haves: halls.FiveHaves,
    opening_hours: str,
    brigade_id: str | None,
) -> Hall:
    return await halls.create_hall(
        actor,
        name=name,
        village_id=decode_id(village_id, "Region", field="villageId"),
        area_m2=area_m2,
        star_rating=star_rating,
        haves=haves,
        opening_hours=opening_hours,
        brigade_id=decode_optional_id(brigade_id, "Brigade", field="brigadeId"),
    )


async def update_hall(
    actor: Actor,
    *,
    hall_id: str,
    name: str | None,
    area_m2: int | None,
    star_rating: int | None,
    haves: halls.FiveHaves | None,
    opening_hours: str | None,
    brigade_id: str | None,
) -> Hall:
    return await halls.update_hall(
        actor,
        hall_id=decode_id(hall_id, "Hall", field="id"),
        name=name,
        area_m2=area_m2,
        star_rating=star_rating,
        haves=haves,
        opening_hours=opening_hours,
        brigade_id=decode_optional_id(brigade_id, "Brigade", field="brigadeId"),
    )
