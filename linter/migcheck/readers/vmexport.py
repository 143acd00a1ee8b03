"""Read an Export-AzureVM file: one `PersistentVM` with no namespace, written by .NET's XmlSerializer. It
is a REST role under other names (`EndpointAccessControlList`, `<string>` list items); the file carries no
cloud service name."""

from __future__ import annotations

from migcheck.model import Document
from migcheck.readers.role import ROLE_RESOURCES, VM_EXPORT, read_role
from migcheck.readers.xml import Element, Marker

# The resource types this reader produces (rules declare which types they look at).
PRODUCES = frozenset({Document, *ROLE_RESOURCES})


def read(root: Element, marker: Marker) -> tuple[object, ...]:
    return (read_role(root, marker, VM_EXPORT),)
