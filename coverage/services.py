"""Keeping the coverage summaries current, and reading indicators from them.

The definitions are in `docs/indicators.md`. Three layers (see `coverage.models`):

1. **Raw rows** belong to trainees and certificates: attendance, sessions, people, course
   progress, certificates. Nothing here ever writes them.
2. **Person-level summaries** (`PersonMonth`, `PersonTopicMonth`, `PersonSummary`,
   `PersonDay`) and `SessionSummary`, for exactly the people and sessions a change touched.
3. **Commune-level figures** (`CommunePeriodStat`), moved **by the difference** the touched
   people, households and sessions make to each period containing a day that moved
   (docs/indicators.md, *How the figures are kept*); never recounted over a commune on the
   way of a change, except for certificates and completions (layer 2's `PersonDay`).

`summaries_refresh` does both in the transaction of the change (trainees' signals call it
from inside their services), so the dashboard is never behind. People, then communes, are
serialised by transaction-level advisory locks on PostgreSQL before anything is read.
The common batch of marks, in which every mark counts, only adds days:
`_refresh_marks_gained` reads what it touches once, computes the new rows and figures here
and writes what changed in one statement. Anything else goes through
`_refresh_trained_sql`: one statement that recomputes the touched people's rows from their
marks, diffs and writes them, and adds the difference to the figures. On other databases
the rows are diffed here and the touched communes' figures recounted from layer 2.
`summaries_reconcile` recounts a whole commune from the raw rows at night and logs any
difference it repairs.

`indicators_for` reads the figures of many communes for one period: stored rows for the
summarised periods, a recount over layer 2 for any other dates (exports with `--from/--to`).
`indicators_from_raw` is the brute-force count straight from the raw rows, by the
definitions; tests and the reconcile compare the two.
"""

# SQL here is assembled from model metadata and constants only; every value is a parameter.
# ruff: noqa: S608

import datetime as dt
import json
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connection, transaction
from django.db.models import Count, Max, Min, Q, Sum
from django.utils import timezone

from trainees.models import (
    Attendance,
    AttendanceStatus,
    CourseProgress,
    Person,
    TrainingSession,
)

from .models import (
    Campaign,
    CommunePeriodStat,
    PeriodKind,
    PersonDay,
    PersonMonth,
    PersonSummary,
    PersonTopicMonth,
    SessionSummary,
)
from .periods import Period, day_mask, month_end, months_between, periods_containing

logger = logging.getLogger(__name__)

TRAINED_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)
# The figures kept per commune and period, in CommunePeriodStat's field names.
COUNTS = (
    "people_trained",
    "newly_trained",
    "households_reached",
    "trained_without_household",
    "sessions_held",
    "certificates_issued",
    "course_completions",
)
# Which figures each kind of summary row feeds.
GROUP_FIELDS = {
    "trained": (
        "people_trained",
        "newly_trained",
        "households_reached",
        "trained_without_household",
        "by_topic",
    ),
    "sessions": ("sessions_held",),
    "days": ("certificates_issued", "course_completions"),
}
# Advisory-lock namespaces (high 32 bits of the key).
LOCK_PERSON = 0x436F0001
LOCK_COMMUNE = 0x436F0002


def certificate_model():
    """`certificates.Certificate` once the certificates app has it (CONTRACTS.md §2)."""
    try:
        return apps.get_model("certificates", "Certificate")
    except LookupError:
        return None


def local_day(value: dt.datetime) -> dt.date:
    return timezone.localtime(value).date()


def _lock(namespace: int, ids: Iterable[int]) -> None:
    """Serialise work on these people or communes until the transaction ends (PostgreSQL).

    SQLite allows one writer at a time, which serialises everything already.
    """
    ids = sorted(set(ids))
    if not ids or connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_advisory_xact_lock(%s::bigint * 4294967296 + k)) "
            "FROM (SELECT unnest(%s::bigint[]) AS k ORDER BY 1) AS keys",
            [namespace, ids],
        )


# --- Layer 2: person-level summaries ------------------------------------------------------


@dataclass
class Touched:
    """Which (commune, day) pairs a refresh changed, per group of figures."""

    days: dict[str, set[tuple[int, dt.date]]] = field(
        default_factory=lambda: {group: set() for group in GROUP_FIELDS}
    )

    def add(self, group: str, commune_id: int | None, day: dt.date) -> None:
        if commune_id is not None:
            self.days[group].add((commune_id, day))

    def add_mask(self, group: str, commune_id: int | None, month: dt.date, mask: int) -> None:
        day = 1
        while mask:
            if mask & 1:
                self.add(group, commune_id, month.replace(day=day))
            mask >>= 1
            day += 1

    # Communes already locked by the refresh (PostgreSQL path).
    locked: set[int] = field(default_factory=set)

    def __bool__(self):
        return any(self.days.values())


def _month_rows(person_ids, exclude_session_ids):
    """Fresh PersonMonth/PersonTopicMonth/PersonSummary contents for these people.

    One query: the people's trained marks with the session's day and topics (one row per
    topic) and where the person counts.
    """
    marks = (
        Attendance.objects.filter(
            person_id__in=list(person_ids),
            status__in=TRAINED_STATUSES,
            session__status=TrainingSession.Status.HELD,
        )
        .exclude(session_id__in=exclude_session_ids)
        .values_list(
            "person_id",
            "session__starts_at",
            "session__topic_list",
            "person__commune_id",
            "person__village_id",
            "person__household",
        )
    )
    people = {}
    months: dict[tuple[int, dt.date], int] = defaultdict(int)
    topic_months: dict[tuple[int, int, dt.date], int] = defaultdict(int)
    first: dict[int, dt.date] = {}
    for person_id, starts_at, topic_id, *where in marks:
        people[person_id] = tuple(where)
        day = local_day(starts_at)
        month, bit = day.replace(day=1), 1 << (day.day - 1)
        months[person_id, month] |= bit
        if topic_id is not None:
            topic_months[person_id, topic_id, month] |= bit
        if person_id not in first or day < first[person_id]:
            first[person_id] = day
    month_rows = {
        key: (days, *people[key[0]]) for key, days in months.items()
    }  # (person, month) → (days, commune, village, household)
    topic_rows = {
        key: (days, people[key[0]][0]) for key, days in topic_months.items()
    }  # (person, topic, month) → (days, commune)
    summary_rows = {(pk,): (day, people[pk][0]) for pk, day in first.items()}
    return month_rows, topic_rows, summary_rows


def _day_rows(person_ids):
    """Fresh PersonDay contents: valid certificates and course completions, per day."""
    communes = dict(Person.objects.filter(pk__in=person_ids).values_list("pk", "commune_id"))
    counts: dict[tuple[int, dt.date], list[int]] = defaultdict(lambda: [0, 0])
    for person_id, completed_at in CourseProgress.objects.filter(
        person_id__in=list(communes), completed_at__isnull=False
    ).values_list("person_id", "completed_at"):
        counts[person_id, local_day(completed_at)][1] += 1
    Certificate = certificate_model()
    if Certificate is not None:
        for person_id, issued_at in (
            Certificate.objects.valid()
            .filter(recipient_id__in=list(communes), issued_at__isnull=False)
            .values_list("recipient_id", "issued_at")
        ):
            counts[person_id, local_day(issued_at)][0] += 1
    return {key: (c[0], c[1], communes[key[0]]) for key, c in counts.items()}


def _sync_table(model, person_ids, key_fields, value_fields, fresh, on_change):
    """Make `model`'s rows for these people equal `fresh` ({key: values}); report changes.

    `on_change(key, values)` is called for the old and the new values of every row that
    is added, removed or changed, so the caller learns which communes and days moved.
    """
    old_values, old_pks = {}, {}
    n = len(key_fields)
    for row in model.objects.filter(person_id__in=person_ids).values_list(
        "pk", *key_fields, *value_fields
    ):
        key = tuple(row[1 : 1 + n])
        old_values[key], old_pks[key] = tuple(row[1 + n :]), row[0]
    # Rows gone are deleted; new and changed rows are one upsert on the key.
    stale = [old_pks[k] for k in old_values.keys() - fresh.keys()]
    new = [k for k, v in fresh.items() if old_values.get(k) != v]
    for key in old_values.keys() - fresh.keys():
        on_change(key, old_values[key])
    for key in new:
        if key in old_values:
            on_change(key, old_values[key])
        on_change(key, fresh[key])
    if stale:
        model.objects.filter(pk__in=stale).delete()
    if new:
        _insert(
            model,
            [*key_fields, *value_fields],
            [(*key, *fresh[key]) for key in new],
            update=value_fields,
            conflict=key_fields,
        )


# SQLite accepts 32,766 parameters in one statement; PostgreSQL 65,535.
MAX_PARAMS = 30_000


