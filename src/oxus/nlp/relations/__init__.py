"""Relations between entities: candidates from the parse, rules as features, a learned scorer."""
