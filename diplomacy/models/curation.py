"""Curation state shared by the records editors review."""

from django.db import models


class Review(models.TextChoices):
    UNREVIEWED = "unreviewed", "Unreviewed"
    VERIFIED = "verified", "Verified"
    REJECTED = "rejected", "Rejected"


# the review states of the records the public sees: everything but what an editor rejected
SHOWN = (Review.UNREVIEWED, Review.VERIFIED)


class CuratedQuerySet(models.QuerySet):
    def public(self):
        """Records the public may see (review in ``SHOWN``)."""
        return self.exclude(review=Review.REJECTED)

    def unreviewed(self):
        return self.filter(review=Review.UNREVIEWED)

    def curated(self):
        """Records an editor reviewed (verified or rejected) or changed a field of."""
        return self.exclude(review=Review.UNREVIEWED, locked_fields=[])

    def untouched(self):
        """Records no editor worked on, directly or through what they point to or hold:
        the only ones an import may remove. Each model adds its own links."""
        return self.filter(review=Review.UNREVIEWED, locked_fields=[])


class Curated(models.Model):
    """A record an editor can verify, reject, and lock against later imports."""

    Review = Review

    review = models.CharField(
        max_length=10, choices=Review.choices, default=Review.UNREVIEWED, db_index=True
    )
    locked_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Fields an editor changed: imports never overwrite them. "
        "A verified record is locked as a whole.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CuratedQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_locked(self, field_name):
        """True when an import must leave this field alone."""
        return self.review != Review.UNREVIEWED or field_name in self.locked_fields

    def lock(self, *field_names):
        self.locked_fields = sorted(set(self.locked_fields) | set(field_names))
