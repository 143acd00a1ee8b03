"""A deployment template edited in the editor, or changed on disk, moves a package in or out of the classic
estate: the server's diagnostics follow, as a lint from scratch gives them, though it keeps each folder's
joined cloud services (`LinkMemo`) and each service's findings between lints."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from test_incremental import PROJECT, _diagnostics, _from_scratch, write

from migcheck.server import MigcheckServer, _project

TEMPLATE = "net/shop/azuredeploy.json"
CSDEF = "net/shop/ServiceDefinition.csdef"


def _codes_and_messages(diagnostics: list) -> list[tuple[str, str]]:
    return [(str(d.code), d.message) for d in diagnostics]


@pytest.mark.parametrize("watching", [True, False])
def test_a_template_edited_then_saved_moves_the_package_in_and_out_of_the_classic_estate(
    tmp_path: Path, watching: bool
):
    for relative, versions in PROJECT.items():
        write(tmp_path, relative, versions[0])
    server = MigcheckServer()
    server.watching = watching
    config, context = _project(str(tmp_path), str(tmp_path))
    server.lint(context, config, None, None, walked=True)
    csdef = (tmp_path / CSDEF).read_text()
    classic = _diagnostics(server, tmp_path, CSDEF, csdef)
    assert "is deployed as Cloud Services (extended support)" not in str(_codes_and_messages(classic))

    seen = []
    # By its folder; naming no service of the files, beside the package (the resource's name need not be
    # the definition's); of a storage account; by its folder.
    for version in (1, 2, 3, 1):
        text = PROJECT[TEMPLATE][version]
        assert text is not None
        assert _diagnostics(server, tmp_path, TEMPLATE, text) == _from_scratch(tmp_path, TEMPLATE, text)
        write(tmp_path, TEMPLATE, text)
        server.changed_on_disk([str(tmp_path / TEMPLATE)], walk_again=True)
        diagnostics = _diagnostics(server, tmp_path, CSDEF, csdef)
        assert diagnostics == _from_scratch(tmp_path, CSDEF, csdef), version
        seen.append(any("extended support), not" in d.message for d in diagnostics))
    assert seen == [True, True, False, True]
