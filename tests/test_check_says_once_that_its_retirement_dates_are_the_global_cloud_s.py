"""The retirement dates `migcheck check` states (a classic VM's, a Basic SKU's, classic storage's) are
Azure's global cloud's. Where the files work in Azure operated by 21Vianet or Azure Government, whose own
notices give theirs, the report says so once, on a line before its summary, not in every finding."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.report import concise, text

QUICK_VM = (
    'New-AzureQuickVM -Windows -ServiceName "svc1" -Name "vm1" -Location "{region}" -ImageName img '
    "-Password p -AdminUsername u\n"
)
IN_CHINA = {
    "deploy.ps1": "Add-AzureAccount -Environment AzureChinaCloud\n" + QUICK_VM.format(region="China North")
}
NOTE = "The retirement dates above are Azure's global cloud's"


def test_a_report_on_files_of_azure_china_says_once_whose_dates_it_gives(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, IN_CHINA, dedent=False)
    report = text.render(result)
    assert "2023-09-06" in report  # MIG601: the classic VMs' retirement
    assert report.count(NOTE) == 1
    line = next(line for line in report.splitlines() if line.startswith(NOTE))
    assert line == (
        f"{NOTE}; the files work in Azure operated by 21Vianet (deploy.ps1:1): check its own notices for its dates."
    )
    assert report.splitlines()[-1].startswith("Found ")


def test_the_one_line_format_says_it_once_too(tmp_path, monkeypatch):
    report = concise.render(lint_files(tmp_path, monkeypatch, IN_CHINA, dedent=False))
    assert report.count(NOTE) == 1


def test_files_of_two_sovereign_clouds_name_both(tmp_path, monkeypatch):
    files = {
        **IN_CHINA,
        "gov.sh": "#!/bin/bash\nazure login -e AzureUSGovernment\nazure vm create svc2 img user pass -l 'US Gov Iowa'\n",
    }
    report = text.render(lint_files(tmp_path, monkeypatch, files, dedent=False))
    assert (
        "the files work in Azure operated by 21Vianet (deploy.ps1:1), Azure Government (gov.sh:2): check their "
        "own notices for theirs." in report
    )


def test_files_of_the_global_cloud_say_nothing_of_it(tmp_path, monkeypatch):
    files = {
        "deploy.ps1": "Add-AzureAccount -Environment AzureCloud\n" + QUICK_VM.format(region="West Europe")
    }
    report = text.render(lint_files(tmp_path, monkeypatch, files, dedent=False))
    assert "2023-09-06" in report
    assert NOTE not in report


def test_a_report_that_states_no_date_says_nothing_of_it(tmp_path, monkeypatch):
    # MIG602 alone, of a script that creates a cloud service and no VM: no finding and no storage account of a
    # VM's disks (classic storage's retirement) state a date.
    only_a_service = 'New-AzureService -ServiceName "svc1" -Location "China North"\n'
    files = {"deploy.ps1": "Add-AzureAccount -Environment AzureChinaCloud\n" + only_a_service}
    report = text.render(lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False))
    assert "2023-09-06" not in report and "2025-09-30" not in report
    assert NOTE not in report
