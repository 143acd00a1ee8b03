"""Python scripts: REST bodies filled in from a template with values the script does not state as text, and
data disks the script detaches.

A Create Deployment body whose service configuration the script reads from a file and encodes
(`base64.b64encode(open(...).read()).decode()`) is read with a stand-in for it, whatever the shape that
fills it in (`%`, `%` of a tuple or a dict, `.format` by position or by name, an f-string, `+`,
`.replace`): its package's roles are web/worker roles (MIG101). A finding inside a body filled in from
literals the script writes is shown at its element there, not at the start of the expression.

`delete_data_disk(service, deployment, role, lun)` that surely runs takes the data disk the file gives the
VM at that LUN off it; a disk the file does not give the VM is left to the link stage, which takes it off
the VM another file creates (`Role.removed_luns`). Each behaviour is checked at its line and column, with
the near misses that must not change."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment, Role
from migcheck.readers import read_document

SUB = "11111111-2222-3333-4444-555555555555"
HEADER = f"""\
import base64
from azure.servicemanagement import ServiceManagementService

SUB = '{SUB}'
sms = ServiceManagementService(SUB, 'mgmt.pem')

config = base64.b64encode(open('svc/ServiceConfiguration.Cloud.cscfg', 'rb').read()).decode()
"""
# A Create Deployment body, `{field}` where the script puts the service configuration.
CREATE = """<?xml version="1.0" encoding="utf-8"?>
<CreateDeployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>shop-v2</Name>
  <PackageUrl>https://contosodeploy.blob.core.windows.net/packages/Shop.cspkg</PackageUrl>
  <Label>c2hvcC12Mg==</Label>
  <Configuration>{field}</Configuration>
  <StartDeployment>true</StartDeployment>
</CreateDeployment>"""
HEAD, TAIL = CREATE.split("{field}")
SEND = "\nsms.perform_post('/' + SUB + '/services/hostedservices/shop/deploymentslots/production', BODY)\n"
PACKAGE_ROLES = (
    "cloud service 'shop' has web or worker roles the files do not name (the roles of package Shop.cspkg"
)


def mig(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], code: str) -> list[str]:
    """`CODE path:line:column` of the findings of rule `code` on the files."""
    return where(lint_files(tmp_path, monkeypatch, files, code, dedent=False).findings)


def messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, code: str) -> list[str]:
    """The messages of the findings of rule `code` on the script `deploy.py`."""
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": text}, code, dedent=False)
    return [f.message for f in result.findings]


def position(text: str, piece: str) -> str:
    """`line:column` of the first `piece` in `text`, both 1-based."""
    offset = text.index(piece)
    return f"{text.count(chr(10), 0, offset) + 1}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


# --- 1. a Create Deployment body filled in with a configuration the script encodes ----------------------------

SHAPES = {
    "percent": 'BODY = """' + CREATE.format(field="%s") + '""" % config\n',
    "percent of a tuple": 'BODY = """' + CREATE.format(field="%s") + '""" % (config,)\n',
    "percent of a dict": 'BODY = """' + CREATE.format(field="%(cfg)s") + '""" % {"cfg": config}\n',
    "format by position": 'BODY = """' + CREATE.format(field="{}") + '""".format(config)\n',
    "format by number": 'BODY = """' + CREATE.format(field="{0}") + '""".format(config)\n',
    "format by name": 'BODY = """' + CREATE.format(field="{cfg}") + '""".format(cfg=config)\n',
    "f-string": 'BODY = f"""' + CREATE.format(field="{config}") + '"""\n',
    "plus": 'BODY = """' + HEAD + '""" + config + """' + TAIL + '"""\n',
    "replace": 'BODY = """' + CREATE.format(field="$CONFIG") + '""".replace("$CONFIG", config)\n',
    "template in a name": 'TEMPLATE = """' + CREATE.format(field="%s") + '"""\nBODY = TEMPLATE % config\n',
    "bytes": 'BODY = """'
    + CREATE.format(field="%s")
    + '""" % base64.b64encode(open("ServiceConfiguration.Cloud.cscfg", "rb").read())\n',
}


@pytest.mark.parametrize("shape", SHAPES)
def test_a_create_deployment_with_an_encoded_configuration_reports_its_package_at_the_package_url(
    tmp_path, monkeypatch, shape
):
    text = HEADER + SHAPES[shape] + SEND
    assert mig(tmp_path, monkeypatch, {"deploy.py": text}, "MIG101") == [
        f"MIG101 deploy.py:{position(text, '<PackageUrl>')}"
    ]
    assert position(text, "<PackageUrl>") == "11:3"
    (message,) = messages(tmp_path, monkeypatch, text, "MIG101")
    assert message.startswith(PACKAGE_ROLES)


