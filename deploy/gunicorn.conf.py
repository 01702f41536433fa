"""gunicorn settings for Parlons Harcèlement (``gunicorn -c deploy/gunicorn.conf.py``).

Every value can be overridden from the environment (GUNICORN_*), listed in the README.
Bound to 127.0.0.1: nginx (deploy/nginx/parlons.conf) is the only thing facing the
internet. The access log is off here: nginx keeps one, without client addresses on the
testimony paths; gunicorn's own would repeat the request lines.
"""

import multiprocessing
import os
import random
import resource


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the site is CPU-bound rendering (or served from the page cache) with short
# database queries, and on one host PostgreSQL (and Redis) share the same cores. So one
# worker per core plus one to cover a worker waiting on the disk or the network, not
# gunicorn's 2 × cores + 1 (written for workers that mostly wait): more workers than that
# only share the cores, which stretches the slowest requests. bench/run.py, 200 different
# searches 8 at once on 2 cores with PostgreSQL: 5 workers 141 req/s, p95 120 ms, p99 300 ms;
# 3 workers 163 req/s, p95 94 ms, p99 116 ms. With the database on its own host, raise it
# (GUNICORN_WORKERS). Capped to bound memory.
workers = _int("GUNICORN_WORKERS", min(multiprocessing.cpu_count() + 1, 9))
threads = _int("GUNICORN_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"
# Load the app before forking: workers share its memory pages (copy-on-write).
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() in {"1", "true", "yes"}
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# No recycling by request count: a cached page takes about a millisecond, so any count a leak
# would need is reached by every worker within seconds, all together, and each new worker
# stalls the requests queued behind it while it warms up (templates, connections). A worker is
# recycled instead when its memory passes its own limit, drawn at fork between 85 % and 100 % of
# GUNICORN_MAX_WORKER_MEMORY_MB (see post_request): workers under the same load grow alike, and
# equal limits would have them restart together. GUNICORN_MAX_REQUESTS still sets gunicorn's own
# count if a host wants one.
max_requests = _int("GUNICORN_MAX_REQUESTS", 0)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", max_requests // 2)
max_worker_memory_mb = _int("GUNICORN_MAX_WORKER_MEMORY_MB", 200)
# Behind nginx on the same host: trust its X-Forwarded-* headers only from localhost.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Limits on the request line and headers (the body limit is nginx's client_max_body_size
# and Django's DATA_UPLOAD_MAX_MEMORY_SIZE).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "warning")
proc_name = "parlons"
# gunicorn ≥ 25.1 opens a control socket (for ``gunicornc``) in $XDG_RUNTIME_DIR or
# $HOME/.gunicorn, and logs an error at every start where that is not writable: the image's
# read-only /app, systemd's ProtectHome. Off unless GUNICORN_CONTROL_SOCKET names a path.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
# Temporary files of the worker heartbeat in memory, not on a possibly slow disk.
# /dev/shm is a private tmpfs per container/host; the heartbeat file is not sensitive.
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or ("/dev/shm" if os.path.isdir("/dev/shm") else None)  # noqa: S108  # nosec B108


def post_fork(server, worker):
    # Database connections must never be shared across forked workers.
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()
    worker.memory_limit_kib = max_worker_memory_mb * 1024 * random.uniform(0.85, 1.0)  # noqa: S311  # nosec B311


def post_request(worker, req, environ, resp):
    # ru_maxrss is the worker's peak resident memory in KiB (Linux): one system call, no file read.
    # The worker finishes this request, then exits; the arbiter starts a fresh one from the preloaded app.
    limit = getattr(worker, "memory_limit_kib", max_worker_memory_mb * 1024)
    if max_worker_memory_mb and resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > limit:
        worker.log.info("Worker %s above %s MB: recycling it", worker.pid, max_worker_memory_mb)
        worker.alive = False
