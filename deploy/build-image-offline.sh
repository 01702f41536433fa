#!/usr/bin/env bash
# Build and smoke-test the production image (deploy/Dockerfile) on a Debian bookworm
# machine that has no container registry (no Docker Hub) and no Docker daemon, only the
# Debian mirror and PyPI.
#
#   sudo deploy/build-image-offline.sh            # from the repository root or anywhere
#
# What it does, end to end:
#   1. installs podman + runc + debootstrap from the Debian mirror (no-op when present);
#   2. builds a local stand-in for docker.io/library/python:3.11-slim-bookworm
#      (debootstrap minbase + Debian's python3.11, python/python3 in /usr/local/bin)
#      and tags it with that exact name, so deploy/Dockerfile builds UNCHANGED;
#   3. builds deploy/Dockerfile (pip fetches from PyPI inside the build);
#   4. runs it with a throwaway SECRET_KEY (and encryption key) and SQLite in a throwaway volume: migrate, start
#      gunicorn with the same hardening as deploy/compose.yaml (read-only root, tmpfs /tmp,
#      no capabilities, no-new-privileges), expects 200 from /healthz and from the image's
#      own HEALTHCHECK command, checks every process runs as uid 10001, that /app is not
#      writable by it, and that the image holds no database, .env, .venv, .git, node_modules;
#   5. removes the test container, volume, rootfs and tarball (the images are kept).
# Exits non-zero on the first failure and prints the duration of each step.
#
# Sandbox quirks handled here (they are not Dockerfile problems):
#   * no CAP_SYS_RESOURCE: podman's default ulimits (nofile=1048576) cannot be applied, so
#     a private containers.conf (CONTAINERS_CONF, /etc is not touched) sets ulimits equal to
#     the host's hard limits (nproc capped at 32768, the value podman lowers itself to);
#   * cgroup v1 with a cgroup v2 "hybrid" mount: crun refuses it ("cgroups in hybrid mode
#     not supported"), runc works, so runc is the runtime;
#   * HTTPS egress through an intercepting proxy with its own CA: pip in the build uses its
#     bundled certifi and fails, so the host's CA bundle and a two-line pip.conf are
#     bind-mounted into every RUN step (podman build -v). They are not copied into the
#     image; only empty mount-point files /etc/pip.conf and /etc/ssl/host-ca-bundle.crt
#     remain (a buildah 1.28 artefact). On a machine without interception this is a no-op.
#   * host networking for build and run: no bridge, no iptables/nftables rules left behind.
#
# Environment overrides:
#   IMAGE=localhost/parlons:offline  tag of the built image
#   PORT=8000                        host port for the smoke test (127.0.0.1 only)
#   WORKDIR=/tmp/parlons-offline-image   scratch directory (removed at the end)
#   DEBIAN_MIRROR / DEBIAN_SECURITY_MIRROR  default: taken from /etc/apt sources
#   GIT_REF=<ref>                    build from a clean `git archive <ref>` instead of the
#                                    working tree (the working tree is what docker build uses)
#   REBUILD_BASE=1                   rebuild the stand-in base even if it exists
#   NO_CACHE=1                       podman build --no-cache for the project image
#   KEEP_BUILD_CACHE=1               keep the build stage's dangling layers (faster re-runs,
#                                    ~1 GB); by default they are pruned
# Afterwards, use podman by hand with
#   CONTAINERS_CONF=/etc/parlons-offline-image/containers.conf podman ...
# (that small file is the only thing written outside WORKDIR and podman's own storage).

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMAGE="${IMAGE:-localhost/parlons:offline}"
PORT="${PORT:-8000}"
WORKDIR="${WORKDIR:-/tmp/parlons-offline-image}"
BASE_TAG="docker.io/library/python:3.11-slim-bookworm"
STANDIN_LABEL="org.parlons.offline-standin"
CONF_DIR="/etc/parlons-offline-image"
CTR="parlons-offline-smoke"
VOL="parlons-offline-smoke-var"

