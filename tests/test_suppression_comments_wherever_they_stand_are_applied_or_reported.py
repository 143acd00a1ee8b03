"""A suppression comment silences what its place covers, or is reported: wherever a comment may stand
(between the lines of a pipeline, at the end of a file, before a closing tag, in a block comment), a rule
it names that does not exist is MIG005 and one that silences nothing MIG006; none is dropped unseen."""

from __future__ import annotations

import textwrap

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files

RULES = ("MIG005", "MIG006", "MIG201", "MIG202")

NETWORK = APP_VNET_TWO_SUBNETS_NETCFG

CREATE = """\
New-AzureVMConfig -Name '{vm}' -InstanceSize Small -ImageName 'img' |
    Add-AzureProvisioningConfig -Windows -AdminUsername 'ops' -Password $env:PW |
    {comment}
    Set-AzureSubnet -SubnetNames {subnets} |
    New-AzureVM -ServiceName '{vm}-svc' -VNetName 'app-vnet'
"""


def _script(comment: str, subnets: str = "'web', 'data'", vm: str = "app01") -> str:
    return CREATE.format(comment=comment, subnets=subnets, vm=vm)


def _lint(tmp_path, monkeypatch, name: str, text: str) -> tuple[list[str], list[str]]:
    """(reported, suppressed) as `CODE@line` for the file `name`."""
    result = lint_files(tmp_path, monkeypatch, {name: text, "NetworkConfig.netcfg": NETWORK}, *RULES)
    reported = [f"{f.code}@{f.mark.line}" for f in result.findings if f.mark.path == name]
    suppressed = [f"{s.finding.code}@{s.finding.mark.line}" for s in result.suppressed]
    return reported, suppressed


def _messages(tmp_path, monkeypatch, name: str, text: str, code: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {name: text, "NetworkConfig.netcfg": NETWORK}, *RULES)
    return [f.message for f in result.findings if f.code == code]


def test_a_comment_between_the_lines_of_a_pipeline_covers_the_pipeline(tmp_path, monkeypatch):
    text = _script("# migcheck: ignore[MIG202] secondary subnet removed by OPS-7")
    assert _lint(tmp_path, monkeypatch, "a.ps1", text) == ([], ["MIG202@4"])


def test_a_block_comment_between_the_lines_of_a_pipeline_covers_it_too(tmp_path, monkeypatch):
    text = _script("<# migcheck: ignore[MIG202] secondary subnet removed by OPS-7 #>")
    assert _lint(tmp_path, monkeypatch, "a.ps1", text) == ([], ["MIG202@4"])


def test_an_unknown_rule_between_the_lines_of_a_pipeline_is_reported(tmp_path, monkeypatch):
    text = _script("# migcheck: ignore[MIG999] inside a pipeline", subnets="'web'")
    assert _lint(tmp_path, monkeypatch, "a.ps1", text) == (["MIG005@3"], [])


def test_a_comment_inside_a_pipeline_that_silences_nothing_is_reported(tmp_path, monkeypatch):
    text = _script("# migcheck: ignore[MIG202] inside a pipeline", subnets="'web'")
    assert _lint(tmp_path, monkeypatch, "a.ps1", text) == (["MIG006@3"], [])


def test_a_comment_inside_a_pipeline_leaves_the_next_statement_alone(tmp_path, monkeypatch):
    first = _script("# migcheck: ignore[MIG202] inside the first pipeline", subnets="'web'")
    text = first + _script("", vm="app02")
    assert _lint(tmp_path, monkeypatch, "a.ps1", text) == (["MIG006@3", "MIG202@9"], [])


def test_a_comment_between_the_entries_of_a_hashtable_covers_its_assignment(tmp_path, monkeypatch):
    text = """\
        $vm = New-AzureVMConfig -Name 'app01' -InstanceSize Small -ImageName 'img'
        $subnets = @{
            VM = $vm
            # migcheck: ignore[MIG202] secondary subnet removed by OPS-7
            SubnetNames = 'web', 'data'
        }
        Set-AzureSubnet @subnets
        New-AzureVM -ServiceName 'app-svc' -VNetName 'app-vnet' -VMs $vm
        """
    assert _lint(tmp_path, monkeypatch, "a.ps1", text) == ([], ["MIG202@5"])


