"""The classic CLI after PowerShell's stop-parsing token `--%`: the rest of the line reaches the CLI as
written (no quote, comma, backtick or variable read by PowerShell; only `%NAME%` expanded), split into
arguments at blanks outside double quotes."""

from __future__ import annotations

from tests.lint_support import lint_files, where
from tests.readers.test_reader_shell_classic_cli import NETCFG

_VM = "azure vm create web-svc img user pass "


def _found(tmp_path, monkeypatch, line: str, *codes: str):
    files = {"deploy.ps1": _VM + line + "\n", "NetworkConfig.netcfg": NETCFG}
    return lint_files(tmp_path, monkeypatch, files, *codes).findings


def test_a_list_after_stop_parsing_is_one_argument_naming_two_subnets(tmp_path, monkeypatch):
    found = _found(
        tmp_path, monkeypatch, "--% --subnet-names=front,back -w corpnet", "MIG001", "MIG202", "MIG203"
    )
    assert [f.code for f in found] == ["MIG202"]
    assert "(front, back)" in found[0].message


def test_one_subnet_after_stop_parsing_is_the_vm_s_subnet(tmp_path, monkeypatch):
    found = _found(tmp_path, monkeypatch, "-w corpnet --% --subnet-names=front", "MIG202", "MIG203")
    assert found == []


def test_a_quoted_part_after_stop_parsing_is_read_by_the_cli(tmp_path, monkeypatch):
    found = _found(tmp_path, monkeypatch, '--% -w corpnet -b "front,back"', "MIG202", "MIG203")
    assert [f.code for f in found] == ["MIG202"]


def test_an_environment_variable_after_stop_parsing_is_not_stated(tmp_path, monkeypatch):
    # `%SUBNET%` is the value of an environment variable when one is set: not a subnet the script names.
    found = _found(tmp_path, monkeypatch, "-w corpnet --% -b %SUBNET%", "MIG003", "MIG203")
    assert found == []
    quoted = _found(tmp_path, monkeypatch, '-w corpnet -b "%SUBNET%"', "MIG003")
    assert [f.message for f in quoted] == ["subnet '%SUBNET%' is not a subnet of virtual network 'corpnet'"]


def test_a_variable_after_stop_parsing_is_its_text(tmp_path, monkeypatch):
    # PowerShell passes `$subnet` as written: the CLI gets the subnet named "$subnet", which is not defined.
    script = "$subnet = 'front'\n" + _VM + "--% -w corpnet -b $subnet\n"
    files = {"deploy.ps1": script, "NetworkConfig.netcfg": NETCFG}
    found = lint_files(tmp_path, monkeypatch, files, "MIG003", "MIG203").findings
    assert where(found) == ["MIG003 deploy.ps1:2:57"]
    assert "subnet '$subnet' is not a subnet" in found[0].message


def test_what_follows_a_pipe_after_stop_parsing_is_no_argument(tmp_path, monkeypatch):
    found = _found(
        tmp_path, monkeypatch, "-w corpnet --% -b front | Out-Null -b front,back", "MIG202", "MIG203"
    )
    assert found == []


# Scripts of classic CLI commands, `^` where `--%` may stand: every command reads the same either way.
_SCRIPTS = {
    "upload while a network is prepared": (
        "azure network vnet prepare-migration ^corpnet\n"
        "azure network import ^./NetworkConfig.netcfg\n"
        "azure network vnet commit-migration ^corpnet\n"
    ),
    "static address and reserved address": (
        "azure vm create ^web-svc img user pass -w corpnet -b front,back\n"
        "azure vm static-ip set ^web-svc web-svc 10.0.1.5\n"
        'azure network reserved-ip create ^webip "West Europe"\n'
    ),
    "vm on a network not defined": "azure vm create ^web-svc img user pass -w elsewhere -b front\n",
}


def _read_with(tmp_path, monkeypatch, script: str) -> list[tuple[str, int, str]]:
    files = {"deploy.ps1": script, "net/NetworkConfig.netcfg": NETCFG}
    found = lint_files(tmp_path, monkeypatch, files).findings
    return sorted((f.code, f.location.line, f.message) for f in found)


def test_every_classic_cli_command_reads_the_same_after_stop_parsing(tmp_path, monkeypatch):
    for name, script in _SCRIPTS.items():
        plain = _read_with(tmp_path / name / "plain", monkeypatch, script.replace("^", ""))
        verbatim = _read_with(tmp_path / name / "verbatim", monkeypatch, script.replace("^", "--% "))
        assert verbatim == plain, name
        assert plain, name
