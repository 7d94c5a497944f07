"""Each situation question, answer and flag as a doctor writes it, for "In het kort, voor
de arts". Versions published before this have none in their files: they get the
patient's own wording, so their summaries still name every fact."""

from django.db import migrations, models
from django.db.models import F


def patient_wording(apps, schema_editor):
    apps.get_model("options", "SituationQuestion").objects.update(clinical_label=F("question"))
    apps.get_model("options", "SituationChoice").objects.update(clinical=F("text"))
    apps.get_model("options", "Flag").objects.update(clinical=F("title"))


class Migration(migrations.Migration):
    dependencies = [
        ("options", "0003_alarm_signs_flag_conditions_reviewers"),
    ]

    operations = [
        migrations.AddField(
            model_name="situationquestion",
            name="clinical_label",
            field=models.CharField(default="", max_length=100, verbose_name="voor de arts"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="situationchoice",
            name="clinical",
            field=models.CharField(default="", max_length=100, verbose_name="voor de arts"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="flag",
            name="clinical",
            field=models.CharField(default="", max_length=200, verbose_name="voor de arts"),
            preserve_default=False,
        ),
        migrations.RunPython(patient_wording, migrations.RunPython.noop),
    ]
