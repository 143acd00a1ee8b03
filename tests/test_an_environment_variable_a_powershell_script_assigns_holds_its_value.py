"""An environment variable a PowerShell script assigns (`$env:SERVICE_NAME = 'web'`) holds that value where
the script reads it after, in any case (Windows' environment variables are one in any case); one it does
not assign is the environment's, a value the script does not state."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import ServiceRegion


def _services(result, name: str) -> list[tuple[str, str]]:
    document = next(d for d in result.documents if d.path == name)
    return [(r.service, r.location) for r in document.resources if isinstance(r, ServiceRegion)]


def test_an_environment_variable_a_powershell_script_assigns_holds_its_value(tmp_path, monkeypatch):
    script = """\
        $env:SERVICE_NAME = 'pssvc'
        New-AzureService -ServiceName $env:Service_Name -Location 'West US'
        New-AzureService -ServiceName $env:UNSET_NAME -Location 'West US'
        """
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG601")
    services = _services(result, "deploy.ps1")
    assert services[0] == ("pssvc", "West US")
    assert services[1][0] != "pssvc"
