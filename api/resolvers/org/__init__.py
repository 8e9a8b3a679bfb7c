"""Resolvers of platforms, units, alliances and brigades."""
