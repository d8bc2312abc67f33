"""Marsad: Arabic news to political event data."""

__version__ = "0.1.0"
