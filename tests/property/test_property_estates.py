"""Property-based tests: random estates written as cscfg and netcfg read back to the same resources;
findings do not change with attribute order, whitespace, comments or namespace prefixes; random
mutations of corpus files never raise out of the reader."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migcheck.readers import read_document

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
CSCFG_NS = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"
NETCFG_NS = "http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

names = st.text(alphabet="abcdefghijkXYZ0123456789-_éß日", min_size=1, max_size=12)
prefixes = st.builds(
    lambda a, b, n: f"10.{a}.{b}.0/{n}", st.integers(0, 255), st.integers(0, 255), st.integers(8, 29)
)
rules = st.lists(st.tuples(st.integers(100, 999), st.sampled_from(["permit", "deny"]), prefixes), max_size=3)
access_controls = st.dictionaries(names, rules, max_size=3)
vnets = st.dictionaries(names, st.dictionaries(names, prefixes, max_size=3), max_size=3)


def _attrs(pairs: list[tuple[str, str]], reverse: bool) -> str:
    from xml.sax.saxutils import quoteattr

    ordered = list(reversed(pairs)) if reverse else pairs
    return "".join(f" {k}={quoteattr(v)}" for k, v in ordered)


def _cscfg(service: str, acls: dict, style: tuple[bool, str, str]) -> str:
    reverse, space, prefix = style
    p = f"{prefix}:" if prefix else ""
    ns = f' xmlns{":" + prefix if prefix else ""}="{CSCFG_NS}"'
    body = []
    for name, acl_rules in acls.items():
        rule_xml = "".join(
            f"{space}<{p}Rule{_attrs([('order', str(o)), ('action', a), ('remoteSubnet', s)], reverse)}/>"
            for o, a, s in acl_rules
        )
        body.append(
            f"{space}<!-- c -->{space}<{p}AccessControl{_attrs([('name', name)], reverse)}>{rule_xml}</{p}AccessControl>"
        )
    return (
        f"<{p}ServiceConfiguration{_attrs([('serviceName', service)], reverse)}{ns}>{space}"
        f"<{p}NetworkConfiguration><{p}AccessControls>{''.join(body)}{space}</{p}AccessControls>"
        f"</{p}NetworkConfiguration></{p}ServiceConfiguration>"
    )


def _netcfg(networks: dict, space: str) -> str:
    sites = []
    for name, subnets in networks.items():
        subnet_xml = "".join(
            f'{space}<Subnet name="{_esc(s)}"><AddressPrefix>{space}{pfx}{space}</AddressPrefix></Subnet>'
            for s, pfx in subnets.items()
        )
        sites.append(
            f'<VirtualNetworkSite name="{_esc(name)}" Location="West Europe"><Subnets>{subnet_xml}</Subnets></VirtualNetworkSite>'
        )
    return (
        f'<NetworkConfiguration xmlns="{NETCFG_NS}"><VirtualNetworkConfiguration><VirtualNetworkSites>'
        f"{''.join(sites)}</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"
    )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


styles = st.tuples(st.booleans(), st.sampled_from(["", "\n", "\n  \t", " "]), st.sampled_from(["", "sc"]))


def _acl_view(doc) -> dict:
    (config,) = doc.resources
    return {
        "service": config.name,
        "acls": {
            a.name: [(r.order, r.action, r.remote_subnet) for r in a.rules] for a in config.access_controls
        },
    }


@SETTINGS
@given(service=names, acls=access_controls, style=styles, other=styles)
def test_cscfg_round_trip_and_invariance(service, acls, style, other):
    doc = read_document("s.cscfg", _cscfg(service, acls, style).encode(), explicit=False)
    assert doc is not None and doc.problem is None
    expected = {"service": service, "acls": {n: [(str(o), a, s) for o, a, s in r] for n, r in acls.items()}}
    assert _acl_view(doc) == expected
    again = read_document("s.cscfg", _cscfg(service, acls, other).encode("utf-16"), explicit=False)
    assert again is not None and _acl_view(again) == expected


@SETTINGS
@given(networks=vnets, space=st.sampled_from(["", "\n", "\r\n  "]))
def test_netcfg_round_trip(networks, space):
    doc = read_document("n.netcfg", _netcfg(networks, space).encode(), explicit=False)
    assert doc is not None and doc.problem is None
    (config,) = doc.resources
    got = {v.name: {s.name: s.prefix.text for s in v.subnets} for v in config.virtual_networks}
    assert got == networks


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return [Path(__file__)]
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".cscfg", ".csdef", ".netcfg", ".xml"))[:40]


@SETTINGS
@given(
    path=st.sampled_from(_corpus_files()),
    edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 8), st.binary(max_size=8)), max_size=6),
)
def test_mutated_corpus_files_never_raise(path, edits):
    data = bytearray(path.read_bytes())
    for where, cut, insert in edits:
        at = int(where * len(data))
        data[at : at + cut] = insert
    doc = read_document(path.name, bytes(data), explicit=True)
    assert doc is not None
    assert doc.problem is None or doc.problem.mark.line >= 1
