"""``manage.py create_member``: a member in one group, and a one-time link to choose a password."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings

from home.roles import GROUP_NAME as REDACTION
from temoignages.moderation import GROUP_NAME as MODERATION

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/admin/password_reset/confirm/\S+/")
PASSWORD = "Un-mot-de-passe-long-2026"


def create(*args: str) -> str:
    out = StringIO()
    call_command("create_member", *args, stdout=out)
    return out.getvalue()


def set_password(link: str) -> Client:
    """Follow the printed link as the member would, and choose a password."""
    client = Client()
    path = link.removeprefix("http://testserver")
    form = client.get(path, follow=True)
    assert form.status_code == 200
    assert b'name="new_password1"' in form.content, "the link shows Wagtail's set-password form"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done.status_code == 302
    assert done["Location"] == "/admin/password_reset/complete/"
    return client


@override_settings(WAGTAILADMIN_BASE_URL="http://testserver")
def test_the_printed_link_sets_the_password_once_then_the_member_logs_in():
    out = create("claire", "--role", "redaction", "--email", "claire@example.org", "--first-name", "Claire")
    user = get_user_model().objects.get(username="claire")
    assert not user.has_usable_password()
    assert (user.email, user.first_name, user.last_name) == ("claire@example.org", "Claire", "")
    assert list(user.groups.values_list("name", flat=True)) == [REDACTION]
    assert not user.is_superuser and not user.is_staff
    assert not user.user_permissions.exists()
    assert "expires in 3 days" in out and "works once" in out

    link = LINK.search(out).group(0)
    set_password(link)

    member = Client()
    assert member.login(username="claire", password=PASSWORD)
    assert member.get("/admin/").status_code == 200

    # The token died with the old password: the same link now says it is invalid.
    again = Client().get(link.removeprefix("http://testserver"), follow=True)
    assert b'name="new_password1"' not in again.content


@override_settings(WAGTAILADMIN_BASE_URL="https://admin.example.org")
def test_the_link_is_on_the_admin_base_url():
    out = create("nina", "--role", "redaction")
    assert LINK.search(out).group(0).startswith("https://admin.example.org/admin/password_reset/confirm/")


@override_settings(ADMIN_2FA_REQUIRED=True, ADMIN_2FA_REQUIRED_GROUPS=[MODERATION])
def test_a_moderator_is_told_about_the_second_factor():
    out = create("momo", "--role", "moderation")
    user = get_user_model().objects.get(username="momo")
    assert list(user.groups.values_list("name", flat=True)) == [MODERATION]
    assert "second factor" in out
    assert "second factor" not in create("remi", "--role", "redaction")


@override_settings(ADMIN_2FA_REQUIRED=False)
def test_no_second_factor_notice_when_it_is_off():
    assert "second factor" not in create("momo", "--role", "moderation")


def test_an_existing_username_is_refused_and_left_alone(django_user_model):
    existing = django_user_model.objects.create_user("claire", "c@example.org", PASSWORD)
    with pytest.raises(CommandError, match="already exists"):
        create("claire", "--role", "moderation")
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)
    assert not existing.groups.exists()


def test_an_unknown_role_is_refused():
    with pytest.raises(CommandError, match="Unknown role 'admin'"):
        create("zoe", "--role", "admin")
    assert not get_user_model().objects.filter(username="zoe").exists()


def test_errors_exit_with_code_1(tmp_path):
    import subprocess
    import sys

    from django.conf import settings

    result = subprocess.run(
        [sys.executable, "manage.py", "create_member", "zoe", "--role", "admin"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "site_parlons.settings.test", "VAR_DIR": str(tmp_path)},
        timeout=120,
    )
    assert result.returncode == 1
    assert "Unknown role 'admin'" in result.stderr
