"""Event filters of subscribers, checked the same way on live rows and in SQL."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.queryset import QuerySet

from db.models.outbox import Event
from db.queries.outbox import events_after


@dataclass(frozen=True)
class EventFilter:
    """Conditions that must all hold; None or empty means any value."""

    topics: frozenset[str] = frozenset()
    alliance_id: int | None = None
    within: str | None = None
    include_regionless: bool = False
    category: str | None = None
    project_id: int | None = None

    def matches(self, event: Event) -> bool:
        if self.topics and event.topic not in self.topics:
            return False
        if self.alliance_id is not None and event.alliance_id != self.alliance_id:
            return False
        if self.within and not self._region_matches(event.region_code):
            return False
        if self.category and event.category != self.category:
            return False
        return self.project_id is None or event.project_id == self.project_id

    def _region_matches(self, region_code: str) -> bool:
        if self.include_regionless and region_code == "":
            return True
        return region_code.startswith(self.within or "")

    def select_after(self, after_id: int) -> QuerySet[Event]:
        """Select the matching events with id above `after_id`, in id order."""
        return events_after(
            after_id,
            topics=self.topics,
            alliance_id=self.alliance_id,
            within=self.within,
            include_regionless=self.include_regionless,
            category=self.category,
            project_id=self.project_id,
        )
