"""The big-screen dashboard: aggregates on a small data set, and its cache."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from api.resolvers.dashboard.cache import clear_dashboard_cache, get_or_compute
from db.models.enums import (
    ActivityStatus,
    DeliveryCategory,
    ProjectStatus,
    RecordStatus,
    VolunteerStatus,
)
from tests.api.graphql import execute
from tests.factories import (
    make_activity,
    make_brigade,
    make_hall,
    make_platform,
    make_project,
    make_region,
    make_service_record,
    make_volunteer,
)

DASHBOARD = """
query Dashboard($regionCode: String) {
  dashboard(regionCode: $regionCode) {
    regionCode
    registeredVolunteers
    brigadesByLevel { level count }
    halls
    hallCoverage { villagesWithHall administrativeVillages ratio }
    projectsByCategory { category count }
    activitiesThisMonth
    confirmedMinutes
    confirmedHours
    hoursByTown { townCode townName minutes hours }
  }
}
"""

DASHBOARD_TOWNS = """
query DashboardTowns {
  dashboard { hoursByTown { town { code level } } }
}
"""


@pytest.fixture(autouse=True)
async def empty_dashboard_cache(settings) -> AsyncIterator[None]:
    await clear_dashboard_cache(settings)
    yield
    await clear_dashboard_cache(settings)


async def _make_data_set() -> None:
    city = await make_region("330282", "慈溪市")
    zonghan = await make_region("330282002", "宗汉街道", parent=city)
    kandun = await make_region("330282003", "坎墩街道", parent=city)
    xintang = await make_region("330282002001", "新塘村", parent=zonghan)
    await make_region("330282002002", "华兴村", parent=zonghan)
    shenjia = await make_region("330282003001", "沈家村", parent=kandun)
    community = await make_region(
        "330282003002", "坎墩社区", parent=kandun, is_administrative_village=False
    )
    await make_hall(xintang)
    await make_hall(shenjia)
    await make_hall(community)

    first = await make_volunteer(xintang, "张伟")
    second = await make_volunteer(kandun, "李娜")
    await make_volunteer(zonghan, "王强")
    await make_volunteer(zonghan, "赵敏", status=VolunteerStatus.SUSPENDED)

    corps = await make_brigade(city, "慈溪市志愿服务总队")
    zonghan_brigade = await make_brigade(zonghan, "宗汉大队", parent=corps)
    await make_brigade(kandun, "坎墩大队", parent=corps)
    await make_brigade(xintang, "新塘小队", parent=zonghan_brigade)

    platform = await make_platform()
    theory = await make_project(
        platform, category=DeliveryCategory.THEORY, brigade=zonghan_brigade
    )
    await make_project(platform, category=DeliveryCategory.THEORY)
    await make_project(platform, category=DeliveryCategory.CULTURE)
    await make_project(
        platform, category=DeliveryCategory.CULTURE, status=ProjectStatus.SUSPENDED
    )
    await make_project(platform, status=ProjectStatus.DRAFT)

    now = datetime.now(UTC)
    await make_activity(theory, xintang, starts_at=now)
    await make_activity(theory, kandun, starts_at=now)
    await make_activity(theory, xintang, starts_at=now, status=ActivityStatus.CANCELLED)
    await make_activity(theory, xintang, starts_at=now - timedelta(days=40))

    original = await make_service_record(first, xintang, 120)
    await make_service_record(first, xintang, -30, offsets=original)
    await make_service_record(first, xintang, 60, status=RecordStatus.PENDING)
    await make_service_record(first, zonghan, 30, status=RecordStatus.REJECTED)
    await make_service_record(second, shenjia, 45)


async def test_dashboard_whole_data_set(client) -> None:
    await _make_data_set()

    body = await execute(client, DASHBOARD)

    dashboard = body["data"]["dashboard"]
    assert dashboard["regionCode"] == ""
    assert dashboard["registeredVolunteers"] == 3
    assert dashboard["brigadesByLevel"] == [
        {"level": "CITY", "count": 1},
        {"level": "TOWN", "count": 2},
        {"level": "VILLAGE", "count": 1},
    ]
    assert dashboard["halls"] == 3
    assert dashboard["hallCoverage"] == {
        "villagesWithHall": 2,
        "administrativeVillages": 3,
        "ratio": 0.667,
    }
    assert dashboard["projectsByCategory"] == [
        {"category": "THEORY", "count": 2},
        {"category": "POLICY", "count": 0},
        {"category": "CULTURE", "count": 1},
        {"category": "CIVILITY", "count": 0},
        {"category": "WELLBEING", "count": 0},
    ]
    assert dashboard["activitiesThisMonth"] == 2


async def test_dashboard_hours_count_confirmed_only(client) -> None:
    await _make_data_set()

    body = await execute(client, DASHBOARD)

    dashboard = body["data"]["dashboard"]
    # 120 confirmed, a -30 correction; the PENDING 60 and REJECTED 30 are out
    assert dashboard["confirmedMinutes"] == 135
    assert dashboard["confirmedHours"] == "2.25"
    assert dashboard["hoursByTown"] == [
        {
            "townCode": "330282002",
            "townName": "宗汉街道",
            "minutes": 90,
            "hours": "1.50",
        },
        {
            "townCode": "330282003",
            "townName": "坎墩街道",
            "minutes": 45,
            "hours": "0.75",
        },
    ]


async def test_dashboard_for_one_town(client) -> None:
    await _make_data_set()

    body = await execute(client, DASHBOARD, regionCode="330282002")

    dashboard = body["data"]["dashboard"]
    assert dashboard["regionCode"] == "330282002"
    assert dashboard["registeredVolunteers"] == 2
    assert dashboard["brigadesByLevel"] == [
        {"level": "CITY", "count": 0},
        {"level": "TOWN", "count": 1},
        {"level": "VILLAGE", "count": 1},
    ]
    assert dashboard["halls"] == 1
    assert dashboard["hallCoverage"] == {
        "villagesWithHall": 1,
        "administrativeVillages": 2,
        "ratio": 0.5,
    }
    assert dashboard["projectsByCategory"][0] == {"category": "THEORY", "count": 1}
    assert dashboard["activitiesThisMonth"] == 1
    assert dashboard["confirmedMinutes"] == 90
    assert [town["townCode"] for town in dashboard["hoursByTown"]] == ["330282002"]


async def test_dashboard_town_as_region(client) -> None:
    await _make_data_set()

    body = await execute(client, DASHBOARD_TOWNS)

    assert body["data"]["dashboard"]["hoursByTown"] == [
        {"town": {"code": "330282002", "level": "TOWN"}},
        {"town": {"code": "330282003", "level": "TOWN"}},
    ]


async def test_dashboard_empty_coverage_ratio_zero(client) -> None:
    body = await execute(client, DASHBOARD)

    dashboard = body["data"]["dashboard"]
    assert dashboard["hallCoverage"]["ratio"] == 0.0
    assert dashboard["confirmedHours"] == "0.00"
    assert dashboard["hoursByTown"] == []


async def test_dashboard_invalid_region_code(client) -> None:
    body = await execute(client, DASHBOARD, regionCode="3302")

    assert body["data"] is None
    assert body["errors"][0]["message"] == (
        "regionCode must be a 6, 9 or 12 digit region code, got '3302'"
    )


async def test_dashboard_cache_serves_repeat_without_sql(client, query_log) -> None:
    await _make_data_set()

    with query_log.recording():
        first = await execute(client, DASHBOARD)
    computed = query_log.count
    with query_log.recording():
        second = await execute(client, DASHBOARD)

    assert computed == 10, query_log.statements
    assert query_log.count == 0, query_log.statements
    assert second == first


async def test_dashboard_concurrent_requests_compute_once(client, query_log) -> None:
    await _make_data_set()

    with query_log.recording():
        bodies = await asyncio.gather(
            *(execute(client, DASHBOARD, regionCode="330282") for _ in range(4))
        )

    # one computation: nine aggregates and the town names
    assert query_log.count == 10, query_log.statements
    assert all(body == bodies[0] for body in bodies)
    assert bodies[0]["data"]["dashboard"]["confirmedMinutes"] == 135


async def test_redis_cache_computes_once(settings) -> None:
    redis_settings = replace(settings, redis_url="redis://127.0.0.1:6379/0")
    key = f"test:{uuid.uuid4().hex}"
    calls = []

    async def compute() -> dict:
        calls.append(1)
        return {"minutes": 135, "towns": ["330282002"]}

    first = await get_or_compute(redis_settings, key, compute)
    second = await get_or_compute(redis_settings, key, compute)

    assert first == {"minutes": 135, "towns": ["330282002"]}
    assert second == first
    assert len(calls) == 1
    await clear_dashboard_cache(redis_settings)


async def test_dashboard_minutes_past_32_bits(client) -> None:
    city = await make_region("330282", "慈溪市")
    town = await make_region("330282002", "宗汉街道", parent=city)
    volunteer = await make_volunteer(town, "张伟")
    # Each row fits a 32-bit column, but their sum passes 2^31 - 1.
    await make_service_record(volunteer, town, 2_000_000_000)
    await make_service_record(volunteer, town, 2_000_000_000)

    body = await execute(client, DASHBOARD)

    assert "errors" not in body
    dashboard = body["data"]["dashboard"]
    assert dashboard["confirmedMinutes"] == 4_000_000_000
    assert dashboard["hoursByTown"][0]["minutes"] == 4_000_000_000
