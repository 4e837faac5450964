"""The import pipeline over many files: find -> read -> extract -> load, with a report.

Reading and extraction are pure and can run in worker processes; loading happens in the
main process, one transaction per document. A bad file never stops the run: it is
reported with its name and the problem, and the run ends with a non-zero exit code.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, IntegrityError, OperationalError

from .extraction import Lexicon, extract
from .preview import record_lines
from .reading import ReadError, read_document
from .reading.files import link_outside, read_regular_file

READABLE = frozenset({".txt", ".md", ".html", ".htm"})
NOT_READABLE = "not a .txt, .md or .html file"
LINKED_FOLDER = "a symbolic link to a folder: not followed"
STDIN = "-"


@dataclass
class Options:
    published: object = None  # datetime.date overriding detection
    source: str | None = None
    dry_run: bool = False
    max_bytes: int = 5_000_000
    workers: int = 1


@dataclass
class Outcome:
    """What happened to one file."""

    path: str
    status: str  # created | updated | unchanged | duplicate | skipped | failed | would-create
    message: str = ""
    counts: Counter = field(default_factory=Counter)
    words: int = 0
    countries: set[int] = field(default_factory=set)  # countries whose page counts changed
    records: list[str] = field(default_factory=list)  # --dry-run: what would be written


@dataclass
class Summary:
    files: int = 0
    read: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    statuses: Counter = field(default_factory=Counter)
    records: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    countries: set[int] = field(default_factory=set)

    def add(self, outcome: Outcome):
        self.files += 1
        self.statuses[outcome.status] += 1
        if outcome.status == "skipped":
            self.skipped += 1
        elif outcome.status == "failed":
            self.failed += 1
            self.problems.append(f"{shown(outcome.path)}: {outcome.message}")
        else:
            self.read += 1
            self.words += outcome.words
        self.records.update(outcome.counts)
        self.countries |= outcome.countries


def shown(path: str) -> str:
    """A file name fit for one line of a report: control characters (a newline in a name
    would start a false report line) are written as escapes."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in path)


