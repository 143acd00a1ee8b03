"""Read an Export-AzureVM file: one `PersistentVM` with no namespace, written by .NET's XmlSerializer. It
is a REST role under other names (`EndpointAccessControlList`, `<string>` list items); the file carries no
cloud service name."""

from __future__ import annotations

from migcheck.readers.role import VM_EXPORT, read_role
from migcheck.readers.xml import Element, Marker


def read(root: Element, marker: Marker) -> tuple[object, ...]:
    return (read_role(root, marker, VM_EXPORT),)
