import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the admin superuser if missing; password from ADMIN_PASSWORD or generated and printed once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))

    def handle(self, *args, username, **options):
        User = get_user_model()
        password = os.environ.get("ADMIN_PASSWORD", "")
        user = User.objects.filter(username=username).first()
        if user is not None:
            if password:
                user.set_password(password)
                user.save(update_fields=["password"])
                self.stdout.write(f"Admin '{username}': password reset from ADMIN_PASSWORD.")
            else:
                self.stdout.write(
                    f"Admin '{username}' already exists (password printed when it was created; "
                    "set ADMIN_PASSWORD to reset it)."
                )
            return
        generated = not password
        password = password or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS(f"Admin created — login: {username}  password: {password}"))
        if generated:
            self.stdout.write("This generated password is shown only once: note it now.")
