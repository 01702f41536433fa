from django.core.management.base import BaseCommand
from wagtail.models import Page

from site_parlons.demo.content import load_demo_content


class Command(BaseCommand):
    help = "Build the demo site (French tree and its English translation). Idempotent."

    def handle(self, *args, **options):
        before = Page.objects.count()
        load_demo_content()
        after = Page.objects.count()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {after} pages ({after - before} created)."))
