"""The classic CLI's `azure vm create` without --location or --affinity-group makes no new cloud service
("location or affinity group is required for a new cloud service"): it adds the VM to one that exists, takes
that service's location, and puts a disk given no blob URL (-u) in the first storage account the subscription
lists there, or in one it creates. The plan's storage step says so, and names no PowerShell setting
(Set-AzureSubscription's current storage account), which the CLI does not read. A service the script creates
before with a location (`azure service create --location`) places the VM there, whatever location the
`vm create` gives, as the CLI sets a given --location aside for an existing service. An Ansible task that runs
the CLI (`local_action: command azure vm create ...`) is read the same."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan


def _storage_steps(tmp_path, monkeypatch, files: dict[str, str]) -> list[dict]:
    data = json.loads(render_plan(build_plan(lint_files(tmp_path, monkeypatch, files)), "json"))
    return [s for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]


def _said_for_the_cli(step: dict) -> str:
    (note,) = [n for n in step["notes"] if "OS disk" in n]
    assert "Set-AzureSubscription" not in note and "current storage account" not in note
    assert "azure vm create without a blob URL (-u)" in note
    return note


VM_IN_MYSVC = "azure vm create -n web1 -c mysvc img azureuser Passw0rd!\n"


def test_a_vm_added_to_a_service_the_script_creates_is_in_that_services_location(tmp_path, monkeypatch):
    files = {"make.sh": 'azure service create mysvc --location "West US"\n' + VM_IN_MYSVC}
    (step,) = _storage_steps(tmp_path, monkeypatch, files)
    assert step["name"] == "<storage account azure vm create picks in West US, make.sh:2>"
    assert "first storage account the subscription lists in West US" in _said_for_the_cli(step)


def test_a_vm_added_to_a_service_no_file_places_is_in_that_services_own_location(tmp_path, monkeypatch):
    (step,) = _storage_steps(tmp_path, monkeypatch, {"make.sh": VM_IN_MYSVC})
    assert "in the location of cloud service 'mysvc'" in _said_for_the_cli(step)


def test_a_location_given_to_a_vm_in_a_service_the_script_placed_is_set_aside(tmp_path, monkeypatch):
    # web1 goes into mysvc, in West US whatever -l says; web2 makes a service of its own in West US: one
    # account for both.
    files = {
        "make.sh": 'azure service create mysvc --location "West US"\n'
        'azure vm create -n web1 -c mysvc img u p -l "East US"\n'
        'azure vm create web2 img u p -l "West US"\n'
    }
    (step,) = _storage_steps(tmp_path, monkeypatch, files)
    assert step["name"] == "<storage account azure vm create picks in West US, make.sh:2>"
    assert "VMs 'web1', 'web2'" in step["moves"][0]


def test_an_ansible_task_that_runs_the_cli_is_said_the_same(tmp_path, monkeypatch):
    playbook = (
        "- hosts: localhost\n"
        "  tasks:\n"
        "    - name: service\n"
        '      local_action: command azure service create mysvc --location "West US"\n'
        "    - name: vm\n"
        f"      local_action: command {VM_IN_MYSVC}"
    )
    (step,) = _storage_steps(tmp_path, monkeypatch, {"create.yml": playbook})
    assert step["name"] == "<storage account azure vm create picks in West US, create.yml:6>"
    _said_for_the_cli(step)
