"""A suppression comment on a line of its own just before a branch after the first (`else:`, `elif`, `except`,
`finally:` or a `case` in Python; `else`, `elseif`, `catch` or `finally` after a PowerShell `}`; a shell
`else` or `elif`), written at that branch's indentation, covers the branch: its header and all its block, as
one before an `if` covers the whole statement and one before an element covers everything inside it. A
reader takes it for the branch's: it stands outside the block before (dedented from it, or after its `}`),
and the branch is the next thing at its indentation. It covers neither the block before nor the branches
after. Indented as the block before, it is that block's last thing and applies to nothing (see
test_suppression_comments_wherever_they_stand_are_applied_or_reported.py)."""

from __future__ import annotations

import textwrap

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files

RULES = ("MIG005", "MIG006", "MIG202")
COMMENT = "# migcheck: ignore[MIG202] secondary subnet removed by OPS-7"

PYTHON_HEAD = """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, OSVirtualHardDisk
sms = ServiceManagementService("s", "c.pem")
net = ConfigurationSet()
"""
# A VM put in two subnets (MIG202), not as the branch's first statement: the comment must cover the branch.
PYTHON_CREATE = """\
print("creating")
net.subnet_names.extend(["web", "data"])
sms.create_virtual_machine_deployment(
    "py-svc", "py-svc", "production", "l", "py01", None,
    OSVirtualHardDisk("img", "https://stdacct.blob.core.windows.net/vhds/py01.vhd"),
    network_config=net, virtual_network_name="app-vnet",
)
"""
POWERSHELL_CREATE = """\
Get-Date
New-AzureVMConfig -Name 'app01' -InstanceSize Small -ImageName 'img' |
    Set-AzureSubnet -SubnetNames 'web', 'data' |
    New-AzureVM -ServiceName 'app-svc' -VNetName 'app-vnet'
"""
SHELL_CREATE = "date\nazure vm create app-svc img ops 'P@ss' -w app-vnet -b web,data -n app01\n"


def _python(before: str, branch: str, after: str = "") -> str:
    return PYTHON_HEAD + before + f"{COMMENT}\n{branch}\n" + textwrap.indent(PYTHON_CREATE, "    ") + after


def _powershell(before: str, branch: str) -> str:
    return f"{before}\n}}\n{COMMENT}\n{branch} {{\n" + textwrap.indent(POWERSHELL_CREATE, "    ") + "}\n"


def _shell(branch: str) -> str:
    return (
        f'azure config mode asm\nif [ -n "$go" ]; then\n  date\n{COMMENT}\n{branch}\n'
        + textwrap.indent(SHELL_CREATE, "  ")
        + "fi\n"
    )


UNDECIDED = "sms.list_hosted_services()"  # a test the read cannot decide: every branch may run

BRANCHES = {
    "Python else": ("a.py", _python(f"if {UNDECIDED}:\n    print('go')\n", "else:")),
    "Python elif": ("a.py", _python(f"if {UNDECIDED}:\n    print('go')\n", f"elif {UNDECIDED}:")),
    "Python except": ("a.py", _python("try:\n    print('go')\n", "except OSError:")),
    "Python finally": ("a.py", _python("try:\n    print('go')\n", "finally:")),
    "Python loop's else": ("a.py", _python("for n in []:\n    print('go')\n", "else:")),
    "Python try's else": ("a.py", _python("try:\n    print('go')\nexcept OSError:\n    pass\n", "else:")),
    "Python case": (
        "a.py",
        PYTHON_HEAD
        + f"match {UNDECIDED}:\n    case 1:\n        print('go')\n    {COMMENT}\n    case _:\n"
        + textwrap.indent(PYTHON_CREATE, "        "),
    ),
    "PowerShell else": ("a.ps1", _powershell("if ($go) {\n    Get-Date", "else")),
    "PowerShell elseif": ("a.ps1", _powershell("if ($go) {\n    Get-Date", "elseif ($other)")),
    "PowerShell catch": ("a.ps1", _powershell("try {\n    Get-Date", "catch")),
    "PowerShell finally": ("a.ps1", _powershell("try {\n    Get-Date", "finally")),
    "shell else": ("a.sh", _shell("else")),
    "shell elif": ("a.sh", _shell('elif [ -n "$stop" ]; then')),
}


def _lint(tmp_path, monkeypatch, name: str, text: str) -> tuple[list[str], list[str]]:
    """(reported, suppressed) as `CODE@line` for the file `name`."""
    files = {name: text, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG}
    result = lint_files(tmp_path, monkeypatch, files, *RULES, dedent=False)
    reported = [f"{f.code}@{f.mark.line}" for f in result.findings if f.mark.path == name]
    suppressed = [f"{s.finding.code}@{s.finding.mark.line}" for s in result.suppressed]
    return reported, suppressed


