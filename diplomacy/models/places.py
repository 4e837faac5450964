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
