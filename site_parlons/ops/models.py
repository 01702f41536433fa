"""No models. The module exists so that Django sends ``post_migrate`` for this app, on which the
database cache's table is created (``site_parlons.ops.caches.create_cache_tables``)."""
