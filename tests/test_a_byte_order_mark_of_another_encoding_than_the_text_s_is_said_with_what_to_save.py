"""A file whose byte order mark names an encoding its bytes are not in (a UTF-16 mark before one-byte text,
as `printf '\\xff\\xfe<?xml ...'` writes; a UTF-8 mark before UTF-16 text) was decoded as the mark says:
MIG001 over CJK characters about a missing root element, or a parse error of NUL bytes. It is now said to
start with the wrong mark, and told to be saved as UTF-8, in every format migcheck reads. A mark that
matches its text is read as ever."""

from __future__ import annotations

import codecs

import pytest

from migcheck.readers import read_document

CSCFG = '<?xml version="1.0"?>\n<ServiceConfiguration serviceName="shop" />\n'
TEXTS = {
    "ServiceConfiguration.cscfg": CSCFG,
    "estate.json": '[{"type": "microsoft.classiccompute/virtualmachines"}]\n',
    "deploy.ps1": "New-AzureService -ServiceName shop\n",
    "deploy.py": "import azure.servicemanagement\n",
    "main.tf": 'resource "azure_instance" "web" {}\n',
    "deploy.sh": "azure vm create web\n",
    "playbook.yml": "- hosts: all\n",
}
WRONG = [
    pytest.param(codecs.BOM_UTF16_LE, "utf-8", "a UTF-16 byte order mark", id="utf16-mark-utf8-text"),
    pytest.param(codecs.BOM_UTF16_BE, "utf-8", "a UTF-16 byte order mark", id="utf16be-mark-utf8-text"),
    pytest.param(codecs.BOM_UTF8, "utf-16-le", "a UTF-8 byte order mark", id="utf8-mark-utf16-text"),
]


@pytest.mark.parametrize("name", list(TEXTS))
@pytest.mark.parametrize(("mark", "encoding", "said"), WRONG)
def test_the_wrong_mark_is_said_and_the_file_told_to_be_saved_as_utf8(name, mark, encoding, said):
    document = read_document(name, mark + TEXTS[name].encode(encoding), explicit=True)
    assert document is not None and document.problem is not None
    problem = document.problem
    assert problem.message.startswith(f"the file starts with {said}")
    assert (problem.mark.line, problem.mark.column) == (1, 1)
    assert (problem.fix or "").startswith("Save the file as UTF-8")


@pytest.mark.parametrize(
    ("mark", "encoding"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF8, "utf-8")],
)
def test_a_mark_that_matches_its_text_is_read(mark, encoding):
    document = read_document("ServiceConfiguration.cscfg", mark + CSCFG.encode(encoding), explicit=True)
    assert document is not None and document.problem is None
    assert document.resources


def test_the_example_of_a_utf16_mark_before_xml_is_said_so(tmp_path):
    document = read_document("bad.cscfg", b"\xff\xfe<?xml bad", explicit=True)
    assert document is not None and document.problem is not None
    assert "yet its text is not UTF-16" in document.problem.message


SCRIPTS = {
    "deploy.ps1": 'New-AzureService -ServiceName shop -Location "West Europe"\n',
    "deploy.py": "from azure.servicemanagement import ServiceManagementService\n"
    'ServiceManagementService("s", "c").create_hosted_service("shop", "shop")\n',
    "deploy.sh": "azure service create shop\n",
}


@pytest.mark.parametrize("name", list(SCRIPTS))
def test_a_walk_finds_a_classic_script_a_wrong_mark_hides(name):
    data = codecs.BOM_UTF16_LE + SCRIPTS[name].encode("utf-8")
    document = read_document(name, data, explicit=False)
    assert document is not None and document.problem is not None
    assert document.problem.message.startswith("the file starts with a UTF-16 byte order mark")


def test_a_walk_passes_over_a_script_a_wrong_mark_hides_that_is_not_classic():
    assert read_document("notes.ps1", codecs.BOM_UTF16_LE + b"Write-Host 'hello'\n", explicit=False) is None
