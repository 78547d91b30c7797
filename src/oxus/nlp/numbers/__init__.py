"""Numbers and quantities: spelled and written numbers, qualifiers, counted nouns."""
