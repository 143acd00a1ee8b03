"""MIG101 ends the message of every web or worker role it reports with the same quarter of a kilobyte on
what the platform offers them: at 40,000 files, tens of thousands of findings. Each holds the rest of its
text and that one string (`Finding.message_end`), and its message reads whole wherever it is read: in the
reports, copied with a change (`replace`), and back from a worker process (pickled)."""

from __future__ import annotations

import pickle
from dataclasses import replace

from lint_support import lint_files

from migcheck.model import Finding, Mark, Severity

CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small" />
  <WorkerRole name="Jobs" vmsize="Small" />
</ServiceDefinition>
"""
CSCFG = """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <Role name="Jobs"><Instances count="2" /></Role>
</ServiceConfiguration>
"""
END = "which the platform does not migrate"


def test_the_findings_on_a_service_s_roles_share_how_their_messages_end(tmp_path, monkeypatch):
    files = {"shop/ServiceDefinition.csdef": CSDEF, "shop/ServiceConfiguration.Cloud.cscfg": CSCFG}
    jobs, web = sorted(
        lint_files(tmp_path, monkeypatch, files, "MIG101").findings, key=lambda f: f.resource_name
    )
    assert web.message.startswith("cloud service 'shop' has a WebRole 'Web': ")
    assert jobs.message.startswith("cloud service 'shop' has a WorkerRole 'Jobs': ")
    assert web.message.endswith(web.message_end)
    assert "Cloud Services (classic) was retired" in web.message_end
    assert web.message_end is jobs.message_end


def _finding(message: str, end: str) -> Finding:
    return Finding(
        "MIG999", "n", Severity.ERROR, message, "f", Mark("a.csdef", 3), "Role", "Web", message_end=end
    )


def test_a_message_with_a_shared_end_reads_whole_however_the_finding_is_copied():
    finding = _finding(f"role 'Web', {END}", END)
    assert finding.message == f"role 'Web', {END}"
    assert replace(finding, fix="other").message == finding.message
    assert replace(finding, message_end="") == finding
    back = pickle.loads(pickle.dumps(finding))
    assert (back.message, back.message_end) == (finding.message, END)
    assert back == finding and hash(back) == hash(finding)


def test_a_message_given_anew_keeps_the_end_only_where_it_ends_with_it():
    finding = _finding(f"role 'Web', {END}", END)
    assert replace(finding, message=f"role 'Web' (subscription s), {END}").message_end == END
    other = replace(finding, message="role 'Web' is fine")
    assert (other.message, other.message_end) == ("role 'Web' is fine", "")
    assert _finding("role 'Web'", END).message == "role 'Web'"