END_OF_FILE = {
    "a.ps1": _script(""),
    "a.sh": "#!/bin/bash\nazure config mode asm\n"
    "azure vm create app-svc img ops 'P@ss' -w app-vnet -b web,data -n app01\n",
    "a.py": """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, OSVirtualHardDisk
sms = ServiceManagementService("s", "c.pem")
net = ConfigurationSet()
net.subnet_names.extend(["web", "data"])
sms.create_virtual_machine_deployment(
    "py-svc", "py-svc", "production", "l", "py01", None,
    OSVirtualHardDisk("img", "https://stdacct.blob.core.windows.net/vhds/py01.vhd"),
    network_config=net, virtual_network_name="app-vnet",
)
""",
}


@pytest.mark.parametrize("name", sorted(END_OF_FILE))
def test_a_comment_at_the_end_of_a_script_is_reported(tmp_path, monkeypatch, name):
    script = END_OF_FILE[name]
    text = script + "# migcheck: ignore[MIG202, MIG999] nothing follows\n"
    line = script.count("\n") + 1
    reported, suppressed = _lint(tmp_path, monkeypatch, name, text)
    assert suppressed == []
    assert f"MIG005@{line}" in reported
    assert f"MIG006@{line}" in reported
    [unused] = _messages(tmp_path, monkeypatch, name, text, "MIG006")
    assert unused.startswith(
        "`ignore[MIG202, MIG999]` applies to nothing: no statement follows it in its block; MIG202 is"
    )


SERVICE = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="office">
        <Rule order="100" action="permit" remoteSubnet="198.51.100.0/24" description="office" />
      </AccessControl>
    </AccessControls>
    <EndpointAcls>
      <EndpointAcl role="Web" endpoint="HttpIn" accessControl="office" />
      {comment}
    </EndpointAcls>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ("MIG999", ["MIG201@11", "MIG005@12"]),
        ("MIG201, MIG999", ["MIG201@11", "MIG005@12", "MIG006@12"]),
    ],
)
def test_an_unknown_rule_in_a_comment_before_a_closing_tag_is_reported(
    tmp_path, monkeypatch, codes, expected
):
    text = SERVICE.format(comment=f"<!-- migcheck: ignore[{codes}] typo'd code -->")
    assert _lint(tmp_path, monkeypatch, "s.cscfg", text) == (expected, [])
    [unknown] = _messages(tmp_path, monkeypatch, "s.cscfg", text, "MIG005")
    assert unknown.startswith(f"`ignore[{codes}]` names `MIG999`, which is no rule")


def test_a_powershell_block_comment_whose_directive_starts_on_its_next_line_is_checked(tmp_path, monkeypatch):
    text = "<#\n  migcheck: ignore[MIG202 reason\n#>\n" + _script("")
    reported, _ = _lint(tmp_path, monkeypatch, "a.ps1", text)
    assert "MIG005@1" in reported


def test_a_powershell_block_comment_may_list_its_rules_over_two_lines(tmp_path, monkeypatch):
    text = "<# migcheck: ignore[MIG201,\n   MIG202] OPS-7 #>\n" + _script("")
    assert _lint(tmp_path, monkeypatch, "a.ps1", text) == (["MIG006@1"], ["MIG202@6"])


SHELL_CREATE = "azure vm create app-svc img ops 'P@ss' -w app-vnet -b web,data -n app01\n"
PYTHON_HEAD = """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, OSVirtualHardDisk
sms = ServiceManagementService("s", "c.pem")
net = ConfigurationSet()
"""
PYTHON_CREATE = """\
net.subnet_names.extend(["web", "data"])
sms.create_virtual_machine_deployment(
    "py-svc", "py-svc", "production", "l", "py01", None,
    OSVirtualHardDisk("img", "https://stdacct.blob.core.windows.net/vhds/py01.vhd"),
    network_config=net, virtual_network_name="app-vnet",
)
"""
COMMENT = "# migcheck: ignore[MIG202] secondary subnet removed by OPS-7"

