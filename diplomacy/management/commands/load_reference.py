from django.core.management.base import BaseCommand
from django.db import transaction

from diplomacy.reference_sync import sync_reference


class Command(BaseCommand):
    help = (
        "Load or refresh the reference countries and organisations from fixtures/*.json "
        "(migrate does this once; run it again after editing the files)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            countries, orgs = sync_reference()
        self.stdout.write(f"{countries} countries and {orgs} organisations loaded.")
