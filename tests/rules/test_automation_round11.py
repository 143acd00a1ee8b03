"""MIG602's advice names the request the script's own API would send."""

from __future__ import annotations

from lint_support import lint_files

DEPLOY = """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet
sms = ServiceManagementService("sub", "cert.pem")
net = ConfigurationSet()
net.subnet_names.append("front")
sms.create_virtual_machine_deployment(
    "app", "app-dep", "production", "app", "app01", None, None, net, virtual_network_name="prod"
)
"""

MIGRATE = """\
import requests
SUB = "0000-sub"
BASE = "https://management.core.windows.net/%s/services/hostedservices/app/deployments/app-dep/migration" % SUB
for op in ("validate", "prepare", "commit"):
    requests.post(BASE + "?comp=" + op, data="", cert=("c", "k"))
"""


def test_a_service_in_a_network_moved_alone_is_told_the_network_migration_request(tmp_path, monkeypatch):
    files = {"deploy.py": DEPLOY, "migrate.py": MIGRATE}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG602").findings
    assert findings, "the cloud service in network 'prod' is moved on its own"
    for finding in findings:
        said = f"{finding.message} {finding.fix}"
        assert "POST .../services/networking/virtualnetwork/prod/migration?comp=Validate" in said
        assert "networking/prod/" not in said
