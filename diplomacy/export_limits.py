"""How much of a public list one download may take, and how many run at once.

A logged-in staff member downloads up to ``EXPORT_CAP`` rows. Anyone else gets at most
``settings.EXPORT_ANONYMOUS_ROWS`` rows per request (``page=2`` gives the next ones; the
answer says so in its headers and, in JSON, in its head), and at most
``settings.EXPORT_ANONYMOUS_CONCURRENT`` anonymous downloads run at once across every
server process: the next one is answered 429 with Retry-After. The running downloads are
counted in the shared cache (see settings.CACHES), a slot each; a slot is given back when
the server closes the response, or after ``SLOT_SECONDS`` if a process died holding it.
"""

import uuid

from django.conf import settings
from django.core.cache import caches

# staff (and the JSON export command) may take this many rows in one download
EXPORT_CAP = 100_000
SLOT_SECONDS = 120
RETRY_AFTER = 10


def unlimited(request):
    return request.user.is_authenticated and request.user.is_staff


def row_limit(request):
    return EXPORT_CAP if unlimited(request) else settings.EXPORT_ANONYMOUS_ROWS


def page_number(request):
    """The download's page (1 when absent or junk), so that offsets stay in range."""
    try:
        page = int(request.GET.get("page", 1))
    except (TypeError, ValueError):
        return 1
    return max(1, min(page, 1_000_000))


class Slot:
    """One of the anonymous downloads allowed to run at once."""

    def __init__(self, key, token):
        self.key, self.token = key, token

    @classmethod
    def take(cls):
        """A free slot, or None when every one is held."""
        cache, token = caches["shared"], uuid.uuid4().hex
        for number in range(settings.EXPORT_ANONYMOUS_CONCURRENT):
            key = f"diplomacy:export-slot:{number}"
            if cache.add(key, token, SLOT_SECONDS):
                return cls(key, token)
        return None

    def release(self):
        cache = caches["shared"]
        if cache.get(self.key) == self.token:  # not a slot that expired and was taken again
            cache.delete(self.key)


class HeldWhileStreaming:
    """The rows of a download, holding its slot until the server closes the response
    (StreamingHttpResponse calls ``close`` whether or not every row was sent)."""

    def __init__(self, chunks, slot):
        self.chunks, self.slot = chunks, slot

    def __iter__(self):
        return iter(self.chunks)

    def close(self):
        try:
            self.chunks.close()
        finally:
            if self.slot is not None:
                self.slot.release()
                self.slot = None