def test_a_create_deployment_in_a_function_the_script_calls_is_read_too(tmp_path, monkeypatch):
    text = (
        HEADER
        + "\n\ndef deploy(service):\n"
        + '    body = """'
        + CREATE.format(field="%s")
        + '""" % config\n'
        + "    sms.perform_post('/' + SUB + '/services/hostedservices/' + service + '/deploymentslots/production',"
        " body)\n\n\ndeploy('shop')\n"
    )
    assert mig(tmp_path, monkeypatch, {"deploy.py": text}, "MIG101") == [
        f"MIG101 deploy.py:{position(text, '<PackageUrl>')}"
    ]


def test_a_configuration_the_script_writes_out_reports_the_package_at_the_package_url(tmp_path, monkeypatch):
    # Read before as well, but shown at the start of the string: the element is where the template has it.
    text = HEADER.replace("base64.b64encode(", "'PFNlcnZpY2VDb25maWd1cmF0aW9uIC8+'  # ").replace(
        ".decode()", ""
    )
    text += SHAPES["percent"] + SEND
    assert mig(tmp_path, monkeypatch, {"deploy.py": text}, "MIG101") == ["MIG101 deploy.py:11:3"]


def test_a_value_of_several_lines_moves_the_elements_after_it_in_the_template(tmp_path, monkeypatch):
    # The label is written on two lines of its own literal: the package is on the template's line still.
    template = CREATE.replace("  <Name>shop-v2</Name>\n", "%s\n").replace("c2hvcC12Mg==", "%s")
    text = (
        HEADER
        + 'NAME = """  <Name>\n    shop-v2</Name>"""\n'
        + 'BODY = """'
        + template.format(field="%s")
        + '""" % (NAME, "c2hvcC12Mg==", config)\n'
        + SEND
    )
    assert mig(tmp_path, monkeypatch, {"deploy.py": text}, "MIG101") == [
        f"MIG101 deploy.py:{position(text, '<PackageUrl>')}"
    ]


def test_a_package_url_filled_in_from_a_value_is_shown_where_the_value_is_written(tmp_path, monkeypatch):
    # The element comes from the value, written in a literal of its own: shown there.
    url = "  <PackageUrl>https://contosodeploy.blob.core.windows.net/packages/Shop.cspkg</PackageUrl>"
    template = CREATE.replace(url, "%s")
    text = (
        HEADER
        + f"URL = '{url.strip()}'\n"
        + 'BODY = """'
        + template.format(field="%s")
        + '""" % (URL, config)\n'
    )
    text += SEND
    assert mig(tmp_path, monkeypatch, {"deploy.py": text}, "MIG101") == ["MIG101 deploy.py:8:8"]
    assert position(text, "<PackageUrl>") == "8:8"


def test_a_package_url_filled_in_from_a_value_not_written_as_it_is_is_shown_at_the_expression(
    tmp_path, monkeypatch
):
    # Two literals written side by side are one string whose lines are not the file's.
    url = "  <PackageUrl>https://contosodeploy.blob.core.windows.net/packages/Shop.cspkg</PackageUrl>"
    template = CREATE.replace(url, "%s")
    value = "URL = '<PackageUrl>https://contosodeploy.blob.core.windows.net/packages/Shop.cspkg' '</PackageUrl>'\n"
    text = HEADER + value + 'BODY = """' + template.format(field="%s") + '""" % (URL, config)\n' + SEND
    assert mig(tmp_path, monkeypatch, {"deploy.py": text}, "MIG101") == ["MIG101 deploy.py:9:8"]


def test_a_template_written_with_escapes_is_shown_at_the_expression(tmp_path, monkeypatch):
    # Not written as the text it makes (its lines are not the file's): the expression that fills it in.
    template = CREATE.format(field="%s").replace("\n", "\\n")
    text = HEADER + "BODY = '" + template + "' % config\n" + SEND
    assert mig(tmp_path, monkeypatch, {"deploy.py": text}, "MIG101") == ["MIG101 deploy.py:8:8"]


def test_a_body_joined_with_a_list_is_not_read(tmp_path, monkeypatch):
    # `str + list` is a TypeError: no body, and so no role.
    text = HEADER + 'BODY = """' + HEAD + '""" + [config] + """' + TAIL + '"""\n' + SEND
    assert mig(tmp_path, monkeypatch, {"deploy.py": text}, "MIG101") == []


