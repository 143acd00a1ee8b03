"""What the language server keeps between lints (the walk, the files read, the split into subscriptions,
each subscription's linked estate and findings, each folder's cloud services, each service's findings
of the rules that check one service at a time, the findings of rules about other kinds of file) never
changes a diagnostic: after any sequence of edits and of files created, changed, moved and deleted on
disk, the server's diagnostics are those of a lint from scratch."""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types as lsp
from pygls.workspace.position_codec import PositionCodec
from test_server import ACL, CSCFG_NS, CSDEF, NETCFG, NO_ACL, LspClient, open_document

import migcheck.engine
import migcheck.estate
import migcheck.server
from migcheck.config import load_config
from migcheck.engine import lint
from migcheck.estate import Estate
from migcheck.model import Finding, Severity
from migcheck.rule import Rule
from migcheck.server import MigcheckServer, _diagnostic, _encode, _project
from migcheck.source import SourceText

CODEC = PositionCodec(lsp.PositionEncodingKind.Utf16)
CONFIG = """\
[tool.migcheck.subscriptions]
north = ["north/**"]
south = ["south/**"]
"""
BUFFER = "north/shop/ServiceConfiguration.Cloud.cscfg"
SELECTS_TWO = """\
Select-AzureSubscription -SubscriptionId '11111111-1111-4111-8111-111111111111'
New-AzureQuickVM -Windows -ServiceName a -Name a1 -Location 'West US' -ImageName img -Password p -AdminUsername u
Select-AzureSubscription -SubscriptionId '22222222-2222-4222-8222-222222222222'
New-AzureQuickVM -Windows -ServiceName b -Name b1 -Location 'West US' -ImageName img -Password p -AdminUsername u
"""
# What may be on disk: the files of two subscriptions, each in one of a few versions (None: absent).
FILES: dict[str, tuple[str | None, ...]] = {
    BUFFER: (NO_ACL, ACL, NO_ACL.replace('"Web"', '"Api"')),
    "north/shop/ServiceDefinition.csdef": (None, CSDEF, CSDEF.replace('"Web"', '"Api"')),
    "north/shop/ServiceConfiguration.Local.cscfg": (None, NO_ACL),
    "north/NetworkConfig.netcfg": (None, NETCFG),
    "south/shop/ServiceDefinition.csdef": (None, CSDEF),
    "south/shop/ServiceConfiguration.Cloud.cscfg": (None, ACL),
    # Scripts of no configured subscription, absent at the start: one that selects two subscriptions (split
    # in two), one that selects one (with the other, three selections of two subscriptions).
    "ops/build.ps1": (None, None, SELECTS_TWO),
    "ops/other.sh": (
        None,
        None,
        "azure account set 22222222-2222-4222-8222-222222222222\nazure vm create c img u p\n",
    ),
}


class Counter:
    """Wraps a function and counts its calls."""

    def __init__(self, function: Any) -> None:
        self.function, self.calls = function, 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return self.function(*args, **kwargs)


def write(root: Path, relative: str, text: str | None) -> None:
    path = root / relative
    if text is None:
        path.unlink(missing_ok=True)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def project(tmp: Path) -> Path:
    (tmp / "pyproject.toml").write_text(CONFIG)
    for relative, versions in FILES.items():
        write(tmp, relative, versions[1])
    return tmp


def from_scratch(root: Path, text: str) -> list[lsp.Diagnostic]:
    """The buffer's diagnostics from a lint that keeps nothing: `migcheck check --stdin-filename`."""
    path = str(root / BUFFER)
    config = load_config(start=os.path.dirname(path))
    result = lint(
        [str(root)], config, migcheck.server.MigcheckServer().rules, stdin=_encode(text), stdin_path=path
    )
    source = SourceText(text)
    return [_diagnostic(f, source, CODEC) for f in result.findings]


def diagnose(server: MigcheckServer, root: Path, text: str) -> list[lsp.Diagnostic]:
    return [d for d, _ in server.diagnose(str(root / BUFFER), text, str(root), CODEC)]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, Counter]:
    spies = {
        "walk": Counter(migcheck.server.walk),
        "link": Counter(migcheck.engine.link_subscription),
        "read": Counter(migcheck.engine._read),
    }
    monkeypatch.setattr(migcheck.server, "walk", spies["walk"])
    monkeypatch.setattr(migcheck.engine, "link_subscription", spies["link"])
    monkeypatch.setattr(migcheck.engine, "_read", spies["read"])
    return spies


