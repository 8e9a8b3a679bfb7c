"""Platform, unit, alliance and brigade types."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info
from strawberry.types.lazy_type import LazyType

from api.resolvers.pagination import load_nested_page
from api.schema.geo.types import RegionLevel, RegionType
from api.schema.node import row_ids
from api.schema.pagination import CountedConnection, build_connection, page_request
from db.models import enums
from db.models.org import Alliance, Brigade, Platform, Unit

if TYPE_CHECKING:
    from api.schema.people.types import VolunteerType

PlatformOrigin = strawberry.enum(
    enums.PlatformOrigin,
    description="Where a platform's model comes from (平台来源): "
    "NATIONAL 全国统一, LOCAL 本地特色.",
)
UnitKind = strawberry.enum(
    enums.UnitKind,
    description="Kind of unit (单位类型): PARTY_GOVERNMENT 党政机关, SCHOOL 学校, "
    "HOSPITAL 医院, COMPANY 企业, SOCIAL_ORGANIZATION 社会组织.",
)

Volunteer = Annotated["VolunteerType", strawberry.lazy("api.schema.people.types")]
# A lazy reference inside a generic must be a LazyType instance: an Annotated
# string is evaluated too early and fails on the circular import.
VolunteerPage = CountedConnection[LazyType("VolunteerType", "api.schema.people.types")]


async def _load_region(info: Info, region_id: int) -> RegionType | None:
    row = await info.context.loaders.region_by_id.load(region_id)
    return RegionType.from_model(row) if row else None


@strawberry.type(
    name="Platform", description="A city-level service platform (服务平台)."
)
class PlatformType(relay.Node):
    id: relay.NodeID[int]
    code: str = strawberry.field(
        description="Stable short code, e.g. THEORY; at most 32 characters."
    )
    name: str = strawberry.field(description="Chinese name; at most 64 characters.")
    origin: PlatformOrigin = strawberry.field(description="National or local model.")
    description: str = strawberry.field(description="What the platform offers.")

    @classmethod
    def from_model(cls, row: Platform) -> PlatformType:
        return cls(
            id=row.id,
            code=row.code,
            name=row.name,
            origin=PlatformOrigin(row.origin),
            description=row.description,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        rows = await info.context.loaders.platform_by_id.load_many(row_ids(node_ids))
        return [cls.from_model(row) if row else None for row in rows]

    @strawberry.field(
        description="The volunteer service alliance of this platform, or null."
    )
    async def alliance(self, info: Info) -> AllianceType | None:
        row = await info.context.loaders.alliance_by_platform_id.load(self.id)
        return AllianceType.from_model(row) if row else None


@strawberry.type(
    name="Unit",
    description="A unit (单位): department, school, hospital, company or "
    "social organization.",
)
class UnitType(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Chinese name; at most 128 characters.")
    kind: UnitKind = strawberry.field(description="Kind of unit.")
    region_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: Unit) -> UnitType:
        return cls(
            id=row.id, name=row.name, kind=UnitKind(row.kind), region_id=row.region_id
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        rows = await info.context.loaders.unit_by_id.load_many(row_ids(node_ids))
        return [cls.from_model(row) if row else None for row in rows]

    @strawberry.field(description="The region where the unit sits.")
    async def region(self, info: Info) -> RegionType | None:
        return await _load_region(info, self.region_id)


@strawberry.type(
    name="Alliance",
    description="A volunteer service alliance (志愿服务联盟): the horizontal union "
    "of units and brigades around one platform, led by a convener unit.",
)
class AllianceType(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Chinese name; at most 64 characters.")
    description: str = strawberry.field(description="What the alliance does.")
    platform_id: strawberry.Private[int]
    convener_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: Alliance) -> AllianceType:
        return cls(
            id=row.id,
            name=row.name,
            description=row.description,
            platform_id=row.platform_id,
            convener_id=row.convener_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        rows = await info.context.loaders.alliance_by_id.load_many(row_ids(node_ids))
        return [cls.from_model(row) if row else None for row in rows]

    @strawberry.field(description="The platform this alliance serves.")
    async def platform(self, info: Info) -> PlatformType | None:
        row = await info.context.loaders.platform_by_id.load(self.platform_id)
        return PlatformType.from_model(row) if row else None

    @strawberry.field(description="The convener unit (召集单位) that leads it.")
    async def convener(self, info: Info) -> UnitType | None:
        row = await info.context.loaders.unit_by_id.load(self.convener_id)
        return UnitType.from_model(row) if row else None

    @strawberry.field(
        description="Member units (成员单位) other than the convener, by id; "
        "the whole list, not paged."
    )
    async def members(self, info: Info) -> list[UnitType]:
        rows = await info.context.loaders.units_by_alliance_id.load(self.id)
        return [UnitType.from_model(row) for row in rows]

    @strawberry.field(
        description="Brigades that joined the alliance, by id; the whole list."
    )
    async def brigades(self, info: Info) -> list[BrigadeType]:
        rows = await info.context.loaders.brigades_by_alliance_id.load(self.id)
        return [BrigadeType.from_model(row) for row in rows]

    @strawberry.field(
        description="Number of ADMITTED projects of the alliance; suspended and "
        "retired ones are not counted."
    )
    async def project_count(self, info: Info) -> int:
        return await info.context.loaders.admitted_project_count_by_alliance_id.load(
            self.id
        )


@strawberry.type(
    name="Brigade",
    description="A volunteer team in the three-level tree: the city corps "
    "(服务总队), a town brigade (大队) or a village squad (小队).",
)
class BrigadeType(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Chinese name; at most 128 characters.")
    level: RegionLevel = strawberry.field(
        description="CITY for the corps, TOWN for a brigade, VILLAGE for a squad; "
        "a child is one level below its parent."
    )
    path: str = strawberry.field(
        description='Ids from the corps down to this brigade, e.g. "/1/4/37/".'
    )
    region_id: strawberry.Private[int]
    parent_id: strawberry.Private[int | None]
    captain_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: Brigade) -> BrigadeType:
        return cls(
            id=row.id,
            name=row.name,
            level=RegionLevel(row.level),
            path=row.path,
            region_id=row.region_id,
            parent_id=row.parent_id,
            captain_id=row.captain_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        rows = await info.context.loaders.brigade_by_id.load_many(row_ids(node_ids))
        return [cls.from_model(row) if row else None for row in rows]

    @strawberry.field(description="The region the brigade serves.")
    async def region(self, info: Info) -> RegionType | None:
        return await _load_region(info, self.region_id)

    @strawberry.field(description="The brigade one level up; null for the corps.")
    async def parent(self, info: Info) -> BrigadeType | None:
        if self.parent_id is None:
            return None
        row = await info.context.loaders.brigade_by_id.load(self.parent_id)
        return BrigadeType.from_model(row) if row else None

    @strawberry.field(
        description="The brigades one level down, by name; the whole list."
    )
    async def children(self, info: Info) -> list[BrigadeType]:
        rows = await info.context.loaders.brigades_by_parent_id.load(self.id)
        return [BrigadeType.from_model(row) for row in rows]

    @strawberry.field(description="The captain (队长), a volunteer; null if none.")
    async def captain(self, info: Info) -> Volunteer | None:
        from api.schema.people.types import VolunteerType

        if self.captain_id is None:
            return None
        row = await info.context.loaders.volunteer_by_id.load(self.captain_id)
        return VolunteerType.from_model(row) if row else None

    @strawberry.field(
        description="Alliances the brigade joined, by id; the whole list."
    )
    async def alliances(self, info: Info) -> list[AllianceType]:
        rows = await info.context.loaders.alliances_by_brigade_id.load(self.id)
        return [AllianceType.from_model(row) for row in rows]

    @strawberry.field(description="Number of member volunteers (队员).")
    async def member_count(self, info: Info) -> int:
        return await info.context.loaders.member_count_by_brigade_id.load(self.id)

    @strawberry.field(
        description="Member volunteers (队员) by id, paged; at most MAX_PAGE_SIZE "
        "(default 100) a page."
    )
    async def members(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> VolunteerPage:
        from api.schema.people.types import VolunteerType

        loaders = info.context.loaders
        page = await load_nested_page(
            self.id,
            page_request(info, first, after, last, before),
            count_loader=loaders.member_count_by_brigade_id,
            page_loader=loaders.members_page_by_brigade_id,
        )
        return build_connection(page, lambda row: VolunteerType.from_model(row))


PlatformConnection = CountedConnection[PlatformType]
UnitConnection = CountedConnection[UnitType]
AllianceConnection = CountedConnection[AllianceType]
BrigadeConnection = CountedConnection[BrigadeType]
