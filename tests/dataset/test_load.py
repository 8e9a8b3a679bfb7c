"""The small Cixi data set, loaded into the test database."""

from __future__ import annotations

import re
from datetime import date, datetime

from tortoise import connections

from dataset.load import LoadResult, load_dataset
from dataset.sizes import NAMED_SIZES, parse_size
from dataset.world import SHANGHAI
from db.models.activity import Activity, Signup
from db.models.enums import (
    ActivityStatus,
    DeliveryCategory,
    PointsKind,
    ProjectStatus,
    RecordStatus,
    RegionLevel,
    SignupStatus,
)
from db.models.geo import Region
from db.models.org import Alliance, AllianceBrigade, AllianceMember, Brigade, Platform
from db.models.people import Volunteer
from db.models.project import Project, ProjectReview
from db.models.service import PointsEntry, ServiceRecord
from db.models.venue import Hall
from domain.identity import normalize_phone, parse_resident_id
from domain.pii import current_cipher
from tests.conftest import _clear_tables
from tests.dataset.conftest import LOAD_DAY

TOWN_CODES = {
    "330282002": ("宗汉街道", "街道"),
    "330282003": ("坎墩街道", "街道"),
    "330282004": ("浒山街道", "街道"),
    "330282005": ("白沙路街道", "街道"),
    "330282006": ("古塘街道", "街道"),
    "330282104": ("掌起镇", "镇"),
    "330282107": ("观海卫镇", "镇"),
    "330282108": ("附海镇", "镇"),
    "330282109": ("桥头镇", "镇"),
    "330282110": ("匡堰镇", "镇"),
    "330282111": ("逍林镇", "镇"),
    "330282112": ("新浦镇", "镇"),
    "330282113": ("胜山镇", "镇"),
    "330282114": ("横河镇", "镇"),
    "330282116": ("崇寿镇", "镇"),
    "330282118": ("庵东镇", "镇"),
    "330282120": ("长河镇", "镇"),
    "330282121": ("周巷镇", "镇"),
    "330282123": ("龙山镇", "镇"),
    "330282402": ("滨海经济开发区", "功能区"),
    "330282403": ("高新技术产业园区", "功能区"),
    "330282404": ("环杭州湾创新中心", "功能区"),
    "330282405": ("现代农业开发区", "功能区"),
    "330282406": ("长三角商贸园区", "功能区"),
}

CONVENERS = {
    "理论宣讲志愿服务联盟": "市委宣传部",
    "教育志愿服务联盟": "市教育局",
    "文化志愿服务联盟": "市文化广电旅游局",
    "科技与科普志愿服务联盟": "市科学技术协会",
    "健身体育志愿服务联盟": "市体育发展中心",
    "卫生健康志愿服务联盟": "市卫生健康局",
    "平安法治志愿服务联盟": "市司法局",
    "网络志愿服务联盟": "市委网信办",
}


async def _fetch(sql: str) -> list[dict]:
    return await connections.get("default").execute_query_dict(sql)


async def _row_counts() -> dict[str, int]:
    tables = [
        "region",
        "unit",
        "platform",
        "alliance",
        "alliance_member",
        "volunteer",
        "brigade",
        "alliance_brigade",
        "brigade_member",
        "hall",
        "project",
        "project_review",
        "activity",
        "position",
        "signup",
        "service_record",
        "points_entry",
        "course",
        "training_record",
    ]
    counts = {}
    for table in tables:
        rows = await _fetch(f'SELECT COUNT(*) AS n FROM "{table}"')
        counts[table] = rows[0]["n"]
    return counts


async def test_city_is_cixi(loaded: LoadResult) -> None:
    city = await Region.get(level=RegionLevel.CITY)

    assert city.code == "330282"
    assert city.name == "慈溪市"
    assert city.parent_id is None


async def test_town_level_regions_are_the_real_24(loaded: LoadResult) -> None:
    towns = await Region.filter(level=RegionLevel.TOWN).prefetch_related("parent")

    assert {town.code: (town.name, town.kind) for town in towns} == TOWN_CODES
    assert {town.parent.code for town in towns} == {"330282"}


