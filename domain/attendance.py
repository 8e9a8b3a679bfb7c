"""Check-in and check-out, service records and their review (hours, 时长).

Attendance minutes are the time between check-in and check-out clipped to
the scheduled window, so they never exceed the scheduled length. A missed
check-out is closed at the scheduled end when the activity finishes.
A confirmed record is never edited: `correct_record` adds a record that
offsets it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F
from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from db.models.activity import Activity, Signup
from db.models.enums import ActivityStatus, RecordSource, RecordStatus, SignupStatus
from db.models.geo import Region
from db.models.org import BrigadeMember
from db.models.people import Volunteer
from db.models.service import ServiceRecord
from domain.activity_rows import load_activity, require_activity_team
from domain.actor import Actor
from domain.errors import Forbidden, InvalidInput, InvalidTransition
from domain.ledger import settle_record_points, shortfall_note
from domain.lookup import load, local_date, required_text, utc_now
from domain.outbox import record_audit, record_event
from domain.permissions import require_self, require_team
from settings import load_settings

# A self-reported record covers at most one day of service.
MAX_SELF_REPORT_MINUTES = 24 * 60
# A self-report covers service of at most 366 days ago, so that a date one
# year back counts even across a leap day. Older time needs an administrator.
MAX_SELF_REPORT_AGE_DAYS = 366


def attended_minutes(
    activity: Activity, checked_in_at: datetime, checked_out_at: datetime
) -> int:
    """Whole minutes of attendance inside the scheduled window."""
    start = max(checked_in_at, activity.starts_at)
    end = min(checked_out_at, activity.ends_at)
    if end <= start:
        return 0
    return int((end - start).total_seconds() // 60)


def _check_in_scope(actor: Actor, signup: Signup, activity: Activity) -> None:
    if actor.volunteer_id == signup.volunteer_id:
        return
    try:
        require_activity_team(actor, activity)
    except Forbidden:
        raise Forbidden(
            "only the volunteer or the activity's team may record attendance"
        ) from None


async def check_in(
    actor: Actor, *, signup_id: int, at: datetime | None = None
) -> Signup:
    """Record arrival at an OPEN or ONGOING activity."""
    at = at or utc_now()
    async with in_transaction() as connection:
        signup = await load(Signup, signup_id, field="signupId", for_update=True)
        activity = await load_activity(signup.activity_id)
        _check_in_scope(actor, signup, activity)
        if activity.status not in (ActivityStatus.OPEN, ActivityStatus.ONGOING):
            raise InvalidTransition(
                f"check-in needs an OPEN or ONGOING activity, it is {activity.status}",
                field="signupId",
            )
        if signup.status != SignupStatus.SIGNED_UP:
            raise InvalidTransition(
                f"only a SIGNED_UP signup can check in, this one is {signup.status}",
                field="signupId",
            )
        if at >= activity.ends_at:
            raise InvalidInput(
                "check-in after the scheduled end is not possible", field="at"
            )
        signup.status = SignupStatus.CHECKED_IN
        signup.checked_in_at = at
        await signup.save(update_fields=["status", "checked_in_at"])
        await record_audit(
            connection, actor, action="checkIn", target=f"Signup:{signup.id}"
        )
    return signup


async def check_out(
    actor: Actor, *, signup_id: int, at: datetime | None = None
) -> ServiceRecord | None:
    """Record departure and create a PENDING attendance record.

    Returns None when the attendance falls outside the scheduled window, so
    there is no time to credit.
    """
    at = at or utc_now()
    async with in_transaction() as connection:
        signup = await load(Signup, signup_id, field="signupId", for_update=True)
        activity = await load_activity(signup.activity_id)
        _check_in_scope(actor, signup, activity)
        if signup.status != SignupStatus.CHECKED_IN:
            raise InvalidTransition(
                f"only a CHECKED_IN signup can check out, this one is {signup.status}",
                field="signupId",
            )
        if at <= signup.checked_in_at:
            raise InvalidInput("check-out must come after check-in", field="at")
        record = await _close_signup(signup, activity, at)
        await record_audit(
            connection,
            actor,
            action="checkOut",
            target=f"Signup:{signup.id}",
            detail={"recordId": record.id if record else None},
        )
    return record


async def _close_signup(
    signup: Signup, activity: Activity, at: datetime
) -> ServiceRecord | None:
    signup.status = SignupStatus.CHECKED_OUT
    signup.checked_out_at = at
    await signup.save(update_fields=["status", "checked_out_at"])
    minutes = attended_minutes(activity, signup.checked_in_at, at)
    if minutes == 0:
        return None
    return await ServiceRecord.create(
        volunteer_id=signup.volunteer_id,
        activity=activity,
        signup=signup,
        region_id=activity.region_id,
        minutes=minutes,
        source=RecordSource.ATTENDANCE,
        served_on=local_date(activity.starts_at),
    )


async def close_missed_checkouts(
    activity: Activity, *, finished_at: datetime
) -> list[ServiceRecord]:
    """Check out every signup still checked in, at the scheduled end or earlier.

    The check-out time is the earlier of the scheduled end and `finished_at`,
    so finishing an activity early credits no time that has not passed.
    Call inside the transaction that finishes the activity.
    """
    closed_at = min(activity.ends_at, finished_at)
    open_signups = await Signup.filter(
        activity_id=activity.id, status=SignupStatus.CHECKED_IN
    ).select_for_update()
    records = []
    for signup in open_signups:
        # A check-in stamped after the finish still closes no earlier than itself.
        at = max(closed_at, signup.checked_in_at)
        record = await _close_signup(signup, activity, at)
        if record is not None:
            records.append(record)
    return records


async def report_hours(
    actor: Actor,
    *,
    volunteer_id: int,
    minutes: int,
    served_on: date,
    region_id: int,
    content: str,
    activity_id: int | None = None,
) -> ServiceRecord:
    """Self-report service time: a PENDING record for a captain to review."""
    require_self(actor, volunteer_id)
    content = required_text(content, field="content")
    if not 0 < minutes <= MAX_SELF_REPORT_MINUTES:
        raise InvalidInput(
            f"minutes must be 1 to {MAX_SELF_REPORT_MINUTES}, got {minutes}",
            field="minutes",
        )
    today = local_date(utc_now())
    if served_on > today:
        raise InvalidInput("the service date is in the future", field="servedOn")
    earliest = today - timedelta(days=MAX_SELF_REPORT_AGE_DAYS)
    if served_on < earliest:
        raise InvalidInput(
            f"the service date {served_on.isoformat()} is more than "
            f"{MAX_SELF_REPORT_AGE_DAYS} days ago: report service on "
            f"{earliest.isoformat()} or later",
            field="servedOn",
        )
    async with in_transaction() as connection:
        volunteer = await load(Volunteer, volunteer_id, field="volunteerId")
        region = await load(Region, region_id, field="regionId")
        activity = (
            await load(Activity, activity_id, field="activityId")
            if activity_id is not None
            else None
        )
        record = await ServiceRecord.create(
            volunteer=volunteer,
            activity=activity,
            region=region,
            minutes=minutes,
            source=RecordSource.SELF_REPORT,
            content=content,
            served_on=served_on,
        )
        await record_audit(
            connection, actor, action="reportHours", target=f"ServiceRecord:{record.id}"
        )
    return record


async def _require_reviewer(actor: Actor, record: ServiceRecord) -> None:
    """Allow the team of the record's activity or captains of the volunteer."""
    if actor.is_administrator:
        return
    alliance_id = None
    paths: list[str] = []
    if record.activity_id is not None:
        activity = await load_activity(record.activity_id)
        project = activity.project
        alliance_id = project.alliance_id
        if project.brigade_id:
            paths.append(project.brigade.path)
    links = await BrigadeMember.filter(volunteer_id=record.volunteer_id).values_list(
        "brigade__path", flat=True
    )
    paths.extend(links)
    require_team(actor, brigade_paths=paths, alliance_id=alliance_id)


