"""Small helpers shared by the rules: loading rows by id, the clock, audit labels."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

from tortoise.models import Model

from domain.errors import InvalidInput, NotFound

ModelT = TypeVar("ModelT", bound=Model)

# Dates of service are the local calendar dates of the city.
LOCAL_TIME = ZoneInfo("Asia/Shanghai")


def utc_now() -> datetime:
    return datetime.now(UTC)


def local_date(moment: datetime):
    return moment.astimezone(LOCAL_TIME).date()


async def load(
    model: type[ModelT],
    object_id: int,
    *,
    field: str,
    for_update: bool = False,
    related: tuple[str, ...] = (),
) -> ModelT:
    """Load one row by id or raise NotFound naming the argument `field`.

    `for_update` locks the row until the transaction ends on PostgreSQL;
    SQLite has no row locks but runs one writing transaction at a time.
    """
    query = model.filter(id=object_id)
    if related:
        query = query.select_related(*related)
    if for_update:
        # Lock only this row: PostgreSQL cannot lock the nullable side of the
        # outer joins that select_related makes.
        query = query.select_for_update(of=(model._meta.db_table,))
    row = await query.first()
    if row is None:
        label = model.__name__.lower()
        raise NotFound(f"{label} {object_id} not found", field=field)
    return row


def required_text(value: str, *, field: str, max_length: int | None = None) -> str:
    """Strip a text argument and reject it when empty or longer than the column."""
    text = (value or "").strip()
    if not text:
        raise InvalidInput(f"{field} is required", field=field)
    if max_length is not None and len(text) > max_length:
        raise InvalidInput(
            f"{field} has {len(text)} characters, at most {max_length} allowed",
            field=field,
        )
    return text
