"""Resolvers of the volunteer academy."""
