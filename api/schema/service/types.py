"""Types of signups, service records, the points ledger and certificates."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import strawberry
from strawberry import relay
from strawberry.types import Info

from api.resolvers.ids import encode_id
from api.schema.activity.types import ActivityType, PositionType
from api.schema.node import row_ids
from api.schema.people.types import OWN_RECORD_NODE, VolunteerType
from api.security.records import readable_rows
from db.models import enums
from db.models.activity import Signup
from db.models.service import Certificate, PointsEntry, ServiceRecord
from domain.certificates import Verification
from domain.ledger import LedgerResult
from domain.stars import hundredths_to_points, minutes_to_hours

SignupStatus = strawberry.enum(
    enums.SignupStatus,
    description="Status of a signup (报名): SIGNED_UP, CHECKED_IN 已签到, "
    "CHECKED_OUT 已签退, CANCELLED, NO_SHOW 缺席.",
)
RecordSource = strawberry.enum(
    enums.RecordSource,
    description="Where a service record comes from: ATTENDANCE (check-in and "
    "check-out), SELF_REPORT, or CORRECTION of a confirmed record.",
)
RecordStatus = strawberry.enum(
    enums.RecordStatus, description="Review status of a service record."
)
PointsKind = strawberry.enum(
    enums.PointsKind,
    description="Kind of a ledger entry: EARNED from confirmed hours, REDEEMED "
    "for a reward, ADJUSTED by a correction or an administrator.",
)


def _global_id(type_name: str, node_id: int | None) -> strawberry.ID | None:
    return None if node_id is None else strawberry.ID(encode_id(type_name, node_id))


@strawberry.type(
    name="Signup",
    description="A volunteer's place in a position" + OWN_RECORD_NODE,
)
class SignupType(relay.Node):
    id: relay.NodeID[int]
    status: SignupStatus = strawberry.field(description="Current status.")
    checked_in_at: datetime | None = strawberry.field(description="Check-in time.")
    checked_out_at: datetime | None = strawberry.field(description="Check-out time.")
    volunteer_id: strawberry.Private[int]
    position_id: strawberry.Private[int]
    activity_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: Signup) -> SignupType:
        return cls(
            id=row.id,
            status=SignupStatus(row.status),
            checked_in_at=row.checked_in_at,
            checked_out_at=row.checked_out_at,
            volunteer_id=row.volunteer_id,
            position_id=row.position_id,
            activity_id=row.activity_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        loader = info.context.loaders.signup_by_id
        rows = await readable_rows(info, await loader.load_many(row_ids(node_ids)))
        return [cls.from_model(row) if row else None for row in rows]

    @strawberry.field(description="The volunteer who signed up.")
    async def volunteer(self, info: Info) -> VolunteerType | None:
        row = await info.context.loaders.volunteer_by_id.load(self.volunteer_id)
        return VolunteerType.from_model(row) if row else None

    @strawberry.field(description="The position taken; its activity is under it.")
    async def position(self, info: Info) -> PositionType | None:
        row = await info.context.loaders.position_by_id.load(self.position_id)
        return PositionType.from_model(row) if row else None

    @strawberry.field(description="The activity of the position.")
    async def activity(self, info: Info) -> ActivityType | None:
        row = await info.context.loaders.activity_by_id.load(self.activity_id)
        return ActivityType.from_model(row) if row else None

    @strawberry.field(
        description="The attendance record that check-out (签退) created, or null "
        "before check-out."
    )
    async def service_record(self, info: Info) -> ServiceRecordType | None:
        loader = info.context.loaders.service_record_by_signup_id
        row = await loader.load(self.id)
        return ServiceRecordType.from_model(row) if row else None


@strawberry.type(
    name="ServiceRecord",
    description="Credited service time (服务时长), in minutes" + OWN_RECORD_NODE,
)
class ServiceRecordType(relay.Node):
    id: relay.NodeID[int]
    minutes: int = strawberry.field(
        description="Whole minutes; negative only in a correction."
    )
    source: RecordSource = strawberry.field(description="Where it comes from.")
    status: RecordStatus = strawberry.field(description="Review status.")
    content: str = strawberry.field(description="What was done (self-reports).")
    reason: str = strawberry.field(
        description="Reason of a rejection or correction, or ''."
    )
    offsets_id: strawberry.ID | None = strawberry.field(
        description="Global ID of the record a correction offsets, or null."
    )
    served_on: date = strawberry.field(description="Date of service, local time.")
    confirmed_at: datetime | None = strawberry.field(description="Review time.")
    volunteer_id: strawberry.Private[int]
    activity_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: ServiceRecord) -> ServiceRecordType:
        return cls(
            id=row.id,
            volunteer_id=row.volunteer_id,
            activity_id=row.activity_id,
            minutes=row.minutes,
            source=RecordSource(row.source),
            status=RecordStatus(row.status),
            content=row.content,
            reason=row.reason,
            offsets_id=_global_id("ServiceRecord", row.offsets_id),
            served_on=row.served_on,
            confirmed_at=row.confirmed_at,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        loader = info.context.loaders.service_record_by_id
        rows = await readable_rows(info, await loader.load_many(row_ids(node_ids)))
        return [cls.from_model(row) if row else None for row in rows]

    @strawberry.field(
        description="The minutes as hours, a decimal string with two places "
        'rounded toward zero, e.g. "2.50" or "-0.75".'
    )
    def hours(self) -> str:
        return str(minutes_to_hours(self.minutes))

    @strawberry.field(description="The volunteer credited.")
    async def volunteer(self, info: Info) -> VolunteerType | None:
        row = await info.context.loaders.volunteer_by_id.load(self.volunteer_id)
        return VolunteerType.from_model(row) if row else None

    @strawberry.field(description="The activity served, or null for other service.")
    async def activity(self, info: Info) -> ActivityType | None:
        if self.activity_id is None:
            return None
        row = await info.context.loaders.activity_by_id.load(self.activity_id)
        return ActivityType.from_model(row) if row else None


@strawberry.type(
    name="PointsEntry",
    description="One line of a volunteer's points ledger (积分)" + OWN_RECORD_NODE,
)
class PointsEntryType(relay.Node):
    id: relay.NodeID[int]
    volunteer_id: strawberry.ID = strawberry.field(description="Global Volunteer ID.")
    kind: PointsKind = strawberry.field(description="Kind of entry.")
    points: Decimal = strawberry.field(
        description="Signed amount in points, with two decimals."
    )
    balance_after: Decimal = strawberry.field(
        description="Balance after this entry, in points; never negative."
    )
    reason: str = strawberry.field(description="Why the points moved.")
    replayed: bool = strawberry.field(
        description="True when the idempotency key was seen before and this is "
        "the first result, returned again without a new entry."
    )
    created_at: datetime = strawberry.field(description="When it was written.")

    @classmethod
    def from_result(cls, result: LedgerResult) -> PointsEntryType:
        return cls.from_model(result.entry, replayed=result.replayed)

    @classmethod
    def from_model(cls, row: PointsEntry, *, replayed: bool = False) -> PointsEntryType:
        return cls(
            id=row.id,
            volunteer_id=_global_id("Volunteer", row.volunteer_id),
            kind=PointsKind(row.kind),
            points=hundredths_to_points(row.amount_hundredths),
            balance_after=hundredths_to_points(row.balance_after_hundredths),
            reason=row.reason,
            replayed=replayed,
            created_at=row.created_at,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        loader = info.context.loaders.points_entry_by_id
        rows = await readable_rows(info, await loader.load_many(row_ids(node_ids)))
        return [cls.from_model(row) if row else None for row in rows]


@strawberry.type(
    name="Certificate",
    description="A service certificate issued to a volunteer" + OWN_RECORD_NODE,
)
class CertificateType(relay.Node):
    id: relay.NodeID[int]
    number: str = strawberry.field(description="Number, e.g. CXC-2026-000123.")
    volunteer_id: strawberry.ID = strawberry.field(description="Global Volunteer ID.")
    minutes: int = strawberry.field(description="Confirmed minutes at issue.")
    content: str = strawberry.field(description="Text of the certificate.")
    issuer: str = strawberry.field(description="Issuing organization.")
    issued_at: datetime = strawberry.field(description="Time of issue.")

    @classmethod
    def from_model(cls, row: Certificate) -> CertificateType:
        return cls(
            id=row.id,
            number=row.number,
            volunteer_id=_global_id("Volunteer", row.volunteer_id),
            minutes=row.minutes,
            content=row.content,
            issuer=row.issuer,
            issued_at=row.issued_at,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        loader = info.context.loaders.certificate_by_id
        rows = await readable_rows(info, await loader.load_many(row_ids(node_ids)))
        return [cls.from_model(row) if row else None for row in rows]


@strawberry.type(
    name="CertificateVerification",
    description="The facts a certificate certifies, for anyone holding its number.",
)
class CertificateVerificationType:
    number: str = strawberry.field(description="Certificate number.")
    volunteer_number: str = strawberry.field(
        description="Public volunteer number, not the ID number."
    )
    masked_name: str = strawberry.field(description="Surname and a mask, e.g. 张**.")
    minutes: int = strawberry.field(description="Confirmed minutes certified.")
    content: str = strawberry.field(description="Text of the certificate.")
    issuer: str = strawberry.field(description="Issuing organization.")
    issued_at: datetime = strawberry.field(description="Time of issue.")

    @classmethod
    def from_verification(cls, found: Verification) -> CertificateVerificationType:
        return cls(
            number=found.number,
            volunteer_number=found.volunteer_number,
            masked_name=found.masked_name,
            minutes=found.minutes,
            content=found.content,
            issuer=found.issuer,
            issued_at=found.issued_at,
        )
