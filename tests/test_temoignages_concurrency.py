"""50 testimonies posted at the same moment (PostgreSQL): 50 records, 50 drafts in the workflow."""

import threading

import pytest
from django.core.cache import cache
from django.db import connection, connections
from django.test import Client
from wagtail.models import WorkflowState

from temoignages import models as tm
from tests.factories.temoignages import build_testimony_section, valid_data

PARALLEL = 50


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)")
@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_submissions_all_become_drafts_in_the_workflow(home):
    cache.clear()
    index, form_page = build_testimony_section(home)
    payloads = [valid_data(form_page, story=f"Récit numéro {i} envoyé en même temps que les autres.") for i in range(PARALLEL)]
    barrier = threading.Barrier(PARALLEL)
    statuses, errors = [], []

    def post(i):
        try:
            client = Client()
            barrier.wait(timeout=60)
            response = client.post(form_page.url, payloads[i], REMOTE_ADDR=f"10.0.{i // 250}.{i % 250 + 1}")
            statuses.append(response.status_code)
        except Exception as exc:  # collected and asserted below
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(i,)) for i in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert errors == []
    assert statuses == [200] * PARALLEL
    assert tm.TestimonySubmission.objects.count() == PARALLEL
    drafts = tm.TestimonyPage.objects.child_of(index).filter(live=False)
    assert drafts.count() == PARALLEL
    assert tm.TestimonySubmission.objects.filter(page__isnull=True).count() == 0
    in_progress = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS, object_id__in=[str(p) for p in drafts.values_list("pk", flat=True)])
    assert in_progress.count() == PARALLEL
    # The tree is consistent: unique paths, the parent's child count matches.
    paths = list(drafts.values_list("path", flat=True))
    assert len(set(paths)) == PARALLEL
    index.refresh_from_db()
    assert index.numchild == index.get_children().count()
