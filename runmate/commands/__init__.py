"""Command-line sub-commands; none of them imports Textual."""
