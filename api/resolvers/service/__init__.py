"""Resolvers of signups, service hours, points and certificates."""