# A comment that is the last thing of a block, then the statement it must not cover, after the block.
ENDS_OF_BLOCKS = {
    "PowerShell if": ("a.ps1", f"if ($go) {{\n    Get-Date\n    {COMMENT}\n}}\n" + _script("")),
    "PowerShell function": ("a.ps1", f"function Set-Up {{\n    Get-Date\n    {COMMENT}\n}}\n" + _script("")),
    "PowerShell loop": ("a.ps1", f"foreach ($n in 1) {{\n    Get-Date\n    {COMMENT}\n}}\n" + _script("")),
    "shell if": ("a.sh", f"azure config mode asm\nif true; then\n  date\n  {COMMENT}\nfi\n" + SHELL_CREATE),
    "shell else": (
        "a.sh",
        f'azure config mode asm\nif [ -n "$go" ]; then\n  date\n  {COMMENT}\nelse\n  '
        + SHELL_CREATE
        + "fi\n",
    ),
    "shell loop": (
        "a.sh",
        f"azure config mode asm\nfor n in a; do\n  date\n  {COMMENT}\ndone\n" + SHELL_CREATE,
    ),
    "shell function": (
        "a.sh",
        f"azure config mode asm\nset_up() {{\n  date\n  {COMMENT}\n}}\n" + SHELL_CREATE,
    ),
    "shell case": (
        "a.sh",
        f"azure config mode asm\ncase $1 in\n  up)\n    date\n    {COMMENT}\n    ;;\nesac\n" + SHELL_CREATE,
    ),
    "Python if": ("a.py", PYTHON_HEAD + f"if sms:\n    print('go')\n    {COMMENT}\n" + PYTHON_CREATE),
    "Python else": (
        "a.py",
        PYTHON_HEAD
        + f"if sms:\n    print('go')\n    {COMMENT}\nelse:\n"
        + textwrap.indent(PYTHON_CREATE, "    "),
    ),
    "Python def": (
        "a.py",
        PYTHON_HEAD + f"def set_up():\n    print('go')\n\n    {COMMENT}\n\n\n" + PYTHON_CREATE,
    ),
}


@pytest.mark.parametrize("case", sorted(ENDS_OF_BLOCKS))
def test_a_comment_that_ends_a_block_applies_to_nothing(tmp_path, monkeypatch, case):
    name, text = ENDS_OF_BLOCKS[case]
    line = text.splitlines().index(next(row for row in text.splitlines() if COMMENT in row)) + 1
    reported, suppressed = _lint(tmp_path, monkeypatch, name, text)
    assert suppressed == []
    assert f"MIG006@{line}" in reported
    assert any(code.startswith("MIG202@") for code in reported)
    [unused] = _messages(tmp_path, monkeypatch, name, text, "MIG006")
    assert unused.startswith("`ignore[MIG202]` applies to nothing: no statement follows it in its block")


# A comment before the first statement of a block, or between statements, covers the statement after it.
BEFORE_STATEMENTS = {
    "PowerShell block": (
        "a.ps1",
        f"foreach ($n in 1) {{\n    {COMMENT}\n" + textwrap.indent(_script(""), "    ") + "}\n",
    ),
    "shell block": (
        "a.sh",
        f"azure config mode asm\nfor n in a; do\n  {COMMENT}\n  " + SHELL_CREATE + "done\n",
    ),
    "shell else": (
        "a.sh",
        f'azure config mode asm\nif [ -n "$go" ]; then\n  date\nelse\n  {COMMENT}\n  '
        + SHELL_CREATE
        + "fi\n",
    ),
    "Python block": (
        "a.py",
        PYTHON_HEAD + f"if sms:\n    {COMMENT}\n" + textwrap.indent(PYTHON_CREATE, "    "),
    ),
    "Python after a block": (
        "a.py",
        PYTHON_HEAD + f"if sms:\n    print('go')\n{COMMENT}\n" + PYTHON_CREATE,
    ),
}


@pytest.mark.parametrize("case", sorted(BEFORE_STATEMENTS))
def test_a_comment_before_a_statement_of_a_block_covers_it(tmp_path, monkeypatch, case):
    name, text = BEFORE_STATEMENTS[case]
    reported, suppressed = _lint(tmp_path, monkeypatch, name, text)
    assert reported == [] or all(not code.startswith(("MIG006", "MIG202")) for code in reported)
    assert [code.split("@")[0] for code in suppressed] == ["MIG202"]
