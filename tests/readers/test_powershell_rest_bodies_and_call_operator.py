"""REST bodies a PowerShell script sends to the Service Management API itself, and the classic CLI and
cmdlets run with the call operator.

What the cmdlets cannot express (an endpoint ACL on an existing VM, boot diagnostics) scripts send as a
REST body of their own: `Invoke-RestMethod -Method Put -Uri .../roles/vm1 -Body $xml`. The body says what
the same body says in a file, or sent from Python (`perform_put`, `requests.put`): its findings are at the
element inside the string that writes it. A value the body holds that the script does not state stays
unknown: a name is a stand-in, a value is left out.

`& azure network vnet commit-migration prod` runs the classic CLI as the same line without `&` does, and
`& New-AzureQuickVM ...` is one call, reported at its command's name whatever the rule."""

from __future__ import annotations

from growth import assert_linear
from lint_support import lint_files, run_cli, where

from migcheck.model import Deployment, Document, Script
from migcheck.readers import read_document


def _read(text: str, path: str = "deploy/t.ps1") -> Document:
    doc = read_document(path, text.encode(), explicit=True)
    assert doc is not None
    return doc


def _deployments(doc: Document) -> list[Deployment]:
    return [r for r in doc.resources if isinstance(r, Deployment)]


# --- REST bodies ---------------------------------------------------------------------------------------

ROLE_WITH_ACL = """\
<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
  <RoleName>vm1</RoleName>
  <ConfigurationSets>
    <ConfigurationSet>
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints>
        <InputEndpoint>
          <LocalPort>80</LocalPort>
          <Name>web</Name>
          <Port>80</Port>
          <Protocol>tcp</Protocol>
          <EndpointAcl>
            <Rules>
              <Rule><Order>100</Order><Action>permit</Action><RemoteSubnet>10.0.0.0/8</RemoteSubnet></Rule>
            </Rules>
          </EndpointAcl>
        </InputEndpoint>
      </InputEndpoints>
    </ConfigurationSet>
  </ConfigurationSets>
</PersistentVMRole>"""

UPDATE_ROLE = (
    '$sub = "0000-1111"\n'
    '$body = @"\n' + ROLE_WITH_ACL + '\n"@\n'
    "Invoke-RestMethod -Method Put -Uri "
    '"https://management.core.windows.net/$sub/services/hostedservices/svc/deployments/svc/roles/vm1" '
    '-Body $body -ContentType "application/xml"\n'
)


def test_a_role_body_put_to_a_vm_gives_its_acl_at_the_element_in_the_here_string(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"acl.ps1": UPDATE_ROLE}, "MIG201", "MIG601", dedent=False)
    assert where(result.findings) == ["MIG201 acl.ps1:14:11", "MIG601 acl.ps1:25:1"]
    assert "endpoint 'web' of VM 'vm1' in cloud service 'svc'" in result.findings[0].message


def test_the_body_changes_the_vm_its_path_names_which_exists_already():
    (deployment,) = _deployments(_read(UPDATE_ROLE))
    (role,) = deployment.roles
    assert (deployment.service_name, role.name, role.changes_existing) == ("svc", "vm1", True)
    # The body states the endpoints; the subnets, the availability set and the extensions stay as they were.
    assert "endpoints" not in role.unknown and {"subnets", "availability_set", "extensions"} <= role.unknown


def test_the_fix_leaves_the_acl_in_the_literal_a_script_is_not_rewritten(tmp_path, capsys):
    (tmp_path / "acl.ps1").write_text(UPDATE_ROLE, encoding="utf-8")
    run_cli(capsys, "check", str(tmp_path), "--select", "MIG201", "--fix", "--unsafe-fixes")
    assert (tmp_path / "acl.ps1").read_text(encoding="utf-8") == UPDATE_ROLE


SINGLE_QUOTED = (
    "$b = '" + ROLE_WITH_ACL.replace("\n", "").replace("  ", "") + "'\n"
    "irm -Method Put -Uri https://management.core.windows.net/s/services/hostedservices/svc2/deployments/svc2/"
    "roles/vm2 -Body $b\n"
)


def test_a_body_in_a_single_quoted_string_on_one_line(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"one.ps1": SINGLE_QUOTED}, "MIG201", dedent=False)
    column = SINGLE_QUOTED.index("<EndpointAcl") + 1
    assert where(result.findings) == [f"MIG201 one.ps1:1:{column}"]
    # The path names the VM: the body's own RoleName does not.
    assert "of VM 'vm2' in cloud service 'svc2'" in result.findings[0].message


