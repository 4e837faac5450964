"""The curation admin: editors review, correct, merge and split imported records here.

Each module registers the admins of one concept; the review queue hangs off the person
admin's URLs (``admin:diplomacy_review_queue``).
"""

from . import meetings, organisations, people, sources  # noqa: F401  (registers the admins)
