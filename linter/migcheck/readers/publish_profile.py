"""Visual Studio publish profiles of a cloud service project (`Profiles/*.azurePubxml`): the MSBuild file
Visual Studio 2012-2015 writes beside a `.ccproj` when a Cloud Services project is published, and reads back
to publish it again. It names where the project's package goes, which the project's `.csdef` and `.cscfg`
do not (their `name` and `serviceName` are the project's, not the cloud service's):

    <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003"><PropertyGroup>
      <AzureCredentials>{"ServiceManagementEndpoint":"https://management.core.windows.net/",
                         "SubscriptionId":"a3942dfc-..."}</AzureCredentials>
      <AzureHostedServiceName>poolmonitoring</AzureHostedServiceName>
      <AzureSlot>Production</AzureSlot>
      <AzureServiceConfiguration>Cloud</AzureServiceConfiguration>
      <AzureStorageAccountName>poolmonitoring</AzureStorageAccountName>

A profile that names a hosted service is a deployment of the project's package to it (`Deployment`, as a
script's `New-AzureDeployment -ServiceName ... -Configuration ServiceConfiguration.Cloud.cscfg` is): of the
configuration `AzureServiceConfiguration` names, in the project's folder above `Profiles`, so that the link
stage joins the project's roles to the service the profile names (`estate._named_as_deployed`; a path from the
profile's folder, `Deployment.configuration_beside`, so never another project's file of that name); in the slot
it names. The subscription it publishes to (the `SubscriptionId` of `AzureCredentials`, older profiles'
`AzureSubscriptionId`, or a subscription's name where `AzureCredentials` holds one) is selected as a
script's `Select-AzureSubscription` selects one (`SubscriptionSelection`); the Service Management endpoint
`AzureCredentials` signs in to (`management.core.chinacloudapi.cn`) says the cloud it is in (`CloudInUse`),
as a script's sign-in to a named environment does. The storage account the package
is uploaded to (`AzureStorageAccountName`) is a classic storage account of that subscription, which
publishing needs to exist: it is one (`StorageAccountType`, its type not stated), migrated on its own as an
account a script creates is.

Visual Studio 2019 on writes the profile of a Cloud Services (extended support) project as
`Profiles/*.azureRMPubxml`: it names the `Microsoft.Compute/cloudServices` resource the package is
published to (`AzureRMCloudServiceV2Name`), its resource group, and a Resource Manager storage account.
Such a profile is evidence that the project is deployed as Cloud Services (extended support)
(`ExtendedSupportService`, about the configuration it publishes), not a classic deployment; its storage
account and subscription are not classic ones, and are not read. Visual Studio writes the name of each
resource its publish wizard is to create with a `+` before it (`<AzureRMCloudServiceV2Name>+books</...>`,
beside `+books-rg` for the resource group it creates too): the cloud service it names is `books`. The
project file of such a project (its `.ccproj`) says the same by `<ARMDeployment>True</ARMDeployment>`,
which a classic project's does not have, whether or not a profile is kept beside it: evidence about the
definition it packages (its `ServiceDefinition` item).

The file is parsed by the shared XML front end (`readers.xml.parse_as`: no DTD, no entities, no network);
a profile that does not parse is MIG001 at its position. One met in a folder walk is read only when it names
a hosted service, or is a project deployed to Resource Manager (`sniff`); other MSBuild files (a web project's
`.pubxml`, a classic project's `.ccproj`) are not read."""

from __future__ import annotations

import posixpath

from migcheck.clouds import cloud_of_url
from migcheck.model import (
    CloudInUse,
    Deployment,
    Document,
    ExtendedSupportService,
    FileKind,
    Role,
    RoleType,
    StorageAccountType,
    SubscriptionSelection,
    is_placeholder,
    is_placeholder_subscription,
    subscription_guid,
)
from migcheck.readers.suppressions import read_suppressions
from migcheck.readers.xml import Element, Marker, Unreadable, decode, encodings, local_name, parse_as
from migcheck.suppress import xml_directive_opener

__all__ = ["read", "sniff"]

