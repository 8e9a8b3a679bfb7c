"""Create the CHECK constraints that the model Meta declares.

Tortoise 1.1.9's CreateModel writes no CHECK constraint, so the first
migration left them out. PostgreSQL gets real constraints. SQLite cannot
add a constraint to an existing table, so it gets a pair of triggers per
constraint that abort an INSERT or UPDATE breaking it, with the same
message shape as a failed CHECK.
"""

import re

from tortoise import migrations
from tortoise.migrations import operations as ops

# (table, constraint name, condition, columns the condition reads)
CHECKS = [
    ("region", "region_code_length", "length(code) IN (6, 9, 12)", ["code"]),
    (
        "brigade",
        "brigade_only_corps_without_parent",
        "(level = 'CITY') = (parent_id IS NULL)",
        ["level", "parent_id"],
    ),
    (
        "volunteer",
        "volunteer_points_not_negative",
        "points_hundredths >= 0",
        ["points_hundredths"],
    ),
    (
        "volunteer",
        "volunteer_minutes_not_negative",
        "confirmed_minutes >= 0",
        ["confirmed_minutes"],
    ),
    ("hall", "hall_area_positive", "area_m2 > 0", ["area_m2"]),
    ("hall", "hall_star_rating_range", "star_rating BETWEEN 1 AND 5", ["star_rating"]),
    (
        "activity",
        "activity_ends_after_start",
        "ends_at > starts_at",
        ["ends_at", "starts_at"],
    ),
    ("position", "position_places_positive", "places > 0", ["places"]),
    (
        "position",
        "position_taken_within_places",
        "taken >= 0 AND taken <= places",
        ["taken", "places"],
    ),
    (
        "service_record",
        "service_record_minutes_sign",
        "minutes <> 0 AND (minutes > 0 OR offsets_id IS NOT NULL)",
        ["minutes", "offsets_id"],
    ),
    (
        "points_entry",
        "points_entry_amount_nonzero",
        "amount_hundredths <> 0",
        ["amount_hundredths"],
    ),
    (
        "points_entry",
        "points_entry_balance_not_negative",
        "balance_after_hundredths >= 0",
        ["balance_after_hundredths"],
    ),
    (
        "service_request",
        "service_request_rating_range",
        "rating IS NULL OR rating BETWEEN 1 AND 5",
        ["rating"],
    ),
    ("course", "course_minutes_positive", "minutes > 0", ["minutes"]),
]


def _on_new_row(condition: str, columns: list[str]) -> str:
    pattern = r"\b(" + "|".join(re.escape(column) for column in columns) + r")\b"
    return re.sub(pattern, r"NEW.\1", condition)


def _statements(dialect: str) -> list[str]:
    statements = []
    for table, name, condition, columns in CHECKS:
        if dialect == "postgres":
            statements.append(
                f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" CHECK ({condition})'
            )
            continue
        guard = _on_new_row(condition, columns)
        for event in ("INSERT", "UPDATE"):
            statements.append(
                f'CREATE TRIGGER "{name}_on_{event.lower()}" '
                f'BEFORE {event} ON "{table}" WHEN NOT ({guard}) '
                f"BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: {name}'); END"
            )
    return statements


def _drop_statements(dialect: str) -> list[str]:
    statements = []
    for table, name, _, _ in CHECKS:
        if dialect == "postgres":
            statements.append(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
            continue
        for event in ("insert", "update"):
            statements.append(f'DROP TRIGGER IF EXISTS "{name}_on_{event}"')
    return statements


async def _apply(statements_for, schema_editor) -> None:
    client = schema_editor.client
    for statement in statements_for(client.capabilities.dialect):
        await client.execute_script(statement)


async def add_checks(apps, schema_editor) -> None:
    await _apply(_statements, schema_editor)


async def remove_checks(apps, schema_editor) -> None:
    await _apply(_drop_statements, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("models", "0001_initial")]

    operations = [ops.RunPython(add_checks, remove_checks)]
