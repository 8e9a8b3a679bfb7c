"""Registered volunteers (志愿者)."""
