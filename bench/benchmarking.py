"""Benchmarks of the import and the pages, reported as one markdown table.

Import throughput and memory are measured on throw-away databases of the same engine as
the current one (a temporary SQLite file, or a PostgreSQL database created from a migrated
template and dropped afterwards), by running ``manage.py import_articles`` as a child
process on a generated corpus. Page latency is measured in this process with the test
client against the current database, so it reflects the register's current size.
"""

from __future__ import annotations

import os
import platform
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from bench.synthetic.articles import write_corpus, write_quote_heavy

PROJECT_DIR = Path(settings.BASE_DIR)
MANAGE = PROJECT_DIR / "manage.py"

# targets from issue 7
IMPORT_WORDS_TARGET = 20_000
MEMORY_TARGET_MB = 500
PAGE_TARGET_MS = 100
SEARCH_TARGET_MS = 200
ADMIN_TARGET_MS = 300
PAGE_QUERY_TARGET = 10
QUOTE_HEAVY_BYTES = 4_500_000  # under the default 5 MB limit
QUOTE_HEAVY_GROWTH_TARGET = 2.5  # twice the size may cost at most this many times the time
# targets from issue 17
FLOOR_RATIO_TARGET = 4.0  # the import may cost at most this many times the floor
REGISTER_GROWTH_TARGET = 1.1  # the same batch into a full register, vs into an empty one
REGISTER_ARTICLES = 10_000


@dataclass
class Row:
    """One line of the table."""

    measure: str
    value: str = ""
    p50: str = ""
    p95: str = ""
    queries: str = ""
    target: str = ""
    ok: str = ""


@dataclass
class Report:
    machine: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)

    def markdown(self) -> str:
        lines = [f"- {line}" for line in self.machine]
        lines.append("")
        lines.append("| measure | value | p50 ms | p95 ms | queries | target | ok |")
        lines.append("|---|---|---:|---:|---:|---|---|")
        for r in self.rows:
            lines.append(
                f"| {r.measure} | {r.value} | {r.p50} | {r.p95} | {r.queries} | {r.target} | {r.ok} |"
            )
        return "\n".join(lines)


def _mark(passed):
    return "yes" if passed else "NO"


# --------------------------------------------------------------------------- machine


def database_version() -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    return connection.vendor


def row_counts() -> dict[str, int]:
    from diplomacy.models import (
        Article,
        Evidence,
        Meeting,
        Organisation,
        Participation,
        Person,
        Statement,
    )

    models = {
        "persons": Person,
        "organisations": Organisation,
        "meetings": Meeting,
        "participations": Participation,
        "statements": Statement,
        "articles": Article,
        "evidence": Evidence,
    }
    return {name: model.objects.count() for name, model in models.items()}


def describe_machine() -> list[str]:
    from articles.importing import database_problem

    problem = database_problem()
    counts = problem or ", ".join(f"{name} {n:,}" for name, n in row_counts().items())
    return [
        f"machine: {os.cpu_count()} CPUs, {platform.platform()}, "
        f"Python {platform.python_version()}",
        f"database: {database_version()} ({connection.settings_dict['NAME']})",
        f"rows: {counts}",
    ]


# --------------------------------------------------------------------------- databases


def _postgres_admin_connection():
    import psycopg2

    s = connection.settings_dict
    conn = psycopg2.connect(
        dbname="postgres",
        user=s.get("USER") or None,
        password=s.get("PASSWORD") or None,
        host=s.get("HOST") or None,
        port=s.get("PORT") or None,
    )
    conn.autocommit = True
    return conn


