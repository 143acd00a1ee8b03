"""PowerShell passes a comma list written as a native command's argument as one argument, its text: the
classic CLI run from PowerShell gets `-b front,back` as the shell gives it (two subnets: MIG202)."""

from __future__ import annotations

import pytest

from tests.lint_support import lint_files, where
from tests.readers.test_reader_shell_classic_cli import NETCFG


@pytest.mark.parametrize(
    ("subnets", "at"),
    [
        ("front,back", "deploy.ps1:1:59"),
        ("front, back", "deploy.ps1:1:53"),
        ("'front','back'", "deploy.ps1:1:53"),
    ],
)
def test_a_list_written_after_b_is_two_subnets(tmp_path, monkeypatch, subnets, at):
    script = f"azure vm create web-svc img user pass -w corpnet -b {subnets}\n"
    found = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG202").findings
    assert where(found) == [f"MIG202 {at}"]


def test_words_a_blank_separates_stay_apart(tmp_path, monkeypatch):
    # `-b front back`: the CLI takes `back` for a positional argument; the VM has one subnet.
    script = "azure vm create web-svc img user pass -w corpnet -b front back\n"
    assert lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG202").findings == []


@pytest.mark.parametrize(
    "setup",
    ["$subs = 'front','back'\n", "$subs = @('front','back')\n"],
    ids=["variable", "array subexpression"],
)
def test_an_array_a_variable_holds_is_an_argument_per_item(tmp_path, monkeypatch, setup):
    # PowerShell passes such an array as separate arguments: `-b front back`, one subnet.
    for subnets in ("$subs", "@('front','back')"):
        script = setup + f"azure vm create web-svc img user pass -w corpnet -b {subnets}\n"
        assert lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG202").findings == [], subnets


def test_an_escaped_comma_is_not_part_of_a_subnet_s_name(tmp_path, monkeypatch):
    script = "azure vm create web-svc img user pass -w corpnet -b front`,back\n"
    files = {"deploy.ps1": script, "NetworkConfig.netcfg": NETCFG}
    found = lint_files(tmp_path, monkeypatch, files, "MIG003").findings
    assert not any("`" in f.message for f in found), [f.message for f in found]
