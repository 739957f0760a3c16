"""runmate: a gentle terminal companion for people who run to look after their mood."""

__version__ = "0.1.0"
