"""Per-operation DataLoaders, one per target and key.

A fresh `Loaders` is made for every GraphQL operation (see
`api.context.FreshLoaders`), so nothing is cached between requests and each
batch function returns results in key order, with None or [] for misses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from db.models.activity import Activity, Position
from db.models.geo import Region
from db.models.org import Alliance, Brigade, Platform, Unit
from db.models.people import Volunteer
from db.models.project import Project
from db.models.venue import Hall

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
    def activity_by_id(self) -> DataLoader[int, Activity | None]:
        return by_id_loader(Activity)

    @cached_property
    def position_by_id(self) -> DataLoader[int, Position | None]:
        return by_id_loader(Position)

    @cached_property
    def regions_by_parent_id(self) -> DataLoader[int, list[Region]]:
        return grouped_loader(Region, "parent_id", order_by=("code",))
