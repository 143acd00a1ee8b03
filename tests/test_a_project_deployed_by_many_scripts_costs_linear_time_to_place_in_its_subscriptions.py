"""Scripts that each select a subscription and deploy a cloud service project's configuration, named by a
path written from another folder than the scripts' (`-Configuration 'Pool7\\ServiceConfiguration.cscfg'`
run from the projects' folder): each deployment finds its project by the file's name, so doubling the
projects and the scripts that deploy them doubles the cost of sorting the files into subscriptions."""

from __future__ import annotations

from growth import assert_linear
from test_a_cloud_service_project_s_publish_profile_names_the_service_and_subscription_it_publishes_to import (
    CSCFG,
    CSDEF,
    OTHER_SUBSCRIPTION,
    SUBSCRIPTION,
)

from migcheck.readers import read_document
from migcheck.subscriptions import split_subscriptions


def _projects_and_their_scripts(count: int, folder: str = "projects/"):
    """`count` projects, each deployed by a script of its own, in two subscriptions turn about."""
    docs = []
    for i in range(count):
        docs.append(read_document(f"{folder}Pool{i}/ServiceDefinition.csdef", CSDEF.encode(), explicit=True))
        docs.append(
            read_document(f"{folder}Pool{i}/ServiceConfiguration.Cloud.cscfg", CSCFG.encode(), explicit=True)
        )
        script = (
            f"Select-AzureSubscription -SubscriptionId '{(SUBSCRIPTION, OTHER_SUBSCRIPTION)[i % 2]}'\n"
            f"New-AzureDeployment -ServiceName 'pool{i}' -Slot Production -Package 'Pool.cspkg' "
            f"-Configuration 'Pool{i}\\ServiceConfiguration.Cloud.cscfg'\n"
        )
        docs.append(read_document(f"{folder}deploy/pool{i}.ps1", script.encode(), explicit=True))
    return tuple(docs)


def test_each_deployment_finds_its_project_by_the_file_s_name():
    def make(n: int):
        docs = _projects_and_their_scripts(n)
        return lambda: split_subscriptions(docs, {})

    assert_linear(make, 400)


def test_the_project_files_go_to_the_subscription_their_deployment_is_made_in():
    groups = dict(split_subscriptions(_projects_and_their_scripts(2), {}))
    assert sorted(doc.path for doc in groups[SUBSCRIPTION]) == [
        "projects/Pool0/ServiceConfiguration.Cloud.cscfg",
        "projects/Pool0/ServiceDefinition.csdef",
        "projects/deploy/pool0.ps1",
    ]
    assert sorted(doc.path for doc in groups[OTHER_SUBSCRIPTION]) == [
        "projects/Pool1/ServiceConfiguration.Cloud.cscfg",
        "projects/Pool1/ServiceDefinition.csdef",
        "projects/deploy/pool1.ps1",
    ]


def test_a_project_at_the_top_of_the_checked_folder_goes_to_its_subscription_too():
    """The walk gives its files' paths without a folder above the project's (`Pool0/...`): the path the
    script writes still ends them, where the project stayed in no subscription."""
    groups = dict(split_subscriptions(_projects_and_their_scripts(2, folder=""), {}))
    assert sorted(doc.path for doc in groups[SUBSCRIPTION]) == [
        "Pool0/ServiceConfiguration.Cloud.cscfg",
        "Pool0/ServiceDefinition.csdef",
        "deploy/pool0.ps1",
    ]
