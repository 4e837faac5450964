"""Create or update the Editors group (also done after every migrate)."""

from django.core.management.base import BaseCommand, CommandError

from diplomacy.roles import EDITORS, setup_roles


class Command(BaseCommand):
    help = "Create the Editors group with exactly the permissions curation needs (idempotent)."

    def handle(self, *args, **options):
        group, created, missing = setup_roles()
        if missing:
            raise CommandError(f"Permissions not found (run migrate first): {missing}")
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} group {EDITORS!r} with {group.permissions.count()} permissions.")
