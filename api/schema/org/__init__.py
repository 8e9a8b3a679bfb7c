"""Platforms (服务平台), units, alliances (志愿服务联盟) and brigades (服务队)."""
