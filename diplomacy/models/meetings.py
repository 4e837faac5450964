import hashlib
import re

from django.db import connection, models
from simple_history.models import HistoricalRecords

from .curation import Curated, CuratedQuerySet


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


def format_partial_date(value, precision):
    """'2024-05-20', '2024-05' or '2024', as precise as the source allows."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


class MeetingQuerySet(CuratedQuerySet):
    def untouched(self):
        """Meetings no editor worked on: not curated, no participant an editor added, no
        curated statement made at them."""
        return (
            super()
            .untouched()
            .exclude(participations__from_editor=True)
            .exclude(pk__in=Statement.objects.curated().exclude(meeting=None).values("meeting"))
        )

    def in_period(self, start=None, end=None):
        qs = self
        if start:
            qs = qs.filter(models.Q(end_date__gte=start) | models.Q(date__gte=start))
        if end:
            qs = qs.filter(date__lte=end)
        return qs


class Meeting(Curated):
    """An encounter at which named people met or took part: talks, a summit, a call."""

    Precision = DatePrecision

    class Kind(models.TextChoices):
        BILATERAL = "bilateral", "Bilateral"
        MULTILATERAL = "multilateral", "Multilateral"
        SUMMIT = "summit", "Summit"
        MINISTERIAL = "ministerial", "Ministerial"
        FORUM = "forum", "Forum"
        VISIT = "visit", "Visit"
        CEREMONY = "ceremony", "Ceremony"
        CALL = "call", "Phone or video call"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        REPORTED = "reported", "Reported"
        RECALLED = "recalled", "Recalled (past, in passing)"
        PLANNED = "planned", "Announced (future)"

    title = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REPORTED)
    date = models.DateField(
        null=True, blank=True, help_text="Start day (first of the month or year when less precise)."
    )
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    end_date = models.DateField(null=True, blank=True)
    city = models.CharField(max_length=100, blank=True)
    country = models.ForeignKey(
        "diplomacy.Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings_hosted",
    )
    organisation = models.ForeignKey(
        "diplomacy.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        help_text="The organisation or framework it was held under.",
    )
    participants = models.ManyToManyField(
        "diplomacy.Person", through="diplomacy.Participation", related_name="meetings"
    )

    objects = MeetingQuerySet.as_manager()

    # editor changes only: imports save with skip_history_when_saving
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(date__isnull=False, end_date__gte=models.F("date")),
                name="meeting_end_after_start",
            ),
        ]
        indexes = [
            # the review queue: unreviewed records, newest first
            models.Index(fields=["review", "-created_at"], name="meeting_review_queue_idx"),
            # the meeting list sorted by date and filtered by date range
            # (PostgreSQL also gets "date DESC NULLS LAST, id": migration 0005)
            models.Index(fields=["-date", "id"], name="meeting_date_idx"),
            # meetings hosted by a country, newest first
            models.Index(fields=["country", "-date"], name="meeting_country_date_idx"),
            # the countries list counts each country's shown meetings from the index alone
            models.Index(fields=["country", "review"], name="meeting_country_review_idx"),
            # meetings of an organisation, newest first
            models.Index(fields=["organisation", "-date"], name="meeting_org_date_idx"),
            models.Index(fields=["kind", "-date"], name="meeting_kind_date_idx"),
        ]

    def __str__(self):
        return self.title or f"{self.get_kind_display()} meeting {self.date_display}"

    @property
    def date_display(self):
        return format_partial_date(self.date, self.date_precision) or "undated"

    @property
    def end_date_display(self):
        return format_partial_date(self.end_date, DatePrecision.DAY)


# a role that is a part played at the meeting rather than a post held at home
CHAIR_ROLE = re.compile(r"(?:co-?)?chair(?:man|woman|person)?", re.IGNORECASE)
HOST_ROLE = re.compile(r"(?:co-?)?host(?:ess)?", re.IGNORECASE)


class Participation(models.Model):
    """A person's part in a meeting, with the role they held there."""

    class Part(models.TextChoices):
        CHAIR = "chair", "Chair"
        HOST = "host", "Host"
        PARTICIPANT = "participant", "Participant"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(
        "diplomacy.Person", on_delete=models.CASCADE, related_name="participations"
    )
    role = models.CharField(max_length=300, blank=True, help_text="Post held at the meeting.")
    from_editor = models.BooleanField(default=False)

    # editor changes only: imports save with skip_history_when_saving
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="participation_unique_person"
            ),
        ]
        indexes = [
            # a person's meetings, and "who met whom"
            models.Index(fields=["person", "meeting"], name="participation_person_idx"),
        ]

    def __str__(self):
        return f"{self.person} at {self.meeting}"

    @property
    def part(self):
        """Chair or host when the role says so; host when the person belongs to the
        country the meeting took place in; else participant. (Reads ``person`` and
        ``meeting``: select them with the participation.)"""
        role = self.role.strip()
        if CHAIR_ROLE.fullmatch(role):
            return self.Part.CHAIR
        if HOST_ROLE.fullmatch(role):
            return self.Part.HOST
        country = self.person.country_id
        if country is not None and country == self.meeting.country_id:
            return self.Part.HOST
        return self.Part.PARTICIPANT

    @property
    def post(self):
        """The post the person held at the meeting ('' when the role is a part)."""
        role = self.role.strip()
        return "" if CHAIR_ROLE.fullmatch(role) or HOST_ROLE.fullmatch(role) else role

    @classmethod
    def removed_by_editors(cls, meeting_ids) -> set[tuple[int, int]]:
        """(meeting id, person id) pairs an editor took out of these meetings and did not
        put back: later imports must not add them again. The history remembers it (an
        import's own removals have no user)."""
        meeting_ids = list(meeting_ids)
        if not meeting_ids:
            return set()
        # plain SQL: once per imported document, where the ORM's query building cost
        # more than the answer
        table = connection.ops.quote_name(cls.history.model._meta.db_table)
        marks = ", ".join(["%s"] * len(meeting_ids))
        last = {}
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT meeting_id, person_id, history_type, history_user_id FROM {table} "
                f"WHERE meeting_id IN ({marks}) ORDER BY history_date, history_id",
                meeting_ids,
            )
            for meeting_id, person_id, kind, user in cursor.fetchall():
                last[meeting_id, person_id] = kind == "-" and user is not None
        return {pair for pair, removed in last.items() if removed}


