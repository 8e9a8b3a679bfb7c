"""Per-operation DataLoaders, one per target and key.

A fresh `Loaders` is made for every GraphQL operation (see
`api.context.FreshLoaders`), so nothing is cached between requests and each
batch function returns results in key order, with None or [] for misses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.functions import Count
from tortoise.models import Model

from api.resolvers.pagination import Page
from db.models.activity import Activity, Position, Signup
from db.models.enums import ProjectStatus
from db.models.geo import Region
from db.models.org import (
    Alliance,
    AllianceBrigade,
    AllianceMember,
    Brigade,
    BrigadeMember,
    Platform,
    Unit,
)
from db.models.people import Volunteer
from db.models.project import Project, ProjectReview
from db.models.request import ServiceRequest
from db.models.service import Certificate, PointsEntry, ServiceRecord
from db.models.training import TrainingRecord
from db.models.venue import Hall
from db.queries.windows import ranked_ids

M = TypeVar("M", bound=Model)


def by_id_loader(model: type[M]) -> DataLoader[int, M | None]:
    async def load(ids: Sequence[int]) -> list[M | None]:
        rows = {row.pk: row for row in await model.filter(pk__in=list(ids))}
        return [rows.get(key) for key in ids]

    return DataLoader(load_fn=load)


def by_unique_loader(model: type[M], field: str) -> DataLoader[str, M | None]:
    """Load rows of `model` by a unique column other than the primary key."""

    async def load(keys: Sequence[str]) -> list[M | None]:
        rows = await model.filter(**{f"{field}__in": list(keys)})
        by_key = {getattr(row, field): row for row in rows}
        return [by_key.get(key) for key in keys]

    return DataLoader(load_fn=load)


def grouped_loader(
    model: type[M], key_field: str, *, order_by: Iterable[str] = ("id",)
) -> DataLoader[int, list[M]]:
    """Load the rows of `model` whose `key_field` equals each key, grouped."""

    async def load(keys: Sequence[int]) -> list[list[M]]:
        groups: dict[int, list[M]] = defaultdict(list)
        rows = await model.filter(**{f"{key_field}__in": list(keys)}).order_by(
            *order_by
        )
        for row in rows:
            groups[getattr(row, key_field)].append(row)
        return [groups.get(key, []) for key in keys]

    return DataLoader(load_fn=load)


def link_loader(
    link_model: type[Model],
    key_field: str,
    target_field: str,
    target_model: type[M],
) -> DataLoader[int, list[M]]:
    """Load targets through a link table (alliance -> member units) in two queries."""

    async def load(keys: Sequence[int]) -> list[list[M]]:
        links = await link_model.filter(**{f"{key_field}__in": list(keys)}).values(
            key_field, target_field
        )
        target_ids = {link[target_field] for link in links}
        targets = {
            row.pk: row for row in await target_model.filter(pk__in=list(target_ids))
        }
        groups: dict[int, list[M]] = defaultdict(list)
        for link in sorted(links, key=lambda item: item[target_field]):
            groups[link[key_field]].append(targets[link[target_field]])
        return [groups.get(key, []) for key in keys]

    return DataLoader(load_fn=load)


def one_by_field_loader(model: type[M], key_field: str) -> DataLoader[int, M | None]:
    """Load the row whose unique `key_field` equals each key, or None."""

    async def load(keys: Sequence[int]) -> list[M | None]:
        rows = await model.filter(**{f"{key_field}__in": list(keys)})
        found = {getattr(row, key_field): row for row in rows}
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


def count_loader(
    model: type[Model], key_field: str, **conditions: Any
) -> DataLoader[int, int]:
    """Count the rows of `model` per `key_field` value with one GROUP BY."""

    async def load(keys: Sequence[int]) -> list[int]:
        rows = (
            await model.filter(**{f"{key_field}__in": list(keys)}, **conditions)
            .annotate(row_count=Count("id"))
            .group_by(key_field)
            .values(key_field, "row_count")
        )
        counts = {row[key_field]: row["row_count"] for row in rows}
        return [counts.get(key, 0) for key in keys]

    return DataLoader(load_fn=load)


def window_loader(
    source: type[Model],
    partition: str,
    select: str,
    target: type[M],
    *,
    order: Sequence[str] = ("id",),
) -> DataLoader[tuple[int, int, int], Page[M]]:
    """Load one page of children per (parent id, start, stop) key.

    `source` rows are numbered per `partition` value and their `select` column
    names `target` rows: the same table for a plain foreign key (select "id"),
    a link table otherwise. Each distinct window costs one statement, and all
    target rows are then fetched together in one more.
    """

    async def load(keys: Sequence[tuple[int, int, int]]) -> list[Page[M]]:
        parents_by_window: dict[tuple[int, int], list[int]] = defaultdict(list)
        for parent, start, stop in keys:
            parents_by_window[(start, stop)].append(parent)
        ids_by_key: dict[tuple[int, int, int], list[int]] = {}
        for (start, stop), parents in parents_by_window.items():
            # One row past the window shows whether a next page exists.
            groups = await ranked_ids(
                source,
                partition=partition,
                select=select,
                keys=parents,
                start=start,
                stop=stop + 1,
                order=order,
            )
            for parent in parents:
                ids_by_key[(parent, start, stop)] = groups.get(parent, [])
        needed_ids = {pk for ids in ids_by_key.values() for pk in ids}
        rows = {row.pk: row for row in await target.filter(pk__in=list(needed_ids))}
        pages = []
        for parent, start, stop in keys:
            ids = ids_by_key[(parent, start, stop)]
            pages.append(
                Page(
                    rows=[rows[pk] for pk in ids[: stop - start]],
                    start=start,
                    has_next=len(ids) > stop - start,
                    total=None,
                )
            )
        return pages

    return DataLoader(load_fn=load)


class Loaders:
    """The loaders of one operation, each made on first use."""

    @cached_property
    def region_by_id(self) -> DataLoader[int, Region | None]:
        return by_id_loader(Region)

    @cached_property
    def region_by_code(self) -> DataLoader[str, Region | None]:
        return by_unique_loader(Region, "code")

    @cached_property
    def platform_by_id(self) -> DataLoader[int, Platform | None]:
        return by_id_loader(Platform)

    @cached_property
    def unit_by_id(self) -> DataLoader[int, Unit | None]:
        return by_id_loader(Unit)

    @cached_property
    def alliance_by_id(self) -> DataLoader[int, Alliance | None]:
        return by_id_loader(Alliance)

    @cached_property
    def brigade_by_id(self) -> DataLoader[int, Brigade | None]:
        return by_id_loader(Brigade)

    @cached_property
    def volunteer_by_id(self) -> DataLoader[int, Volunteer | None]:
        return by_id_loader(Volunteer)

    @cached_property
    def hall_by_id(self) -> DataLoader[int, Hall | None]:
        return by_id_loader(Hall)

    @cached_property
    def project_by_id(self) -> DataLoader[int, Project | None]:
        return by_id_loader(Project)

    @cached_property
    def service_request_by_id(self) -> DataLoader[int, ServiceRequest | None]:
        return by_id_loader(ServiceRequest)

    @cached_property
    def brigade_by_path(self) -> DataLoader[str, Brigade | None]:
        return by_unique_loader(Brigade, "path")

    @cached_property
    def activity_by_id(self) -> DataLoader[int, Activity | None]:
        return by_id_loader(Activity)

    @cached_property
    def position_by_id(self) -> DataLoader[int, Position | None]:
        return by_id_loader(Position)

    @cached_property
    def signup_by_id(self) -> DataLoader[int, Signup | None]:
        return by_id_loader(Signup)

    @cached_property
    def service_record_by_id(self) -> DataLoader[int, ServiceRecord | None]:
        return by_id_loader(ServiceRecord)

    @cached_property
    def service_record_by_signup_id(self) -> DataLoader[int, ServiceRecord | None]:
        return one_by_field_loader(ServiceRecord, "signup_id")

    @cached_property
    def points_entry_by_id(self) -> DataLoader[int, PointsEntry | None]:
        return by_id_loader(PointsEntry)

    @cached_property
    def certificate_by_id(self) -> DataLoader[int, Certificate | None]:
        return by_id_loader(Certificate)

    @cached_property
    def training_record_by_id(self) -> DataLoader[int, TrainingRecord | None]:
        return by_id_loader(TrainingRecord)

    @cached_property
    def regions_by_parent_id(self) -> DataLoader[int, list[Region]]:
        return grouped_loader(Region, "parent_id", order_by=("code",))

    @cached_property
    def brigades_by_parent_id(self) -> DataLoader[int, list[Brigade]]:
        return grouped_loader(Brigade, "parent_id", order_by=("name", "id"))

    @cached_property
    def alliances_by_brigade_id(self) -> DataLoader[int, list[Alliance]]:
        return link_loader(AllianceBrigade, "brigade_id", "alliance_id", Alliance)

    @cached_property
    def brigades_by_alliance_id(self) -> DataLoader[int, list[Brigade]]:
        return link_loader(AllianceBrigade, "alliance_id", "brigade_id", Brigade)

    @cached_property
    def units_by_alliance_id(self) -> DataLoader[int, list[Unit]]:
        return link_loader(AllianceMember, "alliance_id", "unit_id", Unit)

    @cached_property
    def brigades_by_volunteer_id(self) -> DataLoader[int, list[Brigade]]:
        return link_loader(BrigadeMember, "volunteer_id", "brigade_id", Brigade)

    @cached_property
    def alliance_by_platform_id(self) -> DataLoader[int, Alliance | None]:
        return one_by_field_loader(Alliance, "platform_id")

    @cached_property
    def member_count_by_brigade_id(self) -> DataLoader[int, int]:
        return count_loader(BrigadeMember, "brigade_id")

    @cached_property
    def members_page_by_brigade_id(
        self,
    ) -> DataLoader[tuple[int, int, int], Page[Volunteer]]:
        return window_loader(
            BrigadeMember,
            "brigade_id",
            "volunteer_id",
            Volunteer,
            order=("volunteer_id",),
        )

    @cached_property
    def admitted_project_count_by_alliance_id(self) -> DataLoader[int, int]:
        return count_loader(Project, "alliance_id", status=ProjectStatus.ADMITTED)

    @cached_property
    def reviews_by_project_id(self) -> DataLoader[int, list[ProjectReview]]:
        return grouped_loader(
            ProjectReview, "project_id", order_by=("created_at", "id")
        )

    @cached_property
    def activity_count_by_project_id(self) -> DataLoader[int, int]:
        return count_loader(Activity, "project_id")

    @cached_property
    def activities_page_by_project_id(
        self,
    ) -> DataLoader[tuple[int, int, int], Page[Activity]]:
        return window_loader(
            Activity, "project_id", "id", Activity, order=("starts_at", "id")
        )

    @cached_property
    def positions_by_activity_id(self) -> DataLoader[int, list[Position]]:
        return grouped_loader(Position, "activity_id")

    @cached_property
    def signups_by_volunteer_id(self) -> DataLoader[int, list[Signup]]:
        return grouped_loader(Signup, "volunteer_id", order_by=("-created_at", "-id"))

    @cached_property
    def service_records_by_volunteer_id(
        self,
    ) -> DataLoader[int, list[ServiceRecord]]:
        return grouped_loader(
            ServiceRecord, "volunteer_id", order_by=("-served_on", "-id")
        )

    @cached_property
    def points_entries_by_volunteer_id(self) -> DataLoader[int, list[PointsEntry]]:
        # Entries are append-only, so the highest id is the newest entry.
        return grouped_loader(PointsEntry, "volunteer_id", order_by=("-id",))

    @cached_property
    def certificates_by_volunteer_id(self) -> DataLoader[int, list[Certificate]]:
        return grouped_loader(Certificate, "volunteer_id", order_by=("-id",))

    @cached_property
    def training_records_by_volunteer_id(
        self,
    ) -> DataLoader[int, list[TrainingRecord]]:
        return grouped_loader(
            TrainingRecord, "volunteer_id", order_by=("-completed_on", "-id")
        )
