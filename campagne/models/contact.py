"""Press contacts, the contact form (Wagtail form builder) and the press kit."""

from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, EmailFormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campagne.blocks import KeyFiguresBlock
from campagne.forms import CONTACT_RATE_LIMIT, ContactSpamProtectionMixin
from home.models import BasePage
from site_parlons.ops.mail import queue_mail

from .mixins import CampaignBodyMixin


class ContactFormField(AbstractFormField):
    page = ParentalKey("campagne.ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class PressContact(Orderable):
    page = ParentalKey("campagne.ContactPage", on_delete=models.CASCADE, related_name="press_contacts")
    name = models.CharField(_("nom"), max_length=120, help_text=_("Prénom et nom de la personne à contacter."))
    role = models.CharField(_("rôle"), max_length=160, blank=True, help_text=_("Ex. « Relations presse »."))
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Adresse publique, affichée sur la page."))
    phone = models.CharField(
        _("téléphone"), max_length=30, blank=True, help_text=_("Facultatif, au format 06 12 34 56 78.")
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldRowPanel([FieldPanel("email"), FieldPanel("phone")])]

    class Meta(Orderable.Meta):
        verbose_name = _("contact presse")
        verbose_name_plural = _("contacts presse")

    def __str__(self):
        return self.name


class ContactPage(CampaignBodyMixin, AbstractEmailForm, BasePage):
    """« Contacts presse »: who to call, the press kit, key facts and a protected form."""

    press_kit = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dossier de presse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le dossier de presse à télécharger (PDF de préférence)."),
    )
    key_facts = StreamField(
        KeyFiguresBlock(),
        blank=True,
        verbose_name=_("la campagne en bref"),
        help_text=_("Les faits clés pour un article : date de création, nombre de fondateurs, ville…"),
    )
    form_intro = models.TextField(
        _("texte avant le formulaire"),
        blank=True,
        help_text=_("Ex. « Une question, une demande d'interview ? Écrivez-nous. »"),
    )
    # Wagtail's own fields, declared again for their help texts.
    from_address = models.EmailField(
        _("adresse d'expédition"),
        max_length=255,
        blank=True,
        help_text=_(
            "L'expéditeur des e-mails que l'équipe reçoit pour chaque message (ex. ne-pas-repondre@parlonsharcelement.fr). "
            "Vide : l'adresse d'envoi du site. Pour répondre, utilisez l'adresse que la personne a saisie dans le message."
        ),
    )
    subject = models.CharField(
        _("objet des e-mails"),
        max_length=255,
        blank=True,
        help_text=_(
            "L'objet des e-mails envoyés à l'équipe pour chaque message (ex. « Nouveau message depuis le site »), "
            "pour les repérer dans la boîte de réception."
        ),
    )
    thank_you_text = models.TextField(
        _("message de remerciement"),
        blank=True,
        help_text=_("Affiché après l'envoi du formulaire. Ex. « Merci, nous vous répondons sous quelques jours. »"),
    )

    content_panels = BasePage.content_panels + [
        *CampaignBodyMixin.body_panels,
        InlinePanel("press_contacts", label=_("Contacts presse"), heading=_("Contacts presse")),
        FieldPanel("press_kit"),
        FieldPanel("key_facts"),
        MultiFieldPanel(
            [
                FormSubmissionsPanel(),
                FieldPanel("form_intro"),
                InlinePanel("form_fields", label=_("Champs du formulaire")),
                FieldPanel("thank_you_text"),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Formulaire de contact"),
        ),
    ]
    # wagtail-localize: the form's fields and the press contacts are rows of their own, not
    # translatable models; each language keeps its own (copied from the French page on every
    # synchronisation otherwise, English labels included). Messages reach the same inbox.
    translatable_fields = BasePage.base_translatable_fields + [
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        TranslatableField("subject"),
        TranslatableField("body"),
        SynchronizedField("press_kit"),
        TranslatableField("key_facts"),
        TranslatableField("form_intro"),
        TranslatableField("thank_you_text"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page contacts presse")
        verbose_name_plural = _("pages contacts presse")

    def get_form_class(self):
        return type("ContactForm", (ContactSpamProtectionMixin, super().get_form_class()), {})

    # An error report shows "********" for every field (a name, an e-mail, a message) and for every
    # local variable of this method and of all it calls (a FormSubmission's text is its data).
    @method_decorator(sensitive_variables())
    @method_decorator(sensitive_post_parameters())
    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        status = None
        if not form.is_valid():
            status = 400
        elif CONTACT_RATE_LIMIT.exceeded(request, subject=str(self.pk)):
            status = 429
        else:
            submission = self.process_form_submission(form)
            CONTACT_RATE_LIMIT.hit(request, subject=str(self.pk))
            return self.render_landing_page(request, submission, *args, **kwargs)
        context = self.get_context(request)
        context.update(form=form, rate_limited=status == 429)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        """Store the message and queue its e-mail in one transaction: both exist or neither.

        Wagtail's ``EmailFormMixin`` would store, then send in the request: skipped (``super`` past it).
        """
        with transaction.atomic():
            submission = super(EmailFormMixin, self).process_form_submission(form)
            if self.to_address:
                self.send_mail(form, submission)
        return submission

    def destination_addresses(self) -> list[str]:
        return [address for address in (x.strip() for x in self.to_address.split(",")) if address]

    def send_mail(self, form, submission):
        """Queue one e-mail per « adresse de destination » (site_parlons.ops.mail), never sent in the request:
        the task names the stored submission by id and the address by its rank in the page's list (the
        queue holds no address at all), and the worker builds the message from them."""
        for rank in range(len(self.destination_addresses())):
            queue_mail("contact", {"submission_id": submission.pk, "recipient": rank})
