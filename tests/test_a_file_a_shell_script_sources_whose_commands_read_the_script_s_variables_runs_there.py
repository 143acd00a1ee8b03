"""A file a shell script sources that defines no function and whose top-level commands read a variable it does
not set runs where a script that sets it sources it, as bash runs it, in the script's shell: common.sh's
`azure vm create "$SERVICE" …` creates in the service the script names (`SERVICE=svc1`, or `SERVICE=$1`),
where it was read only alone, in a service it does not know, and made a second cloud service beside the
script's own. Two scripts that set two names make two services; each finding is said once. A file whose
commands read only what it sets keeps its own read, as one that defines functions does."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import Deployment

COMMON = 'azure vm create "$SERVICE" img user pass -l "West Europe" --vm-name web1\n'


def _services(result) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted(
        (d.path, r.service_name, tuple(role.name for role in r.roles))
        for d in result.documents
        for r in d.resources
        if isinstance(r, Deployment) and r.roles
    )


def test_two_scripts_that_set_two_names_make_two_services(tmp_path, monkeypatch):
    files = {
        "common.sh": COMMON,
        "a.sh": "#!/bin/bash\nSERVICE=svc1\nsource ./common.sh\n",
        "b.sh": '#!/bin/bash\nSERVICE=svc2\n. "$(dirname "$0")/common.sh"\n',
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _services(result) == [("a.sh", "svc1", ("web1",)), ("b.sh", "svc2", ("web1",))]


def test_a_name_the_script_is_given_is_one_service_with_its_findings_once(tmp_path, monkeypatch):
    deploy = (
        "#!/bin/bash\nSERVICE=$1\nsource ./common.sh\n"
        'azure vm endpoint create --vm-name web1 --dns-name "$SERVICE" 80 80\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"common.sh": COMMON, "deploy.sh": deploy}, dedent=False)
    assert [(path, roles) for path, _, roles in _services(result)] == [("deploy.sh", ("web1",))]
    said = [(f.code, f.location.path, f.location.line) for f in result.findings if f.location]
    assert len(said) == len(set(said))
    assert not [s for s in said if s[0] != "MIG601" and s[1] == "deploy.sh"]


def test_a_file_that_reads_only_what_it_sets_keeps_its_own_read(tmp_path, monkeypatch):
    files = {
        "common.sh": 'SERVICE=libsvc\nazure vm create "$SERVICE" img user pass -l "West Europe" --vm-name web1\n',
        "main.sh": "#!/bin/bash\nSERVICE=mainsvc\nsource ./common.sh\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _services(result) == [("common.sh", "libsvc", ("web1",))]
