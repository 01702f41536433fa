"""Demo content built from code: idempotent, French source tree plus English translation.

Each app contributes its part through its own ``demo.load(home)`` function, found through the
app registry (``app_demo_loaders``); this module holds the helpers they share and builds the
root, the taxonomy, settings and legal pages.
Existing pages are never overwritten, so editors' changes survive a second run.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from importlib import import_module
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils.module_loading import module_has_submodule
from wagtail.models import Locale, Page, Site

from home.models import (
    DEFAULT_CONTENT_WARNING_THEMES,
    DEFAULT_HARASSMENT_TYPES,
    ContentWarningTheme,
    HarassmentType,
    HomePage,
    SiteSettings,
    StandardPage,
)
from home.sections import default_home_sections
from home.sites import sync_default_site

SEED = 2019  # the campaign's founding year: the demo is the same on every machine


def paragraphs(*texts: str) -> str:
    """A StreamField body (JSON) of paragraph blocks, one per text."""
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts])


def blocks(*items: tuple[str, Any]) -> str:
    """A StreamField body (JSON) from (block type, value) pairs."""
    return json.dumps([{"type": kind, "value": value} for kind, value in items])


def get_locales() -> tuple[Locale, Locale]:
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return fr, en


def ensure_child(parent: Page, model, slug: str, *, en: dict | None = None, show_in_menus: bool = True, **fields):
    """Return the child of ``parent`` with ``slug``, creating and publishing it if missing.

    ``en`` gives the English fields of its translation, created the same way.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, show_in_menus=show_in_menus, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
    if en is not None:
        ensure_translation(page, en)
    return page


def ensure_translation(page: Page, fields: dict, *, refresh: bool = False) -> Page:
    """The English translation of ``page``, a wagtail-localize translation with ``fields`` as its text.

    Its parent must be translated already (the loader builds the tree from the top). ``refresh``
    rewrites the English text of a page translated earlier (see ``translate_page``).
    """
    from site_parlons.demo.translations import translate_page

    get_locales()
    return translate_page(page, fields, refresh=refresh)


def ensure_copied_translation(page: Page, fields: dict) -> Page:
    """An English copy of ``page`` with ``fields`` set, outside wagtail-localize.

    For testimonies only: each language's testimony is its own moderated record, never the
    target of a translation (``temoignages.permissions``).
    """
    _, en = get_locales()
    existing = page.get_translations().filter(locale=en).first()
    if existing is not None:
        return existing.specific
    translated = page.copy_for_translation(en, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def ensure_root() -> Page:
    """Wagtail's tree root, created by its migrations; re-created if the tables were emptied."""
    fr, _ = get_locales()
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=fr))


HOME_EN = {
    "slug": "home",
    "title": "Let's Talk About Harassment",
    "hero_title": "Stronger, together!",
    "hero_text": "A place to tell what you went through, read people who have been there, and find help near you.",
    "intro": "The campaign started in Lens by five students to help people speak up about harassment.",
    "search_description": "Testimonies, interviews, videos and help against harassment.",
}


