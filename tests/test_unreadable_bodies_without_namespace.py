"""A Service Management body saved without its namespace is told by its shape, which only parsing shows.
When it is not well-formed (an `i:type` whose prefix the cut-out body no longer declares), what libxml2
recovers of it tells its kind: a walk reports its syntax error (at the attribute `i:type`, whose prefix is
to declare or remove) instead of passing over it and the blockers it holds, and still passes over other
broken XML that happens to share a root name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migcheck.cli import main

ROLE = """<Role i:type="PersistentVMRole">
  <RoleName>vm1</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <ConfigurationSets><ConfigurationSet i:type="NetworkConfigurationSet"/></ConfigurationSets>
</Role>
"""
BUILD = """<Deployment i:type="Package">
  <Steps><Step name="copy"/></Steps>
</Deployment>
"""


def findings(folder: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str, int, int]]:
    main(["check", str(folder), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    return [(Path(f["path"]).name, f["code"], f["line"], f["column"]) for f in report]


def test_a_broken_body_of_a_services_shape_is_reported_in_a_walk(tmp_path, capsys):
    (tmp_path / "role.xml").write_text(ROLE)
    assert findings(tmp_path, capsys) == [("role.xml", "MIG001", 1, 7)]


def test_broken_xml_of_another_tool_with_the_same_root_name_is_passed_over(tmp_path, capsys):
    (tmp_path / "deploy.xml").write_text(BUILD)
    assert findings(tmp_path, capsys) == []


def test_a_broken_body_with_a_doctype_is_not_recovered(tmp_path, capsys):
    (tmp_path / "role.xml").write_text('<!DOCTYPE Role [<!ENTITY e "x">]>\n' + ROLE)
    assert findings(tmp_path, capsys) == []


def test_a_large_broken_body_is_told_by_its_head(tmp_path, capsys):
    """Only the head is recovered to tell the shape, so a large body costs no second tree."""
    filler = "".join(f"  <Note>{n}</Note>\n" for n in range(40_000))  # over 1 MB after the shape
    (tmp_path / "role.xml").write_text(ROLE.replace("</Role>", filler + "</Role>"))
    assert findings(tmp_path, capsys) == [("role.xml", "MIG001", 1, 7)]
