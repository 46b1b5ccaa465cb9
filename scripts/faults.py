"""Load and fault scripts against the real processes on 127.0.0.1 (issue 12).

    python scripts/faults.py load              [--full]
    python scripts/faults.py worker-kill       [--full]
    python scripts/faults.py postgres-restart  [--full]
    python scripts/faults.py all               [--full]

Each starts a stack of its own and takes it down afterwards, whatever happens:

- a THROWAWAY PostgreSQL cluster (`initdb` into a temporary directory, on a free port, its
  socket in that directory) — never the machine's shared cluster, which the test suite uses;
- a throwaway `redis-server` on a free port (broker in database 0, cache in database 1);
- gunicorn with the production settings on 127.0.0.1, static files collected;
- a real Celery worker (prefork).

The short mode (the default; the `load` tests in CI run it) takes a minute or two per
script and exempts 127.0.0.1 from the per-address limits. `--full` runs 200 learners and
200 QR check-ins: each client then sends an address of its own in `X-Forwarded-For`
(gunicorn trusts one proxy), so every limit applies and nothing is exempted.

Every script prints what it measured and exits non-zero when the site failed:

- load: requests/s, p50/p95/p99 and errors per kind of request (`manage.py load_test`);
  fails on any error or anyone not checked in;
- worker-kill: a bulk certificate run for a held session; the worker (main process and pool)
  is killed with SIGKILL mid-run and started again; fails unless every certificate exists
  exactly once, ready, with its one PDF;
- postgres-restart: load runs while the cluster is restarted (`pg_ctl restart -m fast`);
  counts the answers meanwhile: 503 "busy" apart from other failures; fails on any other
  5xx meanwhile, on a traceback in the web log, and on any 5xx or refused request that
  started after the database was back.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import glob
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Collected static files and a freshly migrated database, kept between runs (keyed by what
# they are made from): collectstatic and migrate take minutes on a busy 2-core machine.
CACHE = ROOT / "var" / "faults"
APPS = ("cms", "courses", "trainees", "certificates", "coverage")


def _files_key(paths, *, contents: bool) -> str:
    digest = hashlib.sha256()
    for top in paths:
        top = Path(top)
        files = sorted(top.rglob("*")) if top.is_dir() else [top]
        for path in files:
            if not path.is_file():
                continue
            digest.update(str(path.relative_to(ROOT)).encode())
            if contents:
                digest.update(path.read_bytes())
            else:
                stat = path.stat()
                digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def static_key() -> str:
    """What collectstatic reads: the apps' static folders, the npm and Python packages."""
    sources = [ROOT / app / "static" for app in APPS]
    sources += [ROOT / "package-lock.json", ROOT / ".stamp-venv"]
    sources += [ROOT / "node_modules" / ".stamp"]
    return _files_key(sources, contents=False)


def cache_keep_only(kept: Path) -> None:
    """Remove the older copies beside a new cache entry (`static-*`, `db-*.dump`)."""
    prefix = kept.name.split("-", 1)[0] + "-"
    for other in CACHE.glob(prefix + "*"):
        if other != kept:
            shutil.rmtree(other) if other.is_dir() else other.unlink()


def migrations_key() -> str:
    return _files_key(
        [ROOT / app / "migrations" for app in APPS] + [ROOT / ".stamp-venv"], contents=True
    )


class StackError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise StackError(f"{name} not found under /usr/lib/postgresql/*/bin")
    return found[-1]


def wait_for(condition, timeout: float, what: str, interval: float = 0.3):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise StackError(f"timed out after {timeout:.0f} s waiting for {what}")


def http_status(url: str, timeout: float = 10.0) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - 127.0.0.1
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


