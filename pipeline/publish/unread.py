"""Reports in a language the extractor does not read yet.

They are published with their metadata and no claims, not quarantined; the
run summary and the release page name them, so that no one takes their
silence for a report without figures.
"""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.extract.language import read_codes
from pipeline.publish.page.view import columns_of

SHOWN = ["path", "title", "publisher", "language"]


def unread_reports(reports: pd.DataFrame | pa.Table) -> list[dict]:
    """Path, title, publisher and language of each report in a language not read yet, in path order."""
    names = reports.column_names if isinstance(reports, pa.Table) else list(reports.columns)
    if "language" not in names:
        return []
    read = pa.array(read_codes(), type=pa.string())
    if isinstance(reports, pa.Table):
        unread = reports.filter(pc.invert(pc.is_in(reports.column("language"), value_set=read)))
    else:
        unread = reports[~reports["language"].isin(read_codes())]
    frame = columns_of(unread, SHOWN)
    return frame.sort_values("path").to_dict("records")
