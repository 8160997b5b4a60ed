"""How assets hand their tables on: Parquet folders under the Dagster instance's storage.

An asset writes its tables into a staging folder of its run (``staging_folder``)
and returns the ``TableFolder``; the IO manager moves it into place under
``<DAGSTER_HOME>/storage/tables/<asset>/``, replacing the previous
materialisation, and hands downstream assets a ``TableFolder`` there. Nothing
is pickled and no table is held longer than the step that reads it needs it.
Small values (the release summary) are stored as JSON.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import dagster as dg

from pipeline.tablestore import TableFolder, replace_folder

TABLES_FOLDER = "tables"


def tables_root(instance: dg.DagsterInstance) -> Path:
    return Path(instance.storage_directory()) / TABLES_FOLDER


def staging_folder(context: dg.AssetExecutionContext) -> TableFolder:
    """An empty folder for this run's output of the asset being materialised."""
    name = context.asset_key.to_python_identifier()
    folder = tables_root(context.instance) / ".staging" / context.run_id / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return TableFolder(folder)


class ParquetFolderIOManager(dg.ConfigurableIOManager):
    """Stores a ``TableFolder`` output by moving it into the asset's place; loads it as a ``TableFolder``."""

    @staticmethod
    def _final(instance: dg.DagsterInstance, asset_key: dg.AssetKey) -> Path:
        return tables_root(instance) / asset_key.to_python_identifier()

    def handle_output(self, context: dg.OutputContext, obj) -> None:
        final = self._final(context.step_context.instance, context.asset_key)
        if isinstance(obj, TableFolder):
            replace_folder(obj.path, final)
            try:
                obj.path.parent.rmdir()  # the run's staging folder, once its last asset is in place
            except OSError:
                pass
            context.add_output_metadata({"storage": dg.MetadataValue.path(str(final))})
            return
        final.parent.mkdir(parents=True, exist_ok=True)
        final.with_suffix(".json").write_text(json.dumps(obj, sort_keys=True), encoding="utf-8")

    def load_input(self, context: dg.InputContext):
        final = self._final(context.instance, context.upstream_output.asset_key)
        if final.is_dir():
            return TableFolder(final)
        return json.loads(final.with_suffix(".json").read_text(encoding="utf-8"))
