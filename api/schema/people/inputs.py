"""Inputs of the volunteer mutations."""

from __future__ import annotations

import strawberry

from db.models import enums

# NOTE: declared here until the volunteer read types are merged; then this
# module imports PoliticalStatus from api.schema.people.types instead.
PoliticalStatus = strawberry.enum(
    enums.PoliticalStatus,
    description="Political status (政治面貌): CPC_MEMBER 中共党员, CPC_PROBATIONARY "
    "预备党员, CYL_MEMBER 共青团员, DEMOCRATIC_PARTY 民主党派, MASSES 群众.",
)


@strawberry.input(description="A person registering as a volunteer.")
class RegisterVolunteerInput:
    name: str = strawberry.field(description="Name, at most 32 characters.")
    id_number: str = strawberry.field(
        description="18-character resident ID number; full-width digits and a "
        "lower-case x are accepted. Sex and birth date are taken from it."
    )
    phone: str = strawberry.field(description="Mainland mobile number.")
    region_id: strawberry.ID = strawberry.field(description="Global Region ID.")
    political_status: PoliticalStatus = strawberry.field(
        default=PoliticalStatus.MASSES, description="Political status."
    )
    tags: list[str] = strawberry.field(
        default_factory=list, description="Tags such as 退役军人 or 道德模范."
    )
    skills: list[str] = strawberry.field(
        default_factory=list, description="Skills such as 急救 or 手语."
    )
    brigade_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a Brigade to join at once."
    )


@strawberry.input(description="A volunteer and a brigade.")
class BrigadeMembershipInput:
    volunteer_id: strawberry.ID = strawberry.field(description="Global Volunteer ID.")
    brigade_id: strawberry.ID = strawberry.field(description="Global Brigade ID.")
