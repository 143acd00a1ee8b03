"""A Terraform module whose `module` block calls its own folder (`source = "./"`, or `"../m"` from `m/`) calls
itself, which Terraform refuses: an output read through that call (`module.self.<output>`) is a value not
stated. The guard covered the folder of the file read alone, so in a called module the output was read from
the module's own `output` block, as if the cycle were a module of its own."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Deployment

VM = """\
resource "azure_instance" "web" {
  name                 = "web"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Small"
  storage_service_name = "webstore"
  location             = "North Europe"
  virtual_network      = module.self.network
  subnet               = "public"
  username             = "ops"
}
output "network" { value = "stated-network" }
"""


def _network_name(result) -> str:
    """The network of the VM, made once: the module is not made again by the call of its own folder, which
    `../m` from `m/main.tf` (read as its folder's root module too) also is."""
    (deployment,) = [d for estate in result.estates for d in estate.resources(Deployment)]
    assert deployment.virtual_network is not None
    return deployment.virtual_network.name


@pytest.mark.parametrize("source", ["./", "../m", "."])
def test_a_called_module_s_output_through_a_call_of_its_own_folder_is_not_stated(
    tmp_path, monkeypatch, source
):
    files = {
        "main.tf": 'module "m" {\n  source = "./m"\n}\n',
        "m/main.tf": f'module "self" {{\n  source = "{source}"\n}}\n{VM}',
    }
    name = _network_name(lint_files(tmp_path, monkeypatch, files))
    assert name.startswith("<virtual network name"), name


def test_the_root_module_s_output_through_a_call_of_its_own_folder_is_not_stated(tmp_path, monkeypatch):
    files = {"main.tf": f'module "self" {{\n  source = "./"\n}}\n{VM}'}
    name = _network_name(lint_files(tmp_path, monkeypatch, files))
    assert name.startswith("<virtual network name"), name