def _insert(model, columns: list[str], rows: list[tuple], update=(), conflict=()) -> None:
    """A multi-row INSERT: one statement per batch of marks on every database (Django's
    bulk_create splits at 999 parameters on SQLite, so the statement count would grow)."""
    meta = model._meta
    fields = [meta.get_field(c.removesuffix("_id")) for c in columns]
    qn = connection.ops.quote_name
    names = ", ".join(qn(f.column) for f in fields)
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    per_statement = max(1, MAX_PARAMS // len(fields))
    upsert = ""
    if update:
        target = ", ".join(qn(meta.get_field(c.removesuffix("_id")).column) for c in conflict)
        sets = ", ".join(
            f"{qn(meta.get_field(c.removesuffix('_id')).column)} = "
            f"excluded.{qn(meta.get_field(c.removesuffix('_id')).column)}"
            for c in update
        )
        upsert = f" ON CONFLICT ({target}) DO UPDATE SET {sets}"
    with connection.cursor() as cursor:
        for i in range(0, len(rows), per_statement):
            chunk = rows[i : i + per_statement]
            params = [
                f.get_db_prep_save(value, connection)
                for row in chunk
                for f, value in zip(fields, row, strict=True)
            ]
            # Identifiers come from model metadata; every value is a parameter.
            cursor.execute(
                f"INSERT INTO {qn(meta.db_table)} ({names}) "  # noqa: S608
                f"VALUES {', '.join([row_sql] * len(chunk))}{upsert}",
                params,
            )


# No savepoint: the callers run inside the change's transaction, and any error here
# aborts it anyway (two round trips fewer for every batch of marks).
@transaction.atomic(savepoint=False)
def summaries_refresh(
    *,
    person_ids: Iterable[int] = (),
    session_ids: Iterable[int] = (),
    exclude_session_ids: Iterable[int] = (),
    exclude_person_ids: Iterable[int] = (),
    groups: Iterable[str] = ("trained", "days"),
    marks_only: bool = False,
) -> Touched:
    """Bring the summaries of these people and sessions in line with the raw rows.

    `exclude_*` name rows that are about to be deleted in this transaction (their
    deletion is announced before it happens). `groups` limits the work to what changed:
    "trained" for attendance and topics, "days" for certificates and completions; sessions
    are refreshed whenever `session_ids` are given. `marks_only` says that only marks at
    these sessions were added or corrected (attendance_changed), which lets a person whose
    marks there all count simply gain those days. Returns what changed, after the
    commune-level figures have been brought up to date for it.
    """
    person_ids = set(person_ids) - {None}
    session_ids = set(session_ids) - {None}
    exclude_session_ids = set(exclude_session_ids)
    exclude_person_ids = set(exclude_person_ids)
    groups = set(groups)
    touched = Touched()
    _lock(LOCK_PERSON, person_ids)
    applied: set[str] = set()

    if connection.vendor == "postgresql" and (session_ids or "trained" in groups):
        # Sessions and the people's trained rows in one statement, which also moves the
        # commune figures by the difference; then only "days" is left.
        touched.locked, session_periods = _lock_communes_sql(person_ids, session_ids)
        trained = "trained" in groups
        gained = (
            marks_only
            and trained
            and not exclude_person_ids
            and not exclude_session_ids
            and _refresh_marks_gained(person_ids, session_ids, session_periods)
        )
        if gained:
            return touched
        _refresh_trained_sql(
            person_ids if trained else set(),
            person_ids - exclude_person_ids if trained else set(),
            session_ids,
            exclude_session_ids,
            touched,
            marks_only=marks_only,
        )
        applied = {"trained", "sessions"}
        groups.discard("trained")
        session_ids = set()
    if session_ids:
        _refresh_sessions(session_ids, exclude_session_ids, touched)
    if person_ids and "trained" in groups:
        live = person_ids - exclude_person_ids
        months, topic_months, first = (
            _month_rows(live, exclude_session_ids) if live else ({}, {}, {})
        )
        _sync_table(
            PersonMonth,
            person_ids,
            ("person_id", "month"),
            ("days", "commune_id", "village_id", "household"),
            months,
            lambda key, v: touched.add_mask("trained", v[1], key[1], v[0]),
        )
        _sync_table(
            PersonTopicMonth,
            person_ids,
            ("person_id", "topic_id", "month"),
            ("days", "commune_id"),
            topic_months,
            lambda key, v: touched.add_mask("trained", v[1], key[2], v[0]),
        )
        _sync_table(
            PersonSummary,
            person_ids,
            ("person_id",),
            ("first_trained_on", "commune_id"),
            first,
            lambda key, v: touched.add("trained", v[1], v[0]),
        )
    if person_ids and "days" in groups:
        live = person_ids - exclude_person_ids
        _sync_table(
            PersonDay,
            person_ids,
            ("person_id", "day"),
            ("certificates", "completions", "commune_id"),
            _day_rows(live) if live else {},
            lambda key, v: touched.add("days", v[2], key[1]),
        )
    if touched:
        commune_stats_recount(touched, applied=applied)
    return touched


def _sync_cte(name, table, keys, values, fresh_sql, old_where):
    """CTEs making `table`'s rows (old_where) equal the rows of `fresh_sql`, PostgreSQL.

    `{name}_old` holds the rows before (MATERIALIZED: read once, used by the differences
    too); `{name}_gone` returns the old values of the rows deleted; `{name}_new` holds the
    rows added or changed with their old values (old_*), and `{name}_put` writes them.
    Every sub-statement sees the same snapshot, so old and new are both known to report.
    `old_where` may be None when the caller defines `{name}_old` itself.
    """
    cols = [*keys, *values]
    key_match = " AND ".join(f"f.{k} = o.{k}" for k in keys)
    old = (
        f"{name}_old AS MATERIALIZED (SELECT {', '.join(cols)} FROM {table} WHERE {old_where}), "
        if old_where
        else ""
    )
    return (
        f"{name}_fresh AS MATERIALIZED ({fresh_sql}), {old}"
        f"{name}_gone AS (DELETE FROM {table} t USING {name}_old o WHERE "  # noqa: S608
        + " AND ".join(f"t.{k} = o.{k}" for k in keys)
        + f" AND NOT EXISTS (SELECT 1 FROM {name}_fresh f WHERE {key_match}) "
        f"RETURNING {', '.join(f'o.{c}' for c in cols)}), "
        f"{name}_new AS (SELECT f.*, {', '.join(f'o.{v} AS old_{v}' for v in values)}, "
        f"o.{keys[-1]} IS NOT NULL AS had_old FROM {name}_fresh f "
        f"LEFT JOIN {name}_old o ON {key_match} "
        f"WHERE o.{keys[-1]} IS NULL OR ({', '.join(f'o.{v}' for v in values)}) "
        f"IS DISTINCT FROM ({', '.join(f'f.{v}' for v in values)})), "
        f"{name}_put AS (INSERT INTO {table} ({', '.join(cols)}) "
        f"SELECT {', '.join(cols)} FROM {name}_new ON CONFLICT ({', '.join(keys)}) "
        f"DO UPDATE SET {', '.join(f'{v} = excluded.{v}' for v in values)})"
    )


def _upsert_cte(name: str, model, columns: list[str], types: list[str], rows, conflict):
    """A data-modifying CTE upserting these rows (all columns but the conflict key are
    replaced), and its parameters: one array per column, so that the statement's text
    does not grow with the rows (nor its parsing, on either side)."""
    meta = model._meta
    fields = [meta.get_field(c.removesuffix("_id")) for c in columns]
    qn = connection.ops.quote_name
    sets = ", ".join(
        f"{qn(f.column)} = excluded.{qn(f.column)}" for f in fields if f.name not in conflict
    )
    target = ", ".join(qn(meta.get_field(c).column) for c in conflict)
    arrays = ", ".join(f"%s::{t.removesuffix('::jsonb')}[]" for t in types)
    names = [f"c{i}" for i in range(len(fields))]
    select = ", ".join(
        f"{n}::jsonb" if t.endswith("::jsonb") else n for n, t in zip(names, types, strict=True)
    )
    sql = (
        f"{name} AS (INSERT INTO {qn(meta.db_table)} "  # noqa: S608
        f"({', '.join(qn(f.column) for f in fields)}) SELECT {select} FROM unnest({arrays}) "
        f"AS u({', '.join(names)}) ON CONFLICT ({target}) DO UPDATE SET {sets})"
    )
    return sql, [list(column) for column in zip(*rows, strict=True)]


def _refresh_marks_gained(person_ids, session_ids, periods) -> bool:
    """The common batch of marks, by difference and in Python (PostgreSQL): every mark
    named (person × session) counts now, so each person only gains the sessions' days.

    One statement reads what the change touches (the marks at these sessions, the people's
    summary rows, the sessions, their households' other members' rows in these periods,
    the stored figures of these communes and periods); the new rows and figures are
    computed here; one statement writes the rows that changed. Nothing is recounted, and
    no statement is long to plan. Returns False, having written nothing, when a mark does
    not count (a correction to absent) or a person's rows say they live elsewhere than
    their record: the caller then refreshes everyone from their marks.

    The people and communes must be locked already (`_lock_communes_sql`), and `periods`
    must be every summarised period containing the sessions' days.
    """
    tz = timezone.get_current_timezone_name()
    t = {
        m.__name__: _table(m)
        for m in (
            Attendance,
            TrainingSession,
            Person,
            PersonMonth,
            PersonTopicMonth,
            PersonSummary,
            SessionSummary,
            CommunePeriodStat,
        )
    }
    topics = _table(TrainingSession.topic_list.through)
    # Plain strings for the kinds: they meet the stored rows' in dictionary keys.
    periods = sorted(Period(str(p.kind), p.start, p.end) for p in periods)
    months = sorted({m for p in periods for m in months_between(p.start, p.end)})
    figures = (*COUNTS, "by_topic")
    params = {
        "tz": tz,
        "people": sorted(person_ids),
        "sessions": sorted(session_ids),
        "trained": list(TRAINED_STATUSES),
        "held": TrainingSession.Status.HELD,
        "first": _d(months[0]) if months else None,
        "last": _d(months[-1]) if months else None,
        "starts": [_d(p.start) for p in periods],
    }

    def agg(columns, rest):
        return f"(SELECT json_agg(json_build_array({columns})) {rest})"

    sql = "SELECT " + ", ".join(
        [
            agg(
                "a.person_id, a.session_id, (s.starts_at AT TIME ZONE %(tz)s)::date, "
                "a.status = ANY(%(trained)s) AND s.status = %(held)s",
                f"FROM {t['Attendance']} a JOIN {t['TrainingSession']} s ON s.id = a.session_id "
                "WHERE a.session_id = ANY(%(sessions)s) AND a.person_id = ANY(%(people)s)",
            ),
            agg(
                "id, commune_id, village_id, household",
                f"FROM {t['Person']} WHERE id = ANY(%(people)s)",
            ),
            agg(
                "person_id, month, days, commune_id, village_id, household",
                f"FROM {t['PersonMonth']} WHERE person_id = ANY(%(people)s)",
            ),
            agg(
                "person_id, topic_id, month, days, commune_id",
                f"FROM {t['PersonTopicMonth']} WHERE person_id = ANY(%(people)s)",
            ),
            agg(
                "person_id, first_trained_on, commune_id",
                f"FROM {t['PersonSummary']} WHERE person_id = ANY(%(people)s)",
            ),
            agg(
                "trainingsession_id, sessiontopic_id",
                f"FROM {topics} WHERE trainingsession_id = ANY(%(sessions)s)",
            ),
            agg(
                "id, commune_id, (starts_at AT TIME ZONE %(tz)s)::date, status = %(held)s",
                f"FROM {t['TrainingSession']} WHERE id = ANY(%(sessions)s)",
            ),
            agg(
                "session_id, commune_id, day, held",
                f"FROM {t['SessionSummary']} WHERE session_id = ANY(%(sessions)s)",
            ),
            # The other members of the people's households, in the periods' months (by
            # the household index; LATERAL: one look-up per person, never a scan).
            agg(
                "o.village_id, o.household, o.month, o.days, o.commune_id",
                f"FROM {t['Person']} p CROSS JOIN LATERAL (SELECT * FROM {t['PersonMonth']} "
                "x WHERE x.village_id = p.village_id AND x.household = p.household "
                "AND x.month BETWEEN %(first)s AND %(last)s "
                "AND x.person_id <> ALL(%(people)s)) o WHERE p.id = ANY(%(people)s) "
                "AND p.household <> '' AND p.village_id IS NOT NULL",
            ),
            # The stored figures of these periods in the communes touched.
            agg(
                "s.commune_id, s.kind, s.starts_on, s.ends_on, "
                + ", ".join(f"s.{f}" for f in figures),
                f"FROM {t['CommunePeriodStat']} s WHERE s.starts_on = ANY(%(starts)s::date[]) "
                f"AND s.commune_id IN (SELECT commune_id FROM {t['Person']} "
                "WHERE id = ANY(%(people)s) UNION SELECT commune_id FROM "
                f"{t['TrainingSession']} WHERE id = ANY(%(sessions)s) UNION SELECT commune_id "
                f"FROM {t['SessionSummary']} WHERE session_id = ANY(%(sessions)s))",
            ),
        ]
    )
    if not months:
        return False
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        (cur, who, pm, ptm, ps, session_topics, sessions, ss, others, stats) = (
            x or [] for x in cursor.fetchone()
        )
    day = dt.date.fromisoformat
    who = {pk: (c, v, h) for pk, c, v, h in who}
    if not cur or not all(counts for *_x, counts in cur):
        return False
    gained: dict[int, list[tuple[int, dt.date]]] = defaultdict(list)
    for person_id, session_id, d, _counts in cur:
        gained[person_id].append((session_id, day(d)))
    if set(gained) != set(who) or set(who) != set(person_ids):
        return False
    # Rows that do not say where the person lives now are repaired by the full refresh.
    old_pm = {(p, day(m)): (days, c, v, h) for p, m, days, c, v, h in pm}
    old_ptm = {(p, topic, day(m)): (days, c) for p, topic, m, days, c in ptm}
    old_ps = {p: (day(first), c) for p, first, c in ps}
    if (
        any(who[p] != (c, v, h) for (p, _m), (_d, c, v, h) in old_pm.items())
        or any(who[p][0] != c for (p, _t, _m), (_d, c) in old_ptm.items())
        or any(who[p][0] != c for p, (_f, c) in old_ps.items())
    ):
        return False
    fresh_ss = {pk: (c, day(d), h) for pk, c, d, h in sessions}
    old_ss = {pk: (c, day(d), h) for pk, c, d, h in ss}
    if set(old_ss) - set(fresh_ss):
        return False  # a session gone: the full refresh deletes its summary
    topics_of = defaultdict(list)
    for session_id, topic_id in session_topics:
        topics_of[session_id].append(topic_id)

    # New person-level rows: the old ones with the days gained.
    new_pm, new_ptm, new_ps = dict(old_pm), dict(old_ptm), dict(old_ps)
    for person_id, marks in gained.items():
        c, v, h = who[person_id]
        for session_id, d in marks:
            month, bit = d.replace(day=1), 1 << (d.day - 1)
            days = new_pm.get((person_id, month), (0,))[0]
            new_pm[person_id, month] = (days | bit, c, v, h)
            for topic_id in topics_of[session_id]:
                days = new_ptm.get((person_id, topic_id, month), (0,))[0]
                new_ptm[person_id, topic_id, month] = (days | bit, c)
            if person_id not in new_ps or d < new_ps[person_id][0]:
                new_ps[person_id] = (d, c)

    # A mark earlier than someone's first moves `newly_trained` out of a period that may
    # contain none of these sessions: the full refresh finds every period that moved.
    if any(p in old_ps and new_ps[p][0] < old_ps[p][0] for p in gained):
        return False

    # The difference each touched person, household and session makes to each period.
    masks = {
        p: {m: day_mask(m, p.start, p.end) for m in months_between(p.start, p.end)} for p in periods
    }
    delta: dict[tuple[int, Period], dict] = defaultdict(lambda: defaultdict(int))
    topic_delta: dict[tuple[int, Period], dict] = defaultdict(lambda: defaultdict(int))
    # Only rows whose days changed can move a figure: {key: (old days by month, new)}.
    by_person_pm: dict[int, tuple[dict, dict]] = {}
    for (p, m), (days, *_w) in new_pm.items():
        if old_pm.get((p, m), (0,))[0] != days:
            by_person_pm[p] = ({}, {})
    for (p, m), (days, *_w) in old_pm.items():
        if p in by_person_pm:
            by_person_pm[p][0][m] = days
    for (p, m), (days, *_w) in new_pm.items():
        if p in by_person_pm:
            by_person_pm[p][1][m] = days
    by_person_ptm: dict[tuple[int, int], tuple[dict, dict]] = {}
    for (p, topic, m), (days, _c) in new_ptm.items():
        if old_ptm.get((p, topic, m), (0,))[0] != days:
            by_person_ptm[p, topic] = ({}, {})
    for (p, topic, m), (days, _c) in old_ptm.items():
        if (p, topic) in by_person_ptm:
            by_person_ptm[p, topic][0][m] = days
    for (p, topic, m), (days, _c) in new_ptm.items():
        if (p, topic) in by_person_ptm:
            by_person_ptm[p, topic][1][m] = days
    other_rows: dict[tuple, dict] = defaultdict(lambda: defaultdict(int))
    for v, h, m, days, c in others:
        other_rows[c, v, h][day(m)] |= days

    def within(rows: dict, period) -> bool:
        return any(days & rows.get(m, 0) for m, days in masks[period].items())

    households: dict[tuple, list[bool]] = {}
    for period in periods:
        for person_id, (before_rows, after_rows) in by_person_pm.items():
            c, v, h = who[person_id]
            if c is None:
                continue
            before, after = within(before_rows, period), within(after_rows, period)
            if before == after:
                continue
            figures_ = delta[c, period]
            figures_["people_trained"] += after - before
            if not h or v is None:
                figures_["trained_without_household"] += after - before
            else:
                flags = households.setdefault((c, v, h, period), [False, False])
                flags[0] |= before
                flags[1] |= after
        for (person_id, topic_id), (before_rows, after_rows) in by_person_ptm.items():
            c = who[person_id][0]
            if c is not None:
                change = within(after_rows, period) - within(before_rows, period)
                if change:
                    topic_delta[c, period][str(topic_id)] += change
        for person_id in gained:
            c = who[person_id][0]
            old_first = old_ps.get(person_id, (None,))[0]
            new_first = new_ps[person_id][0]
            if c is not None and old_first != new_first:
                change = (new_first in period) - (old_first is not None and old_first in period)
                if change:
                    delta[c, period]["newly_trained"] += change
        for pk, fresh in fresh_ss.items():
            old = old_ss.get(pk)
            if old == fresh:
                continue
            if old is not None and old[2] and old[1] in period:
                delta[old[0], period]["sessions_held"] -= 1
            if fresh[2] and fresh[1] in period:
                delta[fresh[0], period]["sessions_held"] += 1
    for (c, v, h, period), (before, after) in households.items():
        if before != after and not within(other_rows[c, v, h], period):
            delta[c, period]["households_reached"] += after - before

    # The stored figures, moved by the difference (never below zero: a figure that would
    # is wrong already, and the nightly reconcile repairs it).
    stored = {
        (c, Period(kind, day(a), day(b))): dict(zip(figures, values, strict=True))
        for c, kind, a, b, *values in stats
    }
    stat_rows = []
    for key in delta.keys() | topic_delta.keys():
        changes, topic_changes = delta.get(key, {}), topic_delta.get(key, {})
        if not any(changes.values()) and not any(topic_changes.values()):
            continue
        row = stored.get(key) or {**dict.fromkeys(COUNTS, 0), "by_topic": {}}
        values = {f: max(0, row[f] + changes.get(f, 0)) for f in COUNTS}
        by_topic = dict(row["by_topic"])
        for topic, change in topic_changes.items():
            by_topic[topic] = by_topic.get(topic, 0) + change
        values["by_topic"] = {k: n for k, n in by_topic.items() if n > 0}
        if key not in stored and not any(values[f] for f in COUNTS):
            continue
        c, period = key
        stat_rows.append(
            (
                c,
                period.kind,
                period.start,
                period.end,
                *(values[f] for f in COUNTS),
                json.dumps(values["by_topic"]),
            )
        )

    parts, write_params = [], []
    for name, model, columns, types, rows, conflict in (
        (
            "w_pm",
            PersonMonth,
            ["person_id", "month", "days", "commune_id", "village_id", "household"],
            ["bigint", "date", "int", "bigint", "bigint", "text"],
            [(*k, *v) for k, v in new_pm.items() if old_pm.get(k) != v],
            ["person", "month"],
        ),
        (
            "w_ptm",
            PersonTopicMonth,
            ["person_id", "topic_id", "month", "days", "commune_id"],
            ["bigint", "bigint", "date", "int", "bigint"],
            [(*k, *v) for k, v in new_ptm.items() if old_ptm.get(k) != v],
            ["person", "topic", "month"],
        ),
        (
            "w_ps",
            PersonSummary,
            ["person_id", "first_trained_on", "commune_id"],
            ["bigint", "date", "bigint"],
            [(k, *v) for k, v in new_ps.items() if old_ps.get(k) != v],
            ["person"],
        ),
        (
            "w_ss",
            SessionSummary,
            ["session_id", "commune_id", "day", "held"],
            ["bigint", "bigint", "date", "boolean"],
            [(k, *v) for k, v in fresh_ss.items() if old_ss.get(k) != v],
            ["session"],
        ),
        (
            "w_stat",
            CommunePeriodStat,
            ["commune_id", "kind", "starts_on", "ends_on", *figures],
            ["bigint", "text", "date", "date", *["int"] * len(COUNTS), "text::jsonb"],
            stat_rows,
            ["commune", "kind", "starts_on", "ends_on"],
        ),
    ):
        if rows:
            # In key order: concurrent batches lock rows in the same order.
            width = len(conflict)
            rows.sort(key=lambda row: row[:width])  # noqa: B023 - used at once
            part, part_params = _upsert_cte(name, model, columns, types, rows, conflict)
            parts.append(part)
            write_params += part_params
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(f"WITH {', '.join(parts)} SELECT 1", write_params)
    return True


def _lock_communes_sql(person_ids, session_ids) -> tuple[set[int], set[Period]]:
    """Lock (in order) every commune whose figures these people and sessions can move:
    where the people live now and where their summaries count them, where the sessions are
    held now and where they counted. Taken after the people's locks, in a statement of its
    own, so that the refresh that follows reads a snapshot in which no other transaction
    is halfway through these communes (the household figures compare people).

    Also returns the summarised periods that contain the sessions' days (now and as
    counted): when only marks at these sessions changed, no other period can move.
    """
    t = {
        m.__name__: _table(m)
        for m in (Person, PersonSummary, PersonDay, TrainingSession, SessionSummary, Campaign)
    }
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH days AS (SELECT (starts_at AT TIME ZONE %(tz)s)::date AS day "  # noqa: S608
            f"FROM {t['TrainingSession']} WHERE id = ANY(%(sessions)s) UNION SELECT day FROM "
            f"{t['SessionSummary']} WHERE session_id = ANY(%(sessions)s)) "
            "SELECT ARRAY(SELECT c FROM (SELECT c, pg_advisory_xact_lock(%(ns)s::bigint * "
            "4294967296 + c) FROM ("
            f"SELECT commune_id AS c FROM {t['Person']} WHERE id = ANY(%(people)s) "
            f"UNION SELECT commune_id FROM {t['PersonSummary']} WHERE person_id = ANY(%(people)s) "
            f"UNION SELECT commune_id FROM {t['PersonDay']} WHERE person_id = ANY(%(people)s) "
            f"UNION SELECT commune_id FROM {t['TrainingSession']} WHERE id = ANY(%(sessions)s) "
            f"UNION SELECT commune_id FROM {t['SessionSummary']} "
            "WHERE session_id = ANY(%(sessions)s) ORDER BY 1) AS x WHERE c IS NOT NULL) AS y), "
            "ARRAY(SELECT day FROM days), ARRAY(SELECT starts_on FROM "
            f"{t['Campaign']} c WHERE EXISTS (SELECT 1 FROM days "
            "WHERE day BETWEEN c.starts_on AND c.ends_on) ORDER BY id), ARRAY(SELECT ends_on "
            f"FROM {t['Campaign']} c WHERE EXISTS (SELECT 1 FROM days "
            "WHERE day BETWEEN c.starts_on AND c.ends_on) ORDER BY id)",
            {
                "ns": LOCK_COMMUNE,
                "tz": timezone.get_current_timezone_name(),
                "people": sorted(person_ids),
                "sessions": sorted(session_ids),
            },
        )
        communes, days, starts, ends = cursor.fetchone()
    campaigns = [Campaign(starts_on=a, ends_on=b) for a, b in zip(starts, ends, strict=True)]
    return set(communes), {p for day in days for p in periods_containing(day, campaigns)}


# The figures a commune and period get by difference, and how a period's days of a month
# are found: `pmask` has (kind, starts_on, ends_on, month, mask) for every month a period
# overlaps, as `_period_rows` makes them in Python.
DELTA_FIGURES = (
    "people_trained",
    "newly_trained",
    "households_reached",
    "trained_without_household",
    "sessions_held",
)


def _refresh_trained_sql(
    person_ids,
    live_ids,
    session_ids,
    exclude_session_ids,
    touched,
    *,
    marks_only=False,
):
    """PersonMonth, PersonTopicMonth, PersonSummary (for these people) and SessionSummary
    (for these sessions) brought in line with the raw rows, and the commune figures moved
    by the difference, in one statement (PostgreSQL). The communes must be locked already
    (`_lock_communes_sql`).

    Person-level rows: with `marks_only` (attendance_changed: marks added or corrected),
    a person whose marks at these sessions all count now gains those days and keeps every
    other row as it is, so nothing but the marks named is read; anyone else (a mark
    corrected to absent, a moved session, a person moved or deleted) is recomputed from all
    their trained marks, as `summaries_rebuild_all` builds them.

    Commune figures: a period's figure changes only through the people, households and
    sessions touched here. For every period that contains a day that moved, the statement
    counts the touched people (and their topics, first days, households) in the period
    before and after, from their old and new rows, and adds the difference to the stored
    figures; a household also counts, before and after, if another of its members was
    trained in the period (looked up by index). No commune is recounted.

    Returns nothing; `touched` learns which communes, months and days moved ("trained" or
    "sessions"), for the caller's report.
    """
    tz = timezone.get_current_timezone_name()
    t = {
        m.__name__: _table(m)
        for m in (
            PersonMonth,
            PersonTopicMonth,
            PersonSummary,
            SessionSummary,
            Attendance,
            TrainingSession,
            Person,
            Campaign,
            CommunePeriodStat,
        )
    }
    topics = _table(TrainingSession.topic_list.through)
    held = TrainingSession.Status.HELD
    bit = "(1 << (extract(day FROM {0})::int - 1))"
    month = "date_trunc('month', {0})::date"
    params = {
        "tz": tz,
        "people": sorted(person_ids),
        "live": sorted(live_ids),
        "sessions": sorted(session_ids),
        "live_sessions": sorted(set(session_ids) - set(exclude_session_ids)),
        "excluded": sorted(exclude_session_ids),
        "trained": list(TRAINED_STATUSES),
        "held": held,
        "marks_only": bool(marks_only),
    }
    pm_cols = "person_id, month, days, commune_id, village_id, household"
    ctes = [
        # The marks the change names, as they are now (only for marks_only).
        "cur AS MATERIALIZED (SELECT a.person_id, a.session_id, "  # noqa: S608
        "(s.starts_at AT TIME ZONE %(tz)s)::date AS day, "
        "(a.status = ANY(%(trained)s) AND s.status = %(held)s) AS counts "
        f"FROM {t['Attendance']} a JOIN {t['TrainingSession']} s ON s.id = a.session_id "
        "WHERE %(marks_only)s AND a.session_id = ANY(%(live_sessions)s) "
        "AND a.person_id = ANY(%(live)s))",
        f"who AS MATERIALIZED (SELECT id AS person_id, commune_id, village_id, household "
        f"FROM {t['Person']} WHERE id = ANY(%(live)s))",
        f"pm_old AS MATERIALIZED (SELECT {pm_cols} FROM {t['PersonMonth']} "
        "WHERE person_id = ANY(%(people)s))",
        f"ps_old AS MATERIALIZED (SELECT person_id, first_trained_on, commune_id "
        f"FROM {t['PersonSummary']} WHERE person_id = ANY(%(people)s))",
        # People whose named marks all count, and whose rows say where they live now.
        "additive AS MATERIALIZED (SELECT person_id FROM cur GROUP BY person_id "
        "HAVING bool_and(counts) EXCEPT SELECT o.person_id FROM pm_old o JOIN who w "
        "USING (person_id) WHERE (o.commune_id, o.village_id, o.household) "
        "IS DISTINCT FROM (w.commune_id, w.village_id, w.household) "
        "EXCEPT SELECT o.person_id FROM ps_old o JOIN who w USING (person_id) "
        "WHERE o.commune_id IS DISTINCT FROM w.commune_id "
        "EXCEPT SELECT o.person_id FROM ptm_old o JOIN who w USING (person_id) "
        "WHERE o.commune_id IS DISTINCT FROM w.commune_id)",
        "full_ids AS (SELECT coalesce(array_agg(person_id), '{}') AS ids FROM who "
        "WHERE person_id NOT IN (SELECT person_id FROM additive))",
        "marks AS MATERIALIZED (SELECT a.person_id, a.session_id, "
        "(s.starts_at AT TIME ZONE %(tz)s)::date AS day, p.commune_id, p.village_id, "
        f"p.household FROM {t['Attendance']} a "
        f"JOIN {t['TrainingSession']} s ON s.id = a.session_id "
        f"JOIN {t['Person']} p ON p.id = a.person_id "
        "WHERE a.person_id = ANY((SELECT ids FROM full_ids)::bigint[]) "
        "AND a.status = ANY(%(trained)s) AND s.status = %(held)s "
        "AND NOT a.session_id = ANY(%(excluded)s))",
        # The additive people's new days, where they live.
        "gain AS (SELECT c.person_id, c.session_id, c.day, w.commune_id, w.village_id, "
        "w.household FROM cur c JOIN additive USING (person_id) JOIN who w USING (person_id))",
        _sync_cte(
            "pm",
            t["PersonMonth"],
            ("person_id", "month"),
            ("days", "commune_id", "village_id", "household"),
            f"SELECT person_id, {month.format('day')} AS month, bit_or({bit.format('day')}) "
            "AS days, commune_id, village_id, household FROM marks GROUP BY 1, 2, 4, 5, 6 "
            "UNION ALL SELECT person_id, month, bit_or(days), commune_id, village_id, "
            "household FROM (SELECT o.* FROM pm_old o JOIN additive USING (person_id) "
            f"UNION ALL SELECT person_id, {month.format('day')}, {bit.format('day')}, "
            "commune_id, village_id, household FROM gain) x GROUP BY 1, 2, 4, 5, 6",
            None,
        ),
        _sync_cte(
            "ptm",
            t["PersonTopicMonth"],
            ("person_id", "topic_id", "month"),
            ("days", "commune_id"),
            "SELECT person_id, topic_id, month, bit_or(days) AS days, commune_id FROM ("
            f"SELECT m.person_id, st.sessiontopic_id AS topic_id, {month.format('m.day')} "
            f"AS month, {bit.format('m.day')} AS days, m.commune_id "
            "FROM (SELECT person_id, session_id, day, commune_id FROM marks UNION ALL "
            "SELECT person_id, session_id, day, commune_id FROM gain) m "
            # LATERAL … OFFSET 0 (not pulled up into a join): each session's topics looked
            # up by index; for a few hundred marks against millions of topic rows the
            # planner would otherwise merge-join the whole index (~1 s at 20 M marks).
            f"JOIN LATERAL (SELECT sessiontopic_id FROM {topics} WHERE trainingsession_id = "
            "m.session_id OFFSET 0) st ON true "
            "UNION ALL SELECT o.person_id, o.topic_id, o.month, o.days, o.commune_id "
            "FROM ptm_old o JOIN additive USING (person_id)) x GROUP BY 1, 2, 3, 5",
            None,
        ),
        _sync_cte(
            "ps",
            t["PersonSummary"],
            ("person_id",),
            ("first_trained_on", "commune_id"),
            "SELECT person_id, min(day) AS first_trained_on, commune_id FROM (SELECT "
            "person_id, day, commune_id FROM marks UNION ALL SELECT person_id, day, commune_id "
            "FROM gain UNION ALL SELECT o.person_id, o.first_trained_on, o.commune_id "
            "FROM ps_old o JOIN additive USING (person_id)) x GROUP BY 1, 3",
            None,
        ),
        _sync_cte(
            "ss",
            t["SessionSummary"],
            ("session_id",),
            ("commune_id", "day", "held"),
            "SELECT id AS session_id, commune_id, (starts_at AT TIME ZONE %(tz)s)::date AS day, "
            f"status = %(held)s AS held FROM {t['TrainingSession']} "
            "WHERE id = ANY(%(live_sessions)s)",
            "session_id = ANY(%(sessions)s)",
        ),
    ]
    # ptm_old is used by ptm_fresh (the additive people's rows kept): define it first.
    ctes.insert(
        4,
        "ptm_old AS MATERIALIZED (SELECT person_id, topic_id, month, days, commune_id "
        f"FROM {t['PersonTopicMonth']} WHERE person_id = ANY(%(people)s))",
    )
    # Old and new values of every row that moved, as (group, commune, month, day mask).
    moved = []
    for name, mask, when in (
        ("pm", "{p}days", "month"),
        ("ptm", "{p}days", "month"),
        ("ps", bit.format("{p}first_trained_on"), month.format("{p}first_trained_on")),
        ("ss", bit.format("{p}day"), month.format("{p}day")),
    ):
        group = "sessions" if name == "ss" else "trained"
        for source, prefix, cond in (
            (f"{name}_gone", "", ""),
            (f"{name}_new", "old_", " WHERE had_old"),
            (f"{name}_new", "", ""),
        ):
            moved.append(
                f"SELECT '{group}' AS g, {prefix}commune_id AS commune_id, "
                f"{when.format(p=prefix)} AS month, {mask.format(p=prefix)} AS mask "
                f"FROM {source}{cond}"
            )
    ctes.append(
        "moved AS MATERIALIZED (SELECT g, commune_id, month, bit_or(mask) AS mask FROM ("
        + " UNION ALL ".join(moved)
        + ") m WHERE commune_id IS NOT NULL GROUP BY 1, 2, 3)"
    )
    # Every summarised period containing a day that moved, and its day mask per month.
    end = "(date_trunc('{0}', day) + interval '{1}' - interval '1 day')::date"
    ctes += [
        "mdays AS (SELECT DISTINCT (month + d - 1) AS day FROM moved, "
        "generate_series(1, 31) AS d WHERE mask & (1 << (d - 1)) <> 0)",
        "per AS (SELECT DISTINCT * FROM ("
        + " UNION ALL ".join(
            f"SELECT '{kind}'::text AS kind, date_trunc('{kind}', day)::date AS starts_on, "
            f"{end.format(kind, span)} AS ends_on FROM mdays"
            for kind, span in (
                ("week", "1 week"),
                ("month", "1 month"),
                ("quarter", "3 months"),
                ("year", "1 year"),
            )
        )
        + " UNION ALL SELECT 'campaign', c.starts_on, c.ends_on FROM "  # noqa: S608
        f"{t['Campaign']} c WHERE EXISTS (SELECT 1 FROM mdays "
        "WHERE day BETWEEN c.starts_on AND c.ends_on)) x)",
        "pmask AS MATERIALIZED (SELECT p.kind, p.starts_on, p.ends_on, "
        "m.month::date AS month, ((1::bigint << extract(day FROM least(p.ends_on, "
        "(m.month + interval '1 month' - interval '1 day')::date))::int) - (1::bigint << "
        "(extract(day FROM greatest(p.starts_on, m.month::date))::int - 1)))::int AS mask "
        "FROM per p, generate_series(date_trunc('month', p.starts_on), p.ends_on, "
        "interval '1 month') AS m(month))",
    ]
    ctes += [
        # The touched people's monthly rows in each period, before (-1) and after (+1).
        "pm_in AS MATERIALIZED (SELECT DISTINCT r.sign, r.person_id, r.commune_id, "
        "r.village_id, r.household, k.kind, k.starts_on, k.ends_on FROM ("
        f"SELECT -1 AS sign, {pm_cols} FROM pm_old UNION ALL "
        f"SELECT 1, {pm_cols} FROM pm_fresh) r "
        "JOIN pmask k ON k.month = r.month AND r.days & k.mask <> 0 "
        "WHERE r.commune_id IS NOT NULL)",
        "d_people AS (SELECT commune_id, kind, starts_on, ends_on, "
        "sum(sign) AS people_trained, sum(sign) FILTER (WHERE household = '' "
        "OR village_id IS NULL) AS trained_without_household FROM pm_in GROUP BY 1, 2, 3, 4)",
        # A household's before and after: any touched member's rows, else another member's.
        "hh AS (SELECT commune_id, village_id, household, kind, starts_on, ends_on, "
        "bool_or(sign < 0) AS before, bool_or(sign > 0) AS after FROM pm_in "
        "WHERE household <> '' AND village_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6)",
        "d_households AS (SELECT h.commune_id, h.kind, h.starts_on, h.ends_on, "
        "sum(h.after::int - h.before::int) AS households_reached FROM hh h "
        # A subplan per household (not an anti-join the planner could turn into a scan of
        # the whole table): its other members' rows in the period, by index.
        "WHERE h.before <> h.after AND coalesce((SELECT false FROM "  # noqa: S608
        f"{t['PersonMonth']} o JOIN pmask k ON k.month = o.month AND o.days & k.mask <> 0 "
        "WHERE o.village_id = h.village_id AND o.household = h.household "
        "AND o.commune_id = h.commune_id AND o.person_id <> ALL(%(people)s) "
        "AND (k.kind, k.starts_on, k.ends_on) = (h.kind, h.starts_on, h.ends_on) LIMIT 1), "
        "true) GROUP BY 1, 2, 3, 4)",
        "d_topics AS (SELECT commune_id, kind, starts_on, ends_on, topic_id, sum(sign) AS n "
        "FROM (SELECT DISTINCT r.sign, r.person_id, r.topic_id, r.commune_id, k.kind, "
        "k.starts_on, k.ends_on FROM (SELECT -1 AS sign, person_id, topic_id, month, days, "
        "commune_id FROM ptm_old UNION ALL SELECT 1, person_id, topic_id, month, days, "
        "commune_id FROM ptm_fresh) r JOIN pmask k ON k.month = r.month "
        "AND r.days & k.mask <> 0 WHERE r.commune_id IS NOT NULL) x "
        "GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0)",
        "d_newly AS (SELECT r.commune_id, p.kind, p.starts_on, p.ends_on, sum(r.sign) "
        "AS newly_trained FROM (SELECT -1 AS sign, commune_id, first_trained_on AS day "
        "FROM ps_old UNION ALL SELECT 1, commune_id, first_trained_on FROM ps_fresh) r "
        "JOIN per p ON r.day BETWEEN p.starts_on AND p.ends_on "
        "WHERE r.commune_id IS NOT NULL GROUP BY 1, 2, 3, 4)",
        "d_sessions AS (SELECT r.commune_id, p.kind, p.starts_on, p.ends_on, sum(r.sign) "
        "AS sessions_held FROM (SELECT -1 AS sign, commune_id, day FROM ss_old WHERE held "
        "UNION ALL SELECT 1, commune_id, day FROM ss_fresh WHERE held) r "
        "JOIN per p ON r.day BETWEEN p.starts_on AND p.ends_on GROUP BY 1, 2, 3, 4)",
        "delta AS MATERIALIZED (SELECT commune_id, kind, starts_on, ends_on, "
        + ", ".join(f"coalesce(sum({f}), 0)::int AS {f}" for f in DELTA_FIGURES)
        + ", coalesce(jsonb_object_agg(topic_id::text, n) FILTER (WHERE topic_id IS NOT "
        "NULL), '{}'::jsonb) AS by_topic FROM ("
        + " UNION ALL ".join(
            "SELECT commune_id, kind, starts_on, ends_on, "
            + ", ".join(f if f in fields else f"NULL::bigint AS {f}" for f in DELTA_FIGURES)
            + (
                ", topic_id, n"
                if source == "d_topics"
                else ", NULL::bigint AS topic_id, NULL::bigint AS n"
            )
            + f" FROM {source}"
            for source, fields in (
                ("d_people", ("people_trained", "trained_without_household")),
                ("d_households", ("households_reached",)),
                ("d_newly", ("newly_trained",)),
                ("d_sessions", ("sessions_held",)),
                ("d_topics", ()),
            )
        )
        + ") x GROUP BY 1, 2, 3, 4)",
        # Stored figures move by the difference (never below zero: a figure that would is
        # wrong already, and the nightly reconcile repairs it); a pair without a row gets
        # one. An upsert: each pair is found through the unique index, whatever the
        # planner guesses about the CTEs' sizes.
        f"stat_put AS (INSERT INTO {t['CommunePeriodStat']} AS s (commune_id, kind, starts_on, "
        "ends_on, certificates_issued, course_completions, "
        + ", ".join(DELTA_FIGURES)
        + ", by_topic) SELECT d.commune_id, d.kind, d.starts_on, d.ends_on, 0, 0, "
        + ", ".join(f"greatest(0, d.{f})" for f in DELTA_FIGURES)
        + ", coalesce((SELECT jsonb_object_agg(key, value) FROM jsonb_each(d.by_topic) "
        "WHERE value::int > 0), '{}'::jsonb) FROM delta d WHERE "
        + " OR ".join(f"d.{f} <> 0" for f in DELTA_FIGURES)
        + " OR d.by_topic <> '{}'::jsonb ON CONFLICT (commune_id, kind, starts_on, ends_on) "
        f"DO UPDATE SET ({', '.join(DELTA_FIGURES)}, by_topic) = (SELECT "
        + ", ".join(f"greatest(0, s.{f} + d.{f})" for f in DELTA_FIGURES)
        + ", (SELECT coalesce(jsonb_object_agg(k, v), '{}'::jsonb) FROM (SELECT k, sum(v) AS v "
        "FROM (SELECT key AS k, value::int AS v FROM jsonb_each_text(s.by_topic) UNION ALL "
        "SELECT key, value::int FROM jsonb_each_text(d.by_topic)) y GROUP BY k "
        "HAVING sum(v) > 0) z) FROM delta d WHERE (d.commune_id, d.kind, d.starts_on, "
        "d.ends_on) = (excluded.commune_id, excluded.kind, excluded.starts_on, "
        "excluded.ends_on)) RETURNING 1)",
    ]
    sql = (
        f"WITH {', '.join(ctes)} SELECT g, commune_id, month, mask, "
        "(SELECT count(*) FROM stat_put) FROM moved"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    for group, commune_id, month_start, mask, _written in rows:
        if group == "sessions" and not session_ids:
            continue
        touched.add_mask(group, commune_id, month_start, mask)


def _refresh_sessions(session_ids, exclude_session_ids, touched: Touched) -> None:
    fresh = {
        (pk,): (commune_id, local_day(starts_at), status == TrainingSession.Status.HELD)
        for pk, commune_id, starts_at, status in TrainingSession.objects.filter(
            pk__in=session_ids - exclude_session_ids
        ).values_list("pk", "commune_id", "starts_at", "status")
    }
    old = {
        (pk,): (commune_id, day, held)
        for pk, commune_id, day, held in SessionSummary.objects.filter(
            session_id__in=session_ids
        ).values_list("session_id", "commune_id", "day", "held")
    }
    changed = {k for k in fresh.keys() | old.keys() if fresh.get(k) != old.get(k)}
    for key in changed:
        for values in (old.get(key), fresh.get(key)):
            if values is not None:
                touched.add("sessions", values[0], values[1])
    if not changed:
        return
    gone = [k[0] for k in changed if k not in fresh]
    if gone:
        SessionSummary.objects.filter(session_id__in=gone).delete()
    rows = [(k[0], *fresh[k]) for k in changed if k in fresh]
    if rows:
        _insert(
            SessionSummary,
            ["session_id", "commune_id", "day", "held"],
            rows,
            update=["commune_id", "day", "held"],
            conflict=["session_id"],
        )


# --- Layer 3: commune-level figures --------------------------------------------------------


def _campaigns() -> list[Campaign]:
    return list(Campaign.objects.all())


def _d(value: dt.date):
    return connection.ops.adapt_datefield_value(value)


def _month_condition(start: dt.date, end: dt.date, column="month", days="days"):
    """SQL (and parameters) true for a monthly row with a day in [start, end]."""
    parts, params = [], []
    months = months_between(start, end)
    # Whole months inside the range are contiguous: one BETWEEN covers them all.
    full = [m for m in months if m >= start and month_end(m) <= end]
    for month in months:
        if month in full:
            continue
        parts.append(f"({column} = %s AND ({days} & %s) <> 0)")
        params += [_d(month), day_mask(month, start, end)]
    if full:
        parts.append(f"({column} BETWEEN %s AND %s)")
        params += [_d(full[0]), _d(full[-1])]
    return "(" + " OR ".join(parts or ["1 = 0"]) + ")", params


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _recount(commune_ids: Iterable[int], periods: Iterable[Period], groups: Iterable[str]):
    """Every figure of these groups for each commune and period, from layer 2.

    Returns {(commune_id, period): {field: value}}, with zeros where there is nothing.
    Each table is read once for all periods, with one conditional count per period.
    """
    commune_ids = sorted(set(commune_ids))
    periods = sorted(set(periods))
    groups = set(groups)
    result = {
        (c, p): {f: ({} if f == "by_topic" else 0) for g in groups for f in GROUP_FIELDS[g]}
        for c in commune_ids
        for p in periods
    }
    if not commune_ids or not periods:
        return result
    in_communes = ", ".join(["%s"] * len(commune_ids))
    span_start, span_end = min(p.start for p in periods), max(p.end for p in periods)

    def run(sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    if "trained" in groups:
        selects, params = [], []
        for period in periods:
            cond, cond_params = _month_condition(period.start, period.end)
            selects += [
                f"COUNT(DISTINCT CASE WHEN {cond} THEN person_id END)",
                f"COUNT(DISTINCT CASE WHEN {cond} AND household <> '' AND village_id IS NOT NULL "
                "THEN CAST(village_id AS TEXT) || '/' || household END)",
                f"COUNT(DISTINCT CASE WHEN {cond} AND (household = '' OR village_id IS NULL) "
                "THEN person_id END)",
            ]
            params += cond_params * 3
        sql = (
            f"SELECT commune_id, {', '.join(selects)} FROM {_table(PersonMonth)} "  # noqa: S608
            f"WHERE commune_id IN ({in_communes}) AND month BETWEEN %s AND %s GROUP BY commune_id"
        )
        for row in run(sql, [*params, *commune_ids, _d(span_start.replace(day=1)), _d(span_end)]):
            for i, period in enumerate(periods):
                figures = result[row[0], period]
                (
                    figures["people_trained"],
                    figures["households_reached"],
                    figures["trained_without_household"],
                ) = row[1 + 3 * i : 4 + 3 * i]
        selects, params = [], []
        for period in periods:
            cond, cond_params = _month_condition(period.start, period.end)
            selects.append(f"COUNT(DISTINCT CASE WHEN {cond} THEN person_id END)")
            params += cond_params
        sql = (
            f"SELECT commune_id, topic_id, {', '.join(selects)} "  # noqa: S608
            f"FROM {_table(PersonTopicMonth)} WHERE commune_id IN ({in_communes}) "
            "AND month BETWEEN %s AND %s GROUP BY commune_id, topic_id"
        )
        for row in run(sql, [*params, *commune_ids, _d(span_start.replace(day=1)), _d(span_end)]):
            for i, period in enumerate(periods):
                if row[2 + i]:
                    result[row[0], period]["by_topic"][str(row[1])] = row[2 + i]
        selects = ["SUM(CASE WHEN first_trained_on BETWEEN %s AND %s THEN 1 ELSE 0 END)"] * len(
            periods
        )
        params = [_d(x) for p in periods for x in (p.start, p.end)]
        sql = (
            f"SELECT commune_id, {', '.join(selects)} FROM {_table(PersonSummary)} "  # noqa: S608
            f"WHERE commune_id IN ({in_communes}) AND first_trained_on BETWEEN %s AND %s "
            "GROUP BY commune_id"
        )
        for row in run(sql, [*params, *commune_ids, _d(span_start), _d(span_end)]):
            for i, period in enumerate(periods):
                result[row[0], period]["newly_trained"] = int(row[1 + i] or 0)

    if "sessions" in groups:
        selects = ["SUM(CASE WHEN held AND day BETWEEN %s AND %s THEN 1 ELSE 0 END)"] * len(periods)
        params = [_d(x) for p in periods for x in (p.start, p.end)]
        sql = (
            f"SELECT commune_id, {', '.join(selects)} FROM {_table(SessionSummary)} "  # noqa: S608
            f"WHERE commune_id IN ({in_communes}) AND day BETWEEN %s AND %s GROUP BY commune_id"
        )
        for row in run(sql, [*params, *commune_ids, _d(span_start), _d(span_end)]):
            for i, period in enumerate(periods):
                result[row[0], period]["sessions_held"] = int(row[1 + i] or 0)

    if "days" in groups:
        selects = []
        for _period in periods:
            selects += [
                "SUM(CASE WHEN day BETWEEN %s AND %s THEN certificates ELSE 0 END)",
                "SUM(CASE WHEN day BETWEEN %s AND %s THEN completions ELSE 0 END)",
            ]
        params = [_d(x) for p in periods for _ in range(2) for x in (p.start, p.end)]
        sql = (
            f"SELECT commune_id, {', '.join(selects)} FROM {_table(PersonDay)} "  # noqa: S608
            f"WHERE commune_id IN ({in_communes}) AND day BETWEEN %s AND %s GROUP BY commune_id"
        )
        for row in run(sql, [*params, *commune_ids, _d(span_start), _d(span_end)]):
            for i, period in enumerate(periods):
                figures = result[row[0], period]
                figures["certificates_issued"] = int(row[1 + 2 * i] or 0)
                figures["course_completions"] = int(row[2 + 2 * i] or 0)
    return result


def commune_stats_recount(touched: Touched, applied: Iterable[str] = ()) -> None:
    """Recount the stored figures of every commune and period that `touched` names, except
    for the groups whose figures were already moved by difference (`applied`)."""
    applied = set(applied)
    if not any(pairs for group, pairs in touched.days.items() if group not in applied):
        return
    campaigns = _campaigns()
    work: dict[str, set[tuple[int, Period]]] = {}
    for group, pairs in touched.days.items():
        if group in applied:
            continue
        keys = set()
        for commune_id, day in pairs:
            for period in periods_containing(day, campaigns):
                keys.add((commune_id, period))
        if keys:
            work[group] = keys
    if not work:
        return
    communes = {c for keys in work.values() for c, _p in keys}
    if not communes <= touched.locked:
        _lock(LOCK_COMMUNE, communes)
    # One recount for all groups (a superset of what each needs: cheaper than one each).
    _stats_write(set().union(*work.values()), list(work))


def _stats_write(keys: set[tuple[int, Period]], groups: list[str]) -> None:
    """Recount `groups` for these (commune, period) pairs and store them.

    On PostgreSQL every figure is recounted and stored in one statement.
    """
    if not keys:
        return
    if connection.vendor == "postgresql":
        _stats_write_sql(keys)
        return
    communes = {c for c, _p in keys}
    periods = {p for _c, p in keys}
    figures = _recount(communes, periods, groups)
    fields = [f for g in groups for f in GROUP_FIELDS[g]]
    existing = {
        (row.commune_id, row.period): row
        for row in CommunePeriodStat.objects.filter(
            commune_id__in=communes,
            starts_on__in={p.start for p in periods},
            ends_on__in={p.end for p in periods},
        )
    }
    to_write = []
    for key in keys:
        values = figures[key]
        row = existing.get(key)
        if row is None:
            if not any(values.values()):
                continue  # nothing happened there: no row means zero
            commune_id, period = key
            row = CommunePeriodStat(
                commune_id=commune_id, kind=period.kind, starts_on=period.start, ends_on=period.end
            )
        elif all(getattr(row, f) == values[f] for f in fields):
            continue
        for f in fields:
            setattr(row, f, values[f])
        to_write.append(row)
    if to_write:
        CommunePeriodStat.objects.bulk_create(
            to_write,
            update_conflicts=True,
            unique_fields=["commune", "kind", "starts_on", "ends_on"],
            update_fields=fields,
        )


def campaign_stats_build(*, campaign_id: int) -> None:
    """Fill in the figures of a campaign's dates (new or changed) for every commune."""
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    CommunePeriodStat.objects.filter(kind=PeriodKind.CAMPAIGN).exclude(
        (Q(starts_on__in=Campaign.objects.values("starts_on")))
        & Q(ends_on__in=Campaign.objects.values("ends_on"))
    ).delete()
    if campaign is None:
        return
    period = Period(PeriodKind.CAMPAIGN, campaign.starts_on, campaign.ends_on)
    communes = set(
        PersonMonth.objects.filter(
            month__gte=period.start.replace(day=1), month__lte=period.end
        ).values_list("commune_id", flat=True)
    )
    communes |= set(
        SessionSummary.objects.filter(day__range=(period.start, period.end)).values_list(
            "commune_id", flat=True
        )
    )
    communes |= set(
        PersonDay.objects.filter(day__range=(period.start, period.end)).values_list(
            "commune_id", flat=True
        )
    )
    communes.discard(None)
    communes = sorted(communes)
    for i in range(0, len(communes), 200):
        chunk = communes[i : i + 200]
        with transaction.atomic():
            _lock(LOCK_COMMUNE, chunk)
            _stats_write({(c, period) for c in chunk}, list(GROUP_FIELDS))


# --- Reading -------------------------------------------------------------------------------


def is_summarised(period: Period) -> bool:
    """Whether CommunePeriodStat holds this period (else it is recounted from layer 2)."""
    from .periods import period_bounds

    if period.kind == PeriodKind.CAMPAIGN:
        return Campaign.objects.filter(starts_on=period.start, ends_on=period.end).exists()
    if period.kind in (PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR):
        return period_bounds(period.kind, period.start) == (period.start, period.end)
    return False


def _empty() -> dict:
    return {**dict.fromkeys(COUNTS, 0), "by_topic": {}}


def indicators_for(commune_ids: Iterable[int], period: Period) -> dict[int, dict]:
    """{commune_id: {figure: value, "by_topic": {topic_id: n}}} for one period."""
    commune_ids = list(commune_ids)
    result = {c: _empty() for c in commune_ids}
    if is_summarised(period):
        rows = CommunePeriodStat.objects.filter(
            starts_on=period.start, ends_on=period.end, commune_id__in=commune_ids
        ).values("commune_id", "by_topic", *COUNTS)
        for row in rows:
            commune_id = row.pop("commune_id")
            result[commune_id] = {
                **row,
                "by_topic": {int(k): v for k, v in row["by_topic"].items()},
            }
        return result
    for (commune_id, _p), figures in _recount(commune_ids, [period], GROUP_FIELDS).items():
        figures["by_topic"] = {int(k): v for k, v in figures["by_topic"].items()}
        result[commune_id] = figures
    return result


def weekly_people_trained(commune_ids: Iterable[int], start: dt.date, end: dt.date):
    """[(week start, people trained)] for every week from `start` to `end` (one query)."""
    rows = dict(
        CommunePeriodStat.objects.filter(
            kind=PeriodKind.WEEK,
            starts_on__gte=start,
            starts_on__lte=end,
            commune_id__in=commune_ids,
        )
        .values_list("starts_on")
        .annotate(n=Sum("people_trained"))
    )
    weeks, week = [], start - dt.timedelta(days=start.weekday())
    while week <= end:
        weeks.append((week, rows.get(week, 0)))
        week += dt.timedelta(days=7)
    return weeks


def villages_people_trained(commune_id: int, period: Period) -> dict[int | None, dict]:
    """People trained and households reached per village of one commune (from layer 2)."""
    cond, params = _month_condition(period.start, period.end)
    sql = (
        f"SELECT village_id, COUNT(DISTINCT person_id), "  # noqa: S608
        "COUNT(DISTINCT CASE WHEN household <> '' THEN household END) "
        f"FROM {_table(PersonMonth)} WHERE commune_id = %s AND {cond} GROUP BY village_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [commune_id, *params])
        return {v: {"people": p, "households": h} for v, p, h in cursor.fetchall()}


# --- Brute force, by the definitions (tests and the nightly reconcile) ----------------------


def _local_bounds(period: Period):
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(period.start, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return start, end


def indicators_from_raw(commune_ids: Iterable[int], period: Period) -> dict[int, dict]:
    """The figures counted straight from attendance, sessions, people and certificates."""
    commune_ids = list(commune_ids)
    start, end = _local_bounds(period)
    result = {c: _empty() for c in commune_ids}
    trained_marks = Attendance.objects.filter(
        status__in=TRAINED_STATUSES, session__status=TrainingSession.Status.HELD
    )
    in_period = trained_marks.filter(session__starts_at__gte=start, session__starts_at__lt=end)
    people = Person.objects.filter(
        commune_id__in=commune_ids, pk__in=in_period.values("person_id")
    ).values_list("pk", "commune_id", "village_id", "household")
    households = defaultdict(set)
    for _pk, commune_id, village_id, household in people:
        result[commune_id]["people_trained"] += 1
        if household and village_id:
            households[commune_id].add((village_id, household))
        else:
            result[commune_id]["trained_without_household"] += 1
    for commune_id, pairs in households.items():
        result[commune_id]["households_reached"] = len(pairs)
    firsts = (
        trained_marks.filter(person__commune_id__in=commune_ids)
        .values("person_id", "person__commune_id")
        .annotate(first=Min("session__starts_at"))
    )
    for row in firsts:
        if start <= row["first"] < end:
            result[row["person__commune_id"]]["newly_trained"] += 1
    by_topic = (
        Person.objects.filter(commune_id__in=commune_ids)
        .filter(
            attendances__in=in_period.filter(session__topic_list__isnull=False),
        )
        .values_list("commune_id", "attendances__session__topic_list")
        .annotate(n=Count("pk", distinct=True))
    )
    for commune_id, topic_id, n in by_topic:
        if topic_id is not None:
            result[commune_id]["by_topic"][topic_id] = n
    for commune_id, n in (
        TrainingSession.objects.filter(
            commune_id__in=commune_ids,
            status=TrainingSession.Status.HELD,
            starts_at__gte=start,
            starts_at__lt=end,
        )
        .values_list("commune_id")
        .annotate(n=Count("pk"))
    ):
        result[commune_id]["sessions_held"] = n
    for commune_id, n in (
        CourseProgress.objects.filter(
            person__commune_id__in=commune_ids, completed_at__gte=start, completed_at__lt=end
        )
        .values_list("person__commune_id")
        .annotate(n=Count("pk"))
    ):
        result[commune_id]["course_completions"] = n
    Certificate = certificate_model()
    if Certificate is not None:
        for commune_id, n in (
            Certificate.objects.valid()
            .filter(recipient__commune_id__in=commune_ids, issued_at__gte=start, issued_at__lt=end)
            .values_list("recipient__commune_id")
            .annotate(n=Count("pk"))
        ):
            result[commune_id]["certificates_issued"] = n
    return result


def _people_counted_in(commune_id: int) -> set[int]:
    """Who lives in the commune or is counted there in a summary."""
    person_ids = set(Person.objects.filter(commune_id=commune_id).values_list("pk", flat=True))
    for model in (PersonMonth, PersonTopicMonth, PersonSummary, PersonDay):
        person_ids |= set(
            model.objects.filter(commune_id=commune_id).values_list("person_id", flat=True)
        )
    return person_ids


def summaries_reconcile(*, commune_id: int) -> list[str]:
    """Recompute a commune's summaries from the raw rows; log and return every difference.

    Everyone who lives in the commune or is counted there today is refreshed, and every
    period the commune has figures for is recounted.
    """
    differences = []
    with transaction.atomic():
        # The people, then the commune: the order every change locks them in, so a roll call
        # saved meanwhile in this commune is waited for, not deadlocked with.
        person_ids = _people_counted_in(commune_id)
        _lock(LOCK_PERSON, person_ids)
        _lock(LOCK_COMMUNE, [commune_id])
        person_ids |= _people_counted_in(commune_id)  # anyone who came in meanwhile
        before = {
            (row.period): {f: getattr(row, f) for f in (*COUNTS, "by_topic")}
            for row in CommunePeriodStat.objects.filter(commune_id=commune_id)
        }
        session_ids = set(
            TrainingSession.objects.filter(commune_id=commune_id).values_list("pk", flat=True)
        ) | set(SessionSummary.objects.filter(commune_id=commune_id).values_list("pk", flat=True))
        ordered = sorted(person_ids)
        repaired = Touched()
        for i in range(0, max(len(ordered), 1), 1000):
            touched = summaries_refresh(
                person_ids=ordered[i : i + 1000],
                session_ids=session_ids if i == 0 else (),
                groups=list(GROUP_FIELDS),
            )
            for group, pairs in touched.days.items():
                repaired.days[group] |= pairs
        for group, pairs in repaired.days.items():
            if pairs:
                message = (
                    f"commune {commune_id}: {group} summaries differed on "
                    f"{len(pairs)} day(s), from {min(d for _c, d in pairs)}"
                )
                differences.append(message)
                logger.warning("coverage reconcile repaired %s", message)
        # Every period with a figure, before or now, is recounted in full.
        days = set()
        for model, column in (
            (PersonDay, "day"),
            (SessionSummary, "day"),
            (PersonSummary, "first_trained_on"),
        ):
            days |= set(model.objects.filter(commune_id=commune_id).values_list(column, flat=True))
        marks = Touched()
        for month, mask in PersonMonth.objects.filter(commune_id=commune_id).values_list(
            "month", "days"
        ):
            marks.add_mask("trained", commune_id, month, mask)
        days |= {day for _c, day in marks.days["trained"]}
        campaigns = _campaigns()
        periods = set(before) | {p for day in days for p in periods_containing(day, campaigns)}
        _stats_write({(commune_id, p) for p in periods}, list(GROUP_FIELDS))
        empty = [
            row.pk
            for row in CommunePeriodStat.objects.filter(commune_id=commune_id)
            if not any(getattr(row, f) for f in (*COUNTS, "by_topic"))
        ]
        CommunePeriodStat.objects.filter(pk__in=empty).delete()
        after = {
            (row.period): {f: getattr(row, f) for f in (*COUNTS, "by_topic")}
            for row in CommunePeriodStat.objects.filter(commune_id=commune_id)
        }
    for period in sorted(set(before) | set(after)):
        old, new = before.get(period), after.get(period)
        if old != new:
            message = (
                f"commune {commune_id} {period.kind} {period.start}–{period.end}: {old} → {new}"
            )
            differences.append(message)
            logger.warning("coverage reconcile repaired %s", message)
    return differences


# --- Building everything at once (a new install, a restore, the benchmark) -----------------


def _all_periods(first: dt.date, last: dt.date) -> list[Period]:
    """Every summarised period that overlaps [first, last]."""
    from .periods import CALENDAR_KINDS, period_of

    found = set()
    day = first
    while day <= last:
        found.update(period_of(kind, day) for kind in CALENDAR_KINDS)
        day += dt.timedelta(days=7)
    found.update(period_of(kind, last) for kind in CALENDAR_KINDS)
    found.update(
        Period(PeriodKind.CAMPAIGN, c.starts_on, c.ends_on)
        for c in Campaign.objects.filter(starts_on__lte=last, ends_on__gte=first)
    )
    return sorted(found)


def summaries_rebuild_all(*, progress=None) -> None:
    """Throw every summary away and build it again from the raw rows.

    On PostgreSQL every summary is made by a few set-based statements, into emptied tables
    whose secondary indexes are built again after the load (minutes for tens of millions of
    marks; the dashboard waits for the rebuild's transaction meanwhile); the commune figures
    use the same SQL as the incremental path. Elsewhere people are refreshed a thousand at a
    time and the commune figures recounted commune by commune.
    """
    say = progress or (lambda message: None)
    summary_models = (
        CommunePeriodStat,
        PersonMonth,
        PersonTopicMonth,
        PersonSummary,
        PersonDay,
        SessionSummary,
    )
    postgres = connection.vendor == "postgresql"
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE " + ", ".join(_table(m) for m in summary_models))
    else:
        for model in summary_models:
            model.objects.all().delete()
    if postgres:
        _rebuild_people_sql()
        say("person-level summaries built (SQL)")
    else:
        person_ids = list(Person.objects.order_by("pk").values_list("pk", flat=True))
        session_ids = list(TrainingSession.objects.values_list("pk", flat=True))
        _refresh_sessions(set(session_ids), set(), Touched())
        for i in range(0, len(person_ids), 1000):
            with transaction.atomic():
                _refresh_people_only(person_ids[i : i + 1000])
        say("person-level summaries built")
    Certificate = certificate_model()
    if Certificate is not None:
        recipients = sorted(set(Certificate.objects.values_list("recipient_id", flat=True)))
        for i in range(0, len(recipients), 1000):
            with transaction.atomic():
                _refresh_people_only(recipients[i : i + 1000], groups=("days",))
    days = [
        d
        for d in (
            SessionSummary.objects.aggregate(a=Min("day"))["a"],
            PersonSummary.objects.aggregate(a=Min("first_trained_on"))["a"],
            PersonDay.objects.aggregate(a=Min("day"))["a"],
        )
        if d
    ]
    if not days:
        return
    first = min(days)
    last = max(
        d
        for d in (
            SessionSummary.objects.aggregate(a=Max("day"))["a"],
            PersonMonth.objects.aggregate(a=Max("month"))["a"],
            PersonDay.objects.aggregate(a=Max("day"))["a"],
        )
        if d
    )
    last = month_end(last)
    periods = _all_periods(first, last)
    if postgres:
        _rebuild_stats_sql(periods)
        say(f"commune figures built (SQL, {len(periods)} periods)")
        return
    communes = sorted(
        set(SessionSummary.objects.values_list("commune_id", flat=True).distinct())
        | set(PersonSummary.objects.values_list("commune_id", flat=True).distinct())
        | set(PersonDay.objects.values_list("commune_id", flat=True).distinct()) - {None}
    )
    chunk = 20
    for n in range(0, len(communes), chunk):
        ids = communes[n : n + chunk]
        with transaction.atomic():
            _lock(LOCK_COMMUNE, ids)
            _stats_write({(c, p) for c in ids for p in periods}, list(GROUP_FIELDS))
        if (n // chunk) % 20 == 19:
            say(f"commune figures: {n + len(ids)}/{len(communes)}")


def _refresh_people_only(person_ids, groups=("trained", "days")) -> None:
    """Person-level rows only (the commune figures are recounted once at the end)."""
    months, topic_months, first = _month_rows(person_ids, set())
    noop = lambda key, values: None  # noqa: E731
    if "trained" in groups:
        _sync_table(
            PersonMonth,
            person_ids,
            ("person_id", "month"),
            ("days", "commune_id", "village_id", "household"),
            months,
            noop,
        )
        _sync_table(
            PersonTopicMonth,
            person_ids,
            ("person_id", "topic_id", "month"),
            ("days", "commune_id"),
            topic_months,
            noop,
        )
        _sync_table(
            PersonSummary,
            person_ids,
            ("person_id",),
            ("first_trained_on", "commune_id"),
            first,
            noop,
        )
    if "days" in groups:
        _sync_table(
            PersonDay,
            person_ids,
            ("person_id", "day"),
            ("certificates", "completions", "commune_id"),
            _day_rows(person_ids),
            noop,
        )


def _bulk_session(cursor) -> None:
    """Settings for building summaries of millions of rows in one transaction (PostgreSQL).

    Memory for the sorts of the GROUP BYs; and, for a superuser, no per-row foreign-key
    triggers: every row is derived from rows that exist, and tens of millions of deferred
    checks would queue in memory until COMMIT.
    """
    cursor.execute("SET LOCAL work_mem = '256MB'")
    cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
    cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if cursor.fetchone()[0]:
        cursor.execute("SET LOCAL session_replication_role = replica")


def _drop_indexes(cursor, tables: list[str]) -> list[str]:
    """Drop the secondary indexes and unique constraints of these (empty) tables; return the
    statements that make them again. Filling a table and then indexing it is several times
    faster than updating six indexes row by row; DDL is transactional, so a failed rebuild
    leaves every index in place."""
    again = []
    for table in tables:
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'u'",
            [table],
        )
        for name, definition in cursor.fetchall():
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            again.append(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        cursor.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "WHERE i.indrelid = %s::regclass AND NOT i.indisprimary AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
            [table],
        )
        for name, definition in cursor.fetchall():
            cursor.execute(f"DROP INDEX {name}")
            again.append(definition)
    return again


def _rebuild_people_sql() -> None:
    """Layer 2 from the raw rows in a handful of statements (PostgreSQL)."""
    tz = timezone.get_current_timezone_name()
    t = {
        m.__name__: _table(m)
        for m in (
            PersonMonth,
            PersonTopicMonth,
            PersonSummary,
            PersonDay,
            SessionSummary,
            Attendance,
            TrainingSession,
            Person,
            CourseProgress,
        )
    }
    topics = _table(TrainingSession.topic_list.through)
    held = TrainingSession.Status.HELD
    # Identifiers come from model metadata; every value is a parameter.
    statements = [
        (
            f"INSERT INTO {t['SessionSummary']} (session_id, commune_id, day, held) "  # noqa: S608
            f"SELECT id, commune_id, (starts_at AT TIME ZONE %s)::date, status = %s "
            f"FROM {t['TrainingSession']}",
            [tz, held],
        ),
        (
            "CREATE TEMPORARY TABLE coverage_marks ON COMMIT DROP AS "  # noqa: S608
            "SELECT a.person_id, a.session_id, (s.starts_at AT TIME ZONE %s)::date AS day "
            f"FROM {t['Attendance']} a JOIN {t['TrainingSession']} s ON s.id = a.session_id "
            "WHERE a.status IN (%s, %s) AND s.status = %s",
            [tz, *TRAINED_STATUSES, held],
        ),
        ("ANALYZE coverage_marks", []),
        (
            f"INSERT INTO {t['PersonMonth']} "  # noqa: S608
            "(person_id, month, days, commune_id, village_id, household) "
            "SELECT m.person_id, date_trunc('month', m.day)::date, "
            "bit_or(1 << (extract(day FROM m.day)::int - 1)), "
            "p.commune_id, p.village_id, p.household "
            f"FROM coverage_marks m JOIN {t['Person']} p ON p.id = m.person_id "
            "GROUP BY m.person_id, 2, p.commune_id, p.village_id, p.household ORDER BY 1, 2",
            [],
        ),
        (
            f"INSERT INTO {t['PersonTopicMonth']} (person_id, topic_id, month, days, commune_id) "  # noqa: S608
            "SELECT m.person_id, st.sessiontopic_id, date_trunc('month', m.day)::date, "
            "bit_or(1 << (extract(day FROM m.day)::int - 1)), p.commune_id "
            f"FROM coverage_marks m JOIN {topics} st ON st.trainingsession_id = m.session_id "
            f"JOIN {t['Person']} p ON p.id = m.person_id "
            "GROUP BY m.person_id, st.sessiontopic_id, 3, p.commune_id ORDER BY 1, 2, 3",
            [],
        ),
        (
            f"INSERT INTO {t['PersonSummary']} (person_id, commune_id, first_trained_on) "  # noqa: S608
            "SELECT m.person_id, p.commune_id, min(m.day) "
            f"FROM coverage_marks m JOIN {t['Person']} p ON p.id = m.person_id "
            "GROUP BY m.person_id, p.commune_id ORDER BY 1",
            [],
        ),
        (
            f"INSERT INTO {t['PersonDay']} (person_id, day, certificates, completions, commune_id) "  # noqa: S608
            "SELECT c.person_id, (c.completed_at AT TIME ZONE %s)::date, 0, count(*), "
            f"p.commune_id FROM {t['CourseProgress']} c "
            f"JOIN {t['Person']} p ON p.id = c.person_id "
            "WHERE c.completed_at IS NOT NULL GROUP BY c.person_id, 2, p.commune_id",
            [tz],
        ),
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        _bulk_session(cursor)
        rebuild_indexes = _drop_indexes(
            cursor,
            [
                t[name]
                for name in (
                    "PersonMonth",
                    "PersonTopicMonth",
                    "PersonSummary",
                    "PersonDay",
                    "SessionSummary",
                )
            ],
        )
        for sql, params in statements:
            cursor.execute(sql, params)
        for sql in rebuild_indexes:
            cursor.execute(sql)
    with connection.cursor() as cursor:
        cursor.execute(
            "ANALYZE "
            + ", ".join(
                t[name]
                for name in (
                    "PersonMonth",
                    "PersonTopicMonth",
                    "PersonSummary",
                    "PersonDay",
                    "SessionSummary",
                )
            )
        )


def _period_rows(periods) -> tuple[list[tuple], list[tuple]]:
    """(pid, kind, start, end) per period, and (pid, month, mask of its days) per month it
    overlaps: a period becomes equality joins on the month (as `_month_condition`)."""
    period_rows, month_rows = [], []
    for pid, period in enumerate(periods):
        period_rows.append((pid, period.kind, _d(period.start), _d(period.end)))
        for month in months_between(period.start, period.end):
            month_rows.append((pid, _d(month), day_mask(month, period.start, period.end)))
    return period_rows, month_rows


def _figures_ctes(period_month: str, where: str) -> str:
    """CTEs counting every figure per (commune, pid) from layer 2 (PostgreSQL).

    `period_month` names a relation (pid, month, mask); `where` restricts the summary rows
    (alias m), for example to some communes. Distinct counts stay distinct: a person's rows
    in several months of one period are grouped together.
    """
    pm, ptm, ps, sess, pd = (
        _table(m) for m in (PersonMonth, PersonTopicMonth, PersonSummary, SessionSummary, PersonDay)
    )

    def on_day(column):
        return (
            f"JOIN {period_month} p ON p.month = date_trunc('month', m.{column})::date "
            f"AND (1 << (extract(day FROM m.{column})::int - 1)) & p.mask <> 0"
        )

    on_month = f"JOIN {period_month} p ON p.month = m.month AND m.days & p.mask <> 0"
    # Identifiers come from model metadata and the caller's constants.
    return (
        "cov_trained AS (SELECT m.commune_id, p.pid, count(DISTINCT m.person_id) AS people, "  # noqa: S608
        "count(DISTINCT CASE WHEN m.household <> '' AND m.village_id IS NOT NULL "
        "THEN m.village_id::text || '/' || m.household END) AS households, "
        "count(DISTINCT m.person_id) FILTER (WHERE m.household = '' OR m.village_id IS NULL) "
        f"AS without FROM {pm} m {on_month} WHERE m.commune_id IS NOT NULL {where} "
        "GROUP BY 1, 2), "
        "cov_topics AS (SELECT commune_id, pid, jsonb_object_agg(topic_id::text, n) AS by_topic "
        "FROM (SELECT m.commune_id, p.pid, m.topic_id, count(DISTINCT m.person_id) AS n "
        f"FROM {ptm} m {on_month} WHERE m.commune_id IS NOT NULL {where} GROUP BY 1, 2, 3) t "
        "GROUP BY 1, 2), "
        "cov_newly AS (SELECT m.commune_id, p.pid, count(*) AS newly "
        f"FROM {ps} m {on_day('first_trained_on')} WHERE m.commune_id IS NOT NULL {where} "
        "GROUP BY 1, 2), "
        f"cov_sessions AS (SELECT m.commune_id, p.pid, count(*) AS held FROM {sess} m "
        f"{on_day('day')} WHERE m.held {where} GROUP BY 1, 2), "
        "cov_days AS (SELECT m.commune_id, p.pid, sum(m.certificates) AS certificates, "
        f"sum(m.completions) AS completions FROM {pd} m {on_day('day')} "
        f"WHERE m.commune_id IS NOT NULL {where} GROUP BY 1, 2)"
    )


STAT_COLUMNS = (
    "commune_id, kind, starts_on, ends_on, people_trained, newly_trained, households_reached, "
    "trained_without_household, sessions_held, certificates_issued, course_completions, by_topic"
)
# The figures of key k (commune_id, pid) and period p, from `_figures_ctes`.
STAT_SELECT = (
    "SELECT k.commune_id, p.kind, p.starts_on, p.ends_on, "
    "coalesce(t.people, 0) AS people_trained, coalesce(n.newly, 0) AS newly_trained, "
    "coalesce(t.households, 0) AS households_reached, "
    "coalesce(t.without, 0) AS trained_without_household, "
    "coalesce(s.held, 0) AS sessions_held, coalesce(d.certificates, 0) AS certificates_issued, "
    "coalesce(d.completions, 0) AS course_completions, "
    "coalesce(b.by_topic, '{{}}'::jsonb) AS by_topic "
    "FROM {keys} k JOIN {periods} p ON p.pid = k.pid "
    "LEFT JOIN cov_trained t ON (t.commune_id, t.pid) = (k.commune_id, k.pid) "
    "LEFT JOIN cov_topics b ON (b.commune_id, b.pid) = (k.commune_id, k.pid) "
    "LEFT JOIN cov_newly n ON (n.commune_id, n.pid) = (k.commune_id, k.pid) "
    "LEFT JOIN cov_sessions s ON (s.commune_id, s.pid) = (k.commune_id, k.pid) "
    "LEFT JOIN cov_days d ON (d.commune_id, d.pid) = (k.commune_id, k.pid)"
)


def _rebuild_stats_sql(periods: list[Period]) -> None:
    """Every commune's figures for these periods from layer 2, set-based (PostgreSQL):
    each summary table is read once for all communes and periods."""
    period_rows, month_rows = _period_rows(periods)
    stat = _table(CommunePeriodStat)
    keys = (
        "(SELECT commune_id, pid FROM cov_trained UNION SELECT commune_id, pid FROM cov_newly "
        "UNION SELECT commune_id, pid FROM cov_sessions UNION SELECT commune_id, pid "
        "FROM cov_days WHERE certificates + completions > 0)"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        _bulk_session(cursor)
        cursor.execute(
            "CREATE TEMPORARY TABLE cov_period (pid int PRIMARY KEY, kind text, starts_on date, "
            "ends_on date) ON COMMIT DROP"
        )
        cursor.execute(
            "CREATE TEMPORARY TABLE cov_period_month (pid int, month date, mask int) ON COMMIT DROP"
        )
        cursor.executemany("INSERT INTO cov_period VALUES (%s, %s, %s, %s)", period_rows)
        cursor.executemany("INSERT INTO cov_period_month VALUES (%s, %s, %s)", month_rows)
        cursor.execute("ANALYZE cov_period_month")
        cursor.execute(
            f"INSERT INTO {stat} ({STAT_COLUMNS}) "  # noqa: S608
            f"WITH {_figures_ctes('cov_period_month', '')} "
            + STAT_SELECT.format(keys=keys, periods="cov_period")
        )
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {stat}")


def _stats_write_sql(keys: set[tuple[int, Period]]) -> None:
    """Recount and store these (commune, period) pairs in one statement (PostgreSQL).

    A pair with nothing in it gets no row (no row means zero) unless it has one already,
    which is then set to zero; rows whose figures did not change are not written.
    """
    periods = sorted({p for _c, p in keys})
    pids = {p: i for i, p in enumerate(periods)}
    period_rows, month_rows = _period_rows(periods)
    key_rows = sorted((c, pids[p]) for c, p in keys)
    communes = sorted({c for c, _p in keys})
    stat = _table(CommunePeriodStat)
    figures = [
        "people_trained",
        "newly_trained",
        "households_reached",
        "trained_without_household",
        "sessions_held",
        "certificates_issued",
        "course_completions",
        "by_topic",
    ]

    def values(rows, types):
        row = "(" + ", ".join(f"%s::{t}" for t in types) + ")"
        return "VALUES " + ", ".join([row] * len(rows)), [v for r in rows for v in r]

    periods_sql, periods_params = values(period_rows, ("int", "text", "date", "date"))
    months_sql, months_params = values(month_rows, ("int", "date", "int"))
    keys_sql, keys_params = values(key_rows, ("bigint", "int"))
    select = STAT_SELECT.format(keys="cov_keys", periods="cov_period")
    sets = ", ".join(f"{f} = excluded.{f}" for f in figures)
    old = ", ".join(f"{stat}.{f}" for f in figures)
    new = ", ".join(f"excluded.{f}" for f in figures)
    sql = (
        f"INSERT INTO {stat} ({STAT_COLUMNS}) "  # noqa: S608
        f"WITH cov_period (pid, kind, starts_on, ends_on) AS ({periods_sql}), "
        f"cov_period_month (pid, month, mask) AS ({months_sql}), "
        f"cov_keys (commune_id, pid) AS ({keys_sql}), "
        f"{_figures_ctes('cov_period_month', 'AND m.commune_id = ANY(%s)')}, "
        f"cov_new AS ({select}) "
        "SELECT * FROM cov_new c WHERE c.people_trained + c.newly_trained + c.sessions_held "
        "+ c.certificates_issued + c.course_completions > 0 OR EXISTS (SELECT 1 FROM "
        f"{stat} x WHERE (x.commune_id, x.kind, x.starts_on, x.ends_on) = "
        "(c.commune_id, c.kind, c.starts_on, c.ends_on)) "
        "ON CONFLICT (commune_id, kind, starts_on, ends_on) DO UPDATE SET "
        f"{sets} WHERE ({old}) IS DISTINCT FROM ({new})"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [*periods_params, *months_params, *keys_params, *[communes] * 5],
        )