def test_a_change_neither_walks_nor_reads_again_and_links_only_its_subscription(
    tmp_path: Path, counted: dict[str, Counter]
):
    root = project(tmp_path)
    server = MigcheckServer()
    server.watching = True
    diagnose(server, root, ACL)
    assert counted["walk"].calls == 1
    assert counted["link"].calls == 2  # north and south
    reads = counted["read"].calls

    assert [d.code for d in diagnose(server, root, NO_ACL)] == []
    assert counted["walk"].calls == 1
    assert counted["read"].calls == reads + 1  # the buffer alone
    assert counted["link"].calls == 3  # north again; south is kept


def test_the_files_as_saved_are_linked_once_for_every_document_opened_unchanged(
    tmp_path: Path, counted: dict[str, Counter]
):
    root = project(tmp_path)
    server = MigcheckServer()
    config, context = _project(str(root), str(root))
    server.lint(context, config, None, None, walked=True)  # what the server does on `initialized`
    assert counted["link"].calls == 2
    saved = (root / BUFFER).read_text()
    other = root / "north/shop/ServiceConfiguration.Local.cscfg"
    diagnose(server, root, saved)
    assert counted["link"].calls == 2
    diagnose(server, root, saved + "<!-- an edit -->\n")  # north again
    server.diagnose(str(other), other.read_text(), str(root), CODEC)  # opened unchanged: kept
    assert counted["link"].calls == 3


def test_a_file_the_watcher_reports_created_or_deleted_is_seen(tmp_path: Path, counted: dict[str, Counter]):
    root = project(tmp_path)
    csdef = root / "north/shop/ServiceDefinition.csdef"
    csdef.unlink()
    server = MigcheckServer()
    server.watching = True
    assert [d.code for d in diagnose(server, root, NO_ACL)] == ["MIG101"]

    csdef.write_text(CSDEF)
    server.changed_on_disk([str(csdef)], walk_again=True)
    assert diagnose(server, root, NO_ACL) == []
    assert counted["walk"].calls == 2

    csdef.unlink()
    server.changed_on_disk([str(csdef)], walk_again=True)
    assert [d.code for d in diagnose(server, root, NO_ACL)] == ["MIG101"]


def test_a_file_changed_in_place_is_read_again_when_the_watcher_says_so(tmp_path: Path):
    root = project(tmp_path)
    csdef = root / "north/shop/ServiceDefinition.csdef"
    server = MigcheckServer()
    server.watching = True
    assert diagnose(server, root, NO_ACL) == []
    csdef.write_text(CSDEF.replace('"Web"', '"Api"'))
    server.changed_on_disk([str(csdef)], walk_again=False)
    assert [d.code for d in diagnose(server, root, NO_ACL)] == ["MIG003"]


def test_without_a_watcher_a_vanished_file_makes_the_server_walk_again(
    tmp_path: Path, counted: dict[str, Counter], monkeypatch: pytest.MonkeyPatch
):
    root = project(tmp_path)
    server = MigcheckServer()
    assert diagnose(server, root, NO_ACL) == []
    (root / "north/shop/ServiceDefinition.csdef").unlink()
    # Within STAT_SECONDS of the last stat the files read are trusted; past it, each is stat-ed again.
    monkeypatch.setattr(server, "_verified", -math.inf)
    assert [d.code for d in diagnose(server, root, NO_ACL)] == ["MIG101"]
    assert counted["walk"].calls == 2


# --- a property: what is kept never changes a diagnostic ----------------------------------------------------

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.integers(0, len(FILES[BUFFER]) - 1)),
        st.tuples(
            st.sampled_from(sorted(FILES)),
            st.integers(0, 2),
        ),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS, news=st.sampled_from(["watcher", "save", "stat"]))
def test_after_any_edits_and_changes_on_disk_diagnostics_are_those_of_a_fresh_lint(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, int]], news: str
):
    """`news`: how the server hears of a change on disk. "watcher": the client's file watcher reports
    it; "save": the client has none and the file is saved in the editor; "stat": nobody says anything
    and STAT_SECONDS have passed, so files are stat-ed again (a file created that way is only seen at
    the next save, so a creation is a save)."""
    root = project(tmp_path_factory.mktemp("workspace"))
    server = MigcheckServer()
    server.watching = news == "watcher"
    text = FILES[BUFFER][0]
    for what, version in steps:
        if what == "edit":
            text = FILES[BUFFER][version]
        else:
            versions = FILES[what]
            existed = (root / what).exists()
            write(root, what, versions[version % len(versions)])
            if news == "stat" and existed:
                server._verified = -math.inf
            else:
                server.changed_on_disk([str(root / what)], walk_again=True)
        assert diagnose(server, root, text) == from_scratch(root, text)


