"""Files named on the command line outside the working directory (`migcheck check ../infra/main.bicep
../infra/modules/vm.bicep`, as a pre-commit hook run from another folder names them), or above it (`migcheck
check deploy.ps1 ../shared/config.ps1`), did not reach each other: a Bicep module, an ARM linked template or
parametersLink, a PowerShell dot-source, a shell `source`, a Python import or a Terraform local module of a file
named with them was said not read, since a file named was taken to belong to the working directory alone. A
file named now belongs to its file system's root, so the files named with it are read as a run of their folder
reads them: the findings about them and the parts said not read are the same whether the folder, each of its
files, or the folder and another one are checked. (A cloud service project's .cscfg, .csdef and publish
profile, and a script's -Configuration path, are joined across the run and were read alike already.)"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest
from lint_support import PS_DEPLOY, PY_DEPLOY, RULES, SH_DEPLOY, ps_settings, py_settings, sh_settings
from test_a_cloud_service_project_s_publish_profile_names_the_service_and_subscription_it_publishes_to import (
    CSCFG,
    CSDEF,
    profile,
)
from test_a_configuration_a_script_deploys_to_a_slot_of_its_project_s_service_is_that_slot_s_deployment import (
    CSCFG as SHOP_CSCFG,
)
from test_a_configuration_a_script_deploys_to_a_slot_of_its_project_s_service_is_that_slot_s_deployment import (
    CSDEF as SHOP_CSDEF,
)
from test_a_terraform_module_of_a_folder_of_its_own_is_read_with_the_values_its_call_passes import (
    ROOT as TF_ROOT,
)
from test_a_terraform_module_of_a_folder_of_its_own_is_read_with_the_values_its_call_passes import VM as TF_VM
from test_an_arm_template_linked_by_its_relative_path_is_read_with_the_parameters_its_deployment_passes import (
    MAIN as ARM_MAIN,
)
from test_an_arm_template_linked_by_its_relative_path_is_read_with_the_parameters_its_deployment_passes import (
    SCHEMA,
)
from test_an_arm_template_linked_by_its_relative_path_is_read_with_the_parameters_its_deployment_passes import (
    VM as ARM_VM,
)

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.report.unread import in_documents

MAIN_BICEP = """\
module web './modules/vm.bicep' = {
  name: 'web'
  params: {
    vmName: 'prod-web'
  }
}
"""

VM_BICEP = """\
param vmName string