# ---------------------------------------------------------------- helpers
T0=$(date +%s)
STEP_NAME=""
STEP_T0=0
TIMINGS=()
log() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
step() {  # step "name": close the previous step (records its duration), open a new one
    local now; now=$(date +%s)
    if [[ -n "$STEP_NAME" ]]; then
        TIMINGS+=("$(printf '%5ss  %s' "$((now - STEP_T0))" "$STEP_NAME")")
        printf '    (%s: %ss)\n' "$STEP_NAME" "$((now - STEP_T0))"
    fi
    STEP_NAME="$1"; STEP_T0=$now
    [[ -n "$1" ]] && log "$1"
    return 0
}
cleanup() {  # always runs: remove the test container/volume and the scratch files
    local rc=$?
    set +e
    if command -v podman >/dev/null 2>&1; then
        podman rm -f -t 5 "$CTR" >/dev/null 2>&1
        podman volume rm -f "$VOL" >/dev/null 2>&1
    fi
    rm -rf "$WORKDIR"
    if [[ $rc -ne 0 ]]; then
        printf '\nFailed during step: %s (exit %s)\n' "${STEP_NAME:-?}" "$rc" >&2
    fi
    exit $rc
}
trap cleanup EXIT

[[ $(id -u) -eq 0 ]] || die "run as root (rootful podman; the sandbox has no user namespaces set up)"
grep -q 'VERSION_CODENAME=bookworm' /etc/os-release || die "this script targets Debian bookworm"
[[ -f "$REPO_ROOT/deploy/Dockerfile" ]] || die "deploy/Dockerfile not found under $REPO_ROOT"

# First "URIs:" (deb822) or "deb" (one-line) entry for the main archive / the security archive.
detect_mirror() {  # $1 = regex the URI must match, $2 = regex it must not match
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | sed -nE 's/^URIs:[[:space:]]*//p; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' \
        | tr ' ' '\n' | grep -E "$1" | grep -vE "$2" | head -n1 || true
}
DEBIAN_MIRROR="${DEBIAN_MIRROR:-$(detect_mirror '/debian/?$' 'security')}"
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
DEBIAN_SECURITY_MIRROR="${DEBIAN_SECURITY_MIRROR:-$(detect_mirror 'debian-security/?$' '^$')}"
DEBIAN_SECURITY_MIRROR="${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
echo "repository: $REPO_ROOT   image: $IMAGE   mirror: $DEBIAN_MIRROR ($DEBIAN_SECURITY_MIRROR)"

# ---------------------------------------------------------------- 1. host packages
step "1/6 install podman, runc, debootstrap (apt)"
PKGS=(podman runc debootstrap curl ca-certificates iproute2)
missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
    echo "already installed: ${PKGS[*]}"
fi

