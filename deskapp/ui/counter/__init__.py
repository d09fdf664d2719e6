"""The counter page: logging a visit (errand, reason, outcome), the day's list, editing and
open visits.
"""
