"""Python code a shell script or a CI pipeline's shell step runs inline (`python - <<'EOF' ... EOF`, `python3
-c "..."`) is read by the Python reader, each call where the file writes it; code the script does not state as
written (`python3 -c "$CODE"`, a here-document whose `$` the shell fills in) is said as a part not read."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import INLINE_PYTHON_NOT_READ, Script

WORKFLOW = """\
on: workflow_dispatch
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          python - <<'EOF'
          from azure.servicemanagement import ServiceManagementService
          sms = ServiceManagementService('sub', 'cert.pem')
          sms.create_hosted_service('shop', 'shop', location='West US')
          EOF
      - run: python3 -u -c "from azure.servicemanagement import ServiceManagementService as S; S('s', 'c')"
"""


def _scripts(tmp_path, monkeypatch, files: dict[str, str]) -> list[Script]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    return [r for d in result.documents for r in d.resources if isinstance(r, Script)]


def test_a_here_document_and_a_command_line_run_by_python_are_read_where_written(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {".github/workflows/m.yml": WORKFLOW}, "MIG601", dedent=False)
    assert where(result.findings) == [
        "MIG601 .github/workflows/m.yml:9:17",  # ServiceManagementService in the here-document
        "MIG601 .github/workflows/m.yml:12:96",  # S('s', 'c') in the command line
    ]


def test_python_a_shell_script_runs_inline_is_read(tmp_path, monkeypatch):
    script = (
        "#!/bin/bash\npython3 <<PY\nfrom azure.servicemanagement import ServiceManagementService\n"
        "ServiceManagementService('sub', 'cert.pem').create_hosted_service('shop', 'shop', location='West US')\n"
        "PY\n"
    )
    [found] = _scripts(tmp_path, monkeypatch, {"deploy.sh": script})
    assert found.language == "Python"
    assert sorted((c.name, c.mark.line) for c in found.calls) == [
        ("ServiceManagementService", 4),
        ("create_hosted_service", 4),
    ]


def test_inline_python_the_script_does_not_state_as_written_is_said_not_read(tmp_path, monkeypatch):
    workflow = """\
on: workflow_dispatch
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          azure config mode asm
          python3 -c "$CODE"
          python3 <<EOF
          from azure.servicemanagement import ServiceManagementService
          ServiceManagementService('$SUBSCRIPTION', 'cert.pem')
          EOF
"""
    scripts = _scripts(tmp_path, monkeypatch, {".github/workflows/m.yml": workflow})
    unread = [(m.line, m.tag) for s in scripts for m in s.unread]
    assert unread == [(8, INLINE_PYTHON_NOT_READ), (10, INLINE_PYTHON_NOT_READ)]


def test_inline_python_a_function_runs_at_each_of_its_calls_is_read_once(tmp_path, monkeypatch):
    # a function of n lines of Python called n times: read once, not once per call
    from growth import assert_linear

    from migcheck.readers import shell

    def make(n: int):
        body = "".join(f"sms.get_hosted_service_properties('svc{i}')\n" for i in range(n))
        calls = "".join(f"migrate svc{i}\n" for i in range(n))
        script = (
            "#!/bin/bash\nmigrate() {\n  python3 - <<'PY'\nfrom azure.servicemanagement import "
            f"ServiceManagementService\nsms = ServiceManagementService('s', 'c')\n{body}PY\n}}\n{calls}"
        ).encode()
        return lambda: shell.read("deploy.sh", script)

    assert_linear(make, 150)
