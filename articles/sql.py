"""Plain SQL for the importer's hottest reads.

Loading a document asks the database a dozen small questions ("which persons have these
name keys?") and updates a few columns of a few rows. Building each as a QuerySet costs
more Python time than SQLite takes to answer it, so these are written once as SQL and run
through Django's connection (same parameter style on SQLite and PostgreSQL). Everything
else stays in the ORM.
"""

from __future__ import annotations

from functools import lru_cache

from django.db import connection
from django.utils import timezone


@lru_cache(maxsize=1024)
def _quote(name: str) -> str:
    # each of a document's queries quotes a dozen names, and reaching the connection's
    # quoting through Django's connection proxy cost more than the quoting; SQLite and
    # PostgreSQL (the databases the register runs on) quote a name the same way
    return connection.ops.quote_name(name)


def column(name: str) -> str:
    """A column name quoted for the database, for WHERE clauses written by hand."""
    return _quote(name)


def table(model) -> str:
    """A model's table name quoted for the database."""
    return _quote(model._meta.db_table)


def _where(conditions: dict[str, object]) -> tuple[str, list] | None:
    """``{"key__in": [...], "person_id": 3, "date__gte": d}`` -> SQL and parameters
    (ANDed); ``None`` compares with IS NULL, also as one of the values of an ``__in``. None when an empty ``__in`` list makes
    the conditions match nothing: then there is nothing to ask the database."""
    parts, params = [], []
    for lookup, value in conditions.items():
        column, _, op = lookup.partition("__")
        if op == "in":
            values = [v for v in value if v is not None]
            null = len(values) < len(value)
            if not values and not null:
                return None
            tests = [f"{_quote(column)} IN ({', '.join(['%s'] * len(values))})"] if values else []
            tests += [f"{_quote(column)} IS NULL"] if null else []
            parts.append(tests[0] if len(tests) == 1 else f"({' OR '.join(tests)})")
            params += values
        elif op in ("gte", "lte"):
            parts.append(f"{_quote(column)} {'>=' if op == 'gte' else '<='} %s")
            params.append(value)
        elif value is None:
            parts.append(f"{_quote(column)} IS NULL")
        else:
            parts.append(f"{_quote(column)} = %s")
            params.append(value)
    return " AND ".join(parts) or "1 = 1", params


def records(model, order_by: tuple[str, ...] = (), limit: int | None = None, **conditions):
    """Model instances whose columns match ``conditions``, at most ``limit`` of them."""
    if (found := _where(conditions)) is None:
        return []
    return records_where(model, *found, order_by=order_by, limit=limit)


def records_where(
    model,
    where: str,
    params: list,
    order_by: tuple[str, ...] = (),
    limit: int | None = None,
    fields: tuple[str, ...] | None = None,
):
    """Model instances of the rows a WHERE clause (SQL and parameters) selects; with
    ``fields``, holding only those (and the id: any other field is read from the
    database if asked for, as the ORM's ``only()`` does)."""
    meta = model._meta
    chosen = meta.concrete_fields
    if fields is not None:
        chosen = [meta.pk] + [meta.get_field(name) for name in fields]
    columns = ", ".join(_quote(f.column) for f in chosen)
    sql = f"SELECT {columns} FROM {_quote(meta.db_table)} WHERE {where}"
    if order_by:
        terms = [
            f"{_quote(term[1:])} DESC" if term.startswith("-") else _quote(term)
            for term in order_by
        ]
        sql += " ORDER BY " + ", ".join(terms)
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return list(model.objects.raw(sql, params))


def first_of_each(model, group_by: tuple[str, ...], fields: tuple[str, ...], **conditions):
    """The row with the lowest id of each group (same ``group_by`` columns) among the rows
    matching ``conditions``, as model instances holding only ``fields`` (see
    ``records_where``): when one key repeats a thousand times (a stock phrase), the rows
    after the first are never read into Python, nor the first ones' long texts."""
    if (found := _where(conditions)) is None:
        return []
    where, params = found
    table, groups = _quote(model._meta.db_table), ", ".join(_quote(c) for c in group_by)
    first = f"SELECT MIN({_quote('id')}) FROM {table} WHERE {where} GROUP BY {groups}"
    return records_where(model, f"{_quote('id')} IN ({first})", params, fields=fields)


