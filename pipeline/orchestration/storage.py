"""How assets hand their tables on: Parquet folders under the Dagster instance's storage.

Each run keeps its tables in a folder of its own,
``<DAGSTER_HOME>/storage/tables/runs/<run id>/<asset>/``: an asset writes into
a staging folder there (``staging_folder``) and returns the ``TableFolder``;
the IO manager renames it into place and hands downstream assets of the same
run a ``TableFolder`` there, so two runs at once never read or replace each
other's tables. ``tables/latest/<asset>.json`` names the run whose output is
the asset's latest, for a run that materialises only some assets (from the UI)
and loads the others. Nothing is pickled and no table is held longer than the
step that reads it needs it. Small values (the release summary) are stored as
JSON. A killed run leaves at most its own folder, which no other run reads;
``pipeline.orchestration.runs`` removes it later.
"""
from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

import dagster as dg

from pipeline.tablestore import TableFolder, replace_folder

TABLES_FOLDER = "tables"
RUNS_FOLDER = "runs"
LATEST_FOLDER = "latest"


def tables_root(instance: dg.DagsterInstance) -> Path:
    return Path(instance.storage_directory()) / TABLES_FOLDER


def run_tables(instance: dg.DagsterInstance, run_id: str) -> Path:
    """The folder of one run's tables."""
    return tables_root(instance) / RUNS_FOLDER / run_id


def latest_runs(instance: dg.DagsterInstance) -> set[str]:
    """The runs whose tables some asset's latest pointer names."""
    found = set()
    for pointer in (tables_root(instance) / LATEST_FOLDER).glob("*.json"):
        try:
            found.add(json.loads(pointer.read_text(encoding="utf-8"))["run_id"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return found


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` in one step; the temporary name is this writer's own."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def staging_folder(context: dg.AssetExecutionContext) -> TableFolder:
    """An empty folder for this run's output of the asset being materialised."""
    name = context.asset_key.to_python_identifier()
    folder = run_tables(context.instance, context.run_id) / f".staging-{name}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return TableFolder(folder)


class ParquetFolderIOManager(dg.ConfigurableIOManager):
    """Stores a ``TableFolder`` output by renaming it into its run's folder; loads it as a ``TableFolder``."""

    def handle_output(self, context: dg.OutputContext, obj) -> None:
        instance, name = context.step_context.instance, context.asset_key.to_python_identifier()
        own = run_tables(instance, context.run_id)
        if isinstance(obj, TableFolder):
            replace_folder(obj.path, own / name)
            context.add_output_metadata({"storage": dg.MetadataValue.path(str(own / name))})
        else:
            write_atomically(own / f"{name}.json", json.dumps(obj, sort_keys=True))
        write_atomically(tables_root(instance) / LATEST_FOLDER / f"{name}.json",
                         json.dumps({"run_id": context.run_id}))

    def load_input(self, context: dg.InputContext):
        instance, name = context.instance, context.upstream_output.asset_key.to_python_identifier()
        run_id = context.step_context.run_id
        own = run_tables(instance, run_id)
        if not (own / name).is_dir() and not (own / f"{name}.json").is_file():
            pointer = tables_root(instance) / LATEST_FOLDER / f"{name}.json"
            own = run_tables(instance, json.loads(pointer.read_text(encoding="utf-8"))["run_id"])
        if (own / name).is_dir():
            return TableFolder(own / name)
        return json.loads((own / f"{name}.json").read_text(encoding="utf-8"))
