"""The plan: a circuit's service key as the scripts state it; what to do with roles that share a network
with VMs; how a service a script does not name is listed."""

from __future__ import annotations

from pathlib import Path

from test_plan_documents import netcfg, network, steps_by_id

KEY = "6f3c8a2e-0d1b-4c5e-9f7a-1b2c3d4e5f60"
OTHER_KEY = "0a1b2c3d-0000-4c5e-9f7a-1b2c3d4e5f60"


def _link(vnet: str, key: str) -> str:
    return f'Import-Module Azure\nNew-AzureDedicatedCircuitLink -ServiceKey "{key}" -VNetName "{vnet}"\n'


def _estate(*links: tuple[str, str]) -> dict[str, str]:
    networks = network("er-vnet", "10.1.0.0/16", ("dc-ams", "Dedicated"))
    networks += network("er-vnet2", "10.2.0.0/16", ("dc-ams", "Dedicated"))
    files = {"NetworkConfig.netcfg": netcfg("", networks)}
    files.update({f"link{n}.ps1": _link(vnet, key) for n, (vnet, key) in enumerate(links)})
    return files


def _commands(step) -> str:
    return "\n".join(line for part in (step.powershell, step.cli) for line in (part.before if part else ()))


def test_the_service_key_a_script_links_the_network_with_is_the_circuit_s(plan_of):
    steps = steps_by_id(plan_of(_estate(("er-vnet", KEY))))
    circuit = steps["circuit:dc-ams"]
    assert f"-ServiceKey '{KEY}'" in " ".join(circuit.powershell.prepare)
    assert circuit.notes[0] == "The circuit's service key is the one link0.ps1:2 links the network with."
    assert f"Remove-AzureDedicatedCircuitLink -ServiceKey '{KEY}' -VNetName 'er-vnet'" in _commands(
        steps["network:er-vnet"]
    )
    # The other network's links are not stated: its own command keeps the stand-in.
    assert "-ServiceKey '<service key>' -VNetName 'er-vnet2'" in _commands(steps["network:er-vnet2"])


def test_two_keys_for_one_circuit_are_named_and_left_to_choose(plan_of):
    circuit = steps_by_id(plan_of(_estate(("er-vnet", KEY), ("er-vnet2", OTHER_KEY))))["circuit:dc-ams"]
    assert "-ServiceKey '<service key>'" in " ".join(circuit.powershell.prepare)
    assert (
        KEY in circuit.notes[0]
        and OTHER_KEY in circuit.notes[0]
        and "several service keys" in circuit.notes[0]
    )


def test_no_key_in_the_files_says_where_to_find_it(plan_of):
    circuit = steps_by_id(plan_of(_estate()))["circuit:dc-ams"]
    assert "-ServiceKey '<service key>'" in " ".join(circuit.powershell.prepare)
    assert circuit.notes[0].startswith("The files do not hold the circuit's service key")


def test_roles_sharing_a_network_with_vms_are_to_be_rebuilt_not_moved_to_a_classic_network(plan_of):
    csdef = (
        '<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">'
        '<WebRole name="Web" vmsize="Small"/></ServiceDefinition>\n'
    )
    cscfg = (
        '<ServiceConfiguration serviceName="shop" '
        'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">'
        '<Role name="Web"><Instances count="2"/></Role><NetworkConfiguration>'
        '<VirtualNetworkSite name="shop-vnet"/><AddressAssignments><InstanceAddress roleName="Web">'
        '<Subnets><Subnet name="App"/></Subnets></InstanceAddress></AddressAssignments>'
        "</NetworkConfiguration></ServiceConfiguration>\n"
    )
    vm = (
        "Import-Module Azure\n"
        '$vm = New-AzureVMConfig -Name "cache01" -InstanceSize Small -ImageName $img | '
        'Set-AzureSubnet -SubnetNames "App"\n'
        'New-AzureVM -ServiceName "cache" -VNetName "shop-vnet" -VMs $vm\n'
    )
    files = {
        "NetworkConfig.netcfg": netcfg("", network("shop-vnet", "10.3.0.0/16")),
        "shop/ServiceDefinition.csdef": csdef,
        "shop/ServiceConfiguration.Cloud.cscfg": cscfg,
        "cache.ps1": vm,
    }
    notes = " ".join(steps_by_id(plan_of(files))["network:shop-vnet"].notes)
    assert "cannot migrate (MIG104): rebuild the roles in Azure Resource Manager" in notes
    assert "network of their own first" not in notes


def test_a_service_a_script_does_not_name_is_listed_by_a_cloud_service_stand_in(plan_of, capsys):
    from migcheck.cli import main

    script = (
        "Import-Module Azure\n"
        '$vm = New-AzureVMConfig -Name "vm01" -InstanceSize Small -ImageName $img\n'
        'New-AzureVM -ServiceName $svc -VMs $vm -Location "West Europe"\n'
    )
    [step] = [s for s in plan_of({"d.ps1": script}).steps if s.id.startswith("service:")]
    assert step.name == "<cloud service name, d.ps1:3>"
    # The deployment, named after the service, keeps its own stand-in where it is the deployment.
    assert step.moves[0].startswith("cloud service '<cloud service name, d.ps1:3>'")
    main(["check", "."])
    assert "<cloud service name, d.ps1:3> (1 VM)" in capsys.readouterr().out
    # So in a network's item, among the services in it.
    (Path("d.ps1")).write_text(
        script.replace("-Location", '-VNetName "lab-vnet" -Location'), encoding="utf-8"
    )
    main(["check", "."])
    assert "cloud services: <cloud service name, d.ps1:3> (1 VM)" in capsys.readouterr().out


def test_roles_a_published_package_holds_are_said_to_be_unnamed(plan_of, capsys):
    from migcheck.cli import main

    script = "Import-Module Azure\nPublish-AzureServiceProject -ServiceName portal -Location 'West Europe'\n"
    notes = [n for s in plan_of({"publish.ps1": script}).steps for n in s.notes if n.startswith("Not moved")]
    assert notes == ["Not moved: cloud service 'portal': web/worker roles the files do not name."]
    main(["check", "--select", "MIG101", "."])
    out = capsys.readouterr().out
    assert "has web or worker roles the files do not name (published by Publish-AzureServiceProject" in out
    assert "<role name" not in out
