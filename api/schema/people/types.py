"""Volunteer types."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from api.schema.geo.types import RegionType
from api.schema.node import row_ids
from api.schema.pagination import CountedConnection
from api.security.pii import PersonalDataFields, personal_fields
from api.security.records import records_readable
from db.models import enums
from db.models.people import Volunteer
from domain.stars import hundredths_to_points, minutes_to_hours, star_level

if TYPE_CHECKING:
    from api.schema.org.types import BrigadeType
    from api.schema.service.types import (
        CertificateType,
        PointsEntryType,
        ServiceRecordType,
        SignupType,
    )
    from api.schema.training.types import TrainingRecordType

Sex = strawberry.enum(enums.Sex, description="Sex (性别): MALE 男, FEMALE 女.")
PoliticalStatus = strawberry.enum(
    enums.PoliticalStatus,
    description="Political status (政治面貌): CPC_MEMBER 中共党员, "
    "CPC_PROBATIONARY 中共预备党员, CYL_MEMBER 共青团员, "
    "DEMOCRATIC_PARTY 民主党派, MASSES 群众.",
)
VolunteerStatus = strawberry.enum(
    enums.VolunteerStatus,
    description="Registration status (注册状态): ACTIVE 在册, SUSPENDED 暂停, "
    "WITHDRAWN 退出.",
)

Brigade = Annotated["BrigadeType", strawberry.lazy("api.schema.org.types")]
# The service types refer back to Volunteer, so they are resolved lazily.
Signup = Annotated["SignupType", strawberry.lazy("api.schema.service.types")]
ServiceRecord = Annotated[
    "ServiceRecordType", strawberry.lazy("api.schema.service.types")
]
PointsEntry = Annotated["PointsEntryType", strawberry.lazy("api.schema.service.types")]
Certificate = Annotated["CertificateType", strawberry.lazy("api.schema.service.types")]
TrainingRecord = Annotated[
    "TrainingRecordType", strawberry.lazy("api.schema.training.types")
]

OWN_RECORDS = (
    "; for the volunteer themself, administrators and captains over one of the "
    "volunteer's brigades, null for others."
)
OWN_RECORD_NODE = (
    "; `node` returns it to the volunteer themself, administrators and captains "
    "over one of the volunteer's brigades, and null to everyone else."
)


@strawberry.type(name="Volunteer", description="A registered volunteer (注册志愿者).")
class VolunteerType(PersonalDataFields, relay.Node):
    # name, birthDate, idNumber, phone, idNumberMasked and phoneMasked come
    # from PersonalDataFields, which shows each per the reader's role.

    id: relay.NodeID[int]
    number: str = strawberry.field(
        description="Public volunteer number (志愿者编号), used on certificates and "
        "exports in place of the ID number; at most 16 characters."
    )
    sex: Sex = strawberry.field(description="Sex.")
    political_status: PoliticalStatus = strawberry.field(
        description="Political status."
    )
    tags: list[str] = strawberry.field(
        description="Tags (标签) such as 老党员, 退休干部, 道德模范, 乡土文化能人."
    )
    skills: list[str] = strawberry.field(description="Skills (技能) as free words.")
    status: VolunteerStatus = strawberry.field(description="Registration status.")
    registered_on: date = strawberry.field(
        description="Date of registration (注册日期), in Asia/Shanghai."
    )
    confirmed_minutes: int = strawberry.field(
        description="Confirmed service time (已确认服务时长) in whole minutes; "
        "pending and rejected records are not counted."
    )
    points_hundredths: strawberry.Private[int]
    region_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: Volunteer) -> VolunteerType:
        return cls(
            id=row.id,
            number=row.number,
            sex=Sex(row.sex),
            personal=personal_fields(row),
            political_status=PoliticalStatus(row.political_status),
            tags=list(row.tags),
            skills=list(row.skills),
            status=VolunteerStatus(row.status),
            registered_on=row.registered_on,
            confirmed_minutes=row.confirmed_minutes,
            points_hundredths=row.points_hundredths,
            region_id=row.region_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        rows = await info.context.loaders.volunteer_by_id.load_many(row_ids(node_ids))
        return [cls.from_model(row) if row else None for row in rows]

    @strawberry.field(
        description="Confirmed service hours (服务时长) as a decimal string with two "
        'places, rounded down, e.g. "12.50"; exact, unlike a Float.'
    )
    def confirmed_hours(self) -> str:
        return str(minutes_to_hours(self.confirmed_minutes))

    @strawberry.field(
        description="Star level (星级) 0-5 by confirmed hours; the thresholds are "
        "STAR_THRESHOLDS, default 100/300/600/1000/1500 hours."
    )
    def star_level(self, info: Info) -> int:
        return star_level(self.confirmed_minutes, info.context.settings.star_thresholds)

    @strawberry.field(
        description="Points balance (积分余额) as a decimal string with two places, "
        'e.g. "3.25"; never negative.'
    )
    def points(self) -> str:
        return str(hundredths_to_points(self.points_hundredths))

    @strawberry.field(description="The region where the volunteer registered.")
    async def region(self, info: Info) -> RegionType | None:
        row = await info.context.loaders.region_by_id.load(self.region_id)
        return RegionType.from_model(row) if row else None

    @strawberry.field(
        description="Brigades the volunteer is a member of, by id; the whole list."
    )
    async def brigades(self, info: Info) -> list[Brigade]:
        from api.schema.org.types import BrigadeType

        rows = await info.context.loaders.brigades_by_volunteer_id.load(self.id)
        return [BrigadeType.from_model(row) for row in rows]

    async def _records_visible(self, info: Info) -> bool:
        return await records_readable(info, self.id)

    @strawberry.field(
        description="Signups (报名), newest first, the whole list" + OWN_RECORDS
    )
    async def signups(self, info: Info) -> list[Signup] | None:
        from api.schema.service.types import SignupType

        if not await self._records_visible(info):
            return None
        rows = await info.context.loaders.signups_by_volunteer_id.load(self.id)
        return [SignupType.from_model(row) for row in rows]

    @strawberry.field(
        description="Service records (服务记录) of every status, by date of service "
        "newest first, the whole list" + OWN_RECORDS
    )
    async def service_records(self, info: Info) -> list[ServiceRecord] | None:
        from api.schema.service.types import ServiceRecordType

        if not await self._records_visible(info):
            return None
        loader = info.context.loaders.service_records_by_volunteer_id
        return [ServiceRecordType.from_model(row) for row in await loader.load(self.id)]

    @strawberry.field(
        description="The points ledger (积分明细), newest entry first, the whole "
        "list" + OWN_RECORDS
    )
    async def points_entries(self, info: Info) -> list[PointsEntry] | None:
        from api.schema.service.types import PointsEntryType

        if not await self._records_visible(info):
            return None
        loader = info.context.loaders.points_entries_by_volunteer_id
        return [PointsEntryType.from_model(row) for row in await loader.load(self.id)]

    @strawberry.field(
        description="Service certificates (服务证明) issued, newest first" + OWN_RECORDS
    )
    async def certificates(self, info: Info) -> list[Certificate] | None:
        from api.schema.service.types import CertificateType

        if not await self._records_visible(info):
            return None
        loader = info.context.loaders.certificates_by_volunteer_id
        return [CertificateType.from_model(row) for row in await loader.load(self.id)]

    @strawberry.field(
        description="Courses completed (培训记录), newest first" + OWN_RECORDS
    )
    async def training_records(self, info: Info) -> list[TrainingRecord] | None:
        from api.schema.training.types import TrainingRecordType

        if not await self._records_visible(info):
            return None
        loader = info.context.loaders.training_records_by_volunteer_id
        rows = await loader.load(self.id)
        return [TrainingRecordType.from_model(row) for row in rows]


VolunteerConnection = CountedConnection[VolunteerType]
