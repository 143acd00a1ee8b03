"""Hostile Eclipse build files and Terraform version constraints. An Eclipse `package.xml` of thirty
properties, each the one before it written twice (`${p1}${p1}`), expanded to a gigabyte: a property longer
than `ant.VALUE_CHARS` is now not known. A value of many `${` and no `}` searched the rest of the value
for a `}` at each of them. A `required_version` of `~> ²` or of a number of thousands of digits failed the
file's reading (MIG001, "a fault in migcheck"): neither is a version number."""

from __future__ import annotations

from pathlib import Path

from growth import assert_costs_at_most
from hostile_support import migcheck_limited

from migcheck.readers.ant import VALUE_CHARS, Properties, expand
from migcheck.readers.terraform_versions import lowest_allowed

SUBSCRIPTION = "1f333a31-1111-2222-3333-444455556666"


def _doubling_package(properties: int) -> str:
    """A build file whose last property is 2 ** `properties` characters long once expanded, its publish
    naming the service by it."""
    chain = ['<property name="p0" value="xx"/>'] + [
        f'<property name="p{i}" value="${{p{i - 1}}}${{p{i - 1}}}"/>' for i in range(1, properties)
    ]
    return (
        '<project basedir="." name="P">\n' + "\n".join(chain) + '\n<target name="t">'
        f'<azurepublish subscriptionid="{SUBSCRIPTION}" cloudservicename="s${{p{properties - 1}}}" '
        'storageaccountname="store"/></target>\n</project>\n'
    )


def test_properties_that_double_at_each_definition_are_not_expanded_beyond_a_path_s_length(tmp_path: Path):
    (tmp_path / "package.xml").write_text(_doubling_package(30), encoding="utf-8")
    done = migcheck_limited("check", "--format", "json", str(tmp_path), memory=512 * 1024 * 1024)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "MIG001" not in done.stdout


def test_a_value_longer_than_the_limit_is_not_known_and_one_at_it_is():
    properties = Properties("/p", {"a": "x" * (VALUE_CHARS // 2)})
    assert expand("${a}${a}", properties) == "x" * VALUE_CHARS
    assert expand("${a}${a}$$", properties) is None
    assert expand("y" * (VALUE_CHARS + 1), properties) is None


def test_references_never_closed_are_read_in_one_pass():
    properties = Properties("/p", {"a": "b"})
    unclosed, plain = "${a" * 2_000_000, "xyz" * 2_000_000
    assert expand(unclosed[:9], properties) == "${a${a${a"
    assert_costs_at_most(lambda: expand(unclosed, properties), 20, lambda: expand(plain, properties))


def test_a_version_of_digits_int_does_not_read_is_no_version():
    assert lowest_allowed("~> ²") is None
    assert lowest_allowed(">= " + "9" * 5000) is None
    assert lowest_allowed(">= 0.12, " + "1." * 3000) == (0, 12, 0)


def test_a_terraform_file_requiring_such_a_version_is_read(tmp_path: Path):
    (tmp_path / "main.tf").write_text(
        f'terraform {{\n  required_version = ">= {"9" * 5000}"\n}}\n'
        'terraform {\n  required_version = "~> \u00b2"\n}\n'
        'resource "azure_instance" "a" {\n  name = "x"\n}\n',
        encoding="utf-8",
    )
    done = migcheck_limited("check", str(tmp_path))
    assert "MIG001" not in done.stdout, done.stdout[-2000:]
    assert "MIG105" in done.stdout