async def confirm_record(actor: Actor, *, record_id: int) -> ServiceRecord:
    """Confirm a PENDING record, add its minutes and earn its points."""
    async with in_transaction() as connection:
        record = await load(ServiceRecord, record_id, field="recordId", for_update=True)
        await _require_reviewer(actor, record)
        if record.volunteer_id == actor.volunteer_id:
            raise Forbidden("a volunteer cannot confirm their own record")
        _require_pending(record)
        record.status = RecordStatus.CONFIRMED
        record.confirmed_by = actor.label
        record.confirmed_at = utc_now()
        await record.save(update_fields=["status", "confirmed_by", "confirmed_at"])
        await _credit(connection, actor, record, "confirmRecord")
    return record


def _require_pending(record: ServiceRecord) -> None:
    if record.status != RecordStatus.PENDING:
        raise InvalidTransition(
            f"only a PENDING record can be reviewed, this one is {record.status}",
            field="recordId",
        )


async def _credit(
    connection: BaseDBAsyncClient, actor: Actor, record: ServiceRecord, action: str
):
    await Volunteer.filter(id=record.volunteer_id).update(
        confirmed_minutes=F("confirmed_minutes") + record.minutes
    )
    settlement = await settle_record_points(
        connection,
        volunteer_id=record.volunteer_id,
        record=record,
        points_per_hour=load_settings().points_per_hour,
    )
    if settlement.shortfall_hundredths and settlement.entry is None:
        # No entry could carry the note because the balance was already 0.
        record.reason += "; " + shortfall_note(settlement.shortfall_hundredths)
        await record.save(update_fields=["reason"])
    region = await Region.get(id=record.region_id)
    await record_event(
        connection,
        topic="DASHBOARD",
        kind="HOURS_CORRECTED" if record.offsets_id else "HOURS_CONFIRMED",
        object_id=record.id,
        region_code=region.code,
        payload={"minutes": record.minutes},
    )
    await record_audit(
        connection,
        actor,
        action=action,
        target=f"ServiceRecord:{record.id}",
        detail={
            "minutes": record.minutes,
            "pointsEntryId": settlement.entry.id if settlement.entry else None,
        },
    )
    return settlement


