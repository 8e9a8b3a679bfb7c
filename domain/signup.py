"""Volunteers taking places (报名) in the positions of open activities.

A place is taken with one conditional update,
`UPDATE position SET taken = taken + 1 WHERE id = ? AND taken < places`,
so concurrent signups never exceed the places: on PostgreSQL the second
writer waits for the row lock and re-checks the condition, and SQLite runs
one writing transaction at a time.
"""

from __future__ import annotations

from datetime import date

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from db.models.activity import Activity, Position, Signup
from db.models.enums import ActivityStatus, SignupStatus, VolunteerStatus
from db.models.people import Volunteer
from domain.activity_rows import (
    HOLDING_PLACE,
    activity_event_fields,
    load_activity,
    require_activity_team,
)
from domain.actor import Actor
from domain.errors import (
    CapacityFull,
    Duplicate,
    InvalidTransition,
    NotEligible,
    ScheduleConflict,
)
from domain.lookup import load, local_date
from domain.outbox import record_audit, record_event
from domain.permissions import require_self


def age_on(birth_date: date, day: date) -> int:
    """Whole years of age on `day`."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


async def sign_up(actor: Actor, *, volunteer_id: int, position_id: int) -> Signup:
    """Take a place in a position of an OPEN activity.

    Raises CapacityFull when no place is left, Duplicate when the volunteer
    already has a signup for this position, ScheduleConflict when another of
    their active signups overlaps in time, and NotEligible for age, skills
    or a suspended volunteer. A cancelled signup is re-activated.
    """
    require_self(actor, volunteer_id)
    try:
        async with in_transaction() as connection:
            # Locking the volunteer serializes one person's concurrent signups,
            # so the overlap check below reads the committed results of the others.
            volunteer = await load(
                Volunteer, volunteer_id, field="volunteerId", for_update=True
            )
            position = await load(Position, position_id, field="positionId")
            activity = await load_activity(position.activity_id)
            _check_eligible(volunteer, position, activity)
            existing = await Signup.filter(
                volunteer=volunteer, position=position
            ).first()
            if existing is not None and existing.status != SignupStatus.CANCELLED:
                raise Duplicate(
                    f"volunteer already signed up for this position "
                    f"({existing.status})",
                    field="positionId",
                )
            await _check_overlap(volunteer, activity)
            await _take_place(position)
            if existing is None:
                signup = await Signup.create(
                    volunteer=volunteer, position=position, activity=activity
                )
            else:
                signup = existing
                signup.status = SignupStatus.SIGNED_UP
                signup.checked_in_at = None
                signup.checked_out_at = None
                await signup.save(
                    update_fields=["status", "checked_in_at", "checked_out_at"]
                )
            await _record_places(
                connection, actor, activity, position, signup, "signUp"
            )
    except IntegrityError as exc:
        # A concurrent request of the same volunteer inserted the same pair.
        raise Duplicate(
            "volunteer already signed up for this position", field="positionId"
        ) from exc
    return signup


def _check_eligible(
    volunteer: Volunteer, position: Position, activity: Activity
) -> None:
    if activity.status != ActivityStatus.OPEN:
        raise InvalidTransition(
            f"signups are taken while the activity is OPEN, it is {activity.status}",
            field="positionId",
        )
    if volunteer.status != VolunteerStatus.ACTIVE:
        raise NotEligible(
            f"a volunteer with status {volunteer.status} cannot sign up",
            field="volunteerId",
        )
    age = age_on(volunteer.birth_date, local_date(activity.starts_at))
    if age < position.min_age:
        raise NotEligible(
            f"this position needs an age of at least {position.min_age}, "
            f"the volunteer will be {age}",
            field="positionId",
        )
    missing = sorted(set(position.required_skills) - set(volunteer.skills))
    if missing:
        raise NotEligible(
            f"this position needs the skills: {', '.join(missing)}",
            field="positionId",
        )


async def _check_overlap(volunteer: Volunteer, activity: Activity) -> None:
    # An activity overlaps itself, so this also finds another position of it.
    clash = await Signup.filter(
        volunteer=volunteer,
        status__in=HOLDING_PLACE,
        activity__starts_at__lt=activity.ends_at,
        activity__ends_at__gt=activity.starts_at,
    ).first()
    if clash is not None:
        raise ScheduleConflict(
            f"the volunteer has signup {clash.id} for an activity at an "
            "overlapping time",
            field="positionId",
        )


async def _take_place(position: Position) -> None:
    taken = await Position.filter(id=position.id, taken__lt=F("places")).update(
        taken=F("taken") + 1
    )
    if taken == 0:
        raise CapacityFull(
            f"all {position.places} places of this position are taken",
            field="positionId",
        )


async def _free_place(position_id: int) -> None:
    await Position.filter(id=position_id, taken__gt=0).update(taken=F("taken") - 1)


async def _record_places(connection, actor, activity, position, signup, action) -> None:
    taken = await Position.filter(id=position.id).values_list("taken", flat=True)
    await record_event(
        connection,
        topic="ACTIVITY",
        kind="PLACES_CHANGED",
        **activity_event_fields(activity, activity.project),
        payload={
            "positionId": position.id,
            "places": position.places,
            "taken": taken[0],
        },
    )
    await record_audit(
        connection,
        actor,
        action=action,
        target=f"Signup:{signup.id}",
        detail={"positionId": position.id},
    )


async def cancel_signup(actor: Actor, *, signup_id: int) -> Signup:
    """Cancel a signup that has not checked in, and free its place."""
    async with in_transaction() as connection:
        signup = await load(Signup, signup_id, field="signupId", for_update=True)
        require_self(actor, signup.volunteer_id)
        if signup.status != SignupStatus.SIGNED_UP:
            raise InvalidTransition(
                f"only a SIGNED_UP signup can be cancelled, this one is "
                f"{signup.status}",
                field="signupId",
            )
        activity = await load_activity(signup.activity_id)
        if activity.status not in (ActivityStatus.PLANNED, ActivityStatus.OPEN):
            raise InvalidTransition(
                f"signups cannot be cancelled once the activity is {activity.status}",
                field="signupId",
            )
        signup.status = SignupStatus.CANCELLED
        await signup.save(update_fields=["status"])
        await _free_place(signup.position_id)
        position = await Position.get(id=signup.position_id)
        await _record_places(
            connection, actor, activity, position, signup, "cancelSignup"
        )
    return signup


async def mark_no_show(actor: Actor, *, signup_id: int) -> Signup:
    """Mark a volunteer who never checked in as a no-show (captains)."""
    async with in_transaction() as connection:
        signup = await load(Signup, signup_id, field="signupId", for_update=True)
        activity = await load_activity(signup.activity_id)
        require_activity_team(actor, activity)
        if signup.status != SignupStatus.SIGNED_UP:
            raise InvalidTransition(
                f"only a SIGNED_UP signup can be a no-show, this one is "
                f"{signup.status}",
                field="signupId",
            )
        if activity.status not in (ActivityStatus.ONGOING, ActivityStatus.FINISHED):
            raise InvalidTransition(
                f"a no-show is marked once the activity is ONGOING or FINISHED, "
                f"it is {activity.status}",
                field="signupId",
            )
        signup.status = SignupStatus.NO_SHOW
        await signup.save(update_fields=["status"])
        await _free_place(signup.position_id)
        position = await Position.get(id=signup.position_id)
        await _record_places(
            connection, actor, activity, position, signup, "markNoShow"
        )
    return signup
