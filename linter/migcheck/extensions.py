"""What the platform's documents say about VM extensions by publisher and name: which are the XML (1.*-era)
extensions the migration drops, which is Azure Backup's snapshot extension, which is the monitoring
extension of Microsoft Defender for Cloud. Domain knowledge only: the model's `Extension` predicates
use it, and rules ask the model.

Where each name comes from (see docs/rules.md, MIG204):
- BGInfo 1.*: publisher `Microsoft.Compute`, name `BGInfo`, major version 1 (the migration overview's
  "XML extensions (BGInfo 1.*, ...)"; BGInfo 2.x is a JSON extension and migrates).
- Visual Studio Debugger: `VS2012Debugger`, `VS2013Debugger`, `VS14CTPDebugger`, `VS2015Debugger`, ... —
  Visual Studio's classic debugging extensions, one per Visual Studio release, published as
  `Microsoft.VisualStudio.Azure.RemoteDebug` (earlier SDKs used other publishers, so the name decides).
- Remote Debugging: `RemoteDebugVS2012` onwards (`RemoteDebugVS2013`, `RemoteDebugVS14CTP`,
  `RemoteDebugVS2015`, `RemoteDebugVS2017`, ...), publisher `Microsoft.VisualStudio.WindowsAzure.RemoteDebug`.
- Web Deploy: `Microsoft.VisualStudio.WindowsAzure.DevTest`, `WebDeployForVSDevTest`.
The two Visual Studio families are matched by pattern (a release number, optionally `CTP`), so releases
after the ones listed above are recognised too."""

from __future__ import annotations

import re

BGINFO = ("microsoft.compute", "bginfo")
WEB_DEPLOY = ("microsoft.visualstudio.windowsazure.devtest", "webdeployforvsdevtest")
# `RemoteDebugVS2012`, `RemoteDebugVS14CTP`, `RemoteDebugVS2017`; `VS2013Debugger`, `VS14CTPDebugger`.
REMOTE_DEBUG_NAME = re.compile(r"remotedebugvs\d+(ctp)?", re.IGNORECASE)
VS_DEBUGGER_NAME = re.compile(r"vs\d+(ctp)?debugger", re.IGNORECASE)
BACKUP_PUBLISHER = "microsoft.azure.recoveryservices"
BACKUP_NAMES = frozenset({"vmsnapshot", "vmsnapshotlinux"})
# The monitoring extension Defender for Cloud provisions by itself; Antimalware (`Microsoft.Azure.Security`)
# is installed on purpose and is not what the platform's row is about.
SECURITY_MONITORING_PUBLISHER = "microsoft.azure.security.monitoring"


def is_xml_extension(publisher: str, name: str, version: str) -> bool:
    """BGInfo 1.x, Remote Debugging, the Visual Studio Debugger and Web Deploy: the XML extensions."""
    publisher, name = publisher.strip().casefold(), name.strip()
    if (publisher, name.casefold()) == BGINFO:
        # "1.*", "1.0", "1": version 1 is the XML BGInfo; 2.x is JSON, and no version says nothing.
        return version.strip().split(".", 1)[0] == "1"
    if REMOTE_DEBUG_NAME.fullmatch(name) or VS_DEBUGGER_NAME.fullmatch(name):
        return True
    return (publisher, name.casefold()) == WEB_DEPLOY


def is_backup_extension(publisher: str, name: str) -> bool:
    return name.strip().casefold() in BACKUP_NAMES and publisher.strip().casefold() in ("", BACKUP_PUBLISHER)


def is_security_monitoring_extension(publisher: str) -> bool:
    return publisher.strip().casefold() == SECURITY_MONITORING_PUBLISHER
