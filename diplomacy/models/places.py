from django.db import models


class CountryQuerySet(models.QuerySet):
    def mentioned(self):
        """Countries that at least one imported article refers to."""
        return self.filter(evidence__isnull=False).distinct()


class Country(models.Model):
    """A state or territory from ISO 3166-1."""

    iso2 = models.CharField("ISO alpha-2", max_length=2, unique=True)
    iso3 = models.CharField("ISO alpha-3", max_length=3, unique=True)
    name = models.CharField(max_length=100, unique=True)
    official_name = models.CharField(max_length=200, blank=True)
    other_names = models.JSONField(
        default=list, blank=True, help_text="Short and alternative names: 'Kyrgyz Republic'."
    )
    demonyms = models.JSONField(
        default=list, blank=True, help_text="Adjectives and demonyms: 'Kazakh', 'Kazakhstani'."
    )
    capital = models.CharField(max_length=100, blank=True)
    cities = models.JSONField(default=list, blank=True)
    regions = models.JSONField(
        default=list, blank=True, help_text="Provinces and regions: 'Shaanxi', 'Almaty Region'."
    )
    sovereign = models.BooleanField(default=True)

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name


class CountrySummary(models.Model):
    """A country page's aggregates, kept so that a visit does not recount them.

    The meetings per month and the counterpart countries of a country whose people took
    part in tens of thousands of meetings take a few hundred milliseconds to count. They
    are counted once and kept here; every change that could alter them (an import, an
    editor's save, a merge, a review) deletes the rows of the countries concerned, and
    the next visit, or the end of the import, counts them again (``diplomacy.summaries``).
    """

    country = models.OneToOneField(
        Country, on_delete=models.CASCADE, primary_key=True, related_name="summary"
    )
    # [["2024-05-01", 3], ...]: meetings hosted or attended by the country's people
    months = models.JSONField(default=list)
    # [{"iso2": "KZ", "name": "Kazakhstan", "meetings": 12}, ...], most meetings first
    partners = models.JSONField(default=list)
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "country summaries"

    def __str__(self):
        return f"Summary of {self.country_id}"
