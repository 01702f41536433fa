from django.core.management.base import BaseCommand

from temoignages.retention import purge, retention_days


class Command(BaseCommand):
    help = (
        "Erase rejected and withdrawn testimonies (with revisions and log entries) and the contact e-mails "
        "and original texts of published ones, and the messages exchanged with the authors of decided ones, "
        "TESTIMONY_RETENTION_DAYS after the decision; alert the "
        "moderators about testimonies pending past TESTIMONY_PENDING_ESCALATION_DAYS and erase those pending "
        "past TESTIMONY_PENDING_RETENTION_DAYS. Idempotent; run daily (purge_personal_data runs it)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override TESTIMONY_RETENTION_DAYS for this run.")

    def handle(self, *args, days=None, **options):
        days = retention_days() if days is None else days
        done = purge(days=days)
        self.stdout.write(
            f"purge_testimonies (retention {days} days): "
            f"{done['rejected']} rejected and {done['withdrawn']} withdrawn testimonies erased, "
            f"{done['pending']} testimonies erased undecided, "
            f"{done['alerted']} overdue testimonies reported to the moderators, "
            f"{done['personal_data']} contact e-mails and original texts erased, "
            f"{done['revisions']} old revisions deleted, "
            f"{done['messages']} messages with authors erased."
        )
