"""Faults: an import killed with SIGKILL leaves a consistent database, and a second run
completes it without duplicates.

The import runs for real, as ``manage.py import_articles`` in a subprocess, against its own
database (a SQLite file, and a dedicated PostgreSQL database when a server is reachable),
never the test database. The articles are generated here with invented names.
"""

import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.test import SimpleTestCase, tag

# --------------------------------------------------------------------------- generated articles

# (iso2, name, demonym, capital) from the reference countries
COUNTRIES = [
    ("AT", "Austria", "Austrian", "Vienna"),
    ("BE", "Belgium", "Belgian", "Brussels"),
    ("CZ", "Czechia", "Czech", "Prague"),
    ("DK", "Denmark", "Danish", "Copenhagen"),
    ("FI", "Finland", "Finnish", "Helsinki"),
    ("FR", "France", "French", "Paris"),
    ("HU", "Hungary", "Hungarian", "Budapest"),
    ("IE", "Ireland", "Irish", "Dublin"),
    ("IT", "Italy", "Italian", "Rome"),
    ("KZ", "Kazakhstan", "Kazakh", "Astana"),
    ("KG", "Kyrgyzstan", "Kyrgyz", "Bishkek"),
    ("NO", "Norway", "Norwegian", "Oslo"),
    ("PL", "Poland", "Polish", "Warsaw"),
    ("PT", "Portugal", "Portuguese", "Lisbon"),
    ("SE", "Sweden", "Swedish", "Stockholm"),
    ("SK", "Slovakia", "Slovak", "Bratislava"),
]
# invented people: nobody in the news is called this
GIVEN = ["Arlen", "Brina", "Cosmo", "Dalia", "Evander", "Fenna", "Gideon", "Halvard",
         "Ilsa", "Joran", "Kestrel", "Liora", "Maelis", "Nevan", "Orla", "Pimm"]  # fmt: skip
SURNAMES = ["Vardanek", "Quillborn", "Orvanel", "Tellmark", "Brunhagen", "Kovarik",
            "Delacourt", "Sandvik", "Merrow", "Paltrecht", "Ivanaro", "Zelnick",
            "Haverlund", "Ruskova", "Dembrecht", "Ollivane"]  # fmt: skip
TOPICS = ["rail links", "energy trade", "water management", "student exchanges",
          "customs rules", "fisheries", "digital services", "tourism"]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


def foreign_minister(country_index):
    """The (invented) foreign minister of one of COUNTRIES: the same in every article."""
    return (
        f"{GIVEN[country_index % len(GIVEN)]} {SURNAMES[(country_index * 7 + 3) % len(SURNAMES)]}"
    )


def generated_article(n):
    """Article number ``n``: two foreign ministers meet on a date of their own and one speaks."""
    rng = random.Random(n)
    a, b = rng.sample(range(len(COUNTRIES)), 2)
    host, guest = COUNTRIES[a], COUNTRIES[b]
    host_minister, guest_minister = foreign_minister(a), foreign_minister(b)
    day = dt.date(2023, 1, 1) + dt.timedelta(days=n * 3 % 700)
    month = MONTHS[day.month - 1]
    topic = TOPICS[n % len(TOPICS)]
    return (
        f"{host[1]} and {guest[1]} discuss {topic}\n\n"
        f"{host[3].upper()}, {month} {day.day}, {day.year} (Agency) -- {host[2]} Foreign "
        f"Minister {host_minister} met with {guest[2]} Foreign Minister {guest_minister} in "
        f"{host[3]} on {month} {day.day}.\n\n"
        f'"We agreed to expand {topic} between our countries," {host_minister.split()[1]} said.\n\n'
        f"{guest_minister.split()[1]} said the two sides would meet again next year. "
        f"Report number {n}.\n"
    )


def write_articles(directory, count, start=0):
    """Write ``count`` generated articles into ``directory``; returns their paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = directory / f"article_{n:04d}.txt"
        path.write_text(generated_article(n), encoding="utf-8")
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- databases


def manage(database_url, *args, timeout=180, **popen):
    """Run ``manage.py`` with ``args`` against ``database_url``; returns the CompletedProcess."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=subprocess_env(database_url),
        capture_output=True,
        text=True,
        timeout=timeout,
        **popen,
    )


