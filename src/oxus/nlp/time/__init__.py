"""Dates and times: expressions found in text, resolved against the publication date."""
