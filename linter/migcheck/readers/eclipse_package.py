"""The Azure Toolkit for Eclipse's build file of a cloud service project (`package.xml`): an Ant project whose
targets package the project's roles (`<windowsazurepackage>`) and, when the project is published from
Eclipse, publish the package to a classic cloud service (`<azurepublish>`):

    <project name="MyAzureProject" default="createwapackage">
      <target name="createwapackage">
        <windowsazurepackage packagedir="${basedir}/deploy" packagetype="cloud" ...>...</windowsazurepackage>
        <azurepublish subscriptionid="a3942dfc-..." cloudservicename="poolmonitoring"
                      storageaccountname="poolmonitoring" deploymentslot="Production" .../>

It is the project's classic publish, as a Visual Studio `.azurePubxml` is (`publish_profile`), read the same
way: a deployment of the project's package to the cloud service it names (`Deployment`), of the project's
configuration (`ServiceConfiguration.cscfg` beside the file), in the slot it names, so that the link stage
joins the project's roles to that service; the subscription it names selected (`SubscriptionSelection`);
the storage account the package is uploaded to a classic storage account of that subscription
(`StorageAccountType`, its type not stated). A value written as an Ant property (`${cloudservicename}`, as
the toolkit writes them) is the property's value when the task runs (`readers.ant`: the project's
`<property>` elements and those of the target and the targets it depends on, the first definition
winning); one the file does not define is not stated. Each `<azurepublish>` of the file is one publish.

The folder the package is built into (`packagedir` of `<windowsazurepackage>`, `package_folders`) holds
copies of the project's configurations: the folder walk passes them over (`discover`).

The file is parsed by the shared XML front end (`readers.xml.parse_as`: no DTD, no entities, no network);
one that does not parse is MIG001 at its position. A file whose properties met one of `readers.ant`'s bounds
says so at its project element (`ant-properties-cut`): the values it left unknown are not stated. A file named `package.xml` met in a folder walk is read
only when it holds an `azurepublish` task (`sniff_file`): other projects name their files so too."""

from __future__ import annotations

import os
import posixpath
from dataclasses import replace

from migcheck.discover import PACKAGE_BUILD_FILE
from migcheck.model import (
    ANT_PROPERTIES_CUT,
    Deployment,
    Document,
    FileKind,
    Role,
    RoleType,
    StorageAccountType,
    SubscriptionSelection,
    is_placeholder,
    subscription_guid,
)
from migcheck.readers.ant import Properties, expand, from_folder, tasks_with_properties
from migcheck.readers.suppressions import read_suppressions
from migcheck.readers.xml import (
    Element,
    Marker,
    Unreadable,
    decode,
    encodings,
    local_name,
    parse_as,
    parse_leniently,
)
from migcheck.suppress import xml_directive_opener

__all__ = ["FILE_NAME", "package_folders", "read", "sniff", "sniff_file", "sniff_package"]

FILE_NAME = PACKAGE_BUILD_FILE
_TASK = "azurepublish"
_LANGUAGE = "Eclipse build file"
_PACKAGE_TASK = "windowsazurepackage"
# The property the toolkit's file names the package folder by, where its package task states none.
_PACKAGE_FOLDER_PROPERTY = "wapackagedir"
# The configuration the toolkit packages and publishes, in the project's folder beside the file.
_CONFIGURATION = "ServiceConfiguration.cscfg"
# Why the deployment holds web or worker roles where no definition of the project is among the files.
_PACKAGE_EVIDENCE = (
    "published from an Eclipse cloud service project by its package.xml, and a project's package holds web "
    "and worker roles only"
)


def sniff(data: bytes) -> bool:
    """Whether the file holds the toolkit's publish task."""
    return _holds(data, _TASK)


def sniff_package(data: bytes) -> bool:
    """Whether the file holds the toolkit's package task."""
    return _holds(data, _PACKAGE_TASK)


def _holds(data: bytes, task: str) -> bool:
    """Whether `data` holds the name `task` (lower case) in any case, in UTF-8 or in UTF-16 (each letter
    then a zero)."""
    lowered = data.lower()
    return task.encode() in lowered or task.encode("utf-16-le")[:-1] in lowered


def sniff_file(path: str, data: bytes) -> bool:
    """`sniff`, for a file named `package.xml` only."""
    return posixpath.basename(path).lower() == FILE_NAME and sniff(data)


