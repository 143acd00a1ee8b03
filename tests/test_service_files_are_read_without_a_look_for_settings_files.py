"""A check reads a .csdef, .cscfg or .netcfg without keeping track of settings files, which only scripts
load; a script beside them still takes its values from the settings file it loads."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from lint_support import APP_VNET_NETCFG, PS_DEPLOY, SHOP_CSCFG, ps_settings

from migcheck.cli import main
from migcheck.readers import beside

SHOP_CSDEF = """\
<ServiceDefinition name="shopsvc" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="WebFrontend" vmsize="Small" />
</ServiceDefinition>
"""


def test_only_the_script_is_read_looking_for_settings_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ServiceDefinition.csdef").write_text(SHOP_CSDEF)
    (tmp_path / "ServiceConfiguration.Cloud.cscfg").write_text(SHOP_CSCFG)
    (tmp_path / "NetworkConfig.netcfg").write_text(APP_VNET_NETCFG)
    (tmp_path / "deploy.ps1").write_text(PS_DEPLOY)
    (tmp_path / "config.ps1").write_text(ps_settings("web", "data"))
    read: list[str] = []
    reading = beside.reading

    @contextlib.contextmanager
    def counted(candidate: beside.Candidate) -> Iterator[None]:
        read.append(Path(candidate.path).name)
        with reading(candidate):
            yield

    monkeypatch.setattr(beside, "reading", counted)
    main(["check", str(tmp_path), "--jobs", "1", "--format", "json"])
    assert sorted(read) == ["config.ps1", "deploy.ps1"]
    # The settings file still gives the script its second subnet.
    assert '"MIG202"' in capsys.readouterr().out
