"""`azure vm create` given a list of words the script does not state (a list one of its Python functions
returns, `cmd += if_available("-w", net)`, or one joined to the command's by `+`, where the whole command
was not read; a shell array it does not fill, `"${opts[@]}"`; `"$@"`) may be given `-w` there: the VM's network is not known, where it was said to be in no virtual network (MIG105,
certain). The stated words after the list keep their places: the service is the one they name. Where the
function gives an option with a value it tests (`return [flag, value] if value else []`, or the script
writes that choice itself, `["-w", net] if net else []`) and the script
states the value, it is read: a network named, or none for an empty value; where the script does not state
the value (`sys.argv[1]`, which may be empty), the VM is in the network it names or in none: it may be in no
virtual network (MIG105), where its network was said not to be known."""

from __future__ import annotations

import pytest
from lint_support import lint_files

PYTHON = """\
import subprocess
import sys


def if_available(option, value):
    if value:
        return [option, value]
    return []


cmd = ["azure", "vm", "create"]
cmd += if_available("-w", sys.argv[1])
cmd += ["-e", "22", "shop", "img", "ops", "-P"]
subprocess.check_call(cmd)
"""

JOINED = """\
import subprocess
import sys



def options(flag, value):
    return [flag, value] if value else []


net = sys.argv[1]
subprocess.check_call(["azure", "vm", "create"] + {part} + ["-e", "22", "shop", "img", "ops", "-P"])
"""

SHELL = """\
#!/bin/bash
azure config mode asm
azure vm create {words} -e 22 shop img ops -P
"""

SCRIPTS = {
    "a shell array the script does not fill": ("deploy.sh", SHELL.format(words='"${opts[@]}"')),
    "the shell script's arguments": ("deploy.sh", SHELL.format(words='"$@"')),
}


@pytest.mark.parametrize("case", SCRIPTS)
def test_a_vm_given_words_not_stated_is_in_a_network_not_known(tmp_path, monkeypatch, case: str) -> None:
    name, text = SCRIPTS[case]
    result = lint_files(tmp_path, monkeypatch, {name: text})
    assert not [f for f in result.findings if f.code == "MIG105"]
    (mig601,) = [f for f in result.findings if f.code == "MIG601"]
    assert "azure vm create" in mig601.message


OPTION_LISTS = {
    "added to the command": PYTHON,
    "joined by +": JOINED.format(part='options("-w", net)'),
    "chosen by a test, joined by +": JOINED.format(part='(["-w", net] if net else [])'),
}


@pytest.mark.parametrize("case", OPTION_LISTS)
def test_an_option_list_given_a_value_not_stated_may_be_in_none(tmp_path, monkeypatch, case: str) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": OPTION_LISTS[case]})
    (mig105,) = [f for f in result.findings if f.code == "MIG105"]
    assert "deployment 'shop' of cloud service 'shop' may be in no virtual network" in mig105.message
    assert "on another it is in '<virtual network name, deploy.py:" in mig105.message


def test_a_vm_given_no_such_words_nor_w_is_in_none(tmp_path, monkeypatch) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": SHELL.format(words="")})
    (mig105,) = [f for f in result.findings if f.code == "MIG105"]
    assert "deployment 'shop' of cloud service 'shop' is in no virtual network" in mig105.message


STATED = """\
import subprocess


def option(flag, value):
    if value:
        return [flag, value]
    return []


net = {net}
cmd = ["azure", "vm", "create"] + option("-w", net) + ["-e", "22", "shop", "img", "ops", "-P"]
subprocess.check_call(cmd)
"""


def test_an_option_list_given_a_network_the_script_states_is_in_it(tmp_path, monkeypatch) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": STATED.format(net='"prodnet"')})
    (mig203,) = [f for f in result.findings if f.code == "MIG203"]  # given no subnet (`-b`)
    assert "VM 'shop' of cloud service 'shop' is in virtual network 'prodnet'" in mig203.message


def test_an_option_list_given_an_empty_network_gives_none(tmp_path, monkeypatch) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": STATED.format(net='""')})
    (mig105,) = [f for f in result.findings if f.code == "MIG105"]
    assert "deployment 'shop' of cloud service 'shop' is in no virtual network" in mig105.message


@pytest.mark.parametrize(("net", "said"), [('"prodnet"', "is in virtual network 'prodnet'"), ('""', None)])
def test_a_choice_the_script_writes_given_a_stated_network_is_read(
    tmp_path, monkeypatch, net: str, said: str | None
) -> None:
    text = STATED.replace('option("-w", net)', '(["-w", net] if net else [])').format(net=net)
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": text})
    if said is None:
        (mig105,) = [f for f in result.findings if f.code == "MIG105"]
        assert "deployment 'shop' of cloud service 'shop' is in no virtual network" in mig105.message
    else:
        (mig203,) = [f for f in result.findings if f.code == "MIG203"]
        assert f"VM 'shop' of cloud service 'shop' {said}" in mig203.message
