"""Benchmarks: oxus against bare spaCy on the same texts, scale and store growth."""
