from django.db import models
from simple_history.models import HistoricalRecords

from diplomacy.names import org_key

from .curation import Curated, CuratedQuerySet


class OrganisationQuerySet(CuratedQuerySet):
    def by_name(self, name):
        """Organisations whose name, acronym or other name has the key of ``name``."""
        key = org_key(name)
        return self.filter(models.Q(key=key) | models.Q(names__key=key)).distinct()

    def name_contains(self, text):
        """Organisations with every word of ``text`` inside their name or one of their
        other names, spelling folded as in match keys (trigram indexes on PostgreSQL)."""
        keys = [key for key in (org_key(word) for word in text.split()) if key]
        if not keys:
            return self.none()
        matches = self
        for key in keys:
            # a UNION of two index scans; an OR of the two would read the whole table
            other_names = OrganisationName.objects.filter(key__contains=key).order_by()
            ids = (
                Organisation.objects.filter(key__contains=key)
                .order_by()
                .values("pk")
                .union(other_names.values("organisation"))
            )
            matches = matches.filter(pk__in=ids)
        return matches


class Organisation(Curated):
    """An organisation, organ, ministry, party, parliament, institute or company."""

    class Kind(models.TextChoices):
        INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental"
        MINISTRY = "ministry", "Ministry"
        PARTY = "party", "Party"
        PARLIAMENT = "parliament", "Parliament"
        GOVERNMENT = "government", "Government body"
        THINK_TANK = "think_tank", "Think tank"
        UNIVERSITY = "university", "University"
        COMPANY = "company", "Company"
        MEDIA = "media", "Media"
        OTHER = "other", "Other"

    name = models.CharField(max_length=300)
    key = models.CharField(max_length=300, editable=False, help_text="Match key of the name.")
    acronym = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = models.ForeignKey(
        "diplomacy.Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        help_text="The state a national body belongs to; empty for international ones.",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        # deleting an organisation keeps its organs as stand-alone bodies
        on_delete=models.SET_NULL,
        related_name="organs",
    )
    members = models.ManyToManyField("diplomacy.Country", blank=True, related_name="memberships")
    reference = models.CharField(
        max_length=60, blank=True, help_text="Key in fixtures/organisations.json, if any."
    )

    objects = OrganisationQuerySet.as_manager()

    # editor changes only: imports save with skip_history_when_saving
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["key"], name="organisation_unique_key"),
        ]
        indexes = [
            # the review queue: unreviewed records, newest first
            models.Index(fields=["review", "-created_at"], name="organisation_review_queue_idx"),
            # the importer's and the filters' lookup by acronym
            models.Index(fields=["acronym"], name="organisation_acronym_idx"),
            # the organisation list filtered by kind, sorted by name
            models.Index(fields=["kind", "name"], name="organisation_kind_name_idx"),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def save(self, *args, **kwargs):
        self.key = org_key(self.name)
        super().save(*args, **kwargs)


class OrganisationName(models.Model):
    """Another name of an organisation: a spelling variant, former name or acronym."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=300)
    key = models.CharField(max_length=300, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key"], name="organisation_name_unique_per_org"
            ),
        ]
        indexes = [
            # resolving a name seen in an article to an organisation
            models.Index(fields=["key"], name="organisation_name_key_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = org_key(self.name)
        super().save(*args, **kwargs)
