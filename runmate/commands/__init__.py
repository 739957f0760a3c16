"""Command-line sub-commands, one module each; base.py holds what they share with runmate.cli. None imports Textual."""
