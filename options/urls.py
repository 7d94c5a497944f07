from django.urls import path

from . import views

app_name = "options"

urlpatterns = [
    path("", views.start, name="start"),
    path("opties/<slug:key>/", views.option_detail, name="option"),
    path("vergelijken/", views.comparison, name="comparison"),
    path("over-een-miskraam/", views.background, name="background"),
    path("over-deze-keuzehulp/", views.about, name="about"),
]
