"""What an import would write, one line per record, for ``import_articles --dry-run``."""

from __future__ import annotations

from .extraction.types import Extraction

QUOTE_WORDS = 12


def record_lines(extraction: Extraction) -> list[str]:
    """Meetings (date, place, kind, participants), statements (speaker, meeting, words) and
    persons (country, posts) that one document's extraction would create or match."""
    persons = extraction.persons
    lines = []
    for number, m in enumerate(extraction.meetings, 1):
        when = m.date.isoformat() if m.date else "date unknown"
        if m.end_date and m.date and m.end_date > m.date:
            when += f" to {m.end_date.isoformat()}"
        where = ", ".join(x for x in (m.city, m.country) if x) or "place unknown"
        who = ", ".join(persons[p.entity].name for p in m.participants)
        title = f" {m.title!r}" if m.title else ""
        recalled = " (recalled)" if m.status == "recalled" else ""
        lines.append(
            f"meeting {number}: {when}, {where}, {m.kind}{recalled}{title}: {who or 'no one named'}"
        )
    for s in extraction.statements:
        speaker = persons[s.speaker].name if s.speaker is not None else "(a group)"
        at = f" at meeting {s.meeting + 1}" if s.meeting is not None else ""
        words = s.text.split()
        text = " ".join(words[:QUOTE_WORDS]) + (" ..." if len(words) > QUOTE_WORDS else "")
        how = "said" if s.direct else "reported"
        lines.append(f"statement by {speaker}{at} ({how}): {text!r}")
    for p in persons:
        posts = "; ".join(x.title for x in p.positions) or "no post"
        lines.append(f"person {p.name} ({p.country or 'country unknown'}): {posts}")
    return lines
