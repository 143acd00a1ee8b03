"""An XML format's reader is imported when the first file of its kind is read: a check of one script (a
pre-commit hook, an editor on save) imports none, and a check of one service configuration imports its own
reader only. Counted in a fresh interpreter rather than timed."""

from __future__ import annotations

from pathlib import Path

from migcheck.formats import FORMATS
from tests.test_startup import imported

XML_READERS = {f.module for f in FORMATS if f.xml}

CONFIGURATION = """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2"/></Role>
</ServiceConfiguration>
"""


def test_a_check_of_one_script_imports_no_xml_reader(tmp_path: Path) -> None:
    script = tmp_path / "deploy.ps1"
    script.write_text("Stop-AzureVM -ServiceName shop -Name web1\n")
    modules = imported(tmp_path, "check", str(script))
    assert "migcheck.readers.powershell" in modules  # it was read
    assert not modules & XML_READERS


def test_a_check_of_one_service_configuration_imports_its_own_reader_only(tmp_path: Path) -> None:
    configuration = tmp_path / "ServiceConfiguration.cscfg"
    configuration.write_text(CONFIGURATION)
    modules = imported(tmp_path, "check", str(configuration))
    assert modules & XML_READERS == {"migcheck.readers.cscfg"}
