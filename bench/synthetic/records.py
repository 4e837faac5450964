"""A large synthetic register written straight into the database, for page benchmarks.

``build_register(meetings=100_000, persons=20_000, statements=1_000_000)`` creates invented
persons with posts and other names, organisations, meetings with 2-6 participants,
statements by participants of those meetings, and a few thousand articles whose evidence
rows point at every meeting, participant, host country, organisation and one statement
of each meeting, so detail pages show sources.

Rows go in with ``bulk_create`` in batches and explicit primary keys (so related rows can
point at them without reading them back); no ``save()`` runs, so no history rows are
written, and the sequences are reset at the end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import time
from collections import Counter
from contextlib import contextmanager

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max

from diplomacy import summaries
from diplomacy.models import (
    Article,
    Country,
    Evidence,
    Meeting,
    Organisation,
    Participation,
    Person,
    PersonName,
    Position,
    Review,
    Statement,
)
from diplomacy.models.meetings import statement_text_key
from diplomacy.names import name_key, org_key

from . import words
from .articles import MONTHS, invented_name

BATCH_SIZE = 5000
MEETINGS_PER_ARTICLE = 30
FIRST_DAY = dt.date(2000, 1, 1)
DAYS = 26 * 365
ORG_HEADS = ["Institute", "Centre", "Council", "Foundation", "Agency", "Commission", "Forum"]
ORG_ADJECTIVES = [
    "National",
    "Regional",
    "Strategic",
    "Joint",
    "Independent",
    "Permanent",
    "International",
    "Continental",
]
KIND_WEIGHTS = (
    ("bilateral", 40),
    ("multilateral", 12),
    ("summit", 6),
    ("ministerial", 8),
    ("forum", 5),
    ("visit", 12),
    ("ceremony", 3),
    ("call", 12),
    ("other", 2),
)


def _next_id(model):
    return (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1


def _insert_sql(model, label=None):
    """(INSERT statement, dict -> parameter tuple) for every concrete column of ``model``."""
    fields = model._meta.concrete_fields
    blank = model()
    defaults = {
        f.attname: f.get_db_prep_save(f.pre_save(blank, add=True), connection) for f in fields
    }
    dates = {f.attname for f in fields if f.get_internal_type() == "DateField"}
    adapt = connection.ops.adapt_datefield_value
    names = [f.attname for f in fields]
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )

    def row_of(row: dict) -> tuple:
        return tuple(
            (adapt(row[name]) if name in dates else row[name]) if name in row else defaults[name]
            for name in names
        )

    return sql, row_of


def _review(rng):
    roll = rng.random()
    if roll < 0.01:
        return Review.REJECTED
    return Review.VERIFIED if roll < 0.11 else Review.UNREVIEWED


class RegisterBuilder:
    """Writes the synthetic register; one instance per run."""

    def __init__(self, seed=0, batch_size=BATCH_SIZE, progress=None):
        self.rng = random.Random(seed)
        self.batch_size = batch_size
        self.progress = progress or (lambda message: None)
        self.counts = Counter()
        countries = list(Country.objects.order_by("iso2").values("id", "iso2", "name", "capital"))
        self.country_by_iso = {c["iso2"]: c for c in countries}
        self.countries = [c for c in countries if c["capital"]]
        # officials mostly come from the regions the word lists cover
        self.region_countries = {
            region: [self.country_by_iso[i] for i in data["countries"] if i in self.country_by_iso]
            for region, data in sorted(words.REGIONS.items())
        }

    # -- helpers ---------------------------------------------------------------------
    def _bulk(self, model, rows, label=None):
        """Insert ``rows`` (an iterable of dicts: attname -> value, with the primary key)
        in batches, without holding them all: one ``executemany`` of plain tuples per
        batch. Django's ``bulk_create`` spent most of a run building model instances and
        SQL; the columns a row leaves out get the field's default, prepared once."""
        insert, row_of = _insert_sql(model, label)
        batch, n = [], 0
        with connection.cursor() as cursor:
            for row in rows:
                batch.append(row_of(row))
                if len(batch) >= self.batch_size:
                    cursor.executemany(insert, batch)
                    n += len(batch)
                    batch = []
                    if n % (self.batch_size * 20) == 0:
                        self.progress(f"  {label or model._meta.verbose_name_plural}: {n:,}")
            if batch:
                cursor.executemany(insert, batch)
                n += len(batch)
        self.counts[model._meta.model_name] += n
        return n

    def _day(self):
        return FIRST_DAY + dt.timedelta(days=self.rng.randrange(DAYS))

    def _claim(self):
        rng = self.rng
        text = rng.choice(words.CLAIMS).format(topic=rng.choice(words.TOPICS))
        text = f"{text[0].upper()}{text[1:]} {rng.choice(words.CLAIM_TAILS)}."
        if rng.random() < 0.5:
            extra = rng.choice(words.CLAIMS).format(topic=rng.choice(words.TOPICS))
            text += f" {extra[0].upper()}{extra[1:]}."
        return text

    # -- phases ----------------------------------------------------------------------
    def organisations(self, n):
        rng = self.rng
        existing = set(Organisation.objects.values_list("key", flat=True))
        start = _next_id(Organisation)
        self.organisation_ids = list(
            Organisation.objects.filter(kind="intergovernmental").values_list("pk", flat=True)
        )
        made = []
        attempts = 0
        while len(made) < n and attempts < n * 20:
            attempts += 1
            country = rng.choice(self.countries)
            name = (
                f"{rng.choice(ORG_ADJECTIVES)} {rng.choice(ORG_HEADS)} for "
                f"{rng.choice(words.TOPICS).title()} of {country['name']}"
            )
            key = org_key(name)
            if key in existing:
                continue
            existing.add(key)
            made.append(
                dict(
                    id=start + len(made),
                    name=name,
                    key=key,
                    kind=rng.choice(["think_tank", "government", "other"]),
                    country_id=country["id"],
                    review=_review(rng),
                )
            )
        self._bulk(Organisation, made)
        self.organisation_ids += [o["id"] for o in made]

    def persons(self, n):
        rng = self.rng
        start = _next_id(Person)
        regions = sorted(self.region_countries)
        self.person_ids = []
        self.person_names = {}
        self.person_country = {}
        names, positions = [], []
        position_id = _next_id(Position)
        name_id = _next_id(PersonName)

        def people():
            nonlocal position_id, name_id
            for i in range(n):
                pk = start + i
                region = rng.choice(regions)
                country = rng.choice(self.region_countries[region] or self.countries)
                gender = "f" if rng.random() < 0.3 else "m"
                name, _ = invented_name(rng, region, gender)
                if rng.random() < 0.5:  # a middle initial spreads 20,000 people over more names
                    first, rest = name.split(" ", 1)
                    name = f"{first} {rng.choice('ABDEGKLMNORST')}. {rest}"
                self.person_ids.append(pk)
                self.person_names[pk] = name
                self.person_country[pk] = country["id"]
                for title, long_title in rng.sample(words.TITLES, rng.randint(1, 2)):
                    begin = self._day()
                    positions.append(
                        dict(
                            id=position_id,
                            person_id=pk,
                            title=long_title if rng.random() < 0.5 else title,
                            country_id=country["id"],
                            organisation_id=(
                                rng.choice(self.organisation_ids) if rng.random() < 0.2 else None
                            ),
                            start=begin,
                            end=begin + dt.timedelta(days=rng.randrange(1, 2000)),
                        )
                    )
                    position_id += 1
                if rng.random() < 0.1:
                    other = name.replace("kh", "h").replace("dzh", "j") + (
                        "" if "kh" in name or "dzh" in name else "e"
                    )
                    names.append(dict(id=name_id, person_id=pk, name=other, key=name_key(other)))
                    name_id += 1
                yield dict(
                    id=pk,
                    name=name,
                    key=name_key(name),
                    country_id=country["id"],
                    gender=gender,
                    review=_review(rng),
                )

        self._bulk(Person, people())
        self._bulk(Position, positions)
        self._bulk(PersonName, names)

    def meetings(self, n):
        rng = self.rng
        start = _next_id(Meeting)
        participation_id = _next_id(Participation)
        kinds = [k for k, _ in KIND_WEIGHTS]
        weights = [w for _, w in KIND_WEIGHTS]
        self.meeting_ids = []
        self.meeting_people = {}  # id -> participant ids: speakers and evidence
        self.meeting_info = {}  # id -> (date, city, country id, organisation id)
        participations = []

        def meetings():
            nonlocal participation_id
            for i in range(n):
                pk = start + i
                kind = rng.choices(kinds, weights)[0]
                size = 2 if kind in ("bilateral", "call", "visit") else rng.randint(3, 6)
                people = rng.sample(self.person_ids, min(size, len(self.person_ids)))
                host = rng.choice(self.countries)
                organisation = (
                    rng.choice(self.organisation_ids)
                    if kind in ("multilateral", "summit", "ministerial", "forum")
                    and self.organisation_ids
                    else None
                )
                day = self._day()
                precision = rng.choices(["day", "month", "year"], [90, 8, 2])[0]
                if precision == "month":
                    day = day.replace(day=1)
                elif precision == "year":
                    day = day.replace(month=1, day=1)
                ends = kind in ("summit", "forum", "ministerial") and precision == "day"
                if len(people) == 2:
                    title = (
                        f"Talks between {self.person_names[people[0]]} and "
                        f"{self.person_names[people[1]]}"
                    )
                else:
                    title = f"{kind.title()} meeting in {host['capital']}"
                self.meeting_ids.append(pk)
                self.meeting_people[pk] = tuple(people)
                self.meeting_info[pk] = (day, host["capital"], host["id"], organisation)
                for person in people:
                    participations.append(
                        dict(
                            id=participation_id,
                            meeting_id=pk,
                            person_id=person,
                            role=rng.choice(words.TITLES)[1],
                        )
                    )
                    participation_id += 1
                yield dict(
                    id=pk,
                    title=title[:300],
                    kind=kind,
                    status=rng.choices(["reported", "recalled", "planned"], [85, 10, 5])[0],
                    date=day,
                    date_precision=precision,
                    end_date=day + dt.timedelta(days=rng.randint(1, 2)) if ends else None,
                    city=host["capital"],
                    country_id=host["id"],
                    organisation_id=organisation,
                    review=_review(rng),
                )

        self._bulk(Meeting, meetings())
        self._bulk(Participation, participations)
        # for evidence rows: (meeting, person) -> participation
        self.participation_ids = {
            (p["meeting_id"], p["person_id"]): p["id"] for p in participations
        }

    def statements(self, n):
        rng = self.rng
        start = _next_id(Statement)
        self.meeting_statement = {}  # one statement per meeting, quoted in its article

        def statements():
            for i in range(n):
                pk = start + i
                if self.meeting_ids and rng.random() < 0.85:
                    meeting = rng.choice(self.meeting_ids)
                    speaker = rng.choice(self.meeting_people[meeting])
                    day = self.meeting_info[meeting][0]
                else:
                    meeting = None
                    speaker = rng.choice(self.person_ids) if rng.random() < 0.95 else None
                    day = self._day()
                text = self._claim()
                if meeting and meeting not in self.meeting_statement:
                    self.meeting_statement[meeting] = (pk, text)
                yield dict(
                    id=pk,
                    speaker_id=speaker,
                    speaker_text=self.person_names.get(speaker, "the delegations"),
                    meeting_id=meeting,
                    date=day,
                    text=text,
                    direct=rng.random() < 0.4,
                    text_key=statement_text_key(text),
                    review=_review(rng),
                )

        self._bulk(Statement, statements())

    def articles(self, n):
        """Articles reporting the meetings, in chunks, with evidence for every record."""
        rng = self.rng
        start = _next_id(Article)
        evidence_id = _next_id(Evidence)
        per_article = max(1, -(-len(self.meeting_ids) // max(n, 1)))
        countries = {c["id"]: c["name"] for c in self.country_by_iso.values()}
        organisations = dict(
            Organisation.objects.filter(pk__in=set(self.organisation_ids)).values_list("pk", "name")
        )
        evidence = []

        def span(kind, start_at, value, **target):
            nonlocal evidence_id
            evidence.append(
                dict(
                    id=evidence_id,
                    kind=kind,
                    start=start_at,
                    end=start_at + len(value),
                    text=value[:500],
                    **target,
                )
            )
            evidence_id += 1

        def articles():
            for i in range(n):
                pk = start + i
                chunk = self.meeting_ids[i * per_article : (i + 1) * per_article]
                if not chunk:
                    break
                outlet = rng.choice(words.OUTLETS)
                first_day = self.meeting_info[chunk[0]][0]
                title = f"Diplomatic week in review: {MONTHS[first_day.month - 1]} {first_day.year}"
                parts, offset = [title, "\n\n"], len(title) + 2
                mark = len(evidence)
                for meeting in chunk:
                    day, city, country_id, organisation = self.meeting_info[meeting]
                    people = self.meeting_people[meeting]
                    names = [self.person_names[p] for p in people]
                    sentence = f"{names[0]} met with {', '.join(names[1:])} in {city}, "
                    country_at = offset + len(sentence)
                    sentence += (
                        f"{countries[country_id]}, on {MONTHS[day.month - 1]} {day.day}, {day.year}"
                    )
                    org_at = None
                    if organisation:
                        sentence += " at a meeting of the "
                        org_at = offset + len(sentence)
                        sentence += organisations.get(organisation, "organisation")
                    sentence += ". "
                    span("meeting", offset, sentence.strip(), meeting_id=meeting)
                    span(
                        "country",
                        country_at,
                        countries[country_id],
                        country_id=country_id,
                    )
                    if org_at is not None:
                        span(
                            "organisation",
                            org_at,
                            organisations.get(organisation, "organisation"),
                            organisation_id=organisation,
                        )
                    at = offset
                    for person, name in zip(people, names, strict=True):
                        at = offset + sentence.index(name, at - offset)
                        span("person", at, name, person_id=person)
                        span(
                            "participation",
                            at,
                            name,
                            participation_id=self.participation_ids[(meeting, person)],
                        )
                        at += len(name)
                    parts.append(sentence)
                    offset += len(sentence)
                    if meeting in self.meeting_statement:
                        statement, quote = self.meeting_statement[meeting]
                        said = f'{names[0].split()[-1]} said: "{quote}"\n\n'
                        span("statement", offset, said.strip(), statement_id=statement)
                        parts.append(said)
                        offset += len(said)
                    else:
                        parts.append("\n\n")
                        offset += 2
                text = "".join(parts)
                for row in evidence[mark:]:
                    row["article_id"] = pk
                yield dict(
                    id=pk,
                    file_name=f"synthetic-{pk:08d}.txt",
                    path=f"/synthetic/{pk:08d}.txt",
                    title=title,
                    outlet=outlet,
                    published=self.meeting_info[chunk[-1]][0],
                    text=text,
                    content_hash=hashlib.sha256(f"{pk}:{text}".encode()).hexdigest(),
                    extractor_version="synthetic",
                )

        # evidence is written after each batch of articles, so it never piles up
        batch = []
        for article in articles():
            batch.append(article)
            if len(batch) >= 200:
                self._bulk(Article, batch)
                self._bulk(Evidence, evidence)
                batch, evidence[:] = [], []
        self._bulk(Article, batch)
        self._bulk(Evidence, evidence)

    def reset_sequences(self):
        models = [
            Organisation,
            Person,
            Position,
            PersonName,
            Meeting,
            Participation,
            Statement,
            Article,
            Evidence,
        ]
        statements = connection.ops.sequence_reset_sql(no_style(), models)
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)

    def analyze(self):
        """Statistics for the query planner after the bulk load: without them SQLite
        guesses row counts and can start a filtered list from the wrong side."""
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # VACUUM too, as autovacuum would some time after a real import: it marks
                # the pages all-visible, so that counts read the indexes alone (the
                # countries list took 228 ms of SQL at a million statements without it,
                # 57 ms with it). It cannot run inside a transaction (a test's).
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
            else:
                # sampled: a full ANALYZE reads every index of a million-row table
                cursor.execute("PRAGMA analysis_limit = 2000")
                cursor.execute("ANALYZE")


@contextmanager
def _large_page_cache():
    """While the register is built, SQLite keeps 400 MB of pages on this connection (fewer
    spills to disk), and then the size it had: a test's connection outlives the build."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = int(cursor.fetchone()[0])
        cursor.execute("PRAGMA cache_size = -400000")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {before}")


@contextmanager
def _indexes_built_after(*models):
    """On SQLite, rows go into these tables without their secondary indexes, which are
    then built once from the finished tables: a million statements inserted at random
    places of a dozen B-trees (text keys, dates, speakers) cost far more than sorting
    them once. Unique indexes stay (they check the rows); an error rolls the dropping
    back with the rows, as DDL is transactional on SQLite. Run inside a transaction."""
    if connection.vendor != "sqlite":
        yield
        return
    tables = [model._meta.db_table for model in models]
    marks = ", ".join(["%s"] * len(tables))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND sql NOT LIKE 'CREATE UNIQUE%%' AND tbl_name IN ({marks}) ORDER BY name",
            tables,
        )
        indexes = cursor.fetchall()
        for name, _sql in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    yield
    with connection.cursor() as cursor:
        for _name, sql in indexes:
            cursor.execute(sql)


def build_register(
    meetings=100_000,
    persons=20_000,
    statements=1_000_000,
    articles=None,
    organisations=None,
    seed=0,
    batch_size=BATCH_SIZE,
    progress=None,
) -> Counter:
    """Fill the database with a synthetic register; returns rows created per model.

    Run it with DEBUG=0 for speed: with DEBUG on, Django logs the SQL of every batch
    (in a bounded log, so memory stays flat, but the logging costs time).
    """
    builder = RegisterBuilder(seed=seed, batch_size=batch_size, progress=progress)
    started = time.perf_counter()

    def say(message):
        builder.progress(f"{time.perf_counter() - started:7.1f} s  {message}")

    if articles is None:
        articles = max(1, -(-meetings // MEETINGS_PER_ARTICLE)) if meetings else 0
    if organisations is None:
        organisations = max(5, persons // 40)
    with _large_page_cache():
        with transaction.atomic():
            say(f"organisations: {organisations:,}")
            builder.organisations(organisations)
            say(f"persons: {persons:,}")
            builder.persons(max(persons, 2))
        with transaction.atomic(), _indexes_built_after(Meeting, Participation):
            say(f"meetings: {meetings:,}")
            builder.meetings(meetings)
        with transaction.atomic(), _indexes_built_after(Statement):
            say(f"statements: {statements:,}")
            builder.statements(statements)
        with transaction.atomic(), _indexes_built_after(Evidence):
            say(f"articles: {articles:,} with evidence")
            builder.articles(articles)
        builder.reset_sequences()
        # bulk inserts send no signals: the country pages are counted once, set-based
        say("country summaries")
        summaries.refresh_all()
        say("statistics for the query planner (ANALYZE)")
        builder.analyze()
        say("done")
    return builder.counts