class Stack:
    """PostgreSQL, Redis, gunicorn and a Celery worker, all throwaway, on 127.0.0.1."""

    def __init__(self, *, full: bool = False, web_workers: int = 3, concurrency: int = 2):
        self.full = full
        self.web_workers = web_workers
        self.concurrency = concurrency
        # A short path: the PostgreSQL socket's path must stay under 108 bytes.
        self.root = Path(tempfile.mkdtemp(prefix="faults-"))
        self.pg_port, self.redis_port, self.web_port = free_port(), free_port(), free_port()
        self.processes: dict[str, subprocess.Popen] = {}
        self.logs: dict[str, Path] = {}
        # PostgreSQL refuses to run as root: as root, its directory goes to the postgres user.
        self.pg_home = self.root / "pg"
        self.pg_data = self.pg_home / "data"
        self.base_url = f"http://127.0.0.1:{self.web_port}"
        self.env = self._environment()

    # --- Environment ------------------------------------------------------------------------

    def _environment(self) -> dict:
        key = base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("=")
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_", "REDIS_", "PYTEST"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="cms.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            CERTIFICATE_SIGNING_KEY=f"faults:{key}",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{self.pg_port}/faults",
            CELERY_BROKER_URL=f"redis://127.0.0.1:{self.redis_port}/0",
            REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/1",
            SITE_BASE_URL=self.base_url,
            # Plain HTTP on 127.0.0.1: no TLS proxy in front.
            SECURE_SSL_REDIRECT="false",
            SECURE_HSTS_SECONDS="0",
            STATIC_ROOT=str(CACHE / f"static-{static_key()}"),
            MEDIA_ROOT=str(self.root / "media"),
            PRIVATE_MEDIA_ROOT=str(self.root / "private"),
            LOG_LEVEL="WARNING",
            PYTHONUNBUFFERED="1",
        )
        if self.full:
            # As behind one reverse proxy: each simulated phone has its own address.
            env["TRUSTED_PROXY_COUNT"] = "1"
        else:
            # The short mode only: CI's load all comes from 127.0.0.1.
            env["RATE_LIMIT_EXEMPT_ADDRESSES"] = "127.0.0.1"
        return env

    def run(self, *args: str, timeout: float = 300, check: bool = True):
        result = subprocess.run(  # noqa: S603 - fixed arguments
            args, cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if check and result.returncode:
            raise StackError(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def manage(self, *args: str, timeout: float = 300, check: bool = True):
        return self.run(PYTHON, "manage.py", *args, timeout=timeout, check=check)

    def _spawn(self, name: str, args: list[str]) -> subprocess.Popen:
        log = self.root / f"{name}.log"
        self.logs[name] = log
        with log.open("a") as out:
            process = subprocess.Popen(  # noqa: S603 - fixed arguments
                args, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT
            )
        self.processes[name] = process
        return process

    def log_tail(self, name: str, size: int = 3000) -> str:
        log = self.logs.get(name)
        return log.read_text(errors="replace")[-size:] if log and log.exists() else ""

    # --- PostgreSQL -------------------------------------------------------------------------

    def _postgres(self, name: str, *args: str, timeout: float = 120, check: bool = True):
        command = [postgres_bin(name), *args]
        if os.geteuid() == 0 and name in ("initdb", "pg_ctl"):  # the server refuses root
            command = ["runuser", "-u", "postgres", "--", *command]
        return self.run(*command, timeout=timeout, check=check)

    def _pg_ctl(self, *args: str, timeout: float = 120):
        options = f"-p {self.pg_port} -k {self.pg_home} -c listen_addresses=127.0.0.1"
        return self._postgres(
            "pg_ctl",
            "-D",
            str(self.pg_data),
            "-l",
            str(self.pg_home / "postgres.log"),
            "-w",
            "-t",
            str(int(timeout)),
            "-o",
            options,
            *args,
            timeout=timeout + 10,
        )

    def postgres_start(self):
        self.pg_home.mkdir()
        if os.geteuid() == 0:
            import pwd

            user = pwd.getpwnam("postgres")
            self.root.chmod(0o711)
            os.chown(self.pg_home, user.pw_uid, user.pw_gid)
        self._postgres(
            "initdb",
            "-D",
            str(self.pg_data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
            timeout=180,
        )
        self._pg_ctl("start")
        self._postgres(
            "createdb",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.pg_port),
            "-U",
            "postgres",
            "faults",
        )

    def postgres_ready(self) -> bool:
        return (
            self._postgres(
                "pg_isready",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.pg_port),
                "-t",
                "1",
                check=False,
                timeout=10,
            ).returncode
            == 0
        )

    def postgres_restart(self):
        self._pg_ctl("restart", "-m", "fast")

    def postgres_stop(self):
        if (self.pg_data / "postmaster.pid").exists():
            with contextlib.suppress(Exception):
                self._pg_ctl("stop", "-m", "immediate", timeout=30)

    def database_prepare(self):
        """Migrate, or restore the dump of a database migrated from the same migrations."""
        dump = CACHE / f"db-{migrations_key()}.dump"
        connect = ["-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres"]
        if dump.exists():
            self._postgres(
                "pg_restore", *connect, "-d", "faults", "--no-owner", "-j", "2", str(dump)
            )
            return
        self.manage("migrate", "--noinput", "-v0", timeout=900)
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = CACHE / f"partial-{secrets.token_hex(4)}.dump"
        self._postgres("pg_dump", *connect, "-Fc", "-f", str(partial), "faults")
        partial.replace(dump)
        cache_keep_only(dump)

    def static_collect(self):
        target = Path(self.env["STATIC_ROOT"])
        if (target / "staticfiles.json").exists():
            return
        partial = CACHE / f"partial-{secrets.token_hex(4)}"
        self.env["STATIC_ROOT"] = str(partial)
        try:
            self.manage("collectstatic", "--noinput", "-v0", timeout=900)
            if not (target / "staticfiles.json").exists():
                shutil.rmtree(target, ignore_errors=True)
                partial.rename(target)
                cache_keep_only(target)
        finally:
            self.env["STATIC_ROOT"] = str(target)
            shutil.rmtree(partial, ignore_errors=True)

    # --- Processes --------------------------------------------------------------------------

    def redis_start(self):
        self._spawn(
            "redis",
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.root),
            ],
        )

        def answers():
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.redis_port), timeout=1) as s,
            ):
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
            return False

        wait_for(answers, 30, "redis-server")

    def web_start(self):
        self._spawn(
            "gunicorn",
            [
                PYTHON,
                "-m",
                "gunicorn",
                "cms.wsgi",
                "--bind",
                f"127.0.0.1:{self.web_port}",
                "--workers",
                str(self.web_workers),
                "--timeout",
                "120",
                "--backlog",
                "2048",
            ],
        )
        wait_for(
            lambda: (
                http_status(f"{self.base_url}/healthz/db") == 200
                or self.processes["gunicorn"].poll() is not None
            ),
            120,
            "gunicorn",
        )
        if self.processes["gunicorn"].poll() is not None:
            raise StackError("gunicorn did not start:\n" + self.log_tail("gunicorn"))

    def worker_start(self):
        self._spawn(
            "worker",
            [
                PYTHON,
                "-m",
                "celery",
                "-A",
                "cms",
                "worker",
                "-P",
                "prefork",
                "-c",
                str(self.concurrency),
                "-l",
                "info",
                "-n",
                f"faults-{secrets.token_hex(4)}@%h",
                "--without-gossip",
                "--without-mingle",
            ],
        )
        wait_for(
            lambda: (
                "ready." in self.log_tail("worker", 100_000)
                or self.processes["worker"].poll() is not None
            ),
            120,
            "the Celery worker",
        )
        if self.processes["worker"].poll() is not None:
            raise StackError("the worker did not start:\n" + self.log_tail("worker"))

    def worker_kill(self):
        """SIGKILL the worker's main process and its pool: nothing is handed back."""
        process = self.processes.pop("worker")
        import psutil

        children = [child.pid for child in psutil.Process(process.pid).children(recursive=True)]
        for pid in [process.pid, *children]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        process.wait(timeout=30)

    def start(self):
        began = time.monotonic()
        steps = {}
        for name, step in (
            ("postgres", self.postgres_start),
            ("redis", self.redis_start),
            ("migrate", self.database_prepare),
            ("collectstatic", self.static_collect),
            ("worker", self.worker_start),
            ("gunicorn", self.web_start),
        ):
            step_began = time.monotonic()
            step()
            steps[name] = time.monotonic() - step_began
        self.started_in = time.monotonic() - began
        self.steps = steps
        return self

    def stop(self):
        for name in ("gunicorn", "worker", "redis"):
            process = self.processes.pop(name, None)
            if process is None or process.poll() is not None:
                continue
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        # A killed worker's pool children die with their parent's pipes; leave none behind.
        self.postgres_stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()


