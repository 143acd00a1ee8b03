"""A call of the SDK's service that the SDK refuses before it sends any request ends the path it is on, as a
`raise` there would: create_hosted_service and create_storage_account given neither a location nor an
affinity group (or both), a parameter the method checks with `_validate_not_none` left out or passed None
(add_service_certificate's `password`, create_virtual_machine_deployment's `label`). What the call would
create is not created, and neither is what the script creates after it on that path; a call that states
its place, a method of the script's own of that name, and one in a `try` body still run as before."""

from __future__ import annotations

import pytest
from test_reader_python_network import check, found, read

from migcheck.model import Deployment, ServiceCertificate, StorageAccountType

VM = """\
sms.create_virtual_machine_deployment(
    {name!r}, {name!r}, 'production', {label}, 'web',
    LinuxConfigurationSet('web', 'user', 'pw', True),
    OSVirtualHardDisk('img', 'https://acct.blob.core.windows.net/vhds/a.vhd'), role_size='Small')
"""


def _deployments(text: str) -> list[str]:
    return [r.name for r in read(text).resources if isinstance(r, Deployment)]


@pytest.mark.parametrize(
    ("places", "made"),
    [
        ("", False),
        (", location=None, affinity_group=None", False),
        (", 'a description', 'West Europe', 'front-group'", False),
        (", location='West Europe'", True),
        (", affinity_group='front-group'", True),
    ],
    ids=["neither", "both None", "both stated", "location", "affinity group"],
)
def test_a_vm_deployment_after_a_cloud_service_the_sdk_refuses_is_not_made(
    tmp_path, monkeypatch, places, made
):
    script = f"sms.create_hosted_service('front', 'front'{places})\n" + VM.format(name="front", label="'l'")
    result = check(tmp_path, monkeypatch, script)
    expected = [(4, 5, "deployment 'front' of cloud service 'front' is in no virtual network")]
    assert [(line, column, message.split(":")[0]) for line, column, message in found(result, "MIG105")] == (
        expected if made else []
    )


FUNCTION = """\
def create(name, location=None):
    sms.create_hosted_service(name, name, location=location)
""" + "\n".join("    " + line for line in VM.format(name="x", label="name").splitlines()).replace(
    "'x'", "name"
)


def test_a_location_left_to_a_default_of_none_ends_the_path_of_the_call_that_leaves_it() -> None:
    # `back` first: what the refusal raises at `create('front')` would end the whole run, and nothing after it.
    assert _deployments(FUNCTION + "\ncreate('back', 'West Europe')\ncreate('front')\n") == ["back"]


@pytest.mark.parametrize(
    ("call", "kind"),
    [
        ("sms.create_storage_account('acct2', 'd', 'l'{})", StorageAccountType),
        ("sms.add_service_certificate('front', 'data', 'cer'{})", ServiceCertificate),
        (VM.format(name="front", label="None").replace("Small')", "Small'{})"), Deployment),
    ],
    ids=["storage account", "service certificate", "vm deployment"],
)
def test_a_refused_call_creates_nothing_itself(call, kind) -> None:
    stated = {StorageAccountType: ", location='West Europe', account_type='Premium_LRS'"}.get(kind, "")
    refused = read(call.format(""))
    made = read(call.replace("None", "'l'").format(stated).replace("'cer')", "'cer', 'pw')"))
    assert not [r for r in refused.resources if isinstance(r, kind)]
    assert [r for r in made.resources if isinstance(r, kind)]


def test_a_method_of_the_scripts_own_of_that_name_is_not_refused() -> None:
    own = """\
class Cloud:
    def create_hosted_service(self, name, label):
        print(name, label)

Cloud().create_hosted_service('front', 'front')
"""
    assert _deployments(own + VM.format(name="front", label="'l'")) == ["front"]


def test_a_refusal_in_a_try_body_may_be_caught() -> None:
    script = "try:\n    sms.create_hosted_service('front', 'front')\nexcept ValueError:\n    pass\n"
    assert _deployments(script + VM.format(name="front", label="'l'")) == ["front"]


def test_a_method_named_like_a_checking_one_on_an_object_of_another_library_is_not_refused() -> None:
    # `add_role(name)` of a user directory the script also uses: not the SDK's add_role, which requires three.
    other = "import directory\nusers = directory.connect()\nusers.add_role('admin')\n"
    assert _deployments(other + VM.format(name="front", label="'l'")) == ["front"]
