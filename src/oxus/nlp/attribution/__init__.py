"""Who asserts a fact, whether it is denied, and whether it is hedged."""
