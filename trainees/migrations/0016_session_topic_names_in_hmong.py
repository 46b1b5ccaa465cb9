"""Session topics get a H'Mông name, so the session form and the coverage tables read in
H'Mông on /hmn/ pages; the five seeded topics are named here (editors may revise them)."""

from django.db import migrations, models

# As the interface catalogue says them (locale/hmn/LC_MESSAGES/django.po, see REVIEW.md).
NAMES_HMN = {
    "smartphone_basics": "Siv xov tooj smartphone",
    "vneid": "VNeID",
    "online_public_services": "Kev pab cuam online ntawm tsoom fwv",
    "online_safety": "Kev nyab xeeb hauv internet",
    "selling_online": "Muag khoom hauv internet",
}


def forwards(apps, schema_editor):
    SessionTopic = apps.get_model("trainees", "SessionTopic")
    for code, name in NAMES_HMN.items():
        SessionTopic.objects.filter(code=code, name_hmn="").update(name_hmn=name)


class Migration(migrations.Migration):
    dependencies = [("trainees", "0015_trust_clock_duplicates_assisted_statements")]

    operations = [
        migrations.AddField(
            model_name="sessiontopic",
            name="name_hmn",
            field=models.CharField(blank=True, max_length=100, verbose_name="name in H'Mông"),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
