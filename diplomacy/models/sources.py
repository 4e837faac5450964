"""Source documents and the evidence that ties every extracted record to them."""

import re

from django.db import models

from .curation import SHOWN

# a lead-made title is about a headline's length
LEAD_TITLE_MAX = 100
# a sentence ends at . ! or ? before a space and a capital, a digit or a quotation mark
# (not after a single capital, which is an initial: "J. Doe")
# (not before a digit either: "Aug. 28")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?](?=\s+[\"'\u201c\u2018(]?[A-Z])")
# a date the line opens with is the line's metadata, not its words: "date 2024-05-20 ..."
_LEADING_DATE = re.compile(r"^(?:date:?\s+)?\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)


def lead_title(text, limit=LEAD_TITLE_MAX):
    """A title for an article without a headline: its first sentence, or as much of it as
    fits in ``limit`` characters cut after a whole word, with an ellipsis."""
    lead = _LEADING_DATE.sub("", " ".join((text or "").split()))
    end = _SENTENCE_END.search(lead)
    sentence = lead[: end.start()] if end else lead.rstrip(".")
    if len(sentence) <= limit:
        return sentence
    cut = sentence.rfind(" ", 0, limit)
    return sentence[: cut if cut > 0 else limit].rstrip(" ,;:-\u2013\u2014") + "\u2026"


class Article(models.Model):
    """One imported file: a news article, press release or compilation of stories."""

    file_name = models.CharField(max_length=255, help_text="Base name of the imported file.")
    path = models.CharField(
        max_length=1000, blank=True, db_index=True, help_text="Path the file was imported from."
    )
    title = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True, help_text="Source: Xinhua, Trend...")
    published = models.DateField(null=True, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    text = models.TextField(help_text="The stored text; evidence spans refer to it.")
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the text.")
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    extractor_version = models.CharField(max_length=20, blank=True)

    class Meta:
        # the table keeps the name it had when the ingestion app owned the model
        db_table = "articles_article"
        ordering = ["-published", "file_name"]
        constraints = [
            models.UniqueConstraint(fields=["content_hash"], name="article_unique_content_hash"),
        ]
        indexes = [
            # the article list, newest first
            models.Index(fields=["-published", "file_name"], name="article_published_idx"),
            # finding the earlier version of a changed file
            models.Index(fields=["file_name"], name="article_file_name_idx"),
        ]

    def __str__(self):
        # an article imported before titles were made from the lead: its text, not its
        # file name (lists load only the text's opening, as ``opening``)
        if self.title:
            return self.title
        opening = getattr(self, "opening", None)
        return lead_title(opening if opening is not None else self.text) or self.file_name


class ArticleStory(models.Model):
    """One story of a compilation article, with the headline, outlet and date it gives."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="stories")
    start = models.PositiveIntegerField(help_text="Where the story begins in the text.")
    end = models.PositiveIntegerField()
    headline = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True, help_text="From its dateline.")
    date = models.DateField(null=True, blank=True, help_text="From its dateline.")

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "start"], name="article_story_unique_start")
        ]

    def __str__(self):
        return self.headline or f"Story at {self.start}"


class EvidenceQuerySet(models.QuerySet):
    def public(self):
        """Evidence of records the public may see (a country is never rejected)."""
        kind = Evidence.Kind
        return self.filter(
            models.Q(kind=kind.COUNTRY)
            | models.Q(kind=kind.ORGANISATION, organisation__review__in=SHOWN)
            | models.Q(kind=kind.PERSON, person__review__in=SHOWN)
            | models.Q(kind=kind.POSITION, position__person__review__in=SHOWN)
            | models.Q(kind=kind.MEETING, meeting__review__in=SHOWN)
            | models.Q(
                kind=kind.PARTICIPATION,
                participation__meeting__review__in=SHOWN,
                participation__person__review__in=SHOWN,
            )
            | models.Q(kind=kind.STATEMENT, statement__review__in=SHOWN)
        )


class Evidence(models.Model):
    """A span of an article that supports one record: a mention, a meeting report, a quote."""

    class Kind(models.TextChoices):
        COUNTRY = "country", "Country mention"
        ORGANISATION = "organisation", "Organisation mention"
        PERSON = "person", "Person mention"
        POSITION = "position", "Position"
        MEETING = "meeting", "Meeting report"
        PARTICIPATION = "participation", "Participation"
        STATEMENT = "statement", "Statement"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=15, choices=Kind.choices)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=500, blank=True, help_text="The span as written (cut).")
    # exactly one of these points at the supported record
    country = models.ForeignKey(
        "diplomacy.Country",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    organisation = models.ForeignKey(
        "diplomacy.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    person = models.ForeignKey(
        "diplomacy.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    position = models.ForeignKey(
        "diplomacy.Position",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    meeting = models.ForeignKey(
        "diplomacy.Meeting",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    participation = models.ForeignKey(
        "diplomacy.Participation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    statement = models.ForeignKey(
        "diplomacy.Statement",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
    )

    # the foreign keys one of which points at the supported record (its kind's)
    TARGETS = (
        "country",
        "organisation",
        "person",
        "position",
        "meeting",
        "participation",
        "statement",
    )

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        db_table = "articles_evidence"
        verbose_name_plural = "evidence"
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="evidence_span_ordered"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="country", country__isnull=False)
                    | models.Q(kind="organisation", organisation__isnull=False)
                    | models.Q(kind="person", person__isnull=False)
                    | models.Q(kind="position", position__isnull=False)
                    | models.Q(kind="meeting", meeting__isnull=False)
                    | models.Q(kind="participation", participation__isnull=False)
                    | models.Q(kind="statement", statement__isnull=False)
                ),
                name="evidence_points_at_its_kind",
            ),
        ]
        indexes = [
            # the evidence shown on an article page, in text order
            models.Index(fields=["article", "kind", "start"], name="evidence_article_idx"),
        ]

    def __str__(self):
        return f"{self.article} [{self.start}:{self.end}] {self.kind}"

    @property
    def snippet(self):
        """The sentence around the span: (before, span, after)."""
        text = self.article.text
        left = max(text.rfind("\n", 0, self.start), text.rfind(". ", 0, self.start - 1))
        left = max(left + 1, self.start - 300)
        right_candidates = [
            i for i in (text.find("\n", self.end), text.find(". ", self.end)) if i != -1
        ]
        right = min(right_candidates + [len(text)])
        right = min(right + 1, self.end + 300)
        return text[left : self.start], text[self.start : self.end], text[self.end : right]
