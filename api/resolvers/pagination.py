"""Slice a Tortoise query into a cursor connection.

Cursors are opaque and encode the offset of an item in the ordered,
filtered list. A list is always ordered with `id` as the last key, so the
order of equal sort keys is stable between pages.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from strawberry.relay.utils import from_base64, to_base64
from tortoise.queryset import QuerySet

from domain.errors import InvalidInput

T = TypeVar("T")
CURSOR_PREFIX = "offset"
# Larger offsets cannot come from a cursor this API issued, and would
# overflow the database's integer parameters.
MAX_OFFSET = 2**31 - 1


def encode_cursor(offset: int) -> str:
    return to_base64(CURSOR_PREFIX, offset)


def decode_cursor(cursor: str, argument: str) -> int:
    try:
        prefix, value = from_base64(cursor)
        offset = int(value)
    except (ValueError, TypeError):
        raise InvalidInput(
            f"{argument} is not a valid cursor", field=argument
        ) from None
    if prefix != CURSOR_PREFIX or not 0 <= offset <= MAX_OFFSET:
        raise InvalidInput(f"{argument} is not a valid cursor", field=argument)
    return offset


def page_window(
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    max_page_size: int,
    total: int | None,
) -> tuple[int, int]:
    """Return the [start, stop) offsets a page covers, before the total is known.

    `total` is needed only for `last` without `before`.
    """
    for name, value in (("first", first), ("last", last)):
        if value is not None and (value < 0 or value > max_page_size):
            raise InvalidInput(
                f"{name} must be between 0 and {max_page_size}, got {value}",
                field=name,
            )
    start = decode_cursor(after, "after") + 1 if after else 0
    stop = decode_cursor(before, "before") if before else None
    if stop is None and last is not None:
        stop = total if total is not None else 0
    if first is None and last is None:
        first = max_page_size
    if first is not None:
        stop = start + first if stop is None else min(stop, start + first)
    if last is not None and stop is not None:
        start = max(start, stop - last)
    if stop is None:
        stop = start + max_page_size
    return start, max(start, stop)


@dataclass(frozen=True)
class PageRequest:
    """The cursor arguments of one list field, with the limits that apply."""

    first: int | None
    after: str | None
    last: int | None
    before: str | None
    max_page_size: int
    with_total: bool


@dataclass
class Page(Generic[T]):
    """Rows of one page and where they sit in the whole list."""

    rows: list[T]
    start: int
    has_next: bool
    total: int | None


async def fetch_page(query: QuerySet[Any], request: PageRequest) -> Page[Any]:
    """Run one query for the page, and one for the count when it is needed."""
    needs_total = request.with_total or (
        request.last is not None and not request.before
    )
    total = await query.count() if needs_total else None
    start, stop = page_window(
        first=request.first,
        after=request.after,
        last=request.last,
        before=request.before,
        max_page_size=request.max_page_size,
        total=total,
    )
    # Fetching one row past the page shows whether a next page exists, without a count.
    rows = await query.offset(start).limit(stop - start + 1) if stop > start else []
    return Page(
        rows=list(rows[: stop - start]),
        start=start,
        has_next=len(rows) > stop - start,
        total=total,
    )


async def load_nested_page(
    key: int,
    request: PageRequest,
    *,
    count_loader: Any,
    page_loader: Any,
) -> Page[Any]:
    """Page the children of one parent through loaders batched over all parents.

    `count_loader` maps a parent id to its number of children and
    `page_loader` maps (parent id, start, stop) to a Page of them.
    """
    needs_total = request.with_total or (
        request.last is not None and not request.before
    )
    total = await count_loader.load(key) if needs_total else None
    start, stop = page_window(
        first=request.first,
        after=request.after,
        last=request.last,
        before=request.before,
        max_page_size=request.max_page_size,
        total=total,
    )
    page = await page_loader.load((key, start, stop))
    return replace(page, total=total)


def with_id_last(order: tuple[str, ...]) -> tuple[str, ...]:
    """Append `id` as the last sort key unless the order already ends with it."""
    if order and order[-1].lstrip("-") == "id":
        return order
    return (*order, "id")
