"""Her answers move from four answer tables and five record columns into one JSON value
on her record (answers.models.RecordAnswers): what a save writes is what every later
decision reads. Existing answers are carried over, and back on a reverse migration."""

from django.db import migrations

import answers.models

SURE_ITEMS = ("best_choice", "knows_benefits_and_risks", "clear_what_matters", "enough_support")
SITUATION, RATINGS, KNOWLEDGE = "situation_answers", "value_ratings", "knowledge_answers"


def carry_over(apps, schema_editor):
    Record = apps.get_model("answers", "Record")
    records = Record.objects.prefetch_related(SITUATION, RATINGS, KNOWLEDGE, "own_texts")
    for record in records.iterator(chunk_size=500):
        texts = sorted(record.own_texts.all(), key=lambda text: text.position)
        answers = {
            "situation": {a.question: a.choice for a in record.situation_answers.all()},
            "ratings": {r.statement: r.rating for r in record.value_ratings.all()},
            "knowledge": {a.question: a.choice for a in record.knowledge_answers.all()},
            "concerns": [t.text for t in texts if t.kind == "concern"],
            "questions": [t.text for t in texts if t.kind == "question"],
            "leaning": record.leaning,
            "sure": {
                item: getattr(record, f"sure_{item}")
                for item in SURE_ITEMS
                if getattr(record, f"sure_{item}") is not None
            },
        }
        Record.objects.filter(pk=record.pk).update(answers=answers)


def carry_back(apps, schema_editor):
    Record = apps.get_model("answers", "Record")
    models = {name: apps.get_model("answers", name) for name in ("SituationAnswer", "ValueRating", "KnowledgeAnswer")}
    OwnText = apps.get_model("answers", "OwnText")
    for record in Record.objects.iterator(chunk_size=500):
        answers = record.answers
        for item in SURE_ITEMS:
            setattr(record, f"sure_{item}", answers.sure.get(item))
        record.leaning = answers.leaning
        record.save(update_fields=["leaning", *(f"sure_{item}" for item in SURE_ITEMS)])
        models["SituationAnswer"].objects.bulk_create(
            models["SituationAnswer"](record=record, question=q, choice=c) for q, c in answers.situation.items()
        )
        models["ValueRating"].objects.bulk_create(
            models["ValueRating"](record=record, statement=s, rating=r) for s, r in answers.ratings.items()
        )
        models["KnowledgeAnswer"].objects.bulk_create(
            models["KnowledgeAnswer"](record=record, question=q, choice=c) for q, c in answers.knowledge.items()
        )
        OwnText.objects.bulk_create(
            OwnText(record=record, kind=kind, position=position, text=text)
            for kind, texts in (("concern", answers.concerns), ("question", answers.questions))
            for position, text in enumerate(texts)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("answers", "0002_share_code"),
    ]

    operations = [
        migrations.AddField(
            model_name="record",
            name="answers",
            field=answers.models.AnswersField(default=answers.models.RecordAnswers),
        ),
        migrations.RunPython(carry_over, carry_back),
        migrations.RemoveField(model_name="record", name="leaning"),
        migrations.RemoveField(model_name="record", name="sure_best_choice"),
        migrations.RemoveField(model_name="record", name="sure_clear_what_matters"),
        migrations.RemoveField(model_name="record", name="sure_enough_support"),
        migrations.RemoveField(model_name="record", name="sure_knows_benefits_and_risks"),
        migrations.DeleteModel(name="KnowledgeAnswer"),
        migrations.DeleteModel(name="OwnText"),
        migrations.DeleteModel(name="SituationAnswer"),
        migrations.DeleteModel(name="ValueRating"),
    ]
