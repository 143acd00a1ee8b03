"""The parses of one PowerShell script (its first, each of a rewrite of its text made to read a form the
grammar does not know, and each again from the bytes) read at most a bound of bytes together, a multiple of
its size over a floor; past it the script is MIG001, as past a parse's CPU time. Each parse was bounded in
time on its own, and the number of them in nothing."""

from __future__ import annotations

from migcheck.model import Deployment
from migcheck.readers import powershell

# A line the grammar reads only once rewritten (`!` standing alone is a word): its reading parses the text
# again, twice over, after the first parse's two.
REWRITTEN = "Write-Output !\n"
SCRIPT = (
    "$vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img\n"
    'New-AzureVM -ServiceName svc1 -VMs $vm -Location "West US"\n'
)


def _bound(monkeypatch, per_byte: int) -> None:
    monkeypatch.setattr(powershell, "_PARSED_BYTES_FLOOR", 0)
    monkeypatch.setattr(powershell, "_PARSED_BYTES_PER_BYTE", per_byte)


def test_a_script_parsed_more_than_its_bound_allows_is_refused(monkeypatch):
    _bound(monkeypatch, 3)
    document = powershell.read("deploy.ps1", (REWRITTEN + SCRIPT).encode())
    assert document.problem is not None
    assert document.problem.kind == "syntax"
    assert "more parses of its text than a script of its size may" in document.problem.message
    assert (document.problem.mark.line, document.problem.mark.column) == (1, 1)
    assert not document.resources


def test_a_script_parsed_within_its_bound_is_read(monkeypatch):
    _bound(monkeypatch, 3)
    document = powershell.read("deploy.ps1", SCRIPT.encode())
    assert document.problem is None
    assert [r.name for r in document.resources if isinstance(r, Deployment)] == ["svc1"]


def test_the_bound_of_a_real_script_leaves_its_rewrites_room():
    document = powershell.read("deploy.ps1", (REWRITTEN * 50 + SCRIPT).encode())
    assert document.problem is None
    assert [r.name for r in document.resources if isinstance(r, Deployment)] == ["svc1"]
