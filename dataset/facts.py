"""The published facts about Cixi, read from the files packaged with `dataset`."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

CITY_CODE = "330282"
CITY_NAME = "慈溪市"
CENTER_NAME = "慈溪市新时代文明实践中心"

_FACTS_FILE = "cixi-practice-center.json"
_TOWNS_FILE = "cixi-towns.csv"


@dataclass(frozen=True)
class TownFact:
    code: str
    name: str
    kind: str

    @property
    def is_functional_zone(self) -> bool:
        return self.kind == "功能区"


@dataclass(frozen=True)
class PlatformFact:
    code: str
    name: str
    origin: str
    purpose: str


@dataclass(frozen=True)
class AllianceFact:
    platform_code: str
    name: str
    convener: str
    convener_assumed: bool


@dataclass(frozen=True)
class HallFacts:
    count: int
    total_area_m2_at_least: int
    coverage: float
    administrative_villages: int


@dataclass(frozen=True)
class Facts:
    towns: tuple[TownFact, ...]
    platforms: tuple[PlatformFact, ...]
    alliances: tuple[AllianceFact, ...]
    halls: HallFacts
    local_tags: tuple[str, ...]


def _read_text(name: str) -> str:
    return resources.files("dataset").joinpath("cixi", name).read_text("utf-8")


def _parse_towns(text: str) -> tuple[TownFact, ...]:
    rows = csv.DictReader(io.StringIO(text))
    return tuple(TownFact(row["code"], row["name"], row["kind"]) for row in rows)


@cache
def load_facts() -> Facts:
    """Read and check the JSON and CSV facts; raise ValueError if they disagree."""
    raw = json.loads(_read_text(_FACTS_FILE))
    towns = _parse_towns(_read_text(_TOWNS_FILE))
    platforms = tuple(
        PlatformFact(
            code=item["code"],
            name=item["name"],
            origin=item["origin"].upper(),
            purpose=item.get("purpose", ""),
        )
        for item in raw["platforms"]
    )
    alliances = tuple(
        AllianceFact(
            platform_code=item["platform"],
            name=item["name"],
            convener=item["convener"],
            convener_assumed=item.get("convener_assumed", False),
        )
        for item in raw["alliances"]
    )
    halls_raw = raw["cultural_halls"]
    halls = HallFacts(
        count=halls_raw["count"],
        total_area_m2_at_least=halls_raw["total_area_m2_at_least"],
        coverage=halls_raw["administrative_village_coverage"],
        administrative_villages=halls_raw["implied_administrative_villages"],
    )
    # "老党员 (veteran party member)" -> "老党员"
    local_tags = tuple(
        item.split(" ")[0] for item in raw["volunteer_force"]["recruited_locally"]
    )

    if raw["center"]["region_code"] != CITY_CODE:
        raise ValueError(f"{_FACTS_FILE} names city {raw['center']['region_code']}")
    bad_codes = [town.code for town in towns if not town.code.startswith(CITY_CODE)]
    if bad_codes:
        raise ValueError(f"{_TOWNS_FILE} has codes outside {CITY_CODE}: {bad_codes}")
    platform_codes = {platform.code for platform in platforms}
    orphans = [a.name for a in alliances if a.platform_code not in platform_codes]
    if orphans:
        raise ValueError(f"{_FACTS_FILE} has alliances without platform: {orphans}")
    return Facts(towns, platforms, alliances, halls, local_tags)
