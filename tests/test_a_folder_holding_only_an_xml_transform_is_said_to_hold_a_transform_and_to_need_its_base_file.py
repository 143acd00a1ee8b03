"""A folder whose only classic-looking file is an XML document transform (`ServiceConfiguration.Release.cscfg`
with `xdt:Transform`, its base file elsewhere) was warned to hold "no classic Azure files", as if the .cscfg
had not been looked at. The warning now names the transform, says what it is, and names the base file a
check needs."""

from __future__ import annotations

from migcheck.cli import main

TRANSFORM = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform"
    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WebRole1" xdt:Transform="Replace" xdt:Locator="Match(name)">
    <Instances count="2" />
  </Role>
</ServiceConfiguration>
"""
BASE = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="shop"
    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WebRole1"><Instances count="1" /></Role>
</ServiceConfiguration>
"""


def _warning(tmp_path, monkeypatch, capsys) -> str:
    monkeypatch.chdir(tmp_path)
    assert main(["check", "deploy"]) == 0
    return capsys.readouterr().err


def test_a_lone_transform_is_named_with_the_base_file_it_needs(tmp_path, monkeypatch, capsys):
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "ServiceConfiguration.Release.cscfg").write_text(TRANSFORM, encoding="utf-8")
    err = _warning(tmp_path, monkeypatch, capsys)
    assert "no classic Azure files under deploy: deploy/ServiceConfiguration.Release.cscfg is an XML" in err
    assert "document transform (xdt:Transform)" in err
    assert "a base file such as ServiceConfiguration.cscfg" in err


def test_transforms_are_counted_when_there_are_several(tmp_path, monkeypatch, capsys):
    (tmp_path / "deploy").mkdir()
    for name in ("ServiceConfiguration.Release.cscfg", "ServiceConfiguration.Debug.cscfg"):
        (tmp_path / "deploy" / name).write_text(TRANSFORM, encoding="utf-8")
    err = _warning(tmp_path, monkeypatch, capsys)
    assert "and 1 more are XML document transforms" in err


def test_a_folder_with_its_base_file_is_checked_and_not_warned_about(tmp_path, monkeypatch, capsys):
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "ServiceConfiguration.Release.cscfg").write_text(TRANSFORM, encoding="utf-8")
    (tmp_path / "deploy" / "ServiceConfiguration.cscfg").write_text(BASE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "deploy"])
    assert "transform" not in capsys.readouterr().err


def test_a_transform_named_alone_is_not_named_twice(tmp_path, monkeypatch, capsys):
    (tmp_path / "ServiceConfiguration.Release.cscfg").write_text(TRANSFORM, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "ServiceConfiguration.Release.cscfg"]) == 0
    err = capsys.readouterr().err
    assert (
        "ServiceConfiguration.Release.cscfg is no classic Azure file: it is an XML document transform" in err
    )
