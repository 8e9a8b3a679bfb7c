"""Root query fields of the service domain."""

from __future__ import annotations

import strawberry

from api.resolvers.service import query as resolve
from api.schema.service.types import CertificateVerificationType


@strawberry.type
class ServiceQuery:
    @strawberry.field(
        description="What the certificate with this number (e.g. CXC-2026-000123) "
        "certifies; null when no certificate has it. Open to everyone, it shows "
        "no personal data but a masked name. A number of another form is an "
        "INVALID_INPUT error."
    )
    async def certificate(self, number: str) -> CertificateVerificationType | None:
        found = await resolve.certificate(number)
        return CertificateVerificationType.from_verification(found) if found else None
