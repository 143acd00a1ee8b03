"""A here-document inside a compound command opened and closed on its line (`if ...; then cat <<A; fi`,
`{ cat <<A; }`) is read as bash reads it wherever it is in the script: below a here-document the grammar
reads well (`cat <<A` on a line of its own), or below another such compound. The grammar's error then starts
at the script's first here-document, whose line was taken for the one to read apart, so the script was
MIG001 (cannot be parsed) and nothing of it was read, where bash runs it."""

from __future__ import annotations

import pytest

from tests.lint_support import lint_files, where

ABOVE = {
    "a plain here-document": "cat <<A\nx\nA\n",
    "a compound's here-document": "if true; then cat <<A; fi\nx\nA\n",
    "a braced here-document": "{ cat <<A; }\nx\nA\n",
}


@pytest.mark.parametrize("above", list(ABOVE))
def test_the_compound_s_here_document_below_is_read(tmp_path, monkeypatch, above):
    script = (
        ABOVE[above]
        + "{ cat <<B; }\n"
        + "y\n"
        + "B\n"
        + "azure vm create web img u p --vm-name web1 --virtual-network-name net1 --location 'West US'\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG001", "MIG203", dedent=False)
    assert where(result.findings) == ["MIG203 deploy.sh:7:1"]
    assert "VM 'web1' of cloud service 'web' is in virtual network 'net1' but has no subnet" in (
        result.findings[0].message
    )
