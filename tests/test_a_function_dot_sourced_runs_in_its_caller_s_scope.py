"""A function run with `.` (`. Settings`) runs in the scope of the code that calls it, as PowerShell runs it
(about_Scopes, "Using dot-source notation with scope"): what it assigns is the caller's once it returns,
so the names a settings function states name the resources the script creates. Called plainly, what it
assigns stays its own."""

from __future__ import annotations

import pytest
from lint_support import PS_DEPLOY, lint_files, ps_settings, script_resources

from migcheck.model import Deployment

SETTINGS = """\
function Settings()
{
    $svc = "svc-h1"
    $vnet = "vnet-h1"
}
"""

CREATE = """\
$vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img"
$vm | Set-AzureSubnet -SubnetNames "a" | New-AzureVM -ServiceName $svc -VNetName $vnet
"""


def deployments(script: str) -> list[tuple[str, str]]:
    resources = script_resources(script, "deploy.ps1")
    return [
        (d.service_name, d.virtual_network.name if d.virtual_network else "")
        for d in resources
        if isinstance(d, Deployment)
    ]


@pytest.mark.parametrize(
    "load",
    [
        ". Settings\n",
        # Dot-sourced by a function the script dot-sources in turn: both run in the script's scope.
        "function Common() { . Settings }\n. Common\n",
    ],
)
def test_what_a_dot_sourced_function_assigns_names_the_resources_its_caller_creates(load):
    assert deployments(SETTINGS + load + CREATE) == [("svc-h1", "vnet-h1")]


def test_what_a_function_called_plainly_assigns_stays_its_own():
    ((service, network),) = deployments(SETTINGS + "Settings\n" + CREATE)
    assert service != "svc-h1" and network != "vnet-h1"


@pytest.mark.parametrize(
    ("function", "loaded"),
    [
        # It assigns no folder: the script's folder is still the one `$here` holds.
        ('function Use-Defaults() { $Region = "West Europe" }', ["scripts/config.ps1:3"]),
        # It dot-sources a file the reader does not follow, which may set `$here`.
        ("function Use-Defaults() { . C:\\deploy\\common.ps1 }", []),
    ],
)
def test_a_folder_held_before_a_dot_sourced_function_holds_after_it_unless_it_may_set_it(
    tmp_path, monkeypatch, function, loaded
):
    load = f'{function}\n$here = $PSScriptRoot\n. Use-Defaults\n. "$here\\config.ps1"'
    files = {
        "scripts/deploy.ps1": PS_DEPLOY.replace('. "$PSScriptRoot\\config.ps1"', load),
        "scripts/config.ps1": ps_settings("Front", "Back"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    assert [f"{f.location.path}:{f.location.line}" for f in result.findings] == loaded