# The elements that make a profile a cloud service's, classic or of extended support: matched as bytes, in
# UTF-8 (how Visual Studio writes the file) and in UTF-16 (each ASCII letter followed by a zero byte).
_HOSTED_SERVICE = "AzureHostedServiceName"
_EXTENDED_SERVICE = "AzureRMCloudServiceV2Name"
# The property of a project file (`.ccproj`) of Cloud Services (extended support).
_ARM_PROJECT = "ARMDeployment"
_NAMED_SERVICE = tuple(
    form
    for name in (_HOSTED_SERVICE, _EXTENDED_SERVICE, _ARM_PROJECT)
    for form in (name.encode(), name.encode("utf-16-le")[:-1])
)
# How an extended-support profile or project deploys it, in words a message quotes after the file's name.
_EXTENDED_VIA = "publishes it to Resource Manager from its Visual Studio project"
_ARM_PROJECT_VIA = "sets ARMDeployment, which deploys its Visual Studio project to Resource Manager"

# Why the deployment holds web or worker roles where no definition of the project is among the files.
_PACKAGE_EVIDENCE = (
    "published from a Visual Studio cloud service project by its publish profile, and a project's package "
    "holds web and worker roles only"
)


def sniff(data: bytes) -> bool:
    """Whether a profile met in a folder walk names the hosted service it publishes to."""
    return any(form in data for form in _NAMED_SERVICE)


def read(path: str, data: bytes) -> Document:
    """The deployment and the subscription selection a profile states. Never raises: a profile that is not
    well-formed is a syntax problem at its line and column."""
    encoding, read_as = encodings(data)
    text = decode(data, encoding)
    try:
        root = parse_as(data, text, read_as)
    except Unreadable as error:
        return Document(path, FileKind.PUBLISH_PROFILE, "", problem=error.problem(path), text=text)
    marker = Marker(path, text)
    properties = _properties(root)
    # An extended-support profile's subscription and storage account are Resource Manager ones: not read.
    extended = _extended_support(properties, marker) or _arm_project(root, properties, marker)
    read = (_subscription, _cloud, _deployment, _storage_account) if extended is None else ()
    resources: list[object] = [r for r in (each(properties, marker) for each in read) if r is not None]
    resources.extend(filter(None, (extended,)))
    # A suppression is an XML comment, as in the other XML files (`<!-- migcheck: ignore[MIG101] ... -->`).
    suppressions, comments = read_suppressions(root, marker) if xml_directive_opener(text) else ((), ())
    return Document(
        path, FileKind.PUBLISH_PROFILE, local_name(root), tuple(resources), suppressions, comments, text=text
    )


def _properties(root: Element) -> dict[str, Element]:
    """Each property of the profile's property groups by its name, the last one written winning, as in
    MSBuild; one left empty is not stated."""
    found: dict[str, Element] = {}
    for group in root.iterchildren("{*}PropertyGroup"):
        for prop in group.iterchildren("{*}*"):
            if (prop.text or "").strip():
                found[local_name(prop)] = prop
    return found


def _value(properties: dict[str, Element], name: str) -> str:
    prop = properties.get(name)
    return (prop.text or "").strip() if prop is not None else ""


def _configuration_file(properties: dict[str, Element]) -> str:
    """The configuration `<project>/ServiceConfiguration.<name>.cscfg` Visual Studio publishes with the
    package, relative to the profile, which is in `<project>/Profiles`."""
    configuration = _value(properties, "AzureServiceConfiguration") or "Cloud"
    return f"../ServiceConfiguration.{configuration}.cscfg"


def _extended_support(properties: dict[str, Element], marker: Marker) -> ExtendedSupportService | None:
    """The Cloud Services (extended support) resource an `.azureRMPubxml` profile publishes the project to,
    about the configuration it publishes (a display path, as a script's `-ConfigurationFile` is); None
    for a profile that names none."""
    if _EXTENDED_SERVICE not in properties:
        return None
    mark = marker.mark(properties[_EXTENDED_SERVICE])
    name = _created_name(_value(properties, _EXTENDED_SERVICE))
    folder = posixpath.dirname(mark.path)
    package = posixpath.normpath(posixpath.join(folder, _configuration_file(properties)))
    return ExtendedSupportService("" if is_placeholder(name) else name, mark, _EXTENDED_VIA, package)


# How Visual Studio marks, in an `.azureRMPubxml`, the name of a resource its publish wizard creates.
_TO_CREATE = "+"


def _created_name(written: str) -> str:
    """The resource's name without the mark of one the wizard creates (`+books` is `books`)."""
    return written[len(_TO_CREATE) :].strip() if written.startswith(_TO_CREATE) else written


