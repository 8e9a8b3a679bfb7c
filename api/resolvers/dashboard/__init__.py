"""Resolvers of the big-screen dashboard."""
