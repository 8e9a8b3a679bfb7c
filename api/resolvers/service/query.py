"""Queries of certificates."""

from __future__ import annotations

from domain import certificates


async def certificate(number: str) -> certificates.Verification | None:
    return await certificates.find_certificate(number)
