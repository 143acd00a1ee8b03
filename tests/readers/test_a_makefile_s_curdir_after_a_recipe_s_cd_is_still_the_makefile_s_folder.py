"""Make expands `$(CURDIR)` before the shell runs a recipe line, so after the line's `cd sub` it is still the
Makefile's folder, where the shell's `./` is `sub`: a script a recipe runs by `$(CURDIR)/create.sh` is the
one beside the Makefile, whatever folder the line moved to, and one run by `./create.sh` after `cd sub` is
`sub`'s. `$(CURDIR)` was a value not stated, so the script it named was not read as the recipe's."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

FILES = {
    "create.sh": "azure vm create shop img ops P@ss -n root-vm -w app-vnet -b web\n",
    "sub/create.sh": "azure vm create shop img ops P@ss -n sub-vm -w app-vnet -b web\n",
}
USES = "Makefile 'Makefile' uses the classic Azure CLI in asm mode"


def _makefile_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recipe: str) -> list[str]:
    files = {**FILES, "Makefile": f"deploy:\n\t{recipe}\n"}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    return [
        f"{place} {finding.message.partition(': its')[0]}"
        for place, finding in zip(where(result.findings), result.findings, strict=True)
        if finding.message.startswith(USES)
    ]


@pytest.mark.parametrize(
    "recipe",
    [
        "cd sub && bash $(CURDIR)/create.sh",
        'cd sub; bash "$(CURDIR)/create.sh"',
        "(cd sub && ${CURDIR}/create.sh)",
        "cd sub/.. && cd sub && bash $(CURDIR)/create.sh",
    ],
)
def test_curdir_after_cd_names_the_makefile_s_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recipe: str
) -> None:
    assert _makefile_findings(tmp_path, monkeypatch, recipe) == [
        f"MIG601 create.sh:1:1 {USES} (in create.sh: azure vm create)"
    ]


def test_a_relative_path_after_cd_names_the_shell_s_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _makefile_findings(tmp_path, monkeypatch, "cd sub && bash ./create.sh") == [
        f"MIG601 sub/create.sh:1:1 {USES} (in sub/create.sh: azure vm create)"
    ]


def test_curdir_before_any_cd_and_in_cd_s_own_folder_name_the_makefile_s_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recipe = "bash $(CURDIR)/create.sh && cd $(CURDIR)/sub && bash ./create.sh"
    assert _makefile_findings(tmp_path, monkeypatch, recipe) == [
        f"MIG601 create.sh:1:1 {USES} (in create.sh: azure vm create; in sub/create.sh: azure vm create)"
    ]


def test_curdir_after_a_cd_to_a_folder_not_stated_is_not_stated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _makefile_findings(tmp_path, monkeypatch, "cd $(DIR) && bash $(CURDIR)/create.sh") == []
