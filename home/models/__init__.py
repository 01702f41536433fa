from .images import DecorativeImage, ListingImageMixin, alt_text, attach_card_images
from .listing import ListingMixin
from .mixins import BodyMixin, IntroMixin, SocialMetaMixin
from .pages import BasePage, HomePage, StandardPage
from .settings import SiteSettings
from .taxonomy import DEFAULT_CONTENT_WARNING_THEMES, DEFAULT_HARASSMENT_TYPES, ContentWarningTheme, HarassmentType
from .wordlists import EditableWordList, WordListQuerySet

__all__ = [
    "BasePage",
    "BodyMixin",
    "ContentWarningTheme",
    "DecorativeImage",
    "DEFAULT_CONTENT_WARNING_THEMES",
    "EditableWordList",
    "DEFAULT_HARASSMENT_TYPES",
    "HarassmentType",
    "HomePage",
    "IntroMixin",
    "ListingImageMixin",
    "ListingMixin",
    "SiteSettings",
    "SocialMetaMixin",
    "StandardPage",
    "WordListQuerySet",
    "alt_text",
    "attach_card_images",
]
