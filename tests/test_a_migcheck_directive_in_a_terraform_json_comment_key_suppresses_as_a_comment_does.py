"""Terraform's JSON syntax has no comments but a `"//"` key, whose string Terraform ignores: a `migcheck:
ignore[...]` there was passed over, so a `.tf.json` file had no way to hold back a finding. A `"//"` key
of a block's object holds a directive that covers the block, all it holds, as a comment above the block
does in `.tf`; one of the file's object covers the file with `ignore-file`. One that silences nothing is
MIG006, at its string."""

from __future__ import annotations

import json

from lint_support import lint_files, where


def _vm(name: str, comment: str = "") -> dict[str, object]:
    body: dict[str, object] = {"//": comment} if comment else {}
    body |= {"name": name, "image": "Ubuntu", "size": "Basic_A1", "location": "West US"}
    return body | {"storage_service_name": "shopstore", "username": "ops", "password": "x"}


def _config(vms: dict[str, dict[str, object]], **top: object) -> str:
    return json.dumps({**top, "resource": {"azure_instance": vms}}, indent=2) + "\n"


def _findings(tmp_path, monkeypatch, text: str) -> tuple[list[str], int]:
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": text}, "MIG105", "MIG006", dedent=False)
    return where(result.findings), len(result.suppressed)


def test_a_directive_in_a_block_s_comment_key_covers_that_block_only(tmp_path, monkeypatch):
    text = _config(
        {"web": _vm("web", "migcheck: ignore[MIG105] rebuilt in a network first"), "api": _vm("api")}
    )
    found, suppressed = _findings(tmp_path, monkeypatch, text)
    assert found == ["MIG105 main.tf.json:14:7"] and suppressed == 1  # api's, not web's


def test_ignore_file_in_the_file_s_comment_key_covers_the_file(tmp_path, monkeypatch):
    text = _config(
        {"web": _vm("web"), "api": _vm("api")}, **{"//": "migcheck: ignore-file[MIG105] all rebuilt"}
    )
    assert _findings(tmp_path, monkeypatch, text) == ([], 2)


def test_a_directive_that_silences_nothing_is_said_at_its_string(tmp_path, monkeypatch):
    text = _config({"web": _vm("web", "migcheck: ignore[MIG201] no ACL here")})
    found, _ = _findings(tmp_path, monkeypatch, text)
    assert "MIG006 main.tf.json:5:15" in found
