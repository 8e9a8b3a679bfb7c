"""Practice project types."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry import relay
from strawberry.types import Info
from strawberry.types.lazy_type import LazyType

from api.resolvers.pagination import load_nested_page
from api.resolvers.project.query import PUBLIC_STATUSES
from api.schema.node import row_ids
from api.schema.org.types import AllianceType, BrigadeType, PlatformType, UnitType
from api.schema.pagination import CountedConnection, build_connection, page_request
from db.models import enums
from db.models.project import Project, ProjectReview
from domain.local_time import shanghai_time
from domain.permissions import can_review_projects

if TYPE_CHECKING:
    pass

DeliveryCategory = strawberry.enum(
    enums.DeliveryCategory,
    description="Delivery category (五送): THEORY 送理论, POLICY 送政策, "
    "CULTURE 送文化, CIVILITY 送文明, WELLBEING 送幸福.",
)
ProjectStatus = strawberry.enum(
    enums.ProjectStatus,
    description="Admission status (准入状态): DRAFT 草稿, SUBMITTED 待审, "
    "ADMITTED 准入, REJECTED 驳回, SUSPENDED 暂停, RETIRED 退出.",
)

ActivityPage = CountedConnection[LazyType("ActivityType", "api.schema.activity.types")]


@strawberry.type(
    name="ProjectReview",
    description="One transition of a project's admission status (准入审核记录).",
)
class ProjectReviewType:
    from_status: ProjectStatus = strawberry.field(description="Status before.")
    to_status: ProjectStatus = strawberry.field(description="Status after.")
    actor: str = strawberry.field(
        description="Who made the transition: role and account name, e.g. "
        "CAPTAIN:cap15, or SYSTEM. Readers without an account see only the "
        "role, e.g. CAPTAIN."
    )
    opinion: str = strawberry.field(description="Review opinion (审核意见).")
    at: datetime = strawberry.field(
        description="When it was made, with the Asia/Shanghai offset +08:00."
    )

    @classmethod
    def from_model(
        cls, row: ProjectReview, *, role_only: bool = False
    ) -> ProjectReviewType:
        """Build a review; role_only keeps account usernames private."""
        return cls(
            from_status=ProjectStatus(row.from_status),
            to_status=ProjectStatus(row.to_status),
            actor=row.actor.partition(":")[0] if role_only else row.actor,
            opinion=row.opinion,
            at=shanghai_time(row.created_at),
        )


@strawberry.type(
    name="Project",
    description="A practice project (实践项目) on the dynamic project list.",
)
class ProjectType(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Chinese name; at most 128 characters.")
    description: str = strawberry.field(description="What the project does.")
    category: DeliveryCategory = strawberry.field(
        description="What the project delivers."
    )
    status: ProjectStatus = strawberry.field(description="Admission status.")
    platform_id: strawberry.Private[int]
    alliance_id: strawberry.Private[int | None]
    brigade_id: strawberry.Private[int | None]
    unit_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: Project) -> ProjectType:
        return cls(
            id=row.id,
            name=row.name,
            description=row.description,
            category=DeliveryCategory(row.category),
            status=ProjectStatus(row.status),
            platform_id=row.platform_id,
            alliance_id=row.alliance_id,
            brigade_id=row.brigade_id,
            unit_id=row.unit_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        rows = await info.context.loaders.project_by_id.load_many(row_ids(node_ids))
        actor = info.context.actor
        projects = []
        for row in rows:
            # Drafts and projects under review are shown only to the staff who
            # review them.
            visible = row is not None and (
                row.status in PUBLIC_STATUSES
                or can_review_projects(actor, row.alliance_id)
            )
            projects.append(cls.from_model(row) if visible else None)
        return projects

    @strawberry.field(description="The platform the project belongs to.")
    async def platform(self, info: Info) -> PlatformType | None:
        row = await info.context.loaders.platform_by_id.load(self.platform_id)
        return PlatformType.from_model(row) if row else None

    @strawberry.field(description="The alliance that runs it, or null.")
    async def alliance(self, info: Info) -> AllianceType | None:
        if self.alliance_id is None:
            return None
        row = await info.context.loaders.alliance_by_id.load(self.alliance_id)
        return AllianceType.from_model(row) if row else None

    @strawberry.field(description="The owning brigade, or null.")
    async def brigade(self, info: Info) -> BrigadeType | None:
        if self.brigade_id is None:
            return None
        row = await info.context.loaders.brigade_by_id.load(self.brigade_id)
        return BrigadeType.from_model(row) if row else None

    @strawberry.field(description="The owning unit, or null.")
    async def unit(self, info: Info) -> UnitType | None:
        if self.unit_id is None:
            return None
        row = await info.context.loaders.unit_by_id.load(self.unit_id)
        return UnitType.from_model(row) if row else None

    @strawberry.field(
        description="Status transitions of the admission review, oldest first."
    )
    async def reviews(self, info: Info) -> list[ProjectReviewType]:
        rows = await info.context.loaders.reviews_by_project_id.load(self.id)
        role_only = info.context.actor.role is None
        return [ProjectReviewType.from_model(row, role_only=role_only) for row in rows]

    @strawberry.field(
        description="Activities of the project by start time, paged; at most "
        "MAX_PAGE_SIZE (default 100) a page."
    )
    async def activities(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ActivityPage:
        from api.schema.activity.types import ActivityType

        loaders = info.context.loaders
        page = await load_nested_page(
            self.id,
            page_request(info, first, after, last, before),
            count_loader=loaders.activity_count_by_project_id,
            page_loader=loaders.activities_page_by_project_id,
        )
        return build_connection(page, ActivityType.from_model)


ProjectConnection = CountedConnection[ProjectType]