# --- Scripts ----------------------------------------------------------------------------


def load_arguments(stack: Stack, *, learners: int, checkins: int, duration: float) -> list[str]:
    args = [
        "load_test",
        "--base-url",
        stack.base_url,
        "--learners",
        str(learners),
        "--checkins",
        str(checkins),
        "--duration",
        str(duration),
        "--timeout",
        "180",
    ]
    if stack.full:
        args.append("--forwarded-for")
    return args


def script_load(stack: Stack, out=print) -> dict:
    """Learners read and answer while people check in by QR: the load_test table."""
    learners, checkins, duration = (200, 200, 60) if stack.full else (60, 60, 20)
    figures_file = stack.root / "load.json"
    result = stack.manage(
        *load_arguments(stack, learners=learners, checkins=checkins, duration=duration),
        "--json",
        str(figures_file),
        timeout=duration + 600,
    )
    out(result.stdout.rstrip())
    figures = json.loads(figures_file.read_text())
    errors = sum(kind["errors"] for kind in figures["kinds"].values())
    problems = []
    if errors:
        problems.append(f"{errors} requests failed")
    if figures["checked_in"] != checkins:
        problems.append(f"{figures['checked_in']} of {checkins} people checked in")
    figures["problems"] = problems
    return figures


CERTIFICATES_SETUP = r"""
import json, sys
from certificates.factories import held_session_with
from trainees.factories import (
    CommuneFactory, PersonFactory, ProvinceFactory, TeamFactory, TrainingSessionFactory,
    UserFactory,
)
from trainees.models import Role
from trainees.people.services import user_assign_role
count = int(sys.argv[1])
province = ProvinceFactory(code="98")
commune = CommuneFactory(province=province, code="F0001")
session = TrainingSessionFactory(commune=commune, title="Tập huấn chịu lỗi")
people = [PersonFactory(commune=commune, full_name=f"Lò Thị Mỷ {n}") for n in range(count)]
held_session_with(session, people)
trainer = user_assign_role(
    user=UserFactory(phone="0911999001"), role=Role.TRAINER,
    teams=[TeamFactory(communes=[commune])],
)
print(json.dumps({"session": session.pk, "trainer": trainer.pk}))
"""