def _postgres_url(name: str) -> str:
    s = connection.settings_dict
    user = quote(s.get("USER") or "", safe="")
    password = quote(s.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = s.get("HOST") or "localhost"
    port = f":{s['PORT']}" if s.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{name}"


class ThrowAwayDatabases:
    """Fresh, migrated databases of the current engine, each gone after the run.

    Migrations run once, into a template; every database after that is a copy (a file
    copy for SQLite, ``CREATE DATABASE ... TEMPLATE`` for PostgreSQL)."""

    def __init__(self, workdir: Path):
        self.vendor = connection.vendor
        self.workdir = workdir
        self.prefix = f"bench_{os.getpid()}"
        self.template = None
        self.created: list[str] = []
        self.counter = 0

    def _migrate(self, url):
        run_manage(["migrate", "--noinput", "-v", "0"], url, check=True)

    def new(self) -> str:
        """DATABASE_URL of a new empty (migrated) database."""
        self.counter += 1
        if self.vendor == "sqlite":
            if self.template is None:
                self.template = self.workdir / "template.sqlite3"
                self._migrate(f"sqlite:///{self.template}")
            path = self.workdir / f"{self.prefix}_{self.counter}.sqlite3"
            shutil.copyfile(self.template, path)
            return f"sqlite:///{path}"
        if self.vendor == "postgresql":
            admin = _postgres_admin_connection()
            try:
                with admin.cursor() as cursor:
                    if self.template is None:
                        self.template = f"{self.prefix}_template"
                        cursor.execute(f'CREATE DATABASE "{self.template}"')
                        self.created.append(self.template)
                        self._migrate(_postgres_url(self.template))
                    name = f"{self.prefix}_{self.counter}"
                    cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
                    self.created.append(name)
            finally:
                admin.close()
            return _postgres_url(name)
        raise RuntimeError(f"no throw-away databases for {self.vendor}")

    def drop_all(self):
        if self.vendor != "postgresql" or not self.created:
            return
        admin = _postgres_admin_connection()
        try:
            with admin.cursor() as cursor:
                for name in reversed(self.created):
                    cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            admin.close()
        self.created = []


def run_manage(arguments, database_url, *, check=False):
    """Run manage.py in a child process on ``database_url``.

    The child runs as in production, with DEBUG off: with DEBUG on Django records every
    SQL statement it runs, which costs an import several per cent.

    Returns (exit status, output, seconds, peak RSS of the child in bytes)."""
    return run_manage_usage(arguments, database_url, check=check)[:4]


def run_manage_usage(arguments, database_url, *, check=False):
    """``run_manage``, and the CPU seconds the child and its workers used: on a machine
    other work loads, CPU time varies far less from run to run than elapsed time."""
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        PYTHONUNBUFFERED="1",
        DEBUG="0",
        SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
    )
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, str(MANAGE), *arguments],
            cwd=PROJECT_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        # wait4 gives this child's own resource usage (peak RSS of it and its workers)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    if check and child.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(arguments)} failed:\n{text[-2000:]}")
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return child.returncode, text, seconds, peak, usage.ru_utime + usage.ru_stime


_SUMMARY = re.compile(r"(\d+) files: .*? in ([\d.]+) s, ([\d,]+) words/s")


def import_corpus(corpus: Path, database_url: str, workers: int = 1) -> dict:
    """Import ``corpus`` into ``database_url`` in a child process; what it took."""
    status, text, wall, peak, cpu = run_manage_usage(
        ["import_articles", str(corpus), "--no-progress", "--workers", str(workers)],
        database_url,
    )
    found = _SUMMARY.search(text)
    if status != 0 or not found:
        raise RuntimeError(f"import failed (exit {status}):\n{text[-2000:]}")
    files, seconds, words_per_second = found.groups()
    return {
        "files": int(files),
        "seconds": float(seconds),
        "words_per_second": float(words_per_second.replace(",", "")),
        "wall": wall,
        "peak_rss": peak,
        "cpu": cpu,
    }


def startup_cpu(database_url: str, workdir: Path) -> float:
    """CPU seconds of an import of no files (Django, the reference lexicon): taken off
    the imports' CPU time, so that it counts the articles' work."""
    empty = workdir / "no-files"
    empty.mkdir(exist_ok=True)
    arguments = ["import_articles", str(empty), "--no-progress"]
    return run_manage_usage(arguments, database_url, check=True)[4]


