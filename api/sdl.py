"""Write the schema SDL to schema.graphql (python -m api.sdl [PATH])."""

from __future__ import annotations

import argparse
from pathlib import Path

from strawberry.printer import print_schema

from api.schema.root import schema

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "schema.graphql"


def render_sdl() -> str:
    return print_schema(schema) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="Write the schema SDL to a file.")
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=DEFAULT_PATH,
        help="file to write (default: schema.graphql at the repository root)",
    )
    args = parser.parse_args()
    args.path.write_text(render_sdl(), encoding="utf-8")


if __name__ == "__main__":
    main()
