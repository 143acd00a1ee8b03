"""The Azure CLI's `az cloud-service create`, in a shell script or run by PowerShell, creates a cloud service of
extended support, as `New-AzCloudService` does: the package it deploys is not classic, and MIG101 reports it
once, as a warning about the retirement, not as a web/worker role that blocks a migration."""

from __future__ import annotations

import pytest
from lint_support import WEB_ROLE_PACKAGE, lint_files, where

from migcheck.model import ExtendedSupportService, Mark, Severity
from migcheck.readers import powershell, shell

PACKAGE = WEB_ROLE_PACKAGE
COMMAND = (
    "az cloud-service create -g shop-rg -n shop --roles Web:Standard_D1_v2:2:Standard "
    "Jobs:Standard_D1_v2:1:Standard --configuration @../shop/ServiceConfiguration.Cloud.cscfg "
    '--package-url "$PKG"\n'
)
# the configuration read from a file as the CLI reads `@path`, in PowerShell by a variable that states it
CONFIG = '$config = "../shop/ServiceConfiguration.Cloud.cscfg"\n'
EXPECTED = ExtendedSupportService(
    "shop",
    Mark("deploy/create.sh", 2, column=1),
    "creates it with az cloud-service create",
    "shop/ServiceConfiguration.Cloud.cscfg",
    ("Web", "Jobs"),
)


def _evidence(reader, path: str, script: str) -> list[ExtendedSupportService]:
    data = script.encode()
    assert reader.sniff(data)  # a file that does nothing classic is read for it all the same
    document = reader.read(path, data)
    assert document.problem is None
    return [r for r in document.resources if isinstance(r, ExtendedSupportService)]


def test_a_shell_script_s_command_names_its_service_configuration_and_roles():
    assert _evidence(shell, "deploy/create.sh", "#!/bin/sh\n" + COMMAND) == [EXPECTED]


def test_powershell_running_the_command_names_them_alike():
    # PowerShell passes `@path` on when quoted (unquoted, `@` starts a splat)
    quoted = COMMAND.replace('"$PKG"', "$PKG").replace(
        "@../shop/ServiceConfiguration.Cloud.cscfg", '"@$config"'
    )
    script = CONFIG + quoted
    (record,) = _evidence(powershell, "deploy/create.ps1", script)
    assert record == ExtendedSupportService(
        EXPECTED.name, Mark("deploy/create.ps1", 2, column=1), EXPECTED.via, EXPECTED.package, EXPECTED.roles
    )


@pytest.mark.parametrize(
    ("reader", "path"), [(shell, "create.sh"), (powershell, "create.ps1")], ids=["shell", "powershell"]
)
def test_what_the_script_does_not_state_it_does_not_name(reader, path):
    """A name, a role list or a configuration given by a value the script does not state, or a configuration
    given as the XML itself: the service is told by the files around the script, not by these."""
    script = "az cloud-service create -g rg -n $1 --roles $2 --configuration '<ServiceConfiguration/>'\n"
    (record,) = _evidence(reader, path, script)
    assert (record.name, record.package, record.roles) == ("", "", ())


@pytest.mark.parametrize("script", ["deploy/create.sh", "deploy/create.ps1"])
def test_mig101_says_the_package_is_of_extended_support(tmp_path, monkeypatch, script):
    files = {**PACKAGE, script: "#!/bin/sh\n" + COMMAND if script.endswith(".sh") else COMMAND}
    found = lint_files(tmp_path, monkeypatch, files, dedent=False).findings
    assert where(found) == ["MIG101 shop/ServiceDefinition.csdef:2:3"]
    assert found[0].severity is Severity.WARNING
    line = 2 if script.endswith(".sh") else 1
    assert f"({script}:{line} creates it with az cloud-service create)" in found[0].message
