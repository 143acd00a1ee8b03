"""Python files that use the classic SDK without naming it: a module that calls a `ServiceManagementService`
another module builds (`self.sms().create_hosted_service(...)`, as nixops does) is classic by the methods
only that service has. A folder walk reads it, MIG601 reports it at its first such call, and nothing else is
made of calls whose values the file does not state."""

from __future__ import annotations

import textwrap

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import ClassicCall, Document, ExtendedSupportService, FileKind, Mark, ReservedIp, Script
from migcheck.plugins import load_rules
from migcheck.readers import python_flow, python_script, read_document

PATH = "nixops/resources/azure_reserved_ip_address.py"

# The shape of nixops' azure_reserved_ip_address.py: `import azure` only, the service reached through a
# helper, azure < 1.0's exceptions.
RESERVED_IP = """
import azure

from nixops.azure_common import ResourceState


class AzureReservedIPAddressState(ResourceState):
    def get_resource(self):
        return self.sms().get_reserved_ip_address(self.reserved_ip_address_name)

    def create(self, defn, check, allow_reboot, allow_recreate):
        if check:
            try:
                address = self.get_settled_resource()
            except azure.WindowsAzureMissingResourceError:
                self.warn_missing_resource()
        try:
            self.sms().create_reserved_ip_address(defn.reserved_ip_address_name,
                                                  label = defn.label,
                                                  location = defn.location)
        except azure.WindowsAzureConflictError:
            raise Exception("tried creating a reserved IP address that already exists")

    def destroy(self, wipe=False):
        self.sms().delete_reserved_ip_address(self.reserved_ip_address_name)
"""

# The shape of nixops' azure_hosted_service.py: 0.20's exceptions, no azure < 1.0 name at all.
HOSTED_SERVICE = """
import azure


class AzureHostedServiceState(object):
    def get_resource(self):
        try:
            return self.sms().get_hosted_service_properties(self.resource_id)
        except azure.common.AzureMissingResourceHttpError:
            return None

    def destroy_resource(self):
        req = self.sms().delete_hosted_service(self.resource_id)
        self.finish_request(req)

    def create(self, defn):
        req = self.sms().create_hosted_service(defn.hosted_service_name, defn.label,
                                               location = defn.location)
        self.sms().update_hosted_service(self.hosted_service_name, label = defn.label)
"""

RESOURCE_MANAGER = """
from azure.identity import DefaultAzureCredential
from azure.mgmt.compute import ComputeManagementClient

compute_client = ComputeManagementClient(DefaultAzureCredential(), subscription_id)
poller = compute_client.virtual_machines.begin_create_or_update('rg', 'vm01', parameters)
compute_client.virtual_machines.create_or_update('rg', 'vm02', parameters)
"""


def text(source: str) -> bytes:
    return textwrap.dedent(source).lstrip("\n").encode("utf-8")


def walked(source: str, path: str = PATH) -> Document | None:
    """The file as a folder walk reads it: None when the walk skips it."""
    return read_document(path, text(source), explicit=False)


def script_of(document: Document | None) -> Script:
    assert document is not None and document.kind is FileKind.PYTHON and document.problem is None
    scripts = [r for r in document.resources if isinstance(r, Script)]
    assert len(scripts) == 1, document.resources
    return scripts[0]


def lint_files(tmp_path, monkeypatch, files: dict[str, str]):
    for name, source in files.items():
        (tmp_path / name).write_bytes(text(source))
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(), load_rules(entry_points=False)).findings


def findings(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, str, int, int, str]]:
    found = lint_files(tmp_path, monkeypatch, files)
    return [(f.code, f.location.path, f.location.line, f.location.column, f.message) for f in found]


# --- the nixops shapes -----------------------------------------------------------------------------------


def test_a_walk_reads_a_file_that_calls_the_service_through_a_helper():
    assert python_script.sniff(text(RESERVED_IP))
    assert python_script.sniff(text(HOSTED_SERVICE))
    assert python_script.sniff(b"x.sms().delete_role_instances(s, d, names)")


def test_the_calls_only_the_service_has_are_its_calls_at_their_method_names():
    script = script_of(walked(RESERVED_IP))
    assert script.calls == (
        ClassicCall("get_reserved_ip_address", Mark(PATH, 8, column=27)),
        ClassicCall("create_reserved_ip_address", Mark(PATH, 17, column=24)),
        ClassicCall("delete_reserved_ip_address", Mark(PATH, 24, column=20)),
    )
    assert script.mark == Mark(PATH, 8, column=27)
    assert script.migration == ()


def test_values_the_file_does_not_state_make_no_resource():
    document = walked(RESERVED_IP)
    assert document is not None
    assert [r for r in document.resources if not isinstance(r, Script)] == []


