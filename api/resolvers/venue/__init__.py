"""Resolvers of cultural halls."""
