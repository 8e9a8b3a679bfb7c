"""The points ledger: earning, redemption under concurrency, idempotency."""

from __future__ import annotations

import asyncio

import pytest

from db.models.enums import PointsKind
from db.models.people import Volunteer
from db.models.service import PointsEntry
from domain import attendance, ledger
from domain.errors import IdempotencyConflict, InsufficientPoints
from domain.stars import star_level
from settings import load_settings
from tests.worlds import (
    ADMIN,
    RECENT_SERVICE_DAY,
    build_world,
    make_volunteer,
    volunteer_actor,
)


async def _confirm(world, volunteer, minutes):
    record = await attendance.report_hours(
        volunteer_actor(volunteer.id),
        volunteer_id=volunteer.id,
        minutes=minutes,
        served_on=RECENT_SERVICE_DAY,
        region_id=world.village.id,
        content="助老服务",
    )
    return await attendance.confirm_record(ADMIN, record_id=record.id)


async def _grant(volunteer, hundredths):
    await ledger.adjust_points(
        ADMIN,
        volunteer_id=volunteer.id,
        amount_hundredths=hundredths,
        reason="opening balance",
        idempotency_key=f"grant-{volunteer.id}-{hundredths}",
    )


async def _redeem(volunteer, hundredths, key, reason="雨伞"):
    return await ledger.redeem_points(
        volunteer_actor(volunteer.id),
        volunteer_id=volunteer.id,
        points_hundredths=hundredths,
        reason=reason,
        idempotency_key=key,
    )


async def _ledger_sum(volunteer) -> int:
    amounts = await PointsEntry.filter(volunteer=volunteer).values_list(
        "amount_hundredths", flat=True
    )
    return sum(amounts)


async def test_fifty_concurrent_redemptions_of_ten() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    await _grant(volunteer, 100_00)

    results = await asyncio.gather(
        *(_redeem(volunteer, 10_00, f"redeem-{index:04d}") for index in range(50)),
        return_exceptions=True,
    )

    successes = [
        result for result in results if isinstance(result, ledger.LedgerResult)
    ]
    rejected = [result for result in results if isinstance(result, InsufficientPoints)]
    assert len(successes) == 10
    assert len(rejected) == 40
    stored = await Volunteer.get(id=volunteer.id)
    assert stored.points_hundredths == 0
    assert await _ledger_sum(volunteer) == 0
    assert await PointsEntry.filter(kind=PointsKind.REDEEMED).count() == 10


async def test_replayed_key_returns_first_entry() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    await _grant(volunteer, 50_00)

    first = await _redeem(volunteer, 10_00, "order-20260302-1")
    again = await _redeem(volunteer, 10_00, "order-20260302-1")

    assert first.replayed is False
    assert again.replayed is True
    assert again.entry.id == first.entry.id
    assert await PointsEntry.filter(kind=PointsKind.REDEEMED).count() == 1
    assert (await Volunteer.get(id=volunteer.id)).points_hundredths == 40_00


async def test_concurrent_replays_write_one_entry() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    await _grant(volunteer, 50_00)

    results = await asyncio.gather(
        *(_redeem(volunteer, 10_00, "order-same-key") for _ in range(5))
    )

    assert len({result.entry.id for result in results}) == 1
    assert (await Volunteer.get(id=volunteer.id)).points_hundredths == 40_00


async def test_reused_key_other_payload_conflicts() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    await _grant(volunteer, 50_00)
    await _redeem(volunteer, 10_00, "order-20260302-2")

    with pytest.raises(IdempotencyConflict) as raised:
        await _redeem(volunteer, 20_00, "order-20260302-2")

    assert raised.value.field == "idempotencyKey"
    assert (await Volunteer.get(id=volunteer.id)).points_hundredths == 40_00


async def test_redemption_over_balance_rejected() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    await _grant(volunteer, 5_00)

    with pytest.raises(InsufficientPoints):
        await _redeem(volunteer, 5_01, "order-too-much")

    assert await PointsEntry.filter(kind=PointsKind.REDEEMED).count() == 0


