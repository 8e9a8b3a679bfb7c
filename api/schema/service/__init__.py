"""Signups, service records (时长), the points ledger (积分) and certificates."""
