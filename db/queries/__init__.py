"""Reusable query builders over the models, shared by the API and the rules."""
