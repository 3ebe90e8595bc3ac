"""Widgets of the play and replay screens."""
