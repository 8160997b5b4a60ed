"""Publish: immutable, versioned, checksummed releases under data/published/."""
from pipeline.publish.release import Published, PublishBusy, publish

__all__ = ["PublishBusy", "Published", "publish"]
