"""Live updates: resumable event streams and dashboard change ticks."""
