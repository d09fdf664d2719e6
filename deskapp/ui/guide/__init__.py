"""Assisted digital completion: the guide panel and dock, step and blocker lists, handouts
and coaching sessions.
"""
