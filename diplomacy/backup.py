"""Full backup and restore of the register: the `diplomacy-backup/1` JSON format.

Unlike the public export (`diplomacy-export/1`, which leaves out rejected records, evidence
spans, article text and locks), a backup holds every row of the register, with its id:
countries (by ISO code, with editors' changes), organisations with their other names,
members and parents, persons with other names (``from_editor`` kept), posts and merges,
articles with their text, meetings with participations and roles, statements with
``speaker_text``, and every evidence span; curation status (``review``), ``locked_fields``
and timestamps included. Restoring keeps the ids, so links to public pages stay valid.

Not included: user accounts and groups, the admin log and the history of editor changes
(back those up with the database's own dump if they matter).

``restore`` writes into an empty register only: a freshly migrated database, whose
reference organisations it replaces with the backup's.
"""

import datetime as dt
from collections import Counter
from contextlib import contextmanager

from django.core.management.color import no_style
from django.db import connection, transaction

from . import summaries
from .export import FORMAT as EXPORT_FORMAT
from .export import write_sections
from .models import (
    Article,
    ArticleStory,
    Country,
    Evidence,
    Meeting,
    Organisation,
    OrganisationName,
    Participation,
    Person,
    PersonName,
    Position,
    Statement,
)

FORMAT = "diplomacy-backup/1"
CHUNK = 1000
Members = Organisation.members.through

# (section, model) in an order that restores parents before children
SECTIONS = [
    ("organisations", Organisation),
    ("organisation_names", OrganisationName),
    ("organisation_members", Members),
    ("persons", Person),
    ("person_names", PersonName),
    ("positions", Position),
    ("articles", Article),
    ("article_stories", ArticleStory),
    ("meetings", Meeting),
    ("participations", Participation),
    ("statements", Statement),
    ("evidence", Evidence),
]


# sections added after the format was first written: an older backup has none of them
LATER_SECTIONS = {"article_stories"}


class BackupError(Exception):
    """A file that cannot be restored, or a database that is not empty; the message says why."""


def _json_value(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _country_fields(model):
    return {
        f.attname
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is Country
    }


def _rows(model, iso_for):
    """Every row of ``model`` as a dict of its columns; country keys as ISO codes."""
    fields = model._meta.concrete_fields
    countries = _country_fields(model)
    for obj in model._default_manager.order_by("pk").iterator(chunk_size=CHUNK):
        row = {}
        for f in fields:
            value = getattr(obj, f.attname)
            if f.attname in countries:
                row[f.name] = iso_for.get(value)
            else:
                row[f.attname] = _json_value(value)
        yield row


def country_rows():
    fields = [f for f in Country._meta.concrete_fields if not f.primary_key]
    for country in Country.objects.order_by("iso2"):
        yield {f.attname: _json_value(getattr(country, f.attname)) for f in fields}


def write_backup(stream):
    """Write the whole register to ``stream`` as one `diplomacy-backup/1` JSON object."""
    iso_for = dict(Country.objects.values_list("pk", "iso2"))
    sections = [("countries", country_rows())]
    sections += [(name, _rows(model, iso_for)) for name, model in SECTIONS]
    write_sections(stream, FORMAT, sections)


# --------------------------------------------------------------------------- restore


def check_format(data):
    if not isinstance(data, dict):
        raise BackupError("not a register backup (expected a JSON object)")
    found = data.get("format")
    if found == EXPORT_FORMAT:
        raise BackupError(
            f"this is a public export ({EXPORT_FORMAT}), not a backup: it leaves out rejected "
            "records, evidence spans, article text and locks, so it cannot restore the "
            f"register. Write a backup with `manage.py backup_json` ({FORMAT})."
        )
    if found != FORMAT:
        raise BackupError(f"unknown format {found!r} (expected {FORMAT!r})")
    missing = [
        name
        for name, _ in [("countries", None), *SECTIONS]
        if name not in data and name not in LATER_SECTIONS
    ]
    if missing:
        raise BackupError(f"incomplete backup: no {', '.join(missing)}")


def check_empty():
    """Refuse to restore over a register that holds anything but the reference data."""
    found = {
        model._meta.verbose_name_plural: model._default_manager.count()
        for _, model in SECTIONS
        if model not in (Organisation, OrganisationName, Members)
    }
    found["organisations (not reference data)"] = Organisation.objects.filter(reference="").count()
    found = {name: n for name, n in found.items() if n}
    if found:
        held = ", ".join(f"{n} {name}" for name, n in found.items())
        raise BackupError(
            f"the database is not empty ({held}); restore into a freshly migrated database"
        )


@contextmanager
def _timestamps_as_given(models):
    """Switch off auto_now / auto_now_add so restored rows keep their own timestamps."""
    fields = [
        f
        for model in models
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _instance(model, row, country_ids):
    values = {}
    countries = {
        f.name: f.attname
        for f in model._meta.concrete_fields
        if f.attname in _country_fields(model)
    }
    for f in model._meta.concrete_fields:
        if f.name in countries:
            iso2 = row.get(f.name)
            if iso2 is not None and iso2 not in country_ids:
                raise BackupError(
                    f"{model._meta.model_name} {row.get('id')}: unknown country {iso2!r}"
                )
            values[f.attname] = country_ids.get(iso2) if iso2 else None
        elif f.attname in row:
            values[f.attname] = f.to_python(row[f.attname])
    return model(**values)


def _restore_countries(rows):
    """Update the reference countries from the backup (editors may have changed them)."""
    existing = {c.iso2: c for c in Country.objects.all()}
    fields = [f for f in Country._meta.concrete_fields if not f.primary_key]
    changed, created = [], []
    for row in rows:
        country = existing.get(row["iso2"])
        if country is None:
            created.append(
                Country(
                    **{f.attname: f.to_python(row[f.attname]) for f in fields if f.attname in row}
                )
            )
            continue
        if any(
            getattr(country, f.attname) != f.to_python(row[f.attname])
            for f in fields
            if f.attname in row
        ):
            for f in fields:
                if f.attname in row:
                    setattr(country, f.attname, f.to_python(row[f.attname]))
            changed.append(country)
    Country.objects.bulk_create(created)
    if changed:
        Country.objects.bulk_update(changed, [f.attname for f in fields if f.attname != "iso2"])
    return len(created) + len(changed)


def restore(data):
    """Restore a backup into the empty register, in one transaction; returns row counts."""
    check_format(data)
    counts = Counter()
    with transaction.atomic():
        check_empty()
        counts["countries updated"] = _restore_countries(data["countries"])
        country_ids = dict(Country.objects.values_list("iso2", "pk"))
        # the reference organisations of a fresh database give way to the backup's own
        # (a raw delete: nothing points at them yet, and no history rows are wanted)
        Members.objects.all()._raw_delete(connection.alias)
        OrganisationName.objects.all()._raw_delete(connection.alias)
        Organisation.objects.all()._raw_delete(connection.alias)
        models = [model for _, model in SECTIONS]
        with _timestamps_as_given(models):
            for name, model in SECTIONS:
                batch = []
                for row in data.get(name, []):
                    batch.append(_instance(model, row, country_ids))
                    if len(batch) >= CHUNK:
                        model._default_manager.bulk_create(batch)
                        batch = []
                model._default_manager.bulk_create(batch)
                counts[name] = len(data.get(name, []))
        # the next record an editor or an import creates must not reuse a restored id
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
        # counted (maybe empty) before the restore: the next visits count them again
        summaries.clear()
    return counts
