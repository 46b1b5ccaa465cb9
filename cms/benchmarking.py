"""What the benchmark commands share: the site as it runs in production, and a wire to watch.

- `throwaway_database()`: a migrated database of its own (PostgreSQL when DATABASE_URL says
  so) that a separate process can open too, removed at the end.
- `gunicorn_site()`: gunicorn with `cms.settings.production` and the repository's
  `gunicorn.conf.py`, its static files collected as a deploy collects them, its access log in
  a file — the server a phone talks to.
- `WireProxy`: a TCP proxy in front of it that counts every byte the server sends, whoever
  asked (the page, the service worker, a preload), can emulate a slow link for all of them,
  and can cut the network. Browser-side counting (the DevTools protocol on the page) misses
  what the service worker downloads and does not throttle the worker's own fetches.
- `worker_memory()`: RSS, PSS and USS of each gunicorn worker.
"""

import asyncio
import base64
import contextlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test.utils import setup_test_environment, teardown_test_environment

# Chrome DevTools' "Slow 3G": 400 ms round trip, 50 kB/s each way (the figures in the issue
# and README were measured with these).
SLOW_3G = {"latency_ms": 400, "down_bps": 50_000, "up_bps": 50_000}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def throwaway_database():
    """A migrated database under a name of its own; yields its DATABASE_URL for other
    processes. The developer's data is never touched."""
    setup_test_environment()
    db = connection.settings_dict
    tmp = None
    if connection.vendor == "sqlite":
        # An in-memory test database cannot be shared with gunicorn: use a file.
        tmp = tempfile.TemporaryDirectory(prefix="bench-db-")
        db.setdefault("TEST", {})["NAME"] = str(Path(tmp.name) / "bench.sqlite3")
    else:
        db.setdefault("TEST", {})["NAME"] = f"bench_{db['NAME']}_{os.getpid()}"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        if connection.vendor == "sqlite":
            url = f"sqlite:///{connection.settings_dict['NAME']}"
        else:
            d = connection.settings_dict
            auth = d["USER"] + (f":{d['PASSWORD']}" if d.get("PASSWORD") else "")
            url = f"postgres://{auth}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"
        yield url
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        if tmp is not None:
            tmp.cleanup()


def production_env(*, database_url: str, media_root: str, static_root: str, host: str) -> dict:
    """Environment for `cms.settings.production` on this machine. Plain HTTP on a loopback
    name (no TLS proxy here), so no redirect to HTTPS; Chromium treats `localhost` as a
    secure origin, so the Secure cookies production sets still work. No REDIS_URL: the
    throw-away site must not share cache keys with the developer's real one, so each worker
    keeps its own in-process cache."""
    keep = {"PATH", "HOME", "LANG", "LC_ALL", "VIRTUAL_ENV", "TMPDIR"}
    env = {k: v for k, v in os.environ.items() if k in keep}
    seed = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS=host,
        CERTIFICATE_SIGNING_KEY=f"bench:{seed}",
        SECURE_SSL_REDIRECT="False",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=database_url,
        MEDIA_ROOT=media_root,
        STATIC_ROOT=str(static_root),
        PRIVATE_MEDIA_ROOT=str(Path(media_root) / "private"),
        LOG_LEVEL="WARNING",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


class Gunicorn:
    """A running gunicorn: its port, its master's pid and the requests it logged."""

    # %(B)s is what gunicorn wrote itself; a file it hands to sendfile() (whitenoise's
    # static files, H5P files) is logged as 0 bytes, so the Content-Length it sent is logged
    # too.
    LOG_FORMAT = "%(m)s %(U)s %(s)s %(B)s %({content-length}o)s"

    def __init__(self, process, port, access_log):
        self.process, self.port, self.access_log = process, port, access_log
        self._seen = 0

    def worker_pids(self) -> list[int]:
        import psutil

        return sorted(p.pid for p in psutil.Process(self.process.pid).children())

    def new_requests(self) -> list[tuple[str, str, int, int]]:
        """(method, path, status, body bytes) of the requests logged since the last call:
        the bytes gunicorn wrote, or the Content-Length of a file it passed to sendfile()."""
        lines = Path(self.access_log).read_text().splitlines()
        fresh, self._seen = lines[self._seen :], len(lines)
        rows = []
        for line in fresh:
            method, path, status, written, length = line.rsplit(" ", 4)[-5:]
            size = max((int(n) for n in (written, length) if n.isdigit()), default=0)
            rows.append((method, path, int(status), size))
        return rows


