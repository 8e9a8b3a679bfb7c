"""Resolvers of volunteers."""
