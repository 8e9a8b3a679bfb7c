"""Units, alliances and the brigade tree."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from db.models.enums import RegionLevel, UnitKind
from db.models.geo import Region
from db.models.org import (
    Alliance,
    AllianceBrigade,
    AllianceMember,
    Brigade,
    Platform,
    Unit,
)
from db.models.people import Volunteer
from domain.actor import Actor
from domain.errors import Duplicate, InvalidInput, NotFound
from domain.lookup import load, required_text
from domain.outbox import record_audit, record_event
from domain.permissions import (
    is_convener_of,
    require_administrator,
    require_alliance,
    require_brigade,
)

# The level a child brigade must have, by the level of its parent.
CHILD_LEVEL = {
    RegionLevel.CITY: RegionLevel.TOWN,
    RegionLevel.TOWN: RegionLevel.VILLAGE,
}


async def create_unit(
    actor: Actor, *, name: str, kind: UnitKind, region_id: int
) -> Unit:
    require_administrator(actor)
    name = required_text(name, field="name", max_length=128)
    try:
        async with in_transaction() as connection:
            region = await load(Region, region_id, field="regionId")
            if await Unit.filter(name=name).exists():
                raise Duplicate(f"a unit named {name} exists", field="name")
            unit = await Unit.create(name=name, kind=kind, region=region)
            await record_audit(
                connection, actor, action="createUnit", target=f"Unit:{unit.id}"
            )
    except IntegrityError as exc:
        raise Duplicate(f"a unit named {name} exists", field="name") from exc
    return unit


async def update_unit(
    actor: Actor,
    *,
    unit_id: int,
    name: str | None = None,
    kind: UnitKind | None = None,
    region_id: int | None = None,
) -> Unit:
    require_administrator(actor)
    try:
        async with in_transaction() as connection:
            unit = await load(Unit, unit_id, field="id", for_update=True)
            if name is not None:
                unit.name = required_text(name, field="name", max_length=128)
                if await Unit.filter(name=unit.name).exclude(id=unit.id).exists():
                    raise Duplicate(f"a unit named {unit.name} exists", field="name")
            if kind is not None:
                unit.kind = kind
            if region_id is not None:
                unit.region = await load(Region, region_id, field="regionId")
            await unit.save()
            await record_audit(
                connection, actor, action="updateUnit", target=f"Unit:{unit.id}"
            )
    except IntegrityError as exc:
        raise Duplicate("a unit with this name exists", field="name") from exc
    return unit


async def create_alliance(
    actor: Actor,
    *,
    name: str,
    platform_id: int,
    convener_id: int,
    description: str = "",
) -> Alliance:
    """Create the alliance of a platform; a platform has at most one."""
    require_administrator(actor)
    name = required_text(name, field="name", max_length=64)
    try:
        async with in_transaction() as connection:
            platform = await load(Platform, platform_id, field="platformId")
            convener = await load(Unit, convener_id, field="convenerId")
            if await Alliance.filter(platform=platform).exists():
                raise Duplicate(
                    "this platform already has an alliance", field="platformId"
                )
            if await Alliance.filter(name=name).exists():
                raise Duplicate(f"an alliance named {name} exists", field="name")
            alliance = await Alliance.create(
                name=name,
                platform=platform,
                convener=convener,
                description=description.strip(),
            )
            await record_event(
                connection,
                topic="ALLIANCE",
                kind="CREATED",
                object_id=alliance.id,
                alliance_id=alliance.id,
                payload={"name": alliance.name},
            )
            await record_audit(
                connection,
                actor,
                action="createAlliance",
                target=f"Alliance:{alliance.id}",
            )
    except IntegrityError as exc:
        raise Duplicate("this alliance exists", field="name") from exc
    return alliance


async def update_alliance(
    actor: Actor,
    *,
    alliance_id: int,
    name: str | None = None,
    description: str | None = None,
    convener_id: int | None = None,
) -> Alliance:
    """Edit an alliance; only an administrator may hand it to another convener."""
    async with in_transaction() as connection:
        alliance = await load(Alliance, alliance_id, field="id", for_update=True)
        require_alliance(actor, alliance.id)
        if name is not None:
            alliance.name = required_text(name, field="name", max_length=64)
            others = Alliance.filter(name=alliance.name).exclude(id=alliance.id)
            if await others.exists():
                raise Duplicate(f"an alliance named {name} exists", field="name")
        if description is not None:
            alliance.description = description.strip()
        if convener_id is not None:
            require_administrator(actor)
            alliance.convener = await load(Unit, convener_id, field="convenerId")
        await alliance.save()
        await record_audit(
            connection, actor, action="updateAlliance", target=f"Alliance:{alliance.id}"
        )
    return alliance


async def add_alliance_member(actor: Actor, *, alliance_id: int, unit_id: int) -> None:
    async with in_transaction() as connection:
        alliance = await load(Alliance, alliance_id, field="allianceId")
        require_alliance(actor, alliance.id)
        unit = await load(Unit, unit_id, field="unitId")
        if unit.id == alliance.convener_id:
            raise InvalidInput("the convener is not listed as a member", field="unitId")
        if await AllianceMember.filter(alliance=alliance, unit=unit).exists():
            raise Duplicate("unit is already a member", field="unitId")
        await AllianceMember.create(alliance=alliance, unit=unit)
        await record_audit(
            connection,
            actor,
            action="addAllianceMember",
            target=f"Alliance:{alliance.id}",
            detail={"unitId": unit.id},
        )


async def remove_alliance_member(
    actor: Actor, *, alliance_id: int, unit_id: int
) -> None:
    async with in_transaction() as connection:
        alliance = await load(Alliance, alliance_id, field="allianceId")
        require_alliance(actor, alliance.id)
        removed = await AllianceMember.filter(
            alliance_id=alliance.id, unit_id=unit_id
        ).delete()
        if not removed:
            raise NotFound("unit is not a member", field="unitId")
        await record_audit(
            connection,
            actor,
            action="removeAllianceMember",
            target=f"Alliance:{alliance.id}",
            detail={"unitId": unit_id},
        )


async def join_alliance(actor: Actor, *, alliance_id: int, brigade_id: int) -> None:
    """Enter a brigade into an alliance: its convener or a captain over it."""
    async with in_transaction() as connection:
        alliance, brigade = await _alliance_and_brigade(actor, alliance_id, brigade_id)
        if await AllianceBrigade.filter(alliance=alliance, brigade=brigade).exists():
            raise Duplicate("brigade already joined this alliance", field="brigadeId")
        await AllianceBrigade.create(alliance=alliance, brigade=brigade)
        await _record_alliance_brigade(
            connection, actor, alliance, brigade, kind="BRIGADE_JOINED"
        )


async def leave_alliance(actor: Actor, *, alliance_id: int, brigade_id: int) -> None:
    """Take a brigade out of an alliance: its convener or a captain over it."""
    async with in_transaction() as connection:
        alliance, brigade = await _alliance_and_brigade(actor, alliance_id, brigade_id)
        removed = await AllianceBrigade.filter(
            alliance=alliance, brigade=brigade
        ).delete()
        if not removed:
            raise NotFound("brigade is not in this alliance", field="brigadeId")
        await _record_alliance_brigade(
            connection, actor, alliance, brigade, kind="BRIGADE_LEFT"
        )


async def _alliance_and_brigade(
    actor: Actor, alliance_id: int, brigade_id: int
) -> tuple[Alliance, Brigade]:
    """Load both rows and check that the actor convenes one or captains the other."""
    alliance = await load(Alliance, alliance_id, field="allianceId")
    brigade = await load(Brigade, brigade_id, field="brigadeId")
    if not is_convener_of(actor, alliance.id):
        require_brigade(actor, brigade.path)
    return alliance, brigade


async def _record_alliance_brigade(
    connection: BaseDBAsyncClient,
    actor: Actor,
    alliance: Alliance,
    brigade: Brigade,
    *,
    kind: str,
) -> None:
    await record_event(
        connection,
        topic="ALLIANCE",
        kind=kind,
        object_id=alliance.id,
        alliance_id=alliance.id,
        payload={"brigadeId": brigade.id},
    )
    action = "joinAlliance" if kind == "BRIGADE_JOINED" else "leaveAlliance"
    await record_audit(
        connection,
        actor,
        action=action,
        target=f"Alliance:{alliance.id}",
        detail={"brigadeId": brigade.id},
    )


async def create_brigade(
    actor: Actor,
    *,
    name: str,
    level: RegionLevel,
    region_id: int,
    parent_id: int | None = None,
    captain_id: int | None = None,
) -> Brigade:
    """Create a brigade one level below its parent; the city corps has none.

    Administrators create any brigade; a captain creates brigades below one
    in their subtree.
    """
    name = required_text(name, field="name", max_length=128)
    level = RegionLevel(level)
    try:
        async with in_transaction() as connection:
            region = await load(Region, region_id, field="regionId")
            if region.level != level:
                raise InvalidInput(
                    f"a {level} brigade needs a {level} region, got {region.level}",
                    field="regionId",
                )
            parent = await _check_parent(actor, level, parent_id)
            captain = await _load_captain(captain_id)
            if await Brigade.filter(name=name).exists():
                raise Duplicate(f"a brigade named {name} exists", field="name")
            brigade = await Brigade.create(
                name=name, level=level, region=region, parent=parent, captain=captain
            )
            # The path ends with the brigade's own id, known only after the insert.
            brigade.path = f"{parent.path if parent else '/'}{brigade.id}/"
            await brigade.save(update_fields=["path"])
            await record_event(
                connection,
                topic="BRIGADE",
                kind="CREATED",
                object_id=brigade.id,
                region_code=region.code,
                payload={"name": brigade.name, "level": brigade.level},
            )
            await record_audit(
                connection,
                actor,
                action="createBrigade",
                target=f"Brigade:{brigade.id}",
            )
    except IntegrityError as exc:
        raise Duplicate("a brigade with this name exists", field="name") from exc
    return brigade


async def _check_parent(
    actor: Actor, level: RegionLevel, parent_id: int | None
) -> Brigade | None:
    if level is RegionLevel.CITY:
        if parent_id is not None:
            raise InvalidInput("the city corps has no parent", field="parentId")
        require_administrator(actor)
        return None
    if parent_id is None:
        raise InvalidInput(f"a {level} brigade needs a parent", field="parentId")
    parent = await load(Brigade, parent_id, field="parentId")
    if CHILD_LEVEL.get(RegionLevel(parent.level)) is not level:
        raise InvalidInput(
            f"a {level} brigade cannot be under a {parent.level} brigade: "
            "a child is exactly one level below its parent",
            field="parentId",
        )
    require_brigade(actor, parent.path)
    return parent


async def _load_captain(captain_id: int | None) -> Volunteer | None:
    if captain_id is None:
        return None
    try:
        return await load(Volunteer, captain_id, field="captainId")
    except NotFound:
        raise InvalidInput(
            "the captain must be a registered volunteer", field="captainId"
        ) from None


async def update_brigade(
    actor: Actor,
    *,
    brigade_id: int,
    name: str | None = None,
    captain_id: int | None = None,
    remove_captain: bool = False,
) -> Brigade:
    """Rename a brigade or change its captain; level and parent are fixed."""
    try:
        async with in_transaction() as connection:
            brigade = await load(Brigade, brigade_id, field="id", for_update=True)
            require_brigade(actor, brigade.path)
            if name is not None:
                brigade.name = required_text(name, field="name", max_length=128)
                others = Brigade.filter(name=brigade.name).exclude(id=brigade.id)
                if await others.exists():
                    raise Duplicate(f"a brigade named {name} exists", field="name")
            if remove_captain:
                brigade.captain = None
            elif captain_id is not None:
                brigade.captain = await _load_captain(captain_id)
            await brigade.save()
            await record_audit(
                connection,
                actor,
                action="updateBrigade",
                target=f"Brigade:{brigade.id}",
            )
    except IntegrityError as exc:
        raise Duplicate("a brigade with this name exists", field="name") from exc
    return brigade
