"""A script that creates its cloud services in those it is given on its command line (`sys.argv[1]`) reads
each argument as one value wherever it is read, as the classic CLI path does: the VMs two calls add to
`sys.argv[1]`'s deployment are one service's, and those added to `sys.argv[2]`'s another's. A service the
script does not name but whose deployment it does (`"dep"`) stands as `<cloud service of deployment dep,
deploy.py:6>`, with the line of the call as the script's other stand-ins say it: two deployments of one
name in services given by two arguments were listed alike (`<cloud service of deployment dep, deploy.py>`),
and the plan gave no line to fill the name in at."""

from __future__ import annotations

from lint_support import lint_files

SCRIPT = """\
import sys
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")
sms.create_hosted_service(sys.argv[1], "label", location="West US")
sms.create_virtual_machine_deployment(sys.argv[1], "dep", "production", "dep", "web1", LinuxConfigurationSet("web1", "o", "p"), OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/web1.vhd"))
sms.add_role(sys.argv[1], "dep", "web2", LinuxConfigurationSet("web2", "o", "p"), OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/web2.vhd"))
sms.create_virtual_machine_deployment(sys.argv[2], "dep", "production", "dep", "db1", LinuxConfigurationSet("db1", "o", "p"), OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/db1.vhd"))
"""


def test_each_argument_is_one_service_listed_at_the_line_that_creates_its_deployment(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": SCRIPT})
    services = sorted(
        (service.listed_name, sorted(vm.name for vm in service.vms))
        for estate in result.estates
        for service in estate.cloud_services
    )
    assert services == [
        ("<cloud service of deployment dep, deploy.py:6>", ["web1", "web2"]),
        ("<cloud service of deployment dep, deploy.py:8>", ["db1"]),
    ]


def test_a_rest_body_naming_no_service_is_still_listed_by_its_file(tmp_path, monkeypatch):
    body = (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>dep</Name>'
        "<DeploymentSlot>Production</DeploymentSlot><RoleList><Role><RoleName>web1</RoleName>"
        "<RoleType>PersistentVMRole</RoleType></Role></RoleList></Deployment>\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"d.xml": body})
    names = [service.listed_name for estate in result.estates for service in estate.cloud_services]
    assert names == ["<cloud service of deployment dep, d.xml>"]
