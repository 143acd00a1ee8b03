"""A `.tf.json` file's `locals` object (`{"locals": {"svc": "kids-master"}}`) was left out, so a resource named
by `${local.svc}` stood in a cloud service of a name to fill in; it now gives its values as a `.tf` file's
`locals` block does."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import Deployment

CONFIGURATION = """\
{"locals": {"svc": "kids-master"},
 "resource": {
   "azure_hosted_service": {"master": {"name": "${local.svc}", "location": "North Europe"}},
   "azure_instance": {"vm": {"name": "vm1", "hosted_service_name": "${azure_hosted_service.master.name}",
     "image": "Ubuntu Server 14.04 LTS", "size": "Small", "storage_service_name": "kidsstore",
     "location": "North Europe", "username": "salt"}}}}
"""


def test_the_local_names_the_cloud_service(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": CONFIGURATION})
    (deployment,) = [d for estate in result.estates for d in estate.resources(Deployment)]
    assert deployment.service_name == "kids-master"
