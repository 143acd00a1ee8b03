"""Azure Pipelines' template expressions `${{ variables.name }}` (`variables['name']`) and
`${{ parameters.name }}` (a top `parameters:` item's `default:`) are replaced by the value the file states,
as `$(name)` is, and so is a variable whose value is the runtime expression `$[ variables.name ]`. An
expression of anything else (a secret, a function) stays a value the file does not state, and a
`template:` the pipeline includes is not followed: it is said nothing of."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import ServiceRegion


def lint(tmp_path, monkeypatch, pipeline: str):
    return lint_files(tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}, "MIG601")


def services(result) -> list[tuple[str, str]]:
    document = next(d for d in result.documents if d.path == "azure-pipelines.yml")
    return [(r.service, r.location) for r in document.resources if isinstance(r, ServiceRegion)]


def test_template_expressions_of_variables_and_parameters_are_their_values(tmp_path, monkeypatch):
    pipeline = """\
        parameters:
          - name: region
            type: string
            default: West US
        variables:
          serviceName: shopsvc
          copied: $[ variables.serviceName ]
          place: ${{ parameters.region }}
        steps:
          - script: |
              azure config mode asm
              azure service create ${{ variables.serviceName }} --location "${{ parameters.region }}"
              azure service create ${{ variables['serviceName'] }}2 --location "$(place)"
              azure service create $(copied)3 --location "$PLACE"
          - pwsh: New-AzureService -ServiceName '${{ variables.ServiceName }}4' -Location '${{ parameters.Region }}'
        """
    result = lint(tmp_path, monkeypatch, pipeline)
    assert services(result) == [
        ("shopsvc", "West US"),
        ("shopsvc2", "West US"),
        ("shopsvc3", "West US"),
        ("shopsvc4", "West US"),
    ]


def test_an_expression_of_a_value_the_file_does_not_state_names_no_service(tmp_path, monkeypatch):
    pipeline = """\
        parameters:
          - name: region
            type: string
        steps:
          - script: |
              azure config mode asm
              azure service create ${{ variables.secretName }} --location "${{ parameters.region }}"
              azure service create ${{ format('{0}', variables.a) }} --location 'West US'
        """
    assert services(lint(tmp_path, monkeypatch, pipeline)) == []


def test_a_template_the_pipeline_includes_is_said_nothing_of(tmp_path, monkeypatch):
    pipeline = """\
        parameters:
          - name: service
            default: shopsvc
        stages:
          - template: stages/deploy.yml
            parameters:
              service: ${{ parameters.service }}
              region: West US
        jobs:
          - template: jobs/publish.yml@templates
        steps:
          - template: steps/azure-classic.yml
            parameters:
              serviceName: $(serviceName)
        """
    result = lint(tmp_path, monkeypatch, pipeline)
    assert services(result) == []
    assert where(result.findings) == []
