"""MIG208 quotes what a file says of a VM's state, its extensions' handler status and its guest agent: a
value of any length a file writes is cut in the message, as every other name a message quotes is, so that a
100,000-character state does not make a 100,000-character finding in every report."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

LONG = "Provisioning" + "X" * 100_000


def _deployment(instance: str) -> str:
    return (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <Name>app</Name>\n"
        "  <RoleInstanceList><RoleInstance>\n"
        "    <RoleName>app01</RoleName><InstanceName>app01</InstanceName>\n"
        f"    {instance}\n"
        "  </RoleInstance></RoleInstanceList>\n"
        "  <RoleList><Role><RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>\n"
        "    <ResourceExtensionReferences><ResourceExtensionReference><Publisher>Microsoft.Compute</Publisher>"
        "<Name>CustomScriptExtension</Name><Version>1.*</Version></ResourceExtensionReference>"
        "</ResourceExtensionReferences>\n"
        "  </Role></RoleList>\n"
        "</Deployment>\n"
    )


@pytest.mark.parametrize(
    "instance",
    [
        f"<InstanceStatus>{LONG}</InstanceStatus>",
        "<InstanceStatus>ReadyRole</InstanceStatus>"
        f"<GuestAgentStatus><Status>{LONG}</Status></GuestAgentStatus>",
        "<InstanceStatus>ReadyRole</InstanceStatus><GuestAgentStatus><Status>Ready</Status></GuestAgentStatus>"
        "<ResourceExtensionStatusList><ResourceExtensionStatus><HandlerName>Microsoft.Compute."
        f"CustomScriptExtension</HandlerName><Status>{LONG}</Status></ResourceExtensionStatus>"
        "</ResourceExtensionStatusList>",
    ],
    ids=["state", "guest agent", "handler status"],
)
def test_a_long_value_is_cut_in_the_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, instance: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"app.xml": _deployment(instance)}, "MIG208", dedent=False)
    [finding] = result.findings
    assert "ProvisioningXXX" in finding.message
    assert len(finding.message) < 1_000