def import_rows(
    articles: int,
    workers_list=(1, 2),
    memory_articles=None,
    seed=0,
    repeat=1,
    quote_bytes=QUOTE_HEAVY_BYTES,
    register_articles=None,
    with_floor=True,
) -> list[Row]:
    """Throughput rows; with ``repeat`` > 1 each setting runs that many times, the settings
    interleaved so that a change in the machine's speed affects them alike, and the fastest
    run of each is reported (as timeit does: slower runs measure the machine's other load).
    The floor runs in every round too; the growth curve imports the corpus into a register
    of ``register_articles`` articles (the memory run's, when it has that many)."""
    rows = []
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    databases = ThrowAwayDatabases(workdir)
    try:
        corpus = workdir / "corpus"
        written = write_corpus(corpus, articles=articles, seed=seed)
        startup = startup_cpu(databases.new(), workdir)
        best: dict[int, dict] = {}
        best_floor = None
        for _ in range(max(1, repeat)):
            for workers in workers_list:
                url = databases.new()
                result = import_corpus(corpus, url, workers=workers)
                result["url"] = url
                if workers not in best or result["seconds"] < best[workers]["seconds"]:
                    best[workers] = result
            if with_floor and 1 in best:
                result = floor(corpus, best[1]["url"], databases.new())
                if best_floor is None or result["seconds"] < best_floor["seconds"]:
                    best_floor = result
        for result in best.values():
            result["work_cpu"] = max(result.get("cpu", 0.0) - startup, 1e-9)
        rows += _throughput_rows(written, workers_list, best, repeat)
        if best_floor is not None:
            rows += floor_row(best_floor, best[1])
        memory_url = None
        if memory_articles:
            big = workdir / "memory-corpus"
            written_big = write_corpus(big, articles=memory_articles, seed=seed + 1)
            memory_url = databases.new()
            result = import_corpus(big, memory_url, workers=1)
            megabytes = result["peak_rss"] / 2**20
            rows.append(
                Row(
                    f"peak RSS, import {written_big['files']:,} articles",
                    f"{megabytes:,.0f} MB ({result['words_per_second']:,.0f} words/s, "
                    f"{result['seconds']:.0f} s)",
                    target=f"< {MEMORY_TARGET_MB} MB",
                    ok=_mark(megabytes < MEMORY_TARGET_MB),
                )
            )
        if register_articles:
            if memory_articles != register_articles:
                register = workdir / "register-corpus"
                write_corpus(register, articles=register_articles, seed=seed + 1)
                memory_url = databases.new()
                import_corpus(register, memory_url, workers=1)
            # the empty-register import runs next to the full one, on the same machine load
            empty = import_corpus(corpus, databases.new(), workers=1)
            rows.append(growth_row(corpus, written, empty, memory_url, register_articles, startup))
        if quote_bytes:
            rows.append(quote_heavy_row(workdir, databases, quote_bytes, seed))
    finally:
        databases.drop_all()
        shutil.rmtree(workdir, ignore_errors=True)
    return rows


def _throughput_rows(written, workers_list, best, repeat) -> list[Row]:
    rows = []
    single = None
    runs = f", best of {repeat}" if repeat > 1 else ""
    for workers in workers_list:
        result = best[workers]
        per_second = result["files"] / result["seconds"]
        label = "1 process" if workers == 1 else f"--workers {workers}"
        speedup = ""
        if workers == 1:
            single = result
            target, ok = (
                f"≥ {IMPORT_WORDS_TARGET:,} words/s",
                _mark(result["words_per_second"] >= IMPORT_WORDS_TARGET),
            )
        else:
            ratio = result["words_per_second"] / single["words_per_second"] if single else 0
            speedup = f", ×{ratio:.2f} vs 1 process"
            target, ok = f"≈ ×{workers} speed-up", _mark(ratio >= 0.8 * workers)
        cpu = f"; CPU {result['work_cpu']:.1f} s, {written['words'] / result['work_cpu']:,.0f} words/CPU-s"
        rows.append(
            Row(
                f"import {written['files']:,} articles, {label}",
                f"{per_second:.1f} articles/s, {result['words_per_second']:,.0f} words/s"
                f" ({result['seconds']:.1f} s; {result['wall']:.1f} s with start-up"
                f"{speedup}{runs}{cpu})",
                target=target,
                ok=ok,
            )
        )
    return rows


# the rows an import wrote, as the floor writes them again
FLOOR_TABLES = ("articles", "persons", "meetings", "statements", "evidence")
_FLOOR_MARK = "floor-result:"


def print_row_counts():
    """Run in a child process: the imported database's row counts, for the floor."""
    import json

    print(_FLOOR_MARK, json.dumps(row_counts()))


def _child_result(arguments, database_url):
    import json

    status, text, _, _ = run_manage(arguments, database_url)
    line = next((ln for ln in text.splitlines() if ln.startswith(_FLOOR_MARK)), None)
    if status != 0 or line is None:
        raise RuntimeError(f"benchmark child failed (exit {status}):\n{text[-2000:]}")
    return json.loads(line[len(_FLOOR_MARK) :])


