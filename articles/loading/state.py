"""What the loading steps of one document share, and who writes what.

The steps run in the order ``pipeline.DocumentLoader.load`` gives. Each field of
``LoadState`` is written by one step and read only by the steps after it; the comments
say which. Nothing else is carried from one step to another.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from diplomacy.models import Article, Meeting, Organisation, Person

from ..extraction.types import Document, Extraction
from ..resolution import CountryCache


@dataclass
class LoadState:
    document: Document
    extraction: Extraction
    countries: CountryCache
    # every step: ("person", "created") -> n
    counts: Counter = field(default_factory=Counter)
    # evidence.article_row: the article row, created or updated
    article: Article | None = None
    # evidence.article_row: another file's article whose text this file now holds
    same_text_as: Article | None = None
    # evidence.forget_previous_version (an updated article only): ids of the records the
    # old version supported, per kind; read by the summaries and evidence.remove_orphans
    previous: dict[str, set[int]] = field(default_factory=dict)
    # every step adds the spans it supports (add_evidence); evidence.write_evidence
    # inserts them once the records have ids
    evidence: list[tuple] = field(default_factory=list)
    # organisations: extraction key -> record; read by persons (posts) and meetings
    org_for: dict[str, Organisation] = field(default_factory=dict)
    # persons: index in extraction.persons -> record; read by meetings and statements
    person_for: dict[int, Person] = field(default_factory=dict)
    # persons: ids of the persons this document created (nothing in the register refers
    # to them yet); read by statements
    new_persons: set[int] = field(default_factory=set)
    # persons: ids of persons who gained a country; read by the summaries
    gained_country: set[int] = field(default_factory=set)
    # meetings: index in extraction.meetings -> record; read by statements
    meeting_for: dict[int, Meeting] = field(default_factory=dict)
    # meetings: ids of everyone in this document's meetings; read by the summaries
    participants: set[int] = field(default_factory=set)

    def add_evidence(self, kind, start, end, **target):
        """Remember that chars [start, end) support ``target`` (one keyword: field=record)."""
        ((target_field, record),) = target.items()
        text = self.document.text[start:end][:500]
        self.evidence.append((kind, start, end, text, target_field, record))


def quiet_save(obj, **kwargs):
    """Save without a history row: history records editors' changes, not imports."""
    obj.skip_history_when_saving = True
    try:
        obj.save(**kwargs)
    finally:
        del obj.skip_history_when_saving


def save_if_changed(state, kind: str, record, changed) -> None:
    """Save a record an earlier report created when this one changed it (no history row),
    and count it as updated, or else as matched."""
    if changed:
        quiet_save(record)
        state.counts[(kind, "updated")] += 1
    else:
        state.counts[(kind, "matched")] += 1
