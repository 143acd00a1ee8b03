"""A service configuration whose roles' storage connection strings are on Azure China's domain
(`BlobEndpoint=https://x.blob.core.chinacloudapi.cn/`, `EndpointSuffix=core.chinacloudapi.cn`) is a cloud
service of Azure operated by 21Vianet, as a publish profile that signs in to that cloud's endpoint already
said; the report gave the global cloud's retirement dates with no word that they may not be that cloud's.
It now says so once, at the first such setting; development storage or the global cloud's domain says
nothing."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.report import text

CSCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web">
    <Instances count="2" />
    <ConfigurationSettings>
      <Setting name="Greeting" value="a=b" />
      <Setting name="Microsoft.WindowsAzure.Plugins.Diagnostics.ConnectionString" value="{value}" />
    </ConfigurationSettings>
  </Role>
</ServiceConfiguration>
"""
NOTE = "The retirement dates above are Azure's global cloud's"


def _report(tmp_path, monkeypatch, value: str) -> str:
    files = {"ServiceConfiguration.Cloud.cscfg": CSCFG.format(value=value)}
    return text.render(lint_files(tmp_path, monkeypatch, files, dedent=False))


@pytest.mark.parametrize(
    "value",
    [
        "BlobEndpoint=https://shopdiag.blob.core.chinacloudapi.cn/;AccountName=shopdiag;AccountKey=k",
        "DefaultEndpointsProtocol=https;AccountName=shopdiag;AccountKey=k;EndpointSuffix=core.chinacloudapi.cn",
    ],
)
def test_a_connection_string_on_azure_china_s_domain_says_the_cloud(tmp_path, monkeypatch, value):
    lines = _report(tmp_path, monkeypatch, value).splitlines()
    assert [line for line in lines if line.startswith(NOTE)] == [
        f"{NOTE}; the files work in Azure operated by 21Vianet (ServiceConfiguration.Cloud.cscfg:7): "
        "check its own notices for its dates."
    ]


@pytest.mark.parametrize(
    "value",
    [
        "UseDevelopmentStorage=true",
        "DefaultEndpointsProtocol=https;AccountName=shopdiag;AccountKey=k;EndpointSuffix=core.windows.net",
    ],
)
def test_development_or_global_storage_says_no_other_cloud(tmp_path, monkeypatch, value):
    assert NOTE not in _report(tmp_path, monkeypatch, value)