@contextlib.contextmanager
def gunicorn_site(*, env: dict, workers: int = 2, host: str = "localhost", collect=True):
    """Collect the static files as a deploy does (unless `collect` is false: an earlier run
    left them in env's STATIC_ROOT), then serve with gunicorn (the repository's
    gunicorn.conf.py: preloaded app) until the block ends."""
    base = settings.BASE_DIR
    if collect or not (Path(env["STATIC_ROOT"]) / "staticfiles.json").is_file():
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0", "--clear"],
            cwd=base,
            env=env,
            check=True,
        )
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-gunicorn-") as logs:
        access_log = str(Path(logs) / "access.log")
        Path(access_log).touch()
        process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi",
                "--config",
                str(base / "gunicorn.conf.py"),
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--access-logfile",
                access_log,
                "--access-logformat",
                Gunicorn.LOG_FORMAT,
            ],
            cwd=base,
            env=env,
            stderr=open(Path(logs) / "error.log", "w"),  # noqa: SIM115
        )
        server = Gunicorn(process, port, access_log)
        try:
            deadline = time.monotonic() + 180
            while True:
                if process.poll() is not None:
                    raise RuntimeError(
                        "gunicorn did not start:\n" + (Path(logs) / "error.log").read_text()
                    )
                try:
                    request = urllib.request.Request(
                        f"http://127.0.0.1:{port}/healthz/web", headers={"Host": host}
                    )
                    with urllib.request.urlopen(request, timeout=2) as answer:  # noqa: S310
                        if answer.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not answer /healthz/web within 180 s")
                time.sleep(0.3)
            server.new_requests()  # forget the readiness probes
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def worker_memory(pids) -> list[dict]:
    """RSS, PSS and USS in MB of each process (Linux /proc/<pid>/smaps_rollup)."""
    rows = []
    for pid in pids:
        fields = {}
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            name, value = line.split(":", 1)
            fields[name] = int(value.split()[0])  # kB
        uss = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
        rows.append(
            {
                "pid": pid,
                "rss": fields["Rss"] / 1024,
                "pss": fields["Pss"] / 1024,
                "uss": uss / 1024,
            }
        )
    return rows


class WireProxy:
    """127.0.0.1:<port> → the server, counting the bytes each way.

    With `latency_ms`/`down_bps`/`up_bps` it is a slow link shared by every connection:
    half the round trip is added each way, and the bytes of all connections queue for the
    one downlink, as on a phone's radio. `cut()` drops every connection and refuses new ones
    (the network is gone); `restore()` brings it back.
    """

    def __init__(self, upstream_port: int, *, latency_ms=0, down_bps=None, up_bps=None):
        self.upstream_port = upstream_port
        self.one_way = latency_ms / 2000
        self.rate = {"down": down_bps, "up": up_bps}
        self.bytes = {"down": 0, "up": 0}
        # What has reached the other end of the slow link (`bytes` counts what the proxy
        # has read, some of which may still wait for the link).
        self.delivered = {"down": 0, "up": 0}
        self.connections = 0
        self.responses: list[tuple[int, int, int]] = []  # status, header bytes, body bytes
        self.unparsed = 0  # connections whose answers could not be split into responses
        self.pending = 0  # chunks read from one side, not yet delivered to the other
        self._link_free = {"down": 0.0, "up": 0.0}
        self._cut = False
        self._writers: set = set()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.port = None

    def __enter__(self):
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc):
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def _run(self):
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._client, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    def reset(self):
        self.bytes = {"down": 0, "up": 0}
        self.delivered = {"down": 0, "up": 0}
        self.connections = 0
        self.responses = []
        self.unparsed = 0

    def cut(self):
        self._cut = True

        def drop():
            for writer in list(self._writers):
                writer.transport.abort()

        self._loop.call_soon_threadsafe(drop)

    def restore(self):
        self._cut = False

    async def _client(self, reader, writer):
        if self._cut:
            writer.transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            writer.transport.abort()
            return
        self.connections += 1
        self._writers.update((writer, up_writer))
        await asyncio.gather(
            self._pipe(reader, up_writer, "up"),
            self._pipe(up_reader, writer, "down"),
            return_exceptions=True,
        )
        self._writers.difference_update((writer, up_writer))

    async def _pipe(self, reader, writer, direction):
        queue: asyncio.Queue = asyncio.Queue()
        loop = asyncio.get_running_loop()

        async def deliver():
            while True:
                at, data = await queue.get()
                if data is None:
                    break
                delay = at - loop.time()
                if delay > 0:
                    await asyncio.sleep(delay)
                self.pending -= 1
                writer.write(data)
                await writer.drain()
                self.delivered[direction] += len(data)
            with contextlib.suppress(OSError):
                writer.close()

        sender = asyncio.ensure_future(deliver())
        parser = ResponseParser(self.responses) if direction == "down" else None
        try:
            while True:
                data = await reader.read(4096)
                if not data or self._cut:
                    break
                self.bytes[direction] += len(data)
                if parser is not None:
                    try:
                        parser.feed(data)
                    except (ValueError, IndexError):
                        # Not HTTP/1.1 as we read it: still carried, no longer split.
                        self.unparsed += 1
                        parser = None
                now = loop.time()
                rate = self.rate[direction]
                if rate:
                    start = max(now, self._link_free[direction])
                    self._link_free[direction] = start + len(data) / rate
                    at = self._link_free[direction] + self.one_way
                else:
                    at = now + self.one_way
                self.pending += 1
                queue.put_nowait((at, data))
        except OSError:
            pass
        finally:
            if parser is not None:
                parser.close()
            queue.put_nowait((0, None))
            with contextlib.suppress(Exception):
                await sender
            # What a closed connection never delivered is no longer on its way.
            self.pending -= queue.qsize() - 1 if queue.qsize() else 0
            if self._cut:
                writer.transport.abort()


