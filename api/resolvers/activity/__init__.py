"""Resolvers of activities and positions."""
