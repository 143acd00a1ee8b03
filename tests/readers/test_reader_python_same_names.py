"""Python scripts: calls that name a deployment by the same value the script does not state (the same
parameter, the same `cfg['name']`) name the same deployment. `add_role` adds its VM to the deployment the
script creates, under one stand-in, so rules on the whole cloud service see every VM of it; calls whose
values may differ (a name bound again between them, two parameters, a loop's turns) stay apart."""

from __future__ import annotations

import textwrap

from growth import assert_linear

from migcheck.cli import main
from migcheck.config import Config
from migcheck.engine import lint
from migcheck.estate import link
from migcheck.model import Deployment
from migcheck.plugins import load_rules
from migcheck.readers import read_document

PATH = "ops/deploy.py"
HEADER = (
    "import json\nfrom azure.servicemanagement import *\nsms = ServiceManagementService('sub', 'c.pem')\n"
)

# The shape of a tool that creates the deployment with its first VM, and falls back to add_role when the
# deployment is there already (elastacloud/pyvms): the names are the method's parameters.
PARAMETERS = """
class Setup:
    def create_vm(self, service_name, deployment_name, role_name, system, os_hd):
        try:
            self.sms.create_virtual_machine_deployment(service_name, deployment_name, 'production',
                'label', role_name, system, os_hd, availability_set_name='web-as')
        except:
            self.sms.add_role(service_name, deployment_name, role_name, system, os_hd)
"""

# The shape of a deployment driven by a settings file (py-azure-config-deploy): the names are one item
# of the settings, read in each call, in a loop over VMs the script does not state.
SETTINGS = """
with open('azure-config.json') as cfg_file:
    cfg = json.load(cfg_file)

def create_deployment():
    count = 0
    for vm in cfg["vm"]:
        count = count + 1
        if count == 1:
            sms.create_virtual_machine_deployment(
                service_name=cfg["name"], deployment_name=cfg["name"], deployment_slot='production',
                label=vm["vmname"], role_name=vm["vmname"], system_config=None,
                os_virtual_hard_disk=None, availability_set_name='web-as')
        else:
            sms.add_role(service_name=cfg["name"], deployment_name=cfg["name"], role_name=vm["vmname"],
                         system_config=None, os_virtual_hard_disk=None)
    wait_vm_to_start(cfg["name"], cfg["name"], 600)

create_deployment()
"""


def source(text: str) -> str:
    return HEADER + textwrap.dedent(text).lstrip("\n")


def deployments(text: str) -> list[tuple[str, str, list[str]]]:
    document = read_document(PATH, source(text).encode("utf-8"), explicit=True)
    assert document is not None and document.problem is None
    return [
        (d.service_name, d.name, [r.name for r in d.roles])
        for d in document.resources
        if isinstance(d, Deployment)
    ]


def test_add_role_with_the_parameters_of_the_deployment_it_creates_adds_to_that_deployment():
    assert deployments(PARAMETERS) == [
        ("", "<deployment name, deploy.py:7>", ["<VM name, deploy.py:8>", "<VM name, deploy.py:10>"])
    ]


def test_add_role_with_the_same_item_of_the_settings_adds_to_the_deployment_created():
    assert deployments(SETTINGS) == [
        ("", "<deployment name, deploy.py:13>", ["<VM name, deploy.py:14>", "<VM name, deploy.py:17>"])
    ]


def test_the_estate_holds_one_cloud_service_with_both_vms():
    for text in (PARAMETERS, SETTINGS):
        document = read_document(PATH, source(text).encode("utf-8"), explicit=True)
        assert document is not None
        (estate,) = link([document])
        (service,) = estate.cloud_services
        assert len(service.vms) == 2


