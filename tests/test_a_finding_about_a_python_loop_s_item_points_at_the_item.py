"""A finding about a value a Python `for` loop's item gives (`for subnets in ["web", "web,data"]:`, run by the
classic CLI) pointed at the `for` statement; it now points at the item, as a shell `for` loop's does."""

from __future__ import annotations

from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, where


def test_a_python_loop_item_s_finding_points_at_the_item(tmp_path, monkeypatch):
    script = """\
    import subprocess
    for subnets in ["web", "web,data"]:
        subprocess.check_call(["azure", "vm", "create", "contoso-loop", "img", "ops", "pw", "-w", "app-vnet", "-b", subnets])
    """
    files = {"s.py": script, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202")
    assert where(result.findings) == ["MIG202 s.py:2:24"]  # at `"web,data"`
