"""`pytest --migcheck` says, as `check` does, which parts of a script migcheck's parser could not read: the
script's items pass on what was read, and findings about what that part states may be missing. Said as a
warning in the `migcheck` section of the terminal summary, so the items and their node ids are as they
were; before, a script with such a part passed with nothing said of it. A script read whole says nothing."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

# A dash escaped with a backtick is valid PowerShell the grammar cannot read (the VM's name): line 2.
UNREAD = (
    'New-AzureService -ServiceName svc9 -Location "West US"\n'
    "New-AzureQuickVM -Windows -ServiceName svc9 -Name `$vm1 -ImageName img -Password p -AdminUsername a\n"
)
WHOLE = 'New-AzureService -ServiceName svc8 -Location "West US"\n'


def test_a_script_with_a_part_not_read_is_said_in_the_summary(pytester: pytest.Pytester) -> None:
    pytester.makefile(".ps1", deploy=UNREAD)
    result = pytester.runpytest_inprocess("--migcheck", "-p", "no:cacheprovider")
    said = [line for line in result.outlines if "Not read:" in line]
    assert said == [
        "warning: Not read: 1 part of a script that migcheck's parser cannot read (deploy.ps1, line 2): "
        "findings about what it states may be missing; `migcheck check --verbose` says why, and how to "
        "write such a part so that it is read."
    ]
    assert result.ret == 0


def test_a_script_read_whole_says_nothing_of_it(pytester: pytest.Pytester) -> None:
    pytester.makefile(".ps1", whole=WHOLE)
    result = pytester.runpytest_inprocess("--migcheck", "-p", "no:cacheprovider")
    assert not [line for line in result.outlines if "Not read" in line]
