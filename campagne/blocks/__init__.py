"""StreamField blocks of the campaign pages (videos, charts, key figures, Q&A, people).

The editorial blocks every app shares (heading, paragraph, quote, image, button) stay in
``home.blocks``; these add what the campaign pages need and are grouped in the chooser.
"""

from .charts import ChartBlock, ChartRowBlock, KeyFigureBlock
from .interview import QuestionAnswerBlock
from .media import VideoBlock
from .people import PartnerBlock, SignatoryBlock
from .streams import CampaignStreamBlock, InterviewQAStreamBlock, KeyFiguresBlock, PartnersStreamBlock, SignatoriesBlock

__all__ = [
    "CampaignStreamBlock",
    "ChartBlock",
    "ChartRowBlock",
    "InterviewQAStreamBlock",
    "KeyFigureBlock",
    "KeyFiguresBlock",
    "PartnerBlock",
    "PartnersStreamBlock",
    "QuestionAnswerBlock",
    "SignatoriesBlock",
    "SignatoryBlock",
    "VideoBlock",
]
