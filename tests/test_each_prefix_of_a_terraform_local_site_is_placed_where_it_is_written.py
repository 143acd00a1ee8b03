"""A Terraform local network site's `address_space_prefixes` were read, but each was placed at the first: a
finding about the second pointed at the first (and `--fix` could not rewrite it). Each is now placed where
the file writes it."""

from __future__ import annotations

from lint_support import lint_files, where

SITE = """\
resource "azure_local_network_connection" "office" {
  name                   = "office"
  vpn_gateway_address    = "203.0.113.10"
  address_space_prefixes = ["192.168.0.0/24", "192.168.1.1/24"]
}
"""


def test_a_local_site_s_second_prefix_is_reported_where_it_is_written(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": SITE}, "MIG304")
    assert where(result.findings) == ["MIG304 main.tf:4:47"]
