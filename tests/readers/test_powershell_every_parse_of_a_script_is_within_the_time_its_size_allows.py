"""Every parse the PowerShell reader makes of a script, as written and as each rewrite that makes it readable
changes it (a text about the script's size each time), runs within the CPU time the script's size allows
(`grammars.parsed_in_time`): a construct the grammar takes time growing with its size squared to parse
(`${a)` repeated) cannot escape the bound inside a part that is rewritten. Here every parse of the whole
text is counted: none is made but through the bound (the reparse that reuses a bounded parse's tree aside)."""

from __future__ import annotations

from migcheck.readers import grammars, powershell

# Lines that several rewrites change: a pipe that starts a line, a dashed operator, a single-quoted string
# a holding file fills a value into.
SCRIPT = (
    "$vms = Get-AzureVM -ServiceName svc1\n"
    "    | Where-Object { $_.Name -ne 'x' }\n"
    "$name = 'web-${var_x}'\n"
    "New-AzureVMConfig -Name $name -InstanceSize Small -ImageName img |\n"
    "  Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p |\n"
    "  New-AzureVM -ServiceName svc1 -Location 'West US'\n"
)


class _Counting:
    """A parser that counts the parses of a whole text made with no earlier tree to reuse."""

    def __init__(self, parser, unbounded: list[int]) -> None:
        self.parser, self.unbounded = parser, unbounded

    def parse(self, source, old_tree=None, *args, **kwargs):
        if old_tree is None and len(source) >= len(SCRIPT) // 2:
            self.unbounded.append(len(source))
        if old_tree is None:
            return self.parser.parse(source, *args, **kwargs)
        return self.parser.parse(source, old_tree, *args, **kwargs)


def test_no_parse_of_the_script_escapes_the_bound(monkeypatch):
    unbounded: list[int] = []
    bounded: list[int] = []
    real_parser, real_bound = powershell._parser, grammars.parsed_in_time
    monkeypatch.setattr(powershell, "_parser", lambda: _Counting(real_parser(), unbounded))
    monkeypatch.setattr(
        grammars,
        "parsed_in_time",
        lambda package, source: bounded.append(len(source)) or real_bound(package, source),
    )
    start = SCRIPT.index("${var_x}")
    places = [
        (line, column)
        for line, text in enumerate(SCRIPT.split("\n"), 1)
        for column in range(1, len(text) + 2)
    ]
    document = powershell.read_held(
        "pipeline.yml", SCRIPT, places[: len(SCRIPT)], SCRIPT.split("\n"), filled=[(start, start + 8)]
    )
    assert document.problem is None and document.resources
    assert unbounded == []
    assert len(bounded) > 2  # rewrites ran, each parse bounded
