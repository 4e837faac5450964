"""The intermediate page of the merge actions: the editor picks the record that survives."""

from django.contrib import messages
from django.contrib.admin import helpers
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

# more than this at once is almost certainly a mis-click on "select all"
MAX_MERGED = 20


def merge_action(modeladmin, request, queryset, merge, describe):
    """Confirm, then run ``merge(survivor, others, user=...)`` on the selected records.

    ``describe(obj)`` is a short line of what hangs on a record (counts), to help choose.
    """
    opts = modeladmin.model._meta
    objects = list(queryset[: MAX_MERGED + 1])
    if len(objects) < 2 or len(objects) > MAX_MERGED:
        modeladmin.message_user(
            request,
            f"Select between 2 and {MAX_MERGED} {opts.verbose_name_plural} to merge.",
            messages.WARNING,
        )
        return None

    if request.POST.get("post") == "yes":
        survivor = next((o for o in objects if str(o.pk) == request.POST.get("survivor")), None)
        if survivor is None:
            modeladmin.message_user(request, "Pick the record to keep.", messages.ERROR)
        else:
            others = [o for o in objects if o.pk != survivor.pk]
            merge(survivor, others, user=request.user)
            modeladmin.message_user(
                request,
                "Merged {} into {}.".format(", ".join(str(o) for o in others), survivor),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[survivor.pk])
            )

    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"Merge {opts.verbose_name_plural}",
        "subtitle": None,
        "opts": opts,
        "app_label": opts.app_label,
        "rows": [(obj, describe(obj)) for obj in objects],
        "action": request.POST.get("action", ""),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": modeladmin.media,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, "admin/diplomacy/merge_confirmation.html", context)
