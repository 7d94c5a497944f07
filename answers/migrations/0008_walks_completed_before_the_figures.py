from django.db import migrations
from django.db.models import F

# answers.steps.walk_is_complete: every step that asks something answered or skipped.
LAST_STEP_THAT_ASKS = 6


def mark_walks_completed_before_the_figures(apps, schema_editor):
    """A walk that was complete before the figures began was never counted as started:
    counting it as completed on her next visit of her summary would add a walk without
    its start, and a time of "a day or longer" that is not hers."""
    Record = apps.get_model("answers", "Record")
    Record.objects.filter(completed_at__isnull=True, reached_step__gte=LAST_STEP_THAT_ASKS).update(
        completed_at=F("updated_at")
    )


class Migration(migrations.Migration):
    dependencies = [("answers", "0007_walk_completed_at")]

    operations = [migrations.RunPython(mark_walks_completed_before_the_figures, migrations.RunPython.noop)]
