"""The command line as a user runs it: sources of every kind, formats, files, and clean errors."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES, SEED

GV = (
    SAMPLES / "globalvoices_html" / "2009-06-05_globalvoices_peru-clashes-break-out-in-the-amazon-region.html"
)


def test_short_form_is_the_brief_command(cli):
    assert cli(SEED)[:2] == cli("brief", SEED)[:2]


def test_stdin_is_read_with_a_dash(cli):
    status, out, _ = cli("brief", "-", "--format", "json", stdin=SEED.read_bytes())
    assert status == 0
    assert json.loads(out)["sources"][0]["location"] == "<stdin>"


def test_a_folder_gives_one_brief_over_its_articles(cli):
    status, out, _ = cli("brief", SAMPLES / "yemen_truce_2022", "--format", "json")
    data = json.loads(out)
    assert status == 0
    assert len(data["sources"]) == 4
    assert {item["source"] for item in data["summary"]} <= {1, 2, 3, 4}


def test_html_page_goes_through_the_main_text_extractor(cli):
    status, out, _ = cli("brief", GV, "--format", "json")
    source = json.loads(out)["sources"][0]
    assert status == 0
    assert source["title"] == "Peru: Clashes Break Out in the Amazon Region"
    assert "<" not in source["text"] and "function(" not in source["text"]


@pytest.fixture()
def http_server():
    handler = http.server.SimpleHTTPRequestHandler

    class Quiet(handler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(SAMPLES), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_url_is_fetched_from_a_local_server(cli, http_server):
    status, out, _ = cli("brief", f"{http_server}/{SEED.name}", "--format", "json")
    assert status == 0
    assert json.loads(out)["sources"][0]["title"] == "NATO to help Libya security if requested: Deputy chief"


def test_a_missing_url_is_a_clean_error(cli, http_server):
    status, out, err = cli("brief", f"{http_server}/nope.txt")
    assert status == 1 and out == ""
    assert err.startswith("briefer: error:") and "404" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "fmt,marker", [("markdown", "## Bottom line"), ("text", "BOTTOM LINE"), ("html", "<!DOCTYPE html>")]
)
def test_each_format_has_its_sections(cli, fmt, marker):
    status, out, _ = cli("brief", SEED, "--format", fmt)
    assert status == 0 and marker in out
    for section in ("Bottom line", "Actors", "Positions", "Background", "Timeline", "Sources"):
        assert section.lower() in out.lower()


def test_text_format_fits_72_columns_without_markdown(cli):
    _, out, _ = cli("brief", SEED, "--format", "text")
    assert max(len(line) for line in out.splitlines()) <= 72
    assert "##" not in out and "**" not in out


def test_sentences_sets_the_bottom_line_length(cli):
    for n in (1, 2, 6):
        _, out, _ = cli("brief", SEED, "--format", "json", "--sentences", str(n))
        assert len(json.loads(out)["summary"]) == n


def test_ratio_sets_the_length_as_a_share(cli):
    _, out, _ = cli("brief", SEED, "--format", "json", "--ratio", "0.5")
    data = json.loads(out)
    assert len(data["summary"]) == -(-len(data["sources"][0]["sentences"]) // 2)


def test_output_file_is_written(cli, tmp_path):
    target = tmp_path / "brief.md"
    status, out, _ = cli("brief", SEED, "-o", target)
    assert status == 0 and out == ""
    assert target.read_text().startswith("# NATO to help Libya")


def test_failed_run_leaves_an_existing_output_file_as_it_was(cli, tmp_path):
    target = tmp_path / "brief.md"
    target.write_text("my notes")
    status, _, err = cli("brief", tmp_path / "missing.txt", "-o", target, "--force")
    assert status == 1 and "no such file" in err
    assert target.read_text() == "my notes"


def test_output_into_a_missing_folder_is_a_clean_error(cli, tmp_path):
    status, _, err = cli("brief", SEED, "-o", tmp_path / "nope" / "brief.md")
    assert status == 1 and "does not exist" in err


def test_each_gives_json_lines(cli):
    status, out, _ = cli("brief", SAMPLES / "sudan_conflict_2023", "--each", "--format", "json")
    lines = out.splitlines()
    assert status == 0 and len(lines) == 4
    assert all(len(json.loads(line)["sources"]) == 1 for line in lines)


def test_each_writes_one_file_per_source(cli, tmp_path):
    status, _, _ = cli("brief", SAMPLES / "yemen_truce_2022", "--each", "-o", tmp_path)
    assert status == 0
    assert len(list(tmp_path.glob("*.md"))) == 4


@pytest.mark.parametrize(
    "argv,status,message",
    [
        (["brief", "missing.txt"], 1, "no such file"),
        (["brief", str(SEED), "--format", "pdf"], 2, "invalid choice"),
        (["brief", str(SEED), "--sentences", "0"], 2, "at least 1"),
        (["brief", str(SEED), "--algorithm", "magic"], 2, "invalid choice"),
        (["brief", str(ROOT / "tests")], 1, "no article files"),
    ],
)
def test_bad_input_is_one_line_and_a_status(cli, argv, status, message):
    code, out, err = cli(*argv)
    assert code == status and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_empty_file_is_a_clean_error(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    code, _, err = cli("brief", empty)
    assert code == 1 and "empty" in err


def test_version_and_help(cli):
    code, out, _ = cli("--version")
    assert code == 0 and out.startswith("briefer ")
    code, out, _ = cli("brief", "--help")
    assert code == 0 and "examples:" in out and "--algorithm" in out


def test_console_script_and_python_dash_m_run(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "briefer", "brief", str(tmp_path / "x.txt")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"briefer: error: {tmp_path / 'x.txt'}: no such file"
    assert Path(sys.executable).with_name("briefer").exists()
