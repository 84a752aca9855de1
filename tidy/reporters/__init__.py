"""Reporters: pure functions from a Report to text. They never detect, never write files."""
