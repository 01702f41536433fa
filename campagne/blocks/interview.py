"""The questions and answers of an interview."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label=_("question"), max_length=300, help_text=_("La question posée, telle qu'on la lit.")
    )
    answer = blocks.RichTextBlock(
        label=_("réponse"), features=RICH_TEXT_FEATURES, help_text=_("La réponse de la personne interviewée.")
    )

    class Meta:
        template = "components/streamfield/blocks/question_answer_block.html"
        icon = "help"
        label = _("Question et réponse")
        description = _("Une question de l'équipe et la réponse de la personne interviewée.")
        group = _("Interview")
        preview_value = {
            "question": "Comment savoir si ce que je vis est du harcèlement ?",
            "answer": "<p>Quand des propos ou des gestes qui vous blessent se répètent, il faut en parler.</p>",
        }
