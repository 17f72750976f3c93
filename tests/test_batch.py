"""`briefer brief --each`: one brief per article, in processes, streamed, with a bar on a terminal."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXED_NOW, SAMPLES

from briefer.cli import Environment, main


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Nine real articles and one file that is not an article: two chunks."""
    out = tmp_path_factory.mktemp("batch")
    files = sorted((SAMPLES / "yemen_truce_2022").iterdir())
    files += sorted((SAMPLES / "sudan_conflict_2023").iterdir())
    files += sorted((SAMPLES / "ethiopia_tigray_2021").iterdir())[:1]
    for k, path in enumerate(files):
        shutil.copy(path, out / f"{k:02d}_{path.name}")
    (out / "05_zz_broken.txt").write_bytes(bytes(range(256)) * 8)
    return out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _each(folder: Path, *extra: str, stderr: io.StringIO | None = None) -> tuple[int, list[dict], str]:
    out, err = io.StringIO(), stderr or io.StringIO()
    status = main(
        ["brief", str(folder), "--each", "--format", "json", *extra], Environment(io.BytesIO(), out, err)
    )
    return status, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_each_gives_one_line_per_article_in_order_and_reports_the_bad_file(folder):
    status, briefs, err = _each(folder)
    names = [Path(b["sources"][0]["location"]).name for b in briefs]
    expected = sorted(p.name for p in folder.iterdir() if p.name != "05_zz_broken.txt")
    assert names == expected
    assert status == 1
    assert err.count("briefer: error:") == 1 and "05_zz_broken.txt" in err


def test_processes_give_the_same_briefs_as_one_process(folder):
    _, one, _ = _each(folder)
    status, two, err = _each(folder, "--jobs", "2")
    assert status == 1 and "05_zz_broken.txt" in err
    strip = lambda b: {k: v for k, v in b.items() if k != "generated_at"}  # noqa: E731
    assert [strip(b) for b in two] == [strip(b) for b in one]


def test_a_progress_bar_with_rate_and_time_left_is_drawn_on_a_terminal_only(folder):
    _, _, plain = _each(folder)
    assert "\r" not in plain and "\x1b" not in plain and "articles" not in plain
    _, briefs, drawn = _each(folder, stderr=_Terminal())
    shown = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", drawn)
    total = len(briefs) + 1
    assert f"{total}/{total} articles, 1 failed" in shown
    assert re.search(r"\d+\.\d/s eta", shown), "a rate and the time left"
    assert "briefer: error:" in shown and "05_zz_broken.txt" in shown


def test_results_stream_as_chunks_finish(folder, tmp_path):
    """The first brief is out before the last chunk is read: a file removed meanwhile is reported."""
    from briefer.batch import CHUNK, iter_briefs
    from briefer.pipeline import BriefOptions

    for path in sorted(folder.iterdir()):
        shutil.copy(path, tmp_path / path.name)
    last = sorted(tmp_path.iterdir())[-1]
    assert len(list(tmp_path.iterdir())) > CHUNK
    results = iter_briefs([str(tmp_path)], BriefOptions(now=FIXED_NOW))
    first = next(results)
    assert first[1] is not None
    last.unlink()
    rest = list(results)
    assert rest[-1][0] == str(last) and rest[-1][1] is None and "no such file" in (rest[-1][2] or "")


def test_jobs_must_be_a_positive_number(cli):
    status, _, err = cli("brief", SAMPLES / "yemen_truce_2022", "--each", "--jobs", "0")
    assert status == 2 and "--jobs" in err


def test_each_on_a_local_dask_cluster_of_two_workers_gives_the_same_briefs(folder):
    """The design for many machines (README, "Many articles"): a Dask bag over `brief_chunk`."""
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    from briefer.batch import iter_briefs
    from briefer.pipeline import BriefOptions
    from briefer.scale import brief_bag

    options = BriefOptions(now=FIXED_NOW)
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        lines = brief_bag([str(folder)], options, partitions=2).compute()
        assert len(cluster.workers) == 2
    local = list(iter_briefs([str(folder)], options))
    assert [location for location, _, _ in lines] == [location for location, _, _ in local]
    briefs = [json.loads(line) for _, line, _ in lines if line is not None]
    assert briefs == [b.to_dict() for _, b, _ in local if b is not None]
    failed = [(location, reason) for location, line, reason in lines if line is None]
    assert len(failed) == 1 and "05_zz_broken.txt" in failed[0][0]
