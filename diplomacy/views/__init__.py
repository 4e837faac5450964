"""The public site: read-only pages over the curated register (GET and HEAD only)."""

from .articles import article_detail
from .details import (
    country_detail,
    meeting_detail,
    organisation_detail,
    person_detail,
    statement_detail,
)
from .lists import (
    ArticleList,
    CountryList,
    MeetingList,
    OrganisationList,
    PersonList,
    StatementList,
)
from .pages import home, search_page

__all__ = [
    "ArticleList",
    "CountryList",
    "MeetingList",
    "OrganisationList",
    "PersonList",
    "StatementList",
    "article_detail",
    "country_detail",
    "home",
    "meeting_detail",
    "organisation_detail",
    "person_detail",
    "search_page",
    "statement_detail",
]
