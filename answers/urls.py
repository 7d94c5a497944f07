from django.urls import path

from . import views

app_name = "answers"

urlpatterns = [
    path("", views.intro, name="intro"),
    path("veiligheid/", views.safety, name="safety"),
    path("bel-nu/", views.call_now, name="call_now"),
    path("situatie/", views.situation, name="situation"),
    path("situatie/wat-betekent-dit/", views.situation_result, name="situation_result"),
    path("wat-vind-ik-belangrijk/", views.values, name="values"),
    path("wat-vind-ik-belangrijk/wat-past/", views.values_result, name="values_result"),
    path("kennis/", views.knowledge, name="knowledge"),
    path("kennis/antwoorden/", views.knowledge_result, name="knowledge_result"),
    path("voorkeur/", views.leaning, name="leaning"),
    path("voorkeur/twijfel/", views.leaning_help, name="leaning_help"),
    path("vragen/", views.questions, name="questions"),
    path("controleren/", views.check, name="check"),
    path("samenvatting/", views.summary, name="summary"),
    path("samenvatting/pdf/", views.summary_pdf, name="summary_pdf"),
    path("delen/", views.share, name="share"),
    path("code/", views.resume_code, name="resume_code"),
    path("verder/", views.resume, name="resume"),
    path("besluit/", views.decision, name="decision"),
    path("besluit/plan/", views.decision_plan, name="plan"),
    path("besluit/plan.pdf", views.decision_plan_pdf, name="plan_pdf"),
    path("besluit/plan.ics", views.decision_plan_ics, name="plan_ics"),
    path("besluit/terugblik/", views.check_in, name="check_in"),
    path("besluit/terugblik/bewaard/", views.check_in_saved, name="check_in_saved"),
    path("wissen/", views.delete, name="delete"),
]
