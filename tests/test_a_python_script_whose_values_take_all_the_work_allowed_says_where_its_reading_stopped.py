"""A Python script whose values take all the work its reader may spend following them (bounded by the script's
size) says, as a part not read, the first value left unread: that value and those read after it are values
the script does not state, so findings about them may be missing. A script read within its bound says
nothing."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import VALUES_NOT_FOLLOWED, Script
from migcheck.readers import python_script
from migcheck.report.unread import in_documents

# Each name the one before it twice, and the VM created in the service the last one names.
CHAIN = "".join(f"s{i} = s{i - 1} + s{i - 1}\n" for i in range(1, 12))
SCRIPT = f"""\
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk
sms = ServiceManagementService("sub", "cert")
s0 = "x"
{CHAIN}sms.create_virtual_machine_deployment(s11, "dep", "production", "label", "vm",
    LinuxConfigurationSet("vm", "u", None, True),
    OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/vm.vhd"), role_size="Small")
"""


def _unread_tags(result) -> list[tuple[int, str]]:
    return [(mark.line, mark.tag) for parts in in_documents(result.documents) for mark in parts.marks]


def test_the_first_value_left_unread_is_said(tmp_path, monkeypatch):
    monkeypatch.setattr(python_script, "BUDGET_FLOOR", 20)
    monkeypatch.setattr(python_script, "BUDGET_PER_BYTE", 0.0)
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": SCRIPT}, dedent=False)
    tags = _unread_tags(result)
    assert [tag for _, tag in tags] == [VALUES_NOT_FOLLOWED]
    scripts = [r for d in result.documents for r in d.resources if isinstance(r, Script)]
    assert len(scripts) == 1


def test_a_script_read_within_its_bound_says_nothing(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": SCRIPT}, dedent=False)
    assert _unread_tags(result) == []


def test_verbose_says_where_the_reading_stopped(tmp_path, monkeypatch, capsys):
    from migcheck.cli import main

    monkeypatch.setattr(python_script, "BUDGET_FLOOR", 20)
    monkeypatch.setattr(python_script, "BUDGET_PER_BYTE", 0.0)
    (tmp_path / "deploy.py").write_text(SCRIPT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--verbose", "--jobs", "1", "deploy.py"])
    said = capsys.readouterr()
    assert "is as far as migcheck follows the values this Python script builds" in said.out + said.err