CERTIFICATES_ISSUE = r"""
import json, sys
from certificates import services
from trainees.models import TrainingSession, User
ids = json.loads(sys.argv[1])
result = services.session_certificates_issue(
    session=TrainingSession.objects.get(pk=ids["session"]), by=User.objects.get(pk=ids["trainer"])
)
print(len(result.issued))
"""

CERTIFICATES_STATE = r"""
import json, os, sys
from django.db.models import Count
from certificates.models import Certificate
session = int(sys.argv[1])
certificates = Certificate.objects.filter(session_id=session)
per_person = certificates.values("recipient").annotate(n=Count("pk"))
state = {
    "people": int(sys.argv[2]),
    "certificates": certificates.count(),
    "duplicates": sum(1 for row in per_person if row["n"] != 1),
    "recipients": per_person.count(),
    "ready": certificates.filter(status="ready").count(),
    "statuses": sorted(set(certificates.values_list("status", flat=True))),
    "attempts": sorted(certificates.values_list("render_attempts", flat=True)),
    "files": [],
}
for c in certificates.filter(status="ready"):
    folder = os.path.dirname(c.pdf.path)
    mine = [p for p in os.listdir(folder) if p.startswith(str(c.uuid))]
    with open(c.pdf.path, "rb") as f:
        head = f.read(5)
    state["files"].append([mine == [f"{c.uuid}.pdf"], head == b"%PDF-"])
print(json.dumps(state))
"""


