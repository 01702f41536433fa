from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from home.roles import get_redaction_group
from site_parlons.twofactor.otp import is_required_for
from temoignages.moderation import get_moderators_group

#: --role value → the group's getter (which recreates the group if it is missing).
ROLES = {
    "redaction": get_redaction_group,
    "moderation": get_moderators_group,
}


def set_password_link(user) -> str:
    """Wagtail's « choose a new password » page for ``user``, on the admin's public address.

    Django's token is derived from the password hash and the last login: it stops working as
    soon as a password is set (or the member logs in), and after ``PASSWORD_RESET_TIMEOUT``.
    """
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _duration(seconds: int) -> str:
    delta = timedelta(seconds=seconds)
    if delta.days and not delta.seconds:
        return f"{delta.days} day{'s' if delta.days > 1 else ''}"
    return f"{seconds // 3600} hours" if seconds >= 3600 else f"{seconds // 60} minutes"


class Command(BaseCommand):
    help = (
        "Create an admin member in « Rédaction » (campaign pages, images, documents, help directory) "
        "or « Modérateurs » (testimonies) and print a one-time link to choose a password."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, help="redaction or moderation")
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, username, role, email, first_name, last_name, **options):
        if role not in ROLES:
            raise CommandError(f"Unknown role '{role}': choose one of {', '.join(ROLES)}.")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"User '{username}' already exists: nothing changed. Choose another username.")
        with transaction.atomic():
            user = User(username=username, email=email, first_name=first_name, last_name=last_name)
            # No password until the member chooses one through the link below.
            user.set_unusable_password()
            user.save()
            group = ROLES[role]()
            user.groups.set([group])

        self.stdout.write(self.style.SUCCESS(f"Member '{username}' created in the group « {group.name} »."))
        self.stdout.write(f"Link to choose a password (send it to the member only):\n{set_password_link(user)}")
        self.stdout.write(
            f"It works once and expires in {_duration(settings.PASSWORD_RESET_TIMEOUT)} (PASSWORD_RESET_TIMEOUT)."
        )
        if email:
            self.stdout.write(
                f"A lost password: « Mot de passe oublié ? » on the login page e-mails {email} a new link."
            )
        else:
            self.stdout.write("No e-mail address: a lost password is reset by a superuser (Paramètres › Utilisateurs).")
        if is_required_for(user):
            self.stdout.write(
                "At the first login the admin will ask them to set up a second factor "
                "(an authenticator app), then a code at each login."
            )
