from django.urls import path

from . import views

app_name = "clinicians"

urlpatterns = [
    path("", views.open_summary, name="open"),
    path("inloggen/", views.login, name="login"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("samenvatting/", views.summary, name="summary"),
]