# --- over the protocol ------------------------------------------------------------------------------------


@pytest.fixture
def watched(workspace: Path):
    """A session with a client that lets the server register for file-change events, as VS Code does."""
    lsp_client = LspClient(workspace.parent)
    lsp_client.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": workspace.as_uri(),
            "workspaceFolders": [{"uri": workspace.as_uri(), "name": "shop"}],
            "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}},
        },
    )
    lsp_client.notify("initialized", {})
    yield lsp_client
    lsp_client.close()


def test_the_server_registers_for_file_changes_and_sees_files_come_and_go(
    watched: LspClient, workspace: Path
):
    csdef = workspace / "shop" / "ServiceDefinition.csdef"
    csdef.unlink()
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    assert [d["code"] for d in open_document(watched, uri, NO_ACL)] == ["MIG101"]
    (registration,) = [
        r
        for m in watched.notifications
        if m.get("method") == "client/registerCapability"
        for r in m["params"]["registrations"]
    ]
    assert registration["method"] == "workspace/didChangeWatchedFiles"
    patterns = {w["globPattern"] for w in registration["registerOptions"]["watchers"]}
    assert {"**/*.csdef", "**/*.cscfg", "**/pyproject.toml", "**/.gitignore", "**/*"} <= patterns

    csdef.write_text(CSDEF)
    watched.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": csdef.as_uri(), "type": 1}]})
    assert watched.diagnostics(uri) == []

    csdef.unlink()
    watched.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": csdef.as_uri(), "type": 3}]})
    assert [d["code"] for d in watched.diagnostics(uri)] == ["MIG101"]


def test_without_a_watcher_a_file_created_is_seen_on_the_next_save(client: LspClient, workspace: Path):
    csdef = workspace / "shop" / "ServiceDefinition.csdef"
    csdef.unlink()
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    assert [d["code"] for d in open_document(client, uri, NO_ACL)] == ["MIG101"]
    assert not [m for m in client.notifications if m.get("method") == "client/registerCapability"]
    csdef.write_text(CSDEF)
    client.notify("textDocument/didSave", {"textDocument": {"uri": csdef.as_uri()}})
    assert client.diagnostics(uri) == []


# --- a property over a larger project: what the link and the rules keep never changes a diagnostic -----
# Every file takes part in a join an edit can change: a service renamed (csdef or cscfg), placed in
# another network or none, networks added and removed, subnets that come and go, VMs that join a REST
# deployment or a folder of exports by name, names written twice in different files, a folder of its own
# holding a service of the same name, a script that creates a deployment, and a second network
# configuration that splits the project into two subscriptions.

NETCFG_NS = "http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"
CSDEF_NS = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"
REST_NS = "http://schemas.microsoft.com/windowsazure"


def _netcfg(*vnets: tuple[str, str, tuple[str, ...]]) -> str:
    sites = "".join(
        f'<VirtualNetworkSite name="{name}" Location="West Europe">'
        f"<AddressSpace><AddressPrefix>{space}</AddressPrefix></AddressSpace><Subnets>"
        + "".join(f'<Subnet name="{s}"><AddressPrefix>{space}</AddressPrefix></Subnet>' for s in subnets)
        + "</Subnets></VirtualNetworkSite>\n"
        for name, space, subnets in vnets
    )
    return (
        f'<NetworkConfiguration xmlns="{NETCFG_NS}"><VirtualNetworkConfiguration>\n'
        f"<VirtualNetworkSites>\n{sites}</VirtualNetworkSites>\n"
        "</VirtualNetworkConfiguration></NetworkConfiguration>\n"
    )


def _csdef(service: str, *roles: str) -> str:
    inner = "".join(
        f'<WebRole name="{role}" vmsize="Small"><Endpoints>'
        '<InputEndpoint name="HttpsIn" protocol="https" port="443"/></Endpoints></WebRole>\n'
        for role in roles
    )
    return f'<ServiceDefinition name="{service}" xmlns="{CSDEF_NS}">\n{inner}</ServiceDefinition>\n'


