"""The framework floor: the production settings and middleware, one trivial view.

Served by the same gunicorn config as the site, so the ratio site/floor measures what
the site itself costs, whatever the machine.
"""

from site_parlons.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.floor_urls"
