"""Aggregates for big-screen displays (数据大屏)."""
