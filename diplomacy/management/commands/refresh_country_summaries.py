import time

from django.core.management.base import BaseCommand

from diplomacy.summaries import refresh_all


class Command(BaseCommand):
    help = (
        "Count the meetings per month and the counterpart countries of every country page "
        "again. Imports and editors' changes keep them up to date; run this after changing "
        "the database by other means (SQL by hand, a bulk load)."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        n = refresh_all()
        self.stdout.write(
            f"{n} country summaries counted in {time.perf_counter() - started:.1f} s."
        )
