"""Reading one imported file: bytes to text, HTML to text, metadata, boilerplate, stories.

Everything here is a pure function over bytes or strings. Spans are character offsets
into the stored text, which is kept exactly as decoded (or as extracted from HTML).
Matching runs on ``normalise(text)``, which has the same length, so its spans are
valid in the stored text.
"""

from .datelines import Dateline, find_datelines
from .dates import MONTH_PATTERN, MONTHS, WEEKDAYS, month_number
from .decoding import MAX_BYTES, ReadError, check_size, decode
from .html import html_to_text, looks_like_html
from .normalising import normalise
from .stories import boilerplate_spans, detect_metadata, read_document, split_stories

__all__ = [
    "read_document",
    "ReadError",
    "MAX_BYTES",
    "check_size",
    "decode",
    "normalise",
    "looks_like_html",
    "html_to_text",
    "MONTHS",
    "MONTH_PATTERN",
    "WEEKDAYS",
    "month_number",
    "boilerplate_spans",
    "Dateline",
    "find_datelines",
    "detect_metadata",
    "split_stories",
]
