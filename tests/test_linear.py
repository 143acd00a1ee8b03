"""Cost stays linear in the size of one file on inputs built to find quadratic paths: a linter runs on
untrusted pull requests, so no input under the size cap may take more than seconds."""

from __future__ import annotations

from growth import assert_linear

from migcheck.model import Role
from migcheck.readers import read_document
from migcheck.source import SourceText


def _locate_every_role(data: bytes):
    def work():
        document = read_document("ServiceDefinition.csdef", data, explicit=True)
        assert document is not None and document.problem is None
        source = SourceText(document.text)
        roles = [r for d in document.resources for r in getattr(d, "roles", ()) if isinstance(r, Role)]
        assert roles
        for role in roles:
            source.locate(role.mark)

    return work


def test_columns_on_a_file_written_on_one_line():
    def make(n: int):
        roles = "".join(f'<WorkerRole name="r{i}" vmsize="Small"/>' for i in range(n))
        return _locate_every_role(f'<ServiceDefinition name="s">{roles}</ServiceDefinition>'.encode())

    assert_linear(make, 2000)


def test_marks_of_elements_written_with_many_prefixes():
    namespace = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"

    def make(n: int):
        roles = "".join(f'<p{i}:WorkerRole xmlns:p{i}="{namespace}" name="r{i}"/>' for i in range(n))
        return _locate_every_role(f'<ServiceDefinition name="s">{roles}</ServiceDefinition>'.encode())

    assert_linear(make, 2000)


def test_the_suppression_filter_on_many_findings_and_comments(tmp_path, monkeypatch, capsys):
    from migcheck.cli import main

    monkeypatch.chdir(tmp_path)

    def make(n: int):
        folder = tmp_path / f"n{n}"
        folder.mkdir(exist_ok=True)
        controls = "".join(
            f'<!-- migcheck: ignore[MIG201] known -->\n<AccessControl name="ac{i}">'
            f'<Rule action="permit" order="1" remoteSubnet="10.0.0.0/8" description="d"/></AccessControl>\n'
            for i in range(n)
        )
        acls = "".join(f'<EndpointAcl role="r" endPoint="e{i}" accessControl="ac{i}"/>\n' for i in range(n))
        (folder / "ServiceConfiguration.Cloud.cscfg").write_text(
            f'<ServiceConfiguration serviceName="s">\n<Role name="r"><Instances count="1"/></Role>\n'
            f"<NetworkConfiguration><AccessControls>\n{controls}</AccessControls><EndpointAcls>\n{acls}"
            "</EndpointAcls></NetworkConfiguration></ServiceConfiguration>\n"
        )

        def work():
            main(["check", folder.name, "--format", "json", "--exit-zero"])
            capsys.readouterr()

        return work

    assert_linear(make, 500)


def test_end_positions_and_fix_edits_on_a_file_written_on_one_line():
    """Every finding's end and fix edit on one line: each scan covers its own element only."""
    from migcheck.fixes import apply_edits
    from migcheck.model import AddressPrefix, Edit, Fix, Part

    def make(n: int):
        subnets = "".join(
            f'<Subnet name="s{i}"><AddressPrefix>10.{i % 250}.0.00/24</AddressPrefix></Subnet>'
            for i in range(n)
        )
        text = (
            '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
            '<VirtualNetworkConfiguration><VirtualNetworkSites><VirtualNetworkSite name="v" Location="x">'
            f"<Subnets>{subnets}</Subnets></VirtualNetworkSite></VirtualNetworkSites>"
            "</VirtualNetworkConfiguration></NetworkConfiguration>"
        )
        document = read_document("NetworkConfig.netcfg", text.encode(), explicit=True)
        assert document is not None and document.problem is None
        marks = [obj.mark for obj in _walk(document.resources) if isinstance(obj, AddressPrefix)]
        assert len(marks) == n

        def work():
            source = SourceText(document.text)
            edits = []
            for mark in marks:
                assert source.locate(mark).end_line == 1
                fix = source.resolve(Fix("strict", (Edit(mark, Part.TEXT, "10.0.0.0/24"),)))
                assert fix is not None
                edits.extend(fix.edits)
            assert "00/24" not in apply_edits(document.text, edits)

        return work

    assert_linear(make, 2000)


def _walk(objects):
    for obj in objects:
        yield obj
        if isinstance(obj, tuple):
            yield from _walk(obj)
        elif hasattr(obj, "__dataclass_fields__"):
            yield from _walk(tuple(getattr(obj, name) for name in obj.__dataclass_fields__))
