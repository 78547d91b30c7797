"""Incidents: one occurrence gathered from the many reports that describe it."""
