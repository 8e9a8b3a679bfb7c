"""Resolvers of practice projects."""
