"""The classic CLI takes a `<dns-name>` (and `-d`) as a cloud service's name the way its
`utils.getDnsPrefix` does: what follows the last `://`, up to the first dot. So `mysvc.cloudapp.net`,
`http://mysvc.cloudapp.net` and `mysvc` are one cloud service, `mysvc`, which the plan moves by that name
(`Move-AzureService -ServiceName mysvc.cloudapp.net` would fail)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan

HEAD = "azure config mode asm\n"
WEB1 = (
    "azure vm create --vm-name web1 --virtual-network-name vnet1 --subnet-names app {dns} img user 'P@ss'\n"
)
WEB2 = (
    "azure vm create --vm-name web2 --virtual-network-name vnet1 --subnet-names app --availability-set as1 "
    "--connect mysvc img user 'P@ss'\n"
)


def _services(result) -> list[str]:
    return sorted(s.name for e in result.estates for s in e.cloud_services)


@pytest.mark.parametrize(
    "dns", ["mysvc.cloudapp.net", "http://mysvc.cloudapp.net", "https://mysvc.cloudapp.net/"]
)
def test_a_vm_created_under_the_service_s_dns_name_is_in_that_service(tmp_path, monkeypatch, dns):
    result = lint_files(tmp_path, monkeypatch, {"c.sh": HEAD + WEB1.format(dns=dns) + WEB2}, dedent=False)
    assert _services(result) == ["mysvc"]
    # Both VMs in one service: one in availability set as1, the other in none.
    assert [f.code for f in result.findings if f.code == "MIG103"] == ["MIG103"]


def test_a_variable_holding_the_dns_name_names_the_service(tmp_path, monkeypatch):
    script = HEAD + 'svc=mysvc\ndns="$svc.cloudapp.net"\n' + WEB1.format(dns='"$dns"')
    result = lint_files(tmp_path, monkeypatch, {"c.sh": script}, dedent=False)
    assert _services(result) == ["mysvc"]
    steps = [s for sub in build_plan(result).subscriptions for s in sub.steps]
    assert [m.label for s in steps for m in s.members] == ["cloud service 'mysvc'"]


def test_a_change_to_a_vm_of_the_service_named_by_its_dns_name(tmp_path, monkeypatch):
    acl = "azure vm endpoint acl-rule create -d mysvc.cloudapp.net web1 ssh 100 permit 10.0.0.0/8\n"
    result = lint_files(tmp_path, monkeypatch, {"c.sh": HEAD + WEB1.format(dns="mysvc") + acl}, dedent=False)
    assert _services(result) == ["mysvc"]
    assert [f.code for f in result.findings if f.code == "MIG201"] == ["MIG201"]


def test_a_dotless_name_is_the_name(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"c.sh": HEAD + WEB1.format(dns="my-svc")}, dedent=False)
    assert _services(result) == ["my-svc"]