def _template_row(model, **values):
    """Column names and values of one valid row of ``model`` (defaults, timestamps)."""
    obj = model(**values)
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    row = [f.get_db_prep_save(f.pre_save(obj, add=True), connection) for f in fields]
    return [f.column for f in fields], row


def _share(total: int, i: int, n: int) -> int:
    """Document ``i``'s share of ``total`` rows spread evenly over ``n`` documents."""
    return total * (i + 1) // n - total * i // n


def floor_child(corpus: str, counts: dict) -> None:
    """Run in a child process on an empty database: what the import's work costs at
    least. Every file is tokenized with the importer's spaCy tokenizer, then its share
    of the rows the import wrote (articles, persons, meetings, statements, evidence) is
    inserted with raw ``executemany``, one transaction per file as the importer does.
    Prints the seconds and words."""
    import json

    from django.db import transaction

    from articles.extraction.tokens import tokenizer
    from diplomacy.models import Article, Country, Evidence, Meeting, Person, Statement

    files = sorted(p for p in Path(corpus).iterdir() if p.is_file())
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    n = len(texts)
    columns = {
        "persons": _template_row(Person, name="Floor Person", key="floor person"),
        "meetings": _template_row(Meeting, title="Floor meeting"),
        "statements": _template_row(Statement, text="Floor words.", text_key="floor words"),
    }
    article_columns, article_row = _template_row(Article, file_name="f", text="", content_hash="")
    # the evidence of a country mention: countries are there from the migrations
    country = Country.objects.order_by("pk").values_list("pk", flat=True).first()
    evidence_columns, evidence_row = _template_row(
        Evidence, kind="country", start=0, end=1, country_id=country
    )
    table = {
        "persons": Person._meta.db_table,
        "meetings": Meeting._meta.db_table,
        "statements": Statement._meta.db_table,
    }

    def insert(cursor, db_table, cols, rows, returning=False):
        quoted = ", ".join(connection.ops.quote_name(c) for c in cols)
        marks = ", ".join(["%s"] * len(cols))
        sql = f"INSERT INTO {connection.ops.quote_name(db_table)} ({quoted}) VALUES ({marks})"
        if returning:
            cursor.execute(sql + " RETURNING id", rows[0])
            return cursor.fetchone()[0]
        cursor.executemany(sql, rows)

    tokenize = tokenizer()
    tokenize("warm up")
    words = 0
    started, started_cpu = time.perf_counter(), time.process_time()
    for i, text in enumerate(texts):
        words += len(text.split())
        tokenize(text)
        with transaction.atomic(), connection.cursor() as cursor:
            row = list(article_row)
            row[article_columns.index("text")] = text
            row[article_columns.index("content_hash")] = f"floor-{i}"
            article_id = insert(
                cursor, Article._meta.db_table, article_columns, [row], returning=True
            )
            for name, (cols, template) in columns.items():
                count = _share(counts[name], i, n)
                text_at = cols.index(
                    "name" if name == "persons" else "title" if name == "meetings" else "text"
                )
                rows = []
                for k in range(count):
                    row = list(template)
                    row[text_at] = f"{row[text_at]} {i} {k}"
                    rows.append(row)
                if rows:
                    insert(cursor, table[name], cols, rows)
            rows = []
            for k in range(_share(counts["evidence"], i, n)):
                row = list(evidence_row)
                row[evidence_columns.index("article_id")] = article_id
                row[evidence_columns.index("start")] = k
                row[evidence_columns.index("end")] = k + 1
                rows.append(row)
            if rows:
                insert(cursor, Evidence._meta.db_table, evidence_columns, rows)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - started_cpu
    print(_FLOOR_MARK, json.dumps({"seconds": seconds, "cpu": cpu, "words": words}))


def floor(corpus: Path, imported_url: str, empty_url: str) -> dict:
    """The floor for ``corpus``: the rows its import wrote into ``imported_url``,
    inserted again into ``empty_url`` by ``floor_child``. Returns seconds, words, rows."""
    counts = _child_result(
        ["shell", "-c", "from bench.benchmarking import print_row_counts; print_row_counts()"],
        imported_url,
    )
    rows = {name: counts[name] for name in FLOOR_TABLES}
    code = f"from bench.benchmarking import floor_child; floor_child({str(corpus)!r}, {rows!r})"
    result = _child_result(["shell", "-c", code], empty_url)
    result["rows"] = rows
    return result


