"""Activities, positions, signups, confirmed service records and the points ledger.

Activities are generated in order of their start, so each volunteer's
records, and the ledger entries earned from them, come in time order.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from dataset.generate_projects import ProjectPlan
from dataset.names import POSITION_NAMES
from dataset.world import World
from dataset.writer import BatchWriter
from db.models.activity import Activity, Position, Signup
from db.models.enums import (
    ActivityStatus,
    PointsKind,
    ProjectStatus,
    RecordSource,
    RecordStatus,
    SignupStatus,
)
from db.models.service import PointsEntry, ServiceRecord
from domain.actor import SYSTEM
from domain.stars import points_for_minutes

START_MINUTES = (8 * 60, 8 * 60 + 30, 9 * 60, 14 * 60, 14 * 60 + 30, 18 * 60 + 30)
LENGTHS_MINUTES = (90, 120, 120, 150, 180, 240)
PAST_DAYS = 365
FUTURE_DAYS = 28
OPEN_WITHIN_DAYS = 14
NO_SHOW_SHARE = 0.05


@dataclass
class Ledger:
    """Running confirmed minutes and earned points per volunteer."""

    world: World
    minutes: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    earned: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def earn(self, record: ServiceRecord, confirmed_at: datetime) -> PointsEntry | None:
        """Credit a confirmed record and return the ledger entry it earns, if any.

        Earnings are computed from cumulative minutes, so the balance is
        always the whole history's points rounded down once.
        """
        volunteer_id = record.volunteer_id
        self.minutes[volunteer_id] += record.minutes
        total = points_for_minutes(
            self.minutes[volunteer_id], self.world.points_per_hour
        )
        amount = total - self.earned[volunteer_id]
        if amount <= 0:
            return None
        self.earned[volunteer_id] = total
        key = f"earn:{record.id}"
        return PointsEntry(
            id=self.world.next_id("points_entry"),
            volunteer_id=volunteer_id,
            amount_hundredths=amount,
            kind=PointsKind.EARNED,
            reason="服务时长积分",
            record_id=record.id,
            idempotency_key=key,
            request_digest=hashlib.sha256(key.encode()).hexdigest(),
            balance_after_hundredths=total,
            created_at=confirmed_at,
        )


def _activity_day(world: World) -> date:
    """Draw a day: mostly in the past year, some in the coming weeks.

    One activity in ten falls in the current month, so a "this month"
    aggregate has something to count on any day of the month.
    """
    rng = world.rng
    today = world.today
    roll = rng.random()
    if roll < 0.10:
        month_start = today.replace(day=1)
        next_month = (month_start + timedelta(days=32)).replace(day=1)
        days = [
            month_start + timedelta(days=offset)
            for offset in range((next_month - month_start).days)
            if month_start + timedelta(days=offset) != today
        ]
        return rng.choice(days)
    if roll < 0.85:
        return today - timedelta(days=rng.randint(1, PAST_DAYS))
    return today + timedelta(days=rng.randint(1, FUTURE_DAYS))


def _status(world: World, day: date) -> str:
    if day < world.today:
        return ActivityStatus.FINISHED
    if day <= world.today + timedelta(days=OPEN_WITHIN_DAYS):
        return ActivityStatus.OPEN
    return ActivityStatus.PLANNED


class ActivityWriter:
    def __init__(self, world: World, writer: BatchWriter) -> None:
        self.world = world
        self.writer = writer
        self.ledger = Ledger(world)
        self.busy_days: dict[int, set[date]] = defaultdict(set)
        self.region_names = {
            plan.id: plan.name
            for town in world.towns
            for plan in [
                town,
                *world.villages_by_town[town.id],
                *world.communities_by_town[town.id],
            ]
        }

    def _volunteers_for(self, town_index: int, day: date, wanted: int) -> list[int]:
        """Pick up to `wanted` active volunteers of the town who are free that day."""
        rng = self.world.rng
        pool = self.world.volunteers_by_town[town_index]
        registered_on = self.world.volunteer_registered_on
        picked = []
        for volunteer_id in rng.sample(pool, min(len(pool), wanted * 2)):
            if (
                registered_on[volunteer_id] < day
                and day not in self.busy_days[volunteer_id]
            ):
                self.busy_days[volunteer_id].add(day)
                picked.append(volunteer_id)
                if len(picked) == wanted:
                    break
        return picked

    async def write(self, project: ProjectPlan, day: date) -> None:
        world, rng = self.world, self.world.rng
        region_id = rng.choice(project.region_ids)
        hall_id = world.hall_by_village.get(region_id)
        length = rng.choice(LENGTHS_MINUTES)
        starts_at = world.local_datetime(day, rng.choice(START_MINUTES))
        ends_at = starts_at + timedelta(minutes=length)
        status = _status(world, day)
        region_name = self.region_names[region_id]
        activity_id = world.next_id("activity")
        await self.writer.add(
            Activity(
                id=activity_id,
                project_id=project.id,
                title=f"{project.theme}·{region_name}",
                description=f"在{region_name}开展{project.theme}志愿服务",
                starts_at=starts_at,
                ends_at=ends_at,
                hall_id=hall_id,
                address="" if hall_id else f"{region_name}新时代文明实践站",
                region_id=region_id,
                status=status,
                created_at=starts_at - timedelta(days=rng.randint(7, 21)),
            )
        )
        if status == ActivityStatus.FINISHED:
            fill = rng.uniform(0.7, 1.0)
        elif status == ActivityStatus.OPEN:
            fill = rng.uniform(0.1, 0.7)
        else:
            fill = 0.0

        for name in rng.sample(POSITION_NAMES, rng.randint(1, 3)):
            places = rng.randint(3, 12)
            volunteers = self._volunteers_for(
                project.town_index, day, round(places * fill)
            )
            position_id = world.next_id("position")
            await self.writer.add(
                Position(
                    id=position_id,
                    activity_id=activity_id,
                    name=name,
                    places=places,
                    taken=len(volunteers),
                    required_skills=[],
                    min_age=18 if name == "医疗服务" else 0,
                )
            )
            for volunteer_id in volunteers:
                await self._signup(
                    volunteer_id,
                    position_id,
                    activity_id,
                    region_id,
                    status,
                    starts_at,
                    ends_at,
                )

    async def _signup(
        self,
        volunteer_id: int,
        position_id: int,
        activity_id: int,
        region_id: int,
        status: str,
        starts_at: datetime,
        ends_at: datetime,
    ) -> None:
        world, rng = self.world, self.world.rng
        signup_id = world.next_id("signup")
        signed_up_at = starts_at - timedelta(
            days=rng.randint(1, 6), minutes=rng.randrange(600)
        )
        if status != ActivityStatus.FINISHED:
            await self.writer.add(
                Signup(
                    id=signup_id,
                    volunteer_id=volunteer_id,
                    position_id=position_id,
                    activity_id=activity_id,
                    status=SignupStatus.SIGNED_UP,
                    created_at=signed_up_at,
                )
            )
            return
        if rng.random() < NO_SHOW_SHARE:
            await self.writer.add(
                Signup(
                    id=signup_id,
                    volunteer_id=volunteer_id,
                    position_id=position_id,
                    activity_id=activity_id,
                    status=SignupStatus.NO_SHOW,
                    created_at=signed_up_at,
                )
            )
            return

        checked_in_at = starts_at + timedelta(
            minutes=rng.choice((-10, 0, 0, 5, 10, 20))
        )
        checked_out_at = ends_at + timedelta(
            minutes=rng.choice((-20, -5, 0, 0, 10, 30))
        )
        # Credit from the later of start and check-in, capped at the scheduled length.
        served = checked_out_at - max(checked_in_at, starts_at)
        minutes = min(
            int(served.total_seconds() // 60),
            int((ends_at - starts_at).total_seconds() // 60),
        )
        confirmed_at = ends_at + timedelta(hours=2)
        await self.writer.add(
            Signup(
                id=signup_id,
                volunteer_id=volunteer_id,
                position_id=position_id,
                activity_id=activity_id,
                status=SignupStatus.CHECKED_OUT,
                checked_in_at=checked_in_at,
                checked_out_at=checked_out_at,
                created_at=signed_up_at,
            )
        )
        record = ServiceRecord(
            id=world.next_id("service_record"),
            volunteer_id=volunteer_id,
            activity_id=activity_id,
            signup_id=signup_id,
            region_id=region_id,
            minutes=minutes,
            source=RecordSource.ATTENDANCE,
            status=RecordStatus.CONFIRMED,
            content="签到签退自动计时",
            served_on=starts_at.date(),
            confirmed_by=SYSTEM.label,
            confirmed_at=confirmed_at,
            created_at=checked_out_at,
        )
        await self.writer.add(record)
        entry = self.ledger.earn(record, confirmed_at)
        if entry is not None:
            await self.writer.add(entry)


async def write_activities(
    world: World, writer: BatchWriter, projects: list[ProjectPlan], count: int
) -> None:
    """Write `count` activities of admitted projects, with their signups and hours."""
    admitted = [
        project for project in projects if project.status == ProjectStatus.ADMITTED
    ]
    planned = [(_activity_day(world), world.rng.choice(admitted)) for _ in range(count)]
    planned.sort(key=lambda item: item[0])
    activities = ActivityWriter(world, writer)
    for day, project in planned:
        await activities.write(project, day)
    await writer.flush()
