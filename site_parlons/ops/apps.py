from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Not a feature app: no models, it only wires production concerns when Django starts.

    Signal receivers are connected here (not in a middleware) so management commands such
    as ``publish_scheduled`` invalidate the page cache and strip image metadata too.
    """

    name = "site_parlons.ops"
    label = "site_parlons_ops"
    verbose_name = "Exploitation"

    def ready(self):
        from django.db.models.signals import post_migrate

        from site_parlons.ops import caches  # registers the deployment check
        from site_parlons.ops.pagecache import connect_signals
        from site_parlons.uploads import connect_signals as connect_upload_signals

        connect_signals()
        connect_upload_signals()
        post_migrate.connect(caches.create_cache_tables, sender=self, dispatch_uid="parlons_cache_tables")
