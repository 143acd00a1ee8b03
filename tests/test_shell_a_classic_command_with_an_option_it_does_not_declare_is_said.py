"""A classic `azure` command given an option its classic form does not declare (`-I 16` where `network vnet
create` has `-i`/`--cidr`: commander's option letters are case-sensitive) is refused by the CLI, which runs
nothing: migcheck does not read it, and says so where the option is written, with why, in every report, so
that a network the script means to define is not silently "not defined in the files checked"."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli, script_resources, unread_marks

REFUSED = """\
azure config mode asm
azure account affinity-group create profx-sec-group -l "East US"
azure network vnet create --vnet profx-fe-vnet -e 10.1.0.0 -I 16 -a profx-sec-group
"""


def test_the_refused_command_is_an_unread_part_at_its_option() -> None:
    assert unread_marks(script_resources(REFUSED, "deploy.sh")) == [(3, 60)]


def test_the_declared_option_is_read_and_nothing_is_said() -> None:
    assert unread_marks(script_resources(REFUSED.replace("-I 16", "-i 16"), "deploy.sh")) == []


def test_a_resource_manager_option_is_not_said() -> None:
    text = "azure network vnet create --resource-group rg --name v1 --location westus\n"
    assert unread_marks(script_resources(text + "azure vm create svc img u p\n", "deploy.sh")) == []


def test_check_and_json_say_what_kind_of_part_it_is(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "deploy.sh").write_text(REFUSED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "deploy.sh")
    assert (
        "Not read as written: deploy.sh:3:60: this line gives the classic `azure network vnet create` the option `-I`"
        in out
    )
    assert "the CLI refuses it as an unknown option and runs nothing" in out
    _, out, _ = run_cli(capsys, "plan", "deploy.sh", "--format", "json")
    parts = [p for s in json.loads(out)["subscriptions"] for p in s.get("unread_parts", [])]
    assert parts == [{"path": "deploy.sh", "line": 3, "column": 60, "why": "refused-option"}]
