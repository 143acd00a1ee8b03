"""Scripts with no extension are read by the reader their `#!` line names: shell, Python or PowerShell, as
the cluster builders of the classic tools' day shipped (`azure-coreos-cluster`, `#!/usr/bin/env python`).
The reader then tells whether the script is classic, as for a `.py` or `.ps1`; a file whose first line
names no script reader, or that holds a NUL byte, is no script. A folder walk and a file named on the
command line agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.discover import discover
from migcheck.engine import lint
from migcheck.formats import byte_format, shebang_format
from migcheck.model import FileKind
from tests.lint_support import RULES, where

CLASSIC_PYTHON = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService('sub', 'cert.pem')
sms.create_virtual_machine_deployment('svc', deployment_name='svc', deployment_slot='production',
    label='vm0', role_name='vm0', system_config=None, os_virtual_hard_disk=None, role_size='Small')
"""
CLASSIC_POWERSHELL = """\
New-AzureService -ServiceName svc -Location "West US"
New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img |
    Add-AzureProvisioningConfig -Linux -LinuxUser u -Password p |
    New-AzureVM -ServiceName svc
"""
PLAIN_PYTHON = "import sys\nprint('azure vm create', sys.argv)\n"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"#!/usr/bin/env python\n", FileKind.PYTHON),
        (b"#!/usr/bin/env python3\n", FileKind.PYTHON),
        (b"#!/usr/bin/python2.7\n", FileKind.PYTHON),
        (b"#!/usr/bin/env -S python3 -u\n", FileKind.PYTHON),
        (b"#!/usr/bin/env -u HOME python3\n", FileKind.PYTHON),
        (b"#!python\r\n", FileKind.PYTHON),
        (b"#!/usr/bin/env pwsh\n", FileKind.POWERSHELL),
        (b"#!/usr/bin/pwsh -File\n", FileKind.POWERSHELL),
        (b"#!/usr/bin/env -S pwsh -NoProfile -File\n", FileKind.POWERSHELL),
        (b"#!/bin/bash\n", FileKind.SHELL),
        (b"#!/usr/bin/env -S VAR=1 dash\n", FileKind.SHELL),
        (b"#!/usr/bin/perl\n", None),
        (b"#!/usr/bin/env node\n", None),
        (b"#!/usr/bin/env python-config\n", None),
        (b"#!/usr/bin/env\n", None),
        (b"import sys\n", None),
        (b"", None),
    ],
)
def test_a_shebang_names_the_reader_of_its_script(head, kind):
    found = shebang_format(head)
    assert (found.kind if found is not None else None) is kind


def test_the_format_of_a_file_with_no_extension_is_the_one_its_shebang_names():
    python = byte_format("cluster/azure-coreos-cluster", b"#!/usr/bin/env python\n" + CLASSIC_PYTHON.encode())
    assert python is not None and python.kind is FileKind.PYTHON
    powershell = byte_format("deploy", b"#!/usr/bin/env pwsh\n")
    assert powershell is not None and powershell.kind is FileKind.POWERSHELL
    assert byte_format("tool", b"#!/usr/bin/env python\n\x00\x01servicemanagement\n") is None
    assert byte_format("notes.txt", b"#!/usr/bin/env python\n") is None


def _write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


SCRIPTS: dict[str, str | bytes] = {
    "cluster/azure-coreos-cluster": "#!/usr/bin/env python\n" + CLASSIC_PYTHON,
    "cluster/builder3": "#!/usr/bin/env -S python3 -u\n" + CLASSIC_PYTHON,
    "cluster/deploy": "#!/usr/bin/env pwsh\n" + CLASSIC_POWERSHELL,
    "cluster/deploy-file": "#!/usr/bin/pwsh -File\n" + CLASSIC_POWERSHELL,
    "cluster/legacy": "#!/usr/bin/python2.7\n" + CLASSIC_PYTHON,
    "tools/plain": "#!/usr/bin/env python3\n" + PLAIN_PYTHON,
    "tools/report": "#!/usr/bin/perl\nprint 'servicemanagement';\n",
    "tools/packed": b"#!/usr/bin/env python\n\x00\x01" + CLASSIC_PYTHON.encode() + b"\x00\n",
}
CLASSIC = [
    "cluster/azure-coreos-cluster",
    "cluster/builder3",
    "cluster/deploy",
    "cluster/deploy-file",
    "cluster/legacy",
]


def test_the_walk_picks_up_python_and_powershell_scripts_by_their_shebang(tmp_path):
    _write(tmp_path, SCRIPTS)
    found = [c.path.rpartition(str(tmp_path) + "/")[2] for c in discover([str(tmp_path)])]
    # The NUL byte after its first line is the reader's to see: the walk reads the first line only.
    assert found == [*CLASSIC, "tools/packed", "tools/plain"]


def _read_kinds(result) -> dict[str, FileKind | None]:
    return {d.path.rpartition("/")[2]: d.kind for d in result.documents}


def test_classic_scripts_with_no_extension_are_read_and_the_rest_passed_over(tmp_path, monkeypatch):
    _write(tmp_path, SCRIPTS)
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=("MIG601",)), RULES)
    assert where(result.findings) == [
        "MIG601 cluster/azure-coreos-cluster:3:7",
        "MIG601 cluster/builder3:3:7",
        "MIG601 cluster/deploy:2:1",
        "MIG601 cluster/deploy-file:2:1",
        "MIG601 cluster/legacy:3:7",
    ]
    kinds = _read_kinds(result)
    assert kinds == {
        "azure-coreos-cluster": FileKind.PYTHON,
        "builder3": FileKind.PYTHON,
        "deploy": FileKind.POWERSHELL,
        "deploy-file": FileKind.POWERSHELL,
        "legacy": FileKind.PYTHON,
    }


@pytest.mark.parametrize("name", CLASSIC)
def test_a_script_with_no_extension_named_on_the_command_line_is_read_as_in_a_walk(
    tmp_path, monkeypatch, name
):
    _write(tmp_path, SCRIPTS)
    monkeypatch.chdir(tmp_path)
    result = lint([name], Config(select=("MIG601",)), RULES)
    assert [f.code for f in result.findings] == ["MIG601"]
    assert [d.kind for d in result.documents] in ([FileKind.PYTHON], [FileKind.POWERSHELL])


def test_a_python_tool_that_is_not_classic_is_silent_named_or_walked(tmp_path, monkeypatch):
    _write(tmp_path, {"tools/plain": "#!/usr/bin/env python3\n" + PLAIN_PYTHON})
    monkeypatch.chdir(tmp_path)
    assert lint(["."], Config(), RULES).findings == []
    named = lint(["tools/plain"], Config(), RULES)
    assert named.findings == []
    assert [d.kind for d in named.documents] == [FileKind.PYTHON]


def test_a_binary_file_with_a_python_shebang_is_passed_over(tmp_path, monkeypatch):
    _write(tmp_path, {"tools/packed": SCRIPTS["tools/packed"]})
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(), RULES)
    assert not result.documents and not result.findings


def test_a_file_read_with_no_extension_counts_as_a_script():
    from migcheck.formats import is_script

    assert is_script("cluster/create-cluster") and is_script("a.b/deploy") and is_script("deploy.sh")
    assert not is_script("network/NetworkConfig.netcfg") and not is_script("<stdin>")
