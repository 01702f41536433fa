"""The admin form of a testimony page."""

from wagtail.admin.forms import WagtailAdminPageForm

from temoignages.content_warnings import level_with_themes, offer_themes_of_locale


class TestimonyPageForm(WagtailAdminPageForm):
    """Offers only the warning themes of the page's own language; ticked themes fold the story."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_themes_of_locale(self, self.instance.locale_id or getattr(self.parent_page, "locale_id", None))

    def clean(self):
        return level_with_themes(super().clean())