def ensure_home() -> HomePage:
    """The French home page, set as the default site's root (replacing Wagtail's welcome page)."""
    fr, _ = get_locales()
    root = ensure_root()
    home = HomePage.objects.filter(locale=fr).first()
    if home is None:
        home = HomePage(
            title="Parlons Harcèlement",
            slug="accueil",
            hero_title="Plus forts, ensemble !",
            hero_text=(
                "Un espace pour raconter ce que vous avez vécu, lire celles et ceux qui sont passés "
                "par là, et trouver de l'aide près de chez vous."
            ),
            intro="La campagne lancée à Lens par cinq étudiants pour libérer la parole sur le harcèlement.",
            search_description="Témoignages, interviews, vidéos et aides contre le harcèlement.",
            locale=fr,
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site is not None and site.root_page_id != home.id else None
    # The default site's address is SITE_URL's, also when the site already existed.
    sync_default_site(home)
    if old_root is not None and not isinstance(old_root.specific, HomePage) and not old_root.get_children().exists():
        old_root.delete()
    ensure_translation(home, HOME_EN)
    return home


#: Demo themes under which the emergency numbers come first.
URGENT_THEMES = {"idées suicidaires", "automutilation"}


def ensure_taxonomy() -> None:
    """The harassment types and the content warning themes, in French with their English translations."""
    fr, en = get_locales()
    for order, (code, name_fr, name_en) in enumerate(DEFAULT_HARASSMENT_TYPES):
        source = HarassmentType.objects.filter(code=code, locale=fr).first()
        if source is None:
            source = HarassmentType.objects.create(code=code, name=name_fr, sort_order=order * 10, locale=fr)
        if not HarassmentType.objects.filter(code=code, locale=en).exists():
            translation = source.copy_for_translation(en)
            translation.name = name_en
            translation.save()
    for order, (name_fr, name_en) in enumerate(DEFAULT_CONTENT_WARNING_THEMES):
        source = ContentWarningTheme.objects.filter(name=name_fr, locale=fr).first()
        if source is None:
            source = ContentWarningTheme.objects.create(
                name=name_fr, sort_order=order * 10, urgent_helplines=name_fr in URGENT_THEMES, locale=fr
            )
        if source.get_translation_or_none(en) is None:
            translation = source.copy_for_translation(en)
            translation.name = name_en
            translation.save()


def ensure_settings(home: HomePage) -> None:
    site = Site.objects.get(root_page=home)
    settings_obj = SiteSettings.for_site(site)
    if not settings_obj.contact_email:
        settings_obj.contact_email = "parlonsharcelementcontact@gmail.com"
        settings_obj.postal_address = "Parlons Harcèlement\nRue de l'Université, SP 16\n62307 Lens"
        # Profile addresses to confirm with the campaign before going live.
        settings_obj.twitter_url = "https://twitter.com/parlonsharcelement"
        settings_obj.facebook_url = "https://www.facebook.com/parlonsharcelement"
        settings_obj.save()


def ensure_legal_pages(home: HomePage) -> None:
    ensure_child(
        home,
        StandardPage,
        "mentions-legales",
        show_in_menus=False,
        title="Mentions légales",
        intro="Qui publie ce site et comment nous joindre.",
        body=paragraphs(
            "Ce site est édité par la campagne Parlons Harcèlement, Rue de l'Université, SP 16, 62307 Lens.",
            "Contact : parlonsharcelementcontact@gmail.com.",
        ),
        en={
            "slug": "legal-notice",
            "title": "Legal notice",
            "intro": "Who publishes this site and how to reach us.",
            "body": paragraphs(
                "This site is published by the Parlons Harcèlement campaign, Rue de l'Université, SP 16, 62307 Lens, France.",
                "Contact: parlonsharcelementcontact@gmail.com.",
            ),
        },
    )
    from site_parlons.demo.privacy import ensure_privacy_page

    ensure_privacy_page(home)
    ensure_child(
        home,
        StandardPage,
        "accessibilite",
        show_in_menus=False,
        title="Déclaration d'accessibilité",
        intro="Notre engagement pour un site utilisable par toutes et tous, et ce que nous avons vérifié.",
        body=paragraphs(
            "Parlons Harcèlement s'engage à rendre son site accessible, selon le référentiel général "
            "d'amélioration de l'accessibilité (RGAA 4.1) et les critères WCAG 2.1 de niveau AA.",
            "État de conformité : partiellement conforme. Aucun audit complet du RGAA n'a encore été mené "
            "par un organisme extérieur ; les résultats ci-dessous viennent de nos propres tests automatisés, "
            "rejoués à chaque modification du site.",
            "Ce que nous vérifions, sur un téléphone (360 × 740) et sur un ordinateur, en français et en anglais : "
            "chaque type de page passe l'outil axe-core sans aucune erreur WCAG 2.1 A et AA (contrastes compris) ; "
            "chaque élément interactif s'atteint au clavier avec un focus visible ; chaque page a un titre unique ; "
            "le code HTML est valide selon le validateur Nu du W3C ; tout fonctionne sans JavaScript, y compris "
            "le formulaire de témoignage, dont les erreurs sont annoncées et reliées à leur champ.",
            "Contenus non accessibles connus : les vidéos de la campagne n'ont pas encore de sous-titres "
            "vérifiés ; leur transcription est donnée sur la page quand elle existe. Les vidéos sont hébergées "
            "par YouTube et ne se chargent qu'à votre demande.",
            "Technologies utilisées : HTML, CSS, un peu de JavaScript facultatif. Tests réalisés avec Chromium, "
            "axe-core, le validateur Nu et Lighthouse.",
            "Si un contenu vous est inaccessible, écrivez à parlonsharcelementcontact@gmail.com : nous vous "
            "répondrons et vous fournirons l'information sous une autre forme. Si notre réponse ne vous "
            "satisfait pas, vous pouvez saisir le Défenseur des droits (defenseurdesdroits.fr).",
        ),
        en={
            "slug": "accessibility",
            "title": "Accessibility statement",
            "intro": "Our commitment to a site everyone can use, and what we have checked.",
            "body": paragraphs(
                "Parlons Harcèlement is committed to making its site accessible, following the French RGAA 4.1 "
                "framework and the WCAG 2.1 level AA criteria.",
                "Compliance status: partially compliant. No full RGAA audit has been carried out by an outside body "
                "yet; the results below come from our own automated tests, run again on every change to the site.",
                "What we check, on a phone (360 × 740) and a computer, in French and in English: every page type "
                "passes axe-core with no WCAG 2.1 A or AA error (contrast included); every interactive element can "
                "be reached with the keyboard and shows a visible focus; every page has a unique title; the HTML is "
                "valid for the W3C Nu checker; everything works without JavaScript, including the testimony form, "
                "whose errors are announced and tied to their field.",
                "Known inaccessible content: the campaign videos do not have checked subtitles yet; their "
                "transcript is given on the page when it exists. The videos are hosted by YouTube and only load "
                "when you ask.",
                "Technologies used: HTML, CSS, a little optional JavaScript. Tested with Chromium, axe-core, the Nu "
                "checker and Lighthouse.",
                "If some content is not accessible to you, write to parlonsharcelementcontact@gmail.com: we will "
                "answer and provide the information in another form. If our answer does not satisfy you, you can "
                "contact the Défenseur des droits (defenseurdesdroits.fr).",
            ),
        },
    )


def ensure_footer_pages(home: HomePage) -> None:
    """The footer's legal links: the legal notice, privacy and accessibility pages."""
    settings_obj = SiteSettings.for_site(Site.objects.get(root_page=home))
    children = {child.slug: child for child in home.get_children()}
    for field, slug in (
        ("legal_notice_page", "mentions-legales"),
        ("privacy_page", "confidentialite"),
        ("accessibility_page", "accessibilite"),
    ):
        if getattr(settings_obj, f"{field}_id") is None and slug in children:
            setattr(settings_obj, field, children[slug])
    settings_obj.save()


def ensure_home_sections(home: HomePage) -> None:
    """The home page's sections, featuring an interview and the study, synchronised to English.

    Only a home that still has the sections every new home page starts with is changed, so an
    order the editors chose is kept when the demo is loaded again.
    """
    InterviewPage = apps.get_model("campagne", "InterviewPage")  # noqa: N806 - a model class
    StudyPage = apps.get_model("campagne", "StudyPage")  # noqa: N806 - a model class

    home = HomePage.objects.get(pk=home.pk)
    if [block.block_type for block in home.body] != [s["type"] for s in default_home_sections()]:
        return
    interview = InterviewPage.objects.descendant_of(home).live().order_by("path").first()
    study = StudyPage.objects.descendant_of(home).live().order_by("path").first()
    edito, latest, site_sections = default_home_sections()
    sections = [edito]
    if interview is not None:
        sections.append({"type": "featured_video", "value": {"heading": "", "page": interview.pk}})
    sections.append(latest)
    if study is not None:
        sections.append({"type": "featured_study", "value": {"heading": "", "page": study.pk}})
    sections.append(site_sections)
    home.body = json.dumps(sections)
    home.save_revision().publish()
    # The English home follows through wagtail-localize: its featured pages become their English translations.
    ensure_translation(home, HOME_EN, refresh=True)


def app_demo_loaders() -> list[Callable[[HomePage], None]]:
    """Each installed app's ``demo.load``, in ``INSTALLED_APPS`` order (campaign pages first: the
    others link to them), without naming any app here."""
    loaders = []
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "demo"):
            module = import_module(f"{app_config.name}.demo")
            if callable(getattr(module, "load", None)):
                loaders.append(module.load)
    return loaders


@transaction.atomic
def load_demo_content() -> HomePage:
    """Build (or complete) the whole demo site. Safe to run any number of times."""
    from site_parlons.demo.illustrations import attach_illustrations

    random.seed(SEED)
    ensure_taxonomy()
    home = ensure_home()
    ensure_settings(home)
    for load in app_demo_loaders():
        load(home)
    ensure_legal_pages(home)
    ensure_footer_pages(home)
    attach_illustrations(home)
    ensure_home_sections(home)
    home.refresh_from_db()
    return home
