"""The PowerShell grammar's own code takes time that grows with the square of some inputs: a braced
variable left open (`${a)`) on each of thousands of lines, 64 kB of them 4 s, 128 kB 16 s, more without
end (`${` alone, not caught as nesting where a closer follows each). Such a script is parsed within a CPU
time linear in its size (`grammars.parsed_in_time`) and then said unread (MIG001 at its start), where the
run went on for minutes; the script read after it is read whole."""

from __future__ import annotations

import json
from pathlib import Path

from hostile_support import migcheck_limited

# 320 kB: over a minute to parse whole, stopped after 4.2 s; its classic command makes it a script to read
QUADRATIC = "New-AzureService -ServiceName web -Location 'West US'\n" + "${a)\n" * 64_000


def test_a_script_the_powershell_grammar_parses_in_quadratic_time_is_said_unread_at_its_start(tmp_path: Path):
    (tmp_path / "a.ps1").write_text(QUADRATIC)
    (tmp_path / "b.ps1").write_text("# deploy\nNew-AzureService -ServiceName shop -Location 'West US'\n")
    run = migcheck_limited(
        "check", "--format", "json", "--select", "MIG001,MIG601", ".", cwd=tmp_path, cpu=30
    )
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)
    found = {(f["code"], f["path"], f["line"], f["column"]) for f in findings}
    assert found == {("MIG001", "a.ps1", 1, 1), ("MIG601", "b.ps1", 2, 1)}
    (slow,) = (f for f in findings if f["code"] == "MIG001")
    assert "takes longer to parse than a script of its size may" in slow["message"]
    assert "reads none of it" in slow["message"]