def test_a_package_url_the_script_does_not_state_names_the_roles_by_a_stand_in(tmp_path, monkeypatch):
    url = "https://contosodeploy.blob.core.windows.net/packages/Shop.cspkg"
    template = CREATE.format(field="%s").replace(url, "%s")
    text = HEADER + "import sys\n" + 'BODY = """' + template + '""" % (sys.argv[1], config)\n' + SEND
    assert mig(tmp_path, monkeypatch, {"deploy.py": text}, "MIG101") == [
        f"MIG101 deploy.py:{position(text, '<PackageUrl>')}"
    ]
    (message,) = messages(tmp_path, monkeypatch, text, "MIG101")
    assert message.startswith("cloud service 'shop' has web or worker roles the files do not name")


LB_SET = """<?xml version="1.0" encoding="utf-8"?>
<LoadBalancedEndpointList xmlns="http://schemas.microsoft.com/windowsazure">
  <InputEndpoint>
    <LoadBalancedEndpointSetName>web-lb</LoadBalancedEndpointSetName>
    <LocalPort>80</LocalPort>
    <Port>%s</Port>
    <Protocol>tcp</Protocol>
    <EndpointACL>
      <Rules>
        <Rule>
          <Order>100</Order>
          <Action>permit</Action>
          <RemoteSubnet>131.107.0.0/16</RemoteSubnet>
        </Rule>
      </Rules>
    </EndpointACL>
  </InputEndpoint>
</LoadBalancedEndpointList>"""


def lb_set_script(template: str) -> str:
    return (
        "import os\n"
        + HEADER.split("\n\nconfig")[0].replace("import base64\n", "")
        + '\n\nLBSET = """'
        + template
        + '""" % os.environ["PUBLIC_PORT"]\n\n'
        + "sms.perform_post('/' + SUB + '/services/hostedservices/contoso-web/deployments/contoso-web"
        "?comp=UpdateLbSet', LBSET)\n"
    )


def test_an_acl_in_a_template_filled_in_from_the_environment_is_shown_at_its_element(tmp_path, monkeypatch):
    text = lb_set_script(LB_SET)
    assert mig(tmp_path, monkeypatch, {"lbset.py": text}, "MIG201") == [
        f"MIG201 lbset.py:{position(text, '<EndpointACL>')}"
    ]
    assert position(text, "<EndpointACL>") == "14:5"


def test_an_acl_the_template_writes_whole_is_reported_there_and_left_to_the_author(tmp_path, monkeypatch):
    text = lb_set_script(LB_SET)
    result = lint_files(tmp_path, monkeypatch, {"lbset.py": text}, "MIG201", dedent=False)
    (finding,) = result.findings
    assert where([finding]) == [f"MIG201 lbset.py:{position(text, '<EndpointACL>')}"]
    assert not finding.fixable  # --fix writes the classic files checked, never a script


def test_an_acl_that_holds_a_field_of_the_template_is_shown_there_but_not_fixed(tmp_path, monkeypatch):
    # Removing the element from the file would remove the field: the script would fail to fill it in.
    template = LB_SET.replace("<Port>%s</Port>", "<Port>80</Port>").replace("131.107.0.0/16", "%s")
    text = lb_set_script(template)
    result = lint_files(tmp_path, monkeypatch, {"lbset.py": text}, "MIG201", dedent=False)
    (finding,) = result.findings
    assert where([finding]) == [f"MIG201 lbset.py:{position(text, '<EndpointACL>')}"]
    assert not finding.fixable


# --- 2. data disks the script detaches ---------------------------------------------------------------------

ACCOUNT = "https://contoso.blob.core.windows.net"
SDK = "from azure.servicemanagement import *\nsms = ServiceManagementService('sub', 'cert.pem')\n"
ATTACH = f"sms.add_data_disk('shop', 'prod', 'web01', 0, media_link='{ACCOUNT}/vhds/data/d0.vhd')\n"
# Where ATTACH names the blob, on line 3.
AT_BLOB = f"MIG401 deploy.py:3:{ATTACH.index(chr(39) + 'https') + 1}"


def detached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: str, before: str = "") -> list[str]:
    return mig(tmp_path, monkeypatch, {"deploy.py": SDK + before + ATTACH + after}, "MIG401")


