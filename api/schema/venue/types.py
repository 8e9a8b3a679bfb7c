"""Cultural hall types."""

from __future__ import annotations

import strawberry
from strawberry import relay
from strawberry.types import Info

from api.schema.geo.types import RegionType
from api.schema.node import row_ids
from api.schema.org.types import BrigadeType
from api.schema.pagination import CountedConnection
from db.models.venue import Hall


@strawberry.type(
    name="Hall",
    description="A rural cultural hall (农村文化礼堂) in one village, assessed on "
    'the "five haves" (五有) and given a star rating.',
)
class HallType(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Chinese name; at most 128 characters.")
    area_m2: int = strawberry.field(description="Floor area in square metres, > 0.")
    star_rating: int = strawberry.field(description="Star rating (星级), 1-5.")
    has_venue: bool = strawberry.field(description="Has a venue (有场所).")
    has_exhibition: bool = strawberry.field(description="Has exhibitions (有展示).")
    has_activities: bool = strawberry.field(description="Has activities (有活动).")
    has_team: bool = strawberry.field(description="Has a team (有队伍).")
    has_mechanism: bool = strawberry.field(
        description="Has a working mechanism (有机制)."
    )
    opening_hours: str = strawberry.field(
        description='Opening hours as free text, e.g. "周二至周日 8:30-17:00"; '
        "empty when unknown."
    )
    village_id: strawberry.Private[int]
    brigade_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: Hall) -> HallType:
        return cls(
            id=row.id,
            name=row.name,
            area_m2=row.area_m2,
            star_rating=row.star_rating,
            has_venue=row.has_venue,
            has_exhibition=row.has_exhibition,
            has_activities=row.has_activities,
            has_team=row.has_team,
            has_mechanism=row.has_mechanism,
            opening_hours=row.opening_hours,
            village_id=row.village_id,
            brigade_id=row.brigade_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        rows = await info.context.loaders.hall_by_id.load_many(row_ids(node_ids))
        return [cls.from_model(row) if row else None for row in rows]

    @strawberry.field(description="Number of the five haves that hold, 0-5.")
    def five_haves_count(self) -> int:
        haves = (
            self.has_venue,
            self.has_exhibition,
            self.has_activities,
            self.has_team,
            self.has_mechanism,
        )
        return sum(haves)

    @strawberry.field(description="The village (村/社区) the hall belongs to.")
    async def village(self, info: Info) -> RegionType | None:
        row = await info.context.loaders.region_by_id.load(self.village_id)
        return RegionType.from_model(row) if row else None

    @strawberry.field(description="The town or subdistrict (镇/街道) of the village.")
    async def town(self, info: Info) -> RegionType | None:
        village = await info.context.loaders.region_by_id.load(self.village_id)
        if village is None or village.parent_id is None:
            return None
        row = await info.context.loaders.region_by_id.load(village.parent_id)
        return RegionType.from_model(row) if row else None

    @strawberry.field(description="The brigade that manages the hall, or null.")
    async def brigade(self, info: Info) -> BrigadeType | None:
        if self.brigade_id is None:
            return None
        row = await info.context.loaders.brigade_by_id.load(self.brigade_id)
        return BrigadeType.from_model(row) if row else None


HallConnection = CountedConnection[HallType]
