from django.core.management.base import BaseCommand, CommandError

from articles.importing import database_problem
from bench.benchmarking import QUOTE_HEAVY_BYTES, run_benchmark


class Command(BaseCommand):
    help = (
        "Benchmark the import (throughput on a generated corpus, 1 and 2 workers, as a "
        "ratio to the floor of tokenizing and inserting the same rows, the same corpus "
        "into a full register vs an empty one, peak memory of a large import; each into a "
        "throw-away database of the current engine) "
        "and the pages (p50/p95 latency and queries of every public list, filter, search, "
        "detail page and admin change list on the current database). Prints one table."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=500, metavar="N")
        parser.add_argument(
            "--workers",
            type=int,
            default=2,
            metavar="N",
            help="Also import with N workers (default 2).",
        )
        parser.add_argument("--memory-articles", type=int, default=10_000, metavar="N")
        parser.add_argument("--skip-memory", action="store_true")
        parser.add_argument(
            "--quote-bytes",
            type=int,
            default=QUOTE_HEAVY_BYTES,
            metavar="N",
            help="Size of the one-file many-quotations test (default %(default)s; 0 skips it).",
        )
        parser.add_argument(
            "--register-articles",
            type=int,
            default=10_000,
            metavar="N",
            help="Growth curve: import the same articles into an empty register and into "
            "one of N generated articles (default %(default)s; 0 skips it).",
        )
        parser.add_argument(
            "--no-floor",
            action="store_true",
            help="Skip the floor (tokenize + raw insert of the same rows).",
        )
        parser.add_argument("--requests", type=int, default=20, metavar="N")
        parser.add_argument("--no-import", action="store_true")
        parser.add_argument("--no-pages", action="store_true")
        parser.add_argument(
            "--filter-pairs",
            action="store_true",
            help="Also time every filter and pair of filters of the meetings and statements "
            "lists (up to 10 requests each; p95 ≤ 300 ms on SQLite, 100 ms on PostgreSQL).",
        )
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument(
            "--repeat",
            type=int,
            default=1,
            metavar="N",
            help="Run each import setting N times (interleaved) and report the fastest.",
        )

    def handle(self, *args, **options):
        # the imports use throw-away databases; the pages are timed on this one
        if not options["no_pages"] or options["filter_pairs"]:
            problem = database_problem()
            if problem:
                raise CommandError(
                    f"{problem} (the pages are timed on DATABASE_URL's register; "
                    "--no-pages times the import alone)"
                )
        workers = (1,) if options["workers"] <= 1 else (1, options["workers"])
        report = run_benchmark(
            articles=options["articles"],
            memory_articles=None if options["skip_memory"] else options["memory_articles"],
            workers=workers,
            requests=max(1, options["requests"]),
            do_import=not options["no_import"],
            do_pages=not options["no_pages"],
            seed=options["seed"],
            repeat=options["repeat"],
            quote_bytes=options["quote_bytes"],
            register_articles=options["register_articles"],
            with_floor=not options["no_floor"],
            filter_pairs=options["filter_pairs"],
            progress=(lambda m: self.stderr.write(m)) if options["verbosity"] > 1 else None,
        )
        self.stdout.write(report.markdown())
