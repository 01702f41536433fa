from .listing import ListingMixin
from .mixins import BodyMixin, IntroMixin, SocialMetaMixin
from .pages import BasePage, HomePage, StandardPage
from .settings import SiteSettings
from .taxonomy import DEFAULT_HARASSMENT_TYPES, HarassmentType

__all__ = [
    "BasePage",
    "BodyMixin",
    "DEFAULT_HARASSMENT_TYPES",
    "HarassmentType",
    "HomePage",
    "IntroMixin",
    "ListingMixin",
    "SiteSettings",
    "SocialMetaMixin",
    "StandardPage",
]
