"""`Get-AzureVNetConfig | ConvertTo-Json`: a `VirtualNetworkConfigContext`, whose `XMLConfiguration` is the
subscription's network configuration, the text of a .netcfg, as one JSON string. It is read as a .netcfg
is (`readers.netcfg`), and each element it describes is marked where the string writes the element's `<`
in the export (escapes counted: `\\"`, `\\r\\n`, `\\u003c`), so that a finding points into the string; one
the string does not show so is marked at the string. The mark of an attribute's value or of an element's
text (`AttributeMark`, `TextMark`: a reference's name, an affinity group) is placed at its first character
as the string writes it, as in a .netcfg. Marks carry no tag: an edit of a fix would change the
JSON's escapes, so the export is edited nowhere."""

from __future__ import annotations

from migcheck.readers import netcfg
from migcheck.readers.embedded_text import Placed, json_string_offsets
from migcheck.readers.inventory_shapes import Spots, get
from migcheck.readers.xml import Element, Marker, Unreadable, local_name, parse

_KEY = "XMLConfiguration"


def network_configuration(obj: dict, spots: Spots) -> tuple[object, ...]:
    """The network configuration the object's `XMLConfiguration` holds, marked in the export; nothing when
    the string is no network configuration (not XML, or another document)."""
    xml = get(obj, _KEY)
    if not isinstance(xml, str):
        return ()
    root = _root(xml)
    if root is None:
        return ()
    from migcheck.readers.request_bodies import remarked

    quote = spots.value_offset(_KEY)
    offsets = json_string_offsets(spots.text, quote, len(xml)) if quote >= 0 else None
    place = Placed(xml, spots.text, spots.value(_KEY), quote, offsets)
    return tuple(remarked(record, place.mark) for record in netcfg.read(root, Marker(spots.mark.path, xml)))


def _root(xml: str) -> Element | None:
    """The root of a network configuration's text; None for any other text."""
    if "<" not in xml:
        return None
    try:
        root = parse(xml.encode("utf-8"), xml)
    except (Unreadable, ValueError):
        return None
    return root if local_name(root) == "NetworkConfiguration" else None
