"""Help section models: associations, helplines, the « Se faire aider » page and the guide."""

from ressources.choices import Audience, Region, Urgency

from .pages import DirectoryFilterForm, HarassmentGuidePage, ResourceIndexPage
from .risk import SuicideRiskVocabulary
from .snippets import Association, Helpline

__all__ = [
    "Association",
    "Audience",
    "DirectoryFilterForm",
    "HarassmentGuidePage",
    "Helpline",
    "Region",
    "ResourceIndexPage",
    "SuicideRiskVocabulary",
    "Urgency",
]
