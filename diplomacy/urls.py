"""The public site's pages (namespace ``site``); the admin is mounted in config/urls.py."""

from django.urls import path, re_path

from diplomacy import views

app_name = "site"

urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/", views.MeetingList.as_view(), name="meeting-list"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("statements/", views.StatementList.as_view(), name="statement-list"),
    path("statements/<int:pk>/", views.statement_detail, name="statement-detail"),
    path("persons/", views.PersonList.as_view(), name="person-list"),
    path("persons/<int:pk>/", views.person_detail, name="person-detail"),
    path("organisations/", views.OrganisationList.as_view(), name="organisation-list"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation-detail"),
    path("countries/", views.CountryList.as_view(), name="country-list"),
    re_path(r"^countries/(?P<iso2>[A-Za-z]{2})/$", views.country_detail, name="country-detail"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("search/", views.search_page, name="search"),
]
