from django.urls import path

from . import views

app_name = "hospitals"

urlpatterns = [
    path("", views.choose, name="choose"),
    path("<slug:slug>/", views.arrive, name="arrive"),
    path("<slug:slug>/qr.svg", views.qr_code, name="qr"),
]
