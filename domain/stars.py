"""Star levels (星级) from confirmed service hours, and hour/point arithmetic."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal


def star_level(confirmed_minutes: int, thresholds_hours: tuple[int, ...]) -> int:
    """Return 0-5: the number of ascending hour thresholds reached."""
    hours = Decimal(confirmed_minutes) / 60
    return sum(1 for threshold in thresholds_hours if hours >= threshold)


def minutes_to_hours(minutes: int) -> Decimal:
    """Hours with two decimals, rounded down so a display never overstates."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


def hundredths_to_points(hundredths: int) -> Decimal:
    return (Decimal(hundredths) / 100).quantize(Decimal("0.01"))


def points_for_minutes(minutes: int, points_per_hour: Decimal) -> int:
    """Points in hundredths earned by `minutes` of confirmed service, rounded down.

    Callers compute earnings from a volunteer's cumulative confirmed minutes
    and subtract what was already earned, so rounding never accumulates.
    """
    exact = Decimal(minutes) * points_per_hour * 100 / 60
    return int(exact.to_integral_value(rounding=ROUND_DOWN))
