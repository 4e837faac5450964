"""The order of the loading steps of one document, in one transaction."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection, transaction

from diplomacy import summaries
from diplomacy.models import Article
from diplomacy.models.meetings import statement_text_key

from ..extraction.types import Document, Extraction
from ..resolution import CountryCache, entity_keys
from . import evidence, meetings, organisations, persons, statements
from .state import LoadState


@dataclass
class LoadResult:
    """What loading one document did."""

    status: str  # created | updated | unchanged | duplicate
    article: Article | None = None
    counts: Counter = field(default_factory=Counter)  # ("person", "created") -> n
    # ids of the countries whose page counts this document changed
    countries: set[int] = field(default_factory=set)
    message: str = ""  # for a duplicate: which file's text it repeats


class DocumentLoader:
    """Loads one document: the steps below, in this order, share one ``LoadState``."""

    def __init__(self, document: Document, extraction: Extraction, countries: CountryCache):
        self.state = LoadState(document, extraction, countries)

    def load(self) -> LoadResult:
        state = self.state
        lock_names(state)  # first: a concurrent importer of the same names waits here
        status = evidence.article_row(state)
        if status is None:
            if state.same_text_as is not None:
                other = state.same_text_as
                return LoadResult("duplicate", message=f"the same text as {other.path}")
            return LoadResult("unchanged")
        if status == "updated":
            evidence.forget_previous_version(state)  # -> state.previous
        evidence.country_evidence(state)
        organisations.load_organisations(state)  # -> state.org_for
        persons.load_persons(state)  # org_for -> person_for, gained_country
        meetings.load_meetings(state)  # org_for, person_for -> meeting_for, participants
        statements.load_statements(state)  # person_for, meeting_for
        evidence.write_evidence(state)  # every step's spans, now that records have ids
        if status == "updated":
            evidence.remove_orphans(state)  # after the new evidence: what lost all support
        countries = adjust_summaries(state)  # after the orphans: their meetings are gone
        return LoadResult(status, state.article, state.counts, countries)


def adjust_summaries(state) -> set[int]:
    """Adjust the country counts for the meetings this document changed (created,
    matched, or reported by its old version, and those of persons who gained a country);
    returns the countries whose counts changed. Last: it holds a lock until the commit."""
    touched = {m.pk for m in state.meeting_for.values()}
    touched |= state.previous.get("meeting", set()) | summaries.meetings_of(state.gained_country)
    return summaries.meetings_changed(touched)


# Beyond this many keys of one kind, a document locks the kind as a whole: PostgreSQL
# keeps every advisory lock in shared memory until the transaction ends, and a document
# of 16,000 quotations would exhaust it ("out of shared memory").
LOCKS_PER_KIND = 200


def lock_names(state):
    """Serialise concurrent importers on the names this document creates (PostgreSQL).

    Two processes importing articles about the same person must not both find no
    record and both create one. A transaction-scoped advisory lock per name key (and
    per meeting date and statement text) makes the second wait for the first to commit,
    after which it finds the record. Every document first takes a lock per kind, in one
    fixed order: shared when it then locks its keys one by one, exclusive when it has
    more than ``LOCKS_PER_KIND`` keys of that kind, so the locks one document holds stay
    bounded. Kinds in a fixed order first, then keys in sorted order: no deadlock. All
    of them in one statement (one round trip, not one per key).
    SQLite needs nothing: its writers already take the database lock at BEGIN.
    """
    if connection.vendor != "postgresql":
        return
    ex = state.extraction
    keys_of = {
        "article": {state.document.content_hash},
        "org": {m.key for m in ex.organisations},
        "person": {k for e in ex.persons for k in entity_keys(e)},
        "meeting": {str(m.date) for m in ex.meetings if m.date},
        "statement": {statement_text_key(s.text) for s in ex.statements},
    }
    kinds, one_by_one = [], set()
    for kind, keys in keys_of.items():  # the same kind order in every importer
        whole = len(keys) > LOCKS_PER_KIND
        kinds.append((_lock_id(kind + ":*"), not whole))
        if not whole:
            one_by_one |= {_lock_id(f"{kind}:{k}") for k in keys}
    ordered = kinds + [(lock_id, False) for lock_id in sorted(one_by_one)]
    # one round trip: unnest yields the rows in the array's order, so the locks are
    # taken in the order above
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT CASE WHEN shared THEN pg_advisory_xact_lock_shared(id)"
            " ELSE pg_advisory_xact_lock(id) END"
            " FROM unnest(%s::bigint[], %s::boolean[]) AS lock(id, shared)",
            [[i for i, _ in ordered], [shared for _, shared in ordered]],
        )


def _lock_id(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)


def load_document(
    document: Document, extraction: Extraction, countries: CountryCache | None = None
) -> LoadResult:
    """Write one document in one transaction; nothing half-written survives an error."""
    countries = countries or CountryCache()
    # the loader adjusts the country counts itself, once per document
    with transaction.atomic(), summaries.deferred():
        return DocumentLoader(document, extraction, countries).load()
