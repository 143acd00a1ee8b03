"""A finding's fix names the commands of the tool its line is written with: an endpoint ACL a shell script, a
GitLab CI job, a Python program or a PowerShell script adds with the classic CLI's `azure vm endpoint
acl-rule create` is removed from the file (it adds the rule again on each run) and deleted with `azure vm
endpoint acl-rule delete`, not with Remove-AzureAclConfig, which a CLI user has not got; the VIP of a
deployment the CLI or the legacy SDK makes in no network is reserved with PowerShell once, since neither
can reserve it; a disk the CLI or the SDK registers is deleted with its own command. A PowerShell
script's finding, and a file's that no script wrote, keep the cmdlets."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

ACL_CLI = "azure vm endpoint acl-rule create web01 HTTPS 100 permit 203.0.113.0/24 --dns-name shop"
CLI_DELETE = "`azure vm endpoint acl-rule delete web01 HTTPS 100 --dns-name shop`"

CLI_ACL_FILES = {
    "ops/restrict.sh": f"azure config mode asm\n{ACL_CLI}\n",
    ".gitlab-ci.yml": f"""
        restrict:
          script:
            - azure config mode asm
            - {ACL_CLI}
        """,
    "ops/restrict.py": f"""
        import subprocess
        subprocess.check_call({ACL_CLI.split()!r})
        """,
    "ops/restrict.ps1": f"{ACL_CLI}\n",
}


def _fixes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], code: str) -> list[str]:
    return [f.fix for f in lint_files(tmp_path, monkeypatch, files, code).findings if f.code == code]


@pytest.mark.parametrize("path", list(CLI_ACL_FILES))
def test_an_acl_the_classic_cli_adds_is_deleted_with_the_cli_and_its_command_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    [fix] = _fixes(tmp_path, monkeypatch, {path: CLI_ACL_FILES[path]}, "MIG201")
    assert CLI_DELETE in fix
    assert "acl-rule create` from the file" in fix
    assert "Remove-AzureAclConfig" not in fix


def test_an_acl_a_powershell_script_sets_keeps_the_cmdlets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = """
        $acl = New-AzureAclConfig
        Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet "203.0.113.0/24" -Order 100
        Get-AzureVM -ServiceName "shop" -Name "web01" | Set-AzureEndpoint -Name "HTTPS" -ACL $acl | Update-AzureVM
        """
    [fix] = _fixes(tmp_path, monkeypatch, {"ops/restrict.ps1": script}, "MIG201")
    assert "Remove-AzureAclConfig, then Update-AzureVM" in fix
    assert "azure vm" not in fix


def test_a_pipeline_s_powershell_step_keeps_the_cmdlets_beside_a_cli_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline = f"""
        steps:
          - bash: |
              azure config mode asm
              {ACL_CLI}
          - powershell: |
              $acl = New-AzureAclConfig
              Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet "198.51.100.0/24" -Order 100
              Get-AzureVM -ServiceName "shop" -Name "db01" | Set-AzureEndpoint -Name "SQL" -ACL $acl | Update-AzureVM
        """
    fixes = _fixes(tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}, "MIG201")
    assert len(fixes) == 2
    assert sum(CLI_DELETE in fix for fix in fixes) == 1
    assert sum("Remove-AzureAclConfig, then Update-AzureVM" in fix for fix in fixes) == 1


def test_a_vip_the_classic_cli_leaves_unreserved_is_reserved_once_with_powershell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = "azure config mode asm\nazure vm create shop img ops 'P@ss' -n web01 -l 'West Europe'\n"
    [fix] = _fixes(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG105")
    assert "the classic CLI cannot: `azure network reserved-ip create` makes a new address" in fix
    assert "`New-AzureReservedIP -ServiceName` once" in fix


def test_a_disk_the_classic_cli_registers_is_deleted_with_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = "azure config mode asm\nazure vm disk create data1 https://acct.blob.core.windows.net/vhds/d.vhd -l 'West Europe'\n"
    [fix] = _fixes(tmp_path, monkeypatch, {"disks.sh": script}, "MIG402")
    assert "`azure vm disk delete <name>`" in fix and "Remove-AzureDisk" not in fix


def test_a_file_no_script_wrote_keeps_the_cmdlets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cscfg = """
        <PersistentVM>
          <RoleName>sql01</RoleName>
          <ConfigurationSets>
            <ConfigurationSet>
              <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
              <InputEndpoints>
                <InputEndpoint>
                  <Name>SQL</Name><Port>1433</Port><Protocol>tcp</Protocol><LocalPort>1433</LocalPort>
                  <EndpointAccessControlList><Rules><AccessControlListRule>
                    <Order>100</Order><Action>permit</Action><RemoteSubnet>10.0.0.0/8</RemoteSubnet>
                  </AccessControlListRule></Rules></EndpointAccessControlList>
                </InputEndpoint>
              </InputEndpoints>
            </ConfigurationSet>
          </ConfigurationSets>
        </PersistentVM>
        """
    [fix] = _fixes(tmp_path, monkeypatch, {"vms/sql01.xml": cscfg}, "MIG201")
    assert "Remove-AzureAclConfig, then Update-AzureVM" in fix
