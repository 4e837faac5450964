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
    """When a country's counts (``CountryMonth``, ``CountryPartner``) were last counted in
    full; a country without a row, or with one older than ``COUNTRY_SUMMARY_MAX_AGE``, is
    counted again on its next visit (``diplomacy.summaries``)."""

    country = models.OneToOneField(
        Country, on_delete=models.CASCADE, primary_key=True, related_name="summary"
    )
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "country summaries"

    def __str__(self):
        return f"Summary of {self.country_id}"


class CountryMonth(models.Model):
    """How many shown meetings a country hosted or its shown people attended in a month.

    Kept by adding and subtracting what each change does (``diplomacy.summaries``)."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # the first day of the month
    meetings = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["country", "month"], name="country_month_unique")
        ]

    def __str__(self):
        return f"{self.country_id} {self.month:%Y-%m}: {self.meetings}"


class CountryPartner(models.Model):
    """How many shown meetings the shown people of two countries both attended (a row per
    direction: ``country`` -> ``partner`` and ``partner`` -> ``country`` hold the same
    number)."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    meetings = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["country", "partner"], name="country_partner_unique")
        ]

    def __str__(self):
        return f"{self.country_id} with {self.partner_id}: {self.meetings}"


class MeetingCountry(models.Model):
    """What one meeting adds to the country counts, as last counted: a row per country
    that hosted it or whose shown people attended it (``attended``), while the meeting is
    shown. A change recounts its meetings and adds the difference from these rows to
    ``CountryMonth`` and ``CountryPartner``.

    ``meeting_id`` is a plain number, not a foreign key: the rows of a deleted meeting
    stay until the change that deleted it subtracts them."""

    meeting_id = models.BigIntegerField()
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    attended = models.BooleanField()
    month = models.DateField(null=True)  # the meeting's month, null without a date

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting_id", "country"], name="meeting_country_unique")
        ]
        indexes = [
            models.Index(fields=["country", "meeting_id"], name="meeting_country_by_country")
        ]

    def __str__(self):
        return f"meeting {self.meeting_id} counts for {self.country_id}"
