"""Read access to a volunteer's own records, checked against loaded rows.

The rule is `domain.privacy.may_read_records`. Only a captain needs the
volunteer's brigades, and those come through the operation's loader, so
checking a whole list or a `nodes` call costs one batch, not a query per row.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Protocol, TypeVar

from strawberry.types import Info

from db.models.enums import Role
from domain.privacy import may_read_records


class OwnedRow(Protocol):
    volunteer_id: int


R = TypeVar("R", bound=OwnedRow)


async def records_readable(info: Info, volunteer_id: int) -> bool:
    """Return whether the actor may read the records of this volunteer."""
    actor = info.context.actor
    if may_read_records(actor, volunteer_id):
        return True
    if actor.role is not Role.CAPTAIN:
        return False
    brigades = await info.context.loaders.brigades_by_volunteer_id.load(volunteer_id)
    return may_read_records(actor, volunteer_id, [row.path for row in brigades])


async def readable_rows(info: Info, rows: Sequence[R | None]) -> list[R | None]:
    """Return the rows in order, with None for each the actor may not read."""

    async def keep(row: R | None) -> R | None:
        if row is None or not await records_readable(info, row.volunteer_id):
            return None
        return row

    return list(await asyncio.gather(*(keep(row) for row in rows)))
