"""The search box: persons, organisations and meetings by name or title, statements and
articles by full-text search, the same on PostgreSQL and SQLite.

Names and titles are short, so every word of the query is matched inside them: persons'
and organisations' names and other names through their match keys (``name_contains``:
case, accents and spellings folded; trigram GIN indexes on PostgreSQL, migration 0012; a
scan of the short key columns on SQLite, milliseconds for 20,000 persons), meetings'
titles with a case-insensitive ``contains`` (a trigram index on PostgreSQL too).
Statements and articles are full-text searched:

PostgreSQL matches against a stored ``search_vector`` column, generated from
``to_tsvector('english', ...)`` and served by a GIN index (migrations
``diplomacy/0006_statement_search_vector`` and ``articles/0004_article_search_vector``;
the column is not in the model state, queries reach it by name); SQLite matches FTS5
external-content tables kept in sync by triggers (``diplomacy/0003_search`` and
``articles/0002_search``). Any other backend falls back to a slow ``icontains`` on every
term.

A query is never passed through as syntax: it is cut into plain words first, so quotes,
operators and FTS5 characters (``"(*:^-``, ``NEAR``, ``AND``...) can never raise.
"""

import re

from django.apps import apps
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import (
    Count,
    Expression,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.lookups import In

from .names import name_key_fragments, org_key

KINDS = ("statement", "article")
# what the search box finds, in the order the results page shows them
SITE_KINDS = ("person", "organisation", "meeting", *KINDS)
MAX_TERMS = 12
MAX_TERM_LENGTH = 60

# Words PostgreSQL's english configuration drops; dropping them on SQLite too keeps the
# two backends answering the same query the same way.
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been
    before being below between both but by can did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own s same she should so some such t than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with you your
    yours yourself yourselves""".split()
)

# letters and digits only: underscores and every punctuation mark separate words, as in
# both full-text tokenizers
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# what the SQLite migration creates: FTS table name per kind
FTS_TABLES = {
    "statement": ("diplomacy_statement_fts", "diplomacy_statement"),
    "article": ("articles_article_fts", "articles_article"),
}

# the generated column the PostgreSQL migrations add to both tables
VECTOR_COLUMN = "search_vector"


class StoredVector(Expression):
    """The row's stored ``search_vector`` column (PostgreSQL only).

    The column is computed by PostgreSQL when a row is written, so neither matching nor
    ranking recomputes ``to_tsvector`` over a row's text. It is not a model field: this
    expression names it on the query's base table, whatever alias that table has.
    """

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return (
            f"{compiler.quote_name_unless_alias(alias)}.{connection.ops.quote_name(VECTOR_COLUMN)}",
            [],
        )


VECTORS = {"statement": StoredVector, "article": StoredVector}


def terms(query):
    """The plain words of a user's query, lower-cased, without stop words or syntax."""
    words = []
    for word in _WORD.findall((query or "").lower()):
        word = word[:MAX_TERM_LENGTH]
        if word not in STOP_WORDS and word not in words:
            words.append(word)
    return words[:MAX_TERMS]


def _model(kind):
    if kind == "statement":
        return apps.get_model("diplomacy", "Statement")
    if kind == "article":
        return apps.get_model("diplomacy", "Article")
    raise ValueError(f"unknown search kind {kind!r}; use one of {KINDS}")


def _public(kind):
    # every stored article is public; statements an editor rejected are not
    model = _model(kind)
    return model.objects.public() if kind == "statement" else model.objects.all()


def _fts5_expression(words):
    # each word quoted as an FTS5 string: the words hold no quote, so no syntax gets in
    return " ".join(f'"{word}"' for word in words)


def _vendor():
    return connection.vendor


# Past this many matches a word fills any page of a list from the list's newest rows. SQLite
# then walks the list's order (an index) and checks each row against the matches, instead
# of sorting every match: the 21 newest of 112,230 statements with one word took 326 ms
# the one way and 38 ms the other. A rarer word drives the query from its matches as before
# (walking a million rows for five matches would be the slow way round).
COMMON_MATCHES = 10_000


class NotIndexed(Func):
    """``+column``: SQLite uses no index for a condition on it (its documented way of saying
    so), so the query is driven by another condition or by its order."""

    template = "+%(expressions)s"
    output_field = IntegerField()


def _matches_more_than(fts, expression, n) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM (SELECT rowid FROM {fts} WHERE {fts} MATCH %s LIMIT %s)",
            [expression, n + 1],
        )
        return cursor.fetchone()[0] > n


def matching(queryset, kind, query):
    """``queryset`` narrowed to the rows of ``kind`` matching ``query`` (unranked)."""
    words = terms(query)
    if not words:
        return queryset.none() if (query or "").strip() else queryset
    vendor = _vendor()
    if vendor == "postgresql":
        return queryset.alias(_search_vector=VECTORS[kind]()).filter(
            _search_vector=SearchQuery(" ".join(words), config="english", search_type="plain")
        )
    if vendor == "sqlite":
        fts, _ = FTS_TABLES[kind]
        expression = _fts5_expression(words)
        matches = RawSQL(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [expression])
        if _matches_more_than(fts, expression, COMMON_MATCHES):
            return queryset.filter(In(NotIndexed(F("pk")), matches))
        return queryset.filter(pk__in=matches)
    return queryset.filter(_icontains_all(kind, words))


def _icontains_all(kind, words):
    fields = ["text"] if kind == "statement" else ["title", "text"]
    condition = Q()
    for word in words:
        either = Q()
        for field in fields:
            either |= Q(**{f"{field}__icontains": word})
        condition &= either
    return condition


