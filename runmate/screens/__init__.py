"""runmate's screens."""