def test_mig601_names_the_calls_with_the_same_advice_as_for_other_classic_files(tmp_path, monkeypatch):
    found = findings(
        tmp_path,
        monkeypatch,
        {"azure_reserved_ip_address.py": RESERVED_IP, "azure_hosted_service.py": HOSTED_SERVICE},
    )
    assert [(code, path, line, column) for code, path, line, column, _ in found] == [
        ("MIG601", "azure_hosted_service.py", 7, 31),
        ("MIG601", "azure_reserved_ip_address.py", 8, 27),
    ]
    hosted, reserved = (message for *_, message in found)
    assert hosted.startswith(
        "Python script 'azure_hosted_service.py' uses the Service Management SDK (get_hosted_service_properties, "
        "delete_hosted_service, create_hosted_service, update_hosted_service): its calls that create classic "
        "cloud services (create_hosted_service) fail today"
    )
    assert reserved.startswith(
        "Python script 'azure_reserved_ip_address.py' uses the Service Management SDK (get_reserved_ip_address, "
        "create_reserved_ip_address, delete_reserved_ip_address)"
    )


def test_the_advice_is_that_for_a_file_that_imports_the_sdk(tmp_path, monkeypatch):
    importing = "from azure.servicemanagement import ServiceManagementService\n" + textwrap.dedent(
        HOSTED_SERVICE
    )
    found = lint_files(tmp_path, monkeypatch, {"helper.py": HOSTED_SERVICE, "importing.py": importing})
    assert [f.location.path for f in found] == ["helper.py", "importing.py"]
    assert found[0].fix == found[1].fix
    assert "create_hosted_service → ResourceManagementClient.resource_groups.create_or_update" in found[0].fix


def test_plain_values_describe_what_the_call_creates():
    document = walked(
        """
        import azure

        def create(self):
            self.sms().create_reserved_ip_address('shop-ip', location='West Europe')
        """
    )
    script = script_of(document)
    assert script.mark == Mark(PATH, 4, column=16)
    assert document is not None
    assert [r for r in document.resources if isinstance(r, ReservedIp)] == [
        ReservedIp("shop-ip", "", "", Mark(PATH, 4, column=16))
    ]


def test_a_call_shared_with_other_libraries_is_classic_only_with_the_sdk_imported():
    source = """
        import azure

        def remove(self):
            self.sms().delete_deployment(self.service, self.name)
            self.sms().delete_reserved_ip_address(self.ip)
        """
    assert script_of(walked(source)).calls == (
        ClassicCall("delete_reserved_ip_address", Mark(PATH, 5, column=16)),
    )


# --- near misses -----------------------------------------------------------------------------------------


def test_a_resource_manager_script_is_not_read():
    assert not python_script.sniff(text(RESOURCE_MANAGER))
    assert walked(RESOURCE_MANAGER) is None


def test_a_method_named_in_a_comment_or_a_string_only_is_no_call(tmp_path, monkeypatch):
    source = """
        # Formerly: sms.create_hosted_service(name, label, location='West Europe')
        HELP = "create_hosted_service is gone; use cloud_services.begin_create_or_update"

        def deploy(client):
            client.cloud_services.begin_create_or_update('rg', 'svc', parameters)
        """
    document = walked(source)
    assert document is not None and document.problem is None
    # the Resource Manager call creates a cloud service of extended support: evidence, no classic call; it is
    # told only that the platform retires (MIG101, a warning at the call)
    assert [type(r) for r in document.resources] == [ExtendedSupportService]
    assert [f[:3] for f in findings(tmp_path, monkeypatch, {"deploy.py": source})] == [
        ("MIG101", "deploy.py", 5)
    ]


def test_azure_before_1_0_exceptions_alone_are_storage_as_much_as_service_management():
    # azure < 1.0's blob, table and queue services raise the same exceptions: a storage backend is no
    # classic automation.
    source = """
        from azure.storage import BlobService
        from azure import WindowsAzureMissingResourceError

        def exists(self, name):
            try:
                self.blob.get_blob_properties(self.container, name)
            except WindowsAzureMissingResourceError:
                return False
            return True
        """
    assert walked(source) is None


def test_a_method_of_the_scripts_own_with_the_name_is_not_the_sdk():
    source = """
        class Network:
            def create_reserved_ip_address(self, name):
                return self.client.public_ip_addresses.begin_create_or_update('rg', name, {})

            def run(self):
                self.create_reserved_ip_address('shop-ip')
        """
    document = walked(source)
    assert document is not None and document.resources == ()


def test_a_wrapper_of_the_service_keeps_its_calls():
    # The wrapper's own method has the service's name; what it calls on the service is the classic call.
    source = """
        class CloudServiceAdapter(object):
            def create_hosted_service(self, *args, **kwargs):
                return self.service.create_hosted_service(*args, **kwargs)
        """
    assert script_of(walked(source)).calls == (
        ClassicCall("create_hosted_service", Mark(PATH, 3, column=29)),
    )


def test_the_methods_taken_by_name_are_methods_of_the_sdk():
    assert python_script.SERVICE_MANAGEMENT_ONLY <= python_flow.CLASSIC_METHODS


def test_a_walk_reads_a_call_of_each_of_them():
    for name in sorted(python_script.SERVICE_MANAGEMENT_ONLY):
        assert python_script.sniff(f"self.sms().{name}(x)".encode()), name
