"""The admin form of a testimony page."""

from wagtail.admin.forms import WagtailAdminPageForm

from home.models import ContentWarningTheme


class TestimonyPageForm(WagtailAdminPageForm):
    """Offers only the warning themes of the page's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("content_warning_themes")
        if field is None:
            return
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        field.queryset = ContentWarningTheme.objects.filter(locale_id=locale_id).order_by("sort_order", "name")
