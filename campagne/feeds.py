"""RSS and Atom feeds of the interview, video and study listings: the shared listing feed."""

from home.feeds import FEED_LENGTH, ListingFeed

__all__ = ["FEED_LENGTH", "ListingFeed"]
