"""Mutations of signups, attendance, records, points and certificates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from api.resolvers.ids import decode_id, decode_optional_id
from db.models.activity import Signup
from db.models.service import Certificate, ServiceRecord
from domain import attendance, certificates, ledger, signup
from domain.actor import Actor
from domain.errors import InvalidInput


def _signup_id(value: str) -> int:
    return decode_id(value, "Signup", field="signupId")


def _record_id(value: str) -> int:
    return decode_id(value, "ServiceRecord", field="recordId")


def _volunteer_id(value: str) -> int:
    return decode_id(value, "Volunteer", field="volunteerId")


async def sign_up(actor: Actor, *, volunteer_id: str, position_id: str) -> Signup:
    return await signup.sign_up(
        actor,
        volunteer_id=_volunteer_id(volunteer_id),
        position_id=decode_id(position_id, "Position", field="positionId"),
    )


async def cancel_signup(actor: Actor, *, signup_id: str) -> Signup:
    return await signup.cancel_signup(actor, signup_id=_signup_id(signup_id))


async def mark_no_show(actor: Actor, *, signup_id: str) -> Signup:
    return await signup.mark_no_show(actor, signup_id=_signup_id(signup_id))


async def check_in(actor: Actor, *, signup_id: str) -> Signup:
    return await attendance.check_in(actor, signup_id=_signup_id(signup_id))


async def check_out(actor: Actor, *, signup_id: str) -> Signup:
    """Check out; the signup is returned, its record is found through it."""
    signup_row = _signup_id(signup_id)
    await attendance.check_out(actor, signup_id=signup_row)
    return await Signup.get(id=signup_row)


async def report_hours(
    actor: Actor,
    *,
    volunteer_id: str,
    minutes: int,
    served_on: date,
    region_id: str,
    content: str,
    activity_id: str | None,
) -> ServiceRecord:
    return await attendance.report_hours(
        actor,
        volunteer_id=_volunteer_id(volunteer_id),
        minutes=minutes,
        served_on=served_on,
        region_id=decode_id(region_id, "Region", field="regionId"),
        content=content,
        activity_id=decode_optional_id(activity_id, "Activity", field="activityId"),
    )


async def confirm_record(actor: Actor, *, record_id: str) -> ServiceRecord:
    return await attendance.confirm_record(actor, record_id=_record_id(record_id))


async def reject_record(actor: Actor, *, record_id: str, reason: str) -> ServiceRecord:
    return await attendance.reject_record(
        actor, record_id=_record_id(record_id), reason=reason
    )


async def correct_record(
    actor: Actor, *, record_id: str, minutes: int, reason: str
) -> ServiceRecord:
    return await attendance.correct_record(
        actor, record_id=_record_id(record_id), minutes=minutes, reason=reason
    )


async def redeem_points(
    actor: Actor,
    *,
    volunteer_id: str,
    points: Decimal,
    reason: str,
    idempotency_key: str,
) -> ledger.LedgerResult:
    return await ledger.redeem_points(
        actor,
        volunteer_id=_volunteer_id(volunteer_id),
        points_hundredths=points_to_hundredths(points),
        reason=reason,
        idempotency_key=idempotency_key,
    )


async def adjust_points(
    actor: Actor,
    *,
    volunteer_id: str,
    points: Decimal,
    reason: str,
    idempotency_key: str,
) -> ledger.LedgerResult:
    return await ledger.adjust_points(
        actor,
        volunteer_id=_volunteer_id(volunteer_id),
        amount_hundredths=points_to_hundredths(points),
        reason=reason,
        idempotency_key=idempotency_key,
    )


async def issue_certificate(
    actor: Actor, *, volunteer_id: str, issuer: str, content: str
) -> Certificate:
    return await certificates.issue_certificate(
        actor,
        volunteer_id=_volunteer_id(volunteer_id),
        issuer=issuer,
        content=content,
    )


async def verify_certificate(number: str) -> certificates.Verification:
    return await certificates.verify_certificate(number)


# One redemption or adjustment moves at most this many points. 1,000,000
# points is over 100 years of full-time service at 1 point an hour, and the
# bound keeps hundredths well inside a 64-bit column.
MAX_POINTS_PER_ENTRY = Decimal(1_000_000)


def points_to_hundredths(points: Decimal) -> int:
    """Convert points to hundredths.

    Rejects NaN, infinities, more than two decimals and a size above
    MAX_POINTS_PER_ENTRY, all as InvalidInput on the field `points`.
    """
    if not points.is_finite():
        raise InvalidInput(
            f"points must be a finite number, got {points}", field="points"
        )
    if abs(points) > MAX_POINTS_PER_ENTRY:
        raise InvalidInput(
            f"points must be at most {MAX_POINTS_PER_ENTRY:,} in size, got {points}",
            field="points",
        )
    hundredths = points * 100
    if hundredths != hundredths.to_integral_value():
        raise InvalidInput(
            f"points have at most two decimals, got {points}", field="points"
        )
    return int(hundredths)
