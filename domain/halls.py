"""Rural cultural halls: the five haves, star rating, area and opening hours."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from db.models.enums import RegionLevel
from db.models.geo import Region
from db.models.org import Brigade
from db.models.venue import Hall
from domain.actor import Actor
from domain.errors import Duplicate, InvalidInput
from domain.lookup import load, required_text
from domain.outbox import record_audit, record_event
from domain.permissions import require_administrator, require_brigade


@dataclass(frozen=True)
class FiveHaves:
    """The five haves (五有) a hall is assessed on."""

    venue: bool = False
    exhibition: bool = False
    activities: bool = False
    team: bool = False
    mechanism: bool = False


def _check_star_rating(star_rating: int) -> int:
    if not 1 <= star_rating <= 5:
        raise InvalidInput(
            f"star rating must be 1 to 5, got {star_rating}", field="starRating"
        )
    return star_rating


def _check_area(area_m2: int) -> int:
    if area_m2 <= 0:
        raise InvalidInput(
            f"area must be more than 0 square metres, got {area_m2}", field="areaM2"
        )
    return area_m2


def _apply_haves(hall: Hall, haves: FiveHaves) -> None:
    hall.has_venue = haves.venue
    hall.has_exhibition = haves.exhibition
    hall.has_activities = haves.activities
    hall.has_team = haves.team
    hall.has_mechanism = haves.mechanism


async def create_hall(
    actor: Actor,
    *,
    name: str,
    village_id: int,
    area_m2: int,
    star_rating: int,
    haves: FiveHaves = FiveHaves(),
    opening_hours: str = "",
    brigade_id: int | None = None,
) -> Hall:
    """Create the hall of a village; a village has at most one hall.

    Administrators create any hall; a captain creates halls managed by a
    brigade in their subtree.
    """
    name = required_text(name, field="name", max_length=128)
    _check_area(area_m2)
    _check_star_rating(star_rating)
    try:
        async with in_transaction() as connection:
            village = await load(Region, village_id, field="villageId")
            if village.level != RegionLevel.VILLAGE:
                raise InvalidInput(
                    f"a hall belongs to a village, not a {village.level}",
                    field="villageId",
                )
            brigade = await _load_brigade(actor, brigade_id)
            if await Hall.filter(village=village).exists():
                raise Duplicate("this village already has a hall", field="villageId")
            if await Hall.filter(name=name).exists():
                raise Duplicate(f"a hall named {name} exists", field="name")
            hall = Hall(
                name=name,
                village=village,
                area_m2=area_m2,
                star_rating=star_rating,
                opening_hours=opening_hours.strip(),
                brigade=brigade,
            )
            _apply_haves(hall, haves)
            await hall.save()
            await record_event(
                connection,
                topic="HALL",
                kind="CREATED",
                object_id=hall.id,
                region_code=village.code,
                payload={"name": hall.name, "starRating": hall.star_rating},
            )
            await record_audit(
                connection, actor, action="createHall", target=f"Hall:{hall.id}"
            )
    except IntegrityError as exc:
        raise Duplicate("this hall exists", field="name") from exc
    return hall


async def _load_brigade(actor: Actor, brigade_id: int | None) -> Brigade | None:
    if brigade_id is None:
        require_administrator(actor)
        return None
    brigade = await load(Brigade, brigade_id, field="brigadeId")
    require_brigade(actor, brigade.path)
    return brigade


async def update_hall(
    actor: Actor,
    *,
    hall_id: int,
    name: str | None = None,
    area_m2: int | None = None,
    star_rating: int | None = None,
    haves: FiveHaves | None = None,
    opening_hours: str | None = None,
    brigade_id: int | None = None,
) -> Hall:
    """Edit a hall: administrators, or captains over its managing brigade."""
    try:
        async with in_transaction() as connection:
            hall = await load(
                Hall, hall_id, field="id", for_update=True, related=("village",)
            )
            current = await hall.brigade if hall.brigade_id else None
            if current is None:
                require_administrator(actor)
            else:
                require_brigade(actor, current.path)
            if name is not None:
                hall.name = required_text(name, field="name", max_length=128)
                if await Hall.filter(name=hall.name).exclude(id=hall.id).exists():
                    raise Duplicate(f"a hall named {name} exists", field="name")
            if area_m2 is not None:
                hall.area_m2 = _check_area(area_m2)
            if star_rating is not None:
                hall.star_rating = _check_star_rating(star_rating)
            if haves is not None:
                _apply_haves(hall, haves)
            if opening_hours is not None:
                hall.opening_hours = opening_hours.strip()
            if brigade_id is not None:
                hall.brigade = await _load_brigade(actor, brigade_id)
            await hall.save()
            await record_event(
                connection,
                topic="HALL",
                kind="UPDATED",
                object_id=hall.id,
                region_code=hall.village.code,
                payload={"name": hall.name, "starRating": hall.star_rating},
            )
            await record_audit(
                connection, actor, action="updateHall", target=f"Hall:{hall.id}"
            )
    except IntegrityError as exc:
        raise Duplicate("a hall with this name exists", field="name") from exc
    return hall