async def test_273_administrative_villages_under_towns(loaded: LoadResult) -> None:
    villages = await Region.filter(is_administrative_village=True).prefetch_related(
        "parent"
    )

    assert len(villages) == 273
    assert all(village.level == RegionLevel.VILLAGE for village in villages)
    assert all(re.fullmatch(r"\d{12}", village.code) for village in villages)
    assert all(village.code[:9] == village.parent.code for village in villages)
    assert all(village.name.endswith("村") for village in villages)
    town_kinds = {village.parent.kind for village in villages}
    assert town_kinds == {"街道", "镇"}


async def test_communities_are_not_administrative_villages(
    loaded: LoadResult,
) -> None:
    communities = await Region.filter(kind="社区")

    assert len(communities) == 15
    assert not any(row.is_administrative_village for row in communities)


async def test_platforms_and_origins(loaded: LoadResult) -> None:
    platforms = {row.code: row.origin for row in await Platform.all()}

    assert len(platforms) == 8
    assert platforms["THEORY"] == "NATIONAL"
    assert platforms["ONLINE"] == "LOCAL"
    assert sorted(platforms.values()).count("LOCAL") == 3


async def test_alliances_have_their_conveners(loaded: LoadResult) -> None:
    alliances = await Alliance.all().prefetch_related("convener", "platform")

    assert {row.name: row.convener.name for row in alliances} == CONVENERS
    assert all(row.convener.kind == "PARTY_GOVERNMENT" for row in alliances)
    theory = next(row for row in alliances if row.name == "理论宣讲志愿服务联盟")
    assert theory.platform.code == "THEORY"


async def test_alliances_have_3_to_6_members(loaded: LoadResult) -> None:
    for alliance in await Alliance.all():
        members = await AllianceMember.filter(alliance=alliance).values_list(
            "unit_id", flat=True
        )
        assert 3 <= len(members) <= 6, alliance.name
        assert alliance.convener_id not in members, alliance.name


async def test_brigade_tree_has_three_levels(loaded: LoadResult) -> None:
    corps = await Brigade.get(level=RegionLevel.CITY)
    brigades = await Brigade.filter(level=RegionLevel.TOWN)
    squads = await Brigade.filter(level=RegionLevel.VILLAGE).prefetch_related("region")

    assert corps.name == "慈溪市新时代文明实践志愿服务总队"
    assert corps.path == f"/{corps.id}/"
    assert len(brigades) == 24
    assert all(row.parent_id == corps.id for row in brigades)
    assert all(row.path == f"/{corps.id}/{row.id}/" for row in brigades)
    assert len(squads) == 273
    assert all(row.region.is_administrative_village for row in squads)
    assert len({row.region_id for row in squads}) == 273
    paths = {row.id: row.path for row in brigades}
    assert all(row.path == f"{paths[row.parent_id]}{row.id}/" for row in squads)


async def test_every_brigade_has_a_local_captain(loaded: LoadResult) -> None:
    brigades = await Brigade.all().prefetch_related("captain")

    assert all(row.captain is not None for row in brigades)
    assert len({row.captain_id for row in brigades}) == len(brigades)
    locals_ = [row for row in brigades if row.level != RegionLevel.CITY]
    assert all(row.captain.region_id == row.region_id for row in locals_)
    assert all(row.captain.status == "ACTIVE" for row in brigades)


async def test_town_brigades_join_1_to_3_alliances(loaded: LoadResult) -> None:
    for brigade in await Brigade.filter(level=RegionLevel.TOWN):
        joined = await AllianceBrigade.filter(brigade=brigade).count()
        assert 1 <= joined <= 3, brigade.name


async def test_180_halls_cover_0_659(loaded: LoadResult) -> None:
    halls = await Hall.all().prefetch_related("village", "brigade")
    villages = await Region.filter(is_administrative_village=True).count()

    assert len(halls) == 180
    assert len({hall.village_id for hall in halls}) == 180
    assert all(hall.village.is_administrative_village for hall in halls)
    assert round(len(halls) / villages, 3) == 0.659
    assert sum(hall.area_m2 for hall in halls) >= 300_000
    assert {hall.star_rating for hall in halls} == {1, 2, 3, 4, 5}
    assert all(hall.brigade.region_id == hall.village_id for hall in halls)
    assert all(hall.opening_hours for hall in halls)


