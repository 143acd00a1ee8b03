"""Python scripts that call the Service Management API without the SDK: requests sent with requests, urllib
or http.client to a URL on management.core.windows.net are classic calls (MIG601), and the bodies they send
are read as the SDK's `perform_put`/`perform_post` bodies are. A script that only names the host (the
audience of Resource Manager's sign-in tokens) or calls Resource Manager is not classic."""

from __future__ import annotations

import textwrap

import pytest
from growth import assert_linear

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import ClassicCall, CloudInUse, Document, Mark, NetworkConfiguration, Script
from migcheck.plugins import load_rules
from migcheck.readers import read_document

PATH = "ops/api.py"
HOST = "management.core.windows.net"


def read(text: str) -> Document | None:
    return read_document(PATH, textwrap.dedent(text).lstrip("\n").encode("utf-8"), explicit=False)


def calls(text: str) -> list[tuple[str, int, int | None]]:
    """(name, line, column) of each classic call the script makes."""
    document = read(text)
    assert document is not None and document.problem is None
    scripts = [r for r in document.resources if isinstance(r, Script)]
    return [(c.name, c.mark.line, c.mark.column) for s in scripts for c in s.calls]


def check(tmp_path, monkeypatch, text: str) -> LintResult:
    (tmp_path / "api.py").write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(), load_rules(entry_points=False))


def found(result: LintResult, code: str) -> list[tuple[int, int, str]]:
    return [(f.location.line, f.location.column, f.message) for f in result.findings if f.code == code]


def test_requests_sent_with_requests_to_the_api_are_its_classic_calls():
    assert calls(
        """
        import requests
        SUBSCRIPTION = open('subscription.txt').read().strip()
        BASE = 'https://management.core.windows.net/%s' % SUBSCRIPTION
        session = requests.Session()
        requests.get(BASE + '/services/hostedservices', cert=('c.pem', 'k.pem'))
        session.put(f'{BASE}/services/networking/media', data='', headers={'x-ms-version': '2015-04-01'})
        requests.request('DELETE', url=BASE + '/services/hostedservices/shop')
        """
    ) == [
        (f"GET {HOST}/<subscription-id>/services/hostedservices", 5, 10),
        (f"PUT {HOST}/<subscription-id>/services/networking/media", 6, 9),
        (f"DELETE {HOST}/<subscription-id>/services/hostedservices/shop", 7, 10),
    ]


def test_requests_sent_with_urllib_and_on_a_connection_to_the_host():
    assert calls(
        """
        import http.client
        from urllib.request import Request, urlopen

        class Client:
            def __init__(self, subscription, cert):
                self.subscription = subscription
                self.conn = http.client.HTTPSConnection('management.core.windows.net', cert_file=cert)

            def roles(self, service, body):
                path = '/%s/services/hostedservices/%s/deployments' % (self.subscription, service)
                self.conn.request('POST', path, body)

        def services(subscription):
            return urlopen('https://management.core.windows.net/' + subscription + '/services/hostedservices')

        def upload(subscription, body):
            url = 'https://management.core.windows.net/%s/services/networking/media' % subscription
            return urlopen(Request(url, body, method='PUT'))

        elsewhere = http.client.HTTPSConnection('example.com')
        elsewhere.request('GET', '/services/hostedservices')
        """
    ) == [
        (f"POST {HOST}/<subscription-id>/services/hostedservices/<...>/deployments", 11, 19),
        (f"GET {HOST}/<subscription-id>/services/hostedservices", 14, 12),
        (f"PUT {HOST}/<subscription-id>/services/networking/media", 18, 20),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Resource Manager: the host is the audience its tokens are asked for, never a URL called
        """
        import requests
        from azure.common.credentials import ServicePrincipalCredentials
        credentials = ServicePrincipalCredentials('id', 'secret', tenant='t', resource='https://management.core.windows.net/')
        token = requests.post('https://login.microsoftonline.com/t/oauth2/token',
                              data={'resource': 'https://management.core.windows.net/'})
        requests.put('https://management.azure.com/subscriptions/s/resourcegroups/rg', json={})
        requests.get('https://management.core.windows.net/')
        requests.get('https://management.core.windows.net//.default')
        """,
        # the host as a setting, and a URL whose host the script does not state
        """
        import requests
        DEFAULTS = {'management_host': 'management.core.windows.net'}
        def call(host, path):
            return requests.get('https://' + host + path)
        """,
        # a look-alike host
        """
        import requests
        requests.get('https://management.core.windows.net.example.com/s/services/hostedservices')
        """,
    ],
)
def test_a_script_that_only_names_the_host_is_not_classic(text):
    document = read(text)
    assert document is None or document.resources == ()


