"""The « Rédaction » group: everything a campaign editor needs, nothing about testimonies.

Its testimony side is in the role matrix (tests/test_roles_matrix.py); this file checks what
the group is given and that a member can do their job with it.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from campagne.models import EditoPage, InterviewIndexPage
from home.models import HomePage, StandardPage
from home.roles import GROUP_NAME, ensure_redaction_setup
from site_parlons.twofactor.otp import is_required_for
from temoignages.models import TestimonyFormPage, TestimonyIndexPage, TestimonyPage

pytestmark = pytest.mark.django_db

GLOBAL = {
    "access_admin",
    "submit_translation",
    *(
        f"{action}_{model}"
        for action in ("add", "change", "delete", "view")
        for model in (
            "association",
            "helpline",
            "harassmenttype",
            "contentwarningtheme",
        )
    ),
}
PAGE = {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
COLLECTION = {"add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"}


def granted(group: Group) -> tuple[set, set, set]:
    pages = {
        (entry.page_id, entry.permission.codename)
        for entry in GroupPagePermission.objects.filter(group=group).select_related("permission")
    }
    collections = set(
        GroupCollectionPermission.objects.filter(group=group, collection__depth=1).values_list(
            "permission__codename", flat=True
        )
    )
    return set(group.permissions.values_list("codename", flat=True)), pages, collections


def test_the_migration_creates_the_group_with_exactly_its_permissions():
    group = Group.objects.get(name=GROUP_NAME)
    permissions, pages, collections = granted(group)
    assert permissions == GLOBAL
    assert collections == COLLECTION
    assert not {name for name in permissions if "testimony" in name or "suicide" in name}


def test_every_home_page_and_only_home_pages_are_editable(demo_site):
    group = Group.objects.get(name=GROUP_NAME)
    homes = set(HomePage.objects.values_list("pk", flat=True))
    assert len(homes) == 2, "French and English home pages"
    _permissions, pages, _collections = granted(group)
    assert pages == {(home, codename) for home in homes for codename in PAGE}


def test_setting_up_twice_changes_nothing(demo_site):
    group = Group.objects.get(name=GROUP_NAME)
    before = granted(group)
    ensure_redaction_setup()
    ensure_redaction_setup()
    assert granted(Group.objects.get(name=GROUP_NAME)) == before
    assert Group.objects.filter(name=GROUP_NAME).count() == 1


def test_a_flushed_group_is_recreated_with_its_rights(demo_site, django_user_model):
    from home.roles import get_redaction_group

    Group.objects.filter(name=GROUP_NAME).delete()
    group = get_redaction_group()
    permissions, pages, collections = granted(group)
    assert (permissions, collections) == (GLOBAL, COLLECTION)
    assert {codename for _page, codename in pages} == PAGE


@pytest.fixture
def member(demo_site, django_user_model):
    user = django_user_model.objects.create_user("redac", "redac@example.org", "motdepasse-solide-123")
    user.groups.add(Group.objects.get(name=GROUP_NAME))
    return user


def fr(model):
    return model.objects.get(locale__language_code="fr")


def test_a_member_edits_and_publishes_campaign_pages_in_both_languages(member):
    for page in Page.objects.live().specific():
        if isinstance(page, (TestimonyIndexPage, TestimonyFormPage, TestimonyPage)) or page.depth == 1:
            continue
        tester = page.permissions_for_user(member)
        assert tester.can_edit() and tester.can_publish() and tester.can_lock(), page.url_path


def test_a_member_never_acts_on_the_testimony_subtree(member):
    for model in (TestimonyIndexPage, TestimonyFormPage, TestimonyPage):
        for page in model.objects.all():
            tester = page.permissions_for_user(member)
            assert not (tester.can_edit() or tester.can_publish() or tester.can_add_subpage()), page.url_path
            assert not tester.can_view_revisions()


def test_a_member_opens_the_screens_of_their_job(member):
    client = Client()
    client.force_login(member)
    edito = fr(EditoPage)
    interviews = fr(InterviewIndexPage)
    standard = StandardPage.objects.filter(locale__language_code="fr").first()
    for url in (
        "/admin/",
        f"/admin/pages/{fr(HomePage).pk}/",
        f"/admin/pages/{edito.pk}/edit/",
        f"/admin/pages/{standard.pk}/edit/",
        f"/admin/pages/add/campagne/interviewpage/{interviews.pk}/",
        f"/admin/localize/submit/page/{edito.pk}/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/snippets/ressources/association/",
        "/admin/snippets/ressources/association/add/",
        "/admin/snippets/ressources/helpline/",
        "/admin/snippets/home/harassmenttype/",
        "/admin/snippets/home/contentwarningtheme/",
        "/admin/snippets/home/contentwarningtheme/add/",
    ):
        assert client.get(url).status_code == 200, url


def test_a_member_is_kept_out_of_the_moderators_screens(member):
    client = Client()
    client.force_login(member)
    for url in (
        "/admin/snippets/temoignages/testimonysubmission/",
        "/admin/temoignages/export.csv",
        "/admin/snippets/ressources/suicideriskvocabulary/",
        f"/admin/pages/{fr(TestimonyIndexPage).pk}/edit/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/workflows/list/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url


def test_a_member_needs_no_second_factor(member, settings):
    settings.ADMIN_2FA_REQUIRED = True
    settings.ADMIN_2FA_REQUIRED_GROUPS = ["Modérateurs"]
    assert not is_required_for(member)
