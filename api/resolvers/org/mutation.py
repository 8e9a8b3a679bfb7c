"""Mutations of units, alliances and brigades."""

from __future__ import annotations

from api.resolvers.ids import decode_id, decode_optional_id
from db.models.enums import RegionLevel, UnitKind
from db.models.org import Alliance, Brigade, Unit
from domain import organization
from domain.actor import Actor


def _alliance_id(value: str, field: str = "allianceId") -> int:
    return decode_id(value, "Alliance", field=field)


async def create_unit(actor: Actor, *, name: str, kind: str, region_id: str) -> Unit:
    return await organization.create_unit(
        actor,
        name=name,
        kind=UnitKind(kind),
        region_id=decode_id(region_id, "Region", field="regionId"),
    )


async def update_unit(
    actor: Actor,
    *,
    unit_id: str,
    name: str | None,
    kind: str | None,
    region_id: str | None,
) -> Unit:
    return await organization.update_unit(
        actor,
        unit_id=decode_id(unit_id, "Unit", field="id"),
        name=name,
        kind=UnitKind(kind) if kind else None,
        region_id=decode_optional_id(region_id, "Region", field="regionId"),
    )


async def create_alliance(
    actor: Actor, *, name: str, platform_id: str, convener_id: str, description: str
) -> Alliance:
    return await organization.create_alliance(
        actor,
        name=name,
        platform_id=decode_id(platform_id, "Platform", field="platformId"),
        convener_id=decode_id(convener_id, "Unit", field="convenerId"),
        description=description,
    )


async def update_alliance(
    actor: Actor,
    *,
    alliance_id: str,
    name: str | None,
    description: str | None,
    convener_id: str | None,
) -> Alliance:
    return await organization.update_alliance(
        actor,
        alliance_id=_alliance_id(alliance_id, "id"),
        name=name,
        description=description,
        convener_id=decode_optional_id(convener_id, "Unit", field="convenerId"),
    )


async def change_alliance_member(
    actor: Actor, *, alliance_id: str, unit_id: str, add: bool
) -> Alliance:
    alliance = _alliance_id(alliance_id)
    unit = decode_id(unit_id, "Unit", field="unitId")
    if add:
        await organization.add_alliance_member(
            actor, alliance_id=alliance, unit_id=unit
        )
    else:
        await organization.remove_alliance_member(
            actor, alliance_id=alliance, unit_id=unit
        )
    return await Alliance.get(id=alliance)


async def change_alliance_brigade(
    actor: Actor, *, alliance_id: str, brigade_id: str, join: bool
) -> Alliance:
    alliance = _alliance_id(alliance_id)
    brigade = decode_id(brigade_id, "Brigade", field="brigadeId")
    if join:
        await organization.join_alliance(
            actor, alliance_id=alliance, brigade_id=brigade
        )
    else:
        await organization.leave_alliance(
            actor, alliance_id=alliance, brigade_id=brigade
        )
    return await Alliance.get(id=alliance)


async def create_brigade(
    actor: Actor,
    *,
    name: str,
    level: str,
    region_id: str,
    parent_id: str | None,
    captain_id: str | None,
) -> Brigade:
    return await organization.create_brigade(
        actor,
        name=name,
        level=RegionLevel(level),
        region_id=decode_id(region_id, "Region", field="regionId"),
        parent_id=decode_optional_id(parent_id, "Brigade", field="parentId"),
        captain_id=decode_optional_id(captain_id, "Volunteer", field="captainId"),
    )


async def update_brigade(
    actor: Actor,
    *,
    brigade_id: str,
    name: str | None,
    captain_id: str | None,
    remove_captain: bool,
) -> Brigade:
    return await organization.update_brigade(
        actor,
        brigade_id=decode_id(brigade_id, "Brigade", field="id"),
        name=name,
        captain_id=decode_optional_id(captain_id, "Volunteer", field="captainId"),
        remove_captain=remove_captain,
    )
