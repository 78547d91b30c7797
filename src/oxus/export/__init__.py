"""Exporters: facts-jsonl (the public data contract), and more formats."""
