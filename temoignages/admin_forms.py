"""The admin form of a testimony page."""

from wagtail.admin.forms import WagtailAdminPageForm

from home.models import ContentWarningTheme
from temoignages.choices import WarningLevel


class TestimonyPageForm(WagtailAdminPageForm):
    """Offers only the warning themes of the page's own language; ticked themes fold the story."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("content_warning_themes")
        if field is None:
            return
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        field.queryset = ContentWarningTheme.objects.filter(locale_id=locale_id).order_by("sort_order", "name")

    def clean(self):
        cleaned_data = super().clean()
        # A moderator who ticks what the story evokes means it to be announced: at least « sensible »,
        # as a precision typed without a level (TestimonyPage.clean).
        if cleaned_data.get("content_warning_themes") and cleaned_data.get("content_warning_level") == WarningLevel.NONE:
            cleaned_data["content_warning_level"] = WarningLevel.SENSITIVE
        return cleaned_data
