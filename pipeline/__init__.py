"""crisis-figures: casualty and displacement figures from reports to versioned releases.

The steps are plain modules, in the order they run: ``ingest``, ``extract``,
``validate``, ``reconcile``, ``publish``. ``orchestration`` wires them as
Dagster assets; nothing else imports Dagster.
"""
