"""Course content: the catalogue, courses and their lessons (see the package docstring)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail_localize.fields import SynchronizedField

from cms.kept import kept_in_process, request_generation
from cms.models import AsciiSlugMixin, PublicPageMixin

from ..blocks import LessonStreamBlock


class FallbackRoutingMixin:
    """Route to the Vietnamese child when this page's language has no translation of it.

    A learner who chose H'Mông and follows a link to a lesson nobody has translated yet
    gets the Vietnamese lesson (the template adds a notice in H'Mông), never a 404.
    This relies on a translation keeping its original's slug, which is why wagtail-localize
    copies the slug instead of offering it for translation: a URL reads the same in every
    language but for its prefix.
    """

    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
            source = self.get_translation_or_none(Locale.get_default())
            if source is None or source.pk == self.pk:
                raise
            child = source.get_children().filter(slug=path_components[0]).first()
            if child is None:
                raise
            child._cached_parent_obj = source
            return child.specific.route(request, path_components[1:])

    def translation_state(self, language_code: str) -> str:
        """Is this page shown to a `language_code` reader in their language? The notice says.

        - "missing": the Vietnamese page shown in place of a translation nobody made; or an
          alias wagtail-localize made of a Vietnamese page when a page below it was
          translated (it holds the Vietnamese words);
        - "partial": a translation published before all its strings were translated
          (wagtail-localize fills the gaps with the Vietnamese);
        - "": translated (or the Vietnamese original read in Vietnamese).
        """
        if self.locale.language_code != language_code:
            return "missing"
        if language_code == settings.LANGUAGE_CODE:
            return ""
        if self.alias_of_id is not None:
            same_language = Page.objects.filter(pk=self.alias_of_id, locale_id=self.locale_id)
            return "" if same_language.exists() else "missing"
        from wagtail_localize.models import Translation

        translation = Translation.objects.filter(
            source__object_id=self.translation_key, target_locale_id=self.locale_id, enabled=True
        ).first()
        if translation is None:  # translated by hand, in the page editor
            return ""
        total, translated = translation.get_progress()
        return "partial" if translated < total else ""


class Topic(models.TextChoices):
    SMARTPHONE_BASICS = "smartphone_basics", _("Smartphone basics")
    E_SERVICES = "e_services", _("E-services and VNeID")
    ONLINE_SAFETY = "online_safety", _("Online safety")
    DIGITAL_ECONOMY = "digital_economy", _("Digital economy")


class Level(models.TextChoices):
    FIRST_STEPS = "first_steps", _("First steps")
    BASIC = "basic", _("Basic")
    CONFIDENT = "confident", _("Confident")


class CourseIndexPage(PublicPageMixin, FallbackRoutingMixin, AsciiSlugMixin, Page):
    intro = models.CharField(_("intro"), max_length=250, blank=True)

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topic = request.GET.get("topic", "")
        if topic not in Topic.values:
            topic = ""

        def courses_under(index):
            courses = CoursePage.objects.live().public().child_of(index)
            if topic:
                courses = courses.filter(topic=topic)
            return list(courses.select_related("cover_image", "locale").order_by("path"))

        courses = courses_under(self)
        source = self.get_translation_or_none(Locale.get_default())
        if source is not None and source.pk != self.pk:
            # Courses not translated yet are listed in Vietnamese rather than hidden.
            have = {course.translation_key for course in courses}
            originals = courses_under(source)
            order = {course.translation_key: i for i, course in enumerate(originals)}
            courses += [c for c in originals if c.translation_key not in have]
            courses.sort(key=lambda course: order.get(course.translation_key, -1))
        context.update(courses=courses, topics=Topic.choices, topic=topic)
        return context


class CoursePage(PublicPageMixin, FallbackRoutingMixin, AsciiSlugMixin, Page):
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, db_index=True)
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.FIRST_STEPS
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_("How long the whole course takes, all lessons together."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    summary = models.CharField(_("summary"), max_length=250, blank=True)
    learning_outcomes = RichTextField(
        _("learning outcomes"),
        features=["ul", "bold"],
        blank=True,
        help_text=_("A short list: 'After this course you can …'."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The score every quiz of a lesson must reach for the course to count."),
    )

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("topic"),
                FieldPanel("level"),
                FieldPanel("estimated_minutes"),
                FieldPanel("pass_mark"),
            ],
            heading=_("About the course"),
        ),
        FieldPanel("cover_image"),
        FieldPanel("learning_outcomes"),
    ]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @cached_property
    def source(self) -> "CoursePage":
        """The Vietnamese original: its lessons are the ones a learner must complete."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return self.get_translation_or_none(Locale.get_default()) or self

    def lessons(self):
        return LessonPage.objects.live().child_of(self).order_by("path")

    def required_lesson_keys(self) -> list:
        """The translation keys of the lessons a learner must complete, in order."""
        return list(self.source.lessons().values_list("translation_key", flat=True))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lessons = list(self.lessons().select_related("cover_image").defer_streamfields())
        if self.source.pk != self.pk:
            # Lessons not translated yet are listed from the Vietnamese original.
            have = {lesson.translation_key for lesson in lessons}
            lessons += [
                lesson
                for lesson in self.source.lessons()
                .select_related("cover_image")
                .defer_streamfields()
                if lesson.translation_key not in have
            ]
            order = {k: i for i, k in enumerate(self.required_lesson_keys())}
            lessons.sort(key=lambda lesson: order.get(lesson.translation_key, 999))
        context["lessons"] = lessons
        return context


class LessonPage(PublicPageMixin, FallbackRoutingMixin, AsciiSlugMixin, Page):
    summary = models.CharField(_("summary"), max_length=250, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=5, validators=[MinValueValidator(1)]
    )
    # Pictures first: the course page lists each lesson with its drawing, for people who
    # read little.
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("drawing"),
        help_text=_("Shown beside the lesson in its course's list of lessons."),
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("lesson"))

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def scored_blocks(self):
        """The blocks that give this lesson a score (quiz questions, activities)."""
        return [child for child in self.body if getattr(child.block, "is_scored", False)]

    def scored_block(self, block_id: str):
        for child in self.scored_blocks():
            if child.id == block_id:
                return child
        return None

    def serve(self, request, *args, **kwargs):
        return self._h5p_policy(super().serve(request, *args, **kwargs))

    def serve_preview(self, request, mode_name):
        return self._h5p_policy(super().serve_preview(request, mode_name))

    def _h5p_policy(self, response):
        """H5P libraries need a few exceptions to the site's Content-Security-Policy
        (settings.CONTENT_SECURITY_POLICY_H5P, README): in the header of a lesson that
        plays activities, and nowhere else. django-csp's middleware reads `_csp_update`."""
        if any(getattr(child.block, "is_h5p", False) for child in self.body):
            response._csp_update = settings.CONTENT_SECURITY_POLICY_H5P["DIRECTIVES"]
        return response

    def _course_lessons(self):
        return list(
            LessonPage.objects.live()
            .filter(path__startswith=self.path[: -self.steplen], depth=self.depth)
            .order_by("path")
            .select_related("locale")
            .defer_streamfields()
        )

    def course_and_lessons(self, request):
        """The course and its live lessons in order. The same for every lesson of the course,
        so kept in the process until content changes (cms.kept): read, never change."""
        parent = self.path[: -self.steplen]

        def build():
            course = CoursePage.objects.select_related("locale").get(path=parent)
            return course, self._course_lessons()

        return kept_in_process(f"course-lessons:{parent}", build, request_generation(request))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A player not kept yet resolves all the activities' libraries in two queries, not
        # two per activity (courses.h5p.player).
        context["h5p_packages"] = [
            child.value["activity"]
            for child in self.body
            if getattr(child.block, "is_h5p", False) and child.value["activity"] is not None
        ]
        if getattr(request, "is_preview", False):  # a draft: read as it is now
            course, siblings = self.get_parent().specific, self._course_lessons()
        else:
            course, siblings = self.course_and_lessons(request)
        ids = [s.pk for s in siblings]
        index = ids.index(self.pk) if self.pk in ids else 0
        context.update(
            course=course,
            lesson_number=index + 1,
            lesson_count=len(siblings),
            previous_lesson=siblings[index - 1] if index > 0 else None,
            next_lesson=siblings[index + 1] if index + 1 < len(siblings) else None,
        )
        return context
