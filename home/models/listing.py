"""Shared behaviour for index pages that list their children."""

from django.db import models

from home.pagination import paginate

from .images import attach_to_paginator_page


class ListingMixin(models.Model):
    """An index page that lists its live children, paginated.

    Subclasses name the child model in ``listing_model`` and may narrow
    ``get_listing_queryset``; the template receives ``items`` (a paginator page).
    """

    listing_model = None
    per_page = 12

    class Meta:
        abstract = True

    def get_listing_queryset(self, request):
        model = self.listing_model
        if isinstance(model, str):
            from django.apps import apps

            model = apps.get_model(model)
        return model.objects.child_of(self).published().order_by("-first_published_at")

    def paginate_listing(self, request, queryset):
        """The requested page of ``queryset``, its cards' images and renditions loaded in two queries."""
        return attach_to_paginator_page(paginate(request, queryset, self.per_page))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.paginate_listing(request, self.get_listing_queryset(request))
        return context