def _cscfg(service: str, vnet: str = "", subnets: tuple[str, ...] = (), acl: bool = False) -> str:
    network = ""
    if vnet or acl:
        site = f'<VirtualNetworkSite name="{vnet}"/>' if vnet else ""
        assigned = "".join(f'<Subnet name="{s}"/>' for s in subnets)
        addresses = (
            f'<AddressAssignments><InstanceAddress roleName="Web"><Subnets>{assigned}</Subnets>'
            "</InstanceAddress></AddressAssignments>"
            if subnets
            else ""
        )
        acls = (
            '<AccessControls><AccessControl name="office"><Rule order="100" action="permit" '
            'remoteSubnet="203.0.113.0/24" description="office"/></AccessControl></AccessControls>'
            '<EndpointAcls><EndpointAcl role="Web" endPoint="HttpsIn" accessControl="office"/></EndpointAcls>'
            if acl
            else ""
        )
        network = f"<NetworkConfiguration>{acls}{site}{addresses}</NetworkConfiguration>\n"
    return (
        f'<ServiceConfiguration serviceName="{service}" xmlns="{CSCFG_NS}">\n'
        f'<Role name="Web"><Instances count="2"/></Role>\n{network}</ServiceConfiguration>\n'
    )


def _vm_set(subnets: tuple[str, ...], element: str) -> str:
    names = "".join(f"<{element}>{s}</{element}>" for s in subnets)
    return (
        "<ConfigurationSets><ConfigurationSet>"
        "<ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        f"<SubnetNames>{names}</SubnetNames></ConfigurationSet></ConfigurationSets>"
    )


def _export(name: str, availability_set: str = "", subnets: tuple[str, ...] = ()) -> str:
    group = f"<AvailabilitySetName>{availability_set}</AvailabilitySetName>\n" if availability_set else ""
    network = _vm_set(subnets, "string")
    return f"<PersistentVM>\n{group}<RoleName>{name}</RoleName>\n{network}\n</PersistentVM>\n"


def _deployment(vms: tuple[str, ...], vnet: str = "", subnets: tuple[str, ...] = ("front",)) -> str:
    roles = "".join(
        f"<Role><RoleName>{vm}</RoleName><RoleType>PersistentVMRole</RoleType>"
        f"{_vm_set(subnets, 'SubnetName')}</Role>\n"
        for vm in vms
    )
    network = f"<VirtualNetworkName>{vnet}</VirtualNetworkName>\n" if vnet else ""
    return (
        f'<Deployment xmlns="{REST_NS}">\n<Name>jump</Name>\n'
        f"<RoleList>\n{roles}</RoleList>\n{network}</Deployment>\n"
    )


def _script(vm: str, vnet: str) -> str:
    return (
        f'New-AzureVMConfig -Name "{vm}" -InstanceSize Small -ImageName $image |\n'
        '    Set-AzureSubnet -SubnetNames "front" |\n'
        f'    New-AzureVM -ServiceName "jump" -Location "West Europe" -VNetName "{vnet}"\n'
    )


def _template(resource_type: str, name: str) -> str:
    """A deployment template of one resource: a cloud service of extended support takes its package out of
    the classic estate (by its name, or, named by an expression, by the template's folder)."""
    return (
        '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n'
        f' "resources": [{{"type": "{resource_type}", "name": "{name}"}}]}}\n'
    )


