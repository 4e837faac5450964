"""The curated domain: countries, organisations, persons, meetings and statements."""

from .curation import Curated, Review
from .meetings import DatePrecision, Meeting, Participation, Statement, format_partial_date
from .organisations import Organisation, OrganisationName
from .people import Person, PersonName, Position
from .places import Country, CountrySummary

__all__ = [
    "Country",
    "CountrySummary",
    "Curated",
    "DatePrecision",
    "Meeting",
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
