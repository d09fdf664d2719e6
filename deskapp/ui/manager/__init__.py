"""The manager page: weekly tallies, exports and digital-count imports, with their
background workers.
"""
