"""A GitHub Actions step whose `shell:` is Python (`python`, `python3 {0}`) runs its `run:` as a Python script:
a literal block (`run: |`) is read by the Python reader, each call shown where the workflow writes it, as the
same lines in a .py file are. A step whose `if:` never holds is not read."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

WORKFLOW = """\
on: workflow_dispatch
jobs:
  vm:
    runs-on: ubuntu-latest
    steps:
      - shell: {shell}
{condition}        run: |
          import os
          from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk
          from azure.servicemanagement import ConfigurationSet
          sms = ServiceManagementService(os.environ["SUB"], "mgmt.pem")
          sms.create_virtual_machine_deployment(
              service_name="py-svc", deployment_name="py-svc", deployment_slot="production", label="py-svc",
              role_name="py01", system_config=LinuxConfigurationSet("py01", "ops", os.environ["PW"], True),
              os_virtual_hard_disk=OSVirtualHardDisk("image", "https://pydisks.blob.core.windows.net/vhds/py01.vhd"),
              network_config=ConfigurationSet(), virtual_network_name="py-vnet")
"""


@pytest.mark.parametrize("shell", ["python", "python3 {0}"])
def test_a_python_step_s_calls_are_read_where_the_workflow_writes_them(tmp_path, monkeypatch, shell):
    workflow = WORKFLOW.format(shell=shell, condition="")
    result = lint_files(tmp_path, monkeypatch, {".github/workflows/vm.yml": workflow}, "MIG203", dedent=False)
    assert where(result.findings) == ["MIG203 .github/workflows/vm.yml:12:15"]


def test_a_python_step_that_never_runs_is_not_read(tmp_path, monkeypatch):
    workflow = WORKFLOW.format(shell="python", condition="        if: false\n")
    result = lint_files(tmp_path, monkeypatch, {".github/workflows/vm.yml": workflow}, "MIG203", dedent=False)
    assert result.findings == []
