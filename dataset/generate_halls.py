"""The 180 rural cultural halls (农村文化礼堂), one per village that has one."""

from __future__ import annotations

from dataset.world import World
from dataset.writer import BatchWriter
from db.models.venue import Hall

OPENING_HOURS = (
    "周二至周日 8:30-11:30, 13:30-20:30",
    "每天 8:00-21:00",
    "周一至周五 14:00-20:00, 周末 8:30-20:30",
    "每天 13:00-21:00, 节假日全天开放",
)
STAR_WEIGHTS = {1: 8, 2: 20, 3: 37, 4: 25, 5: 10}


def _areas(world: World, count: int) -> list[int]:
    """Draw floor areas in square metres whose sum reaches the published minimum."""
    areas = [world.rng.randint(900, 2900) for _ in range(count)]
    shortfall = world.facts.halls.total_area_m2_at_least - sum(areas)
    if shortfall > 0:
        largest = areas.index(max(areas))
        areas[largest] += shortfall
    return areas


async def write_halls(world: World, writer: BatchWriter) -> None:
    rng = world.rng
    villages = world.administrative_villages
    count = world.facts.halls.count
    chosen = sorted(rng.sample(villages, count), key=lambda village: village.code)
    stars = rng.choices(
        list(STAR_WEIGHTS), weights=list(STAR_WEIGHTS.values()), k=count
    )

    for village, area, star in zip(chosen, _areas(world, count), stars, strict=True):
        hall_id = world.next_id("hall")
        world.hall_by_village[village.id] = hall_id
        # Higher-rated halls meet more of the five haves.
        have = 0.75 + 0.05 * star
        await writer.add(
            Hall(
                id=hall_id,
                name=f"{village.name}文化礼堂",
                village_id=village.id,
                area_m2=area,
                star_rating=star,
                has_venue=True,
                has_exhibition=rng.random() < have,
                has_activities=rng.random() < have,
                has_team=rng.random() < have,
                has_mechanism=rng.random() < have,
                opening_hours=rng.choice(OPENING_HOURS),
                brigade_id=world.squads[village.id].id,
            )
        )
    await writer.flush()
