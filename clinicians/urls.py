from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "clinicians"

urlpatterns = [
    path("", views.open_summary, name="open"),
    path("inloggen/", views.login, name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(next_page="clinicians:login"), name="logout"),
    path("samenvatting/", views.summary, name="summary"),
]
