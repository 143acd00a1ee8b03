"""The REST bodies a shell script sends inline to the Service Management API with curl or wget (`curl -X POST
-d '<Deployment xmlns="http://schemas.microsoft.com/windowsazure">...</Deployment>' ...`, `--data-raw`,
`--data-binary @-` fed a here-document, wget's `--post-data`): read as the REST reader reads a body file
(`readers.deployment`), or a network configuration sent as one (`readers.netcfg`), each element shown where
the script writes it. A body sent to create a deployment in a service (`.../hostedservices/shop/deployments`)
that names no service is that service's, as a body file the script sends is (`Script.posted_bodies`)."""

from __future__ import annotations

import bisect
import posixpath
from collections.abc import Callable
from dataclasses import replace

from migcheck.model import (
    Deployment,
    Mark,
    NetworkConfiguration,
    Role,
    network_stand_in,
    sites_and_subnets_stood_in,
)
from migcheck.source import SourceText


def read(
    text: str, at: Mark, exact: bool, service: str | None, placed: Callable[[int], Mark] | None = None
) -> list[object]:
    """What the body `text` describes, written from `at` in the script (`exact`: character for character, so
    that each element is shown at its own line and column; `placed`: where each character of it is, past
    escapes and a YAML block's indentation, see `xplat.Word.placed`; else each at `at`). A value the script
    does not state is `request_bodies.UNSTATED` in `text`: left out of what is read, as in a body Python
    sends."""
    from migcheck.readers import deployment as rest
    from migcheck.readers import netcfg
    from migcheck.readers import request_bodies as bodies
    from migcheck.readers.xml import Marker, local_name

    root = bodies.body_root(text)
    if root is None:
        return []
    marker = Marker(at.path, text)
    described = (
        netcfg.read(root, marker) if local_name(root) == "NetworkConfiguration" else rest.read(root, marker)
    )
    place = _Place(text, at, exact, placed)
    read = [_of_service(bodies.remarked(r, place.mark), service) for r in described]
    if bodies.UNSTATED_TEXT in text:
        read = [bodies.without_unstated_values(_unstated(r, at)) for r in read]
    return read


def _unstated(resource: object, at: Mark) -> object:
    """A role of a body built with values the script does not state, or a deployment's roles, or a network
    configuration's networks (`_networks_stood_in`), as the other readers read one: a name it does not state a stand-in that says where the script sends the body
    (`<VM name, deploy.sh:12>`); the subnets and availability set the role may be in, and the endpoints and
    extensions it may have more of, unknown."""
    from migcheck.readers import request_bodies as bodies

    def stand_in(what: str) -> str:
        return f"<{what} name, {posixpath.basename(at.path)}:{at.line}>"

    if isinstance(resource, Deployment):
        return replace(resource, roles=tuple(bodies.unstated_role(r, stand_in) for r in resource.roles))
    if isinstance(resource, NetworkConfiguration):
        return _networks_stood_in(resource)
    return bodies.unstated_role(resource, stand_in) if isinstance(resource, Role) else resource


def _networks_stood_in(configuration: NetworkConfiguration) -> NetworkConfiguration:
    """A network configuration with each network, local site and subnet whose name holds a value the script
    does not state (`<VirtualNetworkSite name="$1">`) named by the stand-in the other readers give one, where
    it is named (`<virtual network name, net.sh:4:5>`): never by the text it was read with."""
    from migcheck.readers import request_bodies as bodies

    networks = tuple(
        replace(n, name=network_stand_in(n.mark)) if bodies.UNSTATED_TEXT in n.name else n
        for n in configuration.virtual_networks
    )
    return sites_and_subnets_stood_in(replace(configuration, virtual_networks=networks), {})


def _of_service(resource: object, service: str | None) -> object:
    if isinstance(resource, Deployment) and service and not resource.service_name:
        return replace(resource, service_name=service)
    return resource


class _Place:
    """Where the marks of a body go in the script: an element at its `<`, on the script's line and column
    where the body is written exactly or its characters' places are known; else at the body itself."""

    def __init__(self, text: str, at: Mark, exact: bool, placed: Callable[[int], Mark] | None) -> None:
        self.at = at
        self.exact = exact
        self.placed = placed
        self.body = SourceText(text)
        self.newlines = [index for index, char in enumerate(text) if char == "\n"] if exact else []

    def mark(self, mark: Mark) -> Mark:
        start = self.body.start_of(mark) if self.exact or self.placed is not None else None
        if start is None:
            return self.at
        if self.placed is not None:
            found = self.placed(start)
            return replace(mark, path=found.path, line=found.line, column=found.column)
        line = bisect.bisect_left(self.newlines, start)
        column = self.at.column + start if line == 0 else start - self.newlines[line - 1]
        # The mark's kind and tag kept: one of an element's text or attribute is shown at it, as in a file.
        return replace(mark, path=self.at.path, line=self.at.line + line, column=column)
