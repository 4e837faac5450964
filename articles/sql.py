"""Plain SQL for the importer's hottest reads.

Loading a document asks the database a dozen small questions ("which persons have these
name keys?") and updates a few columns of a few rows. Building each as a QuerySet costs
more Python time than SQLite takes to answer it, so these are written once as SQL and run
through Django's connection (same parameter style on SQLite and PostgreSQL). Everything
else stays in the ORM.
"""

from __future__ import annotations

from django.db import connection


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _where(conditions: dict[str, object]) -> tuple[str, list]:
    """``{"key__in": [...], "person_id": 3, "date__gte": d}`` -> SQL and parameters
    (ANDed). An empty ``__in`` list matches nothing; ``None`` compares with IS NULL."""
    parts, params = [], []
    for lookup, value in conditions.items():
        column, _, op = lookup.partition("__")
        if op == "in":
            values = list(value)
            if not values:
                return "1 = 0", []
            parts.append(f"{_quote(column)} IN ({', '.join(['%s'] * len(values))})")
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
    where, params = _where(conditions)
    columns = ", ".join(_quote(f.column) for f in model._meta.concrete_fields)
    sql = f"SELECT {columns} FROM {_quote(model._meta.db_table)} WHERE {where}"
    if order_by:
        terms = [
            f"{_quote(term[1:])} DESC" if term.startswith("-") else _quote(term)
            for term in order_by
        ]
        sql += " ORDER BY " + ", ".join(terms)
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return list(model.objects.raw(sql, params))


def values(model, columns: tuple[str, ...], **conditions) -> list[tuple]:
    """Tuples of ``columns`` of the rows matching ``conditions``."""
    where, params = _where(conditions)
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
