import os
import tempfile

from django.core.management.base import BaseCommand

from diplomacy.backup import FORMAT, write_backup


class Command(BaseCommand):
    help = (
        f"Write a full backup of the register ({FORMAT}: every record with its id, evidence "
        "spans, article text, review status and locks) for `manage.py import_json`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", metavar="FILE", help="Write to FILE instead of stdout.")

    def handle(self, *args, output=None, **options):
        if not output:
            write_backup(_Unbuffered(self.stdout))
            return
        # write beside the target and rename at the end: a crash never leaves half a backup
        directory = os.path.dirname(os.path.abspath(output))
        fd, partial = tempfile.mkstemp(prefix=".backup-", suffix=".json", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                write_backup(stream)
            os.replace(partial, output)
        except BaseException:
            os.unlink(partial)
            raise
        self.stderr.write(f"Backup written to {output}")


class _Unbuffered:
    """The command's stdout as a plain stream: pieces written as they are, no newline added."""

    def __init__(self, out):
        self.out = out

    def write(self, text):
        self.out.write(text, ending="")
