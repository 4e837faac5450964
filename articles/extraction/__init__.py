"""Extraction: from a read document to mentions, persons, meetings and statements.

Pure functions over strings and the reference ``Lexicon``; no database access.
"""

from .context import Context
from .coreference import Coreference
from .gazetteer import Lexicon
from .meetings import find_meetings
from .organisations import find_organisations
from .people import find_people
from .places import find_countries
from .statements import find_statements
from .types import Document, Extraction

__all__ = ["Lexicon", "extract"]


def extract(document: Document, lexicon: Lexicon) -> Extraction:
    """Everything one document tells: countries, organisations, persons, meetings, statements."""
    from articles.reading import normalise

    for story in document.stories:
        if story.dateline_country is None and story.dateline_place:
            # "ACCRA, Ghana, June 4": the country as written, else the city's; "KUWAIT, May
            # 6", "PANAMA, June 2": Kuwait City, Panama City (a release's "UZBEKISTAN, March
            # 12" names its sender, not where it happened: no country then)
            named = story.dateline_country_name
            city = lexicon.city(story.dateline_place) or lexicon.city(
                story.dateline_place + " City"
            )
            story.dateline_country = (named and lexicon.country_for_phrase(named)) or (
                city[1] if city else None
            )
    ctx = Context.build(document, lexicon, normalise(document.text))
    result = Extraction()
    result.countries = find_countries(ctx)
    organisations = find_organisations(ctx)
    persons, mentions, implied = find_people(ctx, organisations)
    result.organisations = organisations + implied
    result.persons = persons
    result.person_mentions = mentions
    # who each title and pronoun refers to: one pass, read by both finders
    coref = Coreference(ctx, result)
    result.meetings = find_meetings(ctx, result, coref)
    result.statements = find_statements(ctx, result, coref)
    return result
