"""Findings invariance: an estate's findings (file, rule, resource) do not depend on how its files are
laid out — attribute order, whitespace, comments, namespace prefixes, encoding — nor on the order the
files were written in or their modification times. Lines and columns may move; nothing else may."""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from property_models import KNOWN_EXTENSIONS, deployments, names, styles, unique_by_name, vms
from property_xml import (
    NOWHERE,
    PLAIN,
    Style,
    Written,
    cscfg,
    csdef,
    export_vm,
    netcfg,
    rest_deployment,
)

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import (
    AccessControl,
    AclRule,
    AddressPrefix,
    EndpointAcl,
    Extension,
    InputEndpoint,
    InstanceAddress,
    NameRef,
    NetworkConfiguration,
    Role,
    RoleSettings,
    RoleType,
    ServiceConfiguration,
    ServiceDefinition,
    Subnet,
    VirtualNetwork,
)
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)
SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUBNETS = ("Web", "Data", "App")
Key = tuple[str, str, str, str]


@dataclass(frozen=True, slots=True)
class Estate:
    """The files of an estate by path, and the codes its drawn blockers must raise."""

    files: dict[str, Written]
    expected: frozenset[str]


def _ref(name: str) -> NameRef:
    return NameRef(name, NOWHERE)


def _network(name: str, affinity: bool, bad_cidr: bool) -> NetworkConfiguration:
    # Host bits set in one subnet's prefix: the platform refuses it, MIG304 reports it.
    prefixes = ("10.0.1.0/24", "10.0.2.1/24" if bad_cidr else "10.0.2.0/24", "10.0.3.0/24")
    subnets = tuple(
        Subnet(s, AddressPrefix(p, NOWHERE), NOWHERE) for s, p in zip(SUBNETS, prefixes, strict=True)
    )
    vnet = VirtualNetwork(
        name,
        NOWHERE,
        location="" if affinity else "West Europe",
        affinity_group="ag-west" if affinity else "",
        address_space=(AddressPrefix("10.0.0.0/16", NOWHERE),),
        subnets=subnets,
    )
    return NetworkConfiguration((vnet,), (), (), NOWHERE)


def _definition() -> ServiceDefinition:
    http = InputEndpoint("HTTP", "http", "80", "80", None, NOWHERE)
    web = Role("Web", RoleType.WEB, NOWHERE, size="Small", endpoints=(http,))
    return ServiceDefinition(
        "webshop", (web, Role("Worker", RoleType.WORKER, NOWHERE, size="Small")), NOWHERE
    )


def _configuration(vnet: str, acl: bool, two_subnets: bool) -> ServiceConfiguration:
    rule = AclRule("100", "permit", "203.0.113.0/24", "office", NOWHERE)
    controls = (AccessControl("office", (rule,), NOWHERE),) if acl else ()
    bindings = (EndpointAcl("Web", "HTTP", "office", (rule,), NOWHERE),) if acl else ()
    web_subnets = ("Web", "Data") if two_subnets else ("Web",)
    return ServiceConfiguration(
        name="webshop",
        roles=(RoleSettings("Web", 2, NOWHERE), RoleSettings("Worker", 1, NOWHERE)),
        access_controls=controls,
        endpoint_acls=bindings,
        virtual_network=_ref(vnet),
        instance_addresses=(
            InstanceAddress("Web", tuple(_ref(s) for s in web_subnets), NOWHERE),
            InstanceAddress("Worker", (_ref("App"),), NOWHERE),
        ),
        reserved_ips=(),
        dns_servers=(),
        mark=NOWHERE,
    )


known_extensions = st.builds(
    lambda known, state: Extension(*known, state, NOWHERE),
    st.sampled_from(KNOWN_EXTENSIONS),
    st.sampled_from(["Enable", "Uninstall"]),
)
estate_vms = vms(subnet_names=st.sampled_from([*SUBNETS, "Missing"]), extension=known_extensions)


@st.composite
def estates(draw: st.DrawFn) -> Estate:
    vnet = draw(names)
    affinity, bad_cidr, acl, two_subnets = (draw(st.booleans()) for _ in range(4))
    loose = draw(unique_by_name(estate_vms, size=3))
    deployment = replace(draw(deployments(estate_vms)), virtual_network=_ref(vnet), reserved_ip=None)
    files = {
        "network/NetworkConfig.netcfg": netcfg(_network(vnet, affinity, bad_cidr)),
        "webshop/ServiceDefinition.csdef": csdef(_definition()),
        "webshop/ServiceConfiguration.Cloud.cscfg": cscfg(_configuration(vnet, acl, two_subnets)),
        "rest/shop.deployment.xml": rest_deployment(deployment),
        **{f"vms/vm{i}.xml": export_vm(vm) for i, vm in enumerate(loose)},
    }
    bginfo = any(_has_xml_bginfo(vm) for vm in (*loose, *deployment.roles))
    flags = {"MIG303": affinity, "MIG304": bad_cidr, "MIG201": acl, "MIG202": two_subnets, "MIG204": bginfo}
    return Estate(files, frozenset(code for code, drawn in flags.items() if drawn))


def _has_xml_bginfo(vm: Role) -> bool:
    """BGInfo 1.* installed (not being uninstalled): an XML extension, which blocks migration."""
    return any(x.name == "BGInfo" and x.version == "1.*" and x.state != "Uninstall" for x in vm.extensions)


@contextmanager
def _inside(folder: str) -> Iterator[None]:
    """Run from `folder`, so that findings name files by the same relative paths in every run."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _findings(estate: Estate, style: Style, order: list[str], mtimes: list[int]) -> Counter[Key]:
    with tempfile.TemporaryDirectory() as tmp:
        for index, (path, stamp) in enumerate(zip(order, mtimes, strict=True)):
            # Each file gets its own attribute order, as files from different tools would.
            own = replace(style, seed=style.seed + index) if style.seed else style
            target = Path(tmp, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(estate.files[path].render(own))
            os.utime(target, ns=(stamp, stamp))
        with _inside(tmp):
            result = lint(["."], Config(), RULES)
    return Counter((f.mark.path, f.code, f.resource_type, f.resource_name) for f in result.findings)


@SETTINGS
@given(estate=estates(), style=styles, data=st.data())
def test_findings_do_not_depend_on_layout_or_file_order(
    estate: Estate, style: Style, data: st.DataObject
) -> None:
    paths = sorted(estate.files)
    now = 1_700_000_000 * 10**9
    baseline = _findings(estate, PLAIN, paths, [now] * len(paths))
    order = data.draw(st.permutations(paths))
    mtimes = data.draw(st.lists(st.integers(0, now), min_size=len(paths), max_size=len(paths)))
    assert _findings(estate, style, order, mtimes) == baseline
    # The blockers drawn into the estate are found: the comparison is not between two empty reports.
    assert estate.expected <= {code for _, code, _, _ in baseline}
