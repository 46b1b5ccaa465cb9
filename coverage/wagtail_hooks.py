"""Coverage in the Wagtail admin: targets, campaigns, legends, populations, report schedules.

Administrators enter targets one by one here, or import them from a file (the "Imports"
item opens the import page); schedules of the weekly report are django-celery-beat's
periodic tasks, editable here and read by beat's database scheduler.
"""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_celery_beat.models import CrontabSchedule, PeriodicTask
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import permissions, tasks
from .models import Campaign, CommuneFigures, Legend, Target


class TargetViewSet(ModelViewSet):
    model = Target
    icon = "tasks"
    menu_label = _("Targets")
    list_display = ["commune", "indicator", "topic", "period_kind", "starts_on", "value"]
    list_filter = ["indicator", "period_kind", "commune__province"]
    search_fields = ["commune__name", "commune__code"]
    # The period's end follows from its kind and start (see Target.clean).
    form_fields = ["commune", "indicator", "topic", "period_kind", "starts_on", "campaign", "value"]


class CampaignCreateView(generic.CreateView):
    def save_instance(self):
        campaign = super().save_instance()
        tasks.campaign_stats_build.delay_on_commit(campaign.pk)
        return campaign


class CampaignEditView(generic.EditView):
    def save_instance(self):
        campaign = super().save_instance()
        tasks.campaign_stats_build.delay_on_commit(campaign.pk)
        return campaign


class CampaignViewSet(ModelViewSet):
    model = Campaign
    icon = "date"
    menu_label = _("Campaigns")
    list_display = ["name", "starts_on", "ends_on"]
    form_fields = ["name", "starts_on", "ends_on"]
    add_view_class = CampaignCreateView
    edit_view_class = CampaignEditView


class LegendViewSet(ModelViewSet):
    model = Legend
    icon = "doc-full"
    menu_label = _("Colour thresholds")
    list_display = ["indicator", "yellow_from", "green_from"]
    form_fields = ["indicator", "yellow_from", "green_from"]


class CommuneFiguresViewSet(ModelViewSet):
    model = CommuneFigures
    icon = "group"
    menu_label = _("Population and households")
    list_display = ["commune", "population", "households"]
    search_fields = ["commune__name", "commune__code"]
    panels = [
        FieldPanel("commune", widget=forms.Select),
        FieldPanel("population"),
        FieldPanel("households"),
    ]


class ScheduleViewSet(ModelViewSet):
    model = PeriodicTask
    icon = "time"
    menu_label = _("Report schedules")
    list_display = ["name", "task", "crontab", "enabled", "last_run_at"]
    form_fields = ["name", "task", "crontab", "enabled", "description"]


class CrontabViewSet(ModelViewSet):
    model = CrontabSchedule
    icon = "time"
    menu_label = _("Times")
    form_fields = ["minute", "hour", "day_of_week", "day_of_month", "month_of_year", "timezone"]


class CoverageGroup(ViewSetGroup):
    menu_label = _("Coverage")
    menu_icon = "table"
    items = (
        TargetViewSet("coverage_targets"),
        CampaignViewSet("coverage_campaigns"),
        LegendViewSet("coverage_legends"),
        CommuneFiguresViewSet("coverage_figures"),
        ScheduleViewSet("coverage_schedules"),
        CrontabViewSet("coverage_times"),
    )


@hooks.register("register_admin_viewset")
def register_coverage_viewsets():
    return CoverageGroup()


class ImportsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.user_can_manage_targets(request.user)


@hooks.register("register_admin_menu_item")
def register_imports_menu_item():
    return ImportsMenuItem(
        _("Coverage imports"),
        reverse("coverage:import", args=["targets"]),
        icon_name="upload",
        order=900,
    )


@hooks.register("account_links")
def coverage_link(request, obj=None):
    """The dashboard in the site's header, for those who have one."""
    from django.utils.html import format_html

    if request is None or not permissions.user_can_see_dashboard(request.user):
        return ""
    return format_html('<a href="{}">{}</a>', reverse("coverage:home"), _("Coverage"))


@hooks.register("load_demo_data")
def coverage_demo(stdout=None):
    from .demo import load_coverage_demo

    count = load_coverage_demo()
    if stdout is not None:
        stdout.write(f"Coverage demo: activity in {count} communes.")
