"""When the pipeline runs: daily, and whenever the raw folder changes."""

import hashlib
import os

import dagster as dg

from pipeline.orchestration.settings import PipelineSettings

JOB_NAME = "publish_release"

publish_release_job = dg.define_asset_job(JOB_NAME, selection=dg.AssetSelection.groups("crisis_figures"),
                                          description="Read, extract, reconcile and publish a release.")

daily_release = dg.ScheduleDefinition(
    name="daily_release", job=publish_release_job, cron_schedule="0 6 * * *", execution_timezone="UTC",
    description="Publish each morning; an unchanged corpus publishes nothing new.",
)


def raw_folder_fingerprint(raw_dir: str) -> str:
    """A hash of every file's path, size and modification time under the raw folder."""
    digest = hashlib.sha256()
    for folder, subfolders, names in sorted(os.walk(raw_dir)):
        subfolders.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            try:
                stat = os.lstat(path)
            except OSError:
                continue
            digest.update(f"{os.path.relpath(path, raw_dir)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@dg.sensor(job=publish_release_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def new_raw_files(context: dg.SensorEvaluationContext, settings: PipelineSettings):
    """Requests a run when files are added to, changed in or removed from the raw folder."""
    fingerprint = raw_folder_fingerprint(settings.raw_dir)
    if fingerprint == context.cursor:
        return dg.SkipReason("raw folder unchanged")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=fingerprint)
