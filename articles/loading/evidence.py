"""Provenance: the article row, the evidence spans, and what a changed file leaves behind."""

from __future__ import annotations

from diplomacy.models import (
    Article,
    ArticleStory,
    Evidence,
    Meeting,
    Organisation,
    Person,
    Statement,
)

from .. import sql

EXTRACTOR_VERSION = "1"


def article_row(state) -> str | None:
    """Create or update the article row (``state.article``); None when the same text is
    already stored (``state.same_text_as`` names another file's article with that text).
    Returns "created" or "updated"."""
    doc = state.document
    same, params = '"content_hash" = %s', [doc.content_hash]
    if doc.path:
        same, params = same + ' OR "path" = %s', params + [doc.path]
    rows = sql.records_where(Article, same, params, order_by=("id",), limit=20)
    same_text = next((row for row in rows if row.content_hash == doc.content_hash), None)
    if same_text is not None:
        if doc.path and same_text.path and same_text.path != doc.path:
            # this file now holds another file's text: nothing new to read, but say so
            # (its article from the earlier text is kept: no file holds that text now)
            state.same_text_as = same_text
        return None
    previous = rows[0] if rows else None
    values = {
        "file_name": doc.file_name,
        "path": doc.path or "",
        "title": (doc.title or "")[:500],
        "outlet": (doc.outlet or "")[:200],
        "published": doc.published,
        "url": (doc.url or "")[:1000],
        "text": doc.text,
        "content_hash": doc.content_hash,
        "extractor_version": EXTRACTOR_VERSION,
    }
    if previous is None:
        state.article = Article(**values)
        sql.create([state.article])
        save_stories(state.article, doc, created=True)
        return "created"
    for key, value in values.items():
        setattr(previous, key, value)
    previous.save()
    state.article = previous
    save_stories(previous, doc)
    return "updated"


def save_stories(article, doc, created=False):
    """A compilation's stories, each with its own headline, outlet and date (a single
    article's are the article's own: none are stored)."""
    if not created:
        ArticleStory.objects.filter(article=article).delete()
    if len(doc.stories) < 2:
        return
    ArticleStory.objects.bulk_create(
        ArticleStory(
            article=article,
            start=story.start,
            end=story.end,
            headline=(story.headline or "")[:500],
            outlet=(story.outlet or "")[:200],
            date=story.date,
        )
        for story in doc.stories
    )


def forget_previous_version(state):
    """Drop the old version's evidence; remember what it supported for clean-up."""
    old = Evidence.objects.filter(article=state.article)
    state.previous = {
        "person": set(old.exclude(person=None).values_list("person", flat=True)),
        "organisation": set(old.exclude(organisation=None).values_list("organisation", flat=True)),
        "meeting": set(old.exclude(meeting=None).values_list("meeting", flat=True)),
        "statement": set(old.exclude(statement=None).values_list("statement", flat=True)),
    }
    old.delete()


def remove_orphans(state):
    """Records only the old version supported, that no editor worked on, go away, each
    with a history row saying why. Anything an editor touched stays (``untouched``)."""
    models = {
        "person": Person,
        "organisation": Organisation,
        "meeting": Meeting,
        "statement": Statement,
    }
    reason = f"removed by re-import of {state.document.file_name}"[:100]
    for kind, ids in state.previous.items():
        if not ids:
            continue
        queryset = models[kind].objects.untouched().filter(pk__in=ids, evidence__isnull=True)
        if kind == "organisation":
            queryset = queryset.filter(reference="")
        removed = 0
        for record in queryset.distinct():
            record._change_reason = reason
            record.delete()
            removed += 1
        if removed:
            state.counts[(kind, "removed")] += removed


def country_evidence(state):
    """Countries are never created by an import: their mentions are evidence only."""
    seen = set()
    for m in state.extraction.countries:
        country = state.countries.get(m.iso2)
        if country is None:
            continue
        state.add_evidence("country", m.start, m.end, country=country)
        seen.add(country.pk)
    state.counts[("country", "mentioned")] += len(seen)


def write_evidence(state):
    """Insert the evidence rows in one statement: much faster than model instances."""
    fields = Evidence.TARGETS
    columns = ["article_id", "kind", "start", "end", "text"] + [f"{f}_id" for f in fields]
    rows = []
    for kind, start, end, text, target_field, record in state.evidence:
        targets = [record.pk if f == target_field else None for f in fields]
        rows.append((state.article.pk, kind, start, end, text, *targets))
    sql.insert_rows(Evidence, columns, rows)
