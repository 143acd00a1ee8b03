"""A command's argument written as a list of bare words (`-SubnetNames FrontEnd, BackEnd`) passes the array
PowerShell passes, item by item where each is written; the grammar read `FrontEnd,BackEnd` as two words and
`FrontEnd, BackEnd` as an error that hid the rest of the script."""

from __future__ import annotations

import pytest
from growth import assert_linear
from lint_support import lint_files, script_resources, unread_marks, where

from migcheck.readers import read_document
from migcheck.readers.powershell import _with_plain_lists, syntax_tree

CONFIG = "$vm{n} = New-AzureVMConfig -Name vm{n} -InstanceSize Small -ImageName img | Set-AzureSubnet -SubnetNames "
# Column of the first item of the list on a line of `CONFIG` with a one-digit `n`.
FIRST = len(CONFIG.format(n=1)) + 1


def _script(*lists: str) -> str:
    """One VM per list, each in a cloud service of its own, given `-SubnetNames` with the list."""
    return "".join(
        f"{CONFIG.format(n=n)}{written}\nNew-AzureVM -ServiceName svc{n} -VMs $vm{n} -VNetName net\n"
        for n, written in enumerate(lists, 1)
    )


def _subnet_findings(tmp_path, monkeypatch, text: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": text}, "MIG202", dedent=False)
    return where(result.findings)


@pytest.mark.parametrize(
    ("written", "second"),
    [
        ("FrontEnd,BackEnd", 9),
        ("FrontEnd, BackEnd", 10),
        ("FrontEnd ,BackEnd", 10),
        ("FrontEnd , BackEnd", 11),
        ("'FrontEnd', BackEnd", 12),
        ("'FrontEnd',BackEnd", 11),
        ("FrontEnd, 'BackEnd'", 10),
        ("$front, BackEnd", 8),
        ("10.0.0.4,BackEnd", 9),
    ],
)
def test_a_list_of_bare_words_puts_the_vm_in_each_subnet(tmp_path, monkeypatch, written, second):
    """MIG202 is shown at the second subnet, as for a list of quoted strings."""
    text = "$front = 'FrontEnd'\n" + _script(written)
    assert _subnet_findings(tmp_path, monkeypatch, text) == [f"MIG202 a.ps1:2:{FIRST + second}"]


def test_items_keep_their_positions_across_a_continued_line(tmp_path, monkeypatch):
    text = _script("FrontEnd,  \n    BackEnd").replace("\n", "\r\n")
    assert _subnet_findings(tmp_path, monkeypatch, text) == ["MIG202 a.ps1:2:5"]


def test_a_list_that_mixes_an_array_with_bare_words_is_one_array(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": _script("'a','b', c")}, "MIG202", dedent=False)
    assert where(result.findings) == [f"MIG202 a.ps1:1:{FIRST + 4}"]
    assert "3 subnets (a, b, c)" in result.findings[0].message


def test_the_lines_after_a_list_are_read(tmp_path, monkeypatch):
    """`FrontEnd, BackEnd` made an error region to the end of the script: the second VM was lost."""
    text = _script("FrontEnd, BackEnd", "Web, Data")
    assert _subnet_findings(tmp_path, monkeypatch, text) == [
        f"MIG202 a.ps1:1:{FIRST + 10}",
        f"MIG202 a.ps1:3:{FIRST + 5}",
    ]


def test_a_later_finding_is_no_longer_lost(tmp_path, monkeypatch):
    text = (
        _script("FrontEnd, BackEnd")
        + "New-AzureReservedIP -ReservedIPName rip1 -Location 'West US' -ServiceName svc1\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": text}, "MIG106", "MIG202", dedent=False)
    assert where(result.findings) == [f"MIG202 a.ps1:1:{FIRST + 10}", "MIG106 a.ps1:3:37"]


@pytest.mark.parametrize(
    ("written", "named"),
    [
        ("Front, Back-End, Data", "Front, Back-End, Data"),
        ("Front, Web-Asp-Net45, AS-NET-Framework, Db-2", "Front, Web-Asp-Net45, AS-NET-Framework, Db-2"),
        ("Front,Back-End,Data", "Front, Back-End, Data"),
    ],
)
def test_a_word_with_a_dash_after_the_first_item_is_one_item(tmp_path, monkeypatch, written, named):
    """`Front, Back-End, Data` was unread from the comma after `Back-End`, and the VM in two subnets."""
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": _script(written)}, "MIG202", dedent=False)
    second = named.split(", ")[1]
    assert where(result.findings) == [f"MIG202 a.ps1:1:{FIRST + written.index(second)}"]
    assert f"{len(named.split(', '))} subnets ({named})" in result.findings[0].message
    assert unread_marks(script_resources(_script(written), "a.ps1")) == []


@pytest.mark.parametrize(
    "written",
    [
        "FrontEnd",  # one subnet
        "'Front,End'",  # a comma in a string
        '"Front, End"',
        "Front`,End",  # an escaped comma is part of the word
        "FrontEnd # , BackEnd",  # in a comment
        "FrontEnd,FrontEnd",  # the same subnet twice
    ],
)
def test_what_is_no_list_of_two_subnets_stays_one(tmp_path, monkeypatch, written):
    assert _subnet_findings(tmp_path, monkeypatch, _script(written)) == []


def test_a_list_in_a_multi_line_string_is_left_as_written():
    source = b"$text = @'\nSet-AzureSubnet -SubnetNames a, b\n'@\nF -A x, y\n"
    rewritten = _with_plain_lists(source, syntax_tree(source).root_node)
    assert rewritten[:48] == source[:48]  # the here-string keeps its comma
    assert rewritten[48:] == b"F -A x  y\n"


def test_an_expression_keeps_its_commas():
    source = b"$a = 1, 2\nF -A (1, 2) $x.M(3, 4)\n"
    assert _with_plain_lists(source, syntax_tree(source).root_node) is source


def test_a_script_with_many_lists_costs_time_linear_in_its_size():
    def make(lines: int):
        data = _script(*("FrontEnd, BackEnd" for _ in range(lines))).encode()
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, 200)
