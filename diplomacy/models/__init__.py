"""The curated domain: countries, organisations, persons, meetings and statements, and
the articles and evidence spans they come from (provenance)."""

from .curation import Curated, Review
from .meetings import DatePrecision, Meeting, Participation, Statement, format_partial_date
from .organisations import Organisation, OrganisationName
from .people import Person, PersonName, Position
from .places import Country, CountryMonth, CountryPartner, CountrySummary, MeetingCountry
from .sources import Article, ArticleStory, Evidence

__all__ = [
    "Article",
    "ArticleStory",
    "Country",
    "CountryMonth",
    "CountryPartner",
    "CountrySummary",
    "Curated",
    "DatePrecision",
    "Evidence",
    "Meeting",
    "MeetingCountry",
    "Organisation",
    "OrganisationName",
    "Participation",
    "Person",
    "PersonName",
    "Position",
    "Review",
    "Statement",
    "format_partial_date",
]