def where(**conditions) -> tuple[str, list] | None:
    """``{"id__in": [...], "kind": "x"}`` as SQL and parameters, for WHERE clauses built
    by hand (``_where``)."""
    return _where(conditions)


def values(model, columns: tuple[str, ...], **conditions) -> list[tuple]:
    """Tuples of ``columns`` of the rows matching ``conditions``."""
    if (found := _where(conditions)) is None:
        return []
    where, params = found
    selected = ", ".join(_quote(c) for c in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {selected} FROM {_quote(model._meta.db_table)} WHERE {where}", params
        )
        return cursor.fetchall()


def update_rows(model, fields, objs):
    """UPDATE some columns of many rows with one executemany: Django's bulk_update builds
    a CASE expression per column, which costs more than the update itself."""
    model_fields = [model._meta.get_field(f) for f in fields]
    assignments = ", ".join(f"{_quote(f.column)} = %s" for f in model_fields)
    sql = f"UPDATE {_quote(model._meta.db_table)} SET {assignments} WHERE {_quote('id')} = %s"
    rows = [
        [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in model_fields] + [obj.pk]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


# Columns whose Python value the database adapter takes as it is: no per-value
# conversion needed (dates and times go through Django's, for time zones and SQLite)
_PLAIN_COLUMNS = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "ForeignKey",
        "IntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SlugField",
        "SmallIntegerField",
        "TextField",
    }
)


def _max_params() -> int:
    """How many parameters one statement may carry (SQLite's own limit, not Django's
    conservative 999)."""
    if connection.vendor == "sqlite":
        import sqlite3

        connection.ensure_connection()
        return connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return min(connection.features.max_query_params or 30000, 30000)


def insert_rows(
    model, columns: list[str], rows: list, *, returning=False, ignore_conflicts=False
) -> list:
    """INSERT many rows as multi-row VALUES statements, as few as the database's limit on
    parameters allows: one round trip for a document's rows, where psycopg2's
    executemany makes one per row. With ``returning``, the new rows' ids in order."""
    if not rows:
        return []
    per_statement = max(1, _max_params() // len(columns))
    quoted = ", ".join(_quote(c) for c in columns)
    row_marks = "(" + ", ".join(["%s"] * len(columns)) + ")"
    tail = " ON CONFLICT DO NOTHING" if ignore_conflicts else ""
    tail += f" RETURNING {_quote('id')}" if returning else ""
    ids = []
    with connection.cursor() as cursor:
        for at in range(0, len(rows), per_statement):
            chunk = rows[at : at + per_statement]
            cursor.execute(
                f"INSERT INTO {_quote(model._meta.db_table)} ({quoted}) "
                f"VALUES {', '.join([row_marks] * len(chunk))}{tail}",
                [value for row in chunk for value in row],
            )
            if returning:
                ids += [pk for (pk,) in cursor.fetchall()]
    return ids


def create(objs, *, ignore_conflicts=False) -> None:
    """Insert new model instances of one model (``bulk_create`` without the ORM's cost
    per value): one statement for a document's rows; each instance gets its id, unless
    ``ignore_conflicts`` (rows that would break a unique constraint are left out).
    Like ``bulk_create``, no ``save()`` and no signals: the caller sets derived columns."""
    objs = list(objs)
    if not objs:
        return
    meta = type(objs[0])._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    plain = [f.get_internal_type() in _PLAIN_COLUMNS for f in fields]
    # created_at and its kind: one time for the whole batch, converted once
    now = timezone.now()
    stamped = {
        f.attname: f.get_db_prep_save(now, connection)
        for f in fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    }
    rows = []
    for obj in objs:
        row = []
        for field, is_plain in zip(fields, plain, strict=True):
            if field.attname in stamped:
                setattr(obj, field.attname, now)
                row.append(stamped[field.attname])
                continue
            value = getattr(obj, field.attname)
            if value is None and field.is_relation and field.is_cached(obj):
                # a record created earlier in this document, given before it had an id
                value = getattr(field.get_cached_value(obj), "pk", None)
                setattr(obj, field.attname, value)
            row.append(value if is_plain else field.get_db_prep_save(value, connection))
        rows.append(row)
    columns = [f.column for f in fields]
    ids = insert_rows(
        meta.model, columns, rows, returning=not ignore_conflicts, ignore_conflicts=ignore_conflicts
    )
    for obj, pk in zip(objs, ids, strict=False):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = connection.alias