def test_a_rule_on_the_whole_cloud_service_sees_the_vm_add_role_adds(tmp_path, monkeypatch):
    """MIG103: the VM created in the availability set, the one added in none."""
    for text in (PARAMETERS, SETTINGS):
        (tmp_path / "deploy.py").write_text(source(text), encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        result = lint(["."], Config(), load_rules(entry_points=False))
        added = 10 if text is PARAMETERS else 17
        assert [f.location.line for f in result.findings if f.code == "MIG103"] == [added]


def test_the_readiness_summary_lists_one_deployment_with_both_vms(tmp_path, monkeypatch, capsys):
    (tmp_path / "deploy.py").write_text(source(SETTINGS), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "."])
    out = capsys.readouterr().out
    # One row for both VMs; "or more": the script makes them in a loop over VMs it does not write out.
    assert "<cloud service name, deploy.py:13> (1 or more VMs)" in out
    assert "deploy.py:17>" not in out.split("Readiness by migration scope:")[1]


# --- values that may differ stay apart ---------------------------------------------------------------


def test_a_name_bound_again_between_the_calls_stays_apart():
    assert deployments(
        """
        def create(service, other):
            sms.create_virtual_machine_deployment(service, service, 'production', 'l', 'vm01', None, None)
            service = other
            sms.add_role(service, service, 'vm02', None, None)
        """
    ) == [
        ("", "<deployment name, deploy.py:5>", ["vm01"]),
        ("", "<deployment name, deploy.py:7>", ["vm02"]),
    ]


def test_two_parameters_stay_apart():
    assert deployments(
        """
        def create(service, deployment, other_deployment):
            sms.create_virtual_machine_deployment(service, deployment, 'production', 'l', 'vm01', None, None)
            sms.add_role(service, other_deployment, 'vm02', None, None)
        """
    ) == [
        ("", "<deployment name, deploy.py:5>", ["vm01"]),
        ("", "<deployment name, deploy.py:6>", ["vm02"]),
    ]


def test_a_name_each_turn_of_a_loop_binds_anew_stays_apart():
    """The first turn creates one service, the others add to services of their own names."""
    assert deployments(
        """
        def create(services):
            first = True
            for service in services:
                name = service + '-vms'
                if first:
                    sms.create_virtual_machine_deployment(name, name, 'production', 'l', 'vm01', None, None)
                    first = False
                else:
                    sms.add_role(name, name, 'vm02', None, None)
        """
    ) == [
        ("", "<deployment name, deploy.py:9>", ["vm01"]),
        ("", "<deployment name, deploy.py:12>", ["vm02"]),
    ]


def test_a_loop_variable_read_after_the_loop_stays_apart():
    assert deployments(
        """
        def create(services):
            for service in services:
                sms.create_virtual_machine_deployment(service, service, 'production', 'l', 'vm01', None, None)
            sms.add_role(service, service, 'vm02', None, None)
        """
    ) == [
        ("", "<deployment name, deploy.py:6>", ["vm01"]),
        ("", "<deployment name, deploy.py:7>", ["vm02"]),
    ]


def test_settings_changed_between_the_calls_stay_apart():
    assert deployments(
        """
        cfg = json.load(open('c.json'))
        sms.create_virtual_machine_deployment(cfg['name'], cfg['name'], 'production', 'l', 'vm01', None, None)
        cfg['name'] = cfg['name'] + '-2'
        sms.add_role(cfg['name'], cfg['name'], 'vm02', None, None)
        """
    ) == [
        ("", "<deployment name, deploy.py:5>", ["vm01"]),
        ("", "<deployment name, deploy.py:7>", ["vm02"]),
    ]


def test_settings_passed_where_the_reader_cannot_follow_them_stay_apart():
    assert deployments(
        """
        cfg = json.load(open('c.json'))
        sms.create_virtual_machine_deployment(cfg['name'], cfg['name'], 'production', 'l', 'vm01', None, None)
        rename(cfg)
        sms.add_role(cfg['name'], cfg['name'], 'vm02', None, None)
        """
    ) == [
        ("", "<deployment name, deploy.py:5>", ["vm01"]),
        ("", "<deployment name, deploy.py:7>", ["vm02"]),
    ]


def test_an_attribute_of_self_stays_apart():
    """Another method may set it between the calls."""
    assert deployments(
        """
        class Tool:
            def create(self):
                sms.create_virtual_machine_deployment(self.name, self.name, 'production', 'l', 'vm01', None, None)
                self.rename()
                sms.add_role(self.name, self.name, 'vm02', None, None)
        """
    ) == [
        ("", "<deployment name, deploy.py:6>", ["vm01"]),
        ("", "<deployment name, deploy.py:8>", ["vm02"]),
    ]


