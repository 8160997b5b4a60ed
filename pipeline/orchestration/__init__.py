"""The Dagster shell: each step as an asset, with checks, a schedule and a sensor."""