def test_a_data_disk_detached_after_it_is_attached_is_gone(tmp_path, monkeypatch):
    assert detached(tmp_path, monkeypatch, "sms.delete_data_disk('shop', 'prod', 'web01', 0)\n") == []
    keywords = "sms.delete_data_disk(service_name='shop', deployment_name='prod', role_name='web01', lun=0)\n"
    assert detached(tmp_path, monkeypatch, keywords) == []


@pytest.mark.parametrize(
    "after",
    [
        "sms.delete_data_disk('shop', 'prod', 'web01', 1)\n",  # another LUN
        "sms.delete_data_disk('shop', 'prod', 'web02', 0)\n",  # another VM
        "sms.delete_data_disk('shop', 'other', 'web01', 0)\n",  # another deployment
        "import os\nif os.environ.get('CLEANUP'):\n    sms.delete_data_disk('shop', 'prod', 'web01', 0)\n",
        "def cleanup():\n    sms.delete_data_disk('shop', 'prod', 'web01', 0)\n\ncleanup()\n",
        "import sys\nsms.delete_data_disk('shop', 'prod', *sys.argv[1:])\n",  # arguments not seen
    ],
)
def test_a_detach_of_another_disk_or_that_may_not_run_keeps_the_disk(tmp_path, monkeypatch, after):
    assert detached(tmp_path, monkeypatch, after) == [AT_BLOB]


def test_a_disk_attached_after_the_detach_stays(tmp_path, monkeypatch):
    text = SDK + "sms.delete_data_disk('shop', 'prod', 'web01', 0)\n" + ATTACH
    assert mig(tmp_path, monkeypatch, {"deploy.py": text}, "MIG401") == [AT_BLOB.replace(":3:", ":4:")]


AT_D1 = "MIG401 deploy.py:4:58"


def test_a_data_disk_the_vm_is_created_with_is_detached_too(tmp_path, monkeypatch):
    create = (
        f"disks = DataVirtualHardDisks()\ndisks.data_virtual_hard_disks.append("
        f"DataVirtualHardDisk('{ACCOUNT}/vhds/data/d1.vhd', lun=1))\n"
        "sms.add_role('shop', 'prod', 'web01', None, None, data_virtual_hard_disks=disks)\n"
    )
    text = SDK + create
    assert f"MIG401 deploy.py:4:{create.splitlines()[1].index(chr(39) + 'h') + 1}" == AT_D1
    assert mig(tmp_path, monkeypatch, {"deploy.py": text}, "MIG401") == [AT_D1]
    detach = "sms.delete_data_disk('shop', 'prod', 'web01', 1)\n"
    assert mig(tmp_path, monkeypatch, {"deploy.py": text + detach}, "MIG401") == []
    other = "sms.delete_data_disk('shop', 'prod', 'web01', 0)\n"
    assert mig(tmp_path, monkeypatch, {"deploy.py": text + other}, "MIG401") == [AT_D1]


def test_a_detach_of_a_lun_the_script_does_not_state_takes_every_disk_of_a_known_lun(tmp_path, monkeypatch):
    after = "import sys\nsms.delete_data_disk('shop', 'prod', 'web01', int(sys.argv[1]))\n"
    assert detached(tmp_path, monkeypatch, after) == []


