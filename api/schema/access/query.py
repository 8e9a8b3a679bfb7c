"""Root query fields of the access domain."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.schema.access.types import Viewer


@strawberry.type
class AccessQuery:
    @strawberry.field(
        description="Who this request acts as; anonymous without credentials."
    )
    def viewer(self, info: Info) -> Viewer:
        return Viewer.from_actor(info.context.actor)
