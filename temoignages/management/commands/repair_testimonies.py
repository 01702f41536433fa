from django.core.management.base import BaseCommand

from temoignages.services import repair_missing_pages


class Command(BaseCommand):
    help = "Create the draft page and start the moderation workflow for every pending testimony that lacks them."

    def handle(self, *args, **options):
        done = repair_missing_pages()
        self.stdout.write(
            f"repair_testimonies: {done['pages']} draft pages created, {done['workflows']} workflows started, "
            f"{done['failed']} failures."
        )
        if done["failed"]:
            raise SystemExit(1)