A, B = ("vnet-a", "10.1.0.0/16", ("front", "back")), ("vnet-b", "10.2.0.0/16", ("front",))
PROJECT: dict[str, tuple[str | None, ...]] = {
    "net/NetworkConfig.netcfg": (
        _netcfg(A, B),
        None,
        _netcfg(A),
        _netcfg(("vnet-a", "10.1.0.00/16", ("front",)), B),
        _netcfg(B, A, ("vnet-a", "10.9.0.0/16", ())),
    ),
    # Another subscription's networks, one named as one of the first's: a conflict if they were one.
    "other/NetworkConfig.netcfg": (
        None,
        _netcfg(("vnet-c", "10.3.0.0/16", ("front",)), ("vnet-a", "10.7.0.0/16", ())),
        "<Notes>not a network configuration</Notes>\n",  # one subscription again
    ),
    "net/shop/ServiceDefinition.csdef": (
        _csdef("shop", "Web"),
        None,
        _csdef("store", "Web"),
        _csdef("shop", "Web", "Api"),
        _csdef("shop", "Web")[:60],  # cut short: a syntax error, no definition any more
    ),
    "net/shop/ServiceConfiguration.Cloud.cscfg": (
        _cscfg("shop", "vnet-a", ("front",)),
        _cscfg("shop", "vnet-b", ("front", "back"), acl=True),
        _cscfg("shop"),
        _cscfg("store", "vnet-a", ("back",)),
        _cscfg("shop", "vnet-c", ("front",)),
        _cscfg("shop", "vnet-a")[:70],
    ),
    "net/copy/ServiceConfiguration.Cloud.cscfg": (None, _cscfg("shop", "vnet-b", ("front",), acl=True)),
    "net/vms/app1.xml": (
        _export("app1", "as1", ("front",)),
        None,
        _export("app1"),
        _export("jump01", "as1", ("back",)),
    ),
    "net/vms/db1.xml": (_export("db1", "as1", ("front",)), None, _export("db1", "as2"), _export("app1")),
    "net/rest/jump.deployment.xml": (
        _deployment(("jump01",), "vnet-a"),
        None,
        _deployment(("jump01",), "vnet-b", ("front", "back")),
        _deployment(("jump01", "app1")),
        _deployment(("app1", "db1"), "vnet-a"),
    ),
    "net/ops/deploy.ps1": (None, _script("jump02", "vnet-b"), _script("app1", "vnet-a")),
    "net/shop/azuredeploy.json": (
        None,
        _template("Microsoft.Compute/cloudServices", "[parameters('name')]"),
        _template("Microsoft.Compute/cloudServices", "store"),
        _template("Microsoft.Storage/storageAccounts", "shopdata"),
    ),
    "net/ops/extended.ps1": (
        None,
        'New-AzCloudService -Name "shop" -ResourceGroupName "rg" -Location "westeurope"\n',
    ),
}
OPENED = sorted(p for p in PROJECT if not p.endswith(".ps1"))  # what the server lints: XML files
# Files renamed in one step ("move"): as many files as before, in other places and other folders.
MOVED = {
    "net/vms/db1.xml": "net/alpha/db1.xml",
    "net/copy/ServiceConfiguration.Cloud.cscfg": "net/zeta/ServiceConfiguration.Cloud.cscfg",
    "net/shop/ServiceDefinition.csdef": "net/copy/ServiceDefinition.csdef",
}

CHANGES = st.lists(
    st.tuples(
        st.sampled_from(["edit", "disk", "disk", "move"]),
        st.sampled_from(sorted(PROJECT)),
        st.integers(0, 5),
        st.sampled_from(OPENED),  # a file then opened as it is on disk, beside the edited one
    ),
    min_size=1,
    max_size=8,
)


def _diagnostics(server: MigcheckServer, root: Path, relative: str, text: str) -> list[lsp.Diagnostic]:
    return [d for d, _ in server.diagnose(str(root / relative), text, str(root), CODEC)]


def _from_scratch(root: Path, relative: str, text: str) -> list[lsp.Diagnostic]:
    path = str(root / relative)
    config = load_config(start=os.path.dirname(path))
    rules = migcheck.server.MigcheckServer().rules
    result = lint([str(root)], config, rules, stdin=_encode(text), stdin_path=path)
    return [_diagnostic(f, SourceText(text), CODEC) for f in result.findings]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=CHANGES, watcher=st.booleans())
