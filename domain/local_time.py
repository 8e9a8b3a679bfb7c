"""Local time of the practice center: Asia/Shanghai, shown as +08:00."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

# China has kept UTC+8 without daylight saving time since 1991, so a fixed
# offset equals Asia/Shanghai for every date this API stores, and needs no
# time zone database on the host.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")


def shanghai_time(value: datetime) -> datetime:
    """Convert an aware timestamp to +08:00; a naive one is taken as UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(SHANGHAI)


def month_bounds(now: datetime) -> tuple[datetime, datetime]:
    """Return the start of the Asia/Shanghai calendar month of `now` and the next."""
    local = shanghai_time(now)
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if start.month == 12:
        stop = start.replace(year=start.year + 1, month=1)
    else:
        stop = start.replace(month=start.month + 1)
    return start, stop