class Statement(Curated):
    """An utterance attributed to a person (or to a group, with no person)."""

    Precision = DatePrecision

    speaker = models.ForeignKey(
        "diplomacy.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
    )
    speaker_text = models.CharField(
        max_length=300, blank=True, help_text="The speaker as the article writes it."
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    text = models.TextField()
    direct = models.BooleanField(default=False, help_text="A quotation in quotation marks.")
    text_key = models.CharField(
        max_length=64,
        editable=False,
        db_index=True,
        help_text="Hash of the normalised text, to find the same utterance reported again.",
    )

    # editor changes only: imports save with skip_history_when_saving
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "id"]
        indexes = [
            # the review queue: unreviewed records, newest first
            models.Index(fields=["review", "-created_at"], name="statement_review_queue_idx"),
            # the statement list sorted by date
            # (PostgreSQL also gets "date DESC NULLS LAST, id": migration 0005)
            models.Index(fields=["-date", "id"], name="statement_date_idx"),
            # a person's statements, newest first
            models.Index(fields=["speaker", "-date"], name="statement_speaker_date_idx"),
            # the statements made at a meeting
            models.Index(fields=["meeting", "id"], name="statement_meeting_idx"),
            # an import's "the same words from the same speaker": a stock phrase repeated by
            # hundreds of speakers is answered from this index alone (the key's own index
            # sent each of those rows to the table for its speaker)
            models.Index(fields=["text_key", "speaker"], name="statement_text_speaker_idx"),
        ]

    def __str__(self):
        who = self.speaker.name if self.speaker_id else (self.speaker_text or "unattributed")
        return f"{who}: {self.text[:60]}"

    @property
    def date_display(self):
        return format_partial_date(self.date, self.date_precision)

    def save(self, *args, **kwargs):
        self.text_key = statement_text_key(self.text)
        super().save(*args, **kwargs)


def statement_text_key(text):
    """Hash of the words of a statement: the same utterance reported again has the same key."""
    words = re.findall(r"[0-9a-z]+", (text or "").lower())
    return hashlib.sha1(" ".join(words).encode()).hexdigest()