def test_after_any_edits_across_the_project_every_file_has_the_diagnostics_of_a_fresh_lint(
    tmp_path_factory: pytest.TempPathFactory, changes: list[tuple[str, str, int, str]], watcher: bool
):
    """One buffer is edited at a time (the last file edited, in the version edited), the rest is on
    disk; after each change the edited buffer, and another file opened unchanged, are diagnosed as a lint
    from scratch diagnoses them."""
    root = tmp_path_factory.mktemp("project")
    for relative, versions in PROJECT.items():
        write(root, relative, versions[0])
    server = MigcheckServer()
    server.watching = watcher
    config, context = _project(str(root), str(root))
    server.lint(context, config, None, None, walked=True)  # what the server does on `initialized`
    edited: tuple[str, str] | None = None
    for how, relative, version, opened in changes:
        versions = PROJECT[relative]
        text = versions[version % len(versions)]
        if how == "edit" and text is not None and relative in OPENED:
            edited = (relative, text)
        elif how == "disk":
            write(root, relative, text)
            server.changed_on_disk([str(root / relative)], walk_again=True)
        elif how == "move" and relative in MOVED:
            there = next((p for p in (relative, MOVED[relative]) if (root / p).exists()), None)
            if there is not None:
                elsewhere = MOVED[relative] if there == relative else relative
                write(root, elsewhere, (root / there).read_text())
                write(root, there, None)
                server.changed_on_disk([str(root / there), str(root / elsewhere)], walk_again=True)
        if edited is not None:
            assert _diagnostics(server, root, *edited) == _from_scratch(root, *edited), edited[0]
        if (root / opened).exists() and (edited is None or edited[0] != opened):
            saved = (root / opened).read_text()
            assert _diagnostics(server, root, opened, saved) == _from_scratch(root, opened, saved), opened


# --- which rules may be checked one cloud service at a time -----------------------------------------------


def _per_service(rule: Rule, estate: Estate) -> list[Finding]:
    """The rule's findings over each cloud service alone, in order: what the server keeps per service; then
    over the services of extended support alone, as the server checks them."""
    alone = [
        f
        for service in estate.cloud_services
        for f in rule.check(Estate(estate.subscription, (), cloud_services=(service,)))
    ]
    outside = Estate(estate.subscription, (), extended_support=estate.extended_support)
    return alone + (list(rule.check(outside)) if estate.extended_support else [])


def _rule_examples(folder: Path) -> Path:
    """Every example of every rule, each in a folder of its own, as one project."""
    for rule in RULES:
        for number, example in enumerate((*rule.invalid, *rule.valid)):
            for path, text in example.files.items():
                write(folder, f"{rule.code}/{number}/{path}", text)
    return folder


