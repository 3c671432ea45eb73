"""Reproducible builds: the one reading of SOURCE_DATE_EPOCH (reproducible-builds.org), the
time a build says it was made instead of now, for the files' times, the PDFs' dates and
the offline packs' date."""

from __future__ import annotations

import os


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as seconds since 1970, or None when it is not set to a number."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(epoch) if epoch.isdigit() else None