resource vm 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' = {
  name: vmName
  location: 'westeurope'
  properties: {
    domainName: {
      name: '${vmName}-svc'
    }
  }
}
"""

PARAMETERS_MAIN = json.dumps(
    {
        "$schema": SCHEMA,
        "contentVersion": "1.0.0.0",
        "resources": [
            {
                "type": "Microsoft.Resources/deployments",
                "apiVersion": "2022-09-01",
                "name": "web",
                "properties": {
                    "mode": "Incremental",
                    "templateLink": {"relativePath": "nested/vm.json"},
                    "parametersLink": {"uri": "nested/vm.parameters.json"},
                },
            }
        ],
    },
    indent=2,
)
PARAMETERS = json.dumps({"$schema": SCHEMA, "parameters": {"vmName": {"value": "linked-web"}}}, indent=2)

DEPLOY_CONFIGURATION = (
    "New-AzureDeployment -ServiceName shop -Slot Staging -Package .\\bin\\Shop.cspkg "
    "-Configuration .\\Shop\\ServiceConfiguration.Test.cscfg -Label build\n"
)

KINDS = {
    "arm parameters link": {
        "azuredeploy.json": PARAMETERS_MAIN,
        "nested/vm.json": ARM_VM,
        "nested/vm.parameters.json": PARAMETERS,
    },
    "python import": {"deploy.py": PY_DEPLOY, **py_settings("web", "db")},
    "script configuration path": {
        "deploy.ps1": DEPLOY_CONFIGURATION,
        "Shop/ServiceDefinition.csdef": SHOP_CSDEF,
        "Shop/ServiceConfiguration.Test.cscfg": SHOP_CSCFG,
    },
    "bicep module": {"main.bicep": MAIN_BICEP, "modules/vm.bicep": VM_BICEP},
    "powershell dot-source": {"deploy.ps1": PS_DEPLOY, "config.ps1": ps_settings("web", "db")},
    "arm linked template": {"azuredeploy.json": ARM_MAIN, "nested/vm.json": ARM_VM},
    "terraform local module": {"main.tf": TF_ROOT, "modules/vm/main.tf": TF_VM},
    "cloud service project": {
        "Pool/ServiceDefinition.csdef": CSDEF,
        "Pool/ServiceConfiguration.Cloud.cscfg": CSCFG,
        "Pool/Profiles/pool.azurePubxml": profile("pool-svc"),
    },
    "shell source": {"deploy.sh": SH_DEPLOY, "env.sh": sh_settings("web,db")},
}


def _seen(result) -> tuple[list[tuple[str, int, int, str]], list[tuple[str, int, int, str]]]:
    """The findings about the files of `infra` and the parts of them said not read, as paths from `infra`."""
    findings = sorted(
        (f.location.path.split("infra/", 1)[1], f.location.line, f.location.column, f.message)
        for f in result.findings
        if f.location and "infra/" in f.location.path
    )
    unread = sorted(
        (p.path.split("infra/", 1)[1], m.line, m.column, m.tag)
        for p in in_documents(result.documents)
        if "infra/" in p.path
        for m in p.marks
    )
    return findings, unread


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_file_named_from_another_folder_reads_what_it_uses_as_its_folder_does(
    kind, tmp_path, monkeypatch
):
    files = KINDS[kind]
    for name, text in files.items():
        path = tmp_path / "infra" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "notes.txt").write_text("nothing classic\n", encoding="utf-8")

    monkeypatch.chdir(tmp_path)
    folder = _seen(lint(["infra"], Config(), RULES))
    assert folder[0], "the folder's run finds what the used file states"
    assert _seen(lint(["infra", "scripts"], Config(), RULES)) == folder
    assert _seen(lint([str(Path("infra") / name) for name in files], Config(), RULES)) == folder

    monkeypatch.chdir(tmp_path / "scripts")
    assert _seen(lint(["../infra"], Config(), RULES)) == folder
    assert _seen(lint(["../infra", "."], Config(), RULES)) == folder
    assert _seen(lint([f"../infra/{name}" for name in files], Config(), RULES)) == folder
    assert _seen(lint([f"../infra/{name}" for name in files] + ["notes.txt"], Config(), RULES)) == folder


def test_a_file_named_in_the_working_directory_reaches_one_named_above_it(tmp_path, monkeypatch):
    """`migcheck check deploy.ps1 ../shared/config.ps1` from `infra/envs` reads the values the script
    dot-sources from `../shared/config.ps1`, as `migcheck check ..` does."""
    (tmp_path / "infra" / "envs").mkdir(parents=True)
    (tmp_path / "infra" / "shared").mkdir()
    deploy = PS_DEPLOY.replace("$PSScriptRoot\\config.ps1", "$PSScriptRoot\\..\\shared\\config.ps1")
    assert deploy != PS_DEPLOY
    (tmp_path / "infra" / "envs" / "deploy.ps1").write_text(deploy, encoding="utf-8")
    (tmp_path / "infra" / "shared" / "config.ps1").write_text(ps_settings("web", "db"), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "infra" / "envs")
    folder = _everything(lint([".."], Config(), RULES))
    assert any("shop-svc" in message for *_, message in folder[0])
    assert _everything(lint(["deploy.ps1", "../shared/config.ps1"], Config(), RULES)) == folder


def _everything(result) -> tuple[list[tuple[str, int, int, str]], list[tuple[str, int, int, str]]]:
    findings = sorted(
        (os.path.abspath(f.location.path), f.location.line, f.location.column, f.message)
        for f in result.findings
        if f.location
    )
    unread = sorted(
        (os.path.abspath(p.path), m.line, m.column, m.tag)
        for p in in_documents(result.documents)
        for m in p.marks
    )
    return findings, unread
