"""One page of child rows for many parents at once, with ROW_NUMBER().

A nested connection such as a brigade's members is paged per parent. To
serve a whole list of parents with one statement, rows are numbered within
each parent by a window function (SQLite 3.25+ and PostgreSQL both have it)
and only the numbers inside the page window are kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from tortoise.models import Model


def _quote(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"column name {name!r} is not a plain identifier")
    return f'"{name}"'


async def ranked_ids(
    model: type[Model],
    *,
    partition: str,
    select: str,
    keys: Sequence[int],
    start: int,
    stop: int,
    order: Sequence[str] = ("id",),
) -> dict[int, list[int]]:
    """Return, per key, the `select` column of rows `start` to `stop` (exclusive).

    Rows of each key are ordered by the `order` columns (a leading "-" sorts
    descending). Every value put into the statement is an int or a checked
    identifier, so no parameter binding is needed on either database.
    """
    table = _quote(model._meta.db_table)
    order_sql = ", ".join(
        f"{_quote(column.lstrip('-'))} {'DESC' if column.startswith('-') else 'ASC'}"
        for column in order
    )
    key_list = ", ".join(str(int(key)) for key in keys) or "NULL"
    sql = (
        f"SELECT {_quote(select)} AS value, {_quote(partition)} AS partition_key "
        f"FROM (SELECT {_quote(select)}, {_quote(partition)}, "
        f"ROW_NUMBER() OVER (PARTITION BY {_quote(partition)} ORDER BY {order_sql}) "
        f"AS row_number FROM {table} WHERE {_quote(partition)} IN ({key_list})) "
        f"AS ranked WHERE row_number > {int(start)} AND row_number <= {int(stop)} "
        f"ORDER BY partition_key, row_number"
    )
    rows = await model._meta.db.execute_query_dict(sql)
    groups: dict[int, list[int]] = defaultdict(list)
    for row in rows:
        groups[row["partition_key"]].append(row["value"])
    return groups
