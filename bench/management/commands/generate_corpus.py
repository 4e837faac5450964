import time

from django.core.management.base import BaseCommand, CommandError

from bench.synthetic.articles import write_corpus
from bench.synthetic.records import BATCH_SIZE, build_register


class Command(BaseCommand):
    help = (
        "Generate synthetic data with invented names for benchmarks. "
        "OUT_DIR --articles N writes N article files (00000001.txt ...) in the styles the "
        "importer reads; --records fills the database directly with a large register "
        "(persons, organisations, meetings, statements, articles with evidence)."
    )

    def add_arguments(self, parser):
        parser.add_argument("out_dir", nargs="?", metavar="OUT_DIR", help="Folder for articles.")
        parser.add_argument("--articles", type=int, default=None, metavar="N")
        parser.add_argument("--seed", type=int, default=0, metavar="S")
        parser.add_argument(
            "--records", action="store_true", help="Write records into the database instead."
        )
        parser.add_argument("--meetings", type=int, default=100_000, metavar="N")
        parser.add_argument("--persons", type=int, default=20_000, metavar="N")
        parser.add_argument("--statements", type=int, default=1_000_000, metavar="N")
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, metavar="N")

    def handle(self, *args, out_dir, seed, records, **options):
        started = time.perf_counter()
        if records:
            counts = build_register(
                meetings=options["meetings"],
                persons=options["persons"],
                statements=options["statements"],
                articles=options["articles"],
                seed=seed,
                batch_size=options["batch_size"],
                progress=self.stdout.write if options["verbosity"] > 0 else None,
            )
            elapsed = time.perf_counter() - started
            rows = ", ".join(f"{name} {n:,}" for name, n in sorted(counts.items()))
            self.stdout.write(f"Created {rows} in {elapsed:.1f} s")
            return
        if not out_dir:
            raise CommandError("Give OUT_DIR (or --records).")
        articles = 100 if options["articles"] is None else options["articles"]
        if articles < 0:
            raise CommandError("--articles must be 0 or more.")
        result = write_corpus(out_dir, articles=articles, seed=seed)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Wrote {result['files']:,} articles ({result['words']:,} words) to {out_dir} "
            f"in {elapsed:.1f} s"
        )
