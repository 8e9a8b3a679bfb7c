"""State shared by the generators: the random source, the clock and id counters.

The loader writes into an empty database and chooses every primary key
itself, so rows can reference each other before anything is inserted and
the same seed gives the same ids.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from dataset.facts import Facts

SHANGHAI = ZoneInfo("Asia/Shanghai")


@dataclass
class RegionPlan:
    id: int
    code: str
    name: str
    level: str
    kind: str
    is_administrative_village: bool
    parent_id: int | None
    town_index: int | None = None


@dataclass
class BrigadePlan:
    id: int
    name: str
    level: str
    region_id: int
    parent_id: int | None
    path: str
    captain_id: int | None = None


@dataclass
class World:
    """The generation state, passed from one generator to the next."""

    facts: Facts
    rng: random.Random
    today: date
    points_per_hour: Decimal
    next_ids: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    city: RegionPlan | None = None
    towns: list[RegionPlan] = field(default_factory=list)
    # Administrative villages and urban communities, by town region id.
    villages_by_town: dict[int, list[RegionPlan]] = field(default_factory=dict)
    communities_by_town: dict[int, list[RegionPlan]] = field(default_factory=dict)
    unit_ids: dict[str, int] = field(default_factory=dict)
    platform_ids: dict[str, int] = field(default_factory=dict)
    alliance_ids: dict[str, int] = field(default_factory=dict)
    alliance_units: dict[str, list[int]] = field(default_factory=dict)
    corps: BrigadePlan | None = None
    town_brigades: dict[int, BrigadePlan] = field(default_factory=dict)
    squads: dict[int, BrigadePlan] = field(default_factory=dict)
    hall_by_village: dict[int, int] = field(default_factory=dict)
    # Active volunteers by town index, and registration days by volunteer id.
    volunteers_by_town: dict[int, list[int]] = field(default_factory=dict)
    volunteer_registered_on: list[date] = field(default_factory=list)

    def next_id(self, table: str) -> int:
        self.next_ids[table] += 1
        return self.next_ids[table]

    @property
    def administrative_villages(self) -> list[RegionPlan]:
        return [
            village for town in self.towns for village in self.villages_by_town[town.id]
        ]

    def local_datetime(self, day: date, minutes_after_midnight: int) -> datetime:
        """Return a timezone-aware time on `day` in Asia/Shanghai."""
        hours, minutes = divmod(minutes_after_midnight, 60)
        return datetime.combine(day, time(hours, minutes), tzinfo=SHANGHAI)