RULES = MigcheckServer().rules
REPOSITORY = Path(__file__).resolve().parents[2]
CORPUS = REPOSITORY.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def estates(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> list[Estate]:
    """The estates of the examples, of every rule's examples and of the corpus (when present). The corpus's
    are those of the session's check of it (`corpus_lint`): its folder has no settings and the server's
    rules are the built-in ones, so it is the check this fixture would run again."""
    folders = [REPOSITORY / "examples", _rule_examples(tmp_path_factory.mktemp("examples"))]
    found = []
    for folder in folders:
        config = load_config(start=str(folder))
        found += lint([str(folder)], config, RULES).estates
    if CORPUS.is_dir():
        found += request.getfixturevalue("corpus_lint").estates
    return found


@pytest.mark.parametrize("rule", [r for r in RULES if r.per_cloud_service], ids=lambda r: r.code)
def test_a_rule_checked_per_cloud_service_finds_over_each_service_alone_what_it_finds_over_all(
    rule: Rule, estates: list[Estate]
):
    assert any(_per_service(rule, estate) for estate in estates)  # the estates exercise the rule
    for estate in estates:
        assert _per_service(rule, estate) == list(rule.check(estate))


class _ServicesInNetworks(Rule):
    """Reads more than one service at a time: the networks' members. Declaring it per cloud service is
    wrong, and the comparison above tells."""

    code, name, looks_at, per_cloud_service = "X901", "services-in-networks", frozenset(), True

    def check(self, estate: Estate) -> Iterator[Finding]:
        for network in estate.virtual_networks:
            for service, _ in network.members:
                yield Finding("X901", self.name, Severity.INFO, "placed", "", service.mark, "x", service.name)


def test_the_comparison_tells_a_rule_wrongly_declared_per_cloud_service(estates: list[Estate]):
    rule = _ServicesInNetworks()
    assert any(_per_service(rule, estate) != list(rule.check(estate)) for estate in estates)


# --- what a change does again --------------------------------------------------------------------------------


def test_a_change_joins_again_its_folder_only_and_rechecks_only_what_it_can_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    for relative, versions in PROJECT.items():
        write(tmp_path, relative, versions[0])
    server = MigcheckServer()
    server.watching = True
    config, context = _project(str(tmp_path), str(tmp_path))
    server.lint(context, config, None, None, walked=True)

    joined: list[str] = []
    checked: dict[str, list[tuple[str, ...]]] = {}
    packaged = migcheck.estate._Linker._packaged_service

    def joining(linker: Any, folder: str, *args: Any) -> Any:
        joined.append(os.path.basename(folder))
        return packaged(linker, folder, *args)

    def spy(rule: Rule) -> None:
        check = rule.check

        def checking(estate: Estate) -> Iterator[Finding]:
            checked.setdefault(rule.code, []).append(tuple(s.name for s in estate.cloud_services))
            return check(estate)

        monkeypatch.setattr(rule, "check", checking)

    monkeypatch.setattr(migcheck.estate._Linker, "_packaged_service", joining)
    for code in ("MIG101", "MIG104", "MIG303"):
        spy(server.rules.rules[code])
    buffer = "net/shop/ServiceConfiguration.Cloud.cscfg"
    diagnostics = _diagnostics(server, tmp_path, buffer, PROJECT[buffer][1])
    assert joined == ["shop"]  # the other folders of definitions and configurations are kept
    # A rule about one service at a time: over the edited service, and the services joined after the
    # folders (a REST deployment, a folder of exported VMs), which are new objects at each link.
    assert sorted(checked["MIG101"]) == [("jump",), ("shop",), ("vms",)]
    assert checked["MIG104"] == [("shop", "jump", "vms")]  # about the whole estate: run again
    assert "MIG303" not in checked  # about network configurations only: no file of theirs changed
    monkeypatch.undo()
    assert diagnostics == _from_scratch(tmp_path, buffer, PROJECT[buffer][1])


def test_a_buffer_that_starts_defining_networks_splits_the_subscriptions_again(tmp_path: Path):
    """On disk the second network configuration file holds something else (so the project is one
    subscription); in the buffer it is a network configuration, so the project is two, and its `vnet-a`
    is not the first one's: no MIG004. What the server keeps of the last split must not keep it one."""
    for relative, versions in PROJECT.items():
        write(tmp_path, relative, versions[0])
    other, whole = "other/NetworkConfig.netcfg", PROJECT["other/NetworkConfig.netcfg"][1]
    assert whole is not None
    write(tmp_path, other, PROJECT[other][2])
    server = MigcheckServer()
    server.watching = True
    config, context = _project(str(tmp_path), str(tmp_path))
    assert len(server.lint(context, config, None, None, walked=True).estates) == 1
    diagnostics = _diagnostics(server, tmp_path, other, whole)
    assert "MIG004" not in [d.code for d in diagnostics]
    assert diagnostics == _from_scratch(tmp_path, other, whole)


def test_a_project_configuration_that_becomes_readable_goes_with_the_project_s_deployments(tmp_path: Path):
    """On disk the project's configuration does not parse (so it stays in the folder's group); in the buffer
    it parses, and goes with the project to each subscription a publish profile deploys it in, where its
    access control list is each service's. What the server keeps of the last split must not keep it apart."""
    from test_a_cloud_service_project_s_publish_profile_names_the_service_and_subscription_it_publishes_to import (
        OTHER_SUBSCRIPTION,
        profile,
    )
    from test_a_project_published_to_two_subscriptions_is_a_service_of_its_roles_in_each import (
        CSCFG_WITH_ACL_AND_GHOST,
        CSDEF_WITH_ENDPOINT,
    )

    write(tmp_path, "Pool/ServiceDefinition.csdef", CSDEF_WITH_ENDPOINT)
    write(tmp_path, "Pool/Profiles/poolProd.azurePubxml", profile("pool-prod"))
    write(tmp_path, "Pool/Profiles/poolStaging.azurePubxml", profile("pool-stage", OTHER_SUBSCRIPTION))
    buffer = "Pool/ServiceConfiguration.Cloud.cscfg"
    write(tmp_path, buffer, CSCFG_WITH_ACL_AND_GHOST.replace("</ServiceConfiguration>", ""))
    server = MigcheckServer()
    server.watching = True
    config, context = _project(str(tmp_path), str(tmp_path))
    server.lint(context, config, None, None, walked=True)
    diagnostics = _diagnostics(server, tmp_path, buffer, CSCFG_WITH_ACL_AND_GHOST)
    assert sorted(d.message.split("'")[5] for d in diagnostics if d.code == "MIG201") == [
        "pool-prod",
        "pool-stage",
    ]
    assert diagnostics == _from_scratch(tmp_path, buffer, CSCFG_WITH_ACL_AND_GHOST)