async def reject_record(actor: Actor, *, record_id: int, reason: str) -> ServiceRecord:
    """Reject a PENDING record with a reason."""
    reason = required_text(reason, field="reason")
    async with in_transaction() as connection:
        record = await load(ServiceRecord, record_id, field="recordId", for_update=True)
        await _require_reviewer(actor, record)
        _require_pending(record)
        record.status = RecordStatus.REJECTED
        record.reason = reason
        record.confirmed_by = actor.label
        record.confirmed_at = utc_now()
        await record.save(
            update_fields=["status", "reason", "confirmed_by", "confirmed_at"]
        )
        await record_audit(
            connection,
            actor,
            action="rejectRecord",
            target=f"ServiceRecord:{record.id}",
        )
    return record


async def _record_cap(record: ServiceRecord) -> int:
    """Return the most minutes a record and its corrections may total.

    A self-report may claim a whole day. Attendance is capped by the
    scheduled length of its activity, or by the minutes already recorded
    when the volunteer checked in before the start.
    """
    if record.source == RecordSource.SELF_REPORT or record.activity_id is None:
        return MAX_SELF_REPORT_MINUTES
    activity = await Activity.get(id=record.activity_id)
    scheduled = int((activity.ends_at - activity.starts_at).total_seconds() // 60)
    return max(scheduled, record.minutes)


async def correct_record(
    actor: Actor, *, record_id: int, minutes: int, reason: str
) -> ServiceRecord:
    """Correct a CONFIRMED record by a new CONFIRMED record that offsets it.

    `minutes` is the signed change (negative to take time back). The
    original and its corrections add up to between 0 and the cap of the
    original: 24 hours for a self-report, else its activity's length. Confirmed
    minutes and points follow in the same transaction (see `domain.ledger`
    for a correction below what was spent).
    """
    reason = required_text(reason, field="reason")
    if minutes == 0:
        raise InvalidInput("a correction cannot be 0 minutes", field="minutes")
    async with in_transaction() as connection:
        original = await load(
            ServiceRecord, record_id, field="recordId", for_update=True
        )
        await _require_reviewer(actor, original)
        if original.status != RecordStatus.CONFIRMED or original.offsets_id:
            raise InvalidTransition(
                "only a CONFIRMED original record can be corrected", field="recordId"
            )
        rows = (
            await ServiceRecord.filter(
                offsets_id=original.id, status=RecordStatus.CONFIRMED
            )
            .annotate(total=Sum("minutes"))
            .values_list("total", flat=True)
        )
        corrected = original.minutes + int((rows[0] if rows else 0) or 0)
        if corrected + minutes < 0:
            raise InvalidInput(
                f"the record totals {corrected} minutes and cannot lose {-minutes}",
                field="minutes",
            )
        cap = await _record_cap(original)
        if corrected + minutes > cap:
            raise InvalidInput(
                f"the record totals {corrected} minutes and cannot gain {minutes}: "
                f"the corrected total is at most {cap} minutes",
                field="minutes",
            )
        now = utc_now()
        record = await ServiceRecord.create(
            volunteer_id=original.volunteer_id,
            activity_id=original.activity_id,
            region_id=original.region_id,
            minutes=minutes,
            source=RecordSource.CORRECTION,
            status=RecordStatus.CONFIRMED,
            reason=reason,
            offsets=original,
            served_on=original.served_on,
            confirmed_by=actor.label,
            confirmed_at=now,
        )
        await _credit(connection, actor, record, "correctRecord")
    return record
