"""Reference data for tests that run outside a test transaction.

A ``TransactionTestCase`` (a live server's too) empties every table when each test ends,
the reference countries and organisations that the migrations loaded included. Every
such case that runs later would then import articles into a register without countries.
``WithReferenceData`` puts them back before each test, whatever ran before it.
"""

from django.test import TransactionTestCase

from diplomacy.reference_sync import sync_reference


class WithReferenceData:
    """Mixin for a ``TransactionTestCase``: reference data present when each test starts."""

    @classmethod
    def _fixture_setup(cls):  # a class method since Django 5.2
        super()._fixture_setup()
        from diplomacy.models import Country

        if not Country.objects.exists():
            sync_reference()


class ReferenceTransactionTestCase(WithReferenceData, TransactionTestCase):
    """A ``TransactionTestCase`` that starts with the reference countries and organisations."""
