"""The « Se faire aider » page (directory of associations and helplines) and the guide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.models import BasePage, BodyMixin, HarassmentType, StandardPage
from home.models.listing import paginate
from ressources.blocks import GuideSteps, GuideStreamBlock
from ressources.choices import Audience, Region, Urgency

from .snippets import Association, Helpline


class DirectoryFilterForm(forms.Form):
    """The directory's GET filters. An unknown value is dropped, never an error page."""

    type = forms.ChoiceField(label=_("Situation"), required=False)
    public = forms.ChoiceField(
        label=_("Vous êtes"), required=False, choices=[("", _("Tout public"))] + list(Audience.choices)
    )
    region = forms.ChoiceField(
        label=_("Région"), required=False, choices=[("", _("Toutes les régions"))] + list(Region.choices)
    )

    def __init__(self, data, *, harassment_types, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["type"].choices = [("", _("Toutes les situations"))] + [(t.code, t.name) for t in harassment_types]

    def cleaned_filters(self) -> dict[str, str]:
        """Each filter's valid value, or "" when it is absent or invalid (that filter is then off)."""
        self.is_valid()
        return {name: self.cleaned_data.get(name, "") or "" for name in self.fields}


class ResourceIndexPage(BodyMixin, BasePage):
    """« Se faire aider »: helplines, the directory of associations, the guide and safety tips."""

    per_page = 20

    content_panels = BasePage.content_panels + BodyMixin.body_panels
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage", "ressources.HarassmentGuidePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page « Se faire aider »")
        verbose_name_plural = _("pages « Se faire aider »")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        types = list(HarassmentType.objects.for_locale(self.locale))
        form = DirectoryFilterForm(request.GET, harassment_types=types)
        filters = form.cleaned_filters()
        associations = (
            Association.objects.filter(locale=self.locale)
            .for_type(filters["type"])
            .for_audience(filters["public"])
            .for_region(filters["region"])
            .for_listing()
        )
        page = paginate(request, associations, self.per_page)
        # Show each type's name in this page's language, whichever locale's copy is linked.
        type_names = {t.code: t.name for t in types}
        for association in page:
            association.type_names = sorted(
                {type_names.get(t.code, t.name) for t in association.harassment_types.all()}
            )
        lines = list(Helpline.objects.candidates(self.locale))
        context.update(
            filter_form=form,
            filters=filters,
            is_filtered=any(filters.values()),
            associations=page,
            items=page,
            query_string="&".join(f"{name}={value}" for name, value in filters.items() if value),
            emergency_lines=[line for line in lines if line.urgency == Urgency.EMERGENCY],
            other_lines=[line for line in lines if line.urgency != Urgency.EMERGENCY],
            guide_page=HarassmentGuidePage.objects.child_of(self).published().first(),
            safety_pages=StandardPage.objects.child_of(self).published(),
        )
        return context


class HarassmentGuidePage(BasePage):
    """« Est-ce du harcèlement ? »: a questionnaire, one step per page view (``?step=``)."""

    steps = StreamField(
        GuideStreamBlock(),
        verbose_name=_("questionnaire"),
        help_text=_(
            "La première étape est une question. Chaque réponse mène, par son identifiant, à une autre "
            "question ou à un résultat ; tout parcours doit finir sur un résultat, sans boucle."
        ),
    )

    content_panels = BasePage.content_panels + [FieldPanel("steps")]
    search_fields = BasePage.search_fields
    parent_page_types = ["ressources.ResourceIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guide « Est-ce du harcèlement ? »")
        verbose_name_plural = _("guides « Est-ce du harcèlement ? »")

    @property
    def guide(self) -> GuideSteps:
        return GuideSteps(self.steps)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guide = self.guide
        step = guide.get(request.GET.get("step", ""))
        context["step"] = step
        context["is_first_step"] = step is guide.first
        if step is not None and step.block_type == "result":
            code = step.value.get("harassment_type") or ""
            context["result_type_code"] = code
            context["result_associations"] = (
                Association.objects.filter(locale=self.locale)
                .for_type(code)
                .for_audience(step.value.get("audience") or "")
                .filter(region=Region.NATIONAL)
                .for_listing()[:3]
            )
            context["directory_page"] = self.get_parent().specific
        return context