def read(path: str, data: bytes) -> Document:
    """The deployments, subscription selections and storage accounts the file's publish tasks state. Never
    raises: a file that is not well-formed is a syntax problem at its line and column."""
    encoding, read_as = encodings(data)
    text = decode(data, encoding)
    try:
        root = parse_as(data, text, read_as)
    except Unreadable as error:
        return Document(path, FileKind.PUBLISH_PROFILE, "", problem=error.problem(path), text=text)
    marker = Marker(path, text)
    resources: list[object] = []
    cut = False
    for task, properties in tasks_with_properties(root, posixpath.dirname(path) or ".", (_TASK,)):
        stated = _stated(task, properties)
        cut = cut or properties.spent.cut
        found = (
            _subscription(task, stated, marker),
            _deployment(task, stated, marker),
            _storage(task, stated, marker),
        )
        resources.extend(r for r in found if r is not None)
    records = tuple(resources)
    if cut:  # said at the project: which task's values it left unknown is not told apart
        from migcheck.readers.template_values import with_unread  # a bound met: its import waits for it

        records = with_unread(records, [replace(marker.mark(root), tag=ANT_PROPERTIES_CUT)], path, _LANGUAGE)
    suppressions, comments = read_suppressions(root, marker) if xml_directive_opener(text) else ((), ())
    kind = FileKind.PUBLISH_PROFILE if records else None
    return Document(path, kind, local_name(root), records, suppressions, comments, text=text)


def _attributes(el: Element) -> dict[str, str]:
    """An element's attributes by their names in lower case: Ant's are not case-sensitive."""
    return {str(name).lower(): value for name, value in el.attrib.items()}


def _stated(task: Element, properties: Properties) -> dict[str, str]:
    """The task's attributes by their names in lower case (Ant's are not case-sensitive), each one stated:
    its properties replaced by their values, not empty, no property left undefined (`${name}`), no
    placeholder."""
    found: dict[str, str] = {}
    for name, written in _attributes(task).items():
        value = (expand(written, properties) or "").strip()
        if value and "${" not in value and not is_placeholder(value):
            found[name] = value
    return found


def package_folders(path: str, data: bytes) -> list[str]:
    """The folders the build file at `path` (a file system path) builds its packages into: each
    `<windowsazurepackage>`'s `packagedir`, or the toolkit's `wapackagedir` property where it states none,
    its properties resolved, from the file's folder; none where the file cannot be read as XML."""
    root = parse_leniently(data, decode(data))
    if root is None:
        return []
    found = []
    for task, properties in tasks_with_properties(root, os.path.dirname(path) or ".", (_PACKAGE_TASK,)):
        written = _attributes(task).get("packagedir", f"${{{_PACKAGE_FOLDER_PROPERTY}}}")
        folder = expand(written, properties)
        if folder and folder.strip() and "${" not in folder:
            found.append(from_folder(properties.basedir, folder))
    return found


def _deployment(task: Element, stated: dict[str, str], marker: Marker) -> Deployment | None:
    """The deployment of the project's package to the cloud service the task names; None where it names
    none."""
    service = stated.get("cloudservicename")
    if service is None:
        return None
    mark = marker.mark(task)
    shown = f"<role name, {posixpath.basename(mark.path)}:{mark.line}>"
    package = Role(shown, RoleType.WEB_OR_WORKER, mark, kind_evidence=_PACKAGE_EVIDENCE)
    slot = stated.get("deploymentslot", "")
    return Deployment(
        service,
        service,
        slot,
        (package,),
        (),
        None,
        None,
        mark,
        network_known=False,
        configuration_file=_CONFIGURATION,
        configuration_beside=True,
    )


def _storage(task: Element, stated: dict[str, str], marker: Marker) -> StorageAccountType | None:
    """The classic storage account the package is uploaded to, of a type the task does not state."""
    name = stated.get("storageaccountname")
    return StorageAccountType(name, "", marker.mark(task)) if name else None


def _subscription(task: Element, stated: dict[str, str], marker: Marker) -> SubscriptionSelection | None:
    """The subscription the task publishes to, by its id; None where it states no well-formed one."""
    subscription = subscription_guid(stated.get("subscriptionid", ""))
    return SubscriptionSelection(subscription, marker.mark(task)) if subscription else None
