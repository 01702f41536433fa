"""The demo site, built from code by ``manage.py load_demo_content``: idempotent, with a fixed seed.

``content`` builds the shared part (root, home, taxonomy, settings, legal pages) and calls each
app's own ``demo.load(home)``, found through the app registry, never imported by name: the apps
import the helpers here, and nothing here imports an app. ``translations`` makes the English
tree real wagtail-localize translations; ``privacy`` holds the privacy page's text;
``illustrations`` draws the campaign's pictures.
"""
