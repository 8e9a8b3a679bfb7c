"""Write the schema SDL to schema.graphql (python -m api.sdl [PATH])."""

from __future__ import annotations

import sys
from pathlib import Path

from strawberry.printer import print_schema

from api.schema.root import schema

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "schema.graphql"


def render_sdl() -> str:
    return print_schema(schema) + "\n"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH
    path.write_text(render_sdl(), encoding="utf-8")


if __name__ == "__main__":
    main()
