"""Activities (活动) and their positions (岗位)."""
