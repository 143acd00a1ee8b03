"""A role's storage connection string says the cloud the service works in whatever the case of its keys
(`blobENDPOINT`, ` EndpointSuffix =` with spaces) or of the attribute that holds it (`Value=`): the
configuration's settings are searched for a key that can name a cloud before any role is walked, and that
search must find every such key the walk would, written with character references (`&#66;lobEndpoint`)
or in a text that is not all ASCII. A `Setting` outside a role's `ConfigurationSettings` names
no cloud, however its value reads."""

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
      <Setting name="Storage" value="DefaultEndpointsProtocol=https;AccountName=shopdiag;AccountKey=k" />
    </ConfigurationSettings>
  </Role>
  <Role name="Worker">
    <Instances count="1" />
    <ConfigurationSettings>
      <Setting name="Greeting" value="a=b" />
      {setting}
    </ConfigurationSettings>
  </Role>
</ServiceConfiguration>
"""
NOTE = "The retirement dates above are Azure's global cloud's"
CHINA = "https://shopdiag.blob.core.chinacloudapi.cn/"


def _notes(tmp_path, monkeypatch, setting: str) -> list[str]:
    files = {"ServiceConfiguration.Cloud.cscfg": CSCFG.format(setting=setting)}
    lines = text.render(lint_files(tmp_path, monkeypatch, files, dedent=False)).splitlines()
    return [line for line in lines if line.startswith(NOTE)]


@pytest.mark.parametrize(
    "setting",
    [
        f'<Setting name="Diagnostics" value="AccountName=shopdiag;blobENDPOINT={CHINA}" />',
        '<Setting name="Diagnostics" value="AccountName=shopdiag; EndpointSuffix = core.chinacloudapi.cn" />',
        f'<Setting name="Diagnostics" Value="TableEndpoint={CHINA}" />',
        f'<Setting name="Diagnostics" VALUE="QueueEndPoint={CHINA}" />',
        f'<Setting name="Diagnostics" value="&#66;lob&#x45;ndpoint={CHINA}" />',
        f'<Setting name="Diagnostics" value="FileEndpoint={CHINA}" /><!-- Caf\u00e9 -->',
    ],
)
def test_a_key_in_any_case_in_a_value_in_any_case_says_the_cloud(tmp_path, monkeypatch, setting):
    assert _notes(tmp_path, monkeypatch, setting) == [
        f"{NOTE}; the files work in Azure operated by 21Vianet (ServiceConfiguration.Cloud.cscfg:13): "
        "check its own notices for its dates."
    ]


@pytest.mark.parametrize(
    "setting",
    [
        f'<Other><Setting name="Diagnostics" value="BlobEndpoint={CHINA}" /></Other>',
        f'<Setting name="Diagnostics" value="Endpoint={CHINA}" />',
        f'<Setting name="Diagnostics" value="BlobEndpoints={CHINA}" />',
    ],
)
def test_a_setting_out_of_place_or_a_key_that_names_no_storage_endpoint_says_no_cloud(
    tmp_path, monkeypatch, setting
):
    assert _notes(tmp_path, monkeypatch, setting) == []