def test_a_script_that_does_not_name_the_host_or_import_the_sdk_is_not_read():
    # A path of the API's collections on another host: read for it (a client may hold the API's host), it
    # is no request path of the API, and the script describes nothing.
    document = read("import requests\nrequests.get('https://example.com/services/hostedservices')\n")
    assert document is None or document.resources == ()


NETCFG = (
    '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
    "<VirtualNetworkConfiguration><VirtualNetworkSites>"
    '<VirtualNetworkSite name="vnet1" Location="West Europe">'
    "<AddressSpace><AddressPrefix>10.0.0.1/16</AddressPrefix></AddressSpace>"
    "</VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"
)
ROLE = (
    '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>web01</RoleName>'
    "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
    "<SubnetNames><SubnetName>app</SubnetName><SubnetName>data</SubnetName></SubnetNames>"
    "</ConfigurationSet></ConfigurationSets></PersistentVMRole>"
)
UPLOAD = f"""
import requests
BASE = 'https://management.core.windows.net/' + open('subscription.txt').read().strip()
requests.put(BASE + '/services/networking/media', data='{NETCFG}', cert=('c.pem', 'k.pem'))
requests.post(BASE + '/services/hostedservices/shop/deployments/prod/roles', '{ROLE}')
"""


def test_bodies_sent_to_the_api_are_read_as_the_sdks_are(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, UPLOAD)
    prefix = len("requests.put(BASE + '/services/networking/media', data='")
    ((line, column, message),) = found(result, "MIG304")
    assert (line, column) == (3, prefix + NETCFG.index("<AddressPrefix>") + 1)
    assert message.startswith("'10.0.0.1/16', an address space prefix of virtual network 'vnet1'")
    column = len("requests.post(BASE + '/services/hostedservices/shop/deployments/prod/roles', '")
    message = "VM 'web01' of cloud service 'shop' is in 2 subnets (app, data)"
    # at the second subnet's name, as the body the script sends writes it
    assert found(result, "MIG202") == [
        (4, column + ROLE.index("<SubnetName>data") + len("<SubnetName>") + 1, message)
    ]
    ((_, _, message),) = found(result, "MIG601")
    assert message.startswith(
        f"Python script 'api.py' uses the Service Management API (PUT {HOST}/<subscription-id>/services/"
        f"networking/media, POST {HOST}/<subscription-id>/services/hostedservices/shop/deployments/prod/roles)"
    )


def test_a_get_sends_no_body_to_read():
    text = f"import requests\nrequests.get('https://{HOST}/s/services/networking/media', data='{NETCFG}')\n"
    document = read(text)
    assert document is not None
    assert not any(isinstance(r, NetworkConfiguration) for r in document.resources)


def test_the_sdks_own_requests_name_the_service_of_a_path_built_around_the_subscription():
    text = f"""
    from azure.servicemanagement import ServiceManagementService
    sms = ServiceManagementService(subscription_id, 'cert.pem')
    sms.perform_post('/' + subscription_id + '/services/hostedservices/shop/deployments/prod/roles', '{ROLE}')
    """
    document = read(text)
    assert document is not None
    (deployment,) = [r for r in document.resources if hasattr(r, "roles")]
    assert (deployment.service_name, deployment.name) == ("shop", "prod")


def test_a_request_through_the_sdk_host_with_the_sdk_imported_is_listed_too():
    assert calls(
        f"""
        from azure.servicemanagement import ServiceManagementService
        import requests
        sms = ServiceManagementService('sub', 'cert.pem')
        requests.get('https://{HOST}/sub/services/hostedservices')
        """
    ) == [
        ("ServiceManagementService", 3, 7),
        (f"GET {HOST}/<subscription-id>/services/hostedservices", 4, 10),
    ]


def test_cost_stays_linear_with_many_requests_on_connections_of_one_name():
    def make(n: int):
        opened = "conn = http.client.HTTPSConnection('management.core.windows.net')\n" * n
        sent = "conn.request('GET', '/s/services/hostedservices')\n" * n
        data = ("import http.client\n" + opened + sent).encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 1000)


def test_a_script_without_the_sdk_is_listed_at_its_first_request():
    document = read(f"import requests\n\n\nrequests.get('https://{HOST}/s/locations')\n")
    assert document is not None
    assert tuple(r for r in document.resources if not isinstance(r, CloudInUse)) == (
        Script(
            "api.py",
            "Python",
            (ClassicCall(f"GET {HOST}/<subscription-id>/locations", Mark(PATH, 4, column=10)),),
            (),
            Mark(PATH, 4, column=10),
        ),
    )
