"""Benchmarks run against a live API server."""