def floor_row(result: dict, imported: dict) -> list[Row]:
    """The floor and the import as a ratio to it."""
    words_per_second = result["words"] / max(result["seconds"], 1e-9)
    ratio = imported["seconds"] / max(result["seconds"], 1e-9)
    cpu_ratio = imported["work_cpu"] / max(result["cpu"], 1e-9)
    rows_written = ", ".join(f"{name} {n:,}" for name, n in result["rows"].items())
    return [
        Row(
            "floor: tokenize + insert the same rows with executemany",
            f"{words_per_second:,.0f} words/s ({result['seconds']:.1f} s, CPU "
            f"{result['cpu']:.1f} s; {rows_written})",
        ),
        Row(
            "import, 1 process, as a ratio to the floor",
            f"×{ratio:.2f} (CPU ×{cpu_ratio:.2f}; the importer's own, not the database server's)",
            target=f"≤ ×{FLOOR_RATIO_TARGET:g}",
            ok=_mark(ratio <= FLOOR_RATIO_TARGET),
        ),
    ]


def growth_row(
    corpus: Path, written: dict, empty: dict, full_url: str, register: int, startup=0.0
) -> Row:
    """The same batch into a register already holding ``register`` articles, as a ratio
    to the same batch into an empty one."""
    full = import_corpus(corpus, full_url, workers=1)
    ratio = full["seconds"] / max(empty["seconds"], 1e-9)
    cpu_ratio = max(full["cpu"] - startup, 1e-9) / max(empty["cpu"] - startup, 1e-9)
    return Row(
        f"import {written['files']:,} articles into a {register:,}-article register vs empty",
        f"×{ratio:.2f} ({full['seconds']:.1f} s vs {empty['seconds']:.1f} s; CPU ×{cpu_ratio:.2f})",
        target=f"≤ ×{REGISTER_GROWTH_TARGET:g}",
        ok=_mark(ratio <= REGISTER_GROWTH_TARGET),
    )


