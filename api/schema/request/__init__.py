"""Residents' service requests (群众点单) and their dispatch."""
