"""Activity and position types."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.types import Info

from api.schema.geo.types import RegionType
from api.schema.node import row_ids
from api.schema.pagination import CountedConnection
from api.schema.project.types import ProjectType
from api.schema.venue.types import HallType
from db.models import enums
from db.models.activity import Activity, Position
from domain.local_time import shanghai_time

ActivityStatus = strawberry.enum(
    enums.ActivityStatus,
    description="Activity status (活动状态): PLANNED 计划中, OPEN 招募中, "
    "ONGOING 进行中, FINISHED 已结束, CANCELLED 已取消.",
)


@strawberry.type(
    name="Activity",
    description="An activity (活动): one scheduled occurrence of a project, at a "
    "hall or a free address, at a time.",
)
class ActivityType(relay.Node):
    id: relay.NodeID[int]
    title: str = strawberry.field(description="Title; at most 128 characters.")
    description: str = strawberry.field(description="What happens.")
    starts_at: datetime = strawberry.field(
        description="Start, with the Asia/Shanghai offset +08:00."
    )
    ends_at: datetime = strawberry.field(
        description="End, with the Asia/Shanghai offset +08:00; after the start."
    )
    address: str = strawberry.field(
        description="Free address when the place is not a hall; may be empty."
    )
    status: ActivityStatus = strawberry.field(description="Status.")
    project_id: strawberry.Private[int]
    hall_id: strawberry.Private[int | None]
    region_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: Activity) -> ActivityType:
        return cls(
            id=row.id,
            title=row.title,
            description=row.description,
            starts_at=shanghai_time(row.starts_at),
            ends_at=shanghai_time(row.ends_at),
            address=row.address,
            status=ActivityStatus(row.status),
            project_id=row.project_id,
            hall_id=row.hall_id,
            region_id=row.region_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        rows = await info.context.loaders.activity_by_id.load_many(row_ids(node_ids))
        return [cls.from_model(row) if row else None for row in rows]

    @strawberry.field(description="The project this activity belongs to.")
    async def project(self, info: Info) -> ProjectType | None:
        row = await info.context.loaders.project_by_id.load(self.project_id)
        return ProjectType.from_model(row) if row else None

    @strawberry.field(description="The hall where it takes place, or null.")
    async def hall(self, info: Info) -> HallType | None:
        if self.hall_id is None:
            return None
        row = await info.context.loaders.hall_by_id.load(self.hall_id)
        return HallType.from_model(row) if row else None

    @strawberry.field(description="The region where it takes place.")
    async def region(self, info: Info) -> RegionType | None:
        row = await info.context.loaders.region_by_id.load(self.region_id)
        return RegionType.from_model(row) if row else None

    @strawberry.field(description="Positions (岗位) of the activity, by id.")
    async def positions(self, info: Info) -> list[PositionType]:
        rows = await info.context.loaders.positions_by_activity_id.load(self.id)
        return [PositionType.from_model(row) for row in rows]


@strawberry.type(
    name="Position",
    description="A position (岗位): a role within an activity with a number of "
    "places for volunteers.",
)
class PositionType(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Name; at most 64 characters.")
    places: int = strawberry.field(description="Capacity in volunteers, > 0.")
    taken: int = strawberry.field(description="Places held by signups, 0 to places.")
    required_skills: list[str] = strawberry.field(
        description="Skills a volunteer needs for it; empty when none."
    )
    min_age: int = strawberry.field(
        description="Minimum age in whole years; 0 when none."
    )
    activity_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: Position) -> PositionType:
        return cls(
            id=row.id,
            name=row.name,
            places=row.places,
            taken=row.taken,
            required_skills=list(row.required_skills),
            min_age=row.min_age,
            activity_id=row.activity_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        rows = await info.context.loaders.position_by_id.load_many(row_ids(node_ids))
        return [cls.from_model(row) if row else None for row in rows]

    @strawberry.field(description="Places still free: places minus taken.")
    def places_left(self) -> int:
        return self.places - self.taken

    @strawberry.field(description="The activity this position belongs to.")
    async def activity(self, info: Info) -> ActivityType | None:
        row = await info.context.loaders.activity_by_id.load(self.activity_id)
        return ActivityType.from_model(row) if row else None


ActivityConnection = CountedConnection[ActivityType]
PositionConnection = CountedConnection[PositionType]
