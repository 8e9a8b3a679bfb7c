"""Resolvers of the geo domain."""
