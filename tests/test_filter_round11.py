"""A suppression comment that silences nothing says where the rule it names is reported in the file."""

from __future__ import annotations

from lint_support import lint_files

SCRIPT = """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet
sms = ServiceManagementService("sub", "cert.pem")
net = ConfigurationSet()
net.subnet_names.append("App")
net.subnet_names.append("Data")
# migcheck: ignore[{token}] the second NIC goes before Prepare
sms.create_virtual_machine_deployment(
    "svc", "svc", "production", "vm1", "vm1", None, None, net, virtual_network_name="prod"
)
"""


def _unused(tmp_path, monkeypatch, token: str) -> str:
    result = lint_files(tmp_path, monkeypatch, {"a.py": SCRIPT.format(token=token)}, "MIG202", "MIG006")
    [finding] = [f for f in result.findings if f.code == "MIG006"]
    return finding.message


def test_a_comment_before_the_wrong_line_is_told_where_its_rule_is_reported(tmp_path, monkeypatch):
    message = _unused(tmp_path, monkeypatch, "MIG202")
    assert message.endswith(
        "; MIG202 is reported at line 5 of this file: a comment covers only the element or statement that "
        "follows it"
    )


def test_the_rule_may_be_named_by_its_name(tmp_path, monkeypatch):
    assert "; MIG202 is reported at line 5" in _unused(tmp_path, monkeypatch, "multiple-subnets")


def test_no_hint_for_a_rule_the_file_does_not_report(tmp_path, monkeypatch):
    files = {"a.py": SCRIPT.format(token="MIG201")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", "MIG202", "MIG006")
    [finding] = [f for f in result.findings if f.code == "MIG006"]
    assert finding.message == "`ignore[MIG201]` silences nothing: no finding it names is in its scope"
