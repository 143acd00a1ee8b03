"""MIG106: beside a `Get-AzureDeployment | ConvertTo-Json` export, which lists its roles by their instances
without saying their kinds, an Export-AzureVM file of one of them is that role: one VM, whose endpoints the
file lists, so the reserved IP of a deployment with no input endpoint is reported, whichever file is read
first, and not when the VM has one. The file's VM used to be a second role of the same name beside the one of
unknown kind, and the deployment's endpoints stayed unknown."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where
from test_a_deployment_export_s_reserved_ip_is_judged_by_the_endpoints_its_vms_export_lists import DEPLOYMENT

ENDPOINT = (
    "<InputEndpoint><LocalPort>80</LocalPort><Name>web</Name><Port>80</Port><Protocol>tcp</Protocol>"
    "</InputEndpoint>"
)


def _vm(endpoints: str) -> str:
    return f"""\
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints>{endpoints}</InputEndpoints>
      <SubnetNames><string>FrontEnd</string></SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
  <RoleName>app01</RoleName>
  <RoleSize>Standard_D2</RoleSize>
  <RoleType>PersistentVMRole</RoleType>
</PersistentVM>
"""


@pytest.mark.parametrize("deployment", ["app/dep.json", "dep.json", "zz/dep.json"])
def test_a_reserved_ip_of_a_deployment_whose_vm_file_lists_no_endpoint_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deployment: str
) -> None:
    files = {deployment: DEPLOYMENT, "app/app01.xml": _vm("")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False)
    assert where(result.findings) == [f"MIG106 {deployment}:1:114"]


def test_a_vm_file_s_endpoint_carries_the_reserved_ip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"dep.json": DEPLOYMENT, "app/app01.xml": _vm(ENDPOINT)}
    assert lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings == []
