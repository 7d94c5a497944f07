from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from clinicians.views import guarded_login

from . import views

urlpatterns = [
    path("admin/login/", guarded_login(admin.site.login)),
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
]
handler400 = views.bad_request
handler500 = views.server_error

# Dutch lives at /, English at /en/: the language switch is a plain link, so it works
# without JavaScript and every page can be bookmarked in either language.
urlpatterns += i18n_patterns(
    path("", include("options.urls")),
    path("mijn-keuze/", include("answers.urls")),
    # Before the clinician's pages, and not under /ziekenhuis/, whose slugs choose one.
    path("zorgverlener/cijfers/", include("figures.urls")),
    path("zorgverlener/", include("clinicians.urls")),
    path("ziekenhuis/", include("hospitals.urls")),
    prefix_default_language=False,
)