def test_a_function_called_with_names_the_script_does_not_state_is_read_once_for_its_calls():
    """As before, the calls stand for each call of `create`: in each, the two VMs are in one deployment."""
    assert deployments(
        """
        def create(service):
            sms.create_virtual_machine_deployment(service, service, 'production', 'l', 'vm01', None, None)
            sms.add_role(service, service, 'vm02', None, None)

        create(input())
        create(input())
        """
    ) == [("", "<deployment name, deploy.py:5>", ["vm01", "vm02"])]


def test_a_stated_service_and_the_same_unstated_deployment_join():
    assert deployments(
        """
        def create(deployment):
            sms.create_virtual_machine_deployment('shop', deployment, 'production', 'l', 'vm01', None, None)
            sms.add_role('shop', deployment, 'vm02', None, None)
        """
    ) == [("shop", "<deployment name, deploy.py:5>", ["vm01", "vm02"])]


def test_an_update_of_a_vm_the_script_does_not_name_stays_on_its_own():
    """It may change one of the VMs created, which the reader cannot tell."""
    found = deployments(
        """
        def create(service, role):
            sms.create_virtual_machine_deployment(service, service, 'production', 'l', role, None, None)
            sms.update_role(service, service, role, role_size='Large')
        """
    )
    assert len(found) == 2


