"""The « Rédaction » group: campaign members who edit the site, never the testimonies.

``ensure_redaction_setup`` is idempotent and takes an app registry, so the data migration
(historical models), the running site (a new home page, a database flushed by a test) and
``create_member`` share one definition of what an editor may do. The testimony subtree stays
out of reach whatever is granted on a home page above it: ``temoignages.permissions`` narrows
every page permission to moderators there.
"""

from __future__ import annotations

from django.apps import apps as global_apps

GROUP_NAME = "Rédaction"

#: (app_label, model, codename, name): the group's global permissions, nothing more.
GROUP_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("wagtail_localize", "translation", "submit_translation", "Can submit translations"),
]

#: Snippets the group adds, changes, deletes and views. Public editorial content only: the
#: testimonies' private records and the suicidal-risk words belong to the moderators.
#: A new editorial snippet (e.g. the content-warning themes) is added here.
SNIPPET_MODELS = [
    ("ressources", "association"),
    ("ressources", "helpline"),
    ("home", "harassmenttype"),
    ("home", "contentwarningtheme"),
]
SNIPPET_ACTIONS = ["add", "change", "delete", "view"]

#: Page permissions on each home page (French, English): the whole campaign tree below it.
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]

#: Permissions on the root collection (and so every collection under it).
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]


def _permission(apps, app_label: str, model: str, codename: str, name: str = ""):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name or codename.replace("_", " ")}
    )
    return permission


def _snippet_permissions(apps) -> list:
    permissions = []
    for app_label, model in SNIPPET_MODELS:
        try:
            apps.get_model(app_label, model)
        except LookupError:
            # A snippet listed before its app's migration exists: granted on the next run.
            continue
        permissions += [
            _permission(apps, app_label, model, f"{action}_{model}", f"Can {action} {model}")
            for action in SNIPPET_ACTIONS
        ]
    return permissions


def ensure_redaction_setup(apps=global_apps):
    """Create (or complete) the group with exactly its permissions, on every home page."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set([_permission(apps, *spec) for spec in GROUP_PERMISSIONS] + _snippet_permissions(apps))

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, model, codenames in COLLECTION_PERMISSIONS:
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(apps, app_label, model, codename)
                )

    HomePage = apps.get_model("home", "HomePage")
    for home_id in HomePage.objects.values_list("pk", flat=True):
        assign_to_home(home_id, group, apps)
    return group


def assign_to_home(home_id: int, group, apps=global_apps) -> None:
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for codename in PAGE_PERMISSIONS:
        permission = _permission(apps, "wagtailcore", "page", codename)
        GroupPagePermission.objects.get_or_create(group=group, page_id=home_id, permission=permission)


def get_redaction_group():
    """The live group; recreated if missing (e.g. after a test flushed the database)."""
    from django.contrib.auth.models import Group

    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is None:
        group = ensure_redaction_setup()
    return group


def on_home_created(sender, instance, created, raw=False, **kwargs):
    """A new home page (a new language, the demo's tree) is editable by « Rédaction » at once."""
    if created and not raw:
        assign_to_home(instance.pk, get_redaction_group())