def django_script(stack: Stack, code: str, *args: str, timeout: float = 300) -> str:
    program = f"import django; django.setup()\n{code}"
    return stack.run(PYTHON, "-c", program, *args, timeout=timeout).stdout.strip()


def script_worker_kill(stack: Stack, out=print) -> dict:
    """A bulk certificate run; the worker killed (SIGKILL, pool and all) mid-run, restarted."""
    import psycopg

    people = 200 if stack.full else 60
    ids = json.loads(django_script(stack, CERTIFICATES_SETUP, str(people)).splitlines()[-1])

    def ready_count() -> int:
        with psycopg.connect(stack.env["DATABASE_URL"]) as db:
            return db.execute(
                "SELECT count(*) FROM certificates_certificate "
                "WHERE session_id = %s AND status = 'ready'",
                [ids["session"]],
            ).fetchone()[0]

    def state():
        return json.loads(
            django_script(stack, CERTIFICATES_STATE, str(ids["session"]), str(people))
        )

    # The issuing process sends the render tasks one by one as its transaction commits, and
    # the worker starts on them at once: watch from the start.
    program = f"import django; django.setup()\n{CERTIFICATES_ISSUE}"
    issuing = subprocess.Popen(  # noqa: S603
        [PYTHON, "-c", program, json.dumps(ids)],
        cwd=ROOT,
        env=stack.env,
        stdout=subprocess.PIPE,
        text=True,
    )
    began = time.monotonic()
    wait_for(lambda: ready_count() >= 3, 300, "the first certificates", interval=0.1)
    stack.worker_kill()
    killed_at, ready_then = time.monotonic() - began, ready_count()
    issued = int(issuing.communicate(timeout=300)[0].strip().splitlines()[-1])
    out(
        f"{issued} certificates issued in one bulk run; the worker (main process and pool) "
        f"killed with SIGKILL {killed_at:.1f} s in, with {ready_then} ready; restarted"
    )
    stack.worker_start()
    wait_for(lambda: ready_count() == issued, 600, "every certificate", interval=1)
    final = state()
    elapsed = time.monotonic() - began
    out(
        f"after the restart: {final['certificates']} certificates for {final['recipients']} of "
        f"{people} people, {final['duplicates']} duplicated, {final['ready']} ready, "
        f"{sum(ok and pdf for ok, pdf in final['files'])} with exactly one PDF; "
        f"{sum(a > 1 for a in final['attempts'])} rendered more than once; {elapsed:.0f} s in all"
    )
    problems = []
    if final["certificates"] != people or final["recipients"] != people:
        problems.append("not every attendee holds a certificate")
    if final["duplicates"]:
        problems.append(f"{final['duplicates']} people hold more than one")
    if not all(ok and pdf for ok, pdf in final["files"]):
        problems.append("a certificate lacks its one PDF")
    final["problems"] = problems
    return final


def _split(rows) -> tuple[list, list]:
    """(503 "busy" answers, other failures: any other 5xx, or no answer at all)."""
    busy = [row for row in rows if row[3] == 503]
    failed = [row for row in rows if row[3] == 0 or (row[3] >= 500 and row[3] != 503)]
    return busy, failed


