"""Cursor connections with a total count, after the Relay specification."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any, Generic, TypeVar

import strawberry
from strawberry import relay
from strawberry.types import Info

from api.resolvers.pagination import Page, PageRequest, encode_cursor

NodeType = TypeVar("NodeType")


@strawberry.type(
    name="Connection", description="A page of a list, with cursors and the total count."
)
class CountedConnection(relay.Connection[NodeType], Generic[NodeType]):
    total_count: int = strawberry.field(
        description="Number of items matching the filter, on all pages."
    )


@strawberry.enum(description="Sort direction of a list.")
class OrderDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"

    def prefix(self) -> str:
        return "-" if self is OrderDirection.DESC else ""


def _selects_total_count(info: Info) -> bool:
    for field in info.selected_fields:
        for selection in field.selections:
            if getattr(selection, "name", None) == "totalCount":
                return True
    return False


def page_request(
    info: Info,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> PageRequest:
    """Bundle cursor arguments; the count query runs only if totalCount is asked."""
    return PageRequest(
        first=first,
        after=after,
        last=last,
        before=before,
        max_page_size=info.context.settings.max_page_size,
        with_total=_selects_total_count(info),
    )


def build_connection(
    page: Page[Any], convert: Callable[[Any], NodeType]
) -> CountedConnection[NodeType]:
    edges = [
        relay.Edge(cursor=encode_cursor(page.start + index), node=convert(row))
        for index, row in enumerate(page.rows)
    ]
    return CountedConnection(
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=page.has_next,
            has_previous_page=page.start > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        # The count is skipped when totalCount is not selected, so this
        # value is then never sent.
        total_count=page.total if page.total is not None else 0,
    )
