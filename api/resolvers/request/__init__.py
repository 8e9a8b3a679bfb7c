"""Resolvers of residents' service requests."""