def script_postgres_restart(stack: Stack, out=print) -> dict:
    """Load while PostgreSQL restarts: 503 "busy" (not 500) meanwhile, logged as one line
    rather than a traceback a request, and no 5xx (or refusal) once it is back."""
    learners, duration = (150, 60) if stack.full else (20, 40)
    checkins = 0
    timeline_file = stack.root / "timeline.json"
    args = load_arguments(stack, learners=learners, checkins=checkins, duration=duration)
    log = (stack.root / "restart-load.log").open("w")
    web_log = stack.logs["gunicorn"]
    load = subprocess.Popen(  # noqa: S603
        [PYTHON, "manage.py", *args, "--timeline", str(timeline_file)],
        cwd=ROOT,
        env=stack.env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        load_log = stack.root / "restart-load.log"
        wait_for(lambda: "load started" in load_log.read_text(), 600, "the load to start")
        time.sleep(duration / 4)
        web_log_start = web_log.stat().st_size
        down_at = time.time()
        stack.postgres_restart()
        wait_for(stack.postgres_ready, 60, "PostgreSQL to answer again")
        back_at = time.time()
        load.wait(timeout=duration + 600)
    finally:
        if load.poll() is None:
            load.kill()
        log.close()
    out(load_log.read_text().rstrip())
    timeline = json.loads(timeline_file.read_text())
    after = [row for row in timeline if row[0] >= back_at]
    during = [row for row in timeline if row[0] < back_at and row[1] >= down_at]
    busy_during, failed_during = _split(during)
    busy_after, failed_after = _split(after)
    with web_log.open(errors="replace") as f:
        f.seek(web_log_start)
        logged = f.read()
    warnings = logged.count("The database is unreachable; answering 503")
    tracebacks = logged.count("Traceback (most recent call last)")
    health = http_status(f"{stack.base_url}/healthz")
    out(
        f"PostgreSQL restarted at +{down_at - timeline[0][0]:.1f} s, back after "
        f"{back_at - down_at:.1f} s. Requests under way meanwhile: {len(during)}, "
        f"{len(busy_during)} answered 503 busy, {len(failed_during)} failed otherwise "
        f"(other 5xx or no answer). After it was back: {len(after)} requests, "
        f"{len(busy_after)} answered 503, {len(failed_after)} failed otherwise. "
        f"Web log since the restart: {warnings} 'database unreachable' line(s), "
        f"{tracebacks} traceback(s). /healthz {health}"
    )
    problems = []
    if busy_after or failed_after:
        problems.append(
            f"{len(busy_after) + len(failed_after)} requests failed after PostgreSQL was back"
        )
    server_errors = [row for row in failed_during if row[3]]
    if server_errors:
        codes = sorted({row[3] for row in server_errors})
        problems.append(f"{len(server_errors)} answers during the restart were {codes}, not 503")
    if tracebacks:
        problems.append(f"{tracebacks} traceback(s) in the web log during the restart")
    if len(after) < 10:
        problems.append("too few requests after the restart to tell")
    if health != 200:
        problems.append(f"/healthz answered {health}")
    return {
        "after": len(after),
        "failed_after": len(busy_after) + len(failed_after),
        "busy_during": len(busy_during),
        "failed_during": len(failed_during),
        "log_warnings": warnings,
        "tracebacks": tracebacks,
        "problems": problems,
    }


SCRIPTS = {
    "load": script_load,
    "worker-kill": script_worker_kill,
    "postgres-restart": script_postgres_restart,
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("script", choices=[*SCRIPTS, "all"])
    parser.add_argument("--full", action="store_true", help="200 learners and 200 check-ins")
    options = parser.parse_args(argv)
    names = list(SCRIPTS) if options.script == "all" else [options.script]
    failed = False
    with Stack(full=options.full) as stack:
        for name in names:
            print(f"== {name} ({'full' if options.full else 'short'} mode)", flush=True)
            result = SCRIPTS[name](stack, out=lambda text: print(text, flush=True))
            for problem in result["problems"]:
                print(f"FAILED: {problem}", flush=True)
            failed = failed or bool(result["problems"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
