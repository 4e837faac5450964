"""Builders shared by the tests: invented records, articles and import runs.

Every name here is invented (countries use user-assigned ISO codes XA, XB, ...).
"""

import datetime
import hashlib
import io
import tempfile
from functools import lru_cache
from pathlib import Path

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from articles.extraction import Lexicon, extract
from articles.reading import read_document
from diplomacy.models import (
    Article,
    Country,
    Evidence,
    Meeting,
    Organisation,
    Participation,
    Person,
    Position,
    Review,
    Statement,
)
from diplomacy.roles import EDITORS

DAY = datetime.date(2024, 5, 20)

# --------------------------------------------------------------------------- extraction


@lru_cache(maxsize=1)
def lexicon():
    """The reference data as the extractors see it (built once per test run)."""
    return Lexicon.from_reference()


def extract_text(text, file_name="t.txt"):
    """(document, extraction) of an invented article."""
    document = read_document(text.encode(), file_name)
    return document, extract(document, lexicon())


# --------------------------------------------------------------------------- admin forms


def form_value(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return [form_value(v) for v in value]
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "on" if value else ""
    return value


def change_form_data(response, **changes):
    """The POST data of an admin change form as served, with ``changes`` applied."""
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value not in (None, "", False):
            data[name] = form_value(value)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, field in formset.management_form.fields.items():
            data[f"{formset.prefix}-{name}"] = formset.management_form.initial.get(
                name, field.initial
            )
        data[f"{formset.prefix}-TOTAL_FORMS"] = formset.initial_form_count()
        for sub in formset.initial_forms:
            for name, field in sub.fields.items():
                value = sub.initial.get(name, field.initial)
                if name == "id":
                    value = sub.instance.pk
                if value not in (None, "", False):
                    data[f"{sub.prefix}-{name}"] = form_value(value)
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


# --------------------------------------------------------------------------- records


def make_editor(username="editor"):
    user = User.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def make_country(iso2="XA", name="Arcadia", sovereign=True):
    country, _ = Country.objects.get_or_create(
        iso2=iso2, defaults={"iso3": iso2 + "X", "name": name, "sovereign": sovereign}
    )
    return country


def make_person(name="Anna Testova", country=None, review=Review.UNREVIEWED, **fields):
    return Person.objects.create(name=name, country=country, review=review, **fields)


def make_organisation(
    name="League of Examples",
    acronym="LOE",
    kind="intergovernmental",
    country=None,
    review=Review.UNREVIEWED,
):
    return Organisation.objects.create(
        name=name, acronym=acronym, kind=kind, country=country, review=review
    )


def make_meeting(
    title="Talks in Sample City", participants=(), date=DAY, review=Review.UNREVIEWED, **fields
):
    """A meeting; ``participants`` are persons or (person, role) pairs."""
    fields.setdefault("kind", Meeting.Kind.BILATERAL)
    meeting = Meeting.objects.create(title=title, date=date, review=review, **fields)
    for person in participants:
        role = ""
        if isinstance(person, tuple):
            person, role = person
        Participation.objects.create(meeting=meeting, person=person, role=role)
    return meeting


def make_statement(
    text="We will deepen cooperation.",
    speaker=None,
    meeting=None,
    date=DAY,
    direct=True,
    review=Review.UNREVIEWED,
    **fields,
):
    return Statement.objects.create(
        text=text,
        speaker=speaker,
        meeting=meeting,
        date=date,
        direct=direct,
        review=review,
        text_key=hashlib.sha256(text.encode()).hexdigest(),
        **fields,
    )


def make_article(text="Sample text.", title="Sample article", published=DAY, file_name=None):
    digest = hashlib.sha256((title + text).encode()).hexdigest()
    return Article.objects.create(
        file_name=file_name or f"{digest[:8]}.txt",
        title=title,
        outlet="Example Wire",
        published=published,
        text=text,
        content_hash=digest,
    )


def make_evidence(article, record, phrase=None, start=None, end=None):
    """Evidence that ``record`` is supported by the first ``phrase`` (or [start, end))."""
    kind = record._meta.model_name
    if phrase is not None:
        start = article.text.index(phrase)
        end = start + len(phrase)
    return Evidence.objects.create(
        article=article,
        kind=kind,
        start=start,
        end=end,
        text=article.text[start:end][:500],
        **{kind: record},
    )


def make_world():
    """A small register: two countries, an organisation, three people, two meetings."""
    arcadia = make_country("XA", "Arcadia")
    borduria = make_country("XB", "Borduria")
    league = make_organisation(country=None)
    league.members.add(arcadia, borduria)
    anna = make_person("Anna Testova", arcadia)
    boris = make_person("Boris Exampleov", borduria)
    carla = make_person("Carla Placeholder", borduria)
    Position.objects.create(
        person=anna, title="Minister of Foreign Affairs", country=arcadia, start=DAY
    )
    Position.objects.create(person=boris, title="Secretary-General", organisation=league, start=DAY)
    talks = make_meeting(
        "Talks in Sample City",
        [(anna, "Foreign Minister"), (boris, "Secretary-General"), carla],
        city="Sample City",
        country=arcadia,
        organisation=league,
    )
    call = make_meeting(
        "Phone call",
        [anna, boris],
        date=datetime.date(2024, 3, 1),
        kind=Meeting.Kind.CALL,
        country=None,
    )
    quote = make_statement("Our partnership is reliable and strong.", anna, talks)
    article = make_article(
        'Anna Testova met Boris Exampleov in Sample City. "Our partnership is reliable and strong."',
        title="Ministers meet",
    )
    make_evidence(article, anna, "Anna Testova")
    make_evidence(article, boris, "Boris Exampleov")
    make_evidence(article, talks, "Anna Testova met Boris Exampleov in Sample City")
    make_evidence(article, quote, "Our partnership is reliable and strong.")
    make_evidence(article, arcadia, start=0, end=4)
    return {
        "arcadia": arcadia,
        "borduria": borduria,
        "league": league,
        "anna": anna,
        "boris": boris,
        "carla": carla,
        "talks": talks,
        "call": call,
        "quote": quote,
        "article": article,
    }


# --------------------------------------------------------------------------- imports


def run_import(*args):
    """Run import_articles on ``args`` (paths or options); returns (stdout, stderr, exit code)."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("import_articles", *map(str, args), "--no-progress", stdout=out, stderr=err)
    except SystemExit as exit:
        code = exit.code
    return out.getvalue(), err.getvalue(), code


class ImportTestCase(TestCase):
    """A test with a temporary folder to write articles into (``self.write``)."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, content):
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path


def page_urls(world):
    """One URL of every public page, over the records of ``make_world()``."""
    return [
        reverse("site:home"),
        reverse("site:meeting-list"),
        reverse("site:meeting-detail", args=[world["talks"].pk]),
        reverse("site:statement-list"),
        reverse("site:statement-detail", args=[world["quote"].pk]),
        reverse("site:person-list"),
        reverse("site:person-detail", args=[world["anna"].pk]),
        reverse("site:organisation-list"),
        reverse("site:organisation-detail", args=[world["league"].pk]),
        reverse("site:country-list"),
        reverse("site:country-detail", args=[world["arcadia"].iso2]),
        reverse("site:article-list"),
        reverse("site:article-detail", args=[world["article"].pk]),
        reverse("site:search") + "?q=partnership",
    ]
