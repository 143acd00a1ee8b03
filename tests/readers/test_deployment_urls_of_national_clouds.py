"""A deployment body names its cloud service by its `Url` in the national clouds too (Azure operated by
21Vianet, Azure Government, Azure Germany), as in the global one; other hosts name none."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

BODY = """<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>prod</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <Url>{url}</Url>
  <RoleList/>
</Deployment>
"""


@pytest.mark.parametrize(
    ("url", "service"),
    [
        ("http://shop.cloudapp.net/", "shop"),
        ("http://shop.chinacloudapp.cn/", "shop"),
        ("http://shop.usgovcloudapp.net/", "shop"),
        ("http://shop.cloudapp.microsoftazure.de/", "shop"),
        ("http://shop.cloudapp-preview.net/", ""),
        ("http://shop.example.com/", ""),
    ],
)
def test_the_service_a_url_names(url, service):
    document = read_document("prod.xml", BODY.format(url=url).encode(), explicit=False)
    assert document is not None
    (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
    assert deployment.service_name == service
