from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Only the ``load_demo_content`` command and what it builds: no models."""

    name = "site_parlons.demo"
    label = "demo"
    verbose_name = "Contenu de démonstration"