def quote_heavy_row(workdir: Path, databases, n_bytes: int, seed=0) -> Row:
    """One file of many quotations at half and at full size: the growth of its cost."""
    results = []
    for size in (n_bytes // 2, n_bytes):
        folder = workdir / f"quotes-{size}"
        folder.mkdir()
        written = write_quote_heavy(folder / "quotes.txt", size, seed=seed)
        results.append((written, import_corpus(folder, databases.new(), workers=1)))
    (_, half), (full_written, full) = results
    growth = full["seconds"] / max(half["seconds"], 1e-9)
    return Row(
        f"one {full_written['bytes'] / 1e6:.1f} MB file of {full_written['quotes']:,} quotations",
        f"{full['seconds']:.1f} s, {full['peak_rss'] / 2**20:,.0f} MB peak; half the size "
        f"{half['seconds']:.1f} s (×{growth:.2f} for twice the size)",
        target=f"≤ ×{QUOTE_HEAVY_GROWTH_TARGET} for twice the size",
        ok=_mark(growth <= QUOTE_HEAVY_GROWTH_TARGET),
    )


# --------------------------------------------------------------------------- pages


@dataclass
class Page:
    label: str
    url: str | None  # None: the page does not exist (yet)
    target_ms: int = PAGE_TARGET_MS
    max_queries: int | None = PAGE_QUERY_TARGET
    admin: bool = False
    missing: str = "no such URL"  # why there is no URL
    before: object = None  # called before each timed request (not timed)
    informational: bool = False  # a figure to know, not a target to meet


def _reverse(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def _random_pk(queryset, rng):
    """A random existing row's primary key, without ORDER BY RANDOM() over a big table."""
    from django.db.models import Max, Min

    bounds = queryset.aggregate(low=Min("pk"), high=Max("pk"))
    if bounds["low"] is None:
        return None
    for _ in range(5):
        pivot = rng.randint(bounds["low"], bounds["high"])
        pk = queryset.filter(pk__gte=pivot).order_by("pk").values_list("pk", flat=True).first()
        if pk is not None:
            return pk
    return bounds["low"]


def site_url_names() -> list[str]:
    """The URL names in the public site's namespace, as diplomacy/urls.py has them now."""
    from django.urls import get_resolver

    try:
        _, resolver = get_resolver().namespace_dict["site"]
    except KeyError:
        return []
    return sorted(name for name in resolver.reverse_dict if isinstance(name, str))


def public_pages(rng, detail_samples) -> list[Page]:
    """Lists, filtered lists, search and detail pages, each with URLs of real rows."""
    from django.db.models import Count

    from diplomacy.models import Article, Country, Meeting, Organisation, Person, Statement

    country = (
        Country.objects.filter(meetings_hosted__isnull=False).values_list("iso2", flat=True).first()
        or "KZ"
    )
    pages = [
        Page("home", _reverse("site:home")),
        Page("meetings list", _reverse("site:meeting-list")),
        Page("statements list", _reverse("site:statement-list")),
        Page("persons list", _reverse("site:person-list")),
        Page("organisations list", _reverse("site:organisation-list")),
        Page("countries list", _reverse("site:country-list")),
    ]
    base = _reverse("site:meeting-list")
    pages.append(
        Page(
            f"meetings list, filtered (country={country}, kind=bilateral, from 2010)",
            base and f"{base}?country={country}&kind=bilateral&date_after=2010-01-01",
        )
    )
    base = _reverse("site:statement-list")
    pages.append(
        Page(
            f"statements list, filtered (speaker_country={country}, direct)",
            base and f"{base}?speaker_country={country}&direct=1",
        )
    )
    base = _reverse("site:meeting-list")
    pages.append(Page("meetings list, page 20", base and f"{base}?page=20"))
    search = _reverse("site:search")
    pages.append(
        Page(
            "full-text search (2 words)", search and f"{search}?q=energy+security", SEARCH_TARGET_MS
        )
    )
    pages.append(
        Page("full-text search (rare word)", search and f"{search}?q=hydrogen", SEARCH_TARGET_MS)
    )

    details = [
        ("meeting detail", "site:meeting-detail", Meeting.objects.public()),
        ("statement detail", "site:statement-detail", Statement.objects.public()),
        ("person detail", "site:person-detail", Person.objects.public().filter(merged_into=None)),
        ("organisation detail", "site:organisation-detail", Organisation.objects.public()),
        ("article detail", "site:article-detail", Article.objects.all()),
    ]
    for label, name, queryset in details:
        urls = []
        for _ in range(detail_samples):
            pk = _random_pk(queryset, rng)
            url = pk is not None and _reverse(name, pk)
            if url:
                urls.append(url)
        pages.append(
            Page(
                label,
                urls or None,
                missing="no such URL" if _reverse(name, 1) is None else "no rows",
            )
        )
    isos = list(
        Country.objects.filter(meetings_hosted__isnull=False)
        .values_list("iso2", flat=True)
        .distinct()[:200]
    ) or ["KZ"]
    urls = [_reverse("site:country-detail", rng.choice(isos)) for _ in range(detail_samples)]
    pages.append(Page("country detail", [u for u in urls if u] or None))
    # the first visit after a change to the country with the most people counts its
    # summary (imports count theirs when they end, so visitors rarely see this)
    largest = (
        Country.objects.annotate(n=Count("persons"))
        .filter(n__gt=0)
        .order_by("-n")
        .values_list("pk", "iso2")
        .first()
    )
    if largest:
        pages.append(
            Page(
                f"country detail, first visit after a change ({largest[1]}, most persons)",
                _reverse("site:country-detail", largest[1]),
                before=partial(_forget_summary, largest[0]),
                informational=True,
            )
        )

    known = {
        "home",
        "meeting-list",
        "statement-list",
        "person-list",
        "organisation-list",
        "country-list",
        "search",
        "meeting-detail",
        "statement-detail",
        "person-detail",
        "organisation-detail",
        "article-detail",
        "country-detail",
    }
    for name in site_url_names():
        if name not in known:
            pages.append(Page(f"{name} (new page)", _reverse(f"site:{name}")))
    return pages


def _forget_summary(country_id):
    from diplomacy.models import CountrySummary

    CountrySummary.objects.filter(country_id=country_id).delete()


def admin_pages() -> list[Page]:
    from django.contrib import admin

    pages = [Page("admin index", _reverse("admin:index"), ADMIN_TARGET_MS, None, admin=True)]
    for model in sorted(
        admin.site._registry, key=lambda m: (m._meta.app_label, m._meta.model_name)
    ):
        meta = model._meta
        pages.append(
            Page(
                f"admin {meta.app_label}.{meta.model_name} change list",
                _reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"),
                ADMIN_TARGET_MS,
                None,
                admin=True,
            )
        )
    return pages


@contextmanager
def superuser():
    """A logged-in-able superuser: an existing one, or a temporary one removed afterwards."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    user = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    made = None
    if user is None:
        made = user = User.objects.create_superuser(f"benchmark-{os.getpid()}", None, None)
    try:
        yield user
    finally:
        if made is not None:
            made.delete()


def _client(user=None):
    from django.test import Client

    class HttpsClient(Client):
        """Over HTTPS, as visitors come: with production settings (SECURE_SSL_REDIRECT) a
        plain HTTP request gets a redirect, which would time nothing."""

        def get(self, path, data=None, follow=False, secure=True, **extra):
            return super().get(path, data, follow, secure, **extra)

    hosts = [h for h in settings.ALLOWED_HOSTS if h not in ("*", "") and not h.startswith(".")]
    if not hosts and not settings.DEBUG and "*" not in settings.ALLOWED_HOSTS:
        # DEBUG off and no ALLOWED_HOSTS: every page would be a 400, which times nothing;
        # the benchmark's own requests come from this process, so it admits its host
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    client = HttpsClient(HTTP_HOST=hosts[0] if hosts else "localhost")
    if user is not None:
        client.force_login(user)
    return client


def measure_page(client, urls, requests: int, before=None):
    """(latencies in ms, max query count, bad status or None) over ``requests`` GETs;
    ``before()`` runs before each of them, untimed."""
    urls = urls if isinstance(urls, list) else [urls]
    client.get(urls[0])  # warm caches and templates: a first request is not typical
    times, queries, bad = [], 0, None
    for i in range(requests):
        url = urls[i % len(urls)]
        if before:
            before()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            elapsed = (time.perf_counter() - started) * 1000
        times.append(elapsed)
        queries = max(queries, len(captured))
        if response.status_code != 200:  # an error or a redirect: not the page
            bad = response.status_code
    return times, queries, bad


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def page_rows(requests: int = 20, seed: int = 0) -> list[Row]:
    rng = random.Random(seed)
    rows = []
    pages = public_pages(rng, detail_samples=max(1, requests))
    with superuser() as user:
        public, staff = _client(), _client(user)
        for page in pages + admin_pages():
            if not page.url:
                rows.append(Row(page.label, f"n/a ({page.missing})"))
                continue
            try:
                times, queries, bad = measure_page(
                    staff if page.admin else public, page.url, requests, page.before
                )
            except Exception as error:  # noqa: BLE001 - one broken page must not stop the run
                rows.append(Row(page.label, f"n/a ({type(error).__name__}: {str(error)[:80]})"))
                continue
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            target = f"p95 ≤ {page.target_ms} ms"
            ok = p95 <= page.target_ms
            if page.max_queries is not None:
                target += f", ≤ {page.max_queries} queries"
                ok = ok and queries <= page.max_queries
            mark = _mark(ok and not bad)
            if page.informational:
                target, mark = "(informational)", "—"
            rows.append(
                Row(
                    page.label,
                    f"HTTP {bad}" if bad else "",
                    f"{p50:.1f}",
                    f"{p95:.1f}",
                    str(queries),
                    target,
                    mark,
                )
            )
    return rows


def run_benchmark(
    *,
    articles=500,
    memory_articles=10_000,
    workers=(1, 2),
    requests=20,
    do_import=True,
    do_pages=True,
    seed=0,
    repeat=1,
    quote_bytes=QUOTE_HEAVY_BYTES,
    register_articles=REGISTER_ARTICLES,
    with_floor=True,
    filter_pairs=False,
    progress=None,
) -> Report:
    say = progress or (lambda message: None)
    report = Report(machine=describe_machine())
    if do_import:
        say(f"import: {articles} generated articles, workers {', '.join(map(str, workers))}")
        if memory_articles:
            say(f"memory: {memory_articles} generated articles")
        if register_articles:
            say(f"growth: the same articles into a {register_articles}-article register")
        report.rows += import_rows(
            articles,
            workers,
            memory_articles,
            seed=seed,
            repeat=repeat,
            quote_bytes=quote_bytes,
            register_articles=register_articles,
            with_floor=with_floor,
        )
    if do_pages:
        say(f"pages: {requests} requests each")
        report.rows += page_rows(requests, seed=seed)
    if filter_pairs:
        from .filter_pairs import filter_pair_rows

        say("filters: every filter and pair of filters of the meetings and statements lists")
        report.rows += filter_pair_rows(min(requests, 10), progress=say)
    return report
