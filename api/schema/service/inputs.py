"""Inputs of the signup, hours, points and certificate mutations."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry


@strawberry.input(description="A volunteer taking a place in a position.")
class SignUpInput:
    volunteer_id: strawberry.ID = strawberry.field(description="Global Volunteer ID.")
    position_id: strawberry.ID = strawberry.field(description="Global Position ID.")


@strawberry.input(description="One signup to act on.")
class SignupActionInput:
    signup_id: strawberry.ID = strawberry.field(description="Global Signup ID.")


@strawberry.input(description="Self-reported service time (自主申报).")
class ReportHoursInput:
    volunteer_id: strawberry.ID = strawberry.field(description="Global Volunteer ID.")
    minutes: int = strawberry.field(description="Whole minutes, 1 to 1440.")
    served_on: date = strawberry.field(description="Date of service; not future.")
    region_id: strawberry.ID = strawberry.field(description="Global Region ID.")
    content: str = strawberry.field(description="What was done; required.")
    activity_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global Activity ID, if it was one."
    )


@strawberry.input(description="One service record to review.")
class ServiceRecordInput:
    record_id: strawberry.ID = strawberry.field(description="Global ServiceRecord ID.")


@strawberry.input(description="Rejection of a pending service record.")
class RejectServiceRecordInput:
    record_id: strawberry.ID = strawberry.field(description="Global ServiceRecord ID.")
    reason: str = strawberry.field(description="Why; required.")


@strawberry.input(description="Correction of a confirmed service record.")
class CorrectServiceRecordInput:
    record_id: strawberry.ID = strawberry.field(
        description="Global ID of the CONFIRMED original record."
    )
    minutes: int = strawberry.field(
        description="Signed change in whole minutes; the record and its "
        "corrections never total less than 0."
    )
    reason: str = strawberry.field(description="Why; required.")


@strawberry.input(description="Spending points on a reward.")
class RedeemPointsInput:
    volunteer_id: strawberry.ID = strawberry.field(description="Global Volunteer ID.")
    points: Decimal = strawberry.field(
        description="Points to spend, more than 0 and at most 1,000,000, with at "
        "most two decimals."
    )
    reason: str = strawberry.field(description="What they are spent on.")
    idempotency_key: str = strawberry.field(
        description="8 to 128 characters, unique per redemption of this "
        "volunteer: a retry with the same key and input returns the first result. "
        "Other volunteers' keys never clash with it."
    )


@strawberry.input(description="A manual grant or withdrawal of points.")
class AdjustPointsInput:
    volunteer_id: strawberry.ID = strawberry.field(description="Global Volunteer ID.")
    points: Decimal = strawberry.field(
        description="Signed points, not 0 and at most 1,000,000 in size, with at "
        "most two decimals."
    )
    reason: str = strawberry.field(description="Why; required.")
    idempotency_key: str = strawberry.field(
        description="8 to 128 characters, unique per adjustment of this volunteer."
    )


@strawberry.input(description="A certificate of a volunteer's confirmed service.")
class IssueCertificateInput:
    volunteer_id: strawberry.ID = strawberry.field(description="Global Volunteer ID.")
    issuer: str = strawberry.field(description="Issuing organization.")
    content: str = strawberry.field(default="", description="Text of the certificate.")


@strawberry.input(description="The number printed on a certificate.")
class VerifyCertificateInput:
    number: str = strawberry.field(description="E.g. CXC-2026-000123.")
