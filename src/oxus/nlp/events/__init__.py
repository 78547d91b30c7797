"""Events: triggers, their arguments, place and time, and one event per occurrence."""