def _arm_project(
    root: Element, properties: dict[str, Element], marker: Marker
) -> ExtendedSupportService | None:
    """A `.ccproj` that deploys its project to Resource Manager (`<ARMDeployment>True</ARMDeployment>`), as
    the evidence it is about the definition the project packages (its `ServiceDefinition` item, a path from
    the project's folder); None for a classic project's, or a profile."""
    if _value(properties, _ARM_PROJECT).casefold() != "true":
        return None
    mark = marker.mark(properties[_ARM_PROJECT])
    items = (item.get("Include", "") for item in root.iterfind("{*}ItemGroup/{*}ServiceDefinition"))
    definition = next(filter(None, items), "ServiceDefinition.csdef").replace("\\", "/")
    package = posixpath.normpath(posixpath.join(posixpath.dirname(mark.path), definition))
    return ExtendedSupportService("", mark, _ARM_PROJECT_VIA, package)


def _deployment(properties: dict[str, Element], marker: Marker) -> Deployment | None:
    """The deployment of the project's package to the hosted service the profile names; None where it names
    none, or a placeholder."""
    service = _value(properties, _HOSTED_SERVICE)
    if not service or is_placeholder(service):
        return None
    mark = marker.mark(properties[_HOSTED_SERVICE])
    # Its roles are the project's definition's, which the link joins to it where the files hold it; else
    # they stand as one, shown where the profile names the service (as a script's package deployment's).
    shown = f"<role name, {posixpath.basename(mark.path)}:{mark.line}>"
    package = Role(shown, RoleType.WEB_OR_WORKER, mark, kind_evidence=_PACKAGE_EVIDENCE)
    return Deployment(
        service,
        service,
        _value(properties, "AzureSlot"),
        (package,),
        (),
        None,
        None,
        mark,
        network_known=False,
        configuration_file=_configuration_file(properties),
        configuration_beside=True,
    )


def _storage_account(properties: dict[str, Element], marker: Marker) -> StorageAccountType | None:
    """The classic storage account the package is uploaded to, of a type the profile does not state; None
    where it names none, or a placeholder."""
    name = _value(properties, "AzureStorageAccountName")
    if not name or is_placeholder(name):
        return None
    return StorageAccountType(name, "", marker.mark(properties["AzureStorageAccountName"]))


def _subscription(properties: dict[str, Element], marker: Marker) -> SubscriptionSelection | None:
    """The subscription the profile publishes to: the id `AzureCredentials` holds (a JSON object with its
    `SubscriptionId`, as Visual Studio 2013 on writes it) or `AzureSubscriptionId` states, else the name
    `AzureCredentials` holds (older profiles); None where it states neither, or a placeholder."""
    credentials = properties.get("AzureCredentials")
    stated = _credentials_id(credentials.text or "") if credentials is not None else ""
    prop = credentials
    if not stated and "AzureSubscriptionId" in properties:
        prop = properties["AzureSubscriptionId"]
        stated = subscription_guid(prop.text or "")
    if stated and prop is not None:
        return SubscriptionSelection(stated, marker.mark(prop))
    named = (credentials.text or "").strip() if credentials is not None else ""
    if credentials is None or not named or named.startswith("{") or is_placeholder_subscription(named):
        return None
    return SubscriptionSelection("", marker.mark(credentials), named)


def _cloud(properties: dict[str, Element], marker: Marker) -> CloudInUse | None:
    """The cloud the profile publishes to, where its `AzureCredentials` says which by the Service Management
    endpoint it signs in to (`"ServiceManagementEndpoint":"https://management.core.chinacloudapi.cn/"` is
    Azure China's), as a script's sign-in to a named environment says it; None where it names none."""
    credentials = properties.get("AzureCredentials")
    endpoint = (
        _credentials_field(credentials.text or "", "ServiceManagementEndpoint")
        if credentials is not None
        else ""
    )
    cloud = cloud_of_url(endpoint) if endpoint else ""
    return CloudInUse(cloud, marker.mark(credentials)) if cloud and credentials is not None else None


def _credentials_id(written: str) -> str:
    """The well-formed subscription id of an `AzureCredentials` JSON object (`{"SubscriptionId": ...}`),
    or of a bare id; "" for any other."""
    stripped = written.strip()
    if not stripped.startswith("{"):
        return subscription_guid(stripped)
    return subscription_guid(_credentials_field(stripped, "SubscriptionId"))


def _credentials_field(written: str, name: str) -> str:
    """The string `name` of an `AzureCredentials` JSON object; "" where it is none, or not JSON."""
    import json  # only for a profile that states its credentials

    stripped = written.strip()
    if not stripped.startswith("{"):
        return ""
    try:
        credentials = json.loads(stripped)
    except (ValueError, RecursionError):
        return ""
    found = credentials.get(name) if isinstance(credentials, dict) else None
    return found if isinstance(found, str) else ""
