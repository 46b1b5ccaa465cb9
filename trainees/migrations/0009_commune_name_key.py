import unicodedata

from django.db import migrations, models


def _normalise(name):
    # A frozen copy of trainees.models.normalise_name: migrations must not import live code.
    name = (name or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", name)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def backfill(apps, schema_editor):
    Commune = apps.get_model("trainees", "Commune")
    communes = list(Commune.objects.only("pk", "name"))
    for commune in communes:
        commune.name_key = _normalise(commune.name)
    Commune.objects.bulk_update(communes, ["name_key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("trainees", "0008_merge_attendance_and_activity")]

    operations = [
        migrations.AddField(
            model_name="commune",
            name="name_key",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=100),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
