"""A POST to a deployment with `?comp=upgrade` (Upgrade Deployment), `?comp=config` or `?comp=status`, or to a
role instance with `?comp=reimage`, creates nothing, though a POST to `.../deploymentslots/<slot>` with no
`comp` creates a deployment: it manages the roles a classic cloud service runs, as the SDK's
`upgrade_deployment` does, so MIG601 says it fails today as such, and names the request with its `comp`."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SM = "https://management.core.windows.net/00000000-0000-0000-0000-000000000001/services"

PY = f"""\
import requests
S = '{SM}'
H = {{'x-ms-version': '2014-06-01'}}
C = ('c.pem', 'k.pem')
requests.post(S + 'PATH', data=open('body.xml').read(), headers=H, cert=C)
"""

MANAGING = [
    "/hostedservices/web-svc/deploymentslots/staging/?comp=upgrade",
    "/hostedservices/web-svc/deploymentslots/production/?comp=status",
    "/hostedservices/web-svc/deployments/web-dep/?comp=config",
    "/hostedservices/web-svc/deployments/web-dep?comp=walkupgradedomain",
    "/hostedservices/web-svc/deployments/web-dep/roleinstances/WebRole_IN_0?comp=reimage",
    "/hostedservices/web-svc",  # Swap Deployment
]


@pytest.mark.parametrize("path", MANAGING)
def test_a_python_request_that_manages_a_deployment_fails_today_as_managing_its_roles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"m.py": PY.replace("PATH", path)}, "MIG601")
    message = result.findings[0].message
    assert "create" not in message
    assert "its calls that manage a classic cloud service's deployed roles (POST " in message
    assert "fail today, since Cloud Services (classic) was retired" in message
    if "?" in path:
        assert path[path.index("?") :] + ")" in message


def test_a_powershell_upgrade_request_is_no_create(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = f"""\
    param([string]$Service = "web-svc")
    $h = @{{ 'x-ms-version' = '2014-06-01' }}
    Invoke-RestMethod -Method Post -Uri "{SM}/hostedservices/$Service/deploymentslots/staging/?comp=upgrade" -InFile .\\upgrade.xml -Certificate $cert -Headers $h
    """
    result = lint_files(tmp_path, monkeypatch, {"m.ps1": script}, "MIG601")
    message = result.findings[0].message
    assert "create" not in message
    assert "manage a classic cloud service's deployed roles (POST management.core.windows.net/" in message
    assert "/deploymentslots/staging/?comp=upgrade)" in message


def test_a_post_to_a_slot_with_no_comp_still_creates_a_deployment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"m.py": PY.replace("PATH", "/hostedservices/web-svc/deploymentslots/staging")}
    message = lint_files(tmp_path, monkeypatch, files, "MIG601").findings[0].message
    assert "its calls that create classic cloud services (POST " in message


def test_a_reboot_of_a_role_instance_is_not_said_to_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = "/hostedservices/web-svc/deployments/web-dep/roleinstances/vm1?comp=reboot"
    message = (
        lint_files(tmp_path, monkeypatch, {"m.py": PY.replace("PATH", path)}, "MIG601").findings[0].message
    )
    assert "fail today" not in message
    assert "?comp=reboot)" in message