def _ranked_ids(kind, words, limit, offset):
    return [pk for pk, _total in _ranked_rows(kind, words, limit, offset)]


def _ranked_rows(kind, words, limit, offset):
    """(id, number of matches) per row, best match first.

    Ranking already reads every match, so counting them in the same query (a window
    function) costs next to nothing: the results page needs no second query for its count.
    """
    vendor = _vendor()
    public = _public(kind)
    if vendor == "postgresql":
        vector = VECTORS[kind]()
        search_query = SearchQuery(" ".join(words), config="english", search_type="plain")
        rows = (
            public.alias(_search_vector=vector)
            .filter(_search_vector=search_query)
            .annotate(_rank=SearchRank(vector, search_query), _total=Window(Count("*")))
            .order_by("-_rank", "-pk")
            .values_list("pk", "_total")
        )
        return list(rows[offset : offset + limit])
    if vendor == "sqlite":
        fts, table = FTS_TABLES[kind]
        # the public() condition, as SQL for the join below
        hidden = " AND t.review <> 'rejected'" if kind == "statement" else ""
        # bm25() cannot sit beside a window function: ranked in a subquery, counted outside
        sql = (
            f"SELECT id, count(*) OVER () FROM (SELECT t.id AS id, bm25({fts}) AS rank "
            f"FROM {fts} JOIN {table} t ON t.id = {fts}.rowid WHERE {fts} MATCH %s{hidden}) "
            "ORDER BY rank, id DESC LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [_fts5_expression(words), limit, offset])
            return [tuple(row) for row in cursor.fetchall()]
    rows = (
        public.filter(_icontains_all(kind, words))
        .annotate(_total=Window(Count("*")))
        .order_by("-pk")
        .values_list("pk", "_total")
    )
    return list(rows[offset : offset + limit])


def _all_words_in(field, words):
    """Every word is somewhere in ``field`` (case-insensitive)."""
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field}__icontains": word})
    return condition


def _named(kind, words):
    """Public persons, organisations or meetings whose name (title) holds every word.

    Persons and organisations match inside their name or any other name, spelling folded
    as in match keys (``name_contains``: trigram indexes on PostgreSQL, a scan of the
    short key columns on SQLite). Meetings match inside their title.
    """
    model = apps.get_model("diplomacy", kind.capitalize())
    public = model.objects.public()
    if kind == "meeting":
        return public.filter(_all_words_in("title", words)).order_by(
            F("date").desc(nulls_last=True), "pk"
        )
    rows = public.name_contains(" ".join(words))
    if kind == "person":
        rows = rows.filter(merged_into__isnull=True)
    elif len(words) == 1:
        rows = public.filter(Q(pk__in=rows.values("pk")) | Q(acronym__iexact=words[0]))
    # the other name it was found by, if any: a subquery in the same query, not a prefetch
    names = apps.get_model("diplomacy", f"{kind.capitalize()}Name").objects
    other = names.filter(_key_holds(kind, words), **{kind: OuterRef("pk")}).order_by("pk")
    return rows.annotate(other_name=Subquery(other.values("name")[:1])).order_by("name", "pk")


def _key_fragments(kind, words):
    """Per word, the match-key fragments one of which a name's key must contain (the rule
    of ``name_contains``)."""
    if kind == "person":
        return [name_key_fragments(word) for word in words]
    return [[org_key(word)] for word in words]


def _key_holds(kind, words):
    """A name's ``key`` holds every word (as ``name_contains`` decides it)."""
    condition = Q()
    for fragments in _key_fragments(kind, words):
        either = Q()
        for fragment in fragments:
            either |= Q(key__contains=fragment)
        condition &= either
    return condition


def matched_other_name(kind, record, words):
    """The other name a person or organisation was found by, when its own name does not
    hold the words (None otherwise)."""
    key = record.key
    own = all(any(f in key for f in fragments) for fragments in _key_fragments(kind, words))
    return None if own else getattr(record, "other_name", None)


def find(query, kind, limit=20, offset=0):
    """The records of ``kind`` matching ``query``, best first, and how many match.

    Returns ``(records, total)``; a query with no searchable word finds nothing.
    """
    if kind not in SITE_KINDS:
        raise ValueError(f"unknown search kind {kind!r}; use one of {SITE_KINDS}")
    words = terms(query)
    if not words or limit <= 0:
        return [], 0
    if kind in KINDS:
        rows = _ranked_rows(kind, words, limit, max(0, offset))
        related = ("speaker", "meeting") if kind == "statement" else ()
        found = _model(kind).objects.select_related(*related).in_bulk([pk for pk, _ in rows])
        return [found[pk] for pk, _ in rows if pk in found], (rows[0][1] if rows else 0)
    related = ("country",) if kind in ("person", "meeting") else ()
    records = list(
        _named(kind, words)
        .select_related(*related)
        .annotate(_total=Window(Count("*")))[offset : offset + limit]
    )
    return records, (records[0]._total if records else 0)


def search(query, kinds=KINDS, limit=50, offset=0):
    """Ids of public statements and articles matching ``query``, best match first.

    Returns ``{"statement": [id, ...], "article": [id, ...]}`` with a key per asked kind.
    A query with no searchable word gives empty lists; it never raises.
    """
    if isinstance(kinds, str):
        kinds = (kinds,)
    limit = max(0, int(limit))
    offset = max(0, int(offset))
    words = terms(query)
    results = {}
    for kind in kinds:
        if kind not in KINDS:
            raise ValueError(f"unknown search kind {kind!r}; use one of {KINDS}")
        results[kind] = _ranked_ids(kind, words, limit, offset) if words and limit else []
    return results
