"""A network configuration file a script uploads (Set-AzureVNetConfig -ConfigurationPath, `azure network
import`) after it selects subscription B is B's network configuration: where the script's selections split
its folder, the file goes with B's part, also when a function written above the selections uploads it and
is called after B's. A file uploaded in two subscriptions stays in the folder's group."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_NETCFG, lint_files

from migcheck.readers import read_document
from migcheck.subscriptions import split_subscriptions

A = "aaaaaaaa-0000-0000-0000-000000000001"
B = "bbbbbbbb-0000-0000-0000-000000000002"
SELECT = "Select-AzureSubscription -SubscriptionId '{}'\n"
SERVICE = "New-AzureService -ServiceName 'web' -Location 'West Europe'\n"
UPLOAD = "Set-AzureVNetConfig -ConfigurationPath .\\NetworkConfig.netcfg\n"

UPLOADED_IN_B = {
    "a cmdlet": ("deploy.ps1", f"{SELECT.format(A)}{SERVICE}{SELECT.format(B)}{UPLOAD}"),
    "a cmdlet in a function": (
        "deploy.ps1",
        f"function Publish-Network {{\n    {UPLOAD}}}\n{SELECT.format(A)}{SERVICE}{SELECT.format(B)}Publish-Network\n",
    ),
    "the classic CLI in a function": (
        "deploy.sh",
        "#!/bin/bash\npublish_network() {\n  azure network import ./NetworkConfig.netcfg\n}\n"
        f"azure config mode asm\nazure account set {A}\nazure service create web --location 'West Europe'\n"
        f"azure account set {B}\npublish_network\n",
    ),
    "the classic CLI in PowerShell": (
        "deploy.ps1",
        f"{SELECT.format(A)}{SERVICE}azure config mode asm\nazure account set {B}\n"
        "azure network import .\\NetworkConfig.netcfg\n",
    ),
}


def configurations_by_subscription(path: str, script: str) -> dict[str, list[str]]:
    read = [
        read_document(name, text.encode(), explicit=True)
        for name, text in (("NetworkConfig.netcfg", APP_VNET_NETCFG), (path, script))
    ]
    documents = tuple(d for d in read if d is not None)
    return {
        name: [d.path for d in docs if d.path.endswith(".netcfg")]
        for name, docs in split_subscriptions(documents, {})
    }


@pytest.mark.parametrize("case", UPLOADED_IN_B)
def test_a_network_configuration_uploaded_after_selecting_b_is_b_s(case):
    found = configurations_by_subscription(*UPLOADED_IN_B[case])
    assert found.get(B) == ["NetworkConfig.netcfg"]
    assert not any(found.get(name) for name in (A, "default"))


def test_a_network_configuration_uploaded_in_two_subscriptions_stays_in_the_folder_s_group():
    script = f"{SELECT.format(A)}{UPLOAD}{SELECT.format(B)}{UPLOAD}"
    assert configurations_by_subscription("deploy.ps1", script).get("default") == ["NetworkConfig.netcfg"]


def test_a_network_b_s_uploaded_configuration_does_not_define_is_not_defined_in_b(tmp_path, monkeypatch):
    script = (
        f"#!/bin/bash\nazure config mode asm\nazure account set {A}\n"
        "azure vm create web img ops 'P@ss1' --location 'North Europe' --vm-name web01\n"
        f"azure account set {B}\nazure network import ./NetworkConfig.netcfg\n"
        "azure vm create app img ops 'P@ss1' --location 'North Europe' --vm-name app01 -w app-vnet -b web\n"
        "azure vm create app2 img ops 'P@ss1' --location 'North Europe' --vm-name app02 -w other-vnet -b web\n"
    )
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "deploy.sh": script}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    # The upload replaces B's networks with app-vnet alone: other-vnet is none of them (MIG003).
    assert [(f.code, f.location.line) for f in result.findings if f.code == "MIG003"] == [("MIG003", 8)]
    assert sorted(e.subscription for e in result.estates) == [A, B]
