"""The hostile-input sweep: every URL of the site, as every role, with input no one should
send — NUL bytes, invalid UTF-8, overlong text, huge/negative/float/NaN ids and page
numbers, path traversal, impossible dates, time zones, duplicate parameters, unknown
language prefixes, every HTTP method, wrong content types, malformed multipart and JSON
of the wrong shape, a POST without its CSRF token. The rule it checks: never a 5xx, and a
refused (4xx) write changes nothing in the database.

Used by `tests/test_hostile_sweep.py` (a short, fixed list in CI) and by
`scripts/hostile_sweep.py` (the same requests against a database holding the demo data).
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass, field
from urllib.parse import quote

from django.apps import apps
from django.core.signals import got_request_exception
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

OUR_APPS = ("cms", "courses", "trainees", "certificates", "coverage")
PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?P<choices>[^)]*)\)")

# Values for a path parameter in place of a real one: each must be refused (404), never 5xx.
HOSTILE_PATH_VALUES = [
    "99999999999999999999999999",
    "-1",
    "1.5",
    "NaN",
    "%00",
    "%FF%FE",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "A" * 3000,
]

# Query strings, already encoded (what a client puts on the wire). Each is sent with the
# names the site's lists, searches and filters read.
QUERY_NAMES = (
    "q",
    "page",
    "period",
    "at",
    "from",
    "to",
    "day",
    "date",
    "campaign",
    "colour_by",
    "colour",
    "kind",
    "sort",
    "desc",
    "status",
    "format",
    "lang",
    "next",
    "serial",
    "name",
    "commune",
    "province",
    "copy",
    "t",
    "tz",
    "course",
    "session",
    "person",
)
HOSTILE_VALUES = [
    "%00",
    "a%00b",
    "%FF%FE%FD",
    "%ED%A0%80",  # an encoded lone surrogate
    "-1",
    "0",
    "99999999999999999999999999",
    "1e400",
    "NaN",
    "-Infinity",
    "1.5",
    "0000-00-00",
    "2026-02-30",
    "2026-13-01T25:61:00%2B25:00",
    "Mars%2FOlympus_Mons",
    ".*%5B(%3F%3D",  # .*[(?=
    "%25_%5C%25",  # %_\%
    "..%2F..%2Fetc%2Fpasswd",
    "%3Cscript%3E",
    "x" * 5000,
]


def hostile_queries() -> list[str]:
    queries = ["&".join(f"{n}={v}" for n in QUERY_NAMES) for v in HOSTILE_VALUES]
    # Duplicated parameters, each name twice with two different kinds of garbage.
    queries.append("&".join(f"{n}=1&{n}=%00&{n}[]=x" for n in QUERY_NAMES))
    return queries


# Bodies of a hostile POST/PUT/PATCH: (content type, raw bytes).
def hostile_bodies(fields: dict[str, str] | None = None) -> list[tuple[str, bytes]]:
    form_names = list(QUERY_NAMES) + list(fields or {}) + ["action", "confirm", "file"]
    deep = b"[" * 3000 + b"]" * 3000
    return [
        ("application/x-www-form-urlencoded", "&".join(f"{n}=%00" for n in form_names).encode()),
        (
            "application/x-www-form-urlencoded",
            b"&".join(n.encode() + b"=\xff\xfe" for n in form_names),
        ),
        ("application/x-www-form-urlencoded", "&".join(f"{n}=-1e400" for n in form_names).encode()),
        ("application/json", b"[1, 2, 3]"),
        ("application/json", b'"a string"'),
        ("application/json", deep),
        ("application/json", b'{"a": "\\u0000", "b": "\\ud800", "c": NaN, "d": 1e400}'),
        ("application/json", b'{"marks": {"x": 1}, "events": "x", "statement": []}'),
        ("application/json", b"\xff\xfe{"),
        ("multipart/form-data; boundary=XX", b"--XX\r\nContent-Disposition: form-data\r\n\r\nx"),
        ("multipart/form-data", b"no boundary at all"),
        (
            "multipart/form-data; boundary=XX",
            b'--XX\r\nContent-Disposition: form-data; name="file"; filename="../../x\x00.csv"\r\n'
            b"Content-Type: text/csv\r\n\r\n\x00\x00\r\n--XX--\r\n",
        ),
        ("text/xml", b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>"),
    ]


LANGUAGE_PREFIXES = ("xx", "hmn", "en", "VI", "vi-VN", "zh-hans", "%00")
METHODS = ("HEAD", "OPTIONS", "PUT", "PATCH", "DELETE")


@dataclass
class Failure:
    who: str
    method: str
    url: str
    status: int
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.who:>14} {self.method:7} {self.status} {self.url[:160]}\n{self.detail}"


@dataclass
class Sweep:
    """Requests everything and keeps what broke the rule, with the traceback of a 5xx."""

    client: Client
    failures: list[Failure] = field(default_factory=list)
    requests: int = 0
    who: str = "anonymous"

    def __post_init__(self):
        self.client.raise_request_exception = False
        self._last_traceback = ""
        got_request_exception.connect(self._keep_traceback, dispatch_uid="hostile-sweep")

    def _keep_traceback(self, sender, request=None, **kwargs):
        self._last_traceback = traceback.format_exc(limit=-6)

    def close(self):
        got_request_exception.disconnect(dispatch_uid="hostile-sweep")

    def as_user(self, who: str, user) -> None:
        """Sign in as `user` (None: anonymous). Call it again after a URL that may have
        signed the client out (a hostile POST to the logout URL does)."""
        self.who = who
        self.client.logout()
        if user is not None:
            self.client.force_login(user)

    def request(self, method: str, url: str, *, body=b"", content_type="", writes=None):
        """One request. `writes` is a state function: when given and the answer is 4xx,
        the state after must equal the state before."""
        self._last_traceback = ""
        before = writes() if writes else None
        extra = {"CONTENT_TYPE": content_type} if content_type else {}
        try:
            response = self.client.generic(method, url, body, **extra)
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)
        except Exception:  # a failure of the test client itself (a bad URL): keep it
            self.failures.append(Failure(self.who, method, url, 0, traceback.format_exc(limit=-4)))
            return None
        self.requests += 1
        if response.status_code >= 500:
            detail = self._last_traceback or response.content[:300].decode(errors="replace")
            self.failures.append(Failure(self.who, method, url, response.status_code, detail))
        elif writes and 400 <= response.status_code < 500:
            after = writes()
            if after != before:
                changed = sorted(k for k in after if after[k] != before.get(k))
                self.failures.append(
                    Failure(self.who, method, url, response.status_code, f"changed: {changed}")
                )
        return response


def our_patterns(*, admin: bool = False) -> list[tuple[str, str]]:
    """(name, route) of every URL pattern: our apps', or (admin=True) Wagtail's admin."""
    found = []

    def walk(patterns, prefix, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = ":".join(filter(None, [namespace, p.namespace]))
                walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern):
                route = prefix + str(p.pattern)
                if route.startswith("/admin/") == admin:
                    found.append((f"{namespace}:{p.name}", route))

    with translation.override("vi"):
        walk(get_resolver().url_patterns, "/", "")
    return found


def fill_route(name: str, route: str, fill: dict) -> str | None:
    """The route with its parameters filled from `fill` (a value, or {url name: value, "*":
    default}); None when one has no value. A regex route (Wagtail's serve pattern) is the
    home page's path."""
    if route.endswith("$"):  # a regex: each named group gets its value or first choice
        route = REGEX_GROUP.sub(
            lambda m: str(fill.get(m["name"]) or m["choices"].split("|")[0]), route
        )
        for group, value in (("((?:[\\w\\-]+/)*)", ""), ("(\\d+)", "1"), ("(.*)", "x.pdf")):
            route = route.replace(group, value)
        return route.replace("^", "").replace("$", "")
    missing = []

    def value(match):
        param = fill.get(match["name"])
        if isinstance(param, dict):
            param = param.get(name, param.get("*"))
        if param is None:
            missing.append(match["name"])
            return ""
        return quote(str(param), safe="/")

    url = PARAM.sub(value, route)
    return None if missing else url


def hostile_routes(route: str) -> list[str]:
    """The route with each of its parameters in turn replaced by each hostile value."""
    params = list(PARAM.finditer(route))
    urls = []
    for match in params:
        for bad in HOSTILE_PATH_VALUES:
            url = route[: match.start()] + bad + route[match.end() :]
            urls.append(PARAM.sub("1", url))
    return urls


def database_counts() -> dict[str, int]:
    """Row counts of every table of our apps, users and Wagtail's pages and revisions."""
    others = ("trainees.User", "wagtailcore.Page", "wagtailcore.Revision")
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if (model._meta.app_label in OUR_APPS or model._meta.label in others)
        and model._meta.managed
        and not model._meta.proxy
    }
