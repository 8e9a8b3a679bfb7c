"""Service request types, as the mutations of the request workflow return them."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.types import Info

from api.resolvers.request.mutation import SubmittedRequest
from api.schema.activity.types import ActivityType
from api.schema.geo.types import RegionType
from api.schema.node import row_ids
from api.schema.org.types import AllianceType, BrigadeType
from api.schema.pagination import CountedConnection
from api.schema.project.types import DeliveryCategory
from db.models import enums
from db.models.enums import Role
from db.models.request import ServiceRequest
from domain.identity import mask_name
from domain.permissions import can_read_request

ServiceRequestStatus = strawberry.enum(
    enums.RequestStatus,
    description="Status of a service request: SUBMITTED 已点单 (in the queue), "
    "DISPATCHED 已派单, ACCEPTED 已接单, DONE 已完成, RATED 已评单, REJECTED 已驳回.",
)


@strawberry.type(
    name="ServiceRequest",
    description="A resident's order for a service (群众点单) and its status.",
)
class ServiceRequestType(relay.Node):
    id: relay.NodeID[int]
    resident_name_masked: str = strawberry.field(
        description="Resident's surname followed by a mask, e.g. 陈**."
    )
    resident_phone_masked: str = strawberry.field(
        description="Resident's phone with the middle four digits masked."
    )
    category: DeliveryCategory = strawberry.field(description="Kind of service.")
    description: str = strawberry.field(description="What the resident asks for.")
    status: ServiceRequestStatus = strawberry.field(description="Current status.")
    reject_reason: str = strawberry.field(description="Why it was rejected, or ''.")
    report: str = strawberry.field(description="What the team did, once DONE.")
    rating: int | None = strawberry.field(description="Resident's rating, 1 to 5.")
    rating_comment: str = strawberry.field(description="Resident's comment, or ''.")
    submitted_at: datetime = strawberry.field(description="When it was ordered.")
    tracking_code: str | None = strawberry.field(
        default=None,
        description="The resident's secret code for rating the request. Only "
        "submitServiceRequest returns it; it is null everywhere else, lists "
        "included, and the center cannot show it again.",
    )
    region_id: strawberry.Private[int]
    brigade_id: strawberry.Private[int | None]
    alliance_id: strawberry.Private[int | None]
    activity_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: ServiceRequest) -> ServiceRequestType:
        return cls(
            id=row.id,
            resident_name_masked=mask_name(row.resident_name),
            resident_phone_masked=row.resident_phone_masked,
            region_id=row.region_id,
            category=DeliveryCategory(row.category),
            description=row.description,
            status=ServiceRequestStatus(row.status),
            brigade_id=row.brigade_id,
            alliance_id=row.alliance_id,
            activity_id=row.activity_id,
            reject_reason=row.reject_reason,
            report=row.report,
            rating=row.rating,
            rating_comment=row.rating_comment,
            submitted_at=row.submitted_at,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        """Build the requests the caller may read, null for the others.

        Only staff read requests; a captain's check loads the brigades and
        regions of the rows through loaders, one query per table.
        """
        loaders = info.context.loaders
        actor = info.context.actor
        rows = await loaders.service_request_by_id.load_many(row_ids(node_ids))
        if actor.is_administrator:
            return [cls.from_model(row) if row else None for row in rows]
        if actor.role not in (Role.CAPTAIN, Role.CONVENER):
            return [None for _ in rows]
        found = [row for row in rows if row is not None]
        brigades = await loaders.brigade_by_id.load_many(
            [row.brigade_id for row in found if row.brigade_id is not None]
        )
        paths = {brigade.id: brigade.path for brigade in brigades if brigade}
        regions = await loaders.region_by_id.load_many([row.region_id for row in found])
        codes = {region.id: region.code for region in regions if region}
        home_region_code = None
        if actor.brigade_path:
            home = await loaders.brigade_by_path.load(actor.brigade_path)
            if home is not None:
                region = await loaders.region_by_id.load(home.region_id)
                home_region_code = region.code if region else None
        requests = []
        for row in rows:
            visible = row is not None and can_read_request(
                actor,
                alliance_id=row.alliance_id,
                brigade_path=paths.get(row.brigade_id),
                region_code=codes.get(row.region_id, ""),
                home_region_code=home_region_code,
            )
            requests.append(cls.from_model(row) if visible else None)
        return requests

    @classmethod
    def from_submitted(cls, submitted: SubmittedRequest) -> ServiceRequestType:
        result = cls.from_model(submitted.request)
        result.tracking_code = submitted.tracking_code
        return result

    @strawberry.field(description="The region the service is for.")
    async def region(self, info: Info) -> RegionType | None:
        row = await info.context.loaders.region_by_id.load(self.region_id)
        return RegionType.from_model(row) if row else None

    @strawberry.field(description="The brigade it is dispatched to, or null.")
    async def brigade(self, info: Info) -> BrigadeType | None:
        if self.brigade_id is None:
            return None
        row = await info.context.loaders.brigade_by_id.load(self.brigade_id)
        return BrigadeType.from_model(row) if row else None

    @strawberry.field(description="The alliance it is dispatched to, or null.")
    async def alliance(self, info: Info) -> AllianceType | None:
        if self.alliance_id is None:
            return None
        row = await info.context.loaders.alliance_by_id.load(self.alliance_id)
        return AllianceType.from_model(row) if row else None

    @strawberry.field(description="The activity scheduled for it, or null.")
    async def activity(self, info: Info) -> ActivityType | None:
        if self.activity_id is None:
            return None
        row = await info.context.loaders.activity_by_id.load(self.activity_id)
        return ActivityType.from_model(row) if row else None


ServiceRequestConnection = CountedConnection[ServiceRequestType]
