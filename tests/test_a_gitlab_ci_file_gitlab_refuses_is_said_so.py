"""GitLab CI refuses a whole `.gitlab-ci.yml` whose list of commands holds a mapping (an unquoted command with
`: ` in it, which YAML reads as a key and its value): no job of it runs. MIG001 says so at that item, with
how to write the command, where the other items were read and "All clear" said. Quoted, the command is read."""

from __future__ import annotations

from lint_support import lint_files

PIPELINE = """\
migrate:
  script:
    - azure config mode asm
    - azure network vnet validate-migration hub-vnet
    - {command}
    - azure network vnet prepare-migration hub-vnet
"""
COMMIT = (
    'curl -sf -X POST --cert mgmt.pem -H "x-ms-version: 2016-03-01" '
    '"https://management.core.windows.net/1111/services/networking/virtualnetwork/hub-vnet/migration?comp=Commit"'
)


def test_a_command_yaml_reads_as_a_mapping_is_mig001_at_it(tmp_path, monkeypatch):
    pipeline = PIPELINE.format(command=COMMIT)
    result = lint_files(tmp_path, monkeypatch, {".gitlab-ci.yml": pipeline}, "MIG001", "MIG602", dedent=False)
    assert [(f.code, f.location.line, f.location.column) for f in result.findings if f.location] == [
        ("MIG001", 5, 7)
    ]
    assert result.findings[0].message.startswith("GitLab refuses this file")
    assert "Quote the whole command" in (result.findings[0].fix or "")


def test_the_command_quoted_is_read(tmp_path, monkeypatch):
    pipeline = PIPELINE.format(command="'" + COMMIT + "'")
    result = lint_files(tmp_path, monkeypatch, {".gitlab-ci.yml": pipeline}, "MIG001", "MIG602", dedent=False)
    assert [f.code for f in result.findings] == ["MIG602"]
