"""Which errors a client may read, and how unexpected ones are logged."""

from __future__ import annotations

import logging

from graphql import GraphQLError

from domain.errors import DomainError

logger = logging.getLogger(__name__)


def should_mask_error(error: GraphQLError) -> bool:
    """Keep validation errors and expected failures readable, mask the rest."""
    original = error.original_error
    if original is None or isinstance(original, DomainError):
        return False
    logger.error("unexpected error in %s", error.path, exc_info=original)
    return True
