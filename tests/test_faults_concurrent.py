"""Two `figures run` at once on one Dagster home, as a user starting it twice would.

Runs on the same folders both succeed: one publishes, the other waits for
that publish and finds its content already there. Runs into different output
folders do not wait for each other, and neither reads the other's tables.
"""
import dagster as dg
import pandas as pd

from pipeline.publish.release import publish_lock
from runs import WatchedRun, copies_of_the_sample, release_problems, said, unreadable_parquet


def test_two_runs_on_the_same_folders_both_succeed_and_one_finds_the_others_release(tmp_path):
    raw, out, home = tmp_path / "raw", tmp_path / "out", tmp_path / "home"
    copies_of_the_sample(raw, 60)
    first, second = WatchedRun(raw, out, home), WatchedRun(raw, out, home)
    codes = [first.finish(), second.finish()]
    outputs = [first.output, second.output]
    assert codes == [0, 0], outputs
    assert sorted(line.split(" at ")[0] for output in outputs for line in output.splitlines()
                  if line.startswith(("Published", "Nothing changed"))) == [
        "Nothing changed since release 1.0.0 (" + str(out / "1.0.0") + "); nothing new published",
        "Published release 1.0.0"]
    assert not any("Traceback" in output for output in outputs)
    assert sorted(entry.name for entry in out.iterdir() if not entry.name.startswith(".")) == [
        "1.0.0", "LATEST", "index.html", "index.json"]
    assert release_problems(out, raw) == []
    assert unreadable_parquet(home / "storage") == []
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert [run.status for run in instance.get_runs()] == [dg.DagsterRunStatus.SUCCESS] * 2


def test_a_run_waits_for_a_publish_into_its_folder_and_not_for_one_into_another(tmp_path):
    home = tmp_path / "home"
    raw_a, raw_b = tmp_path / "raw-a", tmp_path / "raw-b"
    copies_of_the_sample(raw_a, 30)
    copies_of_the_sample(raw_b, 30, first=30)
    out_a, out_b = tmp_path / "out-a", tmp_path / "out-b"
    with publish_lock(out_a):  # another publish into out-a is under way
        waiting = WatchedRun(raw_a, out_a, home)
        other = WatchedRun(raw_b, out_b, home)
        assert other.finish() == 0, other.output  # into out-b: not held up by out-a's publish
        assert waiting.wait_for(said(f"waiting for another publish into {out_a} to end"))
        assert waiting.process.poll() is None  # still waiting
    assert waiting.finish() == 0, waiting.output
    assert "waiting" not in other.output and "Waited" not in other.output
    assert "Waited " in waiting.output and f"Published release 1.0.0 at {out_a / '1.0.0'}" in waiting.output
    # each release holds its own raw folder's reports, though both runs kept their tables in one home
    for raw, out in ((raw_a, out_a), (raw_b, out_b)):
        assert release_problems(out, raw) == []
        paths = pd.read_parquet(out / "1.0.0" / "reports.parquet", columns=["path"])["path"]
        assert sorted(paths) == sorted(path.name for path in raw.iterdir())
