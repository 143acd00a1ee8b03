"""A Terraform configuration's own modules are each listed from their folder alone: each module's files were
listed from every file under its folder, at any depth, and those directly in it kept, so that a chain of
folders each calling the one below it (`./m`) cost the square of the folders and more (120 folders 10.8 s,
240 folders 61 s)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from growth import assert_linear

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules

RULES = load_rules()


def _lint(folder: Path):
    return lint([str(folder)], Config(), RULES)


def _chain(folder: Path, count: int) -> None:
    """`count` folders, each a module calling the one in the folder below it and declaring a classic VM."""
    module = folder
    for i in range(count):
        module.mkdir(parents=True)
        (module / "main.tf").write_text(
            f'module "below" {{\n  source = "./m"\n}}\nresource "azure_instance" "vm" {{\n  name = "vm{i}"\n}}\n',
            encoding="utf-8",
        )
        module = module / "m"


def test_reading_grows_linearly_with_the_folders_of_the_chain(tmp_path: Path):
    def make(n: int) -> Callable[[], object]:
        folder = tmp_path / str(n)
        _chain(folder, n)
        first = next(d for d in _lint(folder).documents if d.path.endswith(f"{n}/main.tf"))
        assert "'vm8'" in repr(first.resources)  # read with the modules below it, as deep as followed
        return lambda: _lint(folder)

    assert_linear(make, 60)
