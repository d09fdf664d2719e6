"""Small reusable widgets: keyboard-first lists, tables, the bar chart and the week range
picker.
"""
