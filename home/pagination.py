"""Pagination that never turns a bad ``?page=`` into a 500."""

from django.core.paginator import EmptyPage, Page, Paginator
from django.http import Http404


def paginate(request, object_list, per_page: int = 12) -> Page:
    """Return the requested page of ``object_list``.

    A missing or non-numeric ``?page=`` gives the first page; a number past the end
    raises ``Http404`` (the page does not exist), never a server error.
    """
    number = requested_number(request)
    paginator = Paginator(object_list, per_page)
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
