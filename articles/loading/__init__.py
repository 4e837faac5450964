"""Loading: write one document and what was extracted from it, in one transaction.

Idempotent by construction: an article is identified by the hash of its text (the same
text imported again changes nothing) and, for a changed file, by its path (the article is
updated and re-extracted, and records only that version supported are removed). Records an
editor verified, rejected or changed are never overwritten: new evidence is added instead.

One module per record type (``organisations``, ``persons``, ``meetings``, ``statements``,
``evidence`` for the article and its spans); ``pipeline`` runs them in order over the
``LoadState`` (``state``) they share.
"""

from .pipeline import DocumentLoader, LoadResult, load_document

__all__ = ["DocumentLoader", "LoadResult", "load_document"]
