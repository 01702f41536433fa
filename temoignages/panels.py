"""Admin panels of the testimony pages."""

from wagtail.admin.panels import Panel


class PersonalDataPanel(Panel):
    """Read-only list of the personal data detected in the story, for the moderator to redact.

    Computed from the story as saved (the last revision); saving the page refreshes it.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "temoignages/admin/personal_data_panel.html"

        def get_context_data(self, parent_context=None):
            from temoignages.pii import detect_personal_data, grouped

            context = super().get_context_data(parent_context)
            story = getattr(self.instance, "story", "") or ""
            headline = getattr(self.instance, "headline", "") or ""
            context["groups"] = grouped(detect_personal_data(f"{headline}\n{story}"))
            context["review_url"] = self._review_url()
            return context

        def _review_url(self) -> str:
            """The review desk, where the decisions are taken, when this page has a private record."""
            from temoignages.models import TestimonySubmission
            from temoignages.review import review_url

            if not self.instance.pk:
                return ""
            pk = TestimonySubmission.objects.filter(page_id=self.instance.pk).values_list("pk", flat=True).first()
            return review_url(pk) if pk else ""
