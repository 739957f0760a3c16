"""Small reusable pieces of runmate's screens."""
