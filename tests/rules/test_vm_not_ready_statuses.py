"""MIG208 on a running VM whose extensions report no status at all: a status list written empty (a REST GET
response, a Get-AzureVM export) and a VM provisioned without the VM Agent (REST, Get-AzureVM, Resource
Graph), against a list a body does not write, which says nothing; and the guest agent's findings at its
status in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import graph_vm, lint_files
from lint_support import where as _where

CSE = (
    "<ResourceExtensionReferences><ResourceExtensionReference><Publisher>Microsoft.Compute</Publisher>"
    "<Name>CustomScriptExtension</Name><Version>1.*</Version>{state}</ResourceExtensionReference>"
    "</ResourceExtensionReferences>"
)


def _at(text: str, snippet: str, nth: int = 0) -> str:
    """`line:column` of the `nth` occurrence of `snippet` in `text`."""
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(snippet, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _value_of(text: str, name: str) -> str:
    """`line:column` of the value of the first key `name` in `text`, as json.dumps writes it (`"name": v`):
    a finding about a field is shown at its value."""
    written = f'"{name}": '
    offset = text.index(written) + len(written)
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _deployment(instance: str, role: str = "", *, extension_state: str = "") -> str:
    """A GET response of deployment `app` with VM app01, its enabled CustomScriptExtension and `role` (more
    of the role's elements), and the `instance` elements of its role instance."""
    state = f"<State>{extension_state}</State>" if extension_state else ""
    return (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <Name>app</Name>\n"
        "  <RoleInstanceList>\n"
        "    <RoleInstance>\n"
        "      <RoleName>app01</RoleName><InstanceName>app01</InstanceName>\n"
        f"{instance}"
        "    </RoleInstance>\n"
        "  </RoleInstanceList>\n"
        "  <RoleList>\n"
        "    <Role>\n"
        "      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>\n"
        f"      {CSE.format(state=state)}\n"
        f"{role}"
        "    </Role>\n"
        "  </RoleList>\n"
        "</Deployment>\n"
    )


RUNNING = "      <InstanceStatus>ReadyRole</InstanceStatus>\n"
AGENT_READY = "      <GuestAgentStatus><Status>Ready</Status></GuestAgentStatus>\n"
EMPTY_LIST = "      <ResourceExtensionStatusList />\n"
NO_AGENT = "      <ProvisionGuestAgent>false</ProvisionGuestAgent>\n"


def _check(tmp_path: Path, monkeypatch, name: str, text: str):
    return lint_files(tmp_path, monkeypatch, {name: text}, "MIG208", dedent=False).findings


# --- REST GET responses ----------------------------------------------------------------------------------


def test_rest_an_empty_status_list_reports_every_extension(tmp_path, monkeypatch):
    text = _deployment(RUNNING + AGENT_READY + EMPTY_LIST)
    [found] = _check(tmp_path, monkeypatch, "app.deployment.xml", text)
    assert _where([found]) == ["MIG208 app.deployment.xml:" + _at(text, "<ResourceExtensionStatusList")]
    assert "reports no status for its extension CustomScriptExtension" in found.message
    assert "status list is empty" in found.message
    # So is an explicitly empty list that is written with both of its tags.
    both_tags = _deployment(RUNNING + "      <ResourceExtensionStatusList></ResourceExtensionStatusList>\n")
    assert len(_check(tmp_path, monkeypatch, "app.deployment.xml", both_tags)) == 1


def test_rest_a_status_list_not_written_says_nothing(tmp_path, monkeypatch):
    """A body may have been trimmed of it: the platform's own answer is not known."""
    assert _check(tmp_path, monkeypatch, "app.deployment.xml", _deployment(RUNNING + AGENT_READY)) == []


@pytest.mark.parametrize(
    ("instance", "extension_state"),
    [
        ("      <InstanceStatus>StoppedDeallocated</InstanceStatus>\n" + EMPTY_LIST, ""),  # not asked
        ("      <InstanceStatus>StoppedVM</InstanceStatus>\n" + EMPTY_LIST, ""),
        (RUNNING + EMPTY_LIST, "Disable"),  # a disabled extension need not report
        (RUNNING + EMPTY_LIST, "Uninstall"),  # nor one being uninstalled
    ],
)
def test_rest_an_empty_status_list_not_reported(tmp_path, monkeypatch, instance, extension_state):
    text = _deployment(instance, extension_state=extension_state)
    assert _check(tmp_path, monkeypatch, "app.deployment.xml", text) == []


def test_rest_xml_and_backup_extensions_need_no_status(tmp_path, monkeypatch):
    """MIG204 and MIG206 ask to remove them: they do not migrate, so their status is not asked for."""
    text = _deployment(RUNNING + EMPTY_LIST).replace(
        "<Publisher>Microsoft.Compute</Publisher><Name>CustomScriptExtension</Name><Version>1.*</Version>",
        "<Publisher>Microsoft.Compute</Publisher><Name>BGInfo</Name><Version>1.*</Version>",
    )
    assert _check(tmp_path, monkeypatch, "app.deployment.xml", text) == []


def test_rest_a_vm_provisioned_without_the_agent(tmp_path, monkeypatch):
    text = _deployment(RUNNING, NO_AGENT)
    [found] = _check(tmp_path, monkeypatch, "app.deployment.xml", text)
    assert _where([found]) == ["MIG208 app.deployment.xml:" + _at(text, "<ProvisionGuestAgent>")]
    assert "provisioned without the VM Agent" in found.message and "CustomScriptExtension" in found.message
    assert "ProvisionGuestAgent = $true" in found.fix
    # With its list written empty too, the missing agent is what is reported, once.
    both = _deployment(RUNNING + EMPTY_LIST, NO_AGENT)
    [once] = _check(tmp_path, monkeypatch, "app.deployment.xml", both)
    assert "provisioned without the VM Agent" in once.message


def test_rest_an_agent_installed_since_is_not_missing(tmp_path, monkeypatch):
    """An agent that reports (installed in the VM after it was created) shows the flag is stale."""
    reporting = (
        RUNNING + AGENT_READY + "      <ResourceExtensionStatusList><ResourceExtensionStatus>"
        "<HandlerName>Microsoft.Compute.CustomScriptExtension</HandlerName><Status>Ready</Status>"
        "</ResourceExtensionStatus></ResourceExtensionStatusList>\n"
    )
    assert _check(tmp_path, monkeypatch, "app.deployment.xml", _deployment(reporting, NO_AGENT)) == []


def test_rest_no_agent_on_a_stopped_vm_or_a_request_body(tmp_path, monkeypatch):
    stopped = _deployment("      <InstanceStatus>StoppedDeallocated</InstanceStatus>\n", NO_AGENT)
    assert _check(tmp_path, monkeypatch, "app.deployment.xml", stopped) == []
    # A request body has no role instance: the VM's state is not known.
    request = _deployment("", NO_AGENT).replace(
        "  <RoleInstanceList>\n    <RoleInstance>\n"
        "      <RoleName>app01</RoleName><InstanceName>app01</InstanceName>\n"
        "    </RoleInstance>\n  </RoleInstanceList>\n",
        "",
    )
    assert "RoleInstance" not in request
    assert _check(tmp_path, monkeypatch, "app.deployment.xml", request) == []


def test_rest_an_agent_not_ready_is_reported_at_its_status(tmp_path, monkeypatch):
    text = _deployment(RUNNING + "      <GuestAgentStatus><Status>NotReady</Status></GuestAgentStatus>\n")
    [found] = _check(tmp_path, monkeypatch, "app.deployment.xml", text)
    assert _where([found]) == ["MIG208 app.deployment.xml:" + _at(text, "<GuestAgentStatus>")]
    assert "guest agent status NotReady" in found.message


# --- Get-AzureVM | ConvertTo-Json -----------------------------------------------------------------------


def _context(*, agent: object = None, statuses: object = (), provisioned: bool = True, **drop: bool) -> dict:
    """A `PersistentVMRoleContext` of running VM app01 with an enabled CustomScriptExtension, as
    ConvertTo-Json writes every property; `drop` leaves properties out (a `Select-Object`)."""
    context = {
        "DeploymentName": "app",
        "InstanceName": "app01",
        "InstanceStatus": "ReadyRole",
        "Name": "app01",
        "ServiceName": "app",
        "GuestAgentStatus": agent,
        "ResourceExtensionStatusList": list(statuses) if isinstance(statuses, tuple) else statuses,
        "VM": {
            "RoleName": "app01",
            "RoleType": "PersistentVMRole",
            "ConfigurationSets": [],
            "ResourceExtensionReferences": [
                {
                    "ReferenceName": "CustomScriptExtension",
                    "Publisher": "Microsoft.Compute",
                    "Name": "CustomScriptExtension",
                    "Version": "1.*",
                    "State": "Enable",
                }
            ],
            "ProvisionGuestAgent": provisioned,
        },
        "VirtualNetworkName": None,
    }
    return {k: v for k, v in context.items() if not drop.get(k)}


READY = {"ProtocolVersion": "1.0", "Status": "Ready"}


def _check_json(tmp_path: Path, monkeypatch, context: dict):
    text = json.dumps(context, indent=4)
    return text, _check(tmp_path, monkeypatch, "vms.json", text)


@pytest.mark.parametrize("empty", [[], None])
def test_get_azure_vm_an_empty_or_null_status_list(tmp_path, monkeypatch, empty):
    text, [found] = _check_json(tmp_path, monkeypatch, _context(agent=READY, statuses=empty))
    assert _where([found]) == ["MIG208 vms.json:" + _value_of(text, "ResourceExtensionStatusList")]
    assert "reports no status for its extension CustomScriptExtension" in found.message


def test_get_azure_vm_no_agent_status_and_an_empty_list(tmp_path, monkeypatch):
    """`"GuestAgentStatus": null, "ResourceExtensionStatusList": []` on a VM that has its agent."""
    text, [found] = _check_json(tmp_path, monkeypatch, _context())
    assert _where([found]) == ["MIG208 vms.json:" + _value_of(text, "ResourceExtensionStatusList")]


def test_get_azure_vm_provisioned_without_the_agent(tmp_path, monkeypatch):
    text, [found] = _check_json(tmp_path, monkeypatch, _context(provisioned=False))
    assert _where([found]) == ["MIG208 vms.json:" + _value_of(text, "ProvisionGuestAgent")]
    assert "provisioned without the VM Agent" in found.message


def test_get_azure_vm_statuses_left_out_or_cut_short_say_nothing(tmp_path, monkeypatch):
    left_out = _context(agent=READY, ResourceExtensionStatusList=True)
    assert _check_json(tmp_path, monkeypatch, left_out)[1] == []
    # ConvertTo-Json past its -Depth writes each status as its type's name: not read, so not empty.
    cut = _context(
        agent=READY,
        statuses=["Microsoft.WindowsAzure.Commands.ServiceManagement.Model.ResourceExtensionStatus"],
    )
    # The export cut short is MIG001 whatever the selection; MIG208 says nothing of it.
    assert [f.code for f in _check_json(tmp_path, monkeypatch, cut)[1]] == ["MIG001"]


def test_get_azure_vm_agent_not_ready_at_its_status(tmp_path, monkeypatch):
    text, [found] = _check_json(tmp_path, monkeypatch, _context(agent={"Status": "NotReady"}, statuses=[]))
    assert _where([found]) == ["MIG208 vms.json:" + _at(text, '"NotReady"')]


# --- Resource Graph -------------------------------------------------------------------------------------


def _graph_row(platform_agent: bool, instance_view: dict) -> dict:
    row = graph_vm("1111", "app", "app01", vnet="", subnet="")
    props = row["properties"]
    props["hardwareProfile"]["platformGuestAgent"] = platform_agent
    props["instanceView"] = instance_view
    props["extensions"] = [
        {
            "publisher": "Microsoft.Compute",
            "extension": "CustomScriptExtension",
            "version": "1.9",
            "state": "Enable",
        }
    ]
    return row


def _check_graph(tmp_path: Path, monkeypatch, row: dict):
    text = json.dumps({"count": 1, "data": [row]}, indent=2)
    return text, _check(tmp_path, monkeypatch, "graph.json", text)


def test_resource_graph_a_vm_provisioned_without_the_agent(tmp_path, monkeypatch):
    text, [found] = _check_graph(tmp_path, monkeypatch, _graph_row(False, {"status": "ReadyRole"}))
    assert _where([found]) == ["MIG208 graph.json:" + _value_of(text, "platformGuestAgent")]
    assert "provisioned without the VM Agent" in found.message
    stopped = _graph_row(False, {"status": "StoppedDeallocated"})
    assert _check_graph(tmp_path, monkeypatch, stopped)[1] == []
    with_agent = _graph_row(True, {"status": "ReadyRole", "guestAgentStatus": {"status": "Ready"}})
    assert _check_graph(tmp_path, monkeypatch, with_agent)[1] == []


def test_resource_graph_agent_not_ready_at_its_status(tmp_path, monkeypatch):
    row = _graph_row(True, {"status": "ReadyRole", "guestAgentStatus": {"status": "NotReady"}})
    text, [found] = _check_graph(tmp_path, monkeypatch, row)
    assert _where([found]) == ["MIG208 graph.json:" + _at(text, '"NotReady"')]