async def test_earning_follows_cumulative_minutes() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)

    # 1 point an hour: 20 + 20 + 20 minutes earn 0.33, 0.33 and 0.34.
    for _ in range(3):
        await _confirm(world, volunteer, 20)

    amounts = await PointsEntry.filter(volunteer=volunteer).order_by("id")
    assert [entry.amount_hundredths for entry in amounts] == [33, 33, 34]
    assert (await Volunteer.get(id=volunteer.id)).points_hundredths == 100


async def test_correction_below_spent_stops_at_zero() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    record = await _confirm(world, volunteer, 600)
    await _redeem(volunteer, 8_00, "order-spend-8")

    correction = await attendance.correct_record(
        ADMIN, record_id=record.id, minutes=-300, reason="double counted"
    )

    stored = await Volunteer.get(id=volunteer.id)
    assert stored.points_hundredths == 0
    assert stored.confirmed_minutes == 300
    entry = await PointsEntry.get(record=correction)
    assert entry.amount_hundredths == -2_00
    assert "shortfall of 3.00 points" in entry.reason
    assert entry.balance_after_hundredths == 0


async def test_shortfall_recovered_from_later_earnings() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    record = await _confirm(world, volunteer, 600)
    await _redeem(volunteer, 10_00, "order-spend-all")
    correction = await attendance.correct_record(
        ADMIN, record_id=record.id, minutes=-300, reason="double counted"
    )

    await _confirm(world, volunteer, 360)

    stored = await Volunteer.get(id=volunteer.id)
    assert "shortfall of 5.00 points" in correction.reason
    assert stored.confirmed_minutes == 660
    # 11 hours earn 11 points; 10 were given before, so 1 point is new.
    assert stored.points_hundredths == 1_00


async def test_minutes_points_and_stars_agree() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    thresholds = load_settings().star_thresholds  # 100 hours for the first star
    first = await _confirm(world, volunteer, 60 * 24)
    for _ in range(4):
        await _confirm(world, volunteer, 60 * 19)
    # 24 + 4 * 19 = 100 hours, then 99.5, then 100 again.
    levels = [
        star_level((await Volunteer.get(id=volunteer.id)).confirmed_minutes, thresholds)
    ]
    await attendance.correct_record(
        ADMIN, record_id=first.id, minutes=-30, reason="overstated"
    )
    levels.append(
        star_level((await Volunteer.get(id=volunteer.id)).confirmed_minutes, thresholds)
    )
    await attendance.correct_record(
        ADMIN, record_id=first.id, minutes=30, reason="restored"
    )

    stored = await Volunteer.get(id=volunteer.id)
    levels.append(star_level(stored.confirmed_minutes, thresholds))
    assert stored.confirmed_minutes == 6000
    assert stored.points_hundredths == 100_00
    assert await _ledger_sum(volunteer) == 100_00
    assert levels == [1, 0, 1]


async def test_points_rate_from_settings(monkeypatch) -> None:
    monkeypatch.setenv("POINTS_PER_HOUR", "2.5")
    world = await build_world()
    volunteer = await make_volunteer(world)

    await _confirm(world, volunteer, 90)

    entry = await PointsEntry.get(volunteer=volunteer)
    assert entry.kind == PointsKind.EARNED
    assert entry.amount_hundredths == 3_75
    assert (await Volunteer.get(id=volunteer.id)).points_hundredths == 3_75


async def test_same_key_for_two_volunteers_is_independent() -> None:
    world = await build_world()
    first = await make_volunteer(world)
    second = await make_volunteer(world)
    await _grant(first, 50_00)
    await _grant(second, 50_00)

    one = await _redeem(first, 10_00, "order-shared-key")
    other = await _redeem(second, 20_00, "order-shared-key")

    assert other.replayed is False
    assert other.entry.id != one.entry.id
    assert (await Volunteer.get(id=first.id)).points_hundredths == 40_00
    assert (await Volunteer.get(id=second.id)).points_hundredths == 30_00


async def test_client_key_cannot_hit_ledger_key() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    await _grant(volunteer, 50_00)
    earned = await PointsEntry.create(
        volunteer=volunteer,
        amount_hundredths=1_00,
        kind="EARNED",
        reason="服务时长积分",
        idempotency_key="earn:99999",
        request_digest="x",
        balance_after_hundredths=51_00,
    )

    result = await _redeem(volunteer, 10_00, "earn:99999")

    assert result.replayed is False
    assert result.entry.id != earned.id
