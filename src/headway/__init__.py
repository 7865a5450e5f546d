"""Headway: own your career."""

__version__ = "0.1.0"
