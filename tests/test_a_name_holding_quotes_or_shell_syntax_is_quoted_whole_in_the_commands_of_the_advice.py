"""A name from a file goes into the commands of the advice as one word of their shell: a quote in it does not
end the word early, and `$(...)`, backticks and `"` stay text, so a pasted command acts on that name and
runs nothing else. PowerShell doubles a single quote inside single quotes; a POSIX shell ends the string,
gives the quote escaped and goes on. A line break in a name stays in it, shown escaped by the report."""

from __future__ import annotations

import shlex

import pytest
from lint_support import graph_page
from lint_support import lint_files as lint

from migcheck.config import Config
from migcheck.engine import lint as lint_paths
from migcheck.plan import build_plan
from migcheck.plugins import load_rules
from migcheck.quoting import ps_quoted, sh_quoted
from migcheck.report.text import render

HOSTILE = "ops'; rm -rf ~; echo 'x\"$(id)`whoami`"
SUBSCRIPTION = "00000000-0000-0000-0000-0000000000aa"
VM = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/app/providers/Microsoft.ClassicCompute/virtualMachines/app01"


def _ps_words(command: str) -> str:
    """The single-quoted PowerShell string `command` starts with, as PowerShell reads it."""
    assert command.startswith("'")
    text, at = [], 1
    while True:
        if command[at] == "'" and command[at + 1 : at + 2] == "'":
            text.append("'")
            at += 2
        elif command[at] == "'":
            return "".join(text)
        else:
            text.append(command[at])
            at += 1


def test_each_shell_reads_the_quoted_name_back_whole() -> None:
    assert shlex.split(f"azure vm show {sh_quoted(HOSTILE)} -vv") == ["azure", "vm", "show", HOSTILE, "-vv"]
    assert _ps_words(ps_quoted(HOSTILE) + " -Name x") == HOSTILE
    assert ps_quoted("o\u2019brien") == "'o\u2019\u2019brien'"  # PowerShell's typographic quotes too


@pytest.mark.parametrize(
    ("type_", "code", "command"),
    [
        ("microsoft.insights/metricalerts", "MIG502", "az monitor metrics alert show -n"),
        ("microsoft.insights/activitylogalerts", "MIG502", "az monitor activity-log alert show -n"),
    ],
)
def test_an_alert_to_record_is_named_and_grouped_as_one_word_each(
    tmp_path, monkeypatch, type_, code, command
):
    row = {
        "name": HOSTILE,
        "type": type_,
        "id": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/mon'$(id)/providers/{type_}/x",
        "properties": {"scopes": [VM]},
    }
    (finding,) = lint(tmp_path, monkeypatch, {"inventory/monitoring.json": graph_page(row)}, code).findings
    name, group = finding.fix.split(f"`{command} ", 1)[1].split(" -g ", 1)
    assert shlex.split(name) == [HOSTILE]
    assert shlex.split(group.split("`", 1)[0]) == ["mon'$(id)"]


def test_an_autoscale_setting_to_record_is_named_as_one_word(tmp_path, monkeypatch):
    role = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/app/providers/Microsoft.ClassicCompute/domainNames/shop"
    row = {
        "name": HOSTILE,
        "type": "microsoft.insights/autoscalesettings",
        "id": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/mon/providers/x/y",
        "properties": {"targetResourceUri": f"{role}/slots/Production/roles/Web"},
    }
    (finding,) = lint(
        tmp_path, monkeypatch, {"inventory/monitoring.json": graph_page(row)}, "MIG503"
    ).findings
    name = finding.fix.split("`az monitor autoscale show -n ", 1)[1].split(" -g ", 1)[0]
    assert shlex.split(name) == [HOSTILE]


def test_a_line_break_in_an_alert_s_name_is_shown_escaped_in_the_report(tmp_path, monkeypatch):
    row = {"name": "cpu\nhigh", "type": "microsoft.insights/metricalerts", "properties": {"scopes": [VM]}}
    (finding,) = lint(
        tmp_path, monkeypatch, {"inventory/monitoring.json": graph_page(row)}, "MIG502"
    ).findings
    assert "-n 'cpu\nhigh'" in finding.fix  # the command keeps the name as it is
    result = lint(tmp_path, monkeypatch, {"inventory/monitoring.json": graph_page(row)}, "MIG502")
    shown = render(result)
    assert "cpu\\x0ahigh" in shown and "cpu\nhigh" not in shown


def test_an_xml_extension_s_uninstall_names_a_publisher_holding_quotes_as_one_word(tmp_path, monkeypatch):
    publisher = "Contoso'; Remove-AzureService 'shop"
    body = (
        '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>jump</RoleName>'
        "<RoleType>PersistentVMRole</RoleType><ResourceExtensionReferences><ResourceExtensionReference>"
        f"<ReferenceName>dbg</ReferenceName><Publisher>{publisher}</Publisher><Name>VS2015Debugger</Name>"
        "<Version>1.*</Version></ResourceExtensionReference></ResourceExtensionReferences></PersistentVMRole>"
    )
    (finding,) = lint(tmp_path, monkeypatch, {"vm.xml": body}, "MIG204", dedent=False).findings
    written = finding.fix.split("-Publisher ", 1)[1]
    assert _ps_words(written) == publisher
    assert "-ExtensionName VS2015Debugger " in finding.fix  # a plain name stays as it always was


def test_the_plan_s_commands_name_a_network_holding_quotes_as_one_word(tmp_path, monkeypatch):
    network = "prod'\"$(id)`x`"
    escaped = network.replace("&", "&amp;").replace('"', "&quot;")
    (tmp_path / "net.netcfg").write_text(
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
        f'<VirtualNetworkConfiguration><VirtualNetworkSites><VirtualNetworkSite name="{escaped}" '
        'Location="West Europe"><AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>'
        '<Subnets><Subnet name="apps"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet></Subnets>'
        "</VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    plan = build_plan(lint_paths(["."], Config(), load_rules(entry_points=False)))
    (step,) = [step for s in plan.subscriptions for step in s.steps]
    assert step.cli and step.powershell
    assert shlex.split(step.cli.validate[0])[-1] == network
    assert _ps_words(step.powershell.validate[0].split("-VirtualNetworkName ", 1)[1]) == network