# Private containers.conf: runc, cgroupfs, ulimits the sandbox can grant (see header).
mkdir -p "$CONF_DIR" "$WORKDIR"
hard_nofile=$(ulimit -Hn); hard_nproc=$(ulimit -Hu)
[[ "$hard_nofile" == unlimited ]] && hard_nofile=1048576
[[ "$hard_nproc" == unlimited || "$hard_nproc" -gt 32768 ]] && hard_nproc=32768
cat > "$CONF_DIR/containers.conf" <<EOF
# Written by deploy/build-image-offline.sh; used through CONTAINERS_CONF only.
[containers]
default_ulimits = ["nofile=${hard_nofile}:${hard_nofile}", "nproc=${hard_nproc}:${hard_nproc}"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
export CONTAINERS_CONF="$CONF_DIR/containers.conf"
podman --version
# Can a container run at all here? (fails fast with the runtime's error if not)
podman info --format '{{.Host.OCIRuntime.Name}} {{.Host.CgroupsVersion}} {{.Store.GraphDriverName}}'

# ---------------------------------------------------------------- 2. stand-in base image
step "2/6 stand-in $BASE_TAG (debootstrap + Debian python3.11)"
existing_label=""
if podman image exists "$BASE_TAG"; then
    existing_label=$(podman image inspect --format "{{index .Labels \"$STANDIN_LABEL\"}}" "$BASE_TAG" 2>/dev/null || true)
fi
if podman image exists "$BASE_TAG" && [[ "$existing_label" != "1" ]]; then
    echo "a real $BASE_TAG is already in local storage: using it, no stand-in built"
elif podman image exists "$BASE_TAG" && [[ "${REBUILD_BASE:-0}" != 1 ]]; then
    echo "stand-in already built (REBUILD_BASE=1 to rebuild)"
else
    rootfs="$WORKDIR/rootfs"
    rm -rf "$rootfs"
    debootstrap --variant=minbase --include=ca-certificates bookworm "$rootfs" "$DEBIAN_MIRROR"
    # apt sources like the official Debian images (deb822, with updates and security).
    rm -f "$rootfs/etc/apt/sources.list"
    cat > "$rootfs/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $DEBIAN_MIRROR
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $DEBIAN_SECURITY_MIRROR
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs/debootstrap"
    tar --numeric-owner --xattrs -C "$rootfs" -cf "$WORKDIR/minbase.tar" .
    rm -rf "$rootfs"
    podman import "$WORKDIR/minbase.tar" localhost/parlons-offline-minbase:bookworm
    rm -f "$WORKDIR/minbase.tar"
    # What deploy/Dockerfile relies on from python:3.11-slim-bookworm: `python` on PATH,
    # `python -m venv` with pip, apt working, useradd/groupadd. Debian's python3.11 is
    # 3.11.2 (+ security fixes) in /usr/bin, the official image builds 3.11.x in /usr/local.
    mkdir -p "$WORKDIR/base"
    cat > "$WORKDIR/base/Containerfile" <<'EOF'
FROM localhost/parlons-offline-minbase:bookworm
LABEL org.parlons.offline-standin="1" \
      org.opencontainers.image.description="Local stand-in for python:3.11-slim-bookworm (Debian python3.11), built by deploy/build-image-offline.sh"
ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get -y upgrade \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates netbase tzdata python3.11 python3.11-venv python3-pip \
 && ln -sf /usr/bin/python3.11 /usr/local/bin/python3 \
 && ln -sf /usr/bin/python3.11 /usr/local/bin/python \
 && ln -sf /usr/bin/pip3 /usr/local/bin/pip \
 && ln -sf /usr/bin/pip3 /usr/local/bin/pip3 \
 && rm -f /usr/lib/python3.11/EXTERNALLY-MANAGED \
 && apt-get clean && rm -rf /var/lib/apt/lists/* \
 && python -m venv /tmp/venv-check && /tmp/venv-check/bin/pip --version && rm -rf /tmp/venv-check
CMD ["python3"]
EOF
    podman build --pull=never --network host -t "$BASE_TAG" "$WORKDIR/base"
    podman untag localhost/parlons-offline-minbase:bookworm   # its layer stays, as the parent
fi

# ---------------------------------------------------------------- 3. project image
step "3/6 podman build -f deploy/Dockerfile -t $IMAGE"
context="$REPO_ROOT"
if [[ -n "${GIT_REF:-}" ]]; then
    context="$WORKDIR/context"
    mkdir -p "$context"
    git -C "$REPO_ROOT" archive "$GIT_REF" | tar -x -C "$context"
    echo "context: git archive $GIT_REF ($(git -C "$REPO_ROOT" rev-parse --short "$GIT_REF"))"
else
    echo "context: working tree $REPO_ROOT (uncommitted changes included, as with docker build)"
fi
# pip inside RUN trusts the host's CA bundle (see header); nothing of it lands in the image.
printf '[global]\ncert = /etc/ssl/host-ca-bundle.crt\n' > "$WORKDIR/pip.conf"
build_args=(--format docker --pull=never --network host
            -v "$WORKDIR/pip.conf:/etc/pip.conf:ro"
            -v /etc/ssl/certs/ca-certificates.crt:/etc/ssl/host-ca-bundle.crt:ro
            -f "$context/deploy/Dockerfile" -t "$IMAGE")
[[ "${NO_CACHE:-0}" == 1 ]] && build_args+=(--no-cache)
podman build "${build_args[@]}" "$context"
podman image ls "$IMAGE"

# ---------------------------------------------------------------- 4. image contents
step "4/6 image contents (.dockerignore, user, writable paths)"
podman run --rm --network none --no-healthcheck "$IMAGE" sh -euc '
    test "$(id -u)" = 10001 || { echo "default user is $(id -u), expected 10001"; exit 1; }
    bad=$(find / -xdev \( -name "*.sqlite3*" -o -name ".env" -o -name ".env.*" -o -name ".git" \
          -o -name ".venv" -o -name node_modules -o -path /app/tests -o -path /app/bench/results \) \
          -not -path "/proc/*" 2>/dev/null || true)
    [ -z "$bad" ] || { echo "unexpected in image:"; echo "$bad"; exit 1; }
    [ -z "$(find /app/var /app/media -mindepth 1)" ] || { echo "/app/var or /app/media not empty"; exit 1; }
    if touch /app/.write-test 2>/dev/null; then echo "/app is writable by uid 10001"; exit 1; fi
    touch /app/var/.w /app/media/.w && rm /app/var/.w /app/media/.w
    python -c "import django, wagtail; print(\"python\", __import__(\"sys\").version.split()[0], \"django\", django.__version__, \"wagtail\", wagtail.__version__)"
    test -d /app/staticfiles && echo "staticfiles: $(find /app/staticfiles -type f | wc -l) files"
    command -v age >/dev/null && command -v pg_dump >/dev/null || { echo "age or pg_dump missing (backup_db)"; exit 1; }
    echo "image contents OK"'

# ---------------------------------------------------------------- 5. migrate + serve
step "5/6 migrate, start gunicorn, GET /healthz"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then die "127.0.0.1:$PORT is already in use (set PORT=...)"; fi
secret="offline-smoke-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
field_key="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_')"
run_env=(-e "SECRET_KEY=$secret" -e "FIELD_ENCRYPTION_KEYS=$field_key" -e ALLOWED_HOSTS=127.0.0.1,localhost -e "SITE_URL=http://127.0.0.1:$PORT" -e "GUNICORN_BIND=127.0.0.1:$PORT")
# Same hardening as deploy/compose.yaml's web service.
hardening=(--read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges)
podman rm -f "$CTR" >/dev/null 2>&1 || true
podman volume rm -f "$VOL" >/dev/null 2>&1 || true
podman volume create "$VOL" >/dev/null
# --no-healthcheck: podman would schedule it with systemd timers (none here); the image's
# HEALTHCHECK command is run by hand below instead.
podman run --rm --network host --no-healthcheck "${hardening[@]}" "${run_env[@]}" \
    -v "$VOL:/app/var" "$IMAGE" python manage.py migrate --noinput | tail -n 3
podman run -d --name "$CTR" --network host --no-healthcheck "${hardening[@]}" "${run_env[@]}" \
    -v "$VOL:/app/var" "$IMAGE" >/dev/null
code=000
for _ in $(seq 1 60); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz" || true)
    [[ "$code" == 200 ]] && break
    podman container exists "$CTR" && [[ "$(podman inspect -f '{{.State.Running}}' "$CTR")" == true ]] \
        || { podman logs "$CTR" || true; die "container exited"; }
    sleep 1
done
[[ "$code" == 200 ]] || { podman logs "$CTR" || true; die "GET /healthz returned $code"; }
# Host networking: make sure the answer came from this container's gunicorn (its pid 1
# owns the listening socket), not from another server started meanwhile on the same port.
ctr_pid=$(podman inspect -f '{{.State.Pid}}' "$CTR")
ss -ltnpH "sport = :$PORT" | grep -q "pid=$ctr_pid," \
    || { ss -ltnp "sport = :$PORT" || true; die "127.0.0.1:$PORT is not served by the container (pid $ctr_pid)"; }
echo "GET http://127.0.0.1:$PORT/healthz -> $code $(curl -s "http://127.0.0.1:$PORT/healthz")"
echo "GET http://127.0.0.1:$PORT/ -> $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/")"
# The image's own HEALTHCHECK (CMD-SHELL form), as docker would run it. It targets port
# 8000 inside the container; with host networking that is only right when PORT=8000.
if [[ "$PORT" == 8000 ]]; then
    hc=$(podman image inspect --format '{{range $i, $a := .HealthCheck.Test}}{{if $i}}{{$a}}{{end}}{{end}}' "$IMAGE")
    [[ -n "$hc" ]] || die "the image has no HEALTHCHECK (was it built with --format docker?)"
    podman exec "$CTR" sh -c "$hc" && echo "image HEALTHCHECK: OK"
fi
uids=$(podman top "$CTR" huser | tail -n +2 | sort -u | tr '\n' ' ')
echo "process uids: $uids"
[[ "$uids" == "10001 " ]] || die "processes not all running as uid 10001: $uids"
echo "--- container log (last lines)"
podman logs "$CTR" 2>&1 | tail -n 5

# ---------------------------------------------------------------- 6. cleanup
step "6/6 cleanup"
podman rm -f -t 10 "$CTR" >/dev/null
podman volume rm -f "$VOL" >/dev/null
# Dangling images of the build stage (~1 GB). Only ours: they carry the stand-in's label.
if [[ "${KEEP_BUILD_CACHE:-0}" != 1 ]]; then
    podman image prune -f --filter "label=$STANDIN_LABEL=1" >/dev/null
fi
step ""
echo
echo "Timings:"
printf '  %s\n' "${TIMINGS[@]}"
echo "  total: $(( $(date +%s) - T0 ))s"
echo
echo "Built: $IMAGE ($(podman image inspect --format '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}'))"
echo "Use it: CONTAINERS_CONF=$CONF_DIR/containers.conf podman run --network host -e SECRET_KEY=... -e FIELD_ENCRYPTION_KEYS=... -e ALLOWED_HOSTS=... -e SITE_URL=... $IMAGE"
