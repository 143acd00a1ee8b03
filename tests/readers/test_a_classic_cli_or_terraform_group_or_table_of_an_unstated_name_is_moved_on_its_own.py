"""A network security group or route table the classic CLI makes (`azure network nsg create`, `azure network
route-table create`), or the classic Terraform provider declares (`azure_security_group`), under a name the
file does not state (`$1-nsg`, `"${var.env}-nsg"`) is made all the same: `migcheck plan` moves it on its own
(Move-AzureNetworkSecurityGroup, Move-AzureRouteTable) under a stand-in named where the name is passed, as it
does one New-AzureNetworkSecurityGroup makes and a reserved IP `network reserved-ip create` makes."""

from __future__ import annotations

from migcheck.plan import Plan

ASM = "azure config mode asm\n"


def _unattached(plan: Plan) -> list[str]:
    return [step.id for step in plan.steps if step.id.startswith("unattached:")]


def test_a_cli_group_of_an_unstated_name_is_moved_on_its_own(plan_of):
    plan = plan_of({"a.sh": ASM + 'azure network nsg create $1-nsg "West Europe"\n'})
    assert _unattached(plan) == ["unattached:NetworkSecurityGroup:<network security group name, a.sh:2>"]


def test_a_cli_route_table_of_an_unstated_name_is_moved_on_its_own(plan_of):
    plan = plan_of({"a.sh": ASM + 'azure network route-table create "$TABLE" "West Europe"\n'})
    assert _unattached(plan) == ["unattached:RouteTable:<route table name, a.sh:2>"]


def test_one_value_created_twice_is_one_group(plan_of):
    script = (
        ASM
        + 'azure network nsg create "$NSG" "West Europe"\n'
        + 'azure network nsg create "$NSG" "West Europe"\n'
    )
    assert len(_unattached(plan_of({"a.sh": script}))) == 1


def test_a_terraform_group_of_an_unstated_name_is_moved_on_its_own(plan_of):
    config = """\
        variable "env" {}
        resource "azure_security_group" "web" {
          name     = "${var.env}-nsg"
          location = "West Europe"
        }
        """
    plan = plan_of({"main.tf": config})
    assert _unattached(plan) == [
        "unattached:NetworkSecurityGroup:<network security group name, main.tf:3:14>"
    ]
