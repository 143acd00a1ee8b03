"""A file past the size limit is named by its kind in its finding: a Terraform file (.tf, .tf.json,
.tfvars) was called a shell script, and a Bicep file a classic file, since their records share those
kinds; a graphical runbook was called a PowerShell script."""

from __future__ import annotations

import pytest

from migcheck.formats import SCRIPT_BYTES
from migcheck.readers import MAX_FILE_BYTES, read_document


@pytest.mark.parametrize(
    ("name", "line", "limit", "called"),
    [
        ("main.tf", b'locals {\n  x = "a"\n}\n', SCRIPT_BYTES, "Terraform files"),
        ("main.tf.json", b'{"locals": {"x": "a"}}\n', SCRIPT_BYTES, "Terraform files"),
        ("prod.tfvars", b'x = "a"\n', SCRIPT_BYTES, "Terraform files"),
        ("main.bicep", b"param x string = 'a'\n", SCRIPT_BYTES, "Bicep files"),
        ("flow.graphrunbook", b"{}\n", MAX_FILE_BYTES, "graphical runbooks"),
    ],
)
def test_a_file_past_the_limit_is_called_by_its_kind(name, line, limit, called):
    data = line * (limit // len(line) + 1)
    document = read_document(name, data, explicit=True)
    assert document is not None and document.problem is not None
    message = document.problem.message
    size = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"
    assert message.startswith(f"file is larger than {size}; migcheck reads {called} up to {size}: none of")
