"""Resolvers of live subscriptions: turn filter arguments into feed streams."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

from strawberry.relay import GlobalID, GlobalIDValueError

from api.live import current_feed
from api.live.filters import EventFilter
from api.live.stream import change_ticks, event_stream, require_feed
from db.models.enums import DeliveryCategory, Role
from db.models.org import Brigade
from db.models.outbox import Event
from domain.actor import Actor
from domain.errors import InvalidInput
from domain.permissions import partner_reaches

ACTIVITY_TOPIC = "ACTIVITY"
REQUEST_TOPIC = "REQUEST"


def parse_object_id(value: str | None, type_name: str, *, field: str) -> int | None:
    """Accept a global ID of `type_name` or a plain database id."""
    if value is None:
        return None
    if value.isascii() and value.isdigit():
        return int(value)
    try:
        global_id = GlobalID.from_id(value)
    except GlobalIDValueError:
        global_id = None
    if (
        global_id is None
        or global_id.type_name != type_name
        or not global_id.node_id.isascii()
        or not global_id.node_id.isdigit()
    ):
        raise InvalidInput(
            f"{value!r} is not an id or a global ID of type {type_name}.", field=field
        )
    return int(global_id.node_id)


def parse_category(value: str | None, *, field: str) -> str | None:
    if value is None:
        return None
    if value not in DeliveryCategory.__members__:
        allowed = ", ".join(DeliveryCategory.__members__)
        raise InvalidInput(
            f"{value!r} is not a delivery category; use one of {allowed}.",
            field=field,
        )
    return value


def parse_region_code(value: str | None, *, field: str) -> str | None:
    if value is None:
        return None
    if not (value.isascii() and value.isdigit()) or len(value) not in (6, 9, 12):
        raise InvalidInput(
            f"{value!r} is not a region code of 6, 9 or 12 digits.", field=field
        )
    return value


def parse_after_event_id(value: int | None) -> int | None:
    if value is not None and value < 0:
        raise InvalidInput("afterEventId must be 0 or more.", field="afterEventId")
    return value


async def activity_updates(
    *,
    alliance: str | None,
    within: str | None,
    category: str | None,
    project: str | None,
    after_event_id: int | None,
) -> AsyncIterator[Event]:
    event_filter = EventFilter(
        topics=frozenset({ACTIVITY_TOPIC}),
        alliance_id=parse_object_id(alliance, "Alliance", field="filter.alliance"),
        within=parse_region_code(within, field="filter.within"),
        category=parse_category(category, field="filter.category"),
        project_id=parse_object_id(project, "Project", field="filter.project"),
    )
    after_event_id = parse_after_event_id(after_event_id)
    return event_stream(require_feed(current_feed()), event_filter, after_event_id)


async def service_request_updates(
    *,
    alliance: str | None,
    within: str | None,
    category: str | None,
    after_event_id: int | None,
) -> AsyncIterator[Event]:
    event_filter = EventFilter(
        topics=frozenset({REQUEST_TOPIC}),
        alliance_id=parse_object_id(alliance, "Alliance", field="filter.alliance"),
        within=parse_region_code(within, field="filter.within"),
        category=parse_category(category, field="filter.category"),
    )
    after_event_id = parse_after_event_id(after_event_id)
    return event_stream(require_feed(current_feed()), event_filter, after_event_id)


async def dashboard_changes(
    *, region_code: str | None, interval: float
) -> AsyncIterator[int]:
    # Every topic feeds some aggregate, and an event with no region (a
    # project admitted, say) may change the figures of any region.
    event_filter = EventFilter(
        within=parse_region_code(region_code, field="regionCode"),
        include_regionless=True,
    )
    return change_ticks(require_feed(current_feed()), event_filter, interval)


async def request_event_scope(actor: Actor) -> Callable[[Event], bool]:
    """Return the test of which service-request events `actor` may receive.

    Administrators receive all of them, a partner key those of its alliances
    and regions, a convener those of their alliance, and a captain those in
    the region of their brigade and under it (one query, made once).
    """
    if actor.is_administrator:
        return lambda event: True
    if actor.is_partner:
        return lambda event: partner_reaches(
            actor, alliance_id=event.alliance_id, region_code=event.region_code
        )
    if actor.role is Role.CONVENER and actor.alliance_id is not None:
        return lambda event: event.alliance_id == actor.alliance_id
    if actor.role is Role.CAPTAIN and actor.brigade_path:
        brigade = await Brigade.get_or_none(path=actor.brigade_path).prefetch_related(
            "region"
        )
        if brigade is not None:
            prefix = brigade.region.code
            return lambda event: event.region_code.startswith(prefix)
    return lambda event: False
