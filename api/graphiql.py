"""The GraphiQL page and its assets, served by the app itself.

Strawberry's own page loads React and GraphiQL from a CDN, which fails on
a network without internet access. This page loads the same builds from
`api/static/graphiql/`, mounted at `/static/graphiql`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

GRAPHIQL_DIRECTORY = Path(__file__).parent / "static" / "graphiql"
GRAPHIQL_ASSETS_PATH = "/static/graphiql"


@cache
def graphiql_page() -> str:
    return (GRAPHIQL_DIRECTORY / "index.html").read_text(encoding="utf-8")


def graphiql_assets_mount() -> Mount:
    return Mount(
        GRAPHIQL_ASSETS_PATH,
        app=StaticFiles(directory=GRAPHIQL_DIRECTORY),
        name="graphiql-assets",
    )
