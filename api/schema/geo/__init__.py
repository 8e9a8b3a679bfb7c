"""Regions: the city, its towns and subdistricts, and its villages."""
