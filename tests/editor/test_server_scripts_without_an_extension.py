"""The language server reads a buffer whose file has no extension as a run reads the saved file: by the
script reader its `#!` line names (shell, Python, PowerShell), and not at all otherwise. Its suppression
comments are the script's, and its lines are counted as that reader counts them."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from lsprotocol import types as lsp
from pygls.workspace import TextDocument
from test_server import LspClient, open_document
from test_suppression_edits import POWERSHELL, PYTHON, _suppressed_each_in_turn

from migcheck.server import _buffer_source, _suppress_action

CLASSIC_PYTHON = """\
#!/usr/bin/env python
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("subscription", "certificate.pem")
sms.create_virtual_network_site("shop")
"""


def test_a_python_script_with_no_extension_is_linted_in_the_editor(client: LspClient, workspace: Path):
    makefile = (workspace / "LICENSE").as_uri()  # no script, nor a Makefile (read by its name)
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": makefile, "languageId": "plaintext", "version": 1, "text": "all:\n"}},
    )
    uri = (workspace / "azure-coreos-cluster").as_uri()
    diagnostics = open_document(client, uri, CLASSIC_PYTHON)
    assert "MIG601" in [d["code"] for d in diagnostics]
    published = [m for m in client.notifications if m.get("method") == "textDocument/publishDiagnostics"]
    assert makefile not in [m["params"]["uri"] for m in published]


@pytest.mark.parametrize(
    ("head", "source"),
    [("#!/usr/bin/env python3\n", PYTHON), ("#!/usr/bin/env pwsh\n", POWERSHELL)],
)
def test_a_finding_in_a_script_with_no_extension_is_suppressed_as_in_its_language(tmp_path, head, source):
    written = _suppressed_each_in_turn(tmp_path / "deploy", head + source)
    assert "    # migcheck: ignore[MIG202] reason\n" in written


@pytest.mark.parametrize(
    ("name", "text", "offered"),
    [
        ("deploy", "#!/usr/bin/env python\nx\n", True),
        ("deploy", "#!/usr/bin/pwsh -File\nx\n", True),
        ("deploy", "#!/bin/bash\nx\n", True),
        ("Makefile", "all:\n", True),  # read by its name: its `#` comments suppress
        ("LICENSE", "all:\n", False),
        ("tool", "#!/usr/bin/env python\n\x00\n", False),
    ],
)
def test_a_suppression_is_offered_in_a_script_with_no_extension(name, text, offered):
    document = TextDocument(f"file:///project/{name}", text)
    diagnostic = lsp.Diagnostic(
        range=lsp.Range(start=lsp.Position(1, 0), end=lsp.Position(1, 1)), message="m", code="MIG202"
    )
    action = _suppress_action(document, diagnostic)
    assert (action is not None and action.title == "Suppress MIG202 on this statement") is offered


@pytest.mark.parametrize(
    ("head", "every_ending"),
    [("#!/usr/bin/env python\n", True), ("#!/usr/bin/env pwsh\n", True), ("#!/bin/sh\n", False)],
)
def test_lines_are_counted_as_the_script_s_reader_counts_them(head, every_ending):
    source = _buffer_source("/project/deploy", head + "a\rb\n")
    assert source._every_ending is every_ending  # how the marks of the lint of the saved file count lines


CLASSIC_DOCKERFILE = """\
FROM ubuntu:22.04
RUN azure config mode asm && azure network vnet create shop -l "West Europe"
"""


def test_a_dockerfile_named_by_how_its_name_starts_is_linted_in_the_editor(
    client: LspClient, workspace: Path
):
    """`Dockerfile.prod` has no suffix the reader is chosen by: its name's start says it is a Dockerfile, as
    in a run."""
    uri = (workspace / "Dockerfile.prod").as_uri()
    diagnostics = open_document(client, uri, CLASSIC_DOCKERFILE)
    assert "MIG601" in [d["code"] for d in diagnostics]
