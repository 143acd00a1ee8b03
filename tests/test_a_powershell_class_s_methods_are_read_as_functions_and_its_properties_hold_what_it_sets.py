"""A PowerShell script that keeps its calls in a class (PowerShell 5+) is read as one that keeps them in
functions: a method the script calls runs at its call, one nothing calls is read as code that runs only
when something else calls it (`uncalled`), and MIG601 points at a call the script runs. A property of the
class holds what the class sets it to: one string set wherever it is set (a default, a constructor's `$this.
X = …`) is that string; several, one of them a URL on the Service Management API's host (a default `''` and
the constructor's `https://management.core.windows.net/…`), make a request sent to it one to the API, whose
path is not decided and is said not read, as the Python reader reads a class's attributes."""

from __future__ import annotations

from lint_support import lint_files, script_resources

from migcheck.model import REQUEST_ATTRIBUTE_UNDECIDED, UNCALLED_RUNS, Script, undecided_url

API = "https://management.core.windows.net/sub/services/hostedservices"

CLIENT = f"""\
class Client {{
    [string]$Url = DEFAULT
    Client() {{
        $this.Url = '{API}'
    }}
    [object] List() {{
        return Invoke-RestMethod -Uri $this.Url -Certificate $c
    }}
}}
[Client]::new().List()
"""

DEPLOYER = """\
class Deployer {
    [string]$Name
    Deployer([string]$name) { $this.Name = $name }
    [void] Deploy() {
        New-AzureService -ServiceName $this.Name -Location 'West US'
    }
    [void] Retire() {
        Remove-AzureService -ServiceName 'old' -Force
    }
}
[Deployer]::new('web').Deploy()
"""


def scripts(text: str) -> list[Script]:
    return [r for r in script_resources(text, "client.ps1") if isinstance(r, Script)]


def calls(text: str) -> list[tuple[str, int, str]]:
    return [(call.name, call.mark.line, call.runs) for script in scripts(text) for call in script.calls]


def undecided(text: str) -> list[int]:
    return [
        m.line
        for s in scripts(text)
        for m in s.unread
        if m.tag == REQUEST_ATTRIBUTE_UNDECIDED or undecided_url(m.tag)
    ]


def test_a_request_to_a_property_the_constructor_sets_to_the_api_is_a_classic_call():
    text = CLIENT.replace("DEFAULT", "''")
    assert calls(text) == [
        ("GET management.core.windows.net/<subscription-id>/services/hostedservices", 7, "")
    ]
    assert undecided(text) == [7]


def test_a_property_set_to_one_address_only_is_that_address():
    for text in (CLIENT.replace(" = DEFAULT", ""), CLIENT.replace("DEFAULT", f"'{API}'")):
        assert [name for name, _, _ in calls(text)] == [
            "GET management.core.windows.net/<subscription-id>/services/hostedservices"
        ]
        assert undecided(text) == []


def test_a_property_set_to_other_addresses_only_makes_no_classic_call():
    text = CLIENT.replace(API, "https://example.com/api").replace("DEFAULT", "''")
    assert calls(text) == []


def test_a_property_set_outside_the_class_too_is_not_taken_for_the_class_s():
    text = CLIENT.replace("DEFAULT", "''") + "$x = [Client]::new()\n$x.Url = 'https://example.com/'\n"
    assert calls(text) == []
    assert undecided(text.replace(" -Certificate $c", "")) == []
    # With a management certificate, the request to the address the script does not decide may still go
    # to the API: said, as any such request to a URL not stated is.
    assert undecided(text) == [7]


def test_a_method_nothing_calls_is_uncalled_and_one_called_runs():
    assert calls(DEPLOYER) == [("New-AzureService", 5, ""), ("Remove-AzureService", 8, UNCALLED_RUNS)]


def test_mig601_points_at_a_call_the_script_runs(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": DEPLOYER}, "MIG601", dedent=False)
    assert [(f.code, f.mark.line) for f in result.findings] == [("MIG601", 5)]


def test_a_property_the_class_gives_one_name_names_the_service(tmp_path, monkeypatch):
    text = (
        "class Releaser {\n    [string]$Service = 'illdemosvc'\n    [void] Publish() {\n"
        "        New-AzureDeployment -ServiceName $this.Service -Slot Production -Package .\\pkg.cspkg"
        " -Configuration .\\x.cscfg\n    }\n}\n[Releaser]::new().Publish()\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": text}, "MIG101", dedent=False)
    assert [f.message.split("'")[1] for f in result.findings if f.code == "MIG101"] == ["illdemosvc"]
