"""A virtual IP of a deployment besides its default one that no input endpoint names (a REST body's
`VirtualIPs`, PowerShell's Add-AzureVirtualIP) is not migrated (deep dive: "A virtual IP can only be migrated
if there is an input endpoint assigned to it"): the plan says so on the step that moves its deployment. It
is no finding: nothing the migration needs is lost, as MIG106's reserved IP would be."""

from __future__ import annotations

from lint_support import APP_VNET_NETCFG, lint_files

from migcheck.plan import Step, StepKind, build_plan

REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'


def _rest_deployment(*endpoint_vips: str) -> str:
    """Deployment svc10, in no network, with VIPs main (the default), vip2 and vip3, and VM vm1 with an
    endpoint on each VIP of `endpoint_vips` ("" for the default one)."""
    vips = "".join(
        f"<VirtualIP><Address>40.1.1.{n}</Address><Name>{name}</Name></VirtualIP>"
        for n, name in enumerate(("main", "vip2", "vip3"), 1)
    )
    endpoints = "".join(
        f"<InputEndpoint><LocalPort>{port}</LocalPort><Name>e{port}</Name><Port>{port}</Port>"
        "<Protocol>tcp</Protocol>"
        + (f"<VirtualIPName>{vip}</VirtualIPName>" if vip else "")
        + "</InputEndpoint>"
        for port, vip in enumerate(endpoint_vips, 80)
    )
    return f"""<Deployment {REST}>
  <Name>svc10</Name><DeploymentSlot>Production</DeploymentSlot>
  <Url>http://svc10.cloudapp.net/</Url>
  <RoleList><Role><RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType>
    <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints>{endpoints}</InputEndpoints></ConfigurationSet></ConfigurationSets>
  </Role></RoleList>
  <VirtualIPs>{vips}</VirtualIPs>
</Deployment>
"""


def _ps_deployment(vip_of_endpoint: str = "") -> str:
    """A script that creates VM lb01 in service lb-svc in app-vnet, its endpoint on `vip_of_endpoint` ("" for
    the default VIP)."""
    on = f" -VirtualIPName '{vip_of_endpoint}'" if vip_of_endpoint else ""
    return f"""\
$vm = New-AzureVMConfig -Name 'lb01' -InstanceSize Small -ImageName 'win2012r2' |
    Add-AzureProvisioningConfig -Windows -AdminUsername 'opsadmin' -Password 'x' |
    Set-AzureSubnet -SubnetNames 'web' |
    Add-AzureEndpoint -Name 'http' -Protocol tcp -LocalPort 80 -PublicPort 80{on}
New-AzureVM -ServiceName 'lb-svc' -Location 'North Europe' -VNetName 'app-vnet' -VMs $vm
"""


def _said(step: Step) -> list[str]:
    return [note for note in step.notes if "has no input endpoint" in note]


def _steps(tmp_path, monkeypatch, files: dict[str, str]) -> dict[StepKind, Step]:
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert not [f for f in result.findings if f.code == "MIG106"]
    return {step.kind: step for step in build_plan(result).steps}


def test_a_rest_body_s_vip_no_endpoint_names_is_said_left_behind(tmp_path, monkeypatch):
    steps = _steps(tmp_path, monkeypatch, {"svc10.deployment.xml": _rest_deployment("", "vip2")})
    assert _said(steps[StepKind.SERVICE]) == [
        "VIP 'vip3' has no input endpoint: the migration does not carry it over"
    ]


def test_a_rest_body_whose_vips_all_have_endpoints_says_nothing(tmp_path, monkeypatch):
    steps = _steps(tmp_path, monkeypatch, {"svc10.deployment.xml": _rest_deployment("", "vip2", "vip3")})
    assert _said(steps[StepKind.SERVICE]) == []


def test_a_vip_a_script_adds_without_an_endpoint_is_said_left_behind_on_its_network_s_step(
    tmp_path, monkeypatch
):
    script = _ps_deployment() + "Add-AzureVirtualIP -VirtualIPName 'vip2' -ServiceName 'lb-svc'\n"
    steps = _steps(tmp_path, monkeypatch, {"net.netcfg": APP_VNET_NETCFG, "vips.ps1": script})
    assert _said(steps[StepKind.NETWORK]) == [
        "VIP 'vip2' of cloud service 'lb-svc' has no input endpoint: the migration does not carry it over"
    ]


def test_a_vip_added_in_another_file_than_the_deployment_s_is_said_left_behind(tmp_path, monkeypatch):
    files = {
        "net.netcfg": APP_VNET_NETCFG,
        "deploy.ps1": _ps_deployment(),
        "add-vip.ps1": "Add-AzureVirtualIP 'vip2' 'lb-svc'\n",
    }
    assert len(_said(_steps(tmp_path, monkeypatch, files)[StepKind.NETWORK])) == 1


def test_a_vip_an_endpoint_is_put_on_is_carried_over(tmp_path, monkeypatch):
    script = "Add-AzureVirtualIP -VirtualIPName 'vip2' -ServiceName 'lb-svc'\n" + _ps_deployment("vip2")
    steps = _steps(tmp_path, monkeypatch, {"net.netcfg": APP_VNET_NETCFG, "vips.ps1": script})
    assert _said(steps[StepKind.NETWORK]) == []


def test_a_vip_the_script_removes_again_is_not_said(tmp_path, monkeypatch):
    script = (
        _ps_deployment()
        + "Add-AzureVirtualIP -VirtualIPName 'vip2' -ServiceName 'lb-svc'\n"
        + "Remove-AzureVirtualIP -VirtualIPName 'vip2' -ServiceName 'lb-svc' -Force\n"
    )
    steps = _steps(tmp_path, monkeypatch, {"net.netcfg": APP_VNET_NETCFG, "vips.ps1": script})
    assert _said(steps[StepKind.NETWORK]) == []
