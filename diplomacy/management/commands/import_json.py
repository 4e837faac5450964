import json
import sys

from django.core.management.base import BaseCommand, CommandError

from diplomacy.backup import FORMAT, BackupError, restore


class Command(BaseCommand):
    help = (
        f"Restore a backup written by `manage.py backup_json` ({FORMAT}) into an empty, "
        "freshly migrated database: every record, link, review status and lock, with its "
        "id. A public export (diplomacy-export/1) is refused: it lacks what a restore needs."
    )

    stealth_options = ("stdin",)  # a stream to read "-" from (tests), as loaddata has

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="Backup file, or - for stdin.")

    def handle(self, *args, file, **options):
        try:
            if file == "-":
                data = json.load(options.get("stdin") or sys.stdin)
            else:
                with open(file, encoding="utf-8") as stream:
                    data = json.load(stream)
        except OSError as error:
            raise CommandError(f"{file}: cannot be read ({error.strerror or error})") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{file}: not a JSON file ({error})") from None
        try:
            counts = restore(data)
        except BackupError as error:
            raise CommandError(f"{file}: {error}") from None
        summary = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items())
        self.stdout.write(f"Restored {summary}.")
