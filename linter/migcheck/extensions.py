"""What the platform's documents say about VM extensions by publisher and name: which are the XML (1.*-era)
extensions the migration does not carry over, which is Azure Backup's snapshot extension, which is the
monitoring extension of Microsoft Defender for Cloud, and which is Azure Site Recovery's. Domain knowledge
only: the model's `Extension` predicates use it, and rules ask the model.

Where each name comes from (docs/rules.md, MIG204 and MIG209, say the same for users):

- The migration overview (2017, 2018 and 2023) names the XML extensions only by family: "BGInfo 1.*, Visual
  Studio Debugger, Web Deploy, and Remote Debugging". The planning guide adds that BGInfo v1 is the XML one
  and v2 a JSON extension that migrates.
- BGInfo 1.*: publisher `Microsoft.Compute`, name `BGInfo`, major version 1 (`1.*`, `1.0`, `1`).
- Visual Studio Debugger: `VS2012Debugger`, `VS2013Debugger`, `VS14CTPDebugger`, `VS2015Debugger`
  (Azure PowerShell's classic module, ../shared/research/AUTOMATION.md), published as
  `Microsoft.VisualStudio.Azure.RemoteDebug`; earlier SDKs used other publishers, so the name decides.
- Remote Debugging: `RemoteDebugVS2012`, `RemoteDebugVS2013`, `RemoteDebugVS14CTP`, `RemoteDebugVS2015`
  (AUTOMATION.md) and `RemoteDebugVS2017` (Visual Studio's guide to debugging classic VMs), publisher
  `Microsoft.VisualStudio.WindowsAzure.RemoteDebug`.
- Web Deploy: `Microsoft.VisualStudio.WindowsAzure.DevTest`, `WebDeployForVSDevTest` (AUTOMATION.md; the
  publish scripts Visual Studio generated).

The two Visual Studio families are matched by pattern (a release number in ASCII digits, optionally `CTP`),
so releases after the ones listed above are recognised too.

Site Recovery: the 2023 overview names the extension only as "Azure Site Recovery extension". Its publishers
are `Microsoft.Azure.RecoveryServices.SiteRecovery` (the Windows and Linux agents, `Windows`, `Linux`,
`LinuxRHEL7`, ...) and `Microsoft.Azure.RecoveryServices.SiteRecovery2` (newer Linux distributions), as
Resource Manager VMs show them; a classic VM's reference is assumed to carry the same publisher. The
publisher decides: the type names alone (`Windows`, `Linux`) say nothing."""

from __future__ import annotations

import re

BGINFO = ("microsoft.compute", "bginfo")
WEB_DEPLOY = ("microsoft.visualstudio.windowsazure.devtest", "webdeployforvsdevtest")
# `RemoteDebugVS2012`, `RemoteDebugVS14CTP`, `RemoteDebugVS2017`; `VS2013Debugger`, `VS14CTPDebugger`.
# ASCII digits only: `\d` would also take digits of other scripts, which no release is named with.
REMOTE_DEBUG_NAME = re.compile(r"remotedebugvs[0-9]+(ctp)?", re.IGNORECASE | re.ASCII)
VS_DEBUGGER_NAME = re.compile(r"vs[0-9]+(ctp)?debugger", re.IGNORECASE | re.ASCII)
BACKUP_PUBLISHER = "microsoft.azure.recoveryservices"
BACKUP_NAMES = frozenset({"vmsnapshot", "vmsnapshotlinux"})
# The monitoring extension Defender for Cloud provisions by itself; Antimalware (`Microsoft.Azure.Security`)
# is installed on purpose and is not what the platform's row is about.
SECURITY_MONITORING_PUBLISHER = "microsoft.azure.security.monitoring"
# `Microsoft.Azure.RecoveryServices.SiteRecovery` and `...SiteRecovery2`; not Backup's
# `Microsoft.Azure.RecoveryServices` (MIG206's).
SITE_RECOVERY_PUBLISHER = re.compile(r"microsoft\.azure\.recoveryservices\.siterecovery[0-9]*", re.ASCII)


def is_xml_extension(publisher: str, name: str, version: str) -> bool:
    """BGInfo 1.x, Remote Debugging, the Visual Studio Debugger and Web Deploy: the XML extensions."""
    publisher, name = publisher.strip().casefold(), name.strip()
    if (publisher, name.casefold()) == BGINFO:
        # "1.*", "1.0", "1": version 1 is the XML BGInfo; 2.x is JSON, and no version says nothing.
        return version.strip().split(".", 1)[0] == "1"
    if REMOTE_DEBUG_NAME.fullmatch(name) or VS_DEBUGGER_NAME.fullmatch(name):
        return True
    return (publisher, name.casefold()) == WEB_DEPLOY


# The XML extensions that have a JSON version of the same extension (same publisher, same name), which the
# migration carries over: the planning guide's BGInfo v2. `2.*` is the classic module's default for
# `Set-AzureVMBGInfoExtension`. The Visual Studio families and Web Deploy have none.
JSON_VERSIONS = {BGINFO: "2.*"}


def json_version(publisher: str, name: str, version: str) -> str:
    """The version to write so that an XML extension becomes the JSON version of itself; "" when the
    extension is not an XML one or has no JSON version."""
    if not is_xml_extension(publisher, name, version):
        return ""
    return JSON_VERSIONS.get((publisher.strip().casefold(), name.strip().casefold()), "")


def is_backup_extension(publisher: str, name: str) -> bool:
    return name.strip().casefold() in BACKUP_NAMES and publisher.strip().casefold() in ("", BACKUP_PUBLISHER)


def is_security_monitoring_extension(publisher: str) -> bool:
    return publisher.strip().casefold() == SECURITY_MONITORING_PUBLISHER


def is_site_recovery_extension(publisher: str) -> bool:
    """Azure Site Recovery's agent extension (the Mobility service), for Windows or Linux."""
    return SITE_RECOVERY_PUBLISHER.fullmatch(publisher.strip().casefold()) is not None
