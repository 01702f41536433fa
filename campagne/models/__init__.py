"""Campaign pages modelled on the press kit: édito, interviews, videos, studies,
social networks and press contacts."""

from .contact import ContactFormField, ContactPage, PressContact
from .edito import EditoPage
from .interviews import InterviewIndexPage, InterviewPage, InterviewPageTag
from .querysets import CampaignPageQuerySet
from .social import SocialNetworksPage
from .studies import StudyIndexPage, StudyPage
from .videos import VideoIndexPage, VideoPage, VideoPageTag

__all__ = [
    "CampaignPageQuerySet",
    "ContactFormField",
    "ContactPage",
    "EditoPage",
    "InterviewIndexPage",
    "InterviewPage",
    "InterviewPageTag",
    "PressContact",
    "SocialNetworksPage",
    "StudyIndexPage",
    "StudyPage",
    "VideoIndexPage",
    "VideoPage",
    "VideoPageTag",
]
