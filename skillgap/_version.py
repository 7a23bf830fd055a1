"""The package version, in one place: hatch reads it for the wheel, the package face re-exports it."""

__version__ = "0.1.0"
