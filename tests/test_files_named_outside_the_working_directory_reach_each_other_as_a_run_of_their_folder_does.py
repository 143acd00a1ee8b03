"""Files named on the command line outside the working directory (`migcheck check ../infra/main.bicep
../infra/modules/vm.bicep`, as a pre-commit hook run from another folder names them) did not reach each other:
a Bicep module, a PowerShell dot-source or a shell `source` of a file named with them was said not read, since
a file named was taken to belong to the working directory, which held none of them. Such a file's project is
now its file system's root, so the files named with it are read as a run of their folder reads them: the
findings about them and the parts said not read are the same whether the folder, each of its files, or the
folder and another one are checked."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from lint_support import PS_DEPLOY, RULES, SH_DEPLOY, ps_settings, sh_settings

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.report.unread import in_documents

MAIN_BICEP = """\
module web './modules/vm.bicep' = {
  name: 'web'
  params: {
    vmName: 'prod-web'
  }
}
"""

VM_BICEP = """\
param vmName string

resource vm 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' = {
  name: vmName
  location: 'westeurope'
  properties: {
    domainName: {
      name: '${vmName}-svc'
    }
  }
}
"""

KINDS = {
    "bicep module": {"main.bicep": MAIN_BICEP, "modules/vm.bicep": VM_BICEP},
    "powershell dot-source": {"deploy.ps1": PS_DEPLOY, "config.ps1": ps_settings("web", "db")},
    "shell source": {"deploy.sh": SH_DEPLOY, "env.sh": sh_settings("web,db")},
}


def _seen(result) -> tuple[list[tuple[str, int, int, str]], list[tuple[str, int, int, str]]]:
    """The findings about the files of `infra` and the parts of them said not read, as paths from `infra`."""
    findings = sorted(
        (f.location.path.split("infra/", 1)[1], f.location.line, f.location.column, f.message)
        for f in result.findings
        if f.location and "infra/" in f.location.path
    )
    unread = sorted(
        (p.path.split("infra/", 1)[1], m.line, m.column, m.tag)
        for p in in_documents(result.documents)
        if "infra/" in p.path
        for m in p.marks
    )
    return findings, unread


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_file_named_from_another_folder_reads_what_it_uses_as_its_folder_does(kind, tmp_path, monkeypatch):
    files = KINDS[kind]
    for name, text in files.items():
        path = tmp_path / "infra" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "notes.txt").write_text("nothing classic\n", encoding="utf-8")

    monkeypatch.chdir(tmp_path)
    folder = _seen(lint(["infra"], Config(), RULES))
    assert folder[0], "the folder's run finds what the used file states"
    assert _seen(lint(["infra", "scripts"], Config(), RULES)) == folder
    assert _seen(lint([str(Path("infra") / name) for name in files], Config(), RULES)) == folder

    monkeypatch.chdir(tmp_path / "scripts")
    assert _seen(lint(["../infra"], Config(), RULES)) == folder
    assert _seen(lint(["../infra", "."], Config(), RULES)) == folder
    assert _seen(lint([f"../infra/{name}" for name in files], Config(), RULES)) == folder
    assert _seen(lint([f"../infra/{name}" for name in files] + ["notes.txt"], Config(), RULES)) == folder
