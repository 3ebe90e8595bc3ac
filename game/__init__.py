"""Hyosan: a parser text adventure set in the Hyosan Exclusion Zone."""

__version__ = "0.1.0"