class ResponseParser:
    """Splits what a server sends on one connection into HTTP/1.1 responses, so the proxy
    can count them and their header and body bytes (a cross-check of gunicorn's log)."""

    def __init__(self, sink: list):
        self.sink = sink
        self.buffer = b""
        self.state = "head"
        self.status = self.head = self.body = self.left = 0

    def feed(self, data: bytes) -> None:
        self.buffer += data
        while self.buffer:
            if self.state == "head":
                end = self.buffer.find(b"\r\n\r\n")
                if end < 0:
                    return
                head, self.buffer = self.buffer[: end + 4], self.buffer[end + 4 :]
                lines = head.decode("latin-1").split("\r\n")
                self.status = int(lines[0].split()[1])
                fields = {
                    k.strip().lower(): v.strip()
                    for k, _sep, v in (line.partition(":") for line in lines[1:] if line)
                }
                self.head, self.body = len(head), 0
                if self.status in (204, 304) or 100 <= self.status < 200:
                    self._done()
                elif "chunked" in fields.get("transfer-encoding", ""):
                    self.state = "chunk-size"
                elif "content-length" in fields:
                    self.left = int(fields["content-length"])
                    self.state = "body"
                    if not self.left:
                        self._done()
                else:  # the body runs until the server closes the connection
                    self.state = "until-close"
            elif self.state == "until-close":
                self.body += len(self.buffer)
                self.buffer = b""
            elif self.state == "body":
                take = min(self.left, len(self.buffer))
                self.buffer, self.left, self.body = (
                    self.buffer[take:],
                    self.left - take,
                    self.body + take,
                )
                if not self.left:
                    self._done()
            elif self.state == "chunk-size":
                end = self.buffer.find(b"\r\n")
                if end < 0:
                    return
                size = int(self.buffer[:end].split(b";")[0], 16)
                self.body += end + 2
                self.buffer = self.buffer[end + 2 :]
                self.left = size + 2  # the chunk and its CRLF
                self.state = "chunk" if size else "trailer"
            elif self.state == "chunk":
                take = min(self.left, len(self.buffer))
                self.buffer, self.left, self.body = (
                    self.buffer[take:],
                    self.left - take,
                    self.body + take,
                )
                if not self.left:
                    self.state = "chunk-size"
            elif self.state == "trailer":
                take = min(self.left, len(self.buffer))
                self.buffer, self.left, self.body = (
                    self.buffer[take:],
                    self.left - take,
                    self.body + take,
                )
                if not self.left:
                    self._done()

    def close(self) -> None:
        """The connection ended: a body that ran until the close is complete."""
        if self.state == "until-close":
            self._done()

    def _done(self):
        self.sink.append((self.status, self.head, self.body))
        self.state = "head"


def quiet_wire(proxy: WireProxy, *, quiet_s: float = 2.0, limit_s: float = 180.0) -> None:
    """Wait until nothing has crossed the wire for `quiet_s` (the service worker's
    downloads after the page has loaded included). The proxy reads what the server sends at
    once and delivers it at the link's pace: the wire is quiet only once that queue is
    delivered too (else a browser still receiving 1 MB looks idle, and its next requests
    fall into the next visit)."""
    last, still_since = -1, time.monotonic()
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        now = proxy.bytes["down"] + proxy.bytes["up"]
        if now != last or proxy.pending:
            last, still_since = now, time.monotonic()
        elif time.monotonic() - still_since >= quiet_s:
            return
        time.sleep(0.2)


def signed_in_session(user) -> str:
    """A session key for `user`, as logging in would make it."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils.module_loading import import_string

    store = import_string(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def bench_static_root() -> Path:
    """Where the benchmarks collect static files, kept between runs (`--reuse-static`)."""
    return Path(settings.BASE_DIR) / "var" / "bench-static"
