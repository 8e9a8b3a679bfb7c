"""Region types: the city, its towns and subdistricts, and its villages."""

from __future__ import annotations

import strawberry
from strawberry import relay
from strawberry.types import Info

from api.schema.node import row_ids
from api.schema.pagination import CountedConnection
from db.models import enums
from db.models.geo import Region

RegionLevel = strawberry.enum(
    enums.RegionLevel,
    description="Administrative level (区域级别): "
    "CITY 市, TOWN 镇/街道, VILLAGE 村/社区.",
)


@strawberry.type(name="Region", description="An administrative division (区域).")
class RegionType(relay.Node):
    id: relay.NodeID[int]
    code: str = strawberry.field(
        description="Official division code: 6 digits for the city, 9 for a town, "
        "12 for a village."
    )
    name: str = strawberry.field(description="Official Chinese name.")
    level: RegionLevel = strawberry.field(description="Administrative level.")
    kind: str = strawberry.field(
        description="Kind of division as named locally: 街道, 镇, 功能区, 村 or 社区."
    )
    is_administrative_village: bool = strawberry.field(
        description="True for an administrative village, the unit of hall coverage."
    )
    parent_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: Region) -> RegionType:
        return cls(
            id=row.id,
            code=row.code,
            name=row.name,
            level=RegionLevel(row.level),
            kind=row.kind,
            is_administrative_village=row.is_administrative_village,
            parent_id=row.parent_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        rows = await info.context.loaders.region_by_id.load_many(row_ids(node_ids))
        return [cls.from_model(row) if row else None for row in rows]

    @strawberry.field(description="The division above this one; null for the city.")
    async def parent(self, info: Info) -> RegionType | None:
        if self.parent_id is None:
            return None
        row = await info.context.loaders.region_by_id.load(self.parent_id)
        return RegionType.from_model(row) if row else None

    @strawberry.field(description="The divisions directly below, by code.")
    async def children(self, info: Info) -> list[RegionType]:
        rows = await info.context.loaders.regions_by_parent_id.load(self.id)
        return [RegionType.from_model(row) for row in rows]


RegionConnection = CountedConnection[RegionType]
