"""The `diplomacy-export/1` JSON format (see README, "Export"): the whole register as one object.

Written as a stream, one record at a time, so exporting a large register needs little memory:
records are read in chunks of ``CHUNK`` (with their related rows and sources per chunk), and
only the meetings' ids are held whole (statements refer to meetings by position).
"""

import json
from collections import defaultdict

from django.db.models import Prefetch

from .models import (
    Article,
    Country,
    Evidence,
    Meeting,
    Organisation,
    Participation,
    Person,
    Position,
    Statement,
    format_partial_date,
)

FORMAT = "diplomacy-export/1"
CHUNK = 2000


def _sources(model, ids):
    """Base names of the articles supporting each record, through the evidence rows."""
    field = model._meta.model_name
    by_record = defaultdict(set)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = (
            Evidence.objects.filter(**{f"{field}__in": chunk})
            .values_list(field, "article__file_name")
            .distinct()
        )
        for record_id, file_name in rows:
            by_record[record_id].add(file_name)
    return {record_id: sorted(names) for record_id, names in by_record.items()}


def _batches(queryset):
    """Lists of up to ``CHUNK`` records of ``queryset``, read chunk by chunk."""
    batch = []
    for obj in queryset.iterator(chunk_size=CHUNK):
        batch.append(obj)
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def article_rows():
    for article in Article.objects.order_by("file_name", "id").iterator(chunk_size=CHUNK):
        yield {
            "file": article.file_name,
            "title": article.title or None,
            "source": article.outlet or None,
            "published": article.published.isoformat() if article.published else None,
            "url": article.url or None,
        }


def country_rows():
    for country in Country.objects.mentioned().order_by("iso2"):
        yield {"iso2": country.iso2, "name": country.name}


def organisation_rows():
    orgs = (
        Organisation.objects.public()
        .filter(evidence__isnull=False)
        .distinct()
        .select_related("country", "parent")
        .prefetch_related("names")
        .order_by("name", "id")
    )
    for org in orgs:
        aliases = sorted({n.name for n in org.names.all()} - {org.name, org.acronym})
        yield {
            "name": org.name,
            "acronym": org.acronym or None,
            "aliases": aliases,
            "country": org.country.iso2 if org.country_id else None,
            "kind": org.kind,
            "parent": org.parent.name if org.parent_id else None,
            "review": org.review,
        }


def person_rows():
    positions = Position.objects.select_related("organisation", "country").order_by("id")
    persons = (
        Person.objects.public()
        .filter(merged_into__isnull=True)
        .select_related("country")
        .prefetch_related("names", Prefetch("positions", queryset=positions))
        .order_by("name", "id")
    )
    for person in persons.iterator(chunk_size=CHUNK):
        aliases = sorted(
            {n.name for n in person.names.all() if len(n.name.split()) >= 2} - {person.name}
        )
        yield {
            "name": person.name,
            "aliases": aliases,
            "country": person.country.iso2 if person.country_id else None,
            "positions": [
                {
                    "title": p.title,
                    "organisation": p.organisation.name if p.organisation_id else None,
                    "country": p.country.iso2 if p.country_id else None,
                }
                for p in person.positions.all()
            ],
            "review": person.review,
        }


def meeting_rows(meetings):
    for batch in _batches(meetings):
        sources = _sources(Meeting, [m.id for m in batch])
        for meeting in batch:
            yield {
                "title": meeting.title,
                "kind": meeting.kind,
                "status": meeting.status,
                "date": format_partial_date(meeting.date, meeting.date_precision),
                "end_date": meeting.end_date.isoformat() if meeting.end_date else None,
                "city": meeting.city or None,
                "country": meeting.country.iso2 if meeting.country_id else None,
                "organisation": meeting.organisation.name if meeting.organisation_id else None,
                "participants": [p.person.name for p in meeting.participations.all()],
                "roles": {p.person.name: p.role for p in meeting.participations.all() if p.role},
                "sources": sources.get(meeting.id, []),
                "review": meeting.review,
            }


def statement_rows(meeting_index):
    statements = Statement.objects.public().select_related("speaker").order_by("date", "id")
    for batch in _batches(statements):
        sources = _sources(Statement, [s.id for s in batch])
        for statement in batch:
            yield {
                "speaker": statement.speaker.name if statement.speaker_id else None,
                "speaker_text": statement.speaker_text or None,
                "date": format_partial_date(statement.date, statement.date_precision),
                "text": statement.text,
                "direct": statement.direct,
                "meeting": meeting_index.get(statement.meeting_id),
                "sources": sources.get(statement.id, []),
                "review": statement.review,
            }


def write_export(stream):
    """Write the whole register to ``stream`` in the export format."""
    meetings = (
        Meeting.objects.public()
        .select_related("country", "organisation")
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("person").order_by("id"),
            )
        )
        .order_by("date", "id")
    )
    # statements name their meeting by its position in the list
    ids = (
        Meeting.objects.public()
        .order_by("date", "id")
        .values_list("id", flat=True)
        .iterator(chunk_size=CHUNK * 10)
    )
    meeting_index = {pk: i for i, pk in enumerate(ids)}
    sections = [
        ("articles", article_rows()),
        ("countries", country_rows()),
        ("organisations", organisation_rows()),
        ("persons", person_rows()),
        ("meetings", meeting_rows(meetings)),
        ("statements", statement_rows(meeting_index)),
    ]
    write_sections(stream, FORMAT, sections)


def write_sections(stream, format_name, sections):
    """One JSON object ``{"format": ..., name: [rows...], ...}``, written row by row so
    that a large register never stands in memory as one string (export and backup)."""
    stream.write('{\n"format": ' + json.dumps(format_name))
    for name, rows in sections:
        stream.write(f',\n"{name}": [')
        for i, row in enumerate(rows):
            stream.write(("\n" if i == 0 else ",\n") + json.dumps(row, ensure_ascii=False))
        stream.write("\n]")
    stream.write("\n}\n")
