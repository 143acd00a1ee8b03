"""An XML document transform (XDT) of a classic file is the set of edits a build applies to the real one: a NuGet
package ships `ServiceDefinition.csdef.xdt.xml` and `ServiceConfiguration.cscfg.xdt.xml` that insert its role's
startup task and settings into the project's files, a build step keeps `ServiceConfiguration.Release.cscfg` beside
the file it rewrites. Its elements are the real file's (`<x:WebRole>`, `<x:Role>`) with `xdt:Transform` and
`xdt:Locator` on them, and no name of their own: it describes no cloud service, where it was read as one named
after its folder, with a web role of no name (MIG101). It is read as a file that holds nothing classic, met
in a walk or named (`--verbose` lists it so; the summary does not count it); the real file beside it is read as
before."""

from __future__ import annotations

from lint_support import RULES, lint_files, where

from migcheck.config import Config
from migcheck.engine import lint

DEFINITION_TRANSFORM = """\
<?xml version="1.0" encoding="utf-8"?>
<x:ServiceDefinition xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform" xmlns:x="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <x:WebRole>
    <x:Runtime executionContext="elevated" xdt:Transform="SetAttributes" />
    <x:LocalResources xdt:Transform="InsertIfMissing" />
    <x:ConfigurationSettings>
      <x:Setting name="AgentServer" xdt:Transform="InsertIfMissing" xdt:Locator="Match(name)" />
    </x:ConfigurationSettings>
  </x:WebRole>
</x:ServiceDefinition>
"""

CONFIGURATION_TRANSFORM = """\
<?xml version="1.0" encoding="utf-8"?>
<x:ServiceConfiguration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform" xmlns:x="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration" osFamily="3" xdt:Transform="SetAttributes">
  <x:Role>
    <x:ConfigurationSettings>
      <x:Setting name="AgentServer" value="http://AGENT/" xdt:Transform="InsertIfMissing" xdt:Locator="Match(name)" />
    </x:ConfigurationSettings>
  </x:Role>
</x:ServiceConfiguration>
"""

DEFINITION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="Farm" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small">
    <Endpoints>
      <InputEndpoint name="HttpIn" protocol="http" port="80" />
    </Endpoints>
  </WebRole>
</ServiceDefinition>
"""


def test_transforms_met_in_a_walk_describe_nothing_beside_the_file_they_edit(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "Tools/ServiceDefinition.csdef.xdt.xml": DEFINITION_TRANSFORM,
            "Tools/ServiceConfiguration.cscfg.xdt.xml": CONFIGURATION_TRANSFORM,
            "Farm/ServiceDefinition.csdef": DEFINITION,
        },
        dedent=False,
    )
    assert where(result.findings) == ["MIG101 Farm/ServiceDefinition.csdef:3:3"]
    transforms = [d for d in result.documents if d.path.startswith("Tools/")]
    assert sorted((d.path, d.kind, d.resources, d.problem) for d in transforms) == [
        ("Tools/ServiceConfiguration.cscfg.xdt.xml", None, (), None),
        ("Tools/ServiceDefinition.csdef.xdt.xml", None, (), None),
    ]
    # read, and left out of the summary's count as the files that hold nothing classic are
    assert result.read == 3
    assert [d.path for d in result.described] == ["Farm/ServiceDefinition.csdef"]


def test_a_transform_with_the_extension_of_the_file_it_edits_describes_nothing_when_named(
    tmp_path, monkeypatch
):
    (tmp_path / "ServiceDefinition.Release.csdef").write_text(DEFINITION_TRANSFORM, encoding="utf-8")
    (tmp_path / "ServiceConfiguration.Release.cscfg").write_text(CONFIGURATION_TRANSFORM, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    names = ["ServiceDefinition.Release.csdef", "ServiceConfiguration.Release.cscfg"]
    result = lint(names, Config(), RULES)
    assert result.findings == []
    assert result.described == ()
    assert sorted((d.path, d.resources, d.problem) for d in result.documents) == sorted(
        (n, (), None) for n in names
    )


def test_a_transform_that_replaces_the_whole_file_is_read_as_the_file_the_build_writes(tmp_path, monkeypatch):
    replacing = DEFINITION.replace(
        'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"',
        'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition" '
        'xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform" xdt:Transform="Replace"',
    )
    result = lint_files(tmp_path, monkeypatch, {"ServiceDefinition.Release.csdef": replacing}, dedent=False)
    assert where(result.findings) == ["MIG101 ServiceDefinition.Release.csdef:3:3"]
