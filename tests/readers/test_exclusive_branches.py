"""VMs a script creates on branches only one of which runs (an `if` and its `else`, the clauses of a `switch`
over one value) are never created together: rules that compare the VMs of one cloud service or network
(MIG102, MIG103, MIG306) compare only VMs that can exist side by side. A choice read once that may run
several times (a loop over values the script does not state, a function called twice) is no such choice."""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.model import Role, RoleType, Together

IMAGE = '$image = "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2"\n'


def _config(name: str, availability_set: str = "", ip: str = "") -> str:
    in_set = f' -AvailabilitySetName "{availability_set}"' if availability_set else ""
    static = f" | Set-AzureStaticVNetIP -IPAddress {ip}" if ip else ""
    return (
        f'New-AzureVMConfig -Name "{name}" -InstanceSize Small -ImageName $image{in_set} | '
        f'Set-AzureSubnet -SubnetNames "app"{static}'
    )


def _codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *codes: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, files, *codes, dedent=False).findings)


NEW_VM = 'New-AzureVM -ServiceName "contoso-app" -VMs {vms} -VNetName "prod" -Location "West Europe"\n'


# --- PowerShell ----------------------------------------------------------------------------------------------


def test_an_if_that_creates_two_vms_in_a_set_and_its_else_one_in_none_is_no_mixed_set(tmp_path, monkeypatch):
    script = (
        "param([switch]$HighAvailability)\n"
        + IMAGE
        + "if ($HighAvailability) {\n"
        + f"    $a = {_config('app01', 'app-as')}\n"
        + f"    $b = {_config('app02', 'app-as')}\n"
        + "    "
        + NEW_VM.format(vms="$a, $b")
        + "} else {\n"
        + f"    $c = {_config('app03')}\n"
        + "    "
        + NEW_VM.format(vms="$c")
        + "}\n"
    )
    assert _codes(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG102", "MIG103") == []


def test_configurations_an_if_outputs_are_created_on_its_branches(tmp_path, monkeypatch):
    script = (
        "param([switch]$HighAvailability)\n"
        + IMAGE
        + "$vms = if ($HighAvailability) {\n"
        + f"    {_config('app01', 'app-as')}\n"
        + f"    {_config('app02', 'app-as')}\n"
        + "} else {\n"
        + f"    {_config('app03')}\n"
        + "}\n"
        + NEW_VM.format(vms="$vms")
    )
    assert _codes(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG103") == []


def test_a_vm_created_whichever_way_the_if_goes_meets_those_of_each_branch(tmp_path, monkeypatch):
    script = (
        "param([switch]$HighAvailability)\n"
        + IMAGE
        + f"$web = {_config('web01', 'web-as')}\n"
        + NEW_VM.format(vms="$web")
        + "if ($HighAvailability) {\n"
        + f"    $b = {_config('web02', 'web-as')}\n"
        + "} else {\n"
        + f"    $b = {_config('web03')}\n"
        + "}\n"
        + 'New-AzureVM -ServiceName "contoso-app" -VMs $b\n'
    )
    findings = _codes(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG103")
    # One VM, either web02 or web03: not surely outside the set, so nothing; web03 alone would be.
    assert findings == []
    alone = script.replace("$b = " + _config("web02", "web-as"), "$b = " + _config("web03"))
    assert _codes(tmp_path, monkeypatch, {"deploy.ps1": alone}, "MIG103") == ["MIG103 deploy.ps1:6:10"]


def test_an_if_without_else_may_add_its_vm_to_the_others(tmp_path, monkeypatch):
    script = (
        "param($Extra)\n"
        + IMAGE
        + f"$a = {_config('web01', 'web-as')}\n"
        + NEW_VM.format(vms="$a")
        + "if ($Extra) {\n"
        + f"    $b = {_config('web02')}\n"
        + '    New-AzureVM -ServiceName "contoso-app" -VMs $b\n'
        + "}\n"
    )
    assert _codes(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG103") == ["MIG103 deploy.ps1:6:10"]


def test_a_switch_over_one_value_creates_the_vms_of_one_clause(tmp_path, monkeypatch):
    """A default a caller may change: one of the clauses runs, which is not known."""
    script = (
        "param([string]$Environment = 'test')\n"
        + IMAGE
        + "switch ($Environment) {\n"
        + f"    'prod' {{ $vm = {_config('prod01', 'prod-as')}; {NEW_VM.format(vms='$vm').strip()} }}\n"
        + f"    'test' {{ $vm = {_config('test01', 'test-as')}; {NEW_VM.format(vms='$vm').strip()} }}\n"
        + "}\n"
    )
    assert _codes(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG102") == []
    # An environment variable is one string, whatever it holds.
    environment = script.replace("switch ($Environment)", "switch ($env:DEPLOY_ENV)")
    assert _codes(tmp_path, monkeypatch, {"deploy.ps1": environment}, "MIG102") == []
    # An array runs every clause it matches, one item after the other: both VMs may exist.
    array = script.replace("[string]$Environment = 'test'", "[string[]]$Environment = 'test'")
    assert _codes(tmp_path, monkeypatch, {"deploy.ps1": array}, "MIG102") == ["MIG102 deploy.ps1:5:112"]


def test_the_same_static_address_on_exclusive_branches_is_no_conflict(tmp_path, monkeypatch):
    script = (
        "param($Environment)\n"
        + IMAGE
        + "if ($Environment -eq 'prod') {\n"
        + f"    $vm = {_config('prod-sql', ip='10.0.1.4')}\n"
        + "    "
        + NEW_VM.format(vms="$vm")
        + "} else {\n"
        + f"    $vm = {_config('test-sql', ip='10.0.1.4')}\n"
        + "    "
        + NEW_VM.format(vms="$vm")
        + "}\n"
    )
    assert _codes(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG306") == []
    # A third VM created either way meets whichever the `if` created.
    third = script + f"$other = {_config('other', ip='10.0.1.4')}\n" + NEW_VM.format(vms="$other")
    assert _codes(tmp_path, monkeypatch, {"deploy.ps1": third}, "MIG306") == ["MIG306 deploy.ps1:10:152"]


def test_a_loop_over_rows_may_take_both_branches(tmp_path, monkeypatch):
    """Each round of a loop whose items are not known may take another branch: the VMs meet."""
    script = (
        IMAGE
        + "foreach ($row in Import-Csv vms.csv) {\n"
        + "    if ($row.Clustered -eq 'yes') {\n"
        + f"        $vm = {_config('web02', 'web-as')}\n"
        + "        New-AzureVM -ServiceName 'contoso-app' -VMs $vm\n"
        + "    } else {\n"
        + f"        $vm = {_config('web03')}\n"
        + "        New-AzureVM -ServiceName 'contoso-app' -VMs $vm\n"
        + "    }\n"
        + "}\n"
    )
    assert _codes(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG103") == ["MIG103 deploy.ps1:7:15"]


# --- Python --------------------------------------------------------------------------------------------------

PYTHON = """\
import sys
from azure.servicemanagement import ServiceManagementService, OSVirtualHardDisk, LinuxConfigurationSet

sms = ServiceManagementService("sub", "cert.pem")
disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/a.vhd")
conf = LinuxConfigurationSet("host", "ops", "pw", True)
"""
CREATE = (
    'sms.create_virtual_machine_deployment("svc", "dep", "production", "dep", {name!r}, conf, disk{avset})'
)
ADD = 'sms.add_role("svc", "dep", {name!r}, conf, disk{avset})'


def _py(template: str, name: str, availability_set: str = "") -> str:
    avset = f", availability_set_name={availability_set!r}" if availability_set else ""
    return template.format(name=name, avset=avset)


def test_python_if_and_else_create_vms_never_together(tmp_path, monkeypatch):
    script = (
        PYTHON
        + "if len(sys.argv) > 1:\n"
        + f"    {_py(CREATE, 'app01', 'app-as')}\n"
        + f"    {_py(ADD, 'app02', 'app-as')}\n"
        + "else:\n"
        + f"    {_py(CREATE, 'app03')}\n"
    )
    assert _codes(tmp_path, monkeypatch, {"deploy.py": script}, "MIG103") == []
    # The same script in a `main()` it calls once.
    main = (
        PYTHON
        + "def main():\n"
        + "    if len(sys.argv) > 1:\n"
        + f"        {_py(CREATE, 'app01', 'app-as')}\n"
        + f"        {_py(ADD, 'app02', 'app-as')}\n"
        + "    elif sys.argv[0]:\n"
        + f"        {_py(CREATE, 'app04', 'other-as')}\n"
        + "    else:\n"
        + f"        {_py(CREATE, 'app03')}\n"
        + "\n\nif __name__ == '__main__':\n    main()\n"
    )
    assert _codes(tmp_path, monkeypatch, {"deploy.py": main}, "MIG102", "MIG103") == []


def test_python_vms_created_either_way_or_in_turns_still_meet(tmp_path, monkeypatch):
    after = PYTHON + f"{_py(CREATE, 'app01', 'app-as')}\nif len(sys.argv) > 1:\n    {_py(ADD, 'app02')}\n"
    assert _codes(tmp_path, monkeypatch, {"deploy.py": after}, "MIG103") == ["MIG103 deploy.py:9:9"]
    # A loop taken turn by turn: each turn's `if` is a choice of its own, and the turns' VMs meet.
    turns = (
        PYTHON
        + "for name in ['app01', 'app02']:\n"
        + "    if name == sys.argv[1]:\n"
        + '        sms.add_role("svc", "dep", name, conf, disk, availability_set_name="app-as")\n'
        + "    else:\n"
        + '        sms.add_role("svc", "dep", name + "-solo", conf, disk)\n'
    )
    assert _codes(tmp_path, monkeypatch, {"deploy.py": turns}, "MIG103") == [
        "MIG103 deploy.py:11:13",
        "MIG103 deploy.py:11:13",
    ]
    twice = (
        PYTHON
        + "def deploy(name, clustered):\n"
        + "    if clustered:\n"
        + '        sms.add_role("svc", "dep", name, conf, disk, availability_set_name="app-as")\n'
        + "    else:\n"
        + '        sms.add_role("svc", "dep", name, conf, disk)\n'
        + "\n\ndeploy('app01', sys.argv[1])\ndeploy('app02', sys.argv[2])\n"
    )
    assert _codes(tmp_path, monkeypatch, {"deploy.py": twice}, "MIG103") == ["MIG103 deploy.py:11:13"]


# --- counting ------------------------------------------------------------------------------------------------


def _vm(name: str, *branches: tuple[str, int]) -> Role:
    return Role(name, RoleType.PERSISTENT_VM, None, branches=branches)  # type: ignore[arg-type]


def test_together_counts_the_roles_no_choice_keeps_apart():
    everywhere = _vm("a")
    first, second = _vm("b", ("if1", 0)), _vm("c", ("if1", 1))
    nested = _vm("d", ("if1", 0), ("if2", 1))
    together = Together([everywhere, first, second, nested])
    assert together.with_(everywhere) == 4
    assert together.with_(first) == 3  # a, b, d
    assert together.with_(second) == 2  # a, c
    assert together.with_(_vm("e", ("if1", 0), ("if2", 0))) == 2  # a, b: d is on the other branch of if2


def test_conflicting_addresses_on_many_exclusive_branches_cost_linear_time(tmp_path, monkeypatch):
    """Every VM of a long `switch` asks for one address: no two meet, and finding so stays linear."""
    monkeypatch.chdir(tmp_path)

    def make(n: int):
        clauses = "".join(
            f"    'env{i}' {{ $vm = {_config(f'vm{i}', ip='10.0.1.4')}; {NEW_VM.format(vms='$vm').strip()} }}\n"
            for i in range(n)
        )
        folder = tmp_path / f"n{n}"
        folder.mkdir(exist_ok=True)
        (folder / "deploy.ps1").write_text(
            f"param($E = 'env0')\n{IMAGE}switch ($E) {{\n{clauses}}}\n", encoding="utf-8"
        )

        def work():
            from lint_support import RULES

            from migcheck.config import Config
            from migcheck.engine import lint

            result = lint([str(folder)], Config(select=("MIG306",)), RULES)
            assert result.findings == []

        return work

    assert_linear(make, 150)


def test_a_guard_that_returns_keeps_what_follows_apart(tmp_path, monkeypatch):
    """`if ($Single) { …; return }`: what follows runs only when the guard's branch did not."""
    script = (
        "param([switch]$Single)\n"
        + IMAGE
        + "if ($Single) {\n"
        + f"    $c = {_config('app03')}\n"
        + "    "
        + NEW_VM.format(vms="$c")
        + "    return\n"
        + "}\n"
        + f"$a = {_config('app01', 'app-as')}\n"
        + NEW_VM.format(vms="$a")
    )
    assert _codes(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG103") == []
    # A guard inside a function ends at the function's end: the VM created before the call meets it.
    inside = (
        IMAGE
        + f"$a = {_config('app01', 'app-as')}\n"
        + NEW_VM.format(vms="$a")
        + "function Add-One {\n"
        + "    if ($Skip) { return }\n"
        + f"    $x = {_config('app02')}\n"
        + "    "
        + NEW_VM.format(vms="$x")
        + "}\n"
        + "Add-One\n"
    )
    assert _codes(tmp_path, monkeypatch, {"deploy.ps1": inside}, "MIG103") == ["MIG103 deploy.ps1:6:10"]


# --- Python guards -------------------------------------------------------------------------------------------


def _guard(ending: str = "sys.exit(0)", test: str = "len(sys.argv) > 1", after_set: str = "app-as") -> str:
    """A guard that creates one VM in a set of its own and ends the script, then two VMs after it: the
    second in `after_set`."""
    return (
        PYTHON
        + f"if {test}:\n"
        + f"    {_py(CREATE, 'solo', 'solo-as')}\n"
        + f"    {ending}\n"
        + f"{_py(CREATE, 'app01', 'app-as')}\n"
        + f"{_py(ADD, 'app02', after_set)}\n"
    )


def _mig102(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> list[str]:
    return _codes(tmp_path, monkeypatch, {"deploy.py": script}, "MIG102")


@pytest.mark.parametrize(
    "ending",
    [
        "sys.exit(0)",
        "raise SystemExit",
        "raise RuntimeError('one VM only')",
        "exit()",
        "quit()",
        "os._exit(1)",
    ],
)
def test_python_a_guard_that_ends_the_script_keeps_what_follows_apart(tmp_path, monkeypatch, ending):
    """`if single: …; sys.exit(0)`: what follows runs only when the guard's branch did not."""
    script = _guard(ending).replace("import sys\n", "import os\nimport sys\n")
    assert _mig102(tmp_path, monkeypatch, script) == []


def test_python_vms_after_a_guard_still_meet_each_other(tmp_path, monkeypatch):
    """Only what the guard creates is kept apart: two VMs after it in two sets still meet."""
    assert _mig102(tmp_path, monkeypatch, _guard(after_set="web-as")) == ["MIG102 deploy.py:11:71"]


def test_python_a_guard_that_returns_from_main_keeps_what_follows_apart(tmp_path, monkeypatch):
    def main(after_set: str) -> str:
        return (
            PYTHON
            + "def main():\n"
            + "    if len(sys.argv) > 1:\n"
            + f"        {_py(CREATE, 'solo', 'solo-as')}\n"
            + "        return\n"
            + f"    {_py(CREATE, 'app01', 'app-as')}\n"
            + f"    {_py(ADD, 'app02', after_set)}\n"
            + "\n\nif __name__ == '__main__':\n    main()\n"
        )

    assert _mig102(tmp_path, monkeypatch, main("app-as")) == []
    assert _mig102(tmp_path, monkeypatch, main("web-as")) == ["MIG102 deploy.py:12:75"]


def test_python_a_guard_in_a_function_called_twice_keeps_nothing_apart(tmp_path, monkeypatch):
    """As for an `if` and its `else` there: a call that leaves the test open reads the guard's VM as
    written, on no branch, and one call's VM in the guard may meet the other's after it."""
    script = (
        PYTHON
        + "def deploy(single):\n"
        + "    if single:\n"
        + f"        {_py(CREATE, 'solo', 'solo-as')}\n"
        + "        return\n"
        + f"    {_py(ADD, 'app01', 'app-as')}\n"
        + "\n\ndeploy(sys.argv[1])\ndeploy(sys.argv[2])\n"
    )
    assert _mig102(tmp_path, monkeypatch, script) != []


def test_python_a_guard_whose_else_ends_keeps_what_follows_with_its_body(tmp_path, monkeypatch):
    """`if not single: … else: …; sys.exit()`: what follows runs only after the body."""

    def script(after_set: str) -> str:
        return (
            PYTHON
            + "if len(sys.argv) < 2:\n"
            + f"    {_py(CREATE, 'app01', 'app-as')}\n"
            + "else:\n"
            + f"    {_py(CREATE, 'solo', 'solo-as')}\n"
            + "    sys.exit(0)\n"
            + f"{_py(ADD, 'app02', after_set)}\n"
        )

    assert _mig102(tmp_path, monkeypatch, script("app-as")) == []
    assert _mig102(tmp_path, monkeypatch, script("web-as")) == ["MIG102 deploy.py:12:71"]


@pytest.mark.parametrize(
    "script",
    [
        # The body does not surely end: its exit is under a test of its own.
        _guard("if len(sys.argv) > 2: sys.exit(0)"),
        _guard("if len(sys.argv) > 2:\n        sys.exit(0)\n    else:\n        print('go on')"),
        # A call of a function the script defines as `exit` may return (`from sys import exit` ends it).
        _guard("exit()").replace(
            "import sys\n", "import sys\n\n\ndef exit():\n    print('not the end')\n\n\n"
        ),
        # A `try` may catch what the guard raises, and go on after it.
        PYTHON
        + "try:\n"
        + "    if len(sys.argv) > 1:\n"
        + f"        {_py(CREATE, 'solo', 'solo-as')}\n"
        + "        raise RuntimeError('one VM only')\n"
        + "except RuntimeError:\n"
        + "    pass\n"
        + f"{_py(CREATE, 'app01', 'app-as')}\n",
        # A guard inside an `if` ends only that branch's path: what follows the `if` runs either way.
        PYTHON
        + "if sys.argv[0]:\n"
        + "    if len(sys.argv) > 1:\n"
        + f"        {_py(CREATE, 'solo', 'solo-as')}\n"
        + "        sys.exit(0)\n"
        + f"{_py(CREATE, 'app01', 'app-as')}\n",
    ],
)
def test_python_an_if_that_may_not_end_the_path_keeps_nothing_apart(tmp_path, monkeypatch, script):
    assert _mig102(tmp_path, monkeypatch, script) != []


def test_python_continue_in_a_loop_is_no_guard(tmp_path, monkeypatch):
    """Each turn may take the other way: a VM one turn creates in the `if` meets another turn's after it."""
    script = (
        PYTHON
        + "for name in ['app01', 'app02']:\n"
        + "    if name == sys.argv[1]:\n"
        + '        sms.add_role("svc", "dep", name, conf, disk, availability_set_name="solo-as")\n'
        + "        continue\n"
        + '    sms.add_role("svc", "dep", name + "-x", conf, disk, availability_set_name="app-as")\n'
    )
    assert _mig102(tmp_path, monkeypatch, script) != []
    # A loop whose items are not known is not taken turn by turn: its `if` is no choice made once.
    unknown = script.replace("['app01', 'app02']", "sys.argv[2:]").replace("continue", "sys.exit(0)")
    assert _mig102(tmp_path, monkeypatch, unknown) != []
    # A `return` may end the loop at any turn: it is not taken turn by turn, and its `if` is no choice made
    # once either.
    returns = "def main():\n" + "".join(f"    {line}\n" for line in script[len(PYTHON) :].splitlines())
    returns = PYTHON + returns.replace("continue", "return") + "\n\nmain()\n"
    assert _mig102(tmp_path, monkeypatch, returns) != []


def test_python_a_guard_the_script_decides_reads_as_decided(tmp_path, monkeypatch):
    """`SINGLE = False`: the guard's VM is never created, and the VMs after it meet as before."""
    decided = _guard(test="SINGLE", after_set="web-as").replace("if SINGLE", "SINGLE = False\nif SINGLE")
    assert _mig102(tmp_path, monkeypatch, decided) == ["MIG102 deploy.py:12:71"]
    # `SINGLE = True`: nothing after the guard runs; the guard's VM alone is created.
    assert _mig102(tmp_path, monkeypatch, decided.replace("SINGLE = False", "SINGLE = True")) == []
