"""Factories for every page type and snippet; ``PAGE_FACTORIES`` maps each model to its factory.

Each app has its own module; a test fails when a page type has no factory.
"""

from .campagne import (
    ContactPageFactory,
    EditoPageFactory,
    InterviewIndexPageFactory,
    InterviewPageFactory,
    SocialNetworksPageFactory,
    StudyIndexPageFactory,
    StudyPageFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)
from .home import HarassmentTypeFactory, HomePageFactory, StandardPageFactory
from .ressources import AssociationFactory, HarassmentGuidePageFactory, HelplineFactory, ResourceIndexPageFactory
from .temoignages import TestimonyFormPageFactory, TestimonyIndexPageFactory, TestimonyPageFactory

PAGE_FACTORIES = {
    factory._meta.model: factory
    for factory in [
        HomePageFactory,
        StandardPageFactory,
        EditoPageFactory,
        InterviewIndexPageFactory,
        InterviewPageFactory,
        VideoIndexPageFactory,
        VideoPageFactory,
        StudyIndexPageFactory,
        StudyPageFactory,
        SocialNetworksPageFactory,
        ContactPageFactory,
        TestimonyIndexPageFactory,
        TestimonyPageFactory,
        TestimonyFormPageFactory,
        ResourceIndexPageFactory,
        HarassmentGuidePageFactory,
    ]
}

__all__ = ["PAGE_FACTORIES", "AssociationFactory", "HarassmentTypeFactory", "HelplineFactory"]
