"""Most estates hold cloud service packages, exported VMs and network configurations, and no script: the
rules about scripts do not walk their services, VMs and files for what a script does (the cloud services a
script's classic calls query, the files each script is read from, the monitoring extensions a script
removes), where a check of 4,000 such files made every index anyway. A script among them is still looked
at for each."""

from __future__ import annotations

from pathlib import Path

from lint_support import WEB_ROLE_PACKAGE, lint_files

from migcheck.rules import automation, extensions

# An exported VM with extensions (the BGInfo and VM Access agents).
VM_EXPORT = Path(__file__).parent.parent / "examples" / "ready" / "app-vms" / "northwind-app01.xml"
SCRIPT = """\
Select-AzureSubscription -SubscriptionName "prod"
New-AzureService -ServiceName "shop" -Location "West Europe"
"""


def _refused(*args, **kwargs):
    raise AssertionError("walked for what no script does")


def test_packages_alone_are_not_walked_for_scripts(tmp_path, monkeypatch):
    for module, name in (
        (automation, "_queried_services"),
        (automation, "_expressroute_gateway_creates"),
        (automation, "_script_files"),
        (extensions, "key"),
    ):
        monkeypatch.setattr(module, name, _refused)
    files = {**WEB_ROLE_PACKAGE, "vms/app01.xml": VM_EXPORT.read_text(encoding="utf-8")}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert "MIG101" in {f.code for f in result.findings}
    assert result.estates[0].installed_extensions()  # a VM with extensions was looked at


def test_a_script_among_them_is_walked_for_what_it_does(tmp_path, monkeypatch):
    files = {**WEB_ROLE_PACKAGE, "deploy.ps1": SCRIPT}
    result = lint_files(tmp_path, monkeypatch, files)
    assert "MIG601" in {f.code for f in result.findings}
