"""A call of a method the script defines itself, on an instance of its own class, runs that method's body,
not the Service Management SDK's method of the same name: `client.list_hosted_services()` after `client =
rdfe_client(...)` is what the method does (a REST request of its own), and is reported there. The SDK's
methods stay the SDK's wherever the object may be the SDK's: a service the script makes, a method a class
deriving from the service does not override, an object the reader does not know."""

from __future__ import annotations

import textwrap

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Script
from migcheck.plugins import load_rules
from migcheck.readers import read_document

# The shape of a REST helper for the classic API that names its methods after the SDK's.
RDFE = """
import requests


class rdfe_client:
    def __init__(self, subscription_id, cert_path):
        self.url = 'https://management.core.windows.net/' + subscription_id
        self.cert_path = cert_path

    def list_hosted_services(self):
        return requests.get(self.url + '/services/hostedservices', cert=self.cert_path,
                            headers={'x-ms-version': '2012-03-01'}).text


client = rdfe_client('00000000-0000-0000-0000-000000000000', 'mgmt.pem')
print(client.list_hosted_services())
"""


def findings(tmp_path, monkeypatch, files: dict[str, str]):
    for name, source in files.items():
        (tmp_path / name).write_text(textwrap.dedent(source), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return [
        (finding.code, finding.mark.line, finding.message)
        for finding in lint(["."], Config(), load_rules(entry_points=False)).findings
    ]


def test_the_own_method_is_reported_at_the_request_it_sends(tmp_path, monkeypatch):
    [(code, line, message)] = findings(tmp_path, monkeypatch, {"rdfe.py": RDFE})
    assert (code, line) == ("MIG601", 11)
    assert "uses the Service Management API (GET " in message
    assert "SDK" not in message and "list_hosted_services" not in message


def test_a_script_that_imports_the_sdk_keeps_its_own_method_too(tmp_path, monkeypatch):
    source = "from azure.servicemanagement import ServiceManagementService\n" + textwrap.dedent(RDFE)
    [(code, line, message)] = findings(tmp_path, monkeypatch, {"rdfe.py": source})
    assert (code, line) == ("MIG601", 12)
    assert "list_hosted_services" not in message


def test_an_object_the_reader_does_not_know_is_still_the_sdks(tmp_path, monkeypatch):
    source = textwrap.dedent(RDFE) + "other = make_client()\nother.list_hosted_services()\n"
    [(_, line, message)] = findings(tmp_path, monkeypatch, {"rdfe.py": source})
    assert line == 11 and "SDK" in message and "list_hosted_services" in message


def test_the_sdks_service_is_still_the_sdks(tmp_path, monkeypatch):
    source = """
        from azure.servicemanagement import ServiceManagementService

        class Report:
            def list_hosted_services(self):
                return []

        sms = ServiceManagementService('00000000-0000-0000-0000-000000000000', 'mgmt.pem')
        sms.list_hosted_services()
        """
    [(_, _, message)] = findings(tmp_path, monkeypatch, {"tool.py": source})
    assert "(ServiceManagementService, list_hosted_services)" in message


def test_an_override_of_a_class_deriving_from_the_service_is_the_scripts(tmp_path, monkeypatch):
    source = """
        from azure.servicemanagement import ServiceManagementService

        class CachedService(ServiceManagementService):
            def list_hosted_services(self):
                return ['cached']

        sms = CachedService('00000000-0000-0000-0000-000000000000', 'mgmt.pem')
        sms.list_hosted_services()
        sms.delete_hosted_service('legacysvc')
        """
    [(_, _, message)] = findings(tmp_path, monkeypatch, {"tool.py": source})
    # The class makes the SDK's service; the method it does not override is the service's, the override not.
    assert "(ServiceManagementService, delete_hosted_service)" in message


def test_a_class_deriving_from_the_service_makes_the_service(tmp_path, monkeypatch):
    source = """
        from azure.servicemanagement import ServiceManagementService

        class CachedService(ServiceManagementService):
            def list_hosted_services(self):
                return ['cached']

        sms = CachedService('00000000-0000-0000-0000-000000000000', 'mgmt.pem')
        sms.list_hosted_services()
        """
    [(_, line, message)] = findings(tmp_path, monkeypatch, {"tool.py": source})
    assert line == 8 and "(ServiceManagementService)" in message


def test_a_class_deriving_from_the_service_with_its_own_init_is_read_as_its_methods_are(
    tmp_path, monkeypatch
):
    source = """
        from azure.servicemanagement import ServiceManagementService

        class Offline(ServiceManagementService):
            def __init__(self):
                self.cache = {}

            def list_hosted_services(self):
                return list(self.cache)

        Offline().list_hosted_services()
        """
    assert findings(tmp_path, monkeypatch, {"tool.py": source}) == []


def test_an_override_that_calls_the_services_method_is_the_sdks(tmp_path, monkeypatch):
    source = """
        from azure.servicemanagement import ServiceManagementService

        class CachedService(ServiceManagementService):
            def list_hosted_services(self):
                return super().list_hosted_services()

        sms = CachedService('00000000-0000-0000-0000-000000000000', 'mgmt.pem')
        sms.list_hosted_services()
        """
    [(_, line, message)] = findings(tmp_path, monkeypatch, {"tool.py": source})
    assert line == 8 and "(list_hosted_services, ServiceManagementService)" in message


def test_a_wrapper_of_the_service_keeps_the_call_it_makes(tmp_path, monkeypatch):
    source = """
        from azure.servicemanagement import ServiceManagementService

        class Classic:
            def __init__(self):
                self.sms = ServiceManagementService('00000000-0000-0000-0000-000000000000', 'mgmt.pem')

            def delete_hosted_service(self, name):
                return self.sms.delete_hosted_service(name)

        Classic().delete_hosted_service('legacysvc')
        """
    [(_, _, message)] = findings(tmp_path, monkeypatch, {"tool.py": source})
    assert "(ServiceManagementService, delete_hosted_service)" in message


def test_a_function_of_the_same_name_is_the_scripts(tmp_path, monkeypatch):
    source = """
        import requests

        def list_hosted_services(cert):
            return requests.get('https://management.core.windows.net/0000/services/hostedservices', cert=cert)

        list_hosted_services('mgmt.pem')
        """
    [(_, line, message)] = findings(tmp_path, monkeypatch, {"tool.py": source})
    assert line == 5 and "SDK" not in message


def test_a_wrapper_that_hands_the_call_on_is_read_with_the_sdks_parameters():
    # The values reach the service's call only through attributes: the wrapper's call names what changes.
    source = """
        from azure.servicemanagement import ServiceManagementService

        class Classic:
            def __init__(self):
                self.sms = ServiceManagementService('00000000-0000-0000-0000-000000000000', 'mgmt.pem')

            def delete_deployment(self, service_name=None, deployment_name=None):
                self.service_name = service_name
                self.deployment_name = deployment_name
                return self.sms.delete_deployment(self.service_name, self.deployment_name)

        Classic().delete_deployment('shop', 'prod')
        """
    document = read_document("tool.py", textwrap.dedent(source).encode(), explicit=True)
    [script] = [resource for resource in document.resources if isinstance(resource, Script)]
    assert [change for call in script.changes for change in call.changes] == [("cloud-service", "shop")]


# The helper as a module beside the scripts that use it.
RDFE_MODULE = RDFE.split("\n\nclient = ")[0]


def test_a_method_of_a_class_imported_from_a_module_beside_it_is_the_modules(tmp_path, monkeypatch):
    run = """
        from rdfe_lib import rdfe_client
        from rdfe_lib import rdfe_client as Client

        client = rdfe_client('00000000-0000-0000-0000-000000000000', 'mgmt.pem')
        print(client.list_hosted_services())
        Client('00000000-0000-0000-0000-000000000000', 'mgmt.pem').list_hosted_services()
        """
    # The module's check reports the request its method sends; the script calls no SDK.
    found = findings(tmp_path, monkeypatch, {"rdfe_lib.py": RDFE_MODULE, "run.py": run})
    assert [(code, line) for code, line, _ in found] == [("MIG601", 11)]


def test_a_method_the_imported_class_does_not_define_is_the_sdks(tmp_path, monkeypatch):
    module = """
        from azure.servicemanagement import ServiceManagementService

        class Service(ServiceManagementService):
            def list_hosted_services(self):
                return ['cached']
        """
    run = """
        from service import Service

        sms = Service('00000000-0000-0000-0000-000000000000', 'mgmt.pem')
        sms.list_hosted_services()
        sms.delete_hosted_service('legacysvc')
        """
    found = findings(tmp_path, monkeypatch, {"service.py": module, "run.py": run})
    assert [(line, message.split(" (")[1].split(")")[0]) for _, line, message in found] == [
        (6, "delete_hosted_service")
    ]


def test_an_instance_of_the_imported_class_held_in_an_attribute_is_the_modules(tmp_path, monkeypatch):
    run = """
        from rdfe_lib import rdfe_client


        class Runner:
            def __init__(self, subscription):
                self.client = rdfe_client(subscription, 'mgmt.pem')

            def run(self):
                print(self.client.list_hosted_services())


        Runner('00000000-0000-0000-0000-000000000000').run()
        """
    found = findings(tmp_path, monkeypatch, {"rdfe_lib.py": RDFE_MODULE, "run.py": run})
    assert [(code, line) for code, line, _ in found] == [("MIG601", 11)]


def test_an_attribute_the_script_sets_to_the_service_too_is_still_the_sdks(tmp_path, monkeypatch):
    run = """
        from azure.servicemanagement import ServiceManagementService
        from rdfe_lib import rdfe_client


        class Runner:
            def __init__(self, subscription, direct):
                self.client = rdfe_client(subscription, 'mgmt.pem')
                if direct:
                    self.client = ServiceManagementService(subscription, 'mgmt.pem')

            def run(self):
                print(self.client.list_hosted_services())


        Runner('00000000-0000-0000-0000-000000000000', True).run()
        """
    found = findings(tmp_path, monkeypatch, {"rdfe_lib.py": RDFE_MODULE, "run.py": run})
    # The script's own finding is at the service it makes, and names the call as the SDK's.
    assert [(line, "list_hosted_services" in message) for _, line, message in found] == [
        (11, False),
        (10, True),
    ]
