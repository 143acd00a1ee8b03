"""A Bicep file is read once with each `.bicepparam` file whose `using` names it, each a deployment of its
own: a pull request adding thousands of them to a large Bicep file made its reading cost the file's size
times their number (200 resources and 200 files cost 3.6 times 100 and 100). The first
`bicep.PARAMETER_FILES_READ` files (in the order of their paths) are read; the rest are not, said once at the
first of them (`bicepparam-files-cut`)."""

from __future__ import annotations

from pathlib import Path

from growth import assert_linear

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import BICEPPARAM_FILES_CUT
from migcheck.plugins import load_rules
from migcheck.readers.bicep import PARAMETER_FILES_READ
from migcheck.report.unread import in_documents

RULES = load_rules()


def _write(folder: Path, resources: int, files: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    declared = "".join(
        f"resource vm{i} 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' = {{\n"
        f"  name: '${{name}}{i}'\n  location: 'westeurope'\n"
        f"  properties: {{\n    domainName: {{\n      name: '${{name}}svc'\n    }}\n  }}\n}}\n"
        for i in range(resources)
    )
    (folder / "main.bicep").write_text("param name string = 'svc'\n" + declared, encoding="utf-8")
    for j in range(files):
        (folder / f"p{j:05}.bicepparam").write_text(
            f"using 'main.bicep'\nparam name = 'v{j}-'\n", encoding="utf-8"
        )


def _lint(folder: Path):
    return lint([str(folder)], Config(), RULES)


def test_the_files_past_the_bound_are_not_read_and_said_so_once(tmp_path: Path):
    _write(tmp_path, 1, PARAMETER_FILES_READ + 3)
    result = _lint(tmp_path)
    said = repr([document.resources for document in result.documents])
    assert f"'v{PARAMETER_FILES_READ - 1}-0'" in said and f"'v{PARAMETER_FILES_READ}-0'" not in said
    marks = [(Path(m.path).name, m.line, m.tag) for p in in_documents(result.documents) for m in p.marks]
    assert marks == [(f"p{PARAMETER_FILES_READ:05}.bicepparam", 1, BICEPPARAM_FILES_CUT)]


def test_a_bound_number_of_files_is_said_nothing_of(tmp_path: Path):
    _write(tmp_path, 1, PARAMETER_FILES_READ)
    assert [m for p in in_documents(_lint(tmp_path).documents) for m in p.marks] == []


def test_reading_grows_linearly_with_resources_and_parameters_files_both_doubled(tmp_path: Path):
    def make(n: int):
        folder = tmp_path / str(n)
        _write(folder, n, n)
        return lambda: _lint(folder)

    # From the bound on: n resources read with all n files, then 2n resources with the first n of 2n files,
    # twice the cost where the bound holds; four times where it does not (seven, measured, with the
    # bound lifted), as at twice the sizes, for half what those cost.
    assert_linear(make, PARAMETER_FILES_READ)
