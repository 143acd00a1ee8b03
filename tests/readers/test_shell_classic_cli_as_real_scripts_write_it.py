"""The classic CLI (`azure`, asm mode) as scripts in real repositories write it: names the script does not
state, placeholders left to fill in, commands run through a prefix or a wrapper, loops that count, the
networks `vnet create` makes, and VMs a later command deletes."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from migcheck.model import Deployment, VirtualNetwork
from migcheck.readers import shell
from tests.lint_support import lint_files, where


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *codes: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, files, *codes).findings)


def _deployments(text: str, path: str = "deploy.sh") -> list[Deployment]:
    doc = shell.read(path, textwrap.dedent(text).encode())
    return [r for r in doc.resources if isinstance(r, Deployment)]


# --- names the script does not state ------------------------------------------------------------------


def test_scripts_of_one_name_in_two_folders_describe_two_services(tmp_path, monkeypatch):
    files = {
        "a/deploy.sh": "azure vm create -A frontend -n web -e 22 $SERVICE img u p\n",
        "b/deploy.sh": "azure vm create -n db -e 22 $SERVICE img u p\n",
    }
    assert _lint(tmp_path, monkeypatch, files, "MIG103") == []


def test_one_unstated_variable_given_twice_names_one_service(tmp_path, monkeypatch):
    script = """\
    svc=$1
    azure vm create -A web-as -n web1 -e 22 $svc img u p
    azure vm create --connect -n web2 -e 23 "$svc" img u p
    """
    assert _lint(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG103") == ["MIG103 deploy.sh:3:1"]


def test_two_values_a_command_makes_are_two_services(tmp_path, monkeypatch):
    script = """\
    svc=$(make-name)
    azure vm create -A web-as -n web1 -e 22 $svc img u p
    svc=$(make-name)
    azure vm create -n web2 -e 23 $svc img u p
    """
    assert _lint(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG103") == []


def test_a_vm_deleted_by_the_variable_it_was_created_under_is_gone():
    script = """\
    BUILD_HOST=build-$(date +%s)
    azure vm create -l "West US" -e 22 ${BUILD_HOST} img u p
    azure vm delete -q -b ${BUILD_HOST}
    """
    assert _deployments(script) == []


def test_a_deployment_whose_last_vm_is_deleted_leaves_no_service():
    script = """\
    azure vm create -l "West US" -e 22 buildhost img u p
    azure vm create -c -n other -e 23 buildhost img u p
    azure vm delete -q -b buildhost
    """
    (deployment,) = _deployments(script)
    assert [role.name for role in deployment.roles] == ["other"]
    assert _deployments(script + "azure vm delete other -d buildhost\n") == []


# --- commands run through a prefix or a wrapper -------------------------------------------------------


def test_commands_run_through_a_prefix_are_read(tmp_path, monkeypatch):
    script = """\
    sudo azure vm create -w net1 -b a,b web1 img u p
    sudo -u ops -E azure vm create -w net1 -b a,b web2 img u p
    time azure vm create -w net1 -b a,b web3 img u p
    command azure vm create -w net1 -b a,b web4 img u p
    nohup env AZURE_MODE=asm -u HOME azure vm create -w net1 -b a,b web5 img u p &
    exec azure vm create -w net1 -b a,b web6 img u p
    """
    found = _lint(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG202")
    assert found == [
        "MIG202 deploy.sh:1:35",
        "MIG202 deploy.sh:2:45",
        "MIG202 deploy.sh:3:35",
        "MIG202 deploy.sh:4:38",
        "MIG202 deploy.sh:5:63",
        "MIG202 deploy.sh:6:35",
    ]


def test_a_wrapper_function_runs_the_command_its_arguments_name(tmp_path, monkeypatch):
    script = """\
    runtraced() {
      echo "+ $*"
      "$@" || exit 1
    }
    quietly() { $@ > /dev/null; }
    runtraced azure vm create -w net1 -b a,b web1 img u p
    runtraced quietly azure vm create -w net1 -b c,d web2 img u p
    """
    found = _lint(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG202")
    assert found == ["MIG202 deploy.sh:6:40", "MIG202 deploy.sh:7:48"]


def test_a_prefix_runs_what_follows_its_options_where_the_script_states_them(tmp_path, monkeypatch):
    script = """\
    sudo -u $OPS azure vm create -w net1 -b a,b web1 img u p
    sudo $SUDO_OPTIONS azure vm create -w net1 -b a,b web2 img u p
    """
    assert _lint(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG202") == ["MIG202 deploy.sh:1:43"]


# --- placeholders left to fill in, and scripts bash refuses ----------------------------------------------


def test_placeholders_copied_from_documentation_are_unstated_words(tmp_path, monkeypatch):
    script = """\
    azure vm create -e 22 -l "West US" one img ops <password>
    azure vm create -e 22 -l "West US" two img ops <password>
    azure vm create -w net1 -b a,b three img ops pw
    azure vm create -w net1 -b c,d <cloud service name> img ops pw
    """
    found = _lint(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG001", "MIG202")
    assert found == ["MIG202 deploy.sh:3:30", "MIG202 deploy.sh:4:30"]


def test_one_placeholder_given_twice_names_one_service(tmp_path, monkeypatch):
    script = """\
    azure vm create -A web-as -n web1 -e 22 <service> img u p
    azure vm create --connect -n web2 -e 23 <service> img u p
    """
    assert _lint(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG103") == ["MIG103 deploy.sh:2:1"]


@pytest.mark.parametrize(
    ("script", "line", "column", "what"),
    [
        ("azure vm create a img u p >\n\nfor (( i=0; i<3; i++ )); do\n  echo\ndone\n", 1, 27, "redirects"),
        (
            "azure vm create a img u p\nif true; then\n  azure vm create b img u p\n\necho x\n",
            2,
            1,
            "never closes",
        ),
        ('azure vm create "a img u p\necho\n', 1, 17, "cannot be parsed"),
    ],
)
def test_a_script_bash_refuses_is_mig001_where_bash_stops(script, line, column, what):
    problem = shell.read("deploy.sh", script.encode()).problem
    assert problem is not None
    assert (problem.mark.line, problem.mark.column) == (line, column)
    assert what in problem.message


# --- what the CLI sends for the options it is given ---------------------------------------------------


def test_a_network_the_script_does_not_name_without_a_subnet_is_mig203(tmp_path, monkeypatch):
    script = """\
    source ./settings.sh
    azure vm create -w $VNET -e 22 -n web -c svc1 svc1 img u p
    azure vm create -w "$VNET" -b "$SUBNET" -e 23 -n db -c svc1 svc1 img u p
    """
    assert _lint(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG203") == ["MIG203 deploy.sh:2:1"]
    (deployment,) = _deployments(script)
    assert deployment.virtual_network is not None
    assert deployment.virtual_network.name == "<virtual network name, deploy.sh:2:20>"


def test_no_ssh_endpoint_without_rdp_leaves_the_reserved_ip_without_an_endpoint(tmp_path, monkeypatch):
    script = """\
    azure network reserved-ip create myip westus
    azure vm create -R myip -E -l westus web2 img u p
    azure network reserved-ip create myip3 westus
    azure vm create -R myip3 --no-ssh-endpoint -l westus web3 img u p
    azure network reserved-ip create myip4 westus
    azure vm create -R myip4 -E -r -l westus web4 img u p
    """
    found = _lint(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG106")
    assert found == ["MIG106 deploy.sh:2:20", "MIG106 deploy.sh:4:20"]


# --- loops that count ---------------------------------------------------------------------------------


def test_loops_that_state_their_count_run_that_many_times():
    script = """\
    for ((i=1;i<=3;i++)); do azure vm create -c svc -n c$i img u p; done
    for (( i=11; i<13; i++ )); do azure vm create -c svc -n d$i img u p; done
    for x in $(seq 1 2); do azure vm create -c svc -n f$x img u p; done
    for x in {1..2}; do azure vm create -c svc -n g$x img u p; done
    for x in $(seq 0 2 4); do azure vm create -c svc -n h$x img u p; done
    for ((k=3;k>0;k--)); do azure vm create -c svc -n k$k img u p; done
    """
    (deployment,) = _deployments(script)
    assert [role.name for role in deployment.roles] == [
        *("c1", "c2", "c3", "d11", "d12", "f1", "f2", "g1", "g2", "h0", "h2", "h4", "k3", "k2", "k1")
    ]


def test_loops_whose_count_is_not_stated_name_their_vms_by_stand_ins():
    script = """\
    for ((i=0; i<n; i+=1)); do azure vm create -c svc -n e$i img u p; done
    v=0
    while [ $v -lt $n ]; do
      azure vm create -c svc -n w$v img u p
      v=$((v+1))
    done
    """
    (deployment,) = _deployments(script)
    assert [role.name for role in deployment.roles] == ["<VM name, deploy.sh:1>", "<VM name, deploy.sh:4>"]


# --- networks the script creates ----------------------------------------------------------------------


def test_vnet_create_makes_a_network_the_rules_see(tmp_path, monkeypatch):
    script = """\
    azure network vnet create --vnet mynet -l "West US" -e 10.0.0.0 -i 16 -n Private -p 10.0.0.0 -r 24
    azure network vnet create agnet --affinity-group myag
    azure network vnet create defaults -l "West US"
    azure network vnet subnet create defaults Back -a 10.0.9.0/24
    azure vm create -w mynet -b Public -e 22 web1 img u p
    azure vm create -w mynet -b Private -e 22 web2 img u p
    azure vm create -w defaults -b Subnet-1 -e 22 web3 img u p
    azure vm create -w defaults -b Back -e 22 web4 img u p
    """
    # Each `vnet create` and `vnet subnet create` writes the subscription's network configuration anew with
    # the one change the script shows: the networks it makes are defined as it writes them, so a VM placed
    # in a subnet one of them lacks is reported (MIG003), as with a network configuration.
    found = _lint(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG003", "MIG303")
    assert found == ["MIG303 deploy.sh:2:50", "MIG003 deploy.sh:5:29"]  # at the affinity group


def test_the_network_vnet_create_makes_as_its_options_state_it():
    script = """\
    azure network vnet create --vnet mynet -l "West US" -e 10.0.0.0 -i 16 -n Private -p 10.0.0.0 -r 24
    azure network vnet create other -a myag
    azure network vnet create gone -l "West US"
    azure network vnet delete gone -q
    """
    doc = shell.read("deploy.sh", textwrap.dedent(script).encode())
    networks = {r.name: r for r in doc.resources if isinstance(r, VirtualNetwork)}
    assert sorted(networks) == ["mynet", "other"]
    mynet, other = networks["mynet"], networks["other"]
    assert (mynet.location, [p.text for p in mynet.address_space]) == ("West US", ["10.0.0.0/16"])
    assert [(s.name, s.prefix.text if s.prefix else None) for s in mynet.subnets] == [
        ("Private", "10.0.0.0/24")
    ]
    assert (other.affinity_group, other.address_space_known) == ("myag", False)
    assert [(s.name, s.prefix_known) for s in other.subnets] == [("Subnet-1", False)]


def test_a_wrapper_a_sourced_file_defines_may_run_its_command(tmp_path, monkeypatch):
    script = """\
    source common.conf
    runtraced azure vm create -w net1 -b a,b web1 img u p
    echo azure vm create -w net1 -b c,d web2 img u p
    """
    unsourced = "runtraced azure vm create -w net1 -b a,b web3 img u p\n"
    files = {"deploy.sh": script, "other.sh": unsourced}
    assert _lint(tmp_path, monkeypatch, files, "MIG202") == ["MIG202 deploy.sh:2:40"]
