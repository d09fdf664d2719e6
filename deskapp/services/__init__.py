"""Plain-Python services. Nothing in this package may import Qt."""
