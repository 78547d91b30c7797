"""Numeric estimates: sizes of groups and forces, counts of arrests and cases."""
