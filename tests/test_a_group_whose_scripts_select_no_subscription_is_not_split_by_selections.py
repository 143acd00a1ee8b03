"""The files of a group whose scripts select no subscription (nearly every group: a cloud service project,
a network configuration) stay one subscription as they are: what each script selects first, and the
subscriptions they name, are not looked for, a call or two per file of every estate."""

from __future__ import annotations

from lint_support import lint_files
from test_texts import ACL

from migcheck import subscriptions


def test_a_project_s_files_are_not_looked_through_for_selections(tmp_path, monkeypatch):
    def refused(own):
        raise AssertionError(f"looked for the first stated selection of {own}")

    monkeypatch.setattr(subscriptions, "_from_first_stated", refused)
    result = lint_files(
        tmp_path, monkeypatch, {"shop/ServiceConfiguration.Cloud.cscfg": ACL}, "MIG201", dedent=False
    )
    (estate,) = result.estates
    assert [d.path for d in estate.documents] == ["shop/ServiceConfiguration.Cloud.cscfg"]
    assert [f.code for f in result.findings] == ["MIG201"]
