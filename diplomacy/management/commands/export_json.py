import sys

from django.core.management.base import BaseCommand

from diplomacy.export import write_export


class Command(BaseCommand):
    help = "Write the whole register as JSON in the diplomacy-export/1 format (see README)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", help="File to write (default: standard output).", default="-"
        )

    def handle(self, *args, output, **options):
        if output == "-":
            # the raw stream: OutputWrapper would add a line ending after every chunk
            write_export(getattr(self.stdout, "_out", sys.stdout))
            return
        with open(output, "w", encoding="utf-8") as stream:
            write_export(stream)
        self.stderr.write(f"Export written to {output}")
