"""The « Modérateurs » group, its permissions and the « Modération des témoignages » workflow.

``ensure_moderation_setup`` is idempotent and takes an app registry, so the data migration
(historical models) and the running site (after a database flush, for a new index page)
share the same definition of "exactly the permissions moderators need".
"""

from __future__ import annotations

from django.apps import apps as global_apps

GROUP_NAME = "Modérateurs"
WORKFLOW_NAME = "Modération des témoignages"
TASK_NAME = "Relecture par l'équipe de modération"

#: Wagtail's migrations name their stock workflow and task after the groups that could publish.
STOCK_WORKFLOW_NAME = "Moderators approval"
FRENCH_WORKFLOW_NAME = "Relecture avant publication"
FRENCH_TASK_NAME = "Relecture par un modérateur"

#: (app_label, model, codename, name): the global permissions of the group, nothing more.
GROUP_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("temoignages", "testimonysubmission", "view_testimonysubmission", "Can view témoignage reçu"),
    ("temoignages", "testimonysubmission", "change_testimonysubmission", "Can change témoignage reçu"),
    ("temoignages", "testimonysubmission", "export_testimonysubmission", "Peut exporter les témoignages reçus"),
]
#: Page permissions on each testimony index (and so on every testimony under it).
PAGE_PERMISSIONS = ["change_page", "publish_page"]


def _permission(apps, app_label: str, model: str, codename: str, name: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})
    return permission


def ensure_moderation_setup(apps=global_apps):
    """Create (or complete) the group, the task, the workflow and assign it to every testimony index."""
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    TestimonyIndexPage = apps.get_model("temoignages", "TestimonyIndexPage")

    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set([_permission(apps, *spec) for spec in GROUP_PERMISSIONS])

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True, content_type=task_type)
    task.groups.add(group)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    for index_id in TestimonyIndexPage.objects.values_list("pk", flat=True):
        assign_to_index(index_id, workflow, group, apps)
    return workflow


def rename_stock_workflow(apps=global_apps) -> int:
    """Rename Wagtail's stock workflow and task in French, only while they keep their stock
    name (a name chosen by an administrator stays). Returns how many objects were renamed."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    renamed = Workflow.objects.filter(name=STOCK_WORKFLOW_NAME).update(name=FRENCH_WORKFLOW_NAME)
    return renamed + Task.objects.filter(name=STOCK_WORKFLOW_NAME).update(name=FRENCH_TASK_NAME)


def assign_to_index(index_id: int, workflow, group, apps=global_apps) -> None:
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage.objects.update_or_create(page_id=index_id, defaults={"workflow": workflow})
    for codename in PAGE_PERMISSIONS:
        permission = _permission(apps, "wagtailcore", "page", codename, codename.replace("_", " "))
        GroupPagePermission.objects.get_or_create(group=group, page_id=index_id, permission=permission)


def get_moderation_workflow():
    """The live workflow object; recreated if missing (e.g. after a test flushed the database)."""
    from wagtail.models import Workflow

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is None or not workflow.workflow_tasks.exists():
        ensure_moderation_setup()
        workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    return workflow


def get_moderators_group():
    from django.contrib.auth.models import Group

    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is None:
        ensure_moderation_setup()
        group = Group.objects.get(name=GROUP_NAME)
    return group


def is_moderator(user) -> bool:
    return bool(user and user.is_active and (user.is_superuser or user.groups.filter(name=GROUP_NAME).exists()))