async def test_volunteer_count_matches_size(loaded: LoadResult) -> None:
    assert await Volunteer.all().count() == NAMED_SIZES["small"]


async def test_volunteer_personal_data_is_valid(loaded: LoadResult) -> None:
    cipher = current_cipher()

    for volunteer in await Volunteer.all():
        id_number = cipher.decrypt(volunteer.id_number_cipher)
        resident = parse_resident_id(id_number, today=LOAD_DAY)
        phone = cipher.decrypt(volunteer.phone_cipher)
        assert resident.region_code == "330282"
        assert resident.birth_date == volunteer.birth_date
        assert resident.is_female == (volunteer.sex == "FEMALE")
        assert date(1950, 1, 1) <= volunteer.birth_date <= date(2006, 12, 31)
        assert normalize_phone(phone) == phone
        assert volunteer.id_number_hash == cipher.lookup_hash(id_number)
        assert volunteer.phone_hash == cipher.lookup_hash(phone)
        assert volunteer.id_number_masked == id_number[:6] + "********" + id_number[-4:]
        assert volunteer.phone_masked == phone[:3] + "****" + phone[-4:]
        assert re.fullmatch(r"CX\d{8}", volunteer.number)


async def test_projects_cover_five_categories(loaded: LoadResult) -> None:
    categories = set(await Project.all().values_list("category", flat=True))
    statuses = set(await Project.all().values_list("status", flat=True))

    assert categories == set(DeliveryCategory)
    assert ProjectStatus.ADMITTED in statuses
    assert statuses <= {"ADMITTED", "SUBMITTED", "REJECTED", "DRAFT"}


async def test_each_transition_has_a_review(loaded: LoadResult) -> None:
    expected = {
        "DRAFT": [],
        "SUBMITTED": [("DRAFT", "SUBMITTED")],
        "ADMITTED": [("DRAFT", "SUBMITTED"), ("SUBMITTED", "ADMITTED")],
        "REJECTED": [("DRAFT", "SUBMITTED"), ("SUBMITTED", "REJECTED")],
    }
    for project in await Project.all():
        reviews = await ProjectReview.filter(project=project).order_by("id")
        steps = [(row.from_status, row.to_status) for row in reviews]
        assert steps == expected[project.status], project.name


async def test_activities_belong_to_admitted_projects(loaded: LoadResult) -> None:
    rows = await Activity.all().prefetch_related("project")

    assert all(row.project.status == ProjectStatus.ADMITTED for row in rows)
    assert all(row.ends_at > row.starts_at for row in rows)
    assert {row.status for row in rows} == {"FINISHED", "OPEN", "PLANNED"}


async def test_activities_this_month(loaded: LoadResult) -> None:
    month_start = datetime(2026, 5, 1, tzinfo=SHANGHAI)
    month_end = datetime(2026, 6, 1, tzinfo=SHANGHAI)

    month = await Activity.filter(
        starts_at__gte=month_start, starts_at__lt=month_end
    ).count()

    assert month >= 5


async def test_finished_activities_are_in_the_past(loaded: LoadResult) -> None:
    finished = await Activity.filter(status=ActivityStatus.FINISHED)
    upcoming = await Activity.filter(status__in=["OPEN", "PLANNED"])

    assert all(row.ends_at.date() < LOAD_DAY for row in finished)
    assert all(row.starts_at.date() > LOAD_DAY for row in upcoming)


async def test_positions_count_their_signups(loaded: LoadResult) -> None:
    rows = await _fetch(
        'SELECT p."id", p."taken", p."places", COUNT(s."id") AS n FROM "position" p '
        'LEFT JOIN "signup" s ON s."position_id" = p."id" '
        'GROUP BY p."id", p."taken", p."places"'
    )

    assert all(row["taken"] == row["n"] for row in rows)
    assert all(row["n"] <= row["places"] for row in rows)


async def test_no_volunteer_has_overlapping_signups(loaded: LoadResult) -> None:
    rows = await _fetch(
        'SELECT COUNT(*) AS n FROM "signup" a JOIN "signup" b '
        'ON a."volunteer_id" = b."volunteer_id" AND a."id" < b."id" '
        'JOIN "activity" x ON x."id" = a."activity_id" '
        'JOIN "activity" y ON y."id" = b."activity_id" '
        'WHERE x."starts_at" < y."ends_at" AND y."starts_at" < x."ends_at"'
    )

    assert rows[0]["n"] == 0


