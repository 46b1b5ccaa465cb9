"""Tasks survive a broker that is down: a transactional outbox in the database.

Every task the site sends with `delay_on_commit` / `apply_async_on_commit` (the house rule)
is first written as a `TaskOutbox` row in the transaction that asks for it. When that
transaction commits, the row is sent to the broker and deleted. If Redis does not answer,
the row stays, the request that asked for the task carries on (the learner sees their
certificate "being prepared", not an error), and the rows are sent later by:

- `cms.tasks.task_outbox_drain`, every minute from beat (a django-celery-beat schedule);
- every worker when it starts (`worker_ready`), so a restarted worker picks them up at once;
- the next successful send from a process that had kept rows back.

A plain `delay()` / `apply_async()` whose broker is down also falls back to a row, so a task
sent by another task (a retry, a fan-out) is not lost either.

Tasks are idempotent (house style), so the rare double send — a row sent, then the process
dies before deleting it — is harmless. Rows are sent oldest first.

After a failed send the broker is treated as down for `BROKER_DOWN_SECONDS`: sends in that
time go straight to the outbox, so pages never wait on a dead broker more than once.

With no broker (`task_always_eager`, the embedded install and the test suite), tasks run
in the process as before and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import threading
import time

from celery.contrib.django.task import DjangoTask
from kombu.exceptions import OperationalError as KombuOperationalError

logger = logging.getLogger(__name__)

BROKER_DOWN_SECONDS = 5.0
# Rows younger than this are being sent by the process that wrote them.
DRAIN_MIN_AGE_SECONDS = 10.0
# Options kept with a row (JSON-safe; `eta`/`expires` datetimes as ISO strings).
KEPT_OPTIONS = (
    "task_id",
    "countdown",
    "eta",
    "expires",
    "priority",
    "queue",
    "retries",
    "time_limit",
    "soft_time_limit",
)
# What a broker that is down (or unreachable) raises while publishing.
BROKER_ERRORS: tuple[type[BaseException], ...] = (KombuOperationalError, ConnectionError, OSError)
try:  # redis-py's errors do not all derive from ConnectionError
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    BROKER_ERRORS += (RedisConnectionError, RedisTimeoutError)
except ImportError:  # pragma: no cover - Redis is the only broker we document
    pass


class _BrokerState:
    """Per process: is the broker believed down, and did we keep rows back?"""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.kept_rows = False
        self.last_warning = 0.0

    def is_down(self) -> bool:
        return time.monotonic() < self.down_until

    def failed(self, exc: BaseException) -> None:
        with self.lock:
            now = time.monotonic()
            self.down_until = now + BROKER_DOWN_SECONDS
            self.kept_rows = True
            warn = now - self.last_warning > 60
            if warn:
                self.last_warning = now
        if warn:
            logger.warning(
                "The Celery broker is unreachable; tasks wait in the database outbox (%s).", exc
            )

    def succeeded(self) -> bool:
        """Mark the broker up; True when this process had kept rows back (drain them)."""
        with self.lock:
            self.down_until = 0.0
            kept, self.kept_rows = self.kept_rows, False
        return kept


broker = _BrokerState()


def _json_options(options: dict) -> dict:
    kept = {}
    for name in KEPT_OPTIONS:
        value = options.get(name)
        if value is None:
            continue
        kept[name] = value.isoformat() if isinstance(value, dt.datetime) else value
    return kept


def _celery_options(options: dict) -> dict:
    options = dict(options)
    for name in ("eta", "expires"):
        if isinstance(options.get(name), str):
            options[name] = dt.datetime.fromisoformat(options[name])
    return options


def outbox_keep(*, task: str, args=(), kwargs=None, options=None):
    """Write a row for the task (in the caller's transaction, if any)."""
    from cms.models import TaskOutbox

    return TaskOutbox.objects.create(
        task=task,
        args=list(args or ()),
        kwargs=dict(kwargs or {}),
        options=_json_options(options or {}),
    )


def _publish(app, row) -> bool:
    """Send one row's task; False (and the broker marked down) when the broker fails."""
    try:
        app.send_task(row.task, args=row.args, kwargs=row.kwargs, **_celery_options(row.options))
    except BROKER_ERRORS as exc:
        broker.failed(exc)
        return False
    return True


def _send_kept(app, row_ids: list[int]) -> None:
    """After commit: send the rows written in the transaction and delete them."""
    from cms.models import TaskOutbox

    if broker.is_down():
        return
    sent, failed = [], False
    # A drain may have sent some already: those rows are gone.
    for row in TaskOutbox.objects.filter(pk__in=row_ids).order_by("pk"):
        if not _publish(app, row):
            failed = True
            break
        sent.append(row.pk)
    TaskOutbox.objects.filter(pk__in=sent).delete()
    if sent and not failed and broker.succeeded():
        outbox_drain(app=app, min_age=0)


def outbox_drain(*, app=None, limit: int = 200, min_age: float = DRAIN_MIN_AGE_SECONDS) -> int:
    """Send the rows waiting in the outbox, oldest first; returns how many were sent.

    Stops at the first broker failure. Rows are taken with `FOR UPDATE SKIP LOCKED`, so
    two drains (beat's and a starting worker's) never send the same row.
    """
    from django.db import transaction
    from django.utils import timezone

    from cms.models import TaskOutbox

    if app is None:
        from cms.celery import app
    sent = 0
    cutoff = timezone.now() - dt.timedelta(seconds=min_age)
    while True:
        with transaction.atomic():
            rows = list(
                TaskOutbox.objects.select_for_update(skip_locked=True)
                .filter(created_at__lte=cutoff)
                .order_by("pk")[:limit]
            )
            done = []
            for row in rows:
                if not _publish(app, row):
                    break
                done.append(row.pk)
            TaskOutbox.objects.filter(pk__in=done).delete()
        sent += len(done)
        if len(done) < limit:
            break
    if sent:
        broker.succeeded()
        logger.info("Sent %d task(s) kept in the outbox while the broker was down.", sent)
    return sent


class OutboxTask(DjangoTask):
    """The Celery task class of the project (`Celery(task_cls=…)` in cms.celery)."""

    def delay_on_commit(self, *args, **kwargs) -> None:
        self.apply_async_on_commit(args, kwargs)

    def apply_async_on_commit(self, args=None, kwargs=None, **options) -> None:
        from django.db import transaction

        if self.app.conf.task_always_eager:
            transaction.on_commit(functools.partial(self.apply_async, args, kwargs, **options))
            return
        row = outbox_keep(task=self.name, args=args, kwargs=kwargs, options=options)
        transaction.on_commit(functools.partial(_send_kept, self.app, [row.pk]))

    def map_on_commit(self, args_list: list[tuple]) -> None:
        """`delay_on_commit` for many calls at once: one insert for all their rows, and on
        commit one publishing pass (a bulk issue of 1,000 certificates sends 1,000 tasks)."""
        from django.db import transaction

        from cms.models import TaskOutbox

        if self.app.conf.task_always_eager:
            for args in args_list:
                self.apply_async_on_commit(args)
            return
        with transaction.atomic():
            rows = TaskOutbox.objects.bulk_create(
                [TaskOutbox(task=self.name, args=list(args), kwargs={}) for args in args_list]
            )
            transaction.on_commit(functools.partial(_send_kept, self.app, [r.pk for r in rows]))

    def apply_async(self, args=None, kwargs=None, task_id=None, producer=None, *a, **options):
        if self.app.conf.task_always_eager:
            return super().apply_async(args, kwargs, task_id, producer, *a, **options)
        if not broker.is_down():
            try:
                result = super().apply_async(args, kwargs, task_id, producer, *a, **options)
            except BROKER_ERRORS as exc:
                broker.failed(exc)
            else:
                if broker.succeeded():
                    outbox_drain(app=self.app, min_age=0)
                return result
        outbox_keep(
            task=self.name, args=args, kwargs=kwargs, options={"task_id": task_id, **options}
        )
        return None
