"""What an editor does to many curated records at once: verify or reject them."""

from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from diplomacy import summaries
from diplomacy.meeting_titles import retitle_meetings_of
from diplomacy.models import Person, Review

BATCH_SIZE = 500


def set_review(queryset, review, user=None):
    """Give every record of ``queryset`` the review status ``review``; returns how many changed.

    A verified or rejected record is locked as a whole (``Curated.is_locked``). Each change
    gets a history row with the editor, in batches so that "select all" on a large list
    never loads the whole table.
    """
    model = queryset.model
    reason = f"Marked {Review(review).label.lower()}"
    pks = list(queryset.exclude(review=review).values_list("pk", flat=True))
    # records that enter or leave "rejected": what shows their names follows
    flipped = (
        pks
        if review == Review.REJECTED
        else list(queryset.filter(review=Review.REJECTED).values_list("pk", flat=True))
    )
    changed = 0
    for start in range(0, len(pks), BATCH_SIZE):
        batch = list(model.objects.filter(pk__in=pks[start : start + BATCH_SIZE]))
        now = timezone.now()
        for obj in batch:
            obj.review = review
            obj.updated_at = now
        bulk_update_with_history(
            batch,
            model,
            ["review", "updated_at"],
            default_user=user,
            default_change_reason=reason,
        )
        changed += len(batch)
    # a bulk update sends no signals: the country pages these records enter into are
    # counted again on their next visit
    summaries.changed_records(model, pks)
    rejection_changed(model, flipped, user)
    return changed


def rejection_changed(model, pks, user=None):
    """Persons ``pks`` were rejected or are no longer: generated meeting titles follow."""
    if model is Person and pks:
        retitle_meetings_of(Person.objects.filter(pk__in=pks), user=user)


def verify(queryset, user=None):
    return set_review(queryset, Review.VERIFIED, user)


def reject(queryset, user=None):
    return set_review(queryset, Review.REJECTED, user)