@pytest.mark.parametrize("case", sorted(BRANCHES))
def test_a_comment_at_a_branch_s_indentation_covers_all_the_branch(tmp_path, monkeypatch, case):
    name, text = BRANCHES[case]
    reported, suppressed = _lint(tmp_path, monkeypatch, name, text)
    assert reported == []
    assert [code.split("@")[0] for code in suppressed] == ["MIG202"]


# A branch before the one that creates the VM: the comment covers its own branch alone.
BEFORE_ANOTHER_BRANCH = {
    "Python elif then else": (
        "a.py",
        PYTHON_HEAD
        + f"if {UNDECIDED}:\n    print('go')\n{COMMENT}\nelif {UNDECIDED}:\n    print('other')\nelse:\n"
        + textwrap.indent(PYTHON_CREATE, "    "),
    ),
    "Python except then finally": (
        "a.py",
        PYTHON_HEAD
        + f"try:\n    print('go')\n{COMMENT}\nexcept OSError:\n    print('other')\nfinally:\n"
        + textwrap.indent(PYTHON_CREATE, "    "),
    ),
    "PowerShell elseif then else": (
        "a.ps1",
        f"if ($go) {{\n    Get-Date\n}}\n{COMMENT}\nelseif ($other) {{\n    Get-Date\n}}\nelse {{\n"
        + textwrap.indent(POWERSHELL_CREATE, "    ")
        + "}\n",
    ),
    "shell elif then else": (
        "a.sh",
        f'azure config mode asm\nif [ -n "$go" ]; then\n  date\n{COMMENT}\nelif [ -n "$stop" ]; then\n  date\nelse\n'
        + textwrap.indent(SHELL_CREATE, "  ")
        + "fi\n",
    ),
}


@pytest.mark.parametrize("case", sorted(BEFORE_ANOTHER_BRANCH))
def test_a_comment_before_a_branch_leaves_the_branches_after_it_alone(tmp_path, monkeypatch, case):
    name, text = BEFORE_ANOTHER_BRANCH[case]
    line = text.splitlines().index(COMMENT) + 1
    reported, suppressed = _lint(tmp_path, monkeypatch, name, text)
    assert suppressed == []
    assert f"MIG006@{line}" in reported
    assert any(code.startswith("MIG202@") for code in reported)


# A shell comment between a test and its `then` or `do` is no block's end: it covers the branch's first
# command, as one before the first command of any block does.
BEFORE_THEN_OR_DO = {
    "then": "if true\n{comment}\nthen\n  {create}fi\n",
    "then after a test in brackets": 'if [ -n "$go" ];\n{comment}\nthen\n  {create}fi\n',
    "elif's then": "if false; then\n  date\nelif true\n{comment}\nthen\n  {create}fi\n",
    "for's do": "for n in a b\n{comment}\ndo\n  {create}done\n",
    "while's do": "while read -r n\n{comment}\ndo\n  {create}done < names\n",
    "until's do": "until false\n{comment}\ndo\n  {create}done\n",
}


@pytest.mark.parametrize("case", sorted(BEFORE_THEN_OR_DO))
def test_a_shell_comment_before_then_or_do_covers_the_branch_s_first_command(tmp_path, monkeypatch, case):
    create = SHELL_CREATE.split("\n", 1)[1]
    text = "azure config mode asm\n" + BEFORE_THEN_OR_DO[case].format(comment=COMMENT, create=create)
    reported, suppressed = _lint(tmp_path, monkeypatch, "a.sh", text)
    assert reported == []
    assert [code.split("@")[0] for code in suppressed] == ["MIG202"]


# PowerShell block comments widened with `#`s, as banners often are, hold directives as `<# … #>` do.
@pytest.mark.parametrize(
    "written",
    [
        "<## migcheck: ignore[MIG202] secondary subnet removed by OPS-7 ##>",
        "<###\n    migcheck: ignore[MIG202] secondary subnet removed by OPS-7\n###>",
    ],
)
def test_a_powershell_block_comment_widened_with_hashes_is_a_directive(tmp_path, monkeypatch, written):
    text = written + "\n" + POWERSHELL_CREATE.split("\n", 1)[1]
    reported, suppressed = _lint(tmp_path, monkeypatch, "a.ps1", text)
    assert reported == []
    assert [code.split("@")[0] for code in suppressed] == ["MIG202"]


def test_a_malformed_directive_in_a_widened_block_comment_is_reported(tmp_path, monkeypatch):
    text = "<## migcheck: ignore[MIG2O2 never closed ##>\n" + POWERSHELL_CREATE.split("\n", 1)[1]
    reported, suppressed = _lint(tmp_path, monkeypatch, "a.ps1", text)
    assert suppressed == []
    assert "MIG005@1" in reported
    assert any(code.startswith("MIG202@") for code in reported)
