import datetime as dt
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.importing import Options, database_problem, import_paths, shown

# With DEBUG on, Django records every SQL statement (on SQLite it also quotes each
# parameter with a query of its own): an import of this many files or more says what that
# costs. Measured on 200 generated articles: 12.3 s of CPU with DEBUG on, 8.7 s with it off.
DEBUG_NOTE_FILES = 100


def iso_date(value):
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--published must be YYYY-MM-DD, not {value!r}") from error


class Command(BaseCommand):
    help = (
        "Import news articles and press releases (.txt, .md, .html files, directories "
        "searched recursively, or - for standard input) into the register: countries, "
        "organisations, persons with their posts, meetings and statements, each with the "
        "article spans that support it. Importing the same file again changes nothing; a "
        "changed file is re-extracted. Exits with status 1 if any file failed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="File, directory or - (stdin)."
        )
        parser.add_argument(
            "--published",
            type=iso_date,
            metavar="YYYY-MM-DD",
            help="Publication date for files that do not state one (overrides detection).",
        )
        parser.add_argument(
            "--source", metavar="OUTLET", help="Outlet name (overrides detection), e.g. Xinhua."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read and extract, print what would be created, write nothing.",
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=settings.IMPORT_MAX_BYTES,
            metavar="N",
            help="Refuse files larger than N bytes (default: %(default)s, env IMPORT_MAX_BYTES).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            metavar="N",
            help=(
                "Use N processes. PostgreSQL: each reads, extracts and writes. SQLite (one "
                "writer): N read and extract, this one writes. One transaction per document."
            ),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="No progress bar even on a terminal."
        )

    def handle(self, *args, paths, **options):
        problem = database_problem()
        if problem:
            raise CommandError(problem)
        opts = Options(
            published=options["published"],
            source=options["source"],
            dry_run=options["dry_run"],
            max_bytes=options["max_bytes"],
            workers=max(1, options["workers"]),
        )
        verbosity = options["verbosity"]
        bar = None
        if not options["no_progress"] and sys.stderr.isatty() and verbosity > 0:
            from tqdm import tqdm

            bar = tqdm(unit="file", desc="Importing", file=sys.stderr)

        def report(outcome):
            path = shown(outcome.path)
            if outcome.status == "failed":
                line = f"FAILED {path}: {outcome.message}"
                (bar.write(line, file=sys.stderr) if bar else self.stderr.write(line))
            elif outcome.status in ("skipped", "duplicate") and verbosity > 0:
                line = f"{outcome.status} {path}: {outcome.message}"
                (bar.write(line, file=sys.stderr) if bar else self.stderr.write(line))
            elif outcome.message and verbosity > 0:
                line = f"warning {path}: {outcome.message}"
                (bar.write(line, file=sys.stderr) if bar else self.stderr.write(line))
            if outcome.status not in ("failed", "skipped", "duplicate") and verbosity > 1:
                counts = ", ".join(f"{k[0]} {k[1]} {v}" for k, v in sorted(outcome.counts.items()))
                self.stdout.write(f"{outcome.status} {path} ({counts})")
            if outcome.status == "would-import" and verbosity > 0:
                lines = [f"{path}: would write"] + [f"  {r}" for r in outcome.records]
                (bar.write("\n".join(lines)) if bar else self.stdout.write("\n".join(lines)))

        def progress(outcome):
            if bar:
                bar.update(1)

        summary = import_paths(paths, opts, progress=progress, report=report)
        if bar:
            bar.close()
        if verbosity > 0:
            self._summary(summary, opts)
        if summary.failed:
            raise SystemExit(1)

    def _summary(self, summary, opts):
        s = summary.statuses
        self.stdout.write(
            f"{summary.files} files: {summary.read} read, {summary.skipped} skipped, "
            f"{summary.failed} failed ({s['created']} new articles, {s['updated']} updated, "
            f"{s['unchanged']} unchanged, {s['duplicate']} duplicate) in {summary.seconds:.1f} s, "
            f"{summary.words / summary.seconds if summary.seconds else 0:,.0f} words/s"
        )
        if summary.records:
            kinds = sorted({k for k, _ in summary.records})
            for kind in kinds:
                parts = ", ".join(
                    f"{action} {n}"
                    for (k, action), n in sorted(summary.records.items())
                    if k == kind
                )
                verb = "would import" if opts.dry_run else "records"
                self.stdout.write(f"  {kind}: {parts}" + (f" ({verb})" if opts.dry_run else ""))
        if summary.countries:
            # each document adjusted the counts it changed: nothing is left to count
            self.stdout.write(f"  country pages: {len(summary.countries)} adjusted")
        if settings.DEBUG and summary.read >= DEBUG_NOTE_FILES:
            self.stderr.write(
                "note: DEBUG is on, so Django recorded every SQL statement: large imports "
                "run about a third faster with DEBUG=0"
            )
        if summary.problems:
            self.stderr.write(f"{len(summary.problems)} file(s) failed:")
            for line in summary.problems:
                self.stderr.write(f"  {line}")
