"""Run the e-mail queue inside a test, as the worker (``db_worker --backend email``) does."""


def queued_mail():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(backend_name="email")


def run_mail_queue(limit: int = 100) -> int:
    """Run every e-mail task that is due with django-tasks-db's own ``Worker.run_task``; how many ran.

    (``db_worker --batch`` itself opens an exclusive transaction, which SQLite refuses inside the
    test's transaction; the claim-then-run sequence is the same.)
    """
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="email",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
    )
    ran = 0
    while ran < limit and (result := queued_mail().ready().first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran
