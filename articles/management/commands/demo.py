import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand

from articles.importing import Options, import_paths


class Command(BaseCommand):
    help = (
        "Set up and serve the register on this machine: migrate (which loads the reference "
        "countries and organisations), import the sample articles in fixtures/articles, "
        "create an editor account if there is none, and run the development server."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="Set up only; do not serve.")

    def handle(self, *args, addrport, no_serve, **options):
        call_command("migrate", interactive=False, verbosity=0)
        samples = settings.BASE_DIR / "fixtures" / "articles"
        summary = import_paths([str(samples)], Options(max_bytes=settings.IMPORT_MAX_BYTES))
        self.stdout.write(
            f"Imported the sample articles: {summary.read} read, {summary.failed} failed."
        )
        User = get_user_model()
        if not User.objects.filter(is_staff=True).exists():
            password = secrets.token_urlsafe(12)
            user = User.objects.create_superuser("admin", "", password)
            user.groups.add(Group.objects.get(name="Editors"))
            self.stdout.write(f"Created the admin account: user 'admin', password '{password}'.")
        self.stdout.write(
            f"Open http://{addrport}/ for the public site and http://{addrport}/admin/ "
            "for curation (create more editors with `manage.py createsuperuser`)."
        )
        if not no_serve:
            call_command("runserver", addrport, use_reloader=False)
