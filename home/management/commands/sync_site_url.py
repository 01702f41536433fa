from django.core.management.base import BaseCommand, CommandError

from home.sites import sync_default_site


class Command(BaseCommand):
    help = "Set the default Wagtail site's host name and port from SITE_URL (run after migrate; idempotent)."

    def handle(self, *args, **options):
        try:
            site = sync_default_site()
        except ValueError as error:
            raise CommandError(f"{error} (run load_demo_content, or create the site in the admin)") from error
        self.stdout.write(self.style.SUCCESS(f"Default site: {site.root_url}/"))
