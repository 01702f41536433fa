"""Every retention limit of the site in one nightly command (systemd timer, scheduler, cron)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from campagne.retention import purge_contact_messages
from search.retention import purge_search_terms
from site_parlons.ops.mail import purge_finished_tasks
from temoignages.retention import purge as purge_testimonies


class Command(BaseCommand):
    help = (
        "Erase the personal data past its retention delay: testimonies and the messages with their authors "
        "(as purge_testimonies), contact "
        "messages (CONTACT_RETENTION_DAYS), raw search terms (SEARCH_TERMS_RETENTION_DAYS) and finished "
        "e-mail tasks (EMAIL_TASK_RETENTION_DAYS). Prints a count per kind. Idempotent; run daily."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        testimonies = purge_testimonies(now)
        counts = [
            ("rejected testimonies erased", testimonies["rejected"]),
            ("withdrawn testimonies erased", testimonies["withdrawn"]),
            ("undecided testimonies erased", testimonies["pending"]),
            ("overdue testimonies reported to the moderators", testimonies["alerted"]),
            ("published testimonies' e-mails and original texts erased", testimonies["personal_data"]),
            ("old testimony revisions deleted", testimonies["revisions"]),
            ("messages with testimonies' authors erased", testimonies["messages"]),
            ("contact messages erased", purge_contact_messages(now)),
            ("search terms erased", purge_search_terms(now)),
            # Last: the alerts queued above are not finished yet, and are kept.
            ("finished e-mail tasks deleted", purge_finished_tasks(now)),
        ]
        for label, count in counts:
            self.stdout.write(f"{label}: {count}")
