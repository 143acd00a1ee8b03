"""The note "Not read as written" of an option the classic CLI refuses names the option and the command that does not
declare it (`--vnet-name` of `azure vm create`, whose option is `--virtual-network-name`), in each format that
runs the classic CLI, and the option Ansible's classic module refuses: the reader no longer counts columns to
learn which option it is."""

from __future__ import annotations

import pytest
from lint_support import run_cli

CREATE = 'azure vm create web-svc web-vm image-name admin --location "West Europe" --vnet-name legacy-vnet --ssh 22'
SAID = "gives the classic `azure vm create` the option `--vnet-name`, which it does not declare"
WORDS = ", ".join(f'"{word}"' for word in CREATE.replace('"West Europe"', "West_Europe").split())
PLAYBOOK = f"""\
- hosts: localhost
  tasks:
    - name: create the VM
      shell: {CREATE}
"""
MODULE_PLAYBOOK = """\
- hosts: localhost
  tasks:
    - name: create the VM
      azure:
        name: web-vm
        image: image-name
        location: West Europe
        subnet_name: FrontEnd
"""


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deploy.sh", CREATE + "\n"),
        ("deploy.ps1", f"& {CREATE}\n"),
        ("deploy.py", f"import subprocess\nsubprocess.check_call([{WORDS}])\n"),
        ("site.yml", PLAYBOOK),
    ],
    ids=["sh", "ps1", "py", "ansible"],
)
def test_the_note_names_the_option_and_the_command(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    assert f"Not read as written: {name}:" in out
    assert SAID in out
    assert "(`azure vm create --help` lists them)" in out


def test_a_short_option_is_named_as_written(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "net.sh").write_text('azure network vnet create app-vnet -l "West Europe" -I 16\n')
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "gives the classic `azure network vnet create` the option `-I`, which it does not declare" in out


def test_the_option_of_ansible_s_classic_module_is_named(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "site.yml").write_text(MODULE_PLAYBOOK, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "gives Ansible's classic `azure` module the option `subnet_name`, which its argument_spec" in out
