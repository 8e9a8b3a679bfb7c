"""Resolvers: GraphQL arguments in, calls to queries and rules, types out."""
