"""Root subscription fields of live updates."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.types import Info

from api.context import renew_loaders
from api.resolvers.live.subscription import (
    activity_updates,
    dashboard_changes,
    request_event_scope,
    service_request_updates,
)
from api.schema.live.inputs import ActivityUpdateFilter, ServiceRequestUpdateFilter
from api.schema.live.types import (
    ActivityUpdate,
    DashboardChange,
    EventId,
    ServiceRequestUpdate,
)
from api.security.permissions import IsStaffOrPartner

_AFTER = (
    "Resume after this event id: first every later matching event from the "
    "record, then live ones, with no gap and no duplicate. Null: live only."
)
_DROPPED = (
    " A subscriber that falls LIVE_QUEUE_SIZE (default 1000) events behind is "
    "ended with error code SUBSCRIBER_TOO_SLOW and its lastEventId."
)


AfterEventId = Annotated[EventId | None, strawberry.argument(description=_AFTER)]


@strawberry.type
class LiveSubscription:
    @strawberry.subscription(
        description="Changes to activities, in event id order." + _DROPPED
    )
    async def activity_updates(
        self,
        info: Info,
        filter: ActivityUpdateFilter | None = None,
        after_event_id: AfterEventId = None,
    ) -> AsyncGenerator[ActivityUpdate, None]:
        filter = filter or ActivityUpdateFilter()
        events = await activity_updates(
            alliance=filter.alliance,
            within=filter.within,
            category=filter.category.value if filter.category else None,
            project=filter.project,
            after_event_id=after_event_id,
        )
        async for event in events:
            # Related objects are read afresh for every event.
            renew_loaders()
            yield ActivityUpdate.from_model(event)

    @strawberry.subscription(
        description="Changes to residents' service requests, in event id order; "
        "for administrators (all), conveners (their alliance), captains (the "
        "region of their brigade and under it) and partner keys (their alliances "
        "and regions)." + _DROPPED,
        permission_classes=[IsStaffOrPartner],
    )
    async def service_request_updates(
        self,
        info: Info,
        filter: ServiceRequestUpdateFilter | None = None,
        after_event_id: AfterEventId = None,
    ) -> AsyncGenerator[ServiceRequestUpdate, None]:
        filter = filter or ServiceRequestUpdateFilter()
        events = await service_request_updates(
            alliance=filter.alliance,
            within=filter.within,
            category=filter.category.value if filter.category else None,
            after_event_id=after_event_id,
        )
        in_scope = await request_event_scope(info.context.actor)
        async for event in events:
            # The event row carries the columns the scope check needs.
            if not in_scope(event):
                continue
            renew_loaders()
            yield ServiceRequestUpdate.from_model(event)

    @strawberry.subscription(
        description="For big screens: a tick whenever dashboard figures of the "
        "region (or the whole city) may have changed, at most once per "
        "LIVE_DASHBOARD_INTERVAL_SECONDS (default 1) per subscriber."
    )
    async def dashboard_changes(
        self, info: Info, region_code: str | None = None
    ) -> AsyncGenerator[DashboardChange, None]:
        interval = info.context.settings.live_dashboard_interval_seconds
        ticks = await dashboard_changes(region_code=region_code, interval=interval)
        async for event_id in ticks:
            yield DashboardChange(event_id=EventId(event_id), region_code=region_code)
