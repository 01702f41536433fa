"""Draw the site's default share cards and logo into the static files (run once, results committed)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from campagne.share_images import draw_brand_card, draw_logo
from home.sharing import BRAND_CARD, BRAND_LOGO


class Command(BaseCommand):
    help = "Draw the default share image of each language (1200 × 630 PNG) and the square logo into static/img/."

    def handle(self, *args, **options):
        static = Path(settings.PROJECT_DIR) / "static"
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                data = draw_brand_card(
                    _("Plus forts, ensemble !"), _("Témoigner, lire, trouver de l'aide près de chez soi")
                )
            target = static / BRAND_CARD.format(language=code)
            target.write_bytes(data)
            self.stdout.write(f"{target} ({len(data)} bytes)")
        target = static / BRAND_LOGO
        target.write_bytes(draw_logo(512))
        self.stdout.write(f"{target}")
