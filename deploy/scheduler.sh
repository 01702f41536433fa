#!/bin/sh
# The scheduled jobs of the container deployment (deploy/compose.yaml, service scheduler),
# as deploy/systemd's timers or deploy/cron.example run them on a host:
#   publish_scheduled  every SCHEDULER_INTERVAL seconds (300);
#   backup_db          once a day, from 02:15 (encrypted to BACKUP_AGE_RECIPIENTS, which must
#                      be in .env; older than BACKUP_RETENTION_DAYS deleted);
#   purge_personal_data  once a day, from 03:30 (the retention limits of settings/base.py).
# A daily job runs at the first check past its time and is remembered by date, so a late
# check (a slow command, a restart) never skips a day; a failed job is tried again at the
# next check.
set -u
# Backups and anything else written in var/: readable by this user only.
umask 077
PYTHON=${PYTHON:-python}
INTERVAL=${SCHEDULER_INTERVAL:-300}
backed_up=""
purged=""
while :; do
    $PYTHON manage.py publish_scheduled || echo "scheduler: publish_scheduled failed" >&2
    today=$(date +%F)
    now=$(date +%H%M)
    if [ "$now" -ge 215 ] && [ "$backed_up" != "$today" ]; then
        if $PYTHON manage.py backup_db; then backed_up=$today; else echo "scheduler: backup_db failed" >&2; fi
    fi
    if [ "$now" -ge 330 ] && [ "$purged" != "$today" ]; then
        if $PYTHON manage.py purge_personal_data; then purged=$today; else echo "scheduler: purge_personal_data failed" >&2; fi
    fi
    sleep "$INTERVAL"
done
