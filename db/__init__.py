"""Storage layer: Tortoise models per domain, connection config and queries."""