async def test_checked_out_signups_have_records(loaded: LoadResult) -> None:
    checked_out = await Signup.filter(status=SignupStatus.CHECKED_OUT).count()
    records = await ServiceRecord.filter(status=RecordStatus.CONFIRMED)

    assert checked_out > 100
    assert len(records) == checked_out
    assert all(record.signup_id is not None for record in records)


async def test_record_minutes_capped_by_activity(loaded: LoadResult) -> None:
    records = await ServiceRecord.all().prefetch_related("activity")

    for record in records:
        activity = record.activity
        length = (activity.ends_at - activity.starts_at).total_seconds() // 60
        assert 0 < record.minutes <= length
        assert record.region_id == activity.region_id
        assert record.served_on < LOAD_DAY


async def test_confirmed_minutes_equal_record_sums(loaded: LoadResult) -> None:
    rows = await _fetch(
        'SELECT v."id", v."confirmed_minutes", COALESCE(SUM(r."minutes"), 0) AS total '
        'FROM "volunteer" v LEFT JOIN "service_record" r '
        'ON r."volunteer_id" = v."id" AND r."status" = \'CONFIRMED\' '
        'GROUP BY v."id", v."confirmed_minutes"'
    )

    assert len(rows) == NAMED_SIZES["small"]
    assert all(row["confirmed_minutes"] == row["total"] for row in rows)
    assert sum(row["total"] for row in rows) > 0


async def test_ledger_sums_equal_balances(loaded: LoadResult) -> None:
    rows = await _fetch(
        'SELECT v."id", v."points_hundredths", '
        'COALESCE(SUM(e."amount_hundredths"), 0) AS total '
        'FROM "volunteer" v LEFT JOIN "points_entry" e ON e."volunteer_id" = v."id" '
        'GROUP BY v."id", v."points_hundredths"'
    )

    assert all(row["points_hundredths"] == row["total"] for row in rows)
    assert sum(row["total"] for row in rows) > 0


async def test_ledger_earns_one_point_per_hour(loaded: LoadResult) -> None:
    volunteers = await Volunteer.filter(confirmed_minutes__gt=0)

    for volunteer in volunteers:
        assert volunteer.points_hundredths == volunteer.confirmed_minutes * 100 // 60


async def test_ledger_entries_run_in_order(loaded: LoadResult) -> None:
    entries = await PointsEntry.all().order_by("volunteer_id", "id")
    balances: dict[int, int] = {}

    for entry in entries:
        balance = balances.get(entry.volunteer_id, 0) + entry.amount_hundredths
        balances[entry.volunteer_id] = balance
        assert entry.kind == PointsKind.EARNED
        assert entry.balance_after_hundredths == balance
        assert entry.idempotency_key == f"earn:{entry.record_id}"


async def test_loading_twice_adds_no_rows(loaded: LoadResult) -> None:
    before = await _row_counts()

    again = await load_dataset(parse_size("small"), today=LOAD_DAY)

    assert loaded.loaded is True
    assert again.loaded is False
    assert again.existing_regions == 313
    assert await _row_counts() == before


async def test_same_seed_gives_same_rows(loaded: LoadResult) -> None:
    first = await _fingerprint()
    await _clear_tables()

    await load_dataset(parse_size("small"), today=LOAD_DAY)

    assert await _fingerprint() == first


async def _fingerprint() -> list:
    volunteers = (
        await Volunteer.all()
        .order_by("id")
        .values_list(
            "name", "birth_date", "id_number_hash", "region_id", "confirmed_minutes"
        )
    )
    activities = await Activity.all().order_by("id").values_list("title", "starts_at")
    return [volunteers, activities]


async def test_new_rows_get_fresh_ids(loaded: LoadResult) -> None:
    highest = max(await Region.all().values_list("id", flat=True))

    region = await Region.create(
        code="330282999", name="测试区", level=RegionLevel.TOWN, kind="功能区"
    )

    assert region.id == highest + 1