def test_the_disks_record_their_lun():
    moved = (
        ATTACH.replace("add_data_disk", "update_data_disk")
        .replace("d0", "d2")
        .replace(")", ", updated_lun=2)")
    )
    text = SDK + ATTACH + ATTACH.replace(", 0,", ", 3,").replace("d0", "d3") + moved
    document = read_document("deploy.py", text.encode(), explicit=True)
    assert document is not None
    (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
    assert [(d.name, d.lun) for r in deployment.roles for d in r.disks] == [
        ("d0.vhd", "0"),
        ("d3.vhd", "3"),
        ("d2.vhd", "2"),  # where update_data_disk moves it
    ]


# A VM another file creates with a data disk whose blob name holds a "/", at LUN 0.
CREATE_FILE01 = f"""\
from azure.servicemanagement import *
sms = ServiceManagementService('sub', 'cert.pem')
disks = DataVirtualHardDisks()
disks.data_virtual_hard_disks.append(DataVirtualHardDisk('{ACCOUNT}/vhds/file01/shares.vhd', lun=0))
sms.add_role('fab-file', 'fab-file', 'file01', None, None, data_virtual_hard_disks=disks)
"""
CREATED_AT = "MIG401 01-file01.py:4:58"
DETACH = SDK + "sms.delete_data_disk('fab-file', 'fab-file', 'file01', {lun})\n"


def test_a_data_disk_another_script_detaches_is_gone(tmp_path, monkeypatch):
    assert mig(tmp_path, monkeypatch, {"01-file01.py": CREATE_FILE01}, "MIG401") == [CREATED_AT]
    files = {"01-file01.py": CREATE_FILE01, "02-detach.py": DETACH.format(lun=0)}
    assert mig(tmp_path, monkeypatch, files, "MIG401") == []


def test_a_script_read_first_detaches_the_disk_too(tmp_path, monkeypatch):
    files = {"01-file01.py": CREATE_FILE01, "00-detach.py": DETACH.format(lun="'0'")}
    assert mig(tmp_path, monkeypatch, files, "MIG401") == []


@pytest.mark.parametrize(
    "detach",
    [
        DETACH.format(lun=1),
        SDK
        + "import os\nif os.environ.get('CLEANUP'):\n    sms.delete_data_disk('fab-file', 'fab-file', 'file01', 0)\n",
        SDK + "sms.delete_data_disk('fab-file', 'fab-file', 'file02', 0)\n",
    ],
)
def test_another_script_detaching_another_disk_or_maybe_keeps_the_disk(tmp_path, monkeypatch, detach):
    files = {"01-file01.py": CREATE_FILE01, "02-detach.py": detach}
    assert mig(tmp_path, monkeypatch, files, "MIG401") == [CREATED_AT]


def test_another_script_that_detaches_then_attaches_at_the_lun_keeps_its_own_disk(tmp_path, monkeypatch):
    attach = (
        f"sms.add_data_disk('fab-file', 'fab-file', 'file01', 0, media_link='{ACCOUNT}/vhds/new/s.vhd')\n"
    )
    files = {"01-file01.py": CREATE_FILE01, "02-detach.py": DETACH.format(lun=0) + attach}
    assert mig(tmp_path, monkeypatch, files, "MIG401") == [
        f"MIG401 02-detach.py:4:{attach.index(chr(39) + 'h') + 1}"
    ]


def test_the_detach_is_a_change_that_records_the_lun_it_removes():
    text = DETACH.format(lun=0) + "sms.delete_data_disk('fab-file', 'fab-file', 'file01', 2)\n"
    document = read_document("02-detach.py", text.encode(), explicit=True)
    assert document is not None
    (change,) = [r for d in document.resources if isinstance(d, Deployment) for r in d.roles]
    assert isinstance(change, Role) and change.name == "file01"
    assert change.changes_existing and change.removed_luns == ("0", "2")
    assert change.disks == ()


def test_a_detach_the_file_makes_of_its_own_vm_is_no_change():
    text = CREATE_FILE01 + "sms.delete_data_disk('fab-file', 'fab-file', 'file01', 0)\n"
    document = read_document("01-file01.py", text.encode(), explicit=True)
    assert document is not None
    (vm,) = [r for d in document.resources if isinstance(d, Deployment) for r in d.roles]
    assert not vm.changes_existing and vm.removed_luns == () and vm.disks == ()


def test_an_f_string_written_with_escapes_is_shown_at_the_expression(tmp_path, monkeypatch):
    template = CREATE.format(field="{config}").replace("\n", "\\n")
    text = HEADER + "BODY = f'" + template + "'\n" + SEND
    assert mig(tmp_path, monkeypatch, {"deploy.py": text}, "MIG101") == ["MIG101 deploy.py:8:8"]


@pytest.mark.parametrize("shape", ["percent", "plus", "f-string", "format by name", "replace"])
def test_a_create_deployment_body_longer_than_any_name_is_read(tmp_path, monkeypatch, shape):
    """A body filled in from values is read however long a body a script sends is (here a comment of 20,000
    characters in it), not only up to the longest name the reader builds."""
    long = CREATE.replace("  <StartDeployment>", "  <!-- " + "x" * 20_000 + " -->\n  <StartDeployment>")
    head, tail = long.split("{field}")
    built = {
        "percent": 'BODY = """' + long.format(field="%s") + '""" % config\n',
        "plus": 'BODY = """' + head + '""" + config + """' + tail + '"""\n',
        "f-string": 'BODY = f"""' + long.format(field="{config}") + '"""\n',
        "format by name": 'BODY = """' + long.format(field="{cfg}") + '""".format(cfg=config)\n',
        "replace": 'BODY = """' + long.format(field="$CONFIG") + '""".replace("$CONFIG", config)\n',
    }
    text = HEADER + built[shape] + SEND
    assert mig(tmp_path, monkeypatch, {"deploy.py": text}, "MIG101") == [
        f"MIG101 deploy.py:{position(text, '<PackageUrl>')}"
    ]
