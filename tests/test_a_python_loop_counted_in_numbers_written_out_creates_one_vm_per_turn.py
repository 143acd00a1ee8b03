"""A Python script that creates VMs with the classic CLI in `for i in range(1, 4)` (or `i = 0`, then `while
i < 2: ...; i += 1`) created one stand-in VM, "1 or more", where the shell script's `$(seq 1 3)` and
PowerShell's `for ($i = 1; $i -le 3; $i++)` name web1, web2 and web3: a loop counted in numbers the script
writes out now runs once for each, as the SDK's does; one whose count the script does not state, or that
may leave early, is still read once for one or more turns."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = 'subprocess.check_call(["azure", "vm", "create", "shop", "img", "u", "p", "-n", f"web{i}", "-c"])'


def _roles(tmp_path, monkeypatch, loop: str) -> list[str]:
    script = f"import subprocess\nimport sys\n\n{loop}"
    result = lint_files(tmp_path, monkeypatch, {"provision.py": script})
    (estate,) = result.estates
    return [r.name for s in estate.cloud_services for p in s.placements for r in p.roles]


@pytest.mark.parametrize(
    "loop, names",
    [
        (f"for i in range(1, 4):\n    {CREATE}\n", ["web1", "web2", "web3"]),
        (f"for i in range(3):\n    {CREATE}\n", ["web0", "web1", "web2"]),
        (f"for i in range(6, 0, -3):\n    {CREATE}\n", ["web6", "web3"]),
        (f"i = 0\nwhile i < 2:\n    {CREATE}\n    i += 1\n", ["web0", "web1"]),
        (f"i = 3\nwhile i >= 2:\n    {CREATE}\n    i -= 1\n", ["web3", "web2"]),
    ],
)
def test_a_loop_counted_in_numbers_written_out_names_one_vm_per_turn(tmp_path, monkeypatch, loop, names):
    assert sorted(_roles(tmp_path, monkeypatch, loop)) == sorted(names)


@pytest.mark.parametrize(
    "loop",
    [
        f"for i in range(int(sys.argv[1])):\n    {CREATE}\n",
        f"i = 0\nwhile i < 2:\n    {CREATE}\n    if sys.argv[1:]:\n        break\n    i += 1\n",
        f"i = 0\nwhile i < 2:\n    {CREATE}\n    i = i * 2\n    i += 1\n",
    ],
)
def test_a_loop_whose_turns_the_script_does_not_state_is_one_stand_in(tmp_path, monkeypatch, loop):
    (name,) = _roles(tmp_path, monkeypatch, loop)
    assert name.startswith("<")
