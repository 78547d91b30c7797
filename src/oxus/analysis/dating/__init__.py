"""Dated knowledge: when each relation was seen to hold, and the network as of a date."""
