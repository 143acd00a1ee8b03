"""A loop whose turns the script counts, but more of them than are read one by one (more than 32: `for i in
$(seq 40)`, `{1..40}`, `for ((i = 0; i < 40; i++))`, a counted `while`, 33 words written out, a Python
`for i in range(40)` that runs the classic CLI, or one over more than 64 numbers around calls of the SDK),
surely runs: its creations fail today, with no "they may not" run. Its turns are read as one, its counter a
value not stated, and that is said as a part not read (`loop-turns-cut`; for the classic CLI a Python script
runs, `python-commands-cut`)."""

from __future__ import annotations

import pytest
from lint_support import lint_files, unread_tags

CREATE = 'azure vm create "web$i" img azureuser -l "West US"'
WORDS = " ".join(f"n{n}" for n in range(33))
LOOPS = {
    "seq": (f"for i in $(seq 40); do\n  {CREATE}\ndone\n", "loop-turns-cut"),
    "braces": (f"for i in {{1..40}}; do\n  {CREATE}\ndone\n", "loop-turns-cut"),
    "c style": (f"for ((i = 0; i < 40; i++)); do\n  {CREATE}\ndone\n", "loop-turns-cut"),
    "while": (f"i=0\nwhile [ $i -lt 40 ]; do\n  {CREATE}\n  i=$((i+1))\ndone\n", "loop-turns-cut"),
    "words": (f"for i in {WORDS}; do\n  {CREATE}\ndone\n", "loop-turns-cut"),
}
SDK = (
    "from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk\n"
    'sms = ServiceManagementService("sub", "cert.pem")\n'
    "for i in range(100):\n"
    '    disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/web%d.vhd" % i)\n'
    '    sms.create_virtual_machine_deployment("svc%d" % i, "d", "production", "d", "web%d" % i,'
    " LinuxConfigurationSet(), disk)\n"
)
PYTHON = (
    "import subprocess\n\nfor i in range(40):\n"
    '    subprocess.check_call(["azure", "vm", "create", "web%d" % i, "img", "u", "-l", "West US"])\n'
)


def _said(tmp_path, monkeypatch, name: str, text: str) -> str:
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601", dedent=False)
    (finding,) = result.findings
    return finding.message


@pytest.mark.parametrize("case", LOOPS)
def test_a_shell_loop_past_the_turns_read_surely_runs(tmp_path, monkeypatch, case):
    text, why = LOOPS[case]
    message = _said(tmp_path, monkeypatch, "make.sh", text)
    assert "fail today, since" in message and "may not" not in message
    assert unread_tags(text, "make.sh") == [why]


def test_a_python_loop_over_a_range_past_the_turns_read_surely_runs(tmp_path, monkeypatch):
    message = _said(tmp_path, monkeypatch, "make.py", PYTHON)
    assert "fail today, since" in message and "may not" not in message
    assert unread_tags(PYTHON, "make.py") == ["python-commands-cut"]


def test_a_python_loop_over_a_range_past_the_turns_of_sdk_calls_read_surely_runs(tmp_path, monkeypatch):
    message = _said(tmp_path, monkeypatch, "make.py", SDK)
    assert "fail today, since" in message and "may not" not in message
    assert unread_tags(SDK, "make.py") == ["loop-turns-cut"]
