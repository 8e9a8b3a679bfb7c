"""Live updates: one event feed per process, fanned out to subscribers.

The event table is the record of what happened. A notifier (in-process, or
Redis pub/sub between processes) only wakes the feed's reader early. See
docs/live-updates.md for the design and its limits.
"""

from api.live.feed import EventFeed, current_feed, notify_committed

__all__ = ["EventFeed", "current_feed", "notify_committed"]
