import unicodedata

from django.db import migrations


def _normalise(name):
    # A frozen copy of trainees.models.normalise_name: migrations must not import live code.
    name = (name or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", name)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def backfill(apps, schema_editor):
    Person = apps.get_model("trainees", "Person")
    people = list(Person.objects.only("pk", "full_name"))
    for person in people:
        person.name_key = _normalise(person.full_name)
    Person.objects.bulk_update(people, ["name_key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("trainees", "0004_attendance")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
