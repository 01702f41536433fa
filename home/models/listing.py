"""Index pages that list their children: the query the listing index serves, and a
paginator whose count stops at a cap, so page 1 costs the same at any size."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, Page, Paginator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property

from .images import attach_to_paginator_page

#: Past this many items a listing says « plus de 1 000 » instead of counting them all.
COUNT_CAP = 1000


def in_listing_index(queryset, locale):
    """``queryset`` narrowed to what the ``page_listing_order`` index (home migration 0010)
    starts with: the page type (exactly ``queryset.model``) and the language.

    Saying so lets the database read the newest live pages of that type in order from the
    index and stop at the last one shown, instead of sorting every match."""
    return queryset.filter(content_type=ContentType.objects.get_for_model(queryset.model), locale=locale)


def listed_children(parent, model):
    """``model``'s children of ``parent``, read through the listing index (a child always
    has its parent's language)."""
    return in_listing_index(model.objects.child_of(parent), parent.locale_id)


class CappedPage(Page):
    """A page of a listing whose total is not known past the cap: whether a next page
    exists is read from the one extra row fetched with this one."""

    def __init__(self, object_list, number, paginator, has_next):
        super().__init__(object_list, number, paginator)
        self._has_next = has_next

    def has_next(self):
        return self._has_next


class CappedPaginator(Paginator):
    """Django's ``Paginator`` counting at most ``cap`` + 1 rows.

    A ``COUNT(*)`` reads every matching row; counting a ``LIMIT cap + 1`` subquery reads
    at most that many through the listing's index. Up to the cap the paginator behaves as
    Django's; past it ``capped`` is true, the template says « plus de {cap} », and a page
    beyond the counted ones is fetched with one extra row to know whether another follows.
    """

    def __init__(self, object_list, per_page, cap: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = COUNT_CAP if cap is None else cap

    @cached_property
    def count(self) -> int:
        if not isinstance(self.object_list, models.QuerySet):
            # A list, or a search backend's results that count themselves: Django's count.
            return Paginator.count.func(self)
        # Unordered: the database counts through whichever index suits the filters best.
        return self.object_list.order_by().values("pk")[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        return isinstance(self.object_list, models.QuerySet) and self.count > self.cap

    def validate_number(self, number):
        if self.capped and isinstance(number, int) and number > self.num_pages:
            return number  # past the counted pages: page() finds out whether it exists
        return super().validate_number(number)

    def page(self, number):
        number = self.validate_number(number)
        if not self.capped:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows:
            raise EmptyPage(self.error_messages["no_results"])
        return CappedPage(rows[: self.per_page], number, self, has_next=len(rows) > self.per_page)


def paginate(request, object_list, per_page: int = 12) -> Page:
    """Return the requested page of ``object_list``.

    A missing or non-numeric ``?page=`` gives the first page; a number past the end
    raises ``Http404`` (the page does not exist), never a server error.
    """
    number = requested_number(request)
    paginator = CappedPaginator(object_list, per_page)
    try:
        return paginator.page(number)
    except EmptyPage as exc:
        if number == 1:
            return paginator.page(1)
        raise Http404 from exc


def requested_number(request) -> int:
    """The page number asked for in ``?page=``: 1 when missing, not a number or below 1."""
    try:
        number = int(request.GET.get("page", "1"))
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


class ListingMixin(models.Model):
    """An index page that lists its live children, paginated.

    Subclasses name the child model in ``listing_model`` and may narrow
    ``get_listing_queryset``; the template receives ``items`` (a paginator page).
    """

    listing_model = None
    per_page = 12

    class Meta:
        abstract = True

    def get_listing_class(self):
        model = self.listing_model
        if isinstance(model, str):
            from django.apps import apps

            model = apps.get_model(model)
        return model

    def get_listing_queryset(self, request):
        return (
            listed_children(self, self.get_listing_class())
            .published()
            .order_by("-first_published_at", "-pk")
        )

    def paginate_listing(self, request, queryset):
        """The requested page of ``queryset``, its cards' images and renditions loaded in two queries."""
        return attach_to_paginator_page(paginate(request, queryset, self.per_page))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.paginate_listing(request, self.get_listing_queryset(request))
        return context
