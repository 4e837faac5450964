"""The public site's pages (namespace ``site``); the admin is mounted in config/urls.py.

Every public page answers GET and HEAD only. They are exempt from the CSRF check, which
would otherwise answer a POST with 403 before the view could answer 405: they change
nothing, so there is nothing to protect, and the promised 405 is what a client gets.
"""

from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from diplomacy import feeds, views


def feed(feed_class):
    """A feed view that answers GET and HEAD only, like every public page."""
    return csrf_exempt(require_safe(feed_class()))


app_name = "site"

urlpatterns = [
    path("", csrf_exempt(views.home), name="home"),
    path("meetings/", csrf_exempt(views.MeetingList.as_view()), name="meeting-list"),
    path("meetings/<int:pk>/", csrf_exempt(views.meeting_detail), name="meeting-detail"),
    path("statements/", csrf_exempt(views.StatementList.as_view()), name="statement-list"),
    path("statements/<int:pk>/", csrf_exempt(views.statement_detail), name="statement-detail"),
    path("persons/", csrf_exempt(views.PersonList.as_view()), name="person-list"),
    path("persons/<int:pk>/", csrf_exempt(views.person_detail), name="person-detail"),
    path("organisations/", csrf_exempt(views.OrganisationList.as_view()), name="organisation-list"),
    path(
        "organisations/<int:pk>/",
        csrf_exempt(views.organisation_detail),
        name="organisation-detail",
    ),
    path("countries/", csrf_exempt(views.CountryList.as_view()), name="country-list"),
    re_path(
        r"^countries/(?P<iso2>[A-Za-z]{2})/$",
        csrf_exempt(views.country_detail),
        name="country-detail",
    ),
    path("articles/", csrf_exempt(views.ArticleList.as_view()), name="article-list"),
    path("articles/<int:pk>/", csrf_exempt(views.article_detail), name="article-detail"),
    path("search/", csrf_exempt(views.search_page), name="search"),
    path("feed/", feed(feeds.RegisterFeed), name="feed"),
    path("persons/<int:pk>/feed/", feed(feeds.PersonFeed), name="person-feed"),
    path("organisations/<int:pk>/feed/", feed(feeds.OrganisationFeed), name="organisation-feed"),
    re_path(
        r"^countries/(?P<iso2>[A-Za-z]{2})/feed/$", feed(feeds.CountryFeed), name="country-feed"
    ),
]
