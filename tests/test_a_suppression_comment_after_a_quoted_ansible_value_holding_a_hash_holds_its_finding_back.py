"""`# migcheck: ignore[...]` at the end of a playbook's line whose quoted value holds a `#` of its own
(`shell: "azure vm create ... # web tier"  # migcheck: ignore[MIG105] ...`) was missed: the comment was taken
to start at the first `#` on the line, inside the value. Where the YAML on a line ends is now taken from
the YAML scanner's tokens, and a `# migcheck:` line inside a quoted value written over several lines is
part of the value, not a comment."""

from __future__ import annotations

from lint_support import lint_files, where

PLAYBOOK = """\
- hosts: localhost
  tasks:
    - shell: "azure vm create shop img u p -n web1 -l 'North Europe' # web tier"  # migcheck: ignore[MIG105] one VM, downtime agreed
"""


def test_the_comment_after_the_quoted_value_holds_the_finding_back(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"site.yml": PLAYBOOK}, "MIG105")
    assert where(result.findings) == []
    assert [s.finding.code for s in result.suppressed] == ["MIG105"]


def test_a_hash_line_inside_a_quoted_value_is_no_comment(tmp_path, monkeypatch):
    playbook = """\
    - hosts: localhost
      tasks:
        - shell: "azure vm create shop img u p -n web1 -l 'North Europe'
            # migcheck: ignore[MIG105] text of the value"
    """
    result = lint_files(tmp_path, monkeypatch, {"site.yml": playbook}, "MIG105", "MIG005", "MIG006")
    assert [f.code for f in result.findings] == ["MIG105"]
