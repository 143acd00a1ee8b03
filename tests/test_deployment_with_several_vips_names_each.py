"""A deployment in no virtual network with several VIPs: MIG105 and the plan's step name each VIP an input
endpoint is on, which is reserved and which changes (deep dive: "Every public IP associated with the load
balancer is converted to a public IP resource"), and the step says how to reserve each that changes."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.plan import StepKind, build_plan

REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'


def _deployment(reserved: dict[str, str] | None = None) -> str:
    """Deployment svc10 of service svc10, VM vm1 with endpoint SSH on the default VIP (`main`) and https2 on
    `vip2`, https3 on `vip3`; `reserved` gives a VIP its reserved IP."""
    reserved = reserved or {}
    vips = "".join(
        f"<VirtualIP><Address>40.1.1.{n}</Address><Name>{name}</Name>"
        + (f"<ReservedIPName>{reserved[name]}</ReservedIPName>" if name in reserved else "")
        + "</VirtualIP>"
        for n, name in enumerate(("main", "vip2", "vip3"), 1)
    )
    endpoints = "".join(
        f"<InputEndpoint><LocalPort>{port}</LocalPort><Name>{name}</Name><Port>{port}</Port><Protocol>tcp</Protocol>"
        + (f"<VirtualIPName>{vip}</VirtualIPName>" if vip else "")
        + "</InputEndpoint>"
        for name, port, vip in (("SSH", 22, ""), ("https2", 443, "vip2"), ("https3", 444, "vip3"))
    )
    return f"""<Deployment {REST}>
  <Name>svc10</Name><DeploymentSlot>Production</DeploymentSlot>
  <Url>http://svc10.cloudapp.net/</Url>
  <RoleList><Role><RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType>
    <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints>{endpoints}</InputEndpoints></ConfigurationSet></ConfigurationSets>
    <OSVirtualHardDisk><DiskName>vm1-os</DiskName><MediaLink>https://acct.blob.core.windows.net/vhds/vm1.vhd</MediaLink></OSVirtualHardDisk>
  </Role></RoleList>
  <VirtualIPs>{vips}</VirtualIPs>
</Deployment>
"""


def _checked(tmp_path, monkeypatch, reserved=None):
    result = lint_files(tmp_path, monkeypatch, {"svc10.deployment.xml": _deployment(reserved)}, dedent=False)
    [mig105] = [f for f in result.findings if f.code == "MIG105"]
    [step] = [s for s in build_plan(result).steps if s.kind is StepKind.SERVICE]
    return mig105.message, step


def test_every_vip_that_changes_is_named(tmp_path, monkeypatch):
    message, step = _checked(tmp_path, monkeypatch)
    said = "its VIPs are not reserved and will change: its default VIP and virtual IPs 'vip2', 'vip3'"
    assert message.endswith(said)
    assert said[0].upper() + said[1:] in step.downtime
    for vip in ("vip2", "vip3"):
        assert f"-ServiceName 'svc10' -VirtualIPName '{vip}'" in step.downtime
        assert any(b.startswith(f"virtual IP '{vip}': a public IP address of its own") for b in step.becomes)
    assert (
        "New-AzureReservedIP -ReservedIPName '<name>' -Location '<region>' -ServiceName 'svc10';"
        in step.downtime
    )


def test_a_reserved_default_vip_is_kept_and_the_others_change(tmp_path, monkeypatch):
    message, step = _checked(tmp_path, monkeypatch, {"main": "rip-main"})
    assert "its VIP is reserved IP 'rip-main' and is kept" in message
    assert message.endswith("; virtual IPs 'vip2', 'vip3' are not reserved and will change")
    assert "virtual IPs 'vip2', 'vip3' are not reserved and will change" in step.downtime


def test_a_reserved_other_vip_is_kept_and_the_default_and_the_rest_change(tmp_path, monkeypatch):
    message, step = _checked(tmp_path, monkeypatch, {"vip2": "rip2"})
    assert (
        "its default VIP and virtual IP 'vip3' are not reserved and will change (reserved IP 'rip2'"
        in message
    )
    assert not any(b.startswith("virtual IP 'vip2'") for b in step.becomes)
    assert any(b.startswith("virtual IP 'vip3'") for b in step.becomes)


def test_a_deployment_with_one_vip_is_said_as_before(tmp_path, monkeypatch):
    body = (
        _deployment()
        .replace("<VirtualIPName>vip2</VirtualIPName>", "")
        .replace("<VirtualIPName>vip3</VirtualIPName>", "")
    )
    result = lint_files(tmp_path, monkeypatch, {"svc10.deployment.xml": body}, dedent=False)
    [mig105] = [f for f in result.findings if f.code == "MIG105"]
    assert mig105.message.endswith("its VIP is not reserved and will change")


def test_vips_a_response_names_for_every_endpoint_are_not_told_from_the_default(tmp_path, monkeypatch):
    # A Get Deployment response gives each endpoint's VIP by its address, the default's too: which of the
    # named VIPs is the default is not known, so none is said to be another.
    body = _deployment().replace("<Name>SSH</Name>", "<Name>SSH</Name><VirtualIPName>main</VirtualIPName>")
    result = lint_files(tmp_path, monkeypatch, {"svc10.deployment.xml": body}, dedent=False)
    [mig105] = [f for f in result.findings if f.code == "MIG105"]
    assert "virtual IP 'main'" not in mig105.message
