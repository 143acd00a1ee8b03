"""`cspack /copyOnly` writes a cloud service's package as a folder named `<service>.csx` holding copies of
its .csdef and .cscfg: a walk leaves such folders out, as it leaves out `csx/`, `bin/` and `obj/`, so a
service is not reported twice; a file in one, or the folder itself, named on the command line is checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.cli import main
from migcheck.discover import discover

CSDEF = '<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition" />'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in (
        "shop/ServiceDefinition.csdef",
        "shop/Shop.csx/ServiceDefinition.csdef",
        "shop/Shop.CSX/roles/Web/ServiceDefinition.csdef",
        "shop/Release.csx.old/ServiceDefinition.csdef",
        "shop/CSX/Release/ServiceDefinition.csdef",
        "shop/Bin/ServiceDefinition.csdef",
        "shop/Obj/Debug/ServiceDefinition.csdef",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(CSDEF)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_walk_leaves_out_folders_named_like_a_copied_package(project: Path) -> None:
    # Any case (Windows names it as the project is named, and Visual Studio writes `Bin` and `Obj` as often as
    # `bin` and `obj`); a name that only holds `.csx` is walked.
    assert [c.path for c in discover(["shop"])] == [
        "shop/Release.csx.old/ServiceDefinition.csdef",
        "shop/ServiceDefinition.csdef",
    ]


def test_a_copied_package_named_on_the_command_line_is_checked(project: Path) -> None:
    assert [c.path for c in discover(["shop/Shop.csx"])] == ["shop/Shop.csx/ServiceDefinition.csdef"]
    named = "shop/Shop.csx/ServiceDefinition.csdef"
    assert [c.path for c in discover([named])] == [named]


def test_the_command_line_lists_no_copy(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "shop", "--show-files"])
    listed = capsys.readouterr().out.splitlines()
    assert listed == ["shop/Release.csx.old/ServiceDefinition.csdef", "shop/ServiceDefinition.csdef"]
