"""Sharing between desks: publishing this desk's snapshot and consolidating a site journal."""
