"""The one HTTP API of the site, at /api/: each app adds its django-ninja router here.

Session-authenticated with CSRF, like the pages. The OpenAPI schema is at /api/openapi.json.
Routers live with their data (`trainees.training.api` …) and never import each other; this
module is the only place that names them all.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as RequestDoesNotFit
from ninja.security import SessionAuth

from cms.api_errors import readable_errors, readable_message, request_language
from cms.personal import personal_data
from trainees.training.api import FIELD_LABELS as ATTENDANCE_FIELDS
from trainees.training.api import ITEM_LABELS as ATTENDANCE_ITEMS
from trainees.training.api import router as attendance_router

# Answers any operation can give besides its own, from layers around it: the schema lists
# them, so a client (and the schemathesis fuzz in tests/cms/test_api_fuzz.py) knows them.
ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
# django-ninja's answer to a path, query or body that does not fit the operation's types.
VALIDATION_ERRORS = {
    "type": "object",
    "properties": {
        "detail": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "type": {"type": "string"},
                    "loc": {"type": "array", "items": {"type": ["string", "integer"]}},
                    "msg": {"type": "string"},
                },
                "required": ["loc", "msg"],
            },
        }
    },
    "required": ["detail"],
}


def _answer(description: str, schema_name: str) -> dict:
    return {
        "description": description,
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
        },
    }


class Api(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema.setdefault("components", {}).setdefault("schemas", {}).update(
            ApiError=ERROR, ValidationErrors=VALIDATION_ERRORS
        )
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                answers = operation.setdefault("responses", {})
                extra = {
                    413: ("The data sent is too large", "ApiError"),
                    429: ("Too many requests: try again after Retry-After seconds", "ApiError"),
                    503: (
                        "The site is busy (its database does not answer): try again after "
                        "Retry-After seconds",
                        "ApiError",
                    ),
                }
                if operation.get("parameters") or operation.get("requestBody"):
                    extra[422] = ("The request does not fit the operation", "ValidationErrors")
                if operation.get("security"):
                    extra[401] = ("Not signed in", "ApiError")
                if method in ("post", "put", "patch", "delete"):
                    extra[403] = ("The CSRF token is missing or wrong", "ApiError")
                for status, (description, name) in extra.items():
                    answers.setdefault(status, _answer(description, name))
        return schema


api = Api(
    title="Bình dân học vụ số",
    version="1",
    urls_namespace="api",
    auth=SessionAuth(csrf=True),
    # Ninja's browsable docs load Swagger UI from a CDN unless "ninja" is an installed app;
    # nothing may come from a CDN, so only the schema is served.
    docs_url=None,
)

api.add_router("/attendance/", attendance_router)

# The words a refused request names its fields with (cms/api_errors.py), from every router.
FIELD_LABELS = {
    "page": gettext_lazy("page"),
    "lang": gettext_lazy("language"),
    **ATTENDANCE_FIELDS,
}
ITEM_LABELS = {**ATTENDANCE_ITEMS}


class Message(Schema):
    level: str
    text: str


class Me(Schema):
    authenticated: bool
    user: str | None
    name: str
    account: str
    banner: str
    panel: str
    completed: list[str]
    scores: dict[str, str]
    messages: list[Message]


@api.get("/me/", auth=None, response=Me, tags=["site"])
def me(request, page: int | None = None, lang: str = ""):
    """The personal parts of a public page (docs/architecture.md): the account links for the
    header, the learner's panel and banner for `page`, completed lessons (translation keys),
    best scores by H5P package, and waiting messages, in `lang`. Anyone may ask; a visitor
    gets the signed-out header. Never cached (`private, no-store`); sets the CSRF cookie."""
    if lang not in dict(settings.LANGUAGES):
        lang = settings.LANGUAGE_CODE
    with translation.override(lang):
        return personal_data(request=request, page_id=page)


@api.exception_handler(Http404)
def not_found(request, exc):
    # See cms.api_urlconf: keeps LocaleMiddleware from redirecting API 404s.
    request.urlconf = "cms.api_urlconf"
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(RequestDataTooBig)
def too_large(request, exc):
    # A body sent without a Content-Length gets past cms.middleware.api_errors_as_json.
    return api.create_response(request, {"detail": _("The data sent is too large.")}, status=413)


@api.exception_handler(RequestDoesNotFit)
def does_not_fit(request, exc):
    # pydantic's English, in the user's words, each error naming its field (cms/api_errors.py).
    with translation.override(request_language(request)):
        detail = readable_errors(exc.errors, labels=FIELD_LABELS, items=ITEM_LABELS)
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(HttpError)
def refused(request, exc):
    # The operations' own refusals are in the user's words already; ninja's ("Unauthorized",
    # "CSRF check Failed", "Cannot parse request body") are put in them here.
    with translation.override(request_language(request)):
        detail = readable_message(exc.message)
    return api.create_response(request, {"detail": detail}, status=exc.status_code)
