"""Controlled vocabularies, as the labelled data and CONVENTIONS.md name them."""

METRICS = ("killed", "injured", "displaced", "refugees", "returned", "missing", "detained")

QUALIFIERS = (
    "exact",
    "more_than",
    "at_least",
    "approximately",
    "up_to",
    "less_than",
    "range",
    "vague",
)

POPULATIONS = ("civilians", "children", "women", "combatants", "soldiers", "people")

STANCES = ("asserted", "denied")

# What span of time a claim counts: one event; a bounded span; a running total since a start;
# people in a state at a date (IDMC's stock, as against its flows).
COUNT_TYPES = ("incident", "period", "cumulative", "stock")
TOTAL_COUNT_TYPES = ("period", "cumulative", "stock")  # what series hold; incidents are events

# How wide an incident's date is from its event_date, as UCDP's date_prec and IDMC's date accuracy;
# `unknown`: the report date stands in, the event was on or before it.
DATE_PRECISIONS = ("day", "week", "month", "unknown")

# What a number counts: people, or households (families, households, homes' occupants), as IDMC's Helix
# records a figure's `unit` (PERSON, HOUSEHOLD).
UNITS = ("people", "households")

FORMATS = ("text", "markdown", "html", "pdf", "csv", "json")

# IDMC grades the reliability of each source organisation on this scale.
RELIABILITY = ("LOW", "MEDIUM", "HIGH")

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
SHA256_HEX = r"^[0-9a-f]{64}$"