def test_a_body_written_in_the_call_and_sent_with_invoke_webrequest(tmp_path, monkeypatch):
    script = (
        "Invoke-WebRequest -Method Post -Uri "
        "'https://management.core.windows.net/s/services/hostedservices/svc/deployments/svc/roles' -Body @'\n"
        + ROLE_WITH_ACL
        + "\n'@\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"add.ps1": script}, "MIG201", dedent=False)
    assert where(result.findings) == ["MIG201 add.ps1:13:11"]
    (deployment,) = _deployments(_read(script))
    assert not deployment.roles[0].changes_existing  # Add Role: a VM the body creates


def test_values_the_script_does_not_state_stay_unknown(tmp_path, monkeypatch):
    """`$vm` is stated, `$Subnet` and `$env:EPNAME` are not: the endpoint is a stand-in, the ACL's remote
    subnet and the VM's subnet are unknown, never the text of the variable."""
    body = (
        ROLE_WITH_ACL.replace("<RoleName>vm1", "<RoleName>$vm")
        .replace("<Name>web", "<Name>$env:EPNAME")
        .replace("10.0.0.0/8", "$Subnet")
        .replace(
            "    </ConfigurationSet>",
            "      <SubnetNames><SubnetName>$Subnet</SubnetName></SubnetNames>\n    </ConfigurationSet>",
        )
    )
    script = (
        "param([string]$Subnet)\n"
        '$vm = "app01"\n'
        '$body = @"\n' + body + '\n"@\n'
        'Invoke-RestMethod -Uri "https://management.core.windows.net/$sub/services/hostedservices/svc/'
        'deployments/svc/roles" -Method POST -Body $body\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"vars.ps1": script}, "MIG201", dedent=False)
    assert where(result.findings) == ["MIG201 vars.ps1:15:11"]
    assert "endpoint '<endpoint name, vars.ps1:27>' of VM 'app01'" in result.findings[0].message
    assert result.findings[0].autofix is None  # the ACL holds a variable: editing it would change the code
    (deployment,) = _deployments(_read(script))
    (role,) = deployment.roles
    (rule,) = role.endpoints[0].acl.rules
    assert rule.remote_subnet == "" and role.subnets == () and "subnets" in role.unknown


def test_an_element_a_variable_puts_in_is_shown_where_the_variable_string_writes_it(tmp_path, monkeypatch):
    acl = ROLE_WITH_ACL[ROLE_WITH_ACL.index("<EndpointAcl>") : ROLE_WITH_ACL.index("</EndpointAcl>") + 14]
    script = (
        "$acl = '" + acl.replace("\n", "") + "'\n"
        '$body = @"\n' + ROLE_WITH_ACL.replace(acl, "$acl") + '\n"@\n'
        "Invoke-RestMethod -Method Put -Uri "
        "'https://management.core.windows.net/s/services/hostedservices/svc/deployments/svc/roles/vm1' "
        "-Body $body\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"put.ps1": script}, "MIG201", dedent=False)
    assert where(result.findings) == ["MIG201 put.ps1:1:9"]


def test_an_escape_or_a_doubled_quote_moves_no_element(tmp_path, monkeypatch):
    flat = ROLE_WITH_ACL.replace("\n", "").replace("  ", "")
    escaped = flat.replace('"', "'").replace("<ConfigurationSets>", "`n<ConfigurationSets>")
    doubled = flat.replace('"', '""')
    script = (
        '$a = "' + escaped + '"\n'
        "Invoke-RestMethod -Method Put -Uri "
        "'https://management.core.windows.net/s/services/hostedservices/a/deployments/a/roles/vm1' -Body $a\n"
        '$b = "' + doubled + '"\n'
        "Invoke-RestMethod -Method Put -Uri "
        "'https://management.core.windows.net/s/services/hostedservices/b/deployments/b/roles/vm1' -Body $b\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"esc.ps1": script}, "MIG201", dedent=False)
    column = script.splitlines()[0].index("<EndpointAcl") + 1
    assert sorted(where(result.findings)) == [f"MIG201 esc.ps1:1:{column}", "MIG201 esc.ps1:3:6"]


def test_a_body_is_read_in_a_file_with_crlf_and_characters_past_ascii(tmp_path, monkeypatch):
    script = "# déploiement\n" + UPDATE_ROLE.replace("<Name>web", "<Name>wéb")
    result = lint_files(
        tmp_path, monkeypatch, {"acl.ps1": script.replace("\n", "\r\n")}, "MIG201", dedent=False
    )
    assert where(result.findings) == ["MIG201 acl.ps1:15:11"]


def test_one_body_sent_by_a_function_to_two_vms(tmp_path, monkeypatch):
    script = (
        "$acl = @'\n" + ROLE_WITH_ACL + "\n'@\n"
        "function Send-Role($service, $vm, $xml) {\n"
        "  Invoke-RestMethod -Method Put -Uri "
        '"https://management.core.windows.net/s/services/hostedservices/$service/deployments/$service/roles/$vm"'
        " -Body $xml\n"
        "}\n"
        'Send-Role "svc" "vm1" $acl\n'
        'Send-Role "other" "vmB" $acl\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"send.ps1": script}, "MIG201", dedent=False)
    messages = sorted(f.message for f in result.findings)
    assert where(result.findings) == ["MIG201 send.ps1:13:11", "MIG201 send.ps1:13:11"]
    assert (
        "VM 'vm1' in cloud service 'svc'" in messages[0]
        and "VM 'vmB' in cloud service 'other'" in messages[1]
    )


def test_a_body_updating_a_vm_the_script_creates_is_one_vm():
    script = (
        'New-AzureQuickVM -Windows -ServiceName "svc" -Name "vm1" -ImageName img -Password p '
        '-AdminUsername a -Location "West Europe"\n' + UPDATE_ROLE
    )
    (deployment,) = _deployments(_read(script))
    (role,) = deployment.roles
    assert [e.name for e in role.endpoints] == ["web"] and not role.changes_existing


def test_a_deployment_body_posted_to_a_service(tmp_path, monkeypatch):
    deployment = (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <Name>websvc</Name><DeploymentSlot>Production</DeploymentSlot>\n"
        "  <RoleList>\n"
        + "<Role>\n"
        + ROLE_WITH_ACL.split("\n", 1)[1]
        .replace("</RoleName>", "</RoleName><RoleType>PersistentVMRole</RoleType>")
        .replace("</PersistentVMRole>", "</Role>")
        + "\n  </RoleList>\n</Deployment>"
    )
    script = (
        '$uri = "https://management.core.windows.net/$subId/services/hostedservices/websvc/deployments"\n'
        'Invoke-RestMethod -Uri $uri -Method Post -Body @"\n' + deployment + '\n"@\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"dep.ps1": script}, "MIG201", dedent=False)
    assert where(result.findings) == ["MIG201 dep.ps1:17:11"]
    (read,) = _deployments(_read(script))
    assert (read.service_name, read.name, [r.name for r in read.roles]) == ("websvc", "websvc", ["vm1"])


def test_reading_a_large_body_costs_linear_time():
    endpoint = ROLE_WITH_ACL[
        ROLE_WITH_ACL.index("<InputEndpoint>") : ROLE_WITH_ACL.index("</InputEndpoints>")
    ]

    def make(n: int):
        body = ROLE_WITH_ACL.replace(endpoint, "".join(endpoint.replace("web", f"wéb{i}") for i in range(n)))
        script = UPDATE_ROLE.replace(ROLE_WITH_ACL, body).encode()
        return lambda: read_document("t.ps1", script, explicit=True)

    assert_linear(make, 200)


# --- the call operator --------------------------------------------------------------------------------


def _steps(doc: Document) -> list[tuple[str, str, int]]:
    (script,) = [r for r in doc.resources if isinstance(r, Script)]
    return [(step.step, step.target, step.mark.line) for step in script.migration]


def test_the_classic_cli_run_with_the_call_operator_runs_its_migration_steps():
    script = (
        "azure network vnet validate-migration a\n"
        "& azure network vnet prepare-migration a\n"
        "& azure.cmd network vnet commit-migration a\n"
        '& "azure" network vnet abort-migration b\n'
        "& 'azure' service deployment prepare-migration svc dep\n"
    )
    assert _steps(_read(script)) == [
        ("validate", "a", 1),
        ("prepare", "a", 2),
        ("commit", "a", 3),
        ("abort", "b", 4),
        ("prepare", "svc", 5),
    ]


def test_a_command_chosen_at_run_time_is_not_taken_for_the_cli():
    script = '& "$tool" network vnet commit-migration a\n& { azure network vnet prepare-migration a }\n'
    assert _steps(_read(script)) == [("prepare", "a", 2)]  # the script block runs: its command is read


def test_a_commit_the_call_operator_runs_before_its_prepare_is_out_of_order(tmp_path, monkeypatch):
    script = (
        "azure network vnet prepare-migration a\n"
        "& azure network vnet commit-migration b\n"
        "& azure.cmd network vnet prepare-migration b\n"
    )
    (finding,) = lint_files(tmp_path, monkeypatch, {"run.ps1": script}, "MIG602", dedent=False).findings
    assert (
        finding.location.line == 2
        and "azure network vnet commit-migration comes before any Prepare of virtual network 'b'"
        in finding.message
    )


QUICK_VM = '-Linux -ServiceName "{0}" -Name "vm1" -ImageName img -LinuxUser u -Password p -VNetName "prod"'


def test_a_cmdlet_run_with_the_call_operator_is_shown_at_its_name_by_every_rule(tmp_path, monkeypatch):
    script = f"& New-AzureQuickVM {QUICK_VM.format('svc')}\n. New-AzureQuickVM {QUICK_VM.format('other')}\n"
    result = lint_files(tmp_path, monkeypatch, {"vm.ps1": script}, "MIG203", "MIG601", dedent=False)
    assert where(result.findings) == ["MIG203 vm.ps1:1:3", "MIG601 vm.ps1:1:3", "MIG203 vm.ps1:2:3"]
    deployments = _deployments(_read(script))
    assert [(d.mark.column, d.roles[0].mark.column) for d in deployments] == [(3, 3), (3, 3)]


def test_a_migration_step_run_with_the_call_operator_is_shown_at_its_name(tmp_path, monkeypatch):
    script = (
        "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName a\n"
        "& Move-AzureVirtualNetwork -Commit -VirtualNetworkName b\n"
        '& "azure" network vnet commit-migration c\n'
        "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName b\n"
        "azure network vnet prepare-migration c\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"run.ps1": script}, "MIG602", dedent=False)
    assert where(result.findings) == ["MIG602 run.ps1:2:3", "MIG602 run.ps1:3:3"]
