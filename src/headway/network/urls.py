from __future__ import annotations

from django.urls import path

from headway.network import prep_views, views

app_name = "network"
urlpatterns = [
    path("", views.network_home, name="home"),
    path("contacts/new/", views.contact_create, name="contact-create"),
    path("contacts/<int:pk>/", views.contact_detail, name="contact-detail"),
    path("contacts/<int:pk>/edit/", views.contact_edit, name="contact-edit"),
    path("contacts/<int:pk>/touch/", views.contact_touch, name="contact-touch"),
    path("contacts/<int:pk>/delete/", views.contact_delete, name="contact-delete"),
    path("contacts/<int:pk>/mentor/", prep_views.mentor_prep, name="mentor-prep"),
    path("contacts/<int:pk>/manager/", prep_views.manager_prep, name="manager-prep"),
    path("manager/", prep_views.manager_home, name="manager"),
    path("import/", views.import_contacts, name="import"),
    path("import/confirm/", views.import_confirm, name="import-confirm"),
    path("import/cancel/", views.import_cancel, name="import-cancel"),
    path("cadences/", views.cadences, name="cadences"),
    path("export.vcf", views.export_vcard, name="export-vcard"),
]
