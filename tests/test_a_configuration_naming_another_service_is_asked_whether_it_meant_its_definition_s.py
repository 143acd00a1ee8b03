"""A service configuration whose serviceName is not the name of the service definition in its folder
(MIG003: packaging refuses the pair) is told what to do: rename serviceName to the definition's name, or
move the file to the folder of the service it is for; never "add the definition it refers to". A name one
slip of the keys away from the definition's (`cloud-ddd-cml` for `cloud-ddd-clm`) is asked about first."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CSDEF = """\
<ServiceDefinition name="cloud-ddd-clm" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" />
</ServiceDefinition>
"""
CSCFG = """\
<ServiceConfiguration serviceName="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="1" /></Role>
</ServiceConfiguration>
"""


def _help(tmp_path, monkeypatch, name: str) -> str:
    files = {"ServiceDefinition.csdef": CSDEF, "ServiceConfiguration.Cloud.cscfg": CSCFG.format(name=name)}
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG003").findings
    assert (
        f"names service '{name}', but the service definition in its folder is 'cloud-ddd-clm'"
        in finding.message
    )
    return finding.fix


@pytest.mark.parametrize("slip", ["cloud-ddd-cml", "cloud-dd-clm", "Cloud-DDD-clmx", "cloud-ddd-cim"])
def test_a_slip_of_the_keys_is_asked_about(tmp_path, monkeypatch, slip):
    fix = _help(tmp_path, monkeypatch, slip)
    assert fix.startswith(
        f"Did you mean 'cloud-ddd-clm'? Then rename serviceName '{slip}' to 'cloud-ddd-clm'"
    )
    assert "move it to the folder of that service's definition" in fix
    assert "add the definition" not in fix


def test_another_name_is_not_taken_for_a_slip(tmp_path, monkeypatch):
    fix = _help(tmp_path, monkeypatch, "billing")
    assert fix == (
        "Rename serviceName 'billing' to 'cloud-ddd-clm', the name of the service definition beside it, or, if "
        "the configuration is another service's, move it to the folder of that service's definition."
    )