def test_many_calls_that_read_the_same_item_cost_linear_time():
    """Each call asks whether the settings stay as they were: worked out once, not once per call, though
    every call passes the item on (`wait(cfg['name'])`)."""

    def make(n: int):
        waits = "wait(cfg['name'])\n" * 8
        calls = "".join(
            f"sms.add_role(cfg['name'], cfg['name'], 'vm{i}', None, None)\n{waits}" for i in range(n)
        )
        data = source("cfg = json.load(open('c.json'))\n" + calls).encode("utf-8")

        def work() -> None:
            document = read_document(PATH, data, explicit=True)
            assert document is not None
            (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
            assert len(deployment.roles) == n

        return work

    assert_linear(make, 600)


def _apart(between: str, read: str = "cfg['name']") -> list[tuple[str, str, list[str]]]:
    """The deployments of two calls that read `read` with `between` run between them."""
    calls = (
        f"sms.create_virtual_machine_deployment({read}, {read}, 'production', 'l', 'vm01', None, None)\n"
        f"{between}\n"
        f"sms.add_role({read}, {read}, 'vm02', None, None)\n"
    )
    return deployments("cfg = json.load(open('c.json'))\n" + calls)


def test_settings_changed_through_a_name_bound_to_a_part_of_them_stay_apart():
    """`svc` is the very item `cfg['svc']` holds: setting its name sets `cfg['svc']['name']`."""
    assert _apart("svc = cfg['svc']\nsvc['name'] = 'other'", "cfg['svc']['name']") == [
        ("", "<deployment name, deploy.py:5>", ["vm01"]),
        ("", "<deployment name, deploy.py:8>", ["vm02"]),
    ]


def test_settings_changed_through_a_list_that_holds_them_stay_apart():
    assert _apart("names = [cfg]\nnames[0]['name'] = 'other'") == [
        ("", "<deployment name, deploy.py:5>", ["vm01"]),
        ("", "<deployment name, deploy.py:8>", ["vm02"]),
    ]


def test_settings_changed_through_another_name_for_them_stay_apart():
    assert _apart("alias = cfg\nalias['name'] = 'other'") == [
        ("", "<deployment name, deploy.py:5>", ["vm01"]),
        ("", "<deployment name, deploy.py:8>", ["vm02"]),
    ]


def test_settings_changed_through_a_loop_over_a_list_that_holds_them_stay_apart():
    assert _apart("for c in [cfg]:\n    c['name'] = 'other'") == [
        ("", "<deployment name, deploy.py:5>", ["vm01"]),
        ("", "<deployment name, deploy.py:8>", ["vm02"]),
    ]


def test_settings_unpacked_or_returned_stay_apart():
    for between in ("a, b = cfg", "keep = lambda: cfg", "other = cfg or {}", "copy = dict(cfg)"):
        assert len(_apart(between, "cfg['svc']['name']")) == 2, between


def test_settings_passed_to_a_function_that_hands_a_part_on_stay_apart():
    """`part` only reads its parameter, but returns the item it holds, which the caller may change."""
    assert deployments(
        """
        def part(c):
            return c['svc']

        cfg = json.load(open('c.json'))
        sms.create_virtual_machine_deployment(cfg['svc']['name'], cfg['svc']['name'], 'production', 'l',
            'vm01', None, None)
        part(cfg)['name'] = 'other'
        sms.add_role(cfg['svc']['name'], cfg['svc']['name'], 'vm02', None, None)
        """
    ) == [
        ("", "<deployment name, deploy.py:8>", ["vm01"]),
        ("", "<deployment name, deploy.py:11>", ["vm02"]),
    ]


def test_settings_only_read_around_the_calls_still_join():
    """Tests, prints, items bound to names, a loop over an item and a function that only reads them let
    no part the calls read go anywhere: the calls still name one deployment."""
    reads = (
        "if cfg['svc'] and 'name' in cfg:\n    print(cfg, len(cfg['svc']))\n"
        "size = cfg['svc']['size']\nfor vm in cfg['svc']['vms']:\n    print(vm)\n"
        "text = f\"{cfg['svc']}\"\nshow(cfg)"
    )
    found = deployments(
        "def show(c):\n    print(c['svc']['name'])\n\n"
        "cfg = json.load(open('c.json'))\n"
        "sms.create_virtual_machine_deployment(cfg['svc']['name'], cfg['svc']['name'], 'production', 'l',"
        " 'vm01', None, None)\n"
        + reads
        + "\nsms.add_role(cfg['svc']['name'], cfg['svc']['name'], 'vm02', None, None)\n"
    )
    assert [roles for _, _, roles in found] == [["vm01", "vm02"]]


def test_settings_changed_through_a_list_they_are_appended_to_stay_apart():
    """`targets` holds the very object `cfg` does: setting the name of its item sets `cfg['name']`."""
    for keep in ("targets.append(cfg)", "targets.insert(0, cfg)"):
        assert _apart(f"targets = []\n{keep}\ntargets[0]['name'] = 'other'") == [
            ("", "<deployment name, deploy.py:5>", ["vm01"]),
            ("", "<deployment name, deploy.py:9>", ["vm02"]),
        ], keep


def test_settings_passed_to_a_method_that_may_keep_them_stay_apart():
    """Any method not known to only read its arguments may keep what it is passed, or a part of it, where
    a change to it goes unseen."""
    for between in (
        "seen.add(cfg)",
        "by_name.setdefault('web', cfg)",
        "by_name.update(web=cfg)",
        "queue.put(cfg)",
        "self.items.append(cfg)",
        "targets.append(cfg['svc'])",
    ):
        assert len(_apart(between, "cfg['svc']['name']")) == 2, between


def test_settings_kept_by_a_function_of_the_script_stay_apart():
    """`keep` neither binds nor changes its parameter, but puts it in a list kept past the call."""
    assert deployments(
        """
        def keep(c):
            registry.append(c)

        cfg = json.load(open('c.json'))
        sms.create_virtual_machine_deployment(cfg['name'], cfg['name'], 'production', 'l', 'vm01', None, None)
        keep(cfg)
        registry[0]['name'] = 'other'
        sms.add_role(cfg['name'], cfg['name'], 'vm02', None, None)
        """
    ) == [
        ("", "<deployment name, deploy.py:8>", ["vm01"]),
        ("", "<deployment name, deploy.py:11>", ["vm02"]),
    ]


def test_settings_only_read_or_kept_shallower_than_the_calls_read_still_join():
    """Printing, measuring or formatting them keeps nothing; a list that holds an item of them cannot
    change which item `cfg['name']` reads."""
    for between in ("print(cfg['name'])", "len(cfg)", "log.info('%s', cfg)", "targets.append(cfg['svc'])"):
        assert len(_apart(between)) == 1, between
