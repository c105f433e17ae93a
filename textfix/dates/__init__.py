"""Dates to ISO 8601 (or a chosen format): vocabulary in ``rules/dates/``, forms in :mod:`.finder`."""
