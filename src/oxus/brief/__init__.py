"""Assessments in the shape analysts write, built only from stored facts, every sentence cited."""
