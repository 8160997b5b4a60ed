"""Asset checks of the events table: what must hold of it before anyone downloads it."""

import dagster as dg
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.orchestration.assets import events
from pipeline.orchestration.checks import _named_claims, inconsistent_rows
from pipeline.tablestore import TableFolder

EVENTS_CONSISTENT = "event_bounds_ordered_and_claims_resolve"
EVERY_INCIDENT_IN_ONE_EVENT = "every_incident_claim_in_one_event"


def _claim_lists(folder: TableFolder) -> pa.Table:
    return pq.read_table(folder.file("events"), columns=["event_id", "low", "best", "high", "claim_ids"],
                         read_dictionary=["claim_ids.list.element"])


@dg.asset_check(asset=events, name=EVENTS_CONSISTENT, additional_ins={"claims": dg.AssetIn("claims")})
def event_bounds_ordered_and_claims_resolve(events: TableFolder, claims: TableFolder) -> dg.AssetCheckResult:
    """low <= best <= high on every event, and every claim id it names exists."""
    known = pq.read_table(claims.file("claims"), columns=["claim_id"]).column("claim_id")
    bad = inconsistent_rows(_claim_lists(events), known, "event_id", ("claim_ids",))
    return dg.AssetCheckResult(passed=not bad, metadata={"failing": len(bad), "examples": ", ".join(bad[:5])})


def incidents_not_in_one_event(incident_ids: pa.Array, named: pa.Array) -> tuple[list[str], list[str]]:
    """(incident claims no event names, claims more than one event names)."""
    named = named.cast(pa.string()) if len(named) else pa.array([], pa.string())
    counts = pc.value_counts(named) if len(named) else pa.StructArray.from_arrays(
        [pa.array([], pa.string()), pa.array([], pa.int64())], ["values", "counts"])
    twice = counts.field("values").filter(pc.greater(counts.field("counts"), 1)).to_pylist()
    missing = incident_ids.filter(pc.invert(pc.is_in(incident_ids, value_set=named))).to_pylist()
    return sorted(missing), sorted(twice)


@dg.asset_check(asset=events, name=EVERY_INCIDENT_IN_ONE_EVENT, additional_ins={"claims": dg.AssetIn("claims")})
def every_incident_claim_in_one_event(events: TableFolder, claims: TableFolder) -> dg.AssetCheckResult:
    """Every asserted, dated incident claim is told of by exactly one event (claims an analyst
    excluded, which no event names, are the only ones left out)."""
    table = pq.read_table(claims.file("claims"), columns=["claim_id", "count_type", "stance", "event_date"])
    incident = pc.and_(pc.and_(pc.equal(table.column("count_type"), "incident"),
                               pc.equal(table.column("stance"), "asserted")),
                       pc.is_valid(table.column("event_date")))
    incident_ids = table.column("claim_id").filter(pc.fill_null(incident, False)).combine_chunks().cast(pa.string())
    _, named = _named_claims(_claim_lists(events).column("claim_ids"))
    if pa.types.is_dictionary(named.type):
        named = named.dictionary_decode()
    missing, twice = incidents_not_in_one_event(incident_ids, named)
    return dg.AssetCheckResult(passed=not missing and not twice,
                               metadata={"incident_claims": len(incident_ids), "in_no_event": len(missing),
                                         "in_several_events": len(twice),
                                         "examples": ", ".join((missing + twice)[:5])})


EVENT_CHECKS = [event_bounds_ordered_and_claims_resolve, every_incident_claim_in_one_event]
