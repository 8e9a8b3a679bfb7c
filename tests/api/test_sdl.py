"""The committed schema.graphql matches the schema the code builds."""

from __future__ import annotations

from api.sdl import DEFAULT_PATH, render_sdl


def test_committed_sdl_matches_schema() -> None:
    committed = DEFAULT_PATH.read_text(encoding="utf-8")

    assert committed == render_sdl(), (
        "schema.graphql differs from the schema built by the code: run "
        "`make schema` (or `python -m api.sdl`) and commit the result"
    )
