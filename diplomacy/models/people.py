from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from diplomacy.names import name_key, name_key_fragments

from .curation import Curated, CuratedQuerySet


class PersonQuerySet(CuratedQuerySet):
    def by_name(self, name):
        """Persons whose name or other name has the match key of ``name``."""
        key = name_key(name)
        return (
            self.filter(merged_into__isnull=True)
            .filter(models.Q(key=key) | models.Q(names__key=key))
            .distinct()
        )

    def name_contains(self, text):
        """Persons with every word of ``text`` inside their name or one of their other
        names, spelling folded as in match keys (case, accents, kh/h, -yev/-ev...).

        A substring of the ``key`` columns: PostgreSQL serves it from trigram indexes
        (migration 0012), SQLite scans the keys.
        """
        words = [name_key_fragments(word) for word in text.split()]
        words = [fragments for fragments in words if fragments]
        if not words:
            return self.none()
        matches = self
        for fragments in words:
            in_name, in_other_name = models.Q(), models.Q()
            for fragment in fragments:
                in_name |= models.Q(key__contains=fragment)
                in_other_name |= models.Q(key__contains=fragment)
            # a UNION of two index scans; an OR of the two would read the whole table
            ids = (
                Person.objects.filter(in_name)
                .order_by()
                .values("pk")
                .union(PersonName.objects.filter(in_other_name).order_by().values("person"))
            )
            matches = matches.filter(pk__in=ids)
        return matches

    def untouched(self):
        """Persons no editor worked on: not curated, no post, other name or participation
        an editor added, no curated meeting or statement of theirs, nobody merged in."""
        from .meetings import Meeting, Participation, Statement

        editor_participations = Participation.objects.filter(
            models.Q(from_editor=True) | models.Q(meeting__in=Meeting.objects.curated())
        )
        return (
            super()
            .untouched()
            .exclude(names__from_editor=True)
            .exclude(positions__from_editor=True)
            .exclude(pk__in=editor_participations.values("person"))
            .exclude(pk__in=Statement.objects.curated().exclude(speaker=None).values("speaker"))
            .exclude(merged__isnull=False)
        )


class Person(Curated):
    """A named individual: an official, diplomat, leader or expert."""

    name = models.CharField(max_length=200, help_text="Canonical name, as most often written.")
    key = models.CharField(max_length=200, editable=False, db_index=True)
    country = models.ForeignKey(
        "diplomacy.Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="persons",
        help_text="The state the person serves or belongs to.",
    )
    gender = models.CharField(max_length=1, blank=True, choices=[("f", "female"), ("m", "male")])
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
        help_text="Set when an editor merged this record into another one.",
    )

    objects = PersonQuerySet.as_manager()

    # editor changes only: imports save with skip_history_when_saving
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [
            # the review queue: unreviewed records, newest first
            models.Index(fields=["review", "-created_at"], name="person_review_queue_idx"),
            # the person list filtered by country and sorted by name
            models.Index(fields=["country", "name"], name="person_country_name_idx"),
        ]

    def __str__(self):
        return self.name

    def remember_name(self, name):
        """Keep ``name`` as another name an editor vouches for (a name they corrected or
        merged away), so that later imports still resolve it to this person."""
        if name and name_key(name) != self.key:
            PersonName.objects.get_or_create(person=self, name=name, defaults={"from_editor": True})

    @classmethod
    def from_db(cls, db, field_names, values):
        person = super().from_db(db, field_names, values)
        # the name as stored: a save that changes it respells the titles naming it
        person._stored_name = person.__dict__.get("name")
        return person

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        stored = getattr(self, "_stored_name", None)
        super().save(*args, **kwargs)
        self._stored_name = self.name
        if stored and stored != self.name:
            from diplomacy.meeting_titles import respell_meetings_of

            respell_meetings_of(self, also=[stored])

    @property
    def surname(self):
        return self.name.split()[-1] if self.name else ""


class PersonName(models.Model):
    """Another spelling of a person's full name ('Karimzadegan' / 'Karim-Zadegan')."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, editable=False)
    from_editor = models.BooleanField(
        default=False, help_text="Added by an editor or a merge: imports always honour it."
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "name"], name="person_name_unique_per_person"
            ),
        ]
        indexes = [
            # resolving a name seen in an article to a person
            models.Index(fields=["key"], name="person_name_key_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        super().save(*args, **kwargs)


class Position(models.Model):
    """A post a person held: 'Minister of Foreign Affairs' of a country or organisation."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(max_length=300)
    organisation = models.ForeignKey(
        "diplomacy.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions",
    )
    country = models.ForeignKey(
        "diplomacy.Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions",
    )
    start = models.DateField(null=True, blank=True, help_text="First date the post is attested.")
    end = models.DateField(null=True, blank=True, help_text="Last date the post is attested.")
    from_editor = models.BooleanField(default=False)

    # editor changes only: imports save with skip_history_when_saving
    history = HistoricalRecords()

    class Meta:
        ordering = ["person", "-end", "title"]
        constraints = [
            # NULL organisation/country count as equal, on SQLite as on PostgreSQL
            models.UniqueConstraint(
                "person",
                "title",
                Coalesce("organisation", Value(0)),
                Coalesce("country", Value(0)),
                name="position_unique_per_person",
            ),
        ]
        indexes = [
            # "people holding posts" on an organisation page
            models.Index(fields=["organisation", "person"], name="position_org_person_idx"),
        ]

    def __str__(self):
        return self.title
