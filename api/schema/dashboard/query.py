"""Root query field of the dashboard domain."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.resolvers.dashboard.query import dashboard
from api.schema.dashboard.types import DashboardType


@strawberry.type
class DashboardQuery:
    @strawberry.field(
        description="Aggregates for big screens (数据大屏) over a region and "
        "everything under it, or the whole data set when regionCode is null; "
        "cached for DASHBOARD_CACHE_SECONDS (default 5)."
    )
    async def dashboard(
        self, info: Info, region_code: str | None = None
    ) -> DashboardType:
        value = await dashboard(info.context.settings, region_code)
        return DashboardType.from_model(value)
