"""Read-only questions over the store: entity details, profiles, timelines, networks."""
