import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from articles.importing import Options, import_paths

DEFAULT_ADDRESS = "127.0.0.1"
DEFAULT_PORT = 8000


def address_and_port(addrport: str | None, port: int | None) -> tuple[str, int]:
    """(address, port) from "8080", "0.0.0.0:8080" or "0.0.0.0", and --port."""
    address, given_port = DEFAULT_ADDRESS, DEFAULT_PORT
    if addrport:
        head, colon, tail = addrport.rpartition(":")
        if colon:
            address, given_port = head or DEFAULT_ADDRESS, _port(tail)
        elif addrport.isdigit():
            given_port = _port(addrport)
        else:
            address = addrport
    if port is not None:
        if addrport and ":" in addrport and port != given_port:
            raise CommandError(f"two ports given: {addrport} and --port {port}")
        given_port = _port(str(port))
    return address.strip("[]") if address.startswith("[") else address, given_port


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise CommandError(f"not a port number: {text!r}")
    return int(text)


class Command(BaseCommand):
    help = (
        "Set up and serve the register on this machine: migrate (which loads the reference "
        "countries and organisations), import the sample articles in fixtures/articles, "
        "create the admin account if there is none, and run the development server on "
        "127.0.0.1:8000 or the address and port given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "addrport",
            nargs="?",
            metavar="[ADDRESS:]PORT",
            help="Where to serve, as for runserver: 8080, 0.0.0.0:8080 (default 127.0.0.1:8000).",
        )
        parser.add_argument("--port", type=int, metavar="N", help="The port to serve on.")
        parser.add_argument("--no-serve", action="store_true", help="Set up only; do not serve.")

    def handle(self, *args, addrport, port, no_serve, **options):
        address, port = address_and_port(addrport, port)
        call_command("migrate", interactive=False, verbosity=0)
        samples = settings.BASE_DIR / "fixtures" / "articles"
        summary = import_paths([str(samples)], Options(max_bytes=settings.IMPORT_MAX_BYTES))
        s = summary.statuses
        self.stdout.write(
            f"Sample articles: {summary.read} read ({s['created']} new, {s['updated']} updated, "
            f"{s['unchanged']} unchanged), {summary.failed} failed."
        )
        self._admin_account()
        shown = f"[{address}]" if ":" in address else address
        if no_serve:
            self.stdout.write(
                "Set up. Serve it with `manage.py demo` (without --no-serve) or "
                "`manage.py runserver`."
            )
            return
        self.stdout.write(
            f"Open http://{shown}:{port}/ for the public site and http://{shown}:{port}/admin/ "
            "for curation."
        )
        call_command("runserver", f"{shown}:{port}", use_reloader=False)

    def _admin_account(self):
        User = get_user_model()
        admin = User.objects.filter(username="admin").first()
        if admin is not None:
            self.stdout.write(
                "The admin account already exists (user 'admin'); to set a new password run "
                "`manage.py changepassword admin`."
            )
            return
        if User.objects.filter(is_staff=True).exists():
            self.stdout.write(
                "Editor accounts already exist; create another with `manage.py createsuperuser`."
            )
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser("admin", "", password)
        user.groups.add(Group.objects.get(name="Editors"))
        self.stdout.write(
            f"Created the admin account: user 'admin', password '{password}' (change it with "
            "`manage.py changepassword admin`; add editors with `manage.py createsuperuser`)."
        )
