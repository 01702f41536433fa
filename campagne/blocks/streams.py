"""The stream blocks used by the campaign page fields."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import BaseStreamBlock

from .charts import ChartBlock, KeyFigureBlock
from .interview import QuestionAnswerBlock
from .media import VideoBlock
from .people import PartnerBlock, SignatoryBlock

STREAM_TEMPLATE = "components/streamfield/stream_block.html"


class CampaignStreamBlock(BaseStreamBlock):
    """The shared editorial blocks plus a video, a chart and a key figure."""

    video = VideoBlock()
    chart = ChartBlock()
    key_figure = KeyFigureBlock()

    class Meta:
        template = STREAM_TEMPLATE


class InterviewQAStreamBlock(blocks.StreamBlock):
    question_answer = QuestionAnswerBlock()

    class Meta:
        template = STREAM_TEMPLATE


class KeyFiguresBlock(blocks.StreamBlock):
    key_figure = KeyFigureBlock()

    class Meta:
        template = "components/streamfield/key_figures_stream.html"


class SignatoriesBlock(blocks.StreamBlock):
    signatory = SignatoryBlock()

    class Meta:
        template = "components/streamfield/signatories_stream.html"


class PartnersStreamBlock(blocks.StreamBlock):
    partner = PartnerBlock()

    class Meta:
        template = "components/streamfield/partners_stream.html"
        label = _("Partenaires relayés")
