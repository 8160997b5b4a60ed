"""`figures run` killed (SIGKILL, the whole process group) while reading, reconciling, publishing and checking.

After every kill the output folder holds only whole, verified releases, LATEST
names one, the extraction cache and the table store hold no damaged file, and
the next run exits 0 and publishes what the killed one would have. Moments are
found by watching the run (its progress lines, the files it writes), not by
sleeping, so a slow machine only makes the test slower.
"""
import resource

import dagster as dg
import pyarrow.parquet as pq
import pytest

from runs import WatchedRun, appeared, copies_of_the_sample, release_problems, said, unreadable_parquet

REPORTS = 540  # over the 500 that start worker processes: the first kill also kills workers


@pytest.fixture(scope="module")
def killed_and_rerun(tmp_path_factory):
    """Four kills, each followed by a run that must finish; what each left behind."""
    root = tmp_path_factory.mktemp("kill")
    raw, out, home = root / "raw", root / "out", root / "home"
    copies_of_the_sample(raw, REPORTS)
    storage = home / "storage"
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    steps = []

    def kill_at(moment_name, moment):
        run = WatchedRun(raw, out, home)
        reached = run.wait_for(moment)
        run.kill()
        steps.append({"kill": moment_name, "reached": reached, "output": run.output,
                      "release_problems": release_problems(out), "damaged": unreadable_parquet(storage)})

    def run_to_the_end():
        run = WatchedRun(raw, out, home)
        steps.append({"code": run.finish(), "output": run.output, "release_problems": release_problems(out)})

    # reading: the first batch is in the cache, the others are still being read by the workers
    kill_at("reading", appeared(storage / "extraction_cache", "*/seg-*"))
    run_to_the_end()
    copies_of_the_sample(raw, 20, first=REPORTS)
    kill_at("reconciling", said("[figures] reconciling: started"))
    run_to_the_end()
    copies_of_the_sample(raw, 20, first=REPORTS + 20)
    kill_at("publishing", appeared(out, ".staging-*/*"))  # the release half written
    run_to_the_end()
    copies_of_the_sample(raw, 20, first=REPORTS + 40)
    kill_at("checking", appeared(out, "1.3.0"))  # the release in place; the catalog and checks maybe not
    segment = sorted(storage.glob("extraction_cache/*/seg-*"))[0] / "entries.parquet"
    truncated_rows = pq.read_metadata(segment).num_rows
    segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 2])  # a write cut short on disk
    run_to_the_end()
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"kill test: {cpu.ru_utime + cpu.ru_stime - cpu_before.ru_utime - cpu_before.ru_stime:.1f} s CPU in runs")
    return root, steps, truncated_rows


def test_every_kill_happened_at_its_moment(killed_and_rerun):
    _, steps, _ = killed_and_rerun
    kills = [step for step in steps if "kill" in step]
    assert [step["kill"] for step in kills] == ["reading", "reconciling", "publishing", "checking"]
    assert all(step["reached"] for step in kills), [step["output"] for step in kills if not step["reached"]]


def test_after_each_kill_only_whole_verified_releases_are_visible_and_nothing_cached_is_damaged(killed_and_rerun):
    _, steps, _ = killed_and_rerun
    for step in steps:
        assert step["release_problems"] == [], step
        assert step.get("damaged", []) == [], step


def test_the_run_after_each_kill_exits_0_and_publishes_the_killed_runs_content(killed_and_rerun):
    root, steps, _ = killed_and_rerun
    reruns = [step for step in steps if "code" in step]
    assert [step["code"] for step in reruns] == [0, 0, 0, 0], [step["output"] for step in reruns]
    assert [line for step in reruns for line in step["output"].splitlines() if line.startswith("Published")] == [
        f"Published release {version} at {root / 'out' / version}" for version in ("1.0.0", "1.1.0", "1.2.0")]
    assert "Nothing changed since release 1.3.0" in reruns[3]["output"]  # the killed run had published it
    assert (root / "out" / "LATEST").read_text().strip() == "1.3.0"
    assert not list((root / "out").glob(".staging-*"))  # the killed publish's leftovers are gone
    assert release_problems(root / "out", root / "raw") == []  # every release, its raw files re-read too
    cached = int(reruns[0]["output"].split("from cache: ")[1].split()[0])
    assert cached >= 250  # the first rerun took what the killed one had read from the cache


def test_a_truncated_cache_segment_is_found_and_its_reports_read_again(killed_and_rerun):
    root, steps, truncated_rows = killed_and_rerun
    assert f"reports new: {truncated_rows} " in steps[-1]["output"]
    assert unreadable_parquet(root / "home" / "storage") == []


def test_killed_runs_are_recorded_as_failed_and_their_tables_removed(killed_and_rerun):
    root, steps, _ = killed_and_rerun
    assert all("recorded it as failed" in step["output"] for step in steps if "code" in step)
    with dg.DagsterInstance.from_config(str(root / "home")) as instance:
        statuses = [run.status for run in instance.get_runs()]
    assert statuses.count(dg.DagsterRunStatus.SUCCESS) == 4
    assert statuses.count(dg.DagsterRunStatus.FAILURE) == 4
    assert dg.DagsterRunStatus.STARTED not in statuses
    runs = [entry for entry in (root / "home" / "storage" / "tables" / "runs").iterdir() if entry.is_dir()]
    assert len(runs) == 1  # the last run's, which the assets' latest pointers name