def find_files(paths, notes):
    """Files to import, in a stable order: files as given, directories recursively.

    Inside a directory, symbolic links are followed only to files within it, and linked
    directories are not entered; each entry passed over gets a note saying why."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _files_in(path, notes)
        elif path.suffix.lower() in READABLE or not path.exists():
            yield str(path)
        else:
            notes.append(Outcome(str(path), "skipped", NOT_READABLE))


def _files_in(folder: Path, notes):
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in [d for d in dirnames if (Path(dirpath) / d).is_symlink()]:
            notes.append(Outcome(str(Path(dirpath) / name), "skipped", LINKED_FOLDER))
        for name in sorted(filenames):
            child = Path(dirpath) / name
            why = link_outside(child, folder)
            if why is None and child.suffix.lower() not in READABLE:
                why = NOT_READABLE
            if why:
                notes.append(Outcome(str(child), "skipped", why))
            else:
                yield str(child)


def read_and_extract(
    path: str, options: Options, lexicon: Lexicon, stdin_data: bytes | None = None
):
    """(document, extraction) for one file, or an Outcome saying why not. No database."""
    try:
        if path == STDIN:
            data, name, full = stdin_data or b"", "stdin.txt", None
        else:
            p = Path(path)
            if not p.exists():
                return Outcome(path, "failed", "no such file")
            data = read_regular_file(p, options.max_bytes)
            name, full = p.name, str(p.resolve())
        document = read_document(
            data,
            name,
            path=full,
            published=options.published,
            outlet=options.source,
            limit=options.max_bytes,
        )
        extraction = extract(document, lexicon)
        return document, extraction
    except ReadError as error:
        return Outcome(path, "failed", str(error))
    except PermissionError:
        return Outcome(path, "failed", "permission denied")
    except IsADirectoryError:
        return Outcome(path, "failed", "is a directory")
    except OSError as error:
        return Outcome(path, "failed", f"cannot be read ({error.strerror or error})")
    except RecursionError:
        return Outcome(path, "failed", "too deeply nested to read")
    except Exception as error:  # noqa: BLE001 - a bug must not stop the other files
        return Outcome(path, "failed", f"extraction failed: {type(error).__name__}: {error}")


NO_YEAR = (
    "no publication date or dated dateline in the text: dates without a year are left "
    "unknown unless the text gives the year elsewhere (pass --published YYYY-MM-DD)"
)


def _needs_a_year(document) -> bool:
    """True when neither a publication date nor any dateline gives the document a date.

    The file's modification time is no evidence (a copy or a checkout sets it to today),
    so such a document is read as it is, and the report warns about it."""
    return document.published is None and not any(s.date for s in document.stories)


_worker_state: dict = {}


def _init_worker(lexicon, options, writes):
    """A worker process reads and extracts; with ``writes`` it also loads, on its own
    database connection."""
    import django
    from django.db import connections

    django.setup()
    connections.close_all()  # never share the parent's connection across a fork
    _worker_state.update(lexicon=lexicon, options=options)
    if writes:
        from .resolution import CountryCache

        _worker_state["countries"] = CountryCache()


def import_file(path, options: Options, lexicon: Lexicon, countries, stdin_data=None) -> Outcome:
    """Read, extract and load one file; every problem becomes an Outcome, never an exception."""
    result = read_and_extract(path, options, lexicon, stdin_data)
    if isinstance(result, Outcome):
        return result
    return load_one(*result, countries, options, path)


def _work(path):
    state = _worker_state
    return import_file(path, state["options"], state["lexicon"], state["countries"])


def _extract_only(path):
    return path, read_and_extract(path, _worker_state["options"], _worker_state["lexicon"])


def _outcomes(paths, options, lexicon, countries, stdin_data):
    """Outcomes of every file, imported here or by worker processes (then as they finish).

    On PostgreSQL each worker also loads its own documents, in its own transactions (the
    advisory locks in loading/pipeline.py keep them from duplicating records). SQLite has one
    writer at a time and its lock waits are coarse, so there workers only read and
    extract, and this process writes."""
    if STDIN in paths:
        yield import_file(STDIN, options, lexicon, countries, stdin_data)
    others = [p for p in paths if p != STDIN]
    if options.workers <= 1 or len(others) < 2:
        for path in others:
            yield import_file(path, options, lexicon, countries)
        return
    from django.db import connection, connections

    parallel_writes = connection.vendor == "postgresql"
    # on SQLite this process writes and N others read and extract ahead of it: extraction
    # costs more than loading a document (30 against 18 ms of CPU), so with one extractor
    # the writer would wait for it; an extractor with nothing to do waits at no cost
    extractors = options.workers
    connections.close_all()
    with ProcessPoolExecutor(
        max_workers=extractors,
        initializer=_init_worker,
        initargs=(lexicon, options, parallel_writes),
    ) as pool:
        if parallel_writes:
            yield from _bounded_map(pool, _work, others, extractors)
            return
        for path, result in _bounded_map(pool, _extract_only, others, extractors):
            if isinstance(result, Outcome):
                yield result
            else:
                yield load_one(*result, countries, options, path)


def _bounded_map(pool, function, items, workers, ahead=8):
    """``pool.map`` that keeps at most ``ahead`` items per worker in flight, so a large
    import never holds more than a few dozen extracted documents waiting to be written."""
    pending = deque()
    for item in items:
        pending.append(pool.submit(function, item))
        if len(pending) >= workers * ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def load_one(document, extraction, countries, options: Options, path: str) -> Outcome:
    from .loading import load_document

    words = len(document.text.split())
    if options.dry_run:
        counts = Counter(
            {
                ("country", "found"): len({c.iso2 for c in extraction.countries}),
                ("organisation", "found"): len({o.key for o in extraction.organisations}),
                ("person", "found"): len(extraction.persons),
                ("meeting", "found"): len(extraction.meetings),
                ("statement", "found"): len(extraction.statements),
            }
        )
        return Outcome(
            path, "would-import", counts=counts, words=words, records=record_lines(extraction)
        )
    for attempt in range(3):
        try:
            result = load_document(document, extraction, countries)
            return Outcome(
                path,
                result.status,
                message=result.message or (NO_YEAR if _needs_a_year(document) else ""),
                counts=result.counts,
                words=words,
                countries=result.countries,
            )
        except (IntegrityError, OperationalError) as error:
            # a concurrent importer wrote the same record: the transaction rolled back,
            # so try the whole document again against what is now in the database
            if attempt == 2:
                return Outcome(path, "failed", f"could not be written: {error}")
            time.sleep(0.2 * (attempt + 1))
        except DatabaseError as error:
            return Outcome(path, "failed", f"could not be written: {error}")
    return Outcome(path, "failed", "could not be written")  # pragma: no cover


def database_problem() -> str | None:
    """Why the database cannot take an import (unreachable, not migrated), or None.

    Checked once before any file is read, so a wrong DATABASE_URL or a forgotten
    ``migrate`` gives one clear line instead of the same traceback for every file."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        connection.ensure_connection()
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        return f"cannot use the database ({connection.vendor}): {str(error).strip()}"
    if plan:
        return f"the database has {len(plan)} unapplied migration(s): run `manage.py migrate` first"
    return None


def import_paths(paths, options: Options, *, progress=None, report=None, stdin=None) -> Summary:
    """Import every file under ``paths``; ``report(outcome)`` is called once per file."""
    from .resolution import CountryCache

    started = time.perf_counter()
    notes: list[Outcome] = []
    files = list(find_files(paths, notes))
    stdin_data = None
    if STDIN in files:
        stdin_data = (stdin or sys.stdin.buffer).read()
    summary = Summary()
    for note in notes:
        summary.add(note)
        if report:
            report(note)
    lexicon = Lexicon.from_database()
    countries = CountryCache()
    for outcome in _outcomes(files, options, lexicon, countries, stdin_data):
        summary.add(outcome)
        if report:
            report(outcome)
        if progress:
            progress(outcome)
    summary.seconds = time.perf_counter() - started
    return summary