def start_import(database_url, *paths):
    """Start ``manage.py import_articles PATH...`` (files are imported in the order given)."""
    return subprocess.Popen(
        [sys.executable, "manage.py", "import_articles", *map(str, paths), "--no-progress"],
        cwd=settings.BASE_DIR,
        env=subprocess_env(database_url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def subprocess_env(database_url):
    env = dict(os.environ, DATABASE_URL=database_url)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def postgres_server():
    """(scheme://user:password@host:port, psycopg2) for a reachable server, or None.

    The server of DATABASE_URL when it is PostgreSQL, else the local default."""
    try:
        import psycopg2
    except ImportError:
        return None
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    parsed = urlparse(url)
    base = f"postgres://{parsed.netloc}"
    try:
        psycopg2.connect(_pg_dsn(base, "postgres"), connect_timeout=3).close()
    except psycopg2.Error:
        return None
    return base


def _pg_dsn(base, name):
    parsed = urlparse(base)
    parts = [f"dbname={name}", f"host={parsed.hostname or '127.0.0.1'}"]
    parts.append(f"port={parsed.port or 5432}")
    if parsed.username:
        parts.append(f"user={parsed.username}")
    if parsed.password:
        parts.append(f"password={parsed.password}")
    return " ".join(parts)


class PostgresDatabases:
    """Dedicated databases on a server, created and dropped by the test."""

    def __init__(self, base):
        import psycopg2

        self.base = base
        self.admin = psycopg2.connect(_pg_dsn(base, "postgres"))
        self.admin.autocommit = True
        self.created = []

    def create(self, name, template=None):
        with self.admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(
                f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
            )
        self.created.append(name)
        return f"{self.base}/{name}"

    def connect(self, name):
        import psycopg2

        connection = psycopg2.connect(_pg_dsn(self.base, name))
        connection.autocommit = True
        return connection

    def drop_all(self):
        with self.admin.cursor() as cursor:
            for name in reversed(self.created):
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.admin.close()


COUNTED = {
    "articles": "articles_article",
    "evidence": "articles_evidence",
    "persons": "diplomacy_person",
    "person names": "diplomacy_personname",
    "positions": "diplomacy_position",
    "organisations": "diplomacy_organisation",
    "meetings": "diplomacy_meeting",
    "participations": "diplomacy_participation",
    "statements": "diplomacy_statement",
}
EVIDENCE_TARGETS = {
    "country": "diplomacy_country",
    "organisation": "diplomacy_organisation",
    "person": "diplomacy_person",
    "position": "diplomacy_position",
    "meeting": "diplomacy_meeting",
    "participation": "diplomacy_participation",
    "statement": "diplomacy_statement",
}


def scalar(connection, sql):
    cursor = connection.cursor()
    try:
        cursor.execute(sql)
        return cursor.fetchone()[0]
    finally:
        cursor.close()


def counts(connection):
    return {
        name: scalar(connection, f"SELECT count(*) FROM {table}") for name, table in COUNTED.items()
    }


def integrity_problems(connection):
    """Every way the register could be half-written: {problem: number of rows}."""
    checks = {
        "evidence without its article": "SELECT count(*) FROM articles_evidence e "
        "LEFT JOIN articles_article a ON a.id = e.article_id WHERE a.id IS NULL",
        "article without evidence": "SELECT count(*) FROM articles_article a WHERE NOT EXISTS "
        "(SELECT 1 FROM articles_evidence e WHERE e.article_id = a.id)",
        "evidence span outside its article": "SELECT count(*) FROM articles_evidence e "
        'JOIN articles_article a ON a.id = e.article_id WHERE e."end" > length(a.text)',
        "participation without its meeting or person": "SELECT count(*) "
        "FROM diplomacy_participation p LEFT JOIN diplomacy_meeting m ON m.id = p.meeting_id "
        "LEFT JOIN diplomacy_person pe ON pe.id = p.person_id WHERE m.id IS NULL OR pe.id IS NULL",
        "organisation (not reference data) without evidence": "SELECT count(*) "
        "FROM diplomacy_organisation o WHERE o.reference = '' AND NOT EXISTS "
        "(SELECT 1 FROM articles_evidence e WHERE e.organisation_id = o.id)",
    }
    for kind, table in EVIDENCE_TARGETS.items():
        checks[f"evidence pointing at a missing {kind}"] = (
            f"SELECT count(*) FROM articles_evidence e LEFT JOIN {table} t "
            f"ON t.id = e.{kind}_id WHERE e.{kind}_id IS NOT NULL AND t.id IS NULL"
        )
    for kind in ("person", "meeting", "statement"):
        checks[f"{kind} without evidence"] = (
            f"SELECT count(*) FROM diplomacy_{kind} r WHERE NOT EXISTS "
            f"(SELECT 1 FROM articles_evidence e WHERE e.{kind}_id = r.id)"
        )
    found = {name: scalar(connection, sql) for name, sql in checks.items()}
    return {name: n for name, n in found.items() if n}


def wait_for_articles(process, count_articles, at_least, timeout=60):
    """Poll until ``at_least`` articles are committed; False if the import ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            if count_articles() >= at_least:
                return True
        except Exception:  # noqa: BLE001 - the table may be locked or not there yet
            pass
        time.sleep(0.005)
    return False


def kill(process):
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()
    process.stderr.close()


ARTICLES = 200
KILL_AFTER = (25, 70, 130)  # articles committed before each SIGKILL


class CrashRecoveryMixin:
    """The scenario, for one database: kill the import three times, then let it finish."""

    def run_crash_scenario(self, crashed_url, clean_url, connect, sqlite_path=None):
        directory = Path(self.tmp) / "articles"
        write_articles(directory, ARTICLES)

        killed_mid_transaction = 0
        for at_least in KILL_AFTER:
            process = start_import(crashed_url, directory)
            connection = connect()
            try:
                reached = wait_for_articles(
                    process,
                    lambda c=connection: scalar(c, "SELECT count(*) FROM articles_article"),
                    at_least,
                )
            finally:
                connection.close()
            if process.poll() is not None:
                out, err = process.communicate()
                self.fail(f"the import ended before it could be killed:\n{out}\n{err}")
            self.assertTrue(reached, "the import did not get going")
            kill(process)
            self.assertEqual(process.returncode, -signal.SIGKILL)
            if sqlite_path and Path(sqlite_path + "-journal").exists():
                killed_mid_transaction += 1  # a hot journal: SQLite rolls it back on open

            connection = connect()
            try:
                if sqlite_path:
                    self.assertEqual(scalar(connection, "PRAGMA integrity_check"), "ok")
                    self.assertEqual(connection.execute("PRAGMA foreign_key_check").fetchall(), [])
                self.assertEqual(integrity_problems(connection), {})
                after_kill = scalar(connection, "SELECT count(*) FROM articles_article")
            finally:
                connection.close()
            self.assertGreaterEqual(after_kill, at_least)
            self.assertLess(after_kill, ARTICLES)

        finished = manage(crashed_url, "import_articles", str(directory), "--no-progress")
        self.assertEqual(finished.returncode, 0, finished.stderr)
        clean = manage(clean_url, "import_articles", str(directory), "--no-progress")
        self.assertEqual(clean.returncode, 0, clean.stderr)

        crashed_connection, clean_connection = connect(), connect(clean=True)
        try:
            self.assertEqual(integrity_problems(crashed_connection), {})
            crashed_counts, clean_counts = counts(crashed_connection), counts(clean_connection)
            if sqlite_path:
                self.assertEqual(scalar(crashed_connection, "PRAGMA integrity_check"), "ok")
        finally:
            crashed_connection.close()
            clean_connection.close()
        self.assertEqual(crashed_counts["articles"], ARTICLES)
        self.assertEqual(crashed_counts, clean_counts)
        return killed_mid_transaction


@tag("slow")
class SqliteCrashTests(CrashRecoveryMixin, SimpleTestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="register-fault-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_sigkill_during_import_leaves_a_consistent_database_and_a_rerun_completes_it(self):
        template = os.path.join(self.tmp, "template.sqlite3")
        migrated = manage(f"sqlite:///{template}", "migrate", "-v", "0")
        self.assertEqual(migrated.returncode, 0, migrated.stderr)
        crashed = os.path.join(self.tmp, "crashed.sqlite3")
        clean_path = os.path.join(self.tmp, "clean.sqlite3")
        shutil.copy(template, crashed)
        shutil.copy(template, clean_path)

        def connect(clean=False):
            return sqlite3.connect(clean_path if clean else crashed, timeout=30)

        self.run_crash_scenario(
            f"sqlite:///{crashed}", f"sqlite:///{clean_path}", connect, sqlite_path=crashed
        )


@tag("slow")
class PostgresCrashTests(CrashRecoveryMixin, SimpleTestCase):
    def setUp(self):
        base = postgres_server()
        if base is None:
            raise unittest.SkipTest("PostgreSQL is not reachable (DATABASE_URL or 127.0.0.1:5432)")
        self.tmp = tempfile.mkdtemp(prefix="register-fault-")
        self.databases_ = PostgresDatabases(base)

    def tearDown(self):
        self.databases_.drop_all()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_sigkill_during_import_on_postgresql_and_a_rerun_completes_it(self):
        pid = os.getpid()
        template = f"register_fault_{pid}_template"
        migrated = manage(self.databases_.create(template), "migrate", "-v", "0")
        self.assertEqual(migrated.returncode, 0, migrated.stderr)
        crashed_url = self.databases_.create(f"register_fault_{pid}", template=template)
        clean_url = self.databases_.create(f"register_fault_{pid}_clean", template=template)

        def connect(clean=False):
            name = f"register_fault_{pid}_clean" if clean else f"register_fault_{pid}"
            return self.databases_.connect(name)

        self.run_crash_scenario(crashed_url, clean_url, connect)
