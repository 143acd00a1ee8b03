"""Python scripts that call the classic Service Management SDK (`azure.servicemanagement`), or the Service
Management API itself over HTTPS: the classic calls they make, and the deployments, VMs, web/worker roles,
reserved IPs and network configurations those calls create or change, as the same typed resources the XML
readers produce. A VM a script creates with two subnets is a `Role` with two subnets, and MIG202 reports it
at the script's line and column.

Only files that import the SDK, name the API's host (`management.core.windows.net`) or call a method only
the SDK's service has (`SERVICE_MANAGEMENT_ONLY`) are read (a folder walk skips the rest on a byte search).
Without the SDK, a call is classic when it sends a request to a URL on that host (one a property builds,
`self.base_url`, too), or on a connection opened to it; urllib's `Request` sends one, and so does a class of
the script's deriving from it to take the method first (`RequestWithMethod('POST', url)`). The host is also
the audience of Resource Manager's sign-in tokens (`resource='https://management.core.windows.net/'`),
which makes no script classic. It is classic too when it calls, on any object, one of
the methods only the service has (`self.sms().create_hosted_service(...)` in a module of a tool that builds
the service in another): such a call describes what it creates only from values the file writes out.

The source is parsed with Python's own parser (`ast`), comments are read with `tokenize`; nothing in the
file is run, imported or opened. A script Python 3 refuses is read as the older Python it was written for,
as most scripts of the SDK's era are Python 2: its forms (`print x`, `except X, e:`, `0777`, ...) are
rewritten token by token into Python 3 of the same layout, so that every position is the one in the file
(indentation that mixes tabs and spaces is rewritten in spaces, and positions on those lines moved back).

What reaches each SDK call is worked out by `python_flow`; a fact whose value the script does not state (a
parameter, a setting, a loop variable) is left empty and named in `Role.unknown`, so that rules stay silent
about it, and a name it does not state is shown as a stand-in that says so (`<deployment name,
deploy.py:12>`), never as the expression that holds it. Calls that pass the same such value for the cloud
service and the deployment (the same parameter, the same `cfg['name']`, a name the script binds on several
paths and not again between the calls, see `Flow.same_value`) name one deployment: `add_role` adds its VM to
the one the script creates. Unless that creation surely runs before it, `add_role` (or `update_role`) may
add to a deployment that exists already, in a network no file states: one the script creates in none on
another path may be in none, not surely so. A creation in one of the script's functions surely runs
when the call of the function that leads to it does, and nothing before it in the function may end the
path (a `return`, `raise` or `sys.exit()`, in a `with` or `try` body too): its one call, each of calls one
after the other (`create('web')` then `create('app')`), each turn of a loop over items the script writes
out, as the PowerShell reader runs a function at each call and a `foreach` over such items item by item;
not a call in a loop over items the script does not state, which may run no turn. A call is shown at the
name of the method it calls.

A call that creates something is read once for each turn of the loops around it over items the script
writes out, and, in one of the script's functions, once for each call of the function, when the reader
knows them all and each decides whether the call runs: `provision('app01', ['app'])` then `provision(
'app02', ['app', 'backup'])` are two VMs, the second in two subnets; so are `d.provision(...)` on a `d =
Deployer(...)` whose class the script defines, and a call of the function in a loop over items the script
writes out, once for each item. A VM call whose arguments differ by the path the script takes to it (an
extension appended under an `if`, a name bound on both branches) is read on each path, up to a few: the VM
is described once for each and the descriptions joined as the PowerShell reader joins a VM built
differently on different paths, a blocker any path sets reported, an absence, or a value the paths differ
on (the availability set, the size), known only when they all agree.

What the SDK's models cannot express, scripts send as REST bodies of their own (`perform_put`,
`perform_post`, or a request of their own): a body the reader can work out is read as the REST reader reads
a body file, for the roles and deployments it describes (a `Deployment`, a `CreateDeployment` from a
package, a role, an Update Load-Balanced Endpoint Set's `LoadBalancedEndpointList`, whose sets' VMs join the
deployment its path names), a network configuration uploaded (PUT
`<subscription>/services/networking/media`) as a .netcfg is read, and endpoint ACLs built with ElementTree
(`SubElement(endpoint, 'EndpointAcl')`) are ACLs too. A body filled in from a template the script writes out
is read with a stand-in for each value the script does not state, a value it states only as the result of a
call it does not follow included (`base64.b64encode(open(...).read()).decode()`), whichever way it is filled
in (`%`, `.format`, an f-string, `+`, `.replace`); what is found in it is shown at its element in the
literal that writes it, and a fix is offered there only for an element the literal writes whole. A role
body PUT to `.../roles/<name>`
(Update Role), like `update_role`, changes a VM that exists already: it states some facts of the VM its path
names, and the others stay as they were, unknown to the reader unless the file creates the VM too
(`Role.changes_existing`). So does `add_data_disk` of a VM the file does not create: it gives that VM a data
disk, in the blob its `source_media_link` names where it gives one (the disk is registered from that VHD and
its `media_link` ignored, as a REST body's `SourceMediaLink`), else in its `media_link`, and says nothing else
of the VM or its deployment's network. So does `delete_data_disk` of a VM the file does not create: it takes the disk at
its LUN off the VM another file creates (`Role.removed_luns`), as Remove-AzureDataDisk does; from a VM the
file creates or gives data disks, it takes the disk off here. Only a delete that surely runs removes one.

`associate_reserved_ip_address` gives the deployment it names the reserved IP, as
Set-AzureReservedIPAssociation does: one the file does not otherwise describe is described with no VMs of
its own when the call surely runs (in one of the script's functions, as a creation does, see above), so
that the reserved IP is in use by it. It names the deployment as a creation does: by values the script does
not state, the one a creation names by the same (`associate_reserved_ip_address(ip, service, service)` in
the function that creates the deployment `service` names). `disassociate_reserved_ip_address`
takes the reserved IP off again, or, from a deployment the file does not give it, off the cloud service as
other files describe it (`ReservedIp.released_from`), as Remove-AzureReservedIPAssociation does.

A gateway connection the script disconnects (an `UpdateConnection` body whose `Operation` is `Disconnect`,
PUT to `.../services/networking/<network>/gateway/connection/<site>`: the SDK has no method for it) and
does not connect again on every path after is a `ConnectionState` at the call that disconnects it, as
the PowerShell reader finds one for `Set-AzureVNetGateway -Disconnect` (see `_GatewayLinks`). A network or
site the script does not state (a parameter, `sys.argv[1]`, what a call returns) is a stand-in, one for
each value (`down(sys.argv[1])` then `down(sys.argv[2])` disconnect two), brought up again by a
connection of the same value. A connection (`Operation` `Connect`) of a network the path states is a
`VnetGatewayFact`, as Set-AzureVNetGateway -Connect is, to the site the path states or to one it does not
(the plan's stand-in): the network's gateway connects to a local site by VPN.
"""

from __future__ import annotations

import ast
import bisect
import codecs
import functools
import heapq
import io
import posixpath
import re
import string
import sys
import tokenize
import urllib.parse
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import cast

from migcheck import automation
from migcheck.clouds import cloud_of_url
from migcheck.inventory_model import DEFENDER_PRICINGS, ApplicationGateway, DefenderPlan, as_updates
from migcheck.model import (
    CALLED_BY_UNSTATED_NAME,
    CLIENT_UPLOAD_NOT_FOLLOWED,
    EVERY_NETWORK,
    EXPRESSROUTE,
    LOOP_TURNS_CUT,
    MAYBE_RUNS,
    NEVER_RUNS,
    REQUEST_ATTRIBUTE_UNDECIDED,
    RUNBOOK_NOT_FOLLOWED,
    SECURITY_RULE_VALUES,
    SENDS_CERTIFICATE,
    SENDS_CLASSIC_BODY,
    STAGE_CHOICE,
    UNCALLED_MAYBE_RUNS,
    UNCALLED_RUNS,
    UNSTATED_SUBSCRIPTION,
    UNSTATED_TEXT,
    URL_NAMES_THE_API,
    VALUE_TOO_LONG,
    VALUES_NOT_FOLLOWED,
    VM_FACTS,
    VM_OF_REQUEST_URI,
    VPN,
    WRITTEN_CONFIGURATION,
    XML_EDITS_NOT_FOLLOWED,
    AclRule,
    AffinityGroupRegion,
    ClassicCall,
    CloudInUse,
    ConnectionState,
    Deployment,
    DirectiveComment,
    Disk,
    DiskPlace,
    Document,
    EndpointAcl,
    ExtendedSupportService,
    Extension,
    FileKind,
    FileProblem,
    Image,
    InputEndpoint,
    Mark,
    MigrationStep,
    NamedAfterDelete,
    NameRef,
    NetworkConfiguration,
    NetworkSecurityGroup,
    ReservedIp,
    Role,
    RoleInstance,
    RoleType,
    Script,
    SecurityRule,
    ServiceCertificate,
    ServiceRegion,
    StorageAccountType,
    SubscriptionSelection,
    Suppression,
    UnplacedDisk,
    VirtualIp,
    VnetGatewayFact,
    absent_on_some_path,
    another_turn,
    apart,
    blob_host_account,
    common_branches,
    in_no_network,
    is_stand_in,
    joined_paths,
    lun_key,
    placed_like,
    request_url_undecided,
    reserved_on_vips,
    rules_after,
    sites_and_subnets_stood_in,
    subscription_guid,
    unstated_selection,
    with_maybe_vips,
    without_path_in_none,
)
from migcheck.readers import beside, python_cli, python_resource_types
from migcheck.readers import python_flow as flow
from migcheck.readers.python_and_or import with_and_or_as_conditionals
from migcheck.readers.python_arguments import with_arguments, with_options_left_out
from migcheck.readers.python_dispatch import CallsByName, with_calls_by_name
from migcheck.readers.python_flow import (
    HOLE,
    PATH_JOINS,
    Bound,
    CallSite,
    DictV,
    Encoded,
    Index,
    ListV,
    Lit,
    NoneV,
    Obj,
    Position,
    Value,
    dotted,
    items_of,
    literal,
)
from migcheck.readers.python_lambdas import with_lambdas_as_functions
from migcheck.readers.python_library import (
    MODULE_DEPTH,
    imported_class_methods,
    imported_functions,
    imports_functions,
    with_libraries,
    with_module_calls_by_name,
)
from migcheck.readers.python_settings import running_in, with_settings_values
from migcheck.readers.request_bodies import (
    CREATED,
    HOLE_MARK,
    ROLE_GROUP,
    UNKNOWABLE,
    UNSTATED,
    adds_group_to_role,
    adds_group_to_subnet,
    body_root,
    captured_vm,
    creates_security_group,
    data_disk_path,
    group_on_role,
    group_on_subnet,
    is_role_path,
    marked_host_label,
    named_group,
    path_names,
    registers_in_repository,
    remarked,
    reserved_ip_request,
    security_rule_path,
    stated_facts,
    take_facts,
    unsaid,
    unstated_role,
    without_unstated_values,
)
from migcheck.scan import markup  # the tags of a body, as fixes find them

# The classic client's parameters (`ServiceManagementService`), made for the subscription of the id given.
_CLIENT_SIGNATURE = ("subscription_id", "cert_file", "host", "request_session", "timeout")
# Parameters of the methods whose calls become resources, in the SDK's positional order (0.20.8).
SIGNATURES: dict[str, tuple[str, ...]] = {
    "create_virtual_machine_deployment": (
        "service_name",
        "deployment_name",
        "deployment_slot",
        "label",
        "role_name",
        "system_config",
        "os_virtual_hard_disk",
        "network_config",
        "availability_set_name",
        "data_virtual_hard_disks",
        "role_size",
        "role_type",
        "virtual_network_name",
        "resource_extension_references",
        "provision_guest_agent",
        "vm_image_name",
        "media_location",
        "dns_servers",
        "reserved_ip_name",
    ),
    "add_role": (
        "service_name",
        "deployment_name",
        "role_name",
        "system_config",
        "os_virtual_hard_disk",
        "network_config",
        "availability_set_name",
        "data_virtual_hard_disks",
        "role_size",
        "role_type",
        "resource_extension_references",
        "provision_guest_agent",
        "vm_image_name",
        "media_location",
    ),
    "update_role": (
        "service_name",
        "deployment_name",
        "role_name",
        "os_virtual_hard_disk",
        "network_config",
        "availability_set_name",
        "data_virtual_hard_disks",
        "role_size",
        "role_type",
        "resource_extension_references",
        "provision_guest_agent",
    ),
    "create_deployment": (
        "service_name",
        "deployment_slot",
        "name",
        "package_url",
        "label",
        "configuration",
        "start_deployment",
        "treat_warnings_as_error",
        "extended_properties",
    ),
    "upgrade_deployment": (
        "service_name",
        "deployment_name",
        "mode",
        "package_url",
        "configuration",
        "label",
        "force",
        "role_to_upgrade",
        "extended_properties",
    ),
    "swap_deployment": ("service_name", "production", "source_deployment"),
    "change_deployment_configuration": (
        "service_name",
        "deployment_name",
        "configuration",
        "treat_warnings_as_error",
        "mode",
        "extended_properties",
    ),
    "add_data_disk": (
        "service_name",
        "deployment_name",
        "role_name",
        "lun",
        "host_caching",
        "media_link",
        "disk_label",
        "disk_name",
        "logical_disk_size_in_gb",
        "source_media_link",
    ),
    "update_data_disk": (
        "service_name",
        "deployment_name",
        "role_name",
        "lun",
        "host_caching",
        "media_link",
        "updated_lun",
        "disk_label",
        "disk_name",
        "logical_disk_size_in_gb",
    ),
    "delete_data_disk": ("service_name", "deployment_name", "role_name", "lun", "delete_vhd"),
    # The client's own requests, for what the SDK's methods cannot express (endpoint ACLs, boot diagnostics).
    "perform_put": ("path", "body", "x_ms_version"),
    "perform_post": ("path", "body", "x_ms_version"),
    "perform_delete": ("path", "x_ms_version"),
    "create_reserved_ip_address": ("name", "label", "location"),
    "create_affinity_group": ("name", "label", "location", "description"),
    "delete_reserved_ip_address": ("name",),
    # The waits on an asynchronous request's operation, by the id the request returned (`_operation_waited`).
    "wait_for_operation_status": ("request_id",),
    "get_operation_status": ("request_id",),
    "add_service_certificate": ("service_name", "data", "certificate_format", "password"),
    "create_hosted_service": (
        "service_name",
        "label",
        "description",
        "location",
        "affinity_group",
        "extended_properties",
    ),
    "associate_reserved_ip_address": ("name", "service_name", "deployment_name", "virtual_ip_name"),
    "disassociate_reserved_ip_address": ("name", "service_name", "deployment_name", "virtual_ip_name"),
    # Storage accounts, and the disks and images the script registers (see `_Resources._registration`).
    "create_storage_account": (
        "service_name",
        "description",
        "label",
        "affinity_group",
        "location",
        "geo_replication_enabled",
        "extended_properties",
        "account_type",
    ),
    "add_disk": ("has_operating_system", "label", "media_link", "name", "os"),
    "add_os_image": ("label", "media_link", "name", "os"),
    "create_vm_image": ("vm_image",),
    # A VM captured as an OS image (capture_role) or a VM image (capture_vm_image).
    "capture_role": (
        "service_name",
        "deployment_name",
        "role_name",
        "post_capture_action",
        "target_image_name",
        "target_image_label",
        "provisioning_configuration",
    ),
    "capture_vm_image": ("service_name", "deployment_name", "role_name", "options"),
    # What the script removes of what it created before (see `_Resources._delete`, `_unregister`).
    "delete_role": ("service_name", "deployment_name", "role_name", "complete"),
    "delete_deployment": ("service_name", "deployment_name", "delete_vhd"),
    "delete_hosted_service": ("service_name", "complete"),
    "delete_disk": ("disk_name", "delete_vhd"),
    "delete_os_image": ("image_name", "delete_vhd"),
    "delete_vm_image": ("vm_image_name", "delete_vhd"),
    "delete_storage_account": ("service_name",),
    # What the script leaves a VM's power state as (see `_Resources._power_states`).
    "shutdown_role": ("service_name", "deployment_name", "role_name", "post_shutdown_action"),
    "shutdown_roles": ("service_name", "deployment_name", "role_names", "post_shutdown_action"),
    "start_role": ("service_name", "deployment_name", "role_name"),
    "start_roles": ("service_name", "deployment_name", "role_names"),
    "restart_role": ("service_name", "deployment_name", "role_name"),
}
# The state each shutdown leaves a VM in, by its `post_shutdown_action` as compared (its letters, casefolded); the
# SDK's default is `Stopped`: shut down, still allocated (the API's instance state `StoppedVM`).
# Told with the value a blob address starts with (`args.container_url + name + '.vhd'`), the storage account
# that value names, told from one a value names as the host's first label.
_ADDRESS_START = f"{HOLE}://"
_SHUTDOWN_STATES = {"stopped": "StoppedVM", "stoppeddeallocated": "StoppedDeallocated"}
_POWER_CALLS = frozenset({"shutdown_role", "shutdown_roles", "start_role", "start_roles", "restart_role"})
# How a web/worker role deployed from a package is known to be one, in words MIG101's message quotes.
PACKAGE_EVIDENCE = {
    "create_deployment": "deployed from a service package by create_deployment; packages hold web and "
    "worker roles only",
    "upgrade_deployment": "upgraded with a service package by upgrade_deployment; packages hold web and "
    "worker roles only",
    "change_deployment_configuration": "its service configuration is changed from a file by "
    "change_deployment_configuration, as a package's deployment is configured (a VM deployment's "
    "configuration is the platform's: its VMs are changed with the role operations)",
    "swap_deployment": "its staging and production deployments are swapped by swap_deployment, and only a "
    "package's deployment (web and worker roles) is ever in the staging slot (a VM deployment is the "
    "production one)",
}
# Facts a call states by each of its parameters; what update_role leaves out it leaves unchanged.
_FACT_PARAMS = {
    "size": ("role_size",),
    "availability_set": ("availability_set_name",),
    "endpoints": ("network_config",),
    "subnets": ("network_config",),
    "extensions": ("resource_extension_references",),
    "disks": ("os_virtual_hard_disk", "data_virtual_hard_disks"),
    "static_ips": ("network_config",),
    "public_ips": ("network_config",),
}

# The kind of image each call registers (see `_Resources._registration`) or deletes (`_unregister`): OS
# images and VM images are listed apart, and each delete finds its own kind only.
_IMAGE_KINDS = {
    "add_os_image": "os",
    "capture_role": "os",
    "create_vm_image": "vm",
    "capture_vm_image": "vm",
    "delete_os_image": "os",
    "delete_vm_image": "vm",
}
_REGISTRATIONS = frozenset(
    {"add_disk", "add_os_image", "create_vm_image", "capture_role", "capture_vm_image"}
)
_UNREGISTRATIONS = frozenset({"delete_disk", "delete_os_image", "delete_vm_image"})
# The calls that describe something of their own, outside any deployment: a reserved IP, a storage account,
# a disk or an image the script registers, the region of a cloud service or affinity group it creates.
_OUTSIDE_DEPLOYMENTS = frozenset(
    {
        "create_reserved_ip_address",
        "associate_reserved_ip_address",
        "create_storage_account",
        "create_hosted_service",
        "create_affinity_group",
        *_REGISTRATIONS,
    }
)
# The calls that place a cloud service or an affinity group in a region (see `_Resources._runs`).
_REGION_CALLS = frozenset({"create_hosted_service", "create_affinity_group"})
# The calls that take away what one of those made (the reserved IP or storage account of the name each call
# of the function they are in passes), read as those are.
_TAKING_AWAY = frozenset({"delete_reserved_ip_address", "delete_storage_account"})
_OPERATION_WAITS = frozenset({"wait_for_operation_status", "get_operation_status"})
# The calls that create or change a VM: read on each path the script may take to them (`_Resources._vm`).
_VM_CALLS = frozenset({"create_virtual_machine_deployment", "add_role", "update_role"})
# The SDK's methods that change a cloud service (its deployments, VMs, role instances, certificates, DNS
# servers, reserved IP associations) or a storage account, each with what names the resource it changes:
# (scope, position, parameter). `service_name` names a storage account in the storage methods.
_SERVICE = (("cloud-service", 0, "service_name"),)
_SDK_CHANGES: dict[str, tuple[tuple[str, int, str], ...]] = {
    **dict.fromkeys(
        (
            "create_hosted_service",
            "update_hosted_service",
            "delete_hosted_service",
            "create_deployment",
            "delete_deployment",
            "swap_deployment",
            "change_deployment_configuration",
            "update_deployment_status",
            "upgrade_deployment",
            "walk_upgrade_domain",
            "rollback_update_or_upgrade",
            "reboot_role_instance",
            "reimage_role_instance",
            "rebuild_role_instance",
            "delete_role_instances",
            "add_service_certificate",
            "delete_service_certificate",
            "add_role",
            "update_role",
            "delete_role",
            "capture_role",
            "start_role",
            "start_roles",
            "restart_role",
            "shutdown_role",
            "shutdown_roles",
            "add_dns_server",
            "update_dns_server",
            "delete_dns_server",
            "add_data_disk",
            "update_data_disk",
            "delete_data_disk",
            "capture_vm_image",
        ),
        _SERVICE,
    ),
    "create_virtual_machine_deployment": (
        *_SERVICE,
        (
            "virtual-network",
            SIGNATURES["create_virtual_machine_deployment"].index("virtual_network_name"),
            "virtual_network_name",
        ),
    ),
    **dict.fromkeys(
        ("associate_reserved_ip_address", "disassociate_reserved_ip_address"),
        (("cloud-service", 1, "service_name"),),
    ),
    **dict.fromkeys(
        (
            "create_storage_account",
            "update_storage_account",
            "delete_storage_account",
            "regenerate_storage_account_keys",
        ),
        (("storage-account", 0, "service_name"),),
    ),
}
# The calls read once for each turn of the loops around them, and for each call of the function they are in
# (see `_Resources._bindings`).
_BY_TURN = frozenset(
    {
        "create_virtual_machine_deployment",
        "add_role",
        "update_role",
        "add_data_disk",
        "update_data_disk",
        *PACKAGE_EVIDENCE,
        *_OUTSIDE_DEPLOYMENTS,
        *_TAKING_AWAY,
    }
)
# Choices (`if`s) a VM is created within that the reader tells apart (see `Role.branches`): real scripts
# nest a few; past this, deeper ones are read as if the VM were created on either branch.
_MAX_CHOICES = 16
# The work spent following values, per byte of the script: real scripts use a small part of it.
BUDGET_PER_BYTE = 0.05
BUDGET_FLOOR = 10_000  # the work spent following values that even the smallest script may take
_PYTHON2_HINTS = (
    "Missing parentheses in call to",
    "multiple exception types must be parenthesized",
    "leading zeros in decimal integer literals",
)
# The Python migcheck runs on: a script written for a newer one may use syntax this one refuses.
_RUNNING = f"{sys.version_info.major}.{sys.version_info.minor}"
_UNREADABLE = (
    f"Python {_RUNNING}, which migcheck runs on, cannot parse the script, nor can migcheck read it as "
    "Python 2"
)
_SYNTAX_FIX = (
    "Fix the Python syntax at the position shown; if the script is written for a Python newer than "
    f"{_RUNNING}, run migcheck with that Python. migcheck reads Python 3 scripts, and Python 2 scripts in "
    "the forms it knows (print and exec statements, `except X, e`, `raise E, message`, `<>`, backticks, "
    "octal and long numbers, ur'' strings, tuple parameters, indentation that mixes tabs and spaces)."
)
_PYTHON2_FIX = (
    "Port the script to Python 3 (print(...), `except X as e`), or exclude it in [tool.migcheck] exclude if "
    "it is no longer run."
)
_GENERATED_FIX = "Exclude the file in [tool.migcheck] exclude if it is generated."
_TOO_DEEP_FIX = (
    "Split the expression into shorter ones (a variable for each part), or exclude the file in "
    "[tool.migcheck] exclude if it is generated."
)
_ENCODING_FIX = (
    "Save the file as UTF-8, or declare its encoding on its first or second line (# -*- coding: cp1252 -*-)."
)


# Methods only the SDK's `ServiceManagementService` has, named for what only the classic API has (hosted
# services, reserved IPs, affinity groups, role instances, management certificates, ...): a call of one on any
# object is a classic call, in a file that never imports the SDK as in one that does. Tools build the service
# in one module and call it from others (`self.sms().create_hosted_service(...)`), and Resource Manager's
# clients have none of these (`cloud_services.begin_create_or_update`). Methods whose names other libraries or
# a script's own helpers share (`add_role`, `delete_deployment`, `create_storage_account`, `add_data_disk`,
# `perform_get`, Service Bus's `list_subscriptions`) are classic only in a file that imports the SDK. So are
# azure < 1.0's exceptions (`WindowsAzureMissingResourceError`): its blob, table and queue services raise them
# too.
SERVICE_MANAGEMENT_ONLY = frozenset(
    {
        "list_hosted_services",
        "get_hosted_service_properties",
        "create_hosted_service",
        "update_hosted_service",
        "delete_hosted_service",
        "check_hosted_service_name_availability",
        "get_deployment_by_slot",
        "get_deployment_by_name",
        "change_deployment_configuration",
        "update_deployment_status",
        "walk_upgrade_domain",
        "rollback_update_or_upgrade",
        "reboot_role_instance",
        "reimage_role_instance",
        "rebuild_role_instance",
        "delete_role_instances",
        "list_service_certificates",
        "get_service_certificate",
        "add_service_certificate",
        "delete_service_certificate",
        "list_management_certificates",
        "get_management_certificate",
        "add_management_certificate",
        "delete_management_certificate",
        "list_affinity_groups",
        "get_affinity_group_properties",
        "create_affinity_group",
        "update_affinity_group",
        "delete_affinity_group",
        "list_operating_system_families",
        "list_subscription_operations",
        "create_reserved_ip_address",
        "delete_reserved_ip_address",
        "associate_reserved_ip_address",
        "disassociate_reserved_ip_address",
        "get_reserved_ip_address",
        "list_reserved_ip_addresses",
        "create_virtual_machine_deployment",
        "list_virtual_network_sites",
        "list_role_sizes",
    }
)


def _sniffed_names(names: frozenset[str]) -> re.Pattern[bytes]:
    """What a file that may call one of `names` holds: one of them past its first word (`_hosted_service`
    for all of `create_hosted_service`, `get_hosted_service_properties`, ...), each kept once. All start with
    "_" then one of a few letters, checked first, so that a byte search passes over the rest of a file fast."""
    words = sorted({name.partition("_")[2] for name in names})
    stems = [word for word in words if not any(word != other and word.startswith(other) for other in words)]
    starts = "".join(sorted({stem[0] for stem in stems}))
    alternatives = "|".join(re.escape(stem) for stem in stems)
    return re.compile(f"_(?=[{starts}])(?:{alternatives})".encode())


_SERVICE_MANAGEMENT_ONLY_BYTES = _sniffed_names(SERVICE_MANAGEMENT_ONLY)


def sniff(data: bytes) -> bool:
    """Whether a file met in a folder walk may use the SDK or the API at all, itself or through the
    functions of a module beside it that does, or may start a child runbook that does (the Automation
    SDK's `job.create`): most `.py` files do not."""
    return (
        uses_classic(data)
        or _may_start_a_runbook(data)
        or _imports_library_functions(data)
        or _CLOUD_SERVICES in data  # creates a cloud service of extended support: evidence of a package
    )


def _may_start_a_runbook(data: bytes) -> bool:
    """Whether a file may start a runbook through the Automation SDK (`automation_client.job.create`)."""
    return b"job.create(" in data and b"automation" in data.lower()


def uses_classic(data: bytes) -> bool:
    """Whether a file may use the SDK or the API itself."""
    text = data.decode("latin-1")  # words looked for in text, as `powershell.sniff` says why
    return (
        "servicemanagement" in text
        or "ServiceManagementService" in text
        or automation.may_name_management_host(data)
        or _SERVICE_MANAGEMENT_ONLY_BYTES.search(data) is not None
        or any(collection in text for collection in automation.REQUEST_COLLECTIONS)
        or python_cli.sniff(data)
        or python_resource_types.sniff(data)
        or _names_a_classic_id(data)
        or _may_set_defender_plan(data)
        # a classic ExpressRoute circuit moved by its service key (`_circuit_move`)
        or "express_route_circuits" in text
        or _may_request_the_api(text)
    )


def may_use_classic_inline(data: bytes) -> bool:
    """Whether Python code another file runs inline (`python3 -c "..."`) may use the SDK or the API, itself
    or through a function of a module it imports (`from lib import run`, then `run(["azure", ...])`): it
    imports and may name a classic command to give such a function (see `python_library`)."""
    return uses_classic(data) or (b"import" in data and python_cli.may_name_a_command(data))


def _may_request_the_api(text: str) -> bool:
    """Whether a file (`text`: its bytes as latin-1) may send a request to the API at a URL it does not state
    (see `_Resources._may_go_to_the_api`): it uses an HTTP library and a client certificate (`cert=`), a name
    of the API (`MGMT_URL`), or an XML file it may send."""
    if not any(library in text for library in _HTTP_LIBRARIES):
        return False
    lowered = text.lower()  # no character of latin-1 but A-Z lowers to an ASCII one
    return "cert=" in text or "mgmt" in lowered or "management" in lowered or ".xml" in lowered


# The HTTP libraries a script may send a request to the API with (see `_HTTP_CALLS`).
_HTTP_LIBRARIES = ("requests", "urllib", "http.client")


def _imports_library_functions(data: bytes) -> bool:
    """Whether a script that names nothing of the SDK or the API imports functions from a module beside it
    that uses them (see `python_library`). Only a script that imports from a module is parsed, and only
    its lines before its first top-level function or class, where a module's imports are written (the
    whole when those lines are not Python on their own): most Python files import, few such functions."""
    if b"import " not in data:
        return False
    text = data.decode("utf-8", "replace")
    tree = _parsed(_import_lines(text)) or _parsed(text)
    names_a_command = functools.partial(python_cli.may_name_a_command, data)  # imports the shell reader
    return tree is not None and imports_functions(_unindented(tree), names_a_command)


def _import_lines(text: str) -> str:
    """The text up to the first line that starts a top-level function, class or decorator."""
    end = len(text)
    for start in ("\ndef ", "\nasync def ", "\nclass ", "\n@"):
        found = text.find(start, 0, end)
        end = found + 1 if found >= 0 else end
    return text[:end]


# azure-mgmt-compute's operations on cloud services of extended support (see `_extended_support_services`).
_CLOUD_SERVICES = b"cloud_services."
# A classic network's id, which a peering azure-mgmt-network adds to it names (see `_classic_peerings`), another
# classic resource's id or a classic-only role, which a role assignment, an alert or an autoscale setting the
# management SDK creates names (see `_reaching_into_classic`).
_CLASSIC_NETWORK_ID = re.compile(
    rb"classicnetwork/virtualnetworks/|microsoft\.classic(?:compute|network|storage)/"
    rb"|classic (?:virtual machine|network|storage account) (?:contributor|key operator)",
    re.IGNORECASE,
)


def _may_set_defender_plan(data: bytes) -> bool:
    """Whether a file may set the subscription's Defender for Cloud plan with azure-mgmt-security's client
    (`client.pricings.update(...)`), whose Standard tier for VMs reaches the classic ones."""
    return b".pricings." in data and b"security" in data


def _names_a_classic_id(data: bytes) -> bool:
    """Whether a file names a classic network's or resource's id or a classic-only role (see
    `_CLASSIC_NETWORK_ID`). Each of those holds `classic`, looked for first in the bytes lowered: the
    pattern, blind to case, is tried at every byte of the file, most of them Python files that name none."""
    return b"classic" in data.lower() and _CLASSIC_NETWORK_ID.search(data) is not None


_FORMAT_FIELD = re.compile(r"%[sd]|\{[^{}]*\}")


def _request_paths(tree: ast.Module) -> list[tuple[ast.expr, str]]:
    """Each string of the module that is a request path of the Service Management API written without the
    API's host (a script whose client, in another module, holds the host), with the path. An f-string is
    one string, its fields pieces the script does not state; its constant parts are not strings of their
    own."""
    found: list[tuple[ast.expr, str]] = []
    # The constant parts of the f-strings and string concatenations met (a walk meets the whole first).
    parts: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts.update(id(value) for value in node.values)
            text = "".join(
                str(value.value) if isinstance(value, ast.Constant) else automation.HOLE
                for value in node.values
            )
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and id(node) not in parts:
            joined = _joined_string(node, parts)
            if joined is None:
                continue
            text = joined
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in parts:
            # a format's fields (`%s`, `{}`, `{name}`) are pieces the script does not state
            text = _FORMAT_FIELD.sub(automation.HOLE, node.value)
        else:
            continue
        path = automation.written_request_path(text) if "services/" in text else None
        if path is not None:
            found.append((node, path))
    return found


def _joined_string(node: ast.BinOp, parts: set[int]) -> str | None:
    """The one string a concatenation with `+` of string constants and other values makes, each value the
    script does not state a `HOLE`, when it is a URL (`"https://management.core.windows.net/" + sub +
    "/services/hostedservices/" + name`, read where it is sent) or a request path; its constants are then
    not strings of their own. None otherwise: each constant is read alone (`base + "services/networking/
    media"`, whose `base` may hold the host). Its inner concatenations are never read again."""
    pieces: list[ast.expr] = []
    stack: list[ast.expr] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.BinOp) and isinstance(current.op, ast.Add):
            parts.add(id(current))
            stack.extend((current.right, current.left))  # left first: the string's order
        else:
            pieces.append(current)
    strings: list[ast.expr] = []
    written: list[str] = []
    for piece in pieces:
        if isinstance(piece, ast.Constant) and isinstance(piece.value, str):
            strings.append(piece)
            written.append(piece.value)
        else:
            written.append(automation.HOLE)
    if not strings:
        return None
    text = "".join(written)
    if "://" not in text and automation.written_request_path(text) is None:
        return None
    parts.update(id(p) for p in strings)
    return text


def read(
    path: str, data: bytes, arguments: Sequence[str | None] | None = None, runs_in: str | None = ""
) -> Document:
    """The classic resources and calls a Python script describes; `arguments`: the words another script or a
    CI step runs it with (see `python_arguments`), None where it is read alone; `runs_in`: of code another
    file runs inline, the folder it runs in, whose modules it imports (see `python_settings.running_in`)."""
    with running_in(runs_in):
        return _read(path, data, arguments)


def _read(path: str, data: bytes, arguments: Sequence[str | None] | None) -> Document:
    if not sniff(data):  # named on the command line, since a folder walk skips it
        # A script that does not use the SDK (plain Python, or one using Resource Manager's) describes no
        # classic resource, as a PowerShell script that calls no classic cmdlet: there is nothing to report.
        return Document(path, FileKind.PYTHON, "", text=data.decode("utf-8", "replace"))
    decoded = _decode(path, data)
    if isinstance(decoded, FileProblem):
        return Document(path, FileKind.PYTHON, "", problem=decoded, text=data.decode("utf-8", "replace"))
    source = _Source(path, decoded)
    parsed = source.parse()
    if isinstance(parsed, FileProblem):
        return Document(path, FileKind.PYTHON, "", problem=parsed, text=decoded)
    parsed = _unindented(parsed)
    if arguments is not None:  # `sys.argv[1]`, `args.vnet`: the words it is run with
        parsed = with_arguments(parsed, arguments)
    elif source.writes("add_argument"):  # read alone: `args.vnet` is None unless its caller gives `--vnet`
        parsed = with_options_left_out(parsed)
    if source.writes("lambda"):
        parsed = with_lambdas_as_functions(parsed)  # `disk = lambda n: ...` read as `def disk(n): ...`
    parsed, ran = _with_libraries(parsed, source)  # the functions of a settings module beside it it calls
    if source.writes(" and ") and source.writes(" or "):
        parsed = with_and_or_as_conditionals(parsed)  # `s and [s] or []` as `[s] if s else []`
    parsed, too_long = with_settings_values(parsed)  # the values such a module states
    # `getattr(sms, "create_...")(...)` read as `sms.create_...(...)`
    by_name = with_calls_by_name(parsed) if source.writes("getattr") else CallsByName(parsed)
    parsed = by_name.tree
    try:
        torn_down: _TornDown = {}
        index = flow.build_index(_with_test_runs(parsed, torn_down), source.python2)
    except flow.TooDeep as deep:
        message = f"{deep}; migcheck does not read scripts nested this deeply"
        problem = FileProblem("syntax", message, source.mark(deep.node), _GENERATED_FIX)
        return Document(path, FileKind.PYTHON, "", problem=problem, text=decoded)
    classic = (
        index.imports.found
        or automation.mentions_management_host(decoded)
        or any(call.method in SERVICE_MANAGEMENT_ONLY for call in index.calls)
        or (b"services/" in data and bool(_request_paths(parsed)))
        or any(_moves_circuit(call) for call in index.calls)
        or any(_starts_a_runbook(call) for call in index.calls)  # a child that may be classic
        or _may_request_the_api(data.decode("latin-1"))  # at a URL it does not state
    )
    reader = _Resources(source, index, parsed, torn_down, by_name.unread) if classic else None
    cli_steps = False  # whether the classic CLI commands the script runs hold migration steps
    resources = reader.build() if reader is not None else ()
    # `azure ...` it runs, itself or through what it takes of a module beside it
    if python_cli.sniff(data) or (
        source.attached and python_cli.sniff(source.text.encode("utf-8", "replace"))
    ):
        commands, files_run = python_cli.read(path, parsed, source.mark, automation.names_the_api(data))
        resources, ran = (*resources, *commands), tuple(sorted({*ran, *files_run}))
        cli_steps = any(isinstance(command, Script) and command.migration for command in commands)
    if python_resource_types.sniff(data):
        resources = (*resources, *python_resource_types.read(path, parsed, source.call_mark))
    reaching = _names_a_classic_id(data) or _may_set_defender_plan(data)
    deploying = _CLOUD_SERVICES in data
    values = _ManagementValues(source, parsed, index) if reaching or deploying else None
    if reaching and values is not None:
        # Counted among the reader's own steps alone: beside the classic CLI's steps the script runs too, a
        # plan is judged by its place in the file, as theirs are.
        steps_before = reader.steps_before if reader is not None and not cli_steps else None
        reaching_in = _reaching_into_classic(parsed, values, steps_before)
        resources = (*resources, *_classic_peerings(parsed, values), *reaching_in)
    if deploying and values is not None:
        resources = (*resources, *_extended_support_services(source, parsed, values))
    flows = [*(reader.flows() if reader is not None else ()), *((values.flow,) if values is not None else ())]
    resources = _with_values_not_followed(_one_script(resources), flows, source)
    resources = _with_values_too_long(resources, [*too_long, *(read.first_long for read in flows)], source)
    resources = _with_loops_cut(resources, index.loops_cut, source)
    comments = source.directive_comments() if "migcheck" in decoded.lower() else ()
    suppressions = tuple(source.suppressions(index, comments, parsed))
    return Document(
        path, FileKind.PYTHON, "", resources, suppressions, comments, text=decoded, functions_run=ran
    )


def _unindented(tree: ast.Module) -> ast.Module:
    """`tree` as the statements of the `if 1:` that is all it holds: code another file runs inline (`python3
    -c "..."`, a here-document, a CI step's `shell: python`) is read as a block indented where that file
    writes it, and its imports are the code's top-level ones, which bring in what a module beside it
    defines (`python_library`), as Python runs them."""
    only = tree.body[0] if len(tree.body) == 1 else None
    if (
        isinstance(only, ast.If)
        and not only.orelse
        and isinstance(only.test, ast.Constant)
        and type(only.test.value) is int
        and only.test.value == 1
    ):
        return ast.Module(body=only.body, type_ignores=tree.type_ignores)
    return tree


def _with_values_not_followed(
    resources: tuple[object, ...], flows: Sequence[flow.Flow], source: _Source
) -> tuple[object, ...]:
    """The resources, the script's holding as a part not read the first value its reader left unread when
    the work spent following values ran out (`VALUES_NOT_FOLLOWED`), said once for the file."""
    cuts = [read.first_cut for read in flows if read.first_cut is not None]
    if not cuts:
        return resources
    first = min(cuts, key=lambda node: (getattr(node, "lineno", 0), getattr(node, "col_offset", 0)))
    mark = replace(source.mark(first), tag=VALUES_NOT_FOLLOWED)
    return tuple(
        replace(r, unread=tuple(sorted((*r.unread, mark), key=_written_at))) if isinstance(r, Script) else r
        for r in resources
    )


def _with_values_too_long(
    resources: tuple[object, ...], nodes: Sequence[ast.AST | None], source: _Source
) -> tuple[object, ...]:
    """The resources, the script holding as a part not read the first value too long for its reader to keep
    (`VALUE_TOO_LONG`): a body built past `flow.MAX_BODY`, a settings module's value past what
    `python_settings` takes."""
    cuts = [node for node in nodes if node is not None]
    if not cuts:
        return resources
    first = min(cuts, key=lambda node: (getattr(node, "lineno", 0), getattr(node, "col_offset", 0)))
    mark = replace(source.mark(first), tag=VALUE_TOO_LONG)
    return tuple(
        replace(r, unread=tuple(sorted((*r.unread, mark), key=_written_at))) if isinstance(r, Script) else r
        for r in resources
    )


def _with_loops_cut(
    resources: tuple[object, ...], loops: Sequence[ast.For], source: _Source
) -> tuple[object, ...]:
    """The resources, the script holding as a part not read the first loop over `range()` past the turns
    taken one by one (`flow.MAX_TURNS`) that holds one of its classic calls (`LOOP_TURNS_CUT`): it surely
    runs, its turns read as one. Not where the classic CLI's reading says so already of the same loop
    (`PYTHON_COMMANDS_CUT`, at the same line)."""
    scripts = [r for r in resources if isinstance(r, Script)]
    lines = sorted({call.mark.line for script in scripts for call in script.calls})
    said = {mark.line for script in scripts for mark in script.unread}
    for loop in loops:
        at = bisect.bisect_left(lines, loop.lineno)
        if at < len(lines) and lines[at] <= (loop.end_lineno or loop.lineno) and loop.iter.lineno not in said:
            mark = replace(source.mark(loop.iter), tag=LOOP_TURNS_CUT)
            return tuple(
                replace(r, unread=tuple(sorted((*r.unread, mark), key=_written_at)))
                if isinstance(r, Script)
                else r
                for r in resources
            )
    return resources


def _one_script(resources: tuple[object, ...]) -> tuple[object, ...]:
    """The resources with one Script for the file: a script that uses the SDK and runs the classic CLI
    (or creates classic types through Resource Manager) is one script of both APIs' calls, in the order
    written, and of both readers' migration steps and changes in the order they run (see `_in_run_order`),
    as a PowerShell script that runs `azure` is, not a script for each."""
    scripts = [resource for resource in resources if isinstance(resource, Script)]
    if len(scripts) < 2:
        return resources
    merged = _merged(scripts)
    kept = [resource for resource in resources if not isinstance(resource, Script)]
    return (merged, *kept)


def _merged(scripts: list[Script]) -> Script:
    def ordered(marks: Iterable[Mark]) -> tuple[Mark, ...]:
        return tuple(sorted(marks, key=_written_at))

    calls = tuple(
        sorted((call for script in scripts for call in script.calls), key=lambda c: _written_at(c.mark))
    )
    calling = [script for script in scripts if script.calls] or scripts  # its mark: its first classic call
    first = min(calling, key=lambda script: _written_at(script.mark))
    migration, changes, circuit_moves = _in_run_order(scripts)
    return replace(
        first,
        language="Python",
        written_in="",
        calls=calls,
        migration=migration,
        mark=first.mark,
        changes=changes,
        unread=ordered(mark for script in scripts for mark in script.unread),
        uploaded_files=tuple(dict.fromkeys(name for script in scripts for name in script.uploaded_files)),
        circuit_moves=circuit_moves,
        posted_bodies=tuple(dict.fromkeys(posted for script in scripts for posted in script.posted_bodies)),
    )


# What runs in a script, in the order one reader found: a migration step, or a change or circuit move (kind
# "changes", "circuit_moves") with how many of that reader's steps run before it.
_Event = tuple[tuple[int, int], str, MigrationStep | ClassicCall]


def _in_run_order(
    scripts: list[Script],
) -> tuple[tuple[MigrationStep, ...], tuple[ClassicCall, ...], tuple[ClassicCall, ...]]:
    """The migration steps, changes and circuit moves of the scripts one file's readers made (the SDK's
    calls and requests, the classic CLI's commands), in the order they run. Each reader gives its own in
    run order (a step of a function at the call that runs it, `prepare()` then `commit()`, wherever the
    functions are written); the two are merged, each kept in its order, by where the script's own code runs
    each (`MigrationStep.called_at`, else where it is written), so that a CLI Prepare the script runs
    before its SDK Commit comes first. A change's `after` then counts the steps of both before it."""
    merged = heapq.merge(*(_events(script) for script in scripts), key=lambda event: event[0])
    migration: list[MigrationStep] = []
    found: dict[str, list[ClassicCall]] = {"changes": [], "circuit_moves": []}
    for _, kind, item in merged:
        if isinstance(item, MigrationStep):
            migration.append(item)
        else:
            found[kind].append(replace(item, after=len(migration)))
    return tuple(migration), tuple(found["changes"]), tuple(found["circuit_moves"])


def _events(script: Script) -> list[_Event]:
    """The steps, changes and circuit moves of one reader's script, in the order they run: each change after
    the number of steps its `after` says (before the next step), in the order of its kind."""
    placed: list[tuple[int, int, int, _Event]] = []
    for nth, step in enumerate(script.migration):
        placed.append((nth, 2, nth, (_written_at(step.called_at or step.mark), "migration", step)))
    for rank, kind in enumerate(("changes", "circuit_moves")):
        for nth, call in enumerate(getattr(script, kind)):
            placed.append((call.after, rank, nth, (_written_at(call.mark), kind, call)))
    return [event for *_, event in sorted(placed, key=lambda found: found[:3])]


def _written_at(mark: Mark) -> tuple[int, int]:
    return mark.line, mark.column


def _with_libraries(tree: ast.Module, source: _Source) -> tuple[ast.Module, tuple[tuple[str, str], ...]]:
    """The script with what it takes of each module beside it whose functions it calls (see
    `python_library`), that module's text read after its own; and those functions, by (module, name), so
    that the module's own read of each once is left out (`Document.functions_run`)."""
    tree = with_module_calls_by_name(tree)  # `clitools.create_vm(...)` read as `create_vm(...)`
    taken: dict[str, None] = {source.path: None}  # the modules taken, in order: each once
    ran: list[tuple[str, str]] = []
    # the script's imports, then those of what it took, one module deeper each turn (see `MODULE_DEPTH`)
    for depth in range(MODULE_DEPTH):
        imported = [
            each for each in imported_functions(tree, chained=depth > 0) if each.library.path not in taken
        ]
        if not imported:
            break
        taken.update(dict.fromkeys(each.library.path for each in imported))
        placed = [(each, source.attach(each.library.path, each.library.text)) for each in imported]
        ran += [(each.library.path, name) for each in imported for name in (*each.called, *each.methods)]
        tree = with_libraries(tree, placed)
    return tree, tuple(sorted(ran))


# --- cloud services of extended support that azure-mgmt-compute creates -----------------------------------

# The methods of azure-mgmt-compute's `cloud_services` that create a cloud service of extended support, and
# the names of their arguments in order: the resource group, the service's name, its parameters.
_CLOUD_SERVICE_METHODS = frozenset({"create_or_update", "begin_create_or_update"})
_CLOUD_SERVICE_ARGUMENTS = ("resource_group_name", "cloud_service_name", "parameters")
_CLOUD_SERVICE_VIA = "creates it with azure-mgmt-compute's cloud_services.{method}"


def _extended_support_services(source: _Source, tree: ast.Module, values: _ManagementValues) -> list[object]:
    """The cloud services of extended support a script creates with azure-mgmt-compute (`client.
    cloud_services.begin_create_or_update(group, "shop", parameters)`), as an Az PowerShell script's
    `New-AzCloudService` is read: evidence that the package it deploys is not classic, named by the name the
    script states (see `_ManagementValues`), marked at the call. The client manages Resource Manager
    resources only: no classic call."""
    found: list[object] = []
    for node, _, method in _operation_calls(tree, ("cloud_services",), _CLOUD_SERVICE_METHODS):
        given = _given_arguments(node, _CLOUD_SERVICE_ARGUMENTS).get("cloud_service_name")
        via = _CLOUD_SERVICE_VIA.format(method=method)
        sites: list[flow.Site | None] = [*values.sites(node)] or [None]  # unread where it never runs
        for site in sites:
            name = values.text(site, {}, given) if site is not None else None
            service = ExtendedSupportService(name or "", source.call_mark(node), via)
            if service not in found:
                found.append(service)
    return found


# --- peerings of classic networks that azure-mgmt-network adds ---------------------------------------------

# The methods of azure-mgmt-network's `virtual_network_peerings` that add a peering, and the names of their
# arguments in order: the Resource Manager network's group and name, the peering's name, its parameters.
_PEERING_METHODS = frozenset({"create_or_update", "begin_create_or_update"})
_PEERING_ARGUMENTS = (
    "resource_group_name",
    "virtual_network_name",
    "virtual_network_peering_name",
    "virtual_network_peering_parameters",
)


def _classic_peerings(tree: ast.Module, values: _ManagementValues) -> list[object]:
    """The peerings a script adds with azure-mgmt-network (`client.virtual_network_peerings.
    begin_create_or_update(group, vnet, name, {"remote_virtual_network": {"id": <id>}})`, or the
    parameters as `VirtualNetworkPeering(remote_virtual_network=SubResource(id=<id>))`) from a Resource
    Manager network to a classic one, whose id the script states (see `_ManagementValues`): each a peering
    of that network, marked at the id, as an export shows it. The client manages Resource Manager resources
    only: no classic call."""
    from migcheck.readers.inventory_shapes import classic_peering  # the export reader's

    found: list[object] = []
    for node, _, _ in _operation_calls(tree, ("virtual_network_peerings",), _PEERING_METHODS):
        given = _given_arguments(node, _PEERING_ARGUMENTS)
        for site in values.sites(node):
            by_value: dict[str, Mark] = {}
            parameters = _row_properties(
                given.get("virtual_network_peering_parameters"), values.row_reader(site, by_value)
            )
            remote = parameters.get("remoteVirtualNetwork")
            remote_id = remote.get("id") if isinstance(remote, dict) else None
            if not isinstance(remote_id, str) or remote_id not in by_value:
                continue
            named, peered, group = (
                values.text(site, {}, given.get(argument)) or ""
                for argument in (
                    "virtual_network_peering_name",
                    "virtual_network_name",
                    "resource_group_name",
                )
            )
            peering = classic_peering(remote_id, named, peered, by_value[remote_id], group)
            if peering is not None and peering not in found:
                found.append(peering)
    return found


# The management SDK's operations that create a Resource Manager resource that may be put on a classic one, by
# their operation group: the type of the resource's export row and the parameters of `create` (or
# `create_or_update`, `begin_create`, `begin_create_or_update`) in order, the resource's model last
# (azure-mgmt-authorization's `RoleAssignmentCreateParameters`, azure-mgmt-monitor's `MetricAlertResource`,
# `ActivityLogAlertResource`, `AlertRuleResource` and `AutoscaleSettingResource`, azure-mgmt-network's
# `VirtualNetwork` with its `virtual_network_peerings`, azure-mgmt-web's `AppServiceEnvironmentResource`, azure-mgmt-hdinsight's
# `ClusterCreateParametersExtended`, azure-mgmt-domainservices' `DomainService`, azure-mgmt-apimanagement's
# `ApiManagementServiceResource`, azure-mgmt-security's `Pricing`, or the same as a dict).
_REACHING_OPERATIONS = {
    "role_assignments": (
        "microsoft.authorization/roleassignments",
        ("scope", "role_assignment_name", "parameters"),
    ),
    "metric_alerts": ("microsoft.insights/metricalerts", ("resource_group_name", "rule_name", "parameters")),
    "autoscale_settings": (
        "microsoft.insights/autoscalesettings",
        ("resource_group_name", "autoscale_setting_name", "parameters"),
    ),
    "activity_log_alerts": (
        "microsoft.insights/activitylogalerts",
        ("resource_group_name", "activity_log_alert_name", "activity_log_alert"),
    ),
    "alert_rules": ("microsoft.insights/alertrules", ("resource_group_name", "rule_name", "parameters")),
    "virtual_networks": (
        "microsoft.network/virtualnetworks",
        ("resource_group_name", "virtual_network_name", "parameters"),
    ),
    "app_service_environments": (
        "microsoft.web/hostingenvironments",
        ("resource_group_name", "name", "hosting_environment_envelope"),
    ),
    "clusters": ("microsoft.hdinsight/clusters", ("resource_group_name", "cluster_name", "parameters")),
    "domain_services": (
        "microsoft.aad/domainservices",
        ("resource_group_name", "domain_service_name", "domain_service"),
    ),
    "api_management_service": (
        "microsoft.apimanagement/service",
        ("resource_group_name", "service_name", "parameters"),
    ),
    # The subscription's Defender for Cloud plan: `pricings.update(scope_id, pricing_name, pricing)` from
    # azure-mgmt-security 7.0.0, `update(pricing_name, pricing)` before (see `_PARAMETER_ADDED_FIRST`).
    "pricings": (DEFENDER_PRICINGS, ("scope_id", "pricing_name", "pricing")),
}
_CREATES = frozenset({"create", "create_or_update", "begin_create", "begin_create_or_update"})
# The operations of those groups that put the whole resource (a PUT), creating it as much as changing it, by
# their group: azure-mgmt-security's `pricings.update`, and `update_subscription_pricing` before 0.2.0.
_PUTS = {"pricings": frozenset({"update", "update_subscription_pricing"})}
# The groups whose operations a later version of their SDK gave a first parameter (azure-mgmt-security 7.0.0's
# `scope_id`): a call that gives it neither by its name nor by a place of its own is of the earlier versions.
_PARAMETER_ADDED_FIRST = frozenset({"pricings"})
# The operations of those groups that change a resource in place (a PATCH), which may put it on a classic
# resource as a creation does (`api_management_service.begin_update(group, name, ApiManagementService
# UpdateParameters(virtual_network_configuration=...))` moves the service into a subnet), by their group:
# their methods, and the name of their model's parameter, given in the same place as the creation's.
_REACHING_UPDATES = {
    "api_management_service": (frozenset({"update", "begin_update"}), "parameters"),
    "app_service_environments": (frozenset({"update"}), "hosting_environment_envelope"),
    "domain_services": (frozenset({"update", "begin_update"}), "domain_service"),
    "metric_alerts": (frozenset({"update"}), "parameters"),
    "autoscale_settings": (frozenset({"update"}), "autoscale_setting_resource"),
    "alert_rules": (frozenset({"update"}), "alert_rules_resource"),
}
_UPDATES = frozenset(
    {method for methods, _ in _REACHING_UPDATES.values() for method in methods}
    | {method for methods in _PUTS.values() for method in methods}
)


def _reaching_into_classic(
    tree: ast.Module,
    values: _ManagementValues,
    steps_before: Callable[[CallSite, flow.Site], int] | None = None,
) -> list[object]:
    """The role assignments, alerts, autoscale settings, networks with peerings and services in a virtual
    network (an App Service Environment, an HDInsight cluster, Domain Services, API Management) a script
    creates with the management SDK, or changes in place (see `_REACHING_UPDATES`: told as updates)
    (`client.role_assignments.create(scope, name, {"role_definition_id": ..., ...})`,
    `client.api_management_service.begin_create_or_update(group, name, ApiManagementServiceResource(
    virtual_network_configuration=VirtualNetworkConfiguration(subnet_resource_id=<id>)))`) on a classic
    resource whose id the script states (see `_ManagementValues`): what the export row of the resource
    gives, each value marked where it is written, once for each call of the function the call is in that
    passes other values. The clients manage Resource Manager resources only: no classic call. A Defender
    plan is given how many of the script's migration steps run before it (`steps_before`, where the script
    runs any), which MIG207 judges it by."""
    from migcheck.readers.inventory_shapes import resource_records  # the export reader's

    found: list[object] = []
    seen: set[str] = set()
    for node, group, method in _operation_calls(tree, _REACHING_OPERATIONS, _CREATES | _UPDATES):
        rtype, arguments = _REACHING_OPERATIONS[group]
        creates = method in _CREATES or method in _PUTS.get(group, ())
        if not creates:
            methods, model = _REACHING_UPDATES.get(group, (frozenset(), ""))
            if method not in methods:
                continue
            arguments = (*arguments[:-1], model)
        placed: tuple[str, ...] = arguments  # the parameters in the places the call gives its arguments in
        if group in _PARAMETER_ADDED_FIRST and not _gives_every_parameter(node, arguments):
            placed = arguments[1:]
        given = _given_arguments(node, placed)
        for site in values.sites(node):
            by_value: dict[str, Mark] = {}
            written = functools.partial(values.text, site, by_value)
            properties = _row_properties(given.get(arguments[-1]), values.row_reader(site, by_value))
            scope = written(given.get("scope"))  # a role assignment's, given beside its model
            properties.update({"scope": scope} if scope else {})
            name = written(given.get(arguments[1])) or ""
            by_key = {k: by_value[v] for k, v in properties.items() if isinstance(v, str) and v in by_value}
            stated = {k: v for k, v in properties.items() if v is not None}
            resource_group = written(given.get("resource_group_name"))
            told = repr((id(node), name, resource_group, sorted(stated.items(), key=repr), sorted(by_value)))
            if told not in seen:  # two calls of the function that pass the same values: one resource
                seen.add(told)
                records = resource_records(
                    rtype, name, stated, values.source.mark(node), by_value, by_key, resource_group
                )
                call = values.call_site(node)
                if steps_before is not None and call is not None:
                    after = steps_before(call, site)
                    records = tuple(
                        replace(r, after=after) if isinstance(r, DefenderPlan) else r for r in records
                    )
                found += records if creates else as_updates(records)
    return found


def _gives_every_parameter(call: ast.Call, names: tuple[str, ...]) -> bool:
    """Whether a call gives as many arguments as `names`, by place or by those names."""
    named = sum(1 for keyword in call.keywords if keyword.arg in names)
    return len(call.args) + named >= len(names)


class _ModelFlow(flow.Flow):
    """The flow reader, with a call of a class a management SDK's package gives (`VirtualNetworkConfiguration(
    subnet_resource_id=...)`, imported from `azure.mgmt.apimanagement.models`) read as an object of the
    keywords it is given, as a classic SDK's model is: what the script gives such a model, through names and
    the changes it makes to them, is read where it is written. Values it does not state are `HOLE`s in the
    text built around them."""

    def __init__(self, index: Index, budget: int, classes: frozenset[str]) -> None:
        super().__init__(index, budget, holes=True)
        self.classes = classes

    def _call(self, node: ast.Call, site: flow.Site) -> Value:
        if self._is_model(node.func):
            attrs = {k.arg: self.value(k.value, site) for k in node.keywords if k.arg is not None}
            return Obj(dotted(node.func) or "", attrs, node)
        return super()._call(node, site)

    def _is_model(self, func: ast.expr) -> bool:
        """Whether a callee is a class imported from a management SDK's package (or a module's of one)."""
        written = dotted(func) or ""
        return written.partition(".")[0] in self.classes or written.startswith("azure.mgmt.")


def _management_imports(tree: ast.Module) -> frozenset[str]:
    """The names the script imports from a management SDK's package (`from azure.mgmt.web.models import
    VirtualNetworkProfile`, `from azure.mgmt.web import models`)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("azure.mgmt"):
            names.update(alias.asname or alias.name for alias in node.names)
    return frozenset(names)


class _ManagementValues:
    """What a script passes to a management SDK's operation, read by the flow reader (`_ModelFlow`): a value
    written in the call, or held in a name (a function's local, a module's setting, a parameter a call of
    the function passes or leaves to its default), a dict built key by key, a model built of other names; a
    string built with an f-string or `+`. A string is noted where it is written (a piece of one built, at
    the expression that builds it); one built in part of values the script does not state is read only
    as a classic resource's id stated up to its type (`.../providers/Microsoft.ClassicNetwork/
    virtualNetworks/{vnet}`), each such value a stand-in (`<value not stated, deploy.py:12>`)."""

    def __init__(self, source: _Source, tree: ast.Module, index: Index) -> None:
        self.source, self.index = source, index
        budget = BUDGET_FLOOR + int(BUDGET_PER_BYTE * len(source.text))
        self.flow = _ModelFlow(index, budget, _management_imports(tree))
        self._sites = {id(site.node): site for site in index.calls}

    def sites(self, node: ast.Call) -> list[flow.Site]:
        """Where a call is read: once for each call of the function it is in (its parameters bound to what
        that call passes), or as written; none where it surely never runs."""
        call = self._sites.get(id(node))
        if call is None:
            return []
        return self.flow.callers(call) if call.scope is not self.index.module else [flow.site_of(call)]

    def call_site(self, node: ast.Call) -> CallSite | None:
        """The call the index knows `node` by, with where it is written."""
        return self._sites.get(id(node))

    def row_reader(self, site: flow.Site, by_value: dict[str, Mark]) -> _RowValues:
        return _RowValues(self, site, by_value)

    def text(self, site: flow.Site, by_value: dict[str, Mark], node: ast.expr | None) -> str | None:
        """The string a value passed at `site` is (see the class), noted in `by_value` where it is written;
        None for another value, or one not stated."""
        return None if node is None else self.stated(self.flow.value(node, site), by_value)

    def stated(self, value: Value, by_value: dict[str, Mark]) -> str | None:
        """The string a value is (see the class), noted in `by_value` where it is written; None for another."""
        if not isinstance(value, Lit) or (isinstance(value.node, ast.Constant) and not _is_text(value.node)):
            return None
        text = value.text
        if HOLE in text:
            at = self.source.mark(value.node)
            before = text.partition(HOLE)[0]
            if not _classic_up_to(before[: before.rfind("/") + 1]):
                return None
            # a segment built in part of such a value (`net-{env}`) is none the script names: all of it
            stand_in = f"<value not stated, {posixpath.basename(at.path)}:{at.line}>"
            text = "/".join(stand_in if HOLE in part else part for part in text.split("/"))
        if value.node is not None:
            by_value.setdefault(text, self.source.mark(value.node))
        return text


def _is_text(node: ast.Constant) -> bool:
    return isinstance(node.value, str)


def _classic_up_to(stated: str) -> bool:
    """Whether the stated start of an id ends at a classic type's name, or a child type's of one (`.../
    providers/Microsoft.ClassicCompute/domainNames/shop/slots/`), so that what follows is a name; as the
    Terraform reader reads an id built of values its configuration does not state."""
    from migcheck.readers.template_values import classic_type

    _, found, after = stated.casefold().rpartition("/providers/")
    if not found or not after.endswith("/"):
        return False
    kinds = stated[len(stated) - len(after) : -1].split("/")  # namespace, type, name, type, ...
    return len(kinds) >= 2 and not len(kinds) % 2 and bool(classic_type("/".join([kinds[0], *kinds[1::2]])))


class _RowValues:
    """What turns the SDK's model of a resource, as a script passes it at `site`, into its export row's JSON:
    the values the flow reader gives (`_ManagementValues`), each string noted where it is written, and how
    many more values may be looked at (a value may be held many times over, and each read again)."""

    __slots__ = ("budget", "by_value", "site", "values")

    def __init__(self, values: _ManagementValues, site: flow.Site, by_value: dict[str, Mark]) -> None:
        self.values, self.site, self.by_value, self.budget = values, site, by_value, 10_000


def _row_properties(parameters: ast.expr | None, values: _RowValues) -> dict[str, object]:
    """The `properties` of the export row of the resource a model (or dict) gives: the SDK flattens them
    into the model's own fields; a dict written as the REST body (or `ClusterCreateParametersExtended`) puts
    them under `properties`."""
    if parameters is None:
        return {}
    model = _row_value(values.values.flow.value(parameters, values.site), values, 0)
    if not isinstance(model, dict):
        return {}
    inner = model.pop("properties", None)
    return {**model, **inner} if isinstance(inner, dict) else model


def _row_value(value: Value, values: _RowValues, depth: int) -> object:
    """A value of the model as the export row's JSON writes it: a dict's keys and a model class's keywords
    in camelCase (`subnet_resource_id` is `subnetResourceId`), strings noted where written; None for what
    the script does not state, and `depth` past `_DEEPEST_ROW_VALUE` values inside each other."""
    values.budget -= 1
    if values.budget < 0 or depth > _DEEPEST_ROW_VALUE:
        return None
    if isinstance(value, Lit):
        node = value.node
        if isinstance(node, ast.Constant) and not _is_text(node):
            return node.value  # `enabled=True`, a count
        return values.values.stated(value, values.by_value)
    if isinstance(value, ListV):
        items = (_row_value(item, values, depth + 1) for item in value.items)
        return [item for item in items if item is not None]
    fields = value.items if isinstance(value, DictV) else value.attrs if isinstance(value, Obj) else None
    if fields is None:
        return None
    return {_camel_case(key): _row_value(item, values, depth + 1) for key, item in fields.items()}


# How deep the values of a model are read, inside each other and through the names they are assigned to: far
# deeper than any resource's parameters go, and far from Python's limit on calls inside calls.
_DEEPEST_ROW_VALUE = 64


def _camel_case(name: str) -> str:
    """A model's field as its REST body (and an export's row) names it: `virtual_network_profile` is
    `virtualNetworkProfile`; a name written so already stays."""
    first, *rest = name.split("_")
    return first + "".join(part[:1].upper() + part[1:] for part in rest)


def _operation_calls(
    tree: ast.Module, groups: Collection[str], methods: Collection[str]
) -> Iterator[tuple[ast.Call, str, str]]:
    """The calls of a management SDK client's operations (`client.<group>.<method>(...)`) of `groups` and
    `methods`, each with its group and method, in the module's order."""
    for node in ast.walk(tree):
        func = node.func if isinstance(node, ast.Call) else None
        if not isinstance(func, ast.Attribute) or func.attr not in methods:
            continue
        if isinstance(func.value, ast.Attribute) and func.value.attr in groups:
            assert isinstance(node, ast.Call)
            yield node, func.value.attr, func.attr


def _given_arguments(call: ast.Call, names: tuple[str, ...]) -> dict[str, ast.expr]:
    """A call's arguments by the names of the parameters they are given to, positional ones by their place."""
    given = {
        name: arg for name, arg in zip(names, call.args, strict=False) if not isinstance(arg, ast.Starred)
    }
    given.update((k.arg, k.value) for k in call.keywords if k.arg is not None)
    return given


# --- unittest's and pytest's test classes --------------------------------------------------------------

# unittest runs each test method of a TestCase class (a method whose name starts with "test", in the order of
# their names) on an instance of its own: setUp first, then the test, then tearDown, then the cleanups that
# these added (`addCleanup`), the last added first; setUpClass before the first test of the
# class and tearDownClass after the last. pytest runs a class named Test... (with no __init__) alike, by its
# xunit names: setup_method, teardown_method, setup_class, teardown_class, its tests in the order written.
# The reader reads such a class as that contract runs it: the class is read as one of the script's own (its
# TestCase base, whose methods do nothing to the resources, aside), the methods it takes from a test class of
# the module's own as its own, its setUp as what makes each instance (as `__init__`, so the attributes it
# sets are the test's), the test runs as calls written after the module's last statement, and the cleanups
# setUp, the test or tearDown adds as calls after tearDown (added in a nested block or by a class method: at
# the end of it).
#
# A TestCase is known by its base: unittest's TestCase, a test class of the module, or a class imported from
# another module whose name ends in "TestCase" (`from tests.base import LegacyMgmtTestCase`): discovery runs
# any subclass of unittest.TestCase, and a base named so is one (Django's, testtools', a project's own).


@dataclass(frozen=True)
class _Contract:
    """The names a kind of test class runs by."""

    set_up: str
    tear_down: str
    set_up_class: str
    tear_down_class: str
    sorted_tests: bool  # unittest runs the tests in the order of their names, pytest as written


_UNITTEST = _Contract("setUp", "tearDown", "setUpClass", "tearDownClass", sorted_tests=True)
_PYTEST = _Contract("setup_method", "teardown_method", "setup_class", "teardown_class", sorted_tests=False)
_CLEANUPS = ("addCleanup", "addClassCleanup")


@dataclass
class _TestClass:
    node: ast.ClassDef
    contract: _Contract
    chain: list[ast.ClassDef]  # the class, then the test classes of the module it derives from, nearest first
    maker: ast.FunctionDef | None = None  # its setUp, when read as its `__init__`

    def methods(self) -> dict[str, ast.FunctionDef]:
        """Its methods by name, each the one its nearest class in `chain` defines."""
        found: dict[str, ast.FunctionDef] = {}
        for each in self.chain:
            for method in each.body:
                if isinstance(method, ast.FunctionDef):
                    found.setdefault(method.name, method)
        return found


# What tears down after each setUp and test method the runs call: by the method, the tearDown every class
# that runs it runs after it, or None when one runs none or they differ (see `_Resources._torn_down_after`).
_TornDown = dict[int, ast.FunctionDef | None]


def _with_test_runs(tree: ast.Module, torn_down: _TornDown | None = None) -> ast.Module:
    """`tree` with the runs of its test classes written out (see above); the tree is the reader's own,
    changed in place. `torn_down` gets the tearDown run after each setUp and test (see `_TornDown`)."""
    cases = _test_cases(tree)
    if not cases or not tree.body:
        return tree
    _set_ups_as_makers(cases, tree)
    if torn_down is not None:
        _note_tear_downs(cases, torn_down)
    spot = _After(tree.body[-1])
    deferred: dict[int, str] = {}
    for case in cases:
        tree.body.extend(_runs_of(case, spot, deferred))
    return tree


def _note_tear_downs(cases: list[_TestClass], torn_down: _TornDown) -> None:
    """For each setUp and test method the runs call, the tearDown run after it (see `_TornDown`)."""
    for case in cases:
        methods = case.methods()
        tear_down = methods.get(case.contract.tear_down)
        runs = [case.maker or methods.get(case.contract.set_up)]
        runs += [method for name, method in methods.items() if name.startswith("test")]
        for method in runs:
            if method is not None and torn_down.setdefault(id(method), tear_down) is not tear_down:
                torn_down[id(method)] = None


def _test_cases(tree: ast.Module) -> list[_TestClass]:
    """The module's test classes: those unittest or pytest runs (see above), each with its TestCase base set
    aside."""
    foreign = _ImportedTestCases(tree)
    cases: dict[str, _TestClass] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef) or node.decorator_list:  # a decorator may skip it
            continue
        own = [cases[b.id] for b in node.bases if isinstance(b, ast.Name) and b.id in cases]
        if own or any(foreign.is_test_case(b) for b in node.bases):
            node.bases = [b for b in node.bases if not foreign.is_test_case(b)]
            chain = [node] + [c for base in own for c in base.chain]
            inherited = {m.name for c in chain[1:] for m in c.body if isinstance(m, ast.FunctionDef)}
            _BaseCallsAside(inherited).visit(node)
            cases[node.name] = _TestClass(node, own[0].contract if own else _UNITTEST, _unique(chain))
        elif _pytest_class(node):
            cases[node.name] = _TestClass(node, _PYTEST, [node])
    return list(cases.values())


def _unique(chain: list[ast.ClassDef]) -> list[ast.ClassDef]:
    return list({id(c): c for c in chain}.values())


def _pytest_class(node: ast.ClassDef) -> bool:
    """Whether pytest collects the class as one of tests: named Test..., of no base but object, no __init__."""
    plain = all(isinstance(b, ast.Name) and b.id == "object" for b in node.bases) and not node.keywords
    made = any(isinstance(m, ast.FunctionDef) and m.name == "__init__" for m in node.body)
    return node.name.startswith("Test") and plain and not made


class _ImportedTestCases:
    """The names the module imports that stand for a TestCase class of another module (see above)."""

    def __init__(self, tree: ast.Module) -> None:
        self.modules: set[str] = set()  # names bound to modules (`import unittest`, `import x.y as z`)
        self.classes: set[str] = set()  # names bound to a `...TestCase` of another module
        for statement in _module_level(tree.body):
            if isinstance(statement, ast.Import):
                self.modules.update((a.asname or a.name).split(".")[0] for a in statement.names)
            elif isinstance(statement, ast.ImportFrom):
                named = (a for a in statement.names if a.name.endswith("TestCase"))
                self.classes.update(a.asname or a.name for a in named)

    def is_test_case(self, base: ast.expr) -> bool:
        if isinstance(base, ast.Name):
            return base.id in self.classes
        root = base
        while isinstance(root, ast.Attribute):
            root = root.value
        named = isinstance(base, ast.Attribute) and base.attr.endswith("TestCase")
        return named and isinstance(root, ast.Name) and root.id in self.modules


def _module_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements the module runs itself, those in its `if`, `try` and `with` blocks included."""
    for statement in body:
        yield statement
        if isinstance(statement, (ast.If, ast.Try, ast.With)):
            blocks = [statement.body, getattr(statement, "orelse", []), getattr(statement, "finalbody", [])]
            blocks += [h.body for h in getattr(statement, "handlers", [])]
            for block in blocks:
                yield from _module_level(block)


def _set_ups_as_makers(cases: list[_TestClass], tree: ast.Module) -> None:
    """Each setUp the tests run first renamed `__init__` (see above), unless a class that runs it has an
    `__init__`, or the module calls a setUp by name (`super().setUp()` of a test class of its own)."""
    names = {case.contract.set_up for case in cases}
    if any(_calls_set_up(tree, name) for name in names):
        return
    kept = {id(c.methods().get(c.contract.set_up)) for c in cases if "__init__" in c.methods()}
    for case in cases:
        set_up = case.methods().get(case.contract.set_up)
        if set_up is not None and id(set_up) not in kept:
            case.maker = set_up
    for case in cases:
        if case.maker is not None:
            case.maker.name = "__init__"


def _calls_set_up(tree: ast.Module, name: str) -> bool:
    """Whether the module names the method `name` other than where it defines it."""
    return any(
        (isinstance(n, ast.Attribute) and n.attr == name) or (isinstance(n, ast.Name) and n.id == name)
        for n in ast.walk(tree)
    )


class _BaseCallsAside(ast.NodeTransformer):
    """A test class's calls of its TestCase base's methods (`super().setUp()`, `return super(Case,
    self).tearDown()`), which do nothing to the resources, read as None: the base is set aside (see
    `_test_cases`), and a call by the method's own name would read as the method calling itself."""

    def __init__(self, own: set[str]) -> None:
        self.own = own  # the methods the test classes of the module it derives from define

    def visit_Call(self, node: ast.Call) -> ast.expr:
        self.generic_visit(node)
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr not in self.own and _is_super(func.value):
            return ast.copy_location(ast.Constant(None), node)
        return node


def _is_super(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"


class _After:
    """Places past the end of the module's last statement, on its last line, one after the other: where the
    test runs are written, after everything the module runs when it is imported."""

    def __init__(self, last: ast.stmt) -> None:
        self.line = last.end_lineno or last.lineno
        self.column = (last.end_col_offset or 0) + 1

    def place(self, node: ast.stmt) -> ast.stmt:
        for each in ast.walk(node):
            if isinstance(each, (ast.expr, ast.stmt)):
                each.lineno = each.end_lineno = self.line
                each.col_offset = each.end_col_offset = self.column
        self.column += 1
        return node


def _runs_of(case: _TestClass, spot: _After, deferred: dict[int, str]) -> list[ast.stmt]:
    """The calls unittest (or pytest) makes to run the tests of `case`, placed after the module (see
    `_After`). `deferred` names, by the method that adds them, the methods made of the cleanups it adds."""
    contract, methods = case.contract, case.methods()
    tests = [name for name in methods if name.startswith("test")]
    if not tests:
        return []
    name = case.node.name
    runs: list[ast.stmt] = []
    if contract.set_up_class in methods:
        _cleanups_in_place(methods[contract.set_up_class])
        runs.append(_statement(f"{name}.{contract.set_up_class}()"))
    set_up = case.maker or methods.get(contract.set_up)
    for test in sorted(tests) if contract.sorted_tests else tests:
        instance = f"_{name}_{test}"
        runs.append(_statement(f"{instance} = {name}({_test_argument(case.maker)})"))
        steps = [contract.set_up] if contract.set_up in methods else []
        steps += [test] + ([contract.tear_down] if contract.tear_down in methods else [])
        calls = [f"{step}({_test_argument(methods[step])})" for step in steps]
        added = (methods.get(contract.tear_down), methods[test], set_up)  # the last added run first
        cleanups = [_cleanups_of(m, case, deferred) for m in added if m is not None]
        calls += [f"{c}()" for c in cleanups if c]
        runs += [_statement(f"{instance}.{call}") for call in calls]
    if contract.tear_down_class in methods:
        _cleanups_in_place(methods[contract.tear_down_class])
        runs.append(_statement(f"{name}.{contract.tear_down_class}()"))
    return [spot.place(run) for run in runs]


def _test_argument(method: ast.FunctionDef | None) -> str:
    """What a per-test method is called with: pytest passes the test to setup_method(self, method) and
    teardown_method(self, method), which the reader stands in for by None; unittest passes nothing."""
    return "None" if method is not None and len(method.args.args) == 2 else ""


def _statement(code: str) -> ast.stmt:
    return ast.parse(code).body[0]


def _cleanups_of(method: ast.FunctionDef, case: _TestClass, deferred: dict[int, str]) -> str | None:
    """The name of a method made of the cleanups `method` adds at its top level (the last added first),
    which unittest runs after tearDown; those it adds in a nested block are run at the end of the block."""
    if id(method) in deferred:
        return deferred[id(method)] or None
    _cleanups_in_place(method, top=False)
    calls = _cleanup_calls(method, method.body)
    deferred[id(method)] = ""
    if not calls:
        return None
    owner = next(c for c in case.chain if any(m is method for m in c.body))
    made = ast.FunctionDef(
        name=f"_cleanups_of_{method.name}", args=method.args, body=calls, decorator_list=[]
    )
    ast.copy_location(made, calls[0])
    owner.body.append(made)
    deferred[id(method)] = made.name
    return made.name


def _cleanups_in_place(method: ast.FunctionDef, top: bool = True) -> None:
    """The cleanups added in each block of `method` (its top level too, when `top`) run at the end of it."""
    for block in ([method.body] if top else []) + list(_nested_blocks(method.body)):
        block.extend(_cleanup_calls(method, block))
        if not block:
            block.append(ast.Pass())


def _nested_blocks(statements: list[ast.stmt]) -> Iterator[list[ast.stmt]]:
    """The blocks of statements inside `statements` (an `if`'s, a `with`'s, a handler's...), not those of a
    function or class defined there."""
    for statement in statements:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        parts = [statement, *getattr(statement, "handlers", []), *getattr(statement, "cases", [])]
        for part in parts:
            for name in ("body", "orelse", "finalbody"):
                block = getattr(part, name, None)
                if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                    yield block
                    yield from _nested_blocks(block)


def _cleanup_calls(method: ast.FunctionDef, block: list[ast.stmt]) -> list[ast.stmt]:
    """The calls the cleanups a block adds make, the last added first, each placed after the block's last
    statement (its arguments stay where they are written); the block is left without them."""
    owner = method.args.args[0].arg if method.args.args else "self"
    cleanups = [c for c in (_cleanup(s, owner) for s in block) if c is not None]
    if not cleanups:
        return []
    block[:] = [s for s in block if _cleanup(s, owner) is None]
    last = block[-1] if block else method
    runs: list[ast.stmt] = []
    for at, (func, args, keywords) in enumerate(reversed(cleanups)):
        made = ast.Call(func, args, keywords)
        run = ast.Expr(made)
        for each in (run, made):
            each.lineno = each.end_lineno = last.end_lineno or last.lineno
            each.col_offset = each.end_col_offset = (last.end_col_offset or 0) + 1 + at
        runs.append(run)
    return runs


def _cleanup(statement: ast.stmt, owner: str) -> tuple[ast.expr, list[ast.expr], list[ast.keyword]] | None:
    """What a statement `self.addCleanup(f, ...)` (or `cls.addClassCleanup`) calls: the function, its
    arguments and keywords, else None. A cleanup `lambda: f(x)` calls `f(x)`."""
    call = statement.value if isinstance(statement, ast.Expr) else None
    if not isinstance(call, ast.Call) or not call.args or any(isinstance(a, ast.Starred) for a in call.args):
        return None
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr not in _CLEANUPS:
        return None
    if not (isinstance(func.value, ast.Name) and func.value.id == owner):
        return None
    first = call.args[0]
    if isinstance(first, ast.Lambda):
        body = first.body
        plain = not (first.args.args or first.args.vararg or first.args.kwonlyargs or first.args.kwarg)
        if not (plain and len(call.args) == 1 and not call.keywords and isinstance(body, ast.Call)):
            return None
        return body.func, body.args, body.keywords
    return first, call.args[1:], call.keywords


# --- decoding and parsing ----------------------------------------------------------------------------


def _decode(path: str, data: bytes) -> str | FileProblem:
    """The source as Python decodes it: a UTF-8 BOM or a PEP 263 declaration, else UTF-8."""
    try:
        encoding = _source_encoding(data)
        codec = codecs.lookup(encoding)
        # Text encodings only, and none whose decoder is slower than linear on a hostile file.
        if not getattr(codec, "_is_text_encoding", True) or codec.name in ("punycode", "idna"):
            raise LookupError(f"{encoding} is not a text encoding")
    except (SyntaxError, LookupError) as exc:
        message = f"declares an encoding Python cannot read source in ({exc})"
        return FileProblem("syntax", message, Mark(path, 1, column=1), _ENCODING_FIX)
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start : exc.start].decode(encoding, errors="replace").removeprefix("\ufeff")) + 1
        message = (
            f"byte 0x{data[exc.start]:02x} is not {encoding} text, the encoding Python reads this file in"
        )
        return FileProblem("syntax", message, Mark(path, line, column=column), _ENCODING_FIX)


def _source_encoding(data: bytes) -> str:
    """The encoding Python reads a script's source in, as `tokenize.detect_encoding` says it; but where
    line 1 or 2 holds a byte that is not UTF-8, `detect_encoding` raises as if a declaration were bad,
    while Python reads the declaration from the bytes as written (`# coding: latin-1` then `café` runs)
    and, with none, reads UTF-8 and stops at the byte: then the byte's line and column are what to say."""
    try:
        return tokenize.detect_encoding(io.BytesIO(data).readline)[0]
    except SyntaxError:
        lines = data.removeprefix(codecs.BOM_UTF8).split(b"\n", 2)[:2]
        for number, line in enumerate(lines, 1):
            declared = tokenize.cookie_re.match(line.decode("latin-1"))
            if declared is not None:
                if data.startswith(codecs.BOM_UTF8):
                    raise  # a mark and a declaration: Python reads them only when both say UTF-8
                return declared.group(1)
            if number == 1 and not tokenize.blank_re.match(line):
                break  # a declaration on line 2 counts only under a blank or comment line 1
        return "utf-8"


class _Source:
    """The decoded text, its lines, and positions turned from `ast`'s UTF-8 byte columns into the
    1-based character columns every finding uses."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.lines = re.split("\r\n|\r|\n", text)
        # Per line: None when it is ASCII (bytes are characters), else each byte offset's character.
        self._columns: dict[int, list[int] | None] = {}
        # The text parsed: `text`, or `text` rewritten as Python 3 (see `parsed_as_older_python`), and
        # the lines whose indentation that rewrite changed (see `_untabbed`).
        self._parsed_text = text
        self._indents: dict[int, _Indent] = {}
        self.python2 = False  # read as Python 2 (see `_OlderPython.python2`): its `map` is not lazy
        self._line_starts: list[int] | None = None  # see `offset`
        # The modules whose text is read after the script's (see `attach`): the line before each one's
        # first, and its display path, in order; and the script's own lines, those before the first.
        self._libraries: list[tuple[int, str]] = []
        self.own_lines = len(self.lines)

    def attach(self, path: str, text: str) -> int:
        """The text of a module whose functions the script calls (see `python_library`) read after the
        script's, its lines numbered on from the script's last: the number of the line before its first.
        A mark on its lines points into the module (`place`)."""
        base = len(self.lines)
        self.text = f"{self.text}\n{text}"
        self.lines.extend(re.split("\r\n|\r|\n", text))
        self._line_starts = None
        self._libraries.append((base, path))
        return base

    @property
    def attached(self) -> bool:
        """Whether the text read holds a module's after the script's (`attach`)."""
        return bool(self._libraries)

    def writes(self, word: str) -> bool:
        """Whether the text read holds `word` anywhere, as parsed (see `parse`) or as written, the modules
        read after the script's included (`attach`): a tree of a text that never writes `lambda` holds no
        lambda, and the passes that look for one through every node are spared."""
        return word in self.text or word in self._parsed_text

    def place(self, line: int) -> tuple[str, int]:
        """The file a line of the text read is written in, and its line there (see `attach`)."""
        if line <= self.own_lines or not self._libraries:
            return self.path, line
        base, path = self._libraries[bisect.bisect_left(self._libraries, (line, "")) - 1]
        return path, line - base

    def line_read(self, mark: Mark) -> int:
        """The line of the text read a mark of `mark`'s file points at (see `place`)."""
        return mark.line + next((base for base, path in self._libraries if path == mark.path), 0)

    def offset(self, line: int) -> int:
        """Where a line starts in the text."""
        if self._line_starts is None:
            self._line_starts = [0, *(found.end() for found in re.finditer("\r\n|\r|\n", self.text))]
        return self._line_starts[line - 1]

    def column(self, line: int, offset: int) -> int:
        """The 0-based character column of a UTF-8 byte offset into `line` of the text parsed; each line is
        looked at once, however many marks it holds."""
        offset = self._as_written(line, offset)
        if line not in self._columns:
            row = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
            self._columns[line] = None if row.isascii() else _character_columns(row)
        columns = self._columns[line]
        return offset if columns is None else columns[min(offset, len(columns) - 1)]

    def _as_written(self, line: int, offset: int) -> int:
        """An offset into `line` of the text parsed as the same offset into the file's line: moved back
        where the text parsed indents the line in spaces and the file with tabs."""
        indent = self._indents.get(line)
        if indent is None:
            return offset
        if offset >= indent.parsed:
            return offset - indent.parsed + indent.written
        return min(offset, indent.written)

    def mark(self, node: object) -> Mark:
        line, offset = getattr(node, "lineno", 1), getattr(node, "col_offset", 0)
        return Mark(*self.place(line), column=self.column(line, offset) + 1)

    def call_mark(self, call: ast.Call) -> Mark:
        """Where a call is shown: at the name of the method or class it calls (`create_role` of
        `self.sms.create_role(...)`, as a PowerShell finding shows the cmdlet), not at its receiver,
        which is all a finding's span would cover."""
        func = call.func
        line, offset = getattr(func, "end_lineno", None), getattr(func, "end_col_offset", None)
        if not isinstance(func, ast.Attribute) or line is None or offset is None:
            return self.mark(call)
        row = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        end = start = self.column(line, offset)
        while start > 0 and (row[start - 1].isalnum() or row[start - 1] == "_"):
            start -= 1  # back over the name as written (`ast` gives it NFKC-normalised)
        return Mark(*self.place(line), column=start + 1) if start < end else self.mark(call)

    def written(self, node: ast.expr) -> str:
        """An expression as written, its lines joined by "\n" (as Python joins those of a string)."""
        line, end = node.lineno, node.end_lineno or node.lineno
        first = self.column(line, node.col_offset)
        last = self.column(end, node.end_col_offset or 0)
        rows = self.lines[line - 1 : end]
        if len(rows) == 1:
            return rows[0][first:last]
        return "\n".join([rows[0][first:], *rows[1:-1], rows[-1][:last]])

    # --- parsing --------------------------------------------------------------------------------

    def parse(self) -> ast.Module | FileProblem:
        """The module's syntax tree, or the problem that stops it from being read."""
        nul = self.text.find("\0")
        if nul >= 0:
            line = self.text.count("\n", 0, nul) + 1
            column = nul - (self.text.rfind("\n", 0, nul) + 1) + 1
            return FileProblem(
                "syntax", "a null byte: not Python source", Mark(self.path, line, column=column)
            )
        try:
            return _parse(self.text)
        except SyntaxError as first:
            older = parsed_as_older_python(self.text)
            if older is None:
                return self._syntax_problem(first)
            self._parsed_text, self._indents, self.python2 = older.text, older.indents, older.python2
            return older.tree
        except (ValueError, RecursionError, MemoryError, OverflowError) as exc:
            message = (
                f"Python's parser gave up on this file ({type(exc).__name__}): it is too deeply nested or "
                "holds too long a chain of operators (`a + b + ...` of thousands of terms)"
            )
            return FileProblem("syntax", message, Mark(self.path, 1, column=1), _TOO_DEEP_FIX)

    def _syntax_problem(self, exc: SyntaxError) -> FileProblem:
        line = exc.lineno or 1
        mark = Mark(self.path, line, column=self.column(line, max((exc.offset or 1) - 1, 0)) + 1)
        if any(hint in exc.msg for hint in _PYTHON2_HINTS):
            message = f"not Python 3 syntax: {exc.msg}; {_UNREADABLE}"
            return FileProblem("syntax", message, mark, _PYTHON2_FIX)
        message = f"Python syntax error: {exc.msg}; {_UNREADABLE}"
        return FileProblem("syntax", message, mark, _SYNTAX_FIX)

    # --- suppression comments -------------------------------------------------------------------

    def suppressions(
        self, index: Index, comments: tuple[DirectiveComment, ...], tree: ast.Module
    ) -> Iterator[Suppression]:
        """`# migcheck: ignore[...] reason` on a line of its own covers the next statement, or the
        statement it sits inside (between the arguments of a call); at the end of a line it covers the
        statement on that line; `ignore-file` anywhere covers the file. One indented deeper than the code
        after it (the last thing of an indented block, before `else:` or dedented code) applies to nothing,
        as one at the end of the file does: no statement follows it in its block. One at the indentation
        of the `else:`, `elif`, `except`, `finally` or `case` after it covers that branch, its header and
        all its body, as one before an `if` covers the whole statement: a reader takes it for the branch's."""
        from migcheck.readers.suppressions import directive

        if not comments:
            return
        # The script's own statements and lines: not those of a module whose text is read after it (`attach`).
        statements = [statement for statement in index.statements if statement[0] <= self.own_lines]
        simple = _simple_statement_lines(statements)
        starts = _statement_starts(statements)
        next_code = _next_code_lines(self.lines[: self.own_lines])
        own = [statement for statement in tree.body if statement.lineno <= self.own_lines]
        branches = _branches(ast.Module(body=own, type_ignores=[]), next_code)
        for comment in comments:
            found = directive(comment.text)
            if found is None:
                continue
            kind, codes, reason = found
            mark = comment.mark
            line, column = mark.line, (mark.column or 1) - 1
            if kind == "ignore-file":
                yield Suppression(codes, reason, 0, 0, mark)
                continue
            inside = simple.get(line)
            code_line = next_code[line - 1]
            if self.lines[line - 1][:column].strip():  # after code: the statement on this line
                span: tuple[int, int] | None = inside or (line, line)
            elif inside is not None and inside[0] < line:  # between the lines of a statement: that one
                span = inside
            elif not code_line or _indent(self.lines[line - 1]) > _indent(self.lines[code_line - 1]):
                span = None  # the last thing of its block, or of the file
            elif code_line in branches:  # before a branch's header, at its indentation: the branch
                span = (code_line, branches[code_line])
            else:
                span = _next_statement(starts, line)
            if span is None:  # no statement follows it in its block: kept, so that the filter reports it
                yield Suppression.nowhere(codes, reason, mark)
            else:
                yield Suppression(codes, reason, span[0], span[1], mark)

    def directive_comments(self) -> tuple[DirectiveComment, ...]:
        """The comments that start like a directive, each with its text after its `#`s. Lines are counted
        as `ast` counts them (a lone CR ends a line too). The text parsed is read, which tokenizes whatever
        the Python migcheck runs on (Python 3.12 and later refuse to tokenize indentation that mixes tabs
        and spaces): its comments are the file's, on the same lines, their columns moved as `ast`'s are."""
        from migcheck.readers.suppressions import line_comment_text, starts_like_directive

        text = self._parsed_text
        rows = self.lines if text is self.text else re.split("\r\n|\r|\n", text)
        found: list[DirectiveComment] = []
        try:
            for token in tokenize.generate_tokens(io.StringIO(text, newline=None).readline):
                if token.type == tokenize.COMMENT and starts_like_directive(line_comment_text(token.string)):
                    line, column = token.start
                    offset = len(rows[line - 1][:column].encode("utf-8"))
                    mark = Mark(self.path, line, column=self.column(line, offset) + 1)
                    found.append(DirectiveComment(line_comment_text(token.string), mark))
        except (tokenize.TokenError, SyntaxError, ValueError):
            pass
        return tuple(found)


def _parse(text: str) -> ast.Module:
    """`ast.parse`, whatever the warning filters say. Python warns while parsing (an invalid escape in a
    string, `x is 1`); where warnings are errors (`-W error`, pytest's `filterwarnings = error`) that warning would be raised as a
    SyntaxError, and the same file would read otherwise under pytest than from the command line."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(text)


def statements(text: str) -> ast.Module | None:
    """The syntax tree the reader reads `text` by, as Python 3 or as the older Python it was written for
    (its lines are the file's); None when it is neither. For the editor's quick fixes."""
    tree = _parsed(text)
    if tree is None:
        older = parsed_as_older_python(text)
        tree = older.tree if older is not None else None
    return tree


def _parsed(text: str) -> ast.Module | None:
    try:
        return _parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return None


def _rename_soft_keywords(text: str) -> str | None:
    """The source with `async` and `await` used as names (Python 3.6 and older: `self.async = False`)
    renamed to names of the same length, so that no position moves; None when it uses none."""
    layout = {tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT}
    try:
        readline = io.StringIO(text, newline=None).readline
        tokens = [t for t in tokenize.generate_tokens(readline) if t.type not in layout]
    except (tokenize.TokenError, SyntaxError, ValueError, RecursionError):
        return None
    lines = re.split("(\r\n|\r|\n)", text)  # line breaks kept at odd indexes: joined back unchanged
    renamed = False
    for token, after in zip(tokens, [*tokens[1:], None], strict=True):
        if token.type != tokenize.NAME or token.string not in ("async", "await"):
            continue
        following = after.string if after is not None else ""
        if following in ("def", "for", "with") or (token.string == "await" and following not in _AFTER_NAME):
            continue  # the keyword
        row, col = token.start
        line = lines[2 * (row - 1)]
        lines[2 * (row - 1)] = (
            line[:col] + ("asyn_" if token.string == "async" else "awai_") + line[col + 5 :]
        )
        renamed = True
    return "".join(lines) if renamed else None


# What may follow `await` used as a name (as a keyword, an expression follows it).
_AFTER_NAME = frozenset({"=", ".", ",", ")", "]", "}", ":", ";", "==", "!=", "", "+=", "-="})


@dataclass(frozen=True, slots=True)
class _Indent:
    """The indentation of a line as the file writes it (with tabs) and as the text parsed does (in
    spaces), in characters, which are bytes too."""

    written: int
    parsed: int


@dataclass(frozen=True, slots=True)
class _OlderPython:
    tree: ast.Module
    text: str  # the text parsed
    indents: dict[int, _Indent]  # the lines whose indentation `text` writes otherwise than the file
    python2: bool = False  # written for Python 2: its forms rewritten, or tabs that Python 3 refuses


def parsed_as_older_python(text: str) -> _OlderPython | None:
    """A script Python 3 refuses, read as the older Python it was written for: indentation that mixes
    tabs and spaces (see `_untabbed`), `async` and `await` used as names (Python 3.6 and older), then
    Python 2's own forms (see `_from_python2`). None when it is none of these either. Every position is
    the one in `text`, but on the lines of `indents`."""
    indents: dict[int, _Indent] = {}
    untabbed = _untabbed(text)
    if untabbed is not None:
        text, indents = untabbed
    renamed = _rename_soft_keywords(text)
    if renamed is not None:
        tree = _parsed(renamed)
        if tree is not None:
            return _OlderPython(tree, renamed, indents, untabbed is not None)
        text = renamed
    rewritten = _from_python2(text)
    if rewritten is None and (renamed is not None or not indents):
        return None  # the text as it stands was parsed already
    text = rewritten if rewritten is not None else text
    tree = _parsed(text)
    python2 = untabbed is not None or rewritten is not None
    return _OlderPython(tree, text, indents, python2) if tree is not None else None


def _untabbed(text: str) -> tuple[str, dict[int, _Indent]] | None:
    """The source with each statement indented with a tab indented in spaces instead, as Python 2 reads
    it: a tab stop every 8 columns, so that a tab and 8 spaces indent alike (Python 3 refuses a mix that
    indents otherwise at another tab size), and the lines so rewritten. Lines inside a string or brackets
    keep their tabs. None when no statement is indented with a tab, or the text does not tokenize."""
    if "\t" not in text:
        return None
    lines = re.split("(\r\n|\r|\n)", text)  # line breaks kept at odd indexes: joined back unchanged
    rows = lines[::2]
    widths = [len(row) - len(row.lstrip(" \t")) for row in rows]
    tabbed = [number for number, row in enumerate(rows) if "\t" in row[: widths[number]]]
    if not tabbed:
        return None
    # The statements are told on the text with every line's indentation in spaces: the tokenizer of
    # Python 3.12 and later refuses the mix, as the parser does.
    spaces = {number: rows[number][: widths[number]].expandtabs(8) for number in tabbed}
    spaced = lines.copy()
    for number in tabbed:
        spaced[2 * number] = spaces[number] + rows[number][widths[number] :]
    starts = _statement_lines("".join(spaced))
    if starts is None:
        return None
    indents: dict[int, _Indent] = {}
    for number in tabbed:
        if number + 1 in starts:
            lines[2 * number] = spaced[2 * number]
            indents[number + 1] = _Indent(written=widths[number], parsed=len(spaces[number]))
    return ("".join(lines), indents) if indents else None


def _statement_lines(text: str) -> set[int] | None:
    """The lines on which a statement starts; None when the text does not tokenize."""
    starts: set[int] = set()
    starting = True
    try:
        for token in tokenize.generate_tokens(io.StringIO(text, newline=None).readline):
            if token.type == tokenize.NEWLINE:
                starting = True
            elif starting and token.type not in _NOT_STATEMENTS and not token.string.isspace():
                starts.add(token.start[0])
                starting = False
    except (tokenize.TokenError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return starts


# Tokens that start no statement: a blank or comment line, and the indentation before a statement.
_NOT_STATEMENTS = frozenset(
    {tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER}
)


# --- Python 2 --------------------------------------------------------------------------------------------

_OPENERS = frozenset("([{")
_CLOSERS = frozenset(")]}")
# Words after which `print` or `exec` is a name, as Python 3 reads it (`print in names`); before any other
# word, a string or a number it is Python 2's statement (`print name`, `exec code in scope`).
_OPERATOR_WORDS = frozenset({"in", "is", "and", "or", "if", "else", "for"})
_OPERAND_STARTS = frozenset({"[", "{", "`", "~", "-", "+"})
# `print x` and `exec code` become an expression of the same length, which reads `x` and `code` where they
# are written: the statement prints or runs them and changes nothing the reader follows.
_STATEMENTS = {"print": "0 or ", "exec": "0 or"}
_SKIPPED = frozenset({tokenize.NL, tokenize.COMMENT})
_LINE_STARTS = frozenset({tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT})


def _from_python2(text: str) -> str | None:
    """The source with what Python 2 writes otherwise rewritten as Python 3, token by token: `print x`
    and `exec code` statements, `except X, e:`, `raise E, message`, `<>`, backticks, octal numbers (`0777`),
    long numbers (`10L`), `ur''` strings and tuple parameters (`lambda (k, v): v`). Each edit keeps the
    bytes it replaces as many (see `_Python2`), so every other token stays at its line and column as `ast`
    counts them. None when there is nothing to rewrite, or the text does not tokenize."""
    try:
        readline = io.StringIO(text, newline=None).readline
        tokens = [
            token
            for token in tokenize.generate_tokens(readline)
            if token.type not in _SKIPPED
            and not (token.type == tokenize.ERRORTOKEN and token.string.isspace())
        ]
    except (tokenize.TokenError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    edits = _Python2(tokens).edits()
    return _edited(text, edits) if edits else None


@dataclass(frozen=True, slots=True)
class _Edit:
    line: int
    start: int  # the first character replaced, and the one past the last, on `line` (0-based)
    end: int
    text: str


class _Python2:
    """The edits that make Python 2 tokens Python 3, in one pass over them. An edit replaces one token (or
    two that touch, as older tokenizers split `<>` and `0777`) with text of as many UTF-8 bytes, which does
    not start with a space where the token starts a line: indentation and every other position stay as
    they are. Statements are told by where they start: at a line's start, after a `;`, or after a `:`
    outside brackets (but the one that ends a lambda's parameters)."""

    def __init__(self, tokens: list[tokenize.TokenInfo]) -> None:
        self.tokens = tokens
        self.found: list[_Edit] = []
        self.depth = 0  # brackets open
        self.clause: tuple[str, int] | None = None  # an `except` or `raise` being read, and its depth
        self.blanking = False  # inside the target of `except X, e:`
        self.in_backticks = False
        # The parameter lists being read, innermost last: the depth of brackets their parameters are
        # at, and whether it is a lambda's (which a `:` ends, where a def's ends with its bracket).
        self.signatures: list[tuple[int, bool]] = []
        self.parameter_next = False  # the next token starts a parameter
        self.unpacking: int | None = None  # inside a tuple parameter: the depth it is at

    def edits(self) -> list[_Edit]:
        tokens = self.tokens
        line_start = starts = True
        at = 0
        while at < len(tokens):
            token = tokens[at]
            after = tokens[at + 1] if at + 1 < len(tokens) else None
            if token.type in _LINE_STARTS:
                line_start = starts = True
                self.clause, self.blanking = None, False
                self.signatures, self.parameter_next, self.unpacking = [], False, None
                at += 1
                continue
            first, statement, line_start, starts = line_start, starts, False, False
            if self.blanking:
                starts = self._blank(token)
            elif self._parameter(at):
                pass
            elif token.type == tokenize.NAME:
                self._name(token, after, statement, first)
            elif token.type == tokenize.NUMBER:
                at += self._number(at)
            elif token.type in (tokenize.OP, tokenize.ERRORTOKEN):
                starts, skip = self._operator(token, after)
                at += skip
            while self.signatures and self.signatures[-1][0] > self.depth:
                self.signatures.pop()  # a def's parameters, closed by their bracket
            at += 1
        return self.found

    def _parameter(self, at: int) -> bool:
        """Tuple parameters, which Python 3 no longer has (`def show((name, size)):`, `lambda (k, v): v`):
        their parentheses are blanked, so that each name they unpack is a parameter of its own. Returns
        whether the token was taken here."""
        token, signatures = self.tokens[at], self.signatures
        text = token.string
        if self.unpacking is not None:  # a tuple parameter holds names, commas and parentheses only
            if text in ("(", ")"):
                self._bracket(text)
                self._replace(token, " ")
                if self.depth == self.unpacking:
                    self.unpacking = None
            return True
        starts_parameter, self.parameter_next = self.parameter_next, False
        inside = signatures[-1] if signatures and signatures[-1][0] == self.depth else None
        if text == "(" and starts_parameter and inside is not None:
            self.unpacking = self.depth
            self._bracket(text)
            self._replace(token, " ")
            return True
        if token.type == tokenize.NAME and text == "lambda":
            signatures.append((self.depth, True))
            self.parameter_next = True
            return True
        if text == "(" and at >= 2 and self.tokens[at - 2].string == "def":
            signatures.append((self.depth + 1, False))
            self.parameter_next = True
        elif text == "," and inside is not None:
            self.parameter_next = True
        elif text == ":" and inside is not None and inside[1]:
            signatures.pop()
            return True  # the end of a lambda's parameters starts no statement
        return False

    def _replace(self, token: tokenize.TokenInfo, text: str, end: tuple[int, int] | None = None) -> None:
        (line, start), (_, stop) = token.start, end or token.end
        self.found.append(_Edit(line, start, stop, text))

    def _blank(self, token: tokenize.TokenInfo) -> bool:
        """A token of the target of `except X, e:` (Python 3 has no such target), up to the colon."""
        if token.string == ":" and self.depth == (self.clause[1] if self.clause else 0):
            self.blanking, self.clause = False, None
            return True
        self._bracket(token.string)
        self._replace(token, " " * len(token.string.encode("utf-8")))
        return False

    def _bracket(self, text: str) -> None:
        if text in _OPENERS:
            self.depth += 1
        elif text in _CLOSERS:
            self.depth = max(self.depth - 1, 0)

    def _name(
        self, token: tokenize.TokenInfo, after: tokenize.TokenInfo | None, statement: bool, first: bool
    ) -> None:
        word = token.string
        if statement and word in _STATEMENTS and _starts_operand(after):
            self._replace(token, _STATEMENTS[word])
        elif statement and word in ("except", "raise"):
            self.clause = (word, self.depth)
        elif (
            word.lower() == "ur"
            and after is not None
            and after.type == tokenize.STRING
            and after.start == token.end
        ):
            # A raw string all the same; at a line's start, a `+` keeps its indentation.
            self._replace(token, "+r" if first else " r")

    def _number(self, at: int) -> int:
        """An octal number written as Python 2 does (`0777`, split as `0` `777` by tokenizers before
        Python 3.12) as the same number in decimal, and the `L` of a long number as a space. Returns how
        many tokens after the first it took."""
        tokens = self.tokens
        token, taken = tokens[at], 0
        digits, end = token.string, token.end
        following = tokens[at + 1] if at + 1 < len(tokens) else None
        if (
            digits.isdigit()
            and not digits.strip("0")
            and following is not None
            and following.type == tokenize.NUMBER
            and following.start == end
            and following.string.isdigit()
        ):
            digits, end, taken = digits + following.string, following.end, 1
        octal = len(digits) > 1 and digits.isdigit() and digits.startswith("0") and digits.strip("0")
        if octal and not set(digits) - set("01234567"):
            self._replace(token, str(int(digits, 8)).rjust(len(digits)), end)
        suffix = tokens[at + taken + 1] if at + taken + 1 < len(tokens) else None
        if (
            suffix is not None
            and suffix.type == tokenize.NAME
            and suffix.string in ("l", "L")
            and suffix.start == end
        ):
            self._replace(suffix, " ")
            taken += 1
        return taken

    def _operator(self, token: tokenize.TokenInfo, after: tokenize.TokenInfo | None) -> tuple[bool, int]:
        """An operator: brackets, backticks (`repr`, as parentheses), `<>`, and the comma of `except X, e`
        and of `raise E, message`. Returns whether a statement starts after it, and how many tokens after
        it it took."""
        clause, op = self.clause, token.string
        self._bracket(op)
        if op == "`":
            self._replace(token, ")" if self.in_backticks else "(")
            self.in_backticks = not self.in_backticks
        elif op == "<>":
            self._replace(token, "!=")
        elif op == "<" and after is not None and after.string == ">" and after.start == token.end:
            self._replace(token, "!=", after.end)
            return False, 1
        elif op == "," and clause is not None and self.depth == clause[1]:
            if clause[0] == "except":
                self.blanking = True
                self._replace(token, " ")
            else:
                self._replace(token, ";")  # `raise E; message`: the message is a statement of its own
                self.clause = None
        elif op in (":", ";") and self.depth == 0:
            self.clause = None
            return True, 0
        return False, 0


def _starts_operand(token: tokenize.TokenInfo | None) -> bool:
    """Whether a token starts what a `print` or `exec` statement is given (not `(`: `print(x)` is Python 3
    already, nor `>>`: `print >>f, x` reads as an expression in Python 3 too)."""
    if token is None:
        return False
    if token.type == tokenize.NAME:
        return token.string not in _OPERATOR_WORDS
    return token.type in (tokenize.NUMBER, tokenize.STRING) or token.string in _OPERAND_STARTS


def _edited(text: str, edits: list[_Edit]) -> str:
    """`text` with each edit made, every line rebuilt once."""
    lines = re.split("(\r\n|\r|\n)", text)  # line breaks kept at odd indexes: joined back unchanged
    by_line: dict[int, list[_Edit]] = {}
    for edit in edits:
        by_line.setdefault(edit.line, []).append(edit)
    for number, on_line in by_line.items():
        row, pieces, done = lines[2 * (number - 1)], [], 0
        for edit in sorted(on_line, key=lambda e: e.start):
            pieces += [row[done : edit.start], edit.text]
            done = edit.end
        pieces.append(row[done:])
        lines[2 * (number - 1)] = "".join(pieces)
    return "".join(lines)


def _simple_statement_lines(statements: list[tuple[int, int, bool]]) -> dict[int, tuple[int, int]]:
    """Every line of a simple statement, with that statement's lines (simple statements do not nest)."""
    lines: dict[int, tuple[int, int]] = {}
    for first, last, simple in statements:
        if simple:
            for line in range(first, last + 1):
                lines.setdefault(line, (first, last))
    return lines


def _statement_starts(statements: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """(first line, last line) of the outermost statement starting on each line, by first line."""
    widest: dict[int, int] = {}
    for first, last, _ in statements:
        widest[first] = max(widest.get(first, first), last)
    return sorted(widest.items())


def _next_code_lines(lines: list[str]) -> list[int]:
    """For each line, the number of the first line from it on that holds code (not blank, not only a
    comment), 0 past the last: what a comment on a line of its own is compared with. Only comments and
    blank lines stand between a comment and the next token, so the lines looked at are never inside a
    string."""
    found = [0] * (len(lines) + 1)
    for at in range(len(lines) - 1, -1, -1):
        code = lines[at].lstrip()
        found[at] = at + 1 if code and not code.startswith("#") else found[at + 1]
    return found


def _branches(tree: ast.Module, next_code: list[int]) -> dict[int, int]:
    """The line of each branch header after the first (`elif`, `else:`, `except`, `finally:`, a `case`)
    → the last line of that branch. `ast` places `elif`, `except` and `case`; an `else:` or `finally:`
    is the first line of code after the block before it, as only comments and blank lines stand between."""
    found: dict[int, int] = {}

    def after(last: int, following: list[ast.stmt]) -> None:
        if following:
            found[next_code[last]] = _last_line(following)

    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            elif_ = _elif(node)
            if elif_ is not None:
                found[elif_.lineno] = _last_line(elif_.body)
            else:
                after(_last_line(node.body), node.orelse)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            after(_last_line(node.body), node.orelse)
        elif isinstance(node, (ast.Try, _TRY_STAR)):
            _try_branches(cast(ast.Try, node), found, after)
        elif isinstance(node, ast.Match):
            for case in node.cases:
                found[case.pattern.lineno] = _last_line(case.body)
    return found


# Python 3.11's `try` with `except*` has the branches of a `try`.
_TRY_STAR: type = getattr(ast, "TryStar", ast.Try)


def _try_branches(node: ast.Try, found: dict[int, int], after: Callable[[int, list[ast.stmt]], None]) -> None:
    last = _last_line(node.body)
    for handler in node.handlers:
        last = _last_line(handler.body)
        found[handler.lineno] = last
    after(last, node.orelse)
    after(_last_line(node.orelse) if node.orelse else last, node.finalbody)


def _elif(node: ast.If) -> ast.If | None:
    """The `elif` of `node`: an `if` alone in its `else` that starts where `node` does in its line (one in
    an `else:` block is indented deeper); None when it has none."""
    orelse = node.orelse
    if len(orelse) == 1 and isinstance(orelse[0], ast.If) and orelse[0].col_offset == node.col_offset:
        return orelse[0]
    return None


def _last_line(block: list[ast.stmt]) -> int:
    return block[-1].end_lineno or block[-1].lineno


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _next_statement(starts: list[tuple[int, int]], line: int) -> tuple[int, int] | None:
    at = bisect.bisect_right(starts, (line, 1 << 62))
    return starts[at] if at < len(starts) else None


# --- resources ---------------------------------------------------------------------------------------


# The bindings of one name `_bound_by_name` compares an account's with, at most: each is compared with all.
_ARMS_COMPARED = 8


@dataclass(slots=True)
class _Draft:
    """A deployment as the file's calls describe it, merged across the calls that name it."""

    service: str
    name: str
    slot: str
    mark: Mark
    read_once_in: str = ""  # see `Deployment.read_once_in`: the function whose read once describes it
    roles: list[Role] = field(default_factory=list)
    # The stand-in for a service the calls pass but do not state, where the first passes it (see
    # `Deployment.service_stand_in`).
    service_stand_in: str = ""
    # The list of a loop whose item names the service (see `Deployment.service_looped_over`).
    service_looped_over: str = ""
    role_keys: dict[object, int] = field(default_factory=dict)
    network: tuple[NameRef | None, bool] | None = None  # (VNet, known) once a call states it
    # Where a call first creates the deployment in no virtual network: when another, only one of which
    # runs, names one or passes one the script does not state (see `state_network`), its VMs may be in none.
    in_no_network_at: Mark | None = None
    # What gives the network the call at `in_no_network_at` names, None unless whoever runs the script gives
    # it (`flow.Unknown.unset`: `--vnet`, `VNET`); "" where the script's own paths decide.
    in_no_network_unset: str = ""
    # The calls that create it (create_virtual_machine_deployment), as read so far, in the file's order, each
    # with the site it is read at (a call of its function, a turn of a loop around it).
    creations: list[tuple[CallSite, flow.Site]] = field(default_factory=list)
    # Whether a call adds a VM to it, or changes one, where it may be a deployment the script does not
    # create, in a network no file states (see `_Resources._joins_existing`).
    may_exist: bool = False
    configuration_file: str = ""  # the .cscfg a package deployment reads (`Deployment.configuration_file`)
    package_file: str = ""  # the .cspkg it deploys, uploaded from that file (`Deployment.package_file`)
    reserved_ip: NameRef | None = None
    reserved_ip_unknown: bool = False  # a call passes a reserved IP name the script does not state
    # The reserved IPs calls that may not run give it, or take off it (True), each with that call: while
    # whether its VIP is reserved is not known, it may be one of them (see `_Resources._maybe_vips`).
    maybe_reserved: list[tuple[NameRef, bool]] = field(default_factory=list)
    # The reserved IPs on its other virtual IPs (`virtual_ip_name`), by the VIP's name: each is that VIP's,
    # not the default one's, as a REST body's `VirtualIPs` say (`NameRef.virtual_ip`).
    vip_reserved: dict[str, NameRef] = field(default_factory=dict)
    # Data disks attached by add_data_disk/update_data_disk, by the key of the VM they name, with the VM
    # to describe when no other call does.
    attached: dict[object, tuple[Role, list[Disk]]] = field(default_factory=dict)
    # Whether a call inside a function describes it: functions run in an order the file does not show,
    # so what comes before what is not known (see `_Resources._delete`).
    unordered: bool = False
    removed: set[object] = field(default_factory=set)  # the keys of the VMs deleted after their creation
    role_creations: dict[object, list[CallSite]] = field(default_factory=dict)  # the calls creating each VM
    # By the key of a VM, whether every call describing it is one that creates the deployment in no virtual
    # network (create_virtual_machine_deployment naming none): the VM is in the deployment that call makes,
    # in none, whatever another path into an existing deployment may put its other VMs in.
    made_in_none: dict[object, bool] = field(default_factory=dict)
    # The state the script leaves a VM in (`StoppedVM`, `StoppedDeallocated`), by its key, with the call
    # that does: as a REST body's `InstanceStatus` says it (see `_Resources._power_states`).
    states: dict[object, tuple[str, Mark]] = field(default_factory=dict)
    # The VMs of the Create Deployment body that made it, when a body did (see `_Resources._created_by_body`).
    body_vms: int = 0
    # The subscription of the client the call that first names it goes through at that run of it (see
    # `_Resources.run_client`): `Deployment.selected_in`.
    selected_in: str = ""

    def state_network(self, vnet: NameRef | None, known: bool, at: Mark, unset: str = "") -> None:
        """Another call states the network (one of two calls only one of which runs, as a second creation
        fails): joined as a VM built on two paths is (see `joined_paths`). A network one path names is kept,
        with what a VM in it must have (a subnet, MIG203); being in none is known only when all agree, and
        two networks, or one not stated, leave it unknown. Where a call (`at`) creates it in none is kept
        (`in_no_network_at`): beside one that names a network, or passes one it does not state (which may
        be None too), on its path the VMs are in none; `unset`, what alone decides that the call names
        none (`in_no_network_unset`)."""
        if known and vnet is None and self.in_no_network_at is None:
            self.in_no_network_at, self.in_no_network_unset = at, unset
        if self.network is None:
            self.network = (vnet, known)
            return
        kept, kept_known = self.network
        if kept_known and known and (kept is None or vnet is None):
            self.network = (kept or vnet, True)
            return
        same = (kept is None) == (vnet is None) and (
            kept is None or vnet is None or _key(kept.name) == _key(vnet.name)
        )
        self.network = (kept, kept_known and known and same)

    def add(self, role: Role, key: object, updates: frozenset[str] | None = None) -> None:
        """A role the calls describe again is one role: an update changes the facts it states
        (`updates`), another description fills in what the first leaves unsaid. A VM created after
        changes the file makes before it, in an order the file shows, is as its creation states it: those
        changes were to a VM that existed then, not to this one (or they failed)."""
        at = self.role_keys.get(key)
        if at is None:
            self.role_keys[key] = len(self.roles)
            self.roles.append(role)
            return
        if key in self.removed:  # deleted before: only a creation brings it back
            if updates is None and not role.changes_existing:
                self.removed.discard(key)
                self.roles[at] = role
            return
        kept = self.roles[at]
        if updates is None and not role.changes_existing and kept.changes_existing and not self.unordered:
            self.roles[at] = role
            return
        taken = updates if updates is not None else {f for f in VM_FACTS if unsaid(kept, f)}
        merged = take_facts(kept, role, taken)
        if _created_apart(kept, role, updates):
            # Two creations only one of which runs: the VM of either path, as the link joins them where
            # the script does not state the deployment's name (and as the PowerShell reader does).
            merged = joined_paths(kept, role)
        if updates is None and not role.changes_existing:  # created on either's branches
            merged = replace(merged, branches=common_branches(kept.branches, role.branches))
        self.roles[at] = merged

    def remove(self, key: object) -> None:
        """The VM of `key` deleted, unless it is the deployment's only one (Azure refuses that delete): the
        deployment holds the VMs of the Create Deployment body that made it too (`body_vms`)."""
        held = len(self.roles) + self.body_vms - len(self.removed)
        if key in self.role_keys and key not in self.removed and held > 1:
            self.removed.add(key)
            self.attached.pop(key, None)

    def attach(self, key: object, disk: Disk, vm: Role) -> None:
        """A data disk attached to the VM of `key`. Kept apart until the end, so that a VM the file creates
        after attaching (its functions run in any order) keeps its own disks too."""
        self.attached.setdefault(key, (vm, []))[1].append(disk)

    def detach(self, key: object, lun: str, change: Role) -> None:
        """The data disk at `lun` ("" for a LUN not stated) detached from the VM of `key`: the disks the
        file attaches to it there taken off (see `_detached`), and, unless the file creates the VM, the
        detach recorded as a change to it (`change`, or the change the file makes to it already, given the
        LUN in its `removed_luns`). Nothing when the VM was deleted before, nor when the file's functions
        describe the VM in an order it does not show (see `_Resources._delete`)."""
        at = self.role_keys.get(key)
        if key in self.removed or (self.unordered and (at is not None or key in self.attached)):
            return
        if key in self.attached:
            vm, attached = self.attached[key]
            self.attached[key] = (vm, [disk for disk in attached if not _detached(disk, lun)])
        kept = self.roles[at] if at is not None else change
        removed = (*kept.removed_luns, lun) if kept.changes_existing else kept.removed_luns
        kept = replace(
            kept,
            disks=tuple(disk for disk in kept.disks if not _detached(disk, lun)),
            removed_luns=tuple(dict.fromkeys(removed)),
        )
        if at is None:
            self.role_keys[key] = len(self.roles)
            self.roles.append(kept)
        else:
            self.roles[at] = kept

    def _roles_with_attached_disks(self) -> list[Role]:
        roles: list[Role | None] = list(self.roles)
        for key, (vm, disks) in self.attached.items():
            at = self.role_keys.get(key)
            if at is None:
                roles.append(replace(vm, disks=tuple(disks)))
            elif key not in self.removed:
                kept = self.roles[at]
                roles[at] = replace(kept, disks=(*kept.disks, *disks))
        for key in self.removed:
            roles[self.role_keys[key]] = None
        return [role for role in roles if role is not None]

    def deployment(self) -> Deployment:
        vnet, known = self.network if self.network is not None else (None, False)
        # Being in none is known only when every path says so: one that adds to a deployment that may
        # exist does not. A network one path names is kept, as beside one that creates it in none.
        known = known and not (self.may_exist and vnet is None)
        roles = self._roles_with_attached_disks()
        # One path creates it in none, another in a network, named or not: only that all agree on none says
        # more (MIG105's finding that it is in none).
        roles = [without_path_in_none(role) for role in roles]
        if self.in_no_network_at is not None and not (known and vnet is None):
            at, unset = self.in_no_network_at, self.in_no_network_unset
            roles = [absent_on_some_path(role, "virtual_network", at, unset) for role in roles]
            made = {self.roles[at].name for key, at in self.role_keys.items() if self.made_in_none.get(key)}
            roles = [replace(role, made_in_none=True) if role.name in made else role for role in roles]
            # A network it does not name on one path and none on another: whether it is in any is not known.
            known = known and not (vnet is not None and is_stand_in(vnet.name))
        reserved = reserved_on_vips(self.reserved_ip, self.reserved_ip_unknown, self.vip_reserved.values())
        return Deployment(
            service_stand_in=self.service_stand_in,
            service_looped_over=self.service_looped_over,
            service_name=self.service,
            name=self.name,
            slot=self.slot,
            roles=tuple(roles),
            instances=self._instances(),
            virtual_network=vnet if known else None,
            reserved_ip=reserved[0] if reserved else None,
            mark=self.mark,
            network_known=known,
            reserved_ip_known=self.reserved_ip is not None or not self.reserved_ip_unknown,
            other_reserved_ips=reserved[1:],
            configuration_file=self.configuration_file,
            package_file=self.package_file,
            partly_described=self.may_exist or self._names_only(),
            read_once_in=self.read_once_in,
            selected_in=self.selected_in,
        )

    def _names_only(self) -> bool:
        """Whether the calls only name the deployment, describing nothing in it and creating it nowhere
        (`associate_reserved_ip_address(ip, 'pm917', 'pm917')`): it may hold VMs, or web and worker roles,
        no file describes."""
        return not (self.creations or self.roles or self.attached or self.configuration_file)

    def _instances(self) -> tuple[RoleInstance, ...]:
        """The VMs the script leaves in a state of its stating, as instances in that state."""
        instances = []
        for vm_key, (status, mark) in self.states.items():
            at = self.role_keys.get(vm_key)
            if at is not None and vm_key not in self.removed:
                name = self.roles[at].name
                instances.append(RoleInstance(name, name, status, "", mark))
        return tuple(instances)


# How many steps away from a loop's target a name bound in its body may be and still count as given by it
# (`vm_name = get_vm_name(args, i)`, then `label = vm_name + '-vm'`): each step is a pass over the body.
_TARGET_STEPS = 3


def _changed_in(body: list[ast.stmt]) -> set[str]:
    """The names the statements `body` assign (outside functions they define): in a loop's body, what
    changes from turn to turn."""
    changed: set[str] = set()
    todo: list[ast.AST] = list(body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            changed.update(n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))
        todo.extend(ast.iter_child_nodes(node))
    return changed


def _bound_from_target(loop: ast.For) -> set[str]:
    """The names a turn of `loop` binds from its item: its target's, and those its body assigns (outside
    functions it defines) from a value that reads one of them (`vm_name = get_vm_name(args, i)` in `for i
    in range(args.num_nodes)`), up to _TARGET_STEPS assignments away."""
    given = {node.id for node in ast.walk(loop.target) if isinstance(node, ast.Name)}
    assignments: list[tuple[set[str], set[str]]] = []
    todo: list[ast.AST] = list(loop.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            bound = {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
            reads = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}
            assignments.append((bound, reads))
        todo.extend(ast.iter_child_nodes(node))
    for _ in range(_TARGET_STEPS):
        more = {name for bound, reads in assignments if reads & given for name in bound} - given
        if not more:
            break
        given |= more
    return given


def _key(name: str) -> str:
    return name.strip().casefold()


# The methods of an XML document and its elements that change it, in ElementTree and lxml (`SubElement`) and
# the DOM (`xml.dom.minidom`), which the reader does not follow (see `_xml_edits`).
_XML_EDITS = frozenset(
    {
        "SubElement",
        "createElement",
        "createElementNS",
        "setAttribute",
        "removeAttribute",
        "appendChild",
        "insertBefore",
        "removeChild",
        "replaceChild",
    }
)
_MAX_CALL_DEPTH = 8  # the calls of the script's own functions followed out from a call (`_surely_before`)


def _first_turn_test(test: ast.expr, loop: flow.Loop, declared_global: set[str]) -> bool:
    """Whether an `if` test in the body of `loop` holds at its first turn only: the loop's counter (see
    `_loop_counter`) compared to 0 (`i == 0`, `0 == i`, `not i`), the loop's target being the only binding
    of it in the loop, which no function declares `global`."""
    counter = _loop_counter(loop.node)
    if counter is None or counter in declared_global:
        return False
    inside = [b for b in loop.scope.bindings.get(counter, ()) if loop.at <= b.at <= loop.end]
    if len(inside) != 1:
        return False
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _is_name(test.operand, counter)
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
        return False
    left, right = test.left, test.comparators[0]
    return (_is_name(left, counter) and _is_zero(right)) or (_is_zero(left) and _is_name(right, counter))


def _loop_counter(node: ast.For) -> str | None:
    """The name a `for` loop binds to the number of its turn, from 0: its target over `range(n)` or
    `range(0, n[, step])`, the first of its target over `enumerate(items)` (or `enumerate(items, 0)`)."""
    call = node.iter
    if (
        not isinstance(call, ast.Call)
        or not isinstance(call.func, ast.Name)
        or any(isinstance(arg, ast.Starred) for arg in call.args)
    ):
        return None
    if call.func.id == "range" and not call.keywords and isinstance(node.target, ast.Name):
        counts = len(call.args) == 1 or (len(call.args) in (2, 3) and _is_zero(call.args[0]))
        return node.target.id if counts else None
    if call.func.id != "enumerate" or not isinstance(node.target, ast.Tuple) or len(node.target.elts) != 2:
        return None
    start = [*call.args[1:], *(k.value for k in call.keywords if k.arg == "start")]
    if len(call.args) < 1 or not all(_is_zero(value) for value in start):
        return None
    first = node.target.elts[0]
    return first.id if isinstance(first, ast.Name) else None


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _is_zero(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int and node.value == 0


def _runs_before(
    earlier: CallSite,
    later: CallSite,
    try_bodies: list[tuple[Position, Position]],
    turned: frozenset[int] = frozenset(),
) -> bool:
    """Whether `earlier` has run whenever `later` runs: written before it in the same code, in no block
    that is not around `later` too (a branch, a loop, a handler) but the loops `turned` (read turn by turn,
    each turn running the whole body: see `_Resources._turned`), nor in a comprehension or a generator,
    which may run it any number of times, nor in the body of a `try` (`try_bodies`, first and last
    position) that `later` is not in too: what follows it, or a handler, runs when it failed."""
    shared = 0
    while shared < min(len(earlier.chain), len(later.chain)) and earlier.chain[shared] == later.chain[shared]:
        shared += 1
    return (
        earlier.scope is later.scope
        and earlier.at < later.at
        and all(block in turned for block in earlier.chain[shared:])
        and not earlier.comprehensions
        and earlier.unconsumed is None
        and all(later.at <= end for start, end in try_bodies if start <= earlier.at <= end)
    )


def _written(value: Value | None) -> str | None:
    """The text a model object's attribute puts in the body: what the script writes, and "" for None,
    which the SDK leaves out of the body where it writes "" as an empty element: either way the body
    states no value (an extension with no publisher is still the extension it names). None when the
    script does not state it."""
    return "" if isinstance(value, NoneV) else literal(value)


def _disk_blob(values: dict[str, Value]) -> Value | None:
    """What names a data disk's VHD blob, among the arguments of add_data_disk/update_data_disk or the
    attributes of a `DataVirtualHardDisk`: its `source_media_link` when the script gives one, a blob that
    holds a VHD already, which the disk is registered from, `media_link` (where a new VHD would be made)
    being then ignored, as a REST body's `SourceMediaLink` is; otherwise its `media_link`. A source the
    script may leave None (`opts.get("source")`) may not be given, so `media_link` is still the one
    checked."""
    source = values.get("source_media_link")
    if source is None or isinstance(source, NoneV) or literal(source) == "" or flow.may_be_none(source):
        return values.get("media_link")
    return source


def _blob_passed(link: Value | None) -> bool:
    """Whether a disk's blob address is passed at all: not None, and not the empty text a
    `DataVirtualHardDisk` starts with (`media_link=''`), which leaves the blob to a disk given by name."""
    return link is not None and not isinstance(link, NoneV) and literal(link) != ""


def _lun(value: Value | None) -> str:
    """A data disk's LUN as the script states it (a number), or "" when it does not."""
    return lun_key(literal(value) or "")


def _detached(disk: Disk, lun: str) -> bool:
    """Whether a detach at `lun` takes the data disk off, as the link stage decides it (see `Role.
    removed_luns`): the disk at that LUN, or every one whose LUN is known for a LUN not stated. A disk
    whose LUN is not stated stays: it may be the OS disk, or at another LUN."""
    return bool(disk.lun) and (not lun or disk.lun == lun)


@dataclass(frozen=True, slots=True)
class _Network:
    """What a VM's network configuration set states: its endpoints, subnets, static private address and
    own public IPs."""

    endpoints: tuple[InputEndpoint, ...] = ()
    subnets: tuple[NameRef, ...] = ()
    static_ips: tuple[NameRef, ...] = ()
    public_ips: tuple[NameRef, ...] = ()
    # Where `subnet_names` is given a value that may be None (a parameter that defaults to None, `.get()`):
    # the SDK then sends no subnet, so the VM may have none.
    subnets_may_be_none_at: Mark | None = None
    # What alone decides that it is None (`flow.Unknown.unset`: an option the caller may leave out, an
    # environment variable read with no default): of the list, or of its one subnet (`[args.subnet]`,
    # which the SDK leaves out when None); "" where the script's own paths decide.
    subnets_unset: str = ""


@dataclass(frozen=True, slots=True)
class _Level:
    """One function a call is read in, or the module (see `_Resources._levels`): the chain of blocks the
    call made there is in, in `scope` at `at` (the call itself at the innermost level, else the call into
    the next level), the turn of each loop among them that the reading takes turn by turn, and the call
    that led into this level (None at the outermost)."""

    chain: tuple[int, ...]
    turns: dict[int, int]
    into: ast.Call | None
    scope: flow.Scope
    at: flow.Position


def _stated_set(value: Value | None) -> bool:
    """Whether the script writes the availability set a call gives a VM: its name, or none (`""`, None)."""
    return isinstance(value, (Lit, NoneV)) and value.node is not None


def _vm_names(bound: Bound) -> tuple[str | None, ...]:
    """The cloud service, deployment and VM a call names, as far as it states them."""
    return tuple(
        literal(bound.values.get(param)) for param in ("service_name", "deployment_name", "role_name")
    )


def _hands_on(method: ast.FunctionDef, name: str) -> bool:
    """Whether a method's body calls a method of its own name on an object other than its instance
    (`self.sms.perform_put(...)` in `def perform_put(self, ...)`, `super().list_hosted_services()`): a
    wrapper of the SDK's method."""
    first = [parameter.arg for parameter in (*method.args.posonlyargs, *method.args.args)][:1]
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == name
        and not (isinstance(node.func.value, ast.Name) and [node.func.value.id] == first)
        for node in ast.walk(method)
    )


class _Resources:
    """The resources of one file, from its calls in source order."""

    def __init__(
        self, source: _Source, index: Index, tree: ast.Module, torn_down: _TornDown, by_name: list[ast.Call]
    ) -> None:
        self.source = source
        # The `getattr(...)` of each call by a method name the script does not state (see `python_dispatch`).
        self.by_name = by_name
        self.index = index
        self.tree = tree
        self.torn_down = torn_down  # the tearDown the runs call after each setUp and test (see `_TornDown`)
        budget = BUDGET_FLOOR + int(BUDGET_PER_BYTE * len(source.text))
        self.flow = flow.Flow(index, budget)
        # URLs and paths, built in part from what the script does not state (a subscription id).
        self.shapes = flow.Flow(index, budget, holes=True)
        # URLs as above, read with an attribute the script sets to several values taken to hold whichever of
        # them is on the API's host (see `flow.Flow.wanted`): a request that may be sent to the API.
        self.may_be_sent = flow.Flow(index, budget, holes=True, wanted=_on_api_host)
        # The first request sent to such a URL, a part not read (see `REQUEST_ATTRIBUTE_UNDECIDED`).
        self.undecided_url: tuple[Mark, ...] = ()
        # The first request that may go to the API at a URL the script does not state (see
        # `_undecided_tag`), a part not read too; a client certificate makes one only in a script that
        # names Azure or the API (`automation.names_the_api`).
        self.names_the_api = automation.names_the_api(source.text.encode("utf-8", "replace"))
        self.unstated_url: tuple[Mark, ...] = ()
        self.calls: list[ClassicCall] = []
        self.drafts: dict[object, _Draft] = {}
        # The networks calls place deployments in by names the script does not state, each a stand-in, by
        # what tells the value apart (see `_vnet`): two services given one variable are in one network.
        self.unstated_networks: dict[object, NameRef] = {}
        self.blanks = _top_level_blanks(tree)
        # The storage accounts the script names by values it does not state, each a stand-in, by what tells
        # the value apart (see `_account_stand_in`): a blob's address and a creation given one are one.
        self.unstated_accounts: dict[object, str] = {}
        # Those of them created under a value each path gives a stated name (see `_created_either`).
        self.either_accounts: set[str] = set()
        # By (scope, name, frame): where the name was bound, and the account it named so (see `_bound_by_name`).
        self.accounts_by_binding: dict[tuple[object, ...], list[tuple[flow.Position, str]]] = {}
        # The stand-ins of the reserved IPs the script creates under names it does not state, by the value
        # that names each (see `_unstated_reservation`).
        self.unstated_reservations: dict[object, str] = {}
        self.bound_from_target: dict[int, set[str]] = {}  # by loop, see `_bound_from_target`
        # How many values the stand-ins of storage accounts and reserved IPs name at each place, so that two
        # (a function called with two) are two (see `model.another_turn`).
        self.stand_in_turns: dict[str, int] = {}
        self.service_drafts: dict[str, list[object]] = {}  # the keys of `drafts` by their service's name
        self.reserved: list[ReservedIp] = []
        # The calls that associate reserved IPs with deployments or take them off, in the order read.
        # Each with whether it takes the reserved IP off (disassociate_reserved_ip_address, a Disassociate
        # Reserved IP request).
        self.associations: list[tuple[CallSite, Bound, Mark, flow.Site, bool]] = []
        # The calls that shut VMs down or start them, in the order read (see `_power_states`).
        self.power: list[tuple[CallSite, Bound, Mark, flow.Site]] = []
        # Reserved IPs surely taken off cloud services whose deployment the file does not give them, by
        # (service in its subscription, see `_here`; reserved IP) as names are compared (`_disassociate`).
        self.released: dict[tuple[str, str], ReservedIp] = {}
        # Deployments the script writes out as REST bodies, by the body read and the service it goes to.
        self.bodies: dict[tuple[int, str], Deployment] = {}
        # The deployments bodies POSTed to a service create (Create Deployment), by (service in its
        # subscription, see `_here`; deployment) as names are compared, each with the request and the site it is read at (see `_created_by_body`).
        self.body_creations: dict[tuple[str, str], list[tuple[CallSite, flow.Site, Deployment]]] = {}
        self.read_bodies: dict[object, list[object]] = {}
        self.body_states: dict[int, frozenset[str]] = {}  # id(role of a body) -> the facts it states
        self.set_vms: set[int] = set()  # id(role of a body): the VMs of a load-balanced set it changes
        # Requests whose body a function of the script builds, by id(function scope) (see `_element_acl`):
        # the request, and the service, deployment and role its path names.
        self.element_sends: dict[int, list[tuple[CallSite, str | None, str | None, str]]] = {}
        # id(resource of a body) -> the (service, deployment) it has been applied to (`_MAX_BODY_TARGETS`)
        self.body_targets: dict[int, set[tuple[str | None, str | None]]] = {}
        # Network configurations the script uploads, once each however many calls send one body through
        # clients of one subscription (a function given a client of each uploads one in each).
        self.networks: dict[tuple[int, str], NetworkConfiguration] = {}
        # The stand-ins of their networks named in part by values the script does not state, by the name read.
        self.partly_named_networks: dict[str, str] = {}
        # The file names of the network configuration uploads whose content it does not show, once each
        # (see `_uploaded_file`).
        self.uploaded_files: dict[str, None] = {}
        # The deployment bodies it sends from a file, with the service each creates one in (`Script.posted_bodies`).
        self.posted_bodies: dict[tuple[str, str], None] = {}
        self.connection_hosts: dict[tuple[str, bool], str | None] = {}  # see `_connection_host`
        # The expressions that build the URLs of the requests it sends to the API (see `_note_url`).
        self.sent_url_nodes: set[int] = set()
        # The path as shown: `/`-separated and escaped once where it enters, so a `\\` is an escape.
        self.file = posixpath.basename(source.path)
        # The turn of the loops around the call being read (`_bindings`), from 1 (0: the call is read once):
        # what the call describes without a name of its own (a deployment, a VM) is one for each turn.
        self.turn = 0
        # The function read once that the call read now is in (see `_read_once_in`).
        self.read_once_in = ""
        # The path each package deployment's arguments were read on, by the arguments (`id`), where the
        # paths name a service each (see `_services_by_path`): its configuration file is read there too.
        self.path_of_bound: dict[int, flow.Site] = {}
        # The call that creates each reserved IP of `reserved` (by the id of the ReservedIp), with what tells
        # the value that names it (see `_name_told`) and, for each time it runs (each call of its
        # function, each turn of a loop), the calls that lead to it (see `_calls_from_top`).
        self.reserved_made: dict[int, tuple[CallSite, object, list[tuple[CallSite, ...] | None]]] = {}
        # The reserved IP each creating call makes under a name through a client of a subscription (see
        # `_client_of_run`): a loop's turns may name one again, and a call through two clients makes two.
        self.reserved_by_call: dict[tuple[int, str, str], ReservedIp] = {}
        # The deletes of reserved IPs that surely run (see `_delete_reserved_ip`), taken to what the script
        # created once it is all read (`_take_away_deleted`): the reader may read a delete in a function
        # before the creation that runs first.
        self.reserved_deletes: list[_Deletion] = []
        # The waits on an asynchronous request's operation, by the call and what it waits on
        # (`_operation_waited`), and what tells what they wait on (`_wait_index`).
        self.operation_waits: dict[tuple[int, object], _Deletion] = {}
        self.wait_index: tuple[dict[int, str], set[int]] | None = None
        # Each create_virtual_machine_deployment (in each turn it is read) with the reserved IP names it gives
        # its deployment on each path, as stated ("" where a path states none), and the deployment: one that
        # names only reserved IPs the script surely deleted before it is refused (see `_refused_after_delete`).
        self.reserved_given: dict[
            tuple[int, int], tuple[CallSite, flow.Site, _Draft, list[NameRef | None]]
        ] = {}
        self.named_after_delete: dict[tuple[int, int], NamedAfterDelete] = {}
        # The migration steps the script's requests run, each with the calls that lead to it, outermost
        # first, ending with the request, that request again when a loop's turn sends it, and where it
        # comes in the order the script runs them (see `_placed_steps`).
        self.steps: list[tuple[tuple[ast.Call, ...], MigrationStep, ast.Call | None, _RunOrder]] = []
        # The calls that change a cloud service, network or storage account the script states (see
        # `Script.changes`), by the call, what it changes and where it comes in the order the script runs
        # its steps (see `_run_order`), once each however many of the reader's sites read it so.
        self.changes: dict[tuple[int, tuple[str, str], _RunOrder], tuple[_RunOrder, ClassicCall]] = {}
        # What each network configuration upload uploads on any run (`ClassicCall.uploaded`), by the node of
        # its call, as `changes` are placed.
        self.uploads_at: dict[int, dict[str, None]] = defaultdict(dict)
        # Disks the script registers, by name, and images, by kind and name (see `_registration`); those a
        # function registers, in an order the file does not show (see `_unregister`); and what the file says
        # of the disks VMs are given: the VM each name is given to, the line of the first one given by a
        # name the script does not state and the VMs given one so, by their names, in order (see
        # `_registered_disks`), and the disks VMs are given by name alone, with no blob (see `_disk_by_name`).
        self.registered: dict[str, Disk] = {}
        self.images: dict[tuple[str, str], Image] = {}
        self.unordered_registrations: set[tuple[str, str]] = set()
        self.disk_users: dict[str, str] = {}
        self.unnamed_disk_line: int | None = None
        self.unnamed_disk_users: dict[str, None] = {}
        self.disks_by_name: dict[Disk, None] = {}
        self.storage_types: dict[StorageAccountType, None] = {}  # the storage accounts the script creates
        # The call that creates each of those accounts, with what tells the name it passes and the calls that
        # lead to it each time it runs, as for a reserved IP (`reserved_made`); and the deletes of accounts
        # (see `_delete_storage_account`), taken to those once the script is all read (`_take_away_deleted`).
        self.accounts_made: dict[
            StorageAccountType, tuple[CallSite, object, list[tuple[CallSite, ...] | None]]
        ] = {}
        self.account_deletes: list[_Deletion] = []
        self.service_regions: dict[
            tuple[ServiceRegion | AffinityGroupRegion, str], ServiceRegion | AffinityGroupRegion
        ] = {}  # the regions of the services and affinity groups it creates
        # What the bodies it POSTs to create resources state of them (`request_bodies.CREATED`), once for
        # each client that sends them.
        self.created_by_bodies: dict[tuple[object, str], object] = {}
        self.service_certificates: dict[ServiceCertificate, None] = {}  # the services it uploads them to
        # The network security rules it PUTs, by group and rule names (see `_security_rule_body`).
        self.security_rules: dict[tuple[str, str], list[SecurityRule]] = {}
        # The network security groups the script creates by a body POSTed to the documented path (Create
        # Network Security Group), by name as names are compared, in the subscription of the client (`_here`).
        self.security_groups: dict[str, NetworkSecurityGroup] = {}
        # The groups Add Network Security Group to Subnet requests associate, by (network, subnet): the last
        # one sent to a subnet is the one it uses.
        self.subnet_groups: dict[tuple[str, str], NetworkSecurityGroup] = {}
        # The classic Application Gateways the script creates by a body of its own, by name as names are
        # compared (a later body of the same name describes the same gateway).
        self.application_gateways: dict[str, ApplicationGateway] = {}
        self.named_call_sites: dict[int, CallSite] = {}  # see `_call_site`
        # The functions read once with values the reader does not know whose migration steps have been
        # taken, by id(scope of the body): the number of each, in the order first met (see `_stage`).
        self.stages: dict[int, int] = {}
        # The requests that may connect or disconnect a gateway, by id(call node) (see `_GatewayLinks`).
        self.link_requests: dict[int, _LinkRequest] = {}
        # The requests that link a network to an ExpressRoute circuit or unlink it, each where it comes in
        # the order the script runs (see `_run_order`), with the link, or the network a removal that surely
        # runs unlinks ("" for one that may not run: it removes nothing). See `_circuit_links`.
        self.circuit_requests: list[tuple[_RunOrder, VnetGatewayFact | str]] = []
        # The requests that connect a network's gateway to a local network site, once each (see
        # `_gateway_connect`).
        self.gateway_connects: dict[VnetGatewayFact, None] = {}
        # The call site of each classic call, by where it is written (see `_first_run`).
        self.call_sites: dict[Mark, CallSite] = {}
        # The calls that move a classic ExpressRoute circuit to Resource Manager, by the call and where it
        # comes in the order the script runs (see `_circuit_move`).
        self.circuit_moves: dict[tuple[int, _RunOrder], tuple[_RunOrder, ClassicCall]] = {}
        # Its first upload of a network configuration through a client of its own whose content is not
        # followed (see `_client_request`), tagged as unread; empty when there is none.
        self.client_upload: tuple[Mark, ...] = ()
        # The subscriptions the script's classic clients are made for, by the ids it states, and where a call
        # goes through a client of another than the last one in the file, by the id and the place.
        self.subscriptions: dict[tuple[str, Mark], SubscriptionSelection] = {}
        # The cloud the script's clients and requests go to, where their host says which (`CloudInUse`).
        self.clouds: dict[tuple[str, Mark], CloudInUse] = {}
        # The id each name a client is made under is made for (`UNSTATED_SUBSCRIPTION` where the script does
        # not state one, or makes clients of two ids under that name), and the id of the last client made or
        # called.
        self.client_ids: dict[str, str] = {}
        self.client_in_force = ""
        # The id of the first subscription a client works in: what lives in a subscription (a cloud service,
        # its deployments) is keyed by the one of the client in force, "" for that first (see `_here`).
        self.first_client: str | None = None
        # While a call is read at one run of it (`_describe`), the subscription of the client it goes through
        # there (`_client_of_run`): a function given a client (`def deploy(sms)`, called as `deploy(prod)` and
        # `deploy(test)`) creates what it creates in the subscription of each; "" between calls.
        self.run_client = ""
        # The script's own urllib `Request` classes, by name (see `_sender`), worked out at the first call.
        self.request_classes: dict[str, _Sends] | None = None
        # The names the file's imports bind to the requests library and to its `Request`, once read (see
        # `_of_requests`).
        self.requests_names: _RequestsNames | None = None

    def flows(self) -> tuple[flow.Flow, ...]:
        """The readers of the script's values, each with its own budget (see `_with_values_not_followed`)."""
        return (self.flow, self.shapes, self.may_be_sent)

    def build(self) -> tuple[object, ...]:
        models: list[ClassicCall] = []  # the SDK's models the file builds
        uses_sdk = self.index.imports.found
        # Where the script makes its client at its top level (`sms = ServiceManagementService(...)`): the
        # file is shown there rather than at its first call, which may be in a helper written above it
        # (`def wait(id): return sms.get_operation_status(id)`). A client made in a function is one of
        # several a module may make (a test's, a tool's), and says less of the file than its first call.
        client: Mark | None = None
        for call in sorted([*self.index.calls, *self._service_subclasses_made()], key=lambda c: c.at):
            request = self._request(call)
            if request is not None:
                self._send(call, request)
                self._note_link_request(call, request)
                continue
            if self._client_request(call):
                continue
            name = self._classic_name(call) if uses_sdk else self._service_management_only(call)
            if name is None:
                self._circuit_move(call)
                continue
            if name == "perform_put":
                path = _argument(call.node, 0, ("path",))
                body = _argument(call.node, 1, ("body",))
                self.link_requests[id(call.node)] = _LinkRequest(
                    call, "PUT", body, functools.partial(self._shape, path), path
                )
            mark = self.source.call_mark(call.node)
            self.call_sites.setdefault(mark, call)
            if client is None and call.scope is self.index.module and name in flow.SERVICE_CLASSES:
                client = mark if mark.path == self.source.path else None
            if self._builds_model(call):
                models.append(ClassicCall(name, mark))
                continue
            service = self._queried_service(call) if name in automation.DEPLOYMENT_QUERIES else ""
            self.calls.append(ClassicCall(name, mark, runs=self._whether_it_runs(call), service=service))
            if name == "ServiceManagementService":
                self._client_subscription(call, mark)
            else:
                self._call_through_client(call, mark)
            self._sdk_changes(call, name, mark)
            self._describe(call, mark)
        self._written_paths()
        self._refused_after_delete()
        self._take_away_deleted()
        self._associate()
        self._power_states()
        if uses_sdk or self.calls:
            self._element_acls()
        out: list[object] = []
        # The models are the file's use of the SDK when it calls none of its services (a module that builds
        # OS disks and extensions for another to deploy); beside calls, they would only crowd them out.
        # A call written in a module whose function the script runs is that module's check's to report;
        # the steps it takes are the script's, shown at the module's command with the script's call.
        own = [call for call in self.calls if call.mark.path == self.source.path]
        calls = own or [model for model in models if model.mark.path == self.source.path]
        steps = self._placed_steps()
        moves = self._placed_circuit_moves()
        starts = self._runbook_starts()
        if calls or steps or moves or starts or self.unstated_url:
            # A runbook that only starts a child (which may be classic) is shown at its first start.
            shown = client or (
                self._first_run(calls)
                if calls
                else _first_step_or_move(steps, moves)
                if steps or moves
                else starts[0]
                if starts
                else replace(self.unstated_url[0], tag="")
            )
            script = Script(self.file, "Python", tuple(calls), steps, shown)
            out.append(
                replace(
                    script,
                    unread=self._called_by_unstated_names()
                    + self._xml_edits()
                    + self.client_upload
                    + self.undecided_url
                    + self.unstated_url
                    + starts,
                    changes=self._placed_changes(),
                    uploaded_files=tuple(self.uploaded_files),
                    posted_bodies=tuple(self.posted_bodies),
                    circuit_moves=moves,
                )
            )
        # Drafts told apart by values the file does not state (a method read once for each caller, each
        # passing a value of its own) may still describe one deployment, name and place alike: it is given
        # once, as neither the findings nor the plan could tell the copies apart (their steps would share an id).
        # Those made through the clients of two subscriptions are one in each (`Deployment.selected_in`).
        deployments: dict[tuple[Deployment, str], Deployment] = {}
        for draft in self.drafts.values():
            made = draft.deployment()
            deployments.setdefault((made, made.selected_in), made)
        out.extend(deployments.values())
        out.extend(self.bodies.values())
        out.extend(self.networks.values())
        out.extend(self._maybe_vips())
        out.extend(self._registered_disks())
        out.extend(self.disks_by_name)
        out.extend(self.images.values())
        out.extend(self.storage_types)
        out.extend(self.service_regions.values())
        out.extend(self.created_by_bodies.values())
        out.extend(self.subscriptions.values())
        out.extend(self.clouds.values())
        out.extend(self.service_certificates)
        out.extend(rule for rules in self.security_rules.values() for rule in rules)
        out.extend(self.security_groups.values())
        out.extend(self.subnet_groups.values())
        out.extend(self.application_gateways.values())
        if self.link_requests:
            out.extend(_GatewayLinks(self, self.link_requests).connections())
        out.extend(self._circuit_links())
        out.extend(self.gateway_connects)
        out.extend(self.named_after_delete.values())
        return tuple(out)

    def _xml_edits(self) -> tuple[Mark, ...]:
        """Where the script first changes an XML document by its methods (ElementTree's `SubElement`, the
        DOM's `createElement`, `setAttribute`, `appendChild`, `removeChild`), in a script that uploads a
        network configuration: the edits are not followed, so what they add to or take from the upload is
        unknown (see `XML_EDITS_NOT_FOLLOWED`). One mark for the script; none when it uploads none."""
        if not self.uploaded_files:
            return ()
        edits = (call for call in self.index.calls if (call.method or dotted(call.node.func)) in _XML_EDITS)
        first = min(edits, key=lambda call: call.at, default=None)
        return (replace(self.source.call_mark(first.node), tag=XML_EDITS_NOT_FOLLOWED),) if first else ()

    def _runbook_starts(self) -> tuple[Mark, ...]:
        """Where the script starts a runbook of an Automation account as a job through the Automation
        SDK (`automation_client.job.create(group, account, job_id, JobCreateParameters(runbook=…))`, as a
        Python runbook starts a child): the child is not followed, so what it creates is not checked
        with this script (see `RUNBOOK_NOT_FOLLOWED`)."""
        return tuple(
            replace(self.source.call_mark(call.node), tag=RUNBOOK_NOT_FOLLOWED)
            for call in self.index.calls
            if _starts_a_runbook(call)
        )

    def _called_by_unstated_names(self) -> tuple[Mark, ...]:
        """Where the script calls a method of a classic service by a name it does not state: which
        operation runs there is unknown (see `python_dispatch`)."""
        return tuple(
            replace(self.source.mark(dispatch), tag=CALLED_BY_UNSTATED_NAME)
            for dispatch in self.by_name
            if flow.dotted(dispatch.args[0]) in self.index.services
        )

    def _note_link_request(self, call: CallSite, request: _Request) -> None:
        """A request sent without the SDK that may connect or disconnect a gateway, kept for
        `_GatewayLinks`, its path read again at each site the walk reaches it at."""
        if automation.gateway_connection(request.verb, request.path) is None:
            return

        def path_at(site: flow.Site) -> str:
            return self._request_path(call, site) or request.path

        url = _argument(call.node, *self._sends(call).url)
        self.link_requests[id(call.node)] = _LinkRequest(call, request.verb, request.body, path_at, url)

    def _classic_name(self, call: CallSite) -> str | None:
        """The SDK's name for a call, or None when it is not one: a method, a service class or a model."""
        cls = self.index.imports.sdk_class(call.node.func) or self._service_subclass(call)
        if cls is not None or not call.method:
            return cls
        if call.method.startswith("_"):
            return None
        if call.method in flow.CLASSIC_METHODS or call.receiver in self.index.services:
            return None if self._runs_own_method(call) else call.method
        return None

    @functools.cached_property
    def _service_subclasses(self) -> dict[str, str]:
        """The classes the script defines at its top level, deriving from one of the SDK's services and
        keeping its `__init__` (`class CachedService(ServiceManagementService)` that overrides a method or
        two), by name, with that service's name: a call of one makes the SDK's service."""
        found: dict[str, str] = {}
        for statement in self.tree.body:
            if (
                not isinstance(statement, ast.ClassDef)
                or len(self.index.module.bindings[statement.name]) != 1
            ):
                continue
            bases = [self.index.imports.sdk_class(base) for base in statement.bases]
            service = next((base for base in bases if base in flow.SERVICE_CLASSES), None)
            own_init = any(isinstance(s, ast.FunctionDef) and s.name == "__init__" for s in statement.body)
            if service is not None and not own_init:
                found[statement.name] = service
        return found

    def _service_subclass(self, call: CallSite) -> str | None:
        """The SDK's service a call makes through a class the script derives from it (see
        `_service_subclasses`); None for any other call."""
        func = call.node.func
        if not isinstance(func, ast.Name) or func.id not in self._service_subclasses:
            return None
        module = self.index.module
        return (
            self._service_subclasses[func.id] if flow.lookup(func.id, call.scope, module) is module else None
        )

    def _service_subclasses_made(self) -> list[CallSite]:
        """The calls of the classes the script derives from the SDK's services (see `_service_subclasses`)."""
        named = self.index.named_calls
        return [site for name in self._service_subclasses for site in named.get(name, ())]

    def _service_management_only(self, call: CallSite) -> str | None:
        """In a file that does not import the SDK, the name of a call of a method only the SDK's service has
        (`SERVICE_MANAGEMENT_ONLY`); None for any other call, and for one of a method of the script's own
        of that name (`self.create_reserved_ip_address(...)` in a class that defines it)."""
        if call.method not in SERVICE_MANAGEMENT_ONLY:
            return None
        if call.receiver in ("self", "cls") and call.method in self._own_functions:
            return None
        return None if self._runs_own_method(call) else call.method

    def _runs_own_method(self, call: CallSite) -> bool:
        """Whether a call named like a method of the SDK runs a method the script writes itself (see
        `flow.Flow.method`) in place of the SDK's: `client.list_hosted_services()` after `client =
        rdfe_client(...)`, of a class the script defines with a method of that name, or an override in a
        class deriving from the SDK's service. What that method does is read in its body, where its own
        calls are. A method the class does not define (one of the SDK's service it derives from) is the
        SDK's; so is one that hands the call on to a method of that name on another object (`return
        self.sms.perform_put(self.path, ...)`): its call is read with the SDK's parameters, as the values
        its own call passes may reach the SDK's only through attributes the reader does not follow."""
        method = self.flow.method(call.node, call.scope)
        body = method.node if method is not None else self._imported_method(call)
        return body is not None and not _hands_on(body, call.method)

    def _imported_method(self, call: CallSite) -> ast.FunctionDef | None:
        """The method a call runs of a class the script imports from a module beside it (see
        `python_library.imported_class_methods`), on an instance a call of the class makes
        (`rdfe_client(...).list_hosted_services()`, or `client.list_hosted_services()` after `client =
        rdfe_client(...)`, the name bound there once, or `self.client.list_hosted_services()` after `self.
        client = rdfe_client(...)`, the attribute set there only: `flow.Flow.attribute_call`), where the class's name is bound by its import only
        and the script sets no attribute of the method's name. None for any other call."""
        func = call.node.func
        if not isinstance(func, ast.Attribute) or func.attr in self.index.attribute_stores:
            return None
        made: ast.expr | None = func.value
        scope: flow.Scope | None = call.scope
        if isinstance(
            made, ast.Attribute
        ):  # `self.client.list_hosted_services()`: what the script sets it to
            stored = self.flow.attribute_call(made, call.scope)
            made, scope = (stored.value, stored.scope) if stored is not None else (None, None)
        elif isinstance(made, ast.Name):
            scope = flow.lookup(made.id, call.scope, self.index.module)
            bindings = scope.bindings[made.id] if scope is not None else []
            made = bindings[0].value if len(bindings) == 1 else None
        if scope is None or not isinstance(made, ast.Call) or not isinstance(made.func, ast.Name):
            return None
        name, module = made.func.id, self.index.module
        methods = self._imported_classes.get(name)
        if (
            methods is None
            or flow.lookup(name, scope, module) is not module
            or len(module.bindings[name]) != 1
        ):
            return None
        return methods.get(func.attr)

    @functools.cached_property
    def _imported_classes(self) -> dict[str, dict[str, ast.FunctionDef]]:
        return imported_class_methods(self.tree)

    @functools.cached_property
    def _own_functions(self) -> frozenset[str]:
        """The names of the functions and methods the script defines, worked out once for the file."""
        return frozenset(
            node.name
            for node in ast.walk(self.tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        )

    def _builds_model(self, call: CallSite) -> bool:
        cls = self.index.imports.sdk_class(call.node.func) or self._service_subclass(call)
        return cls is not None and cls not in flow.SERVICE_CLASSES

    def _describe(self, call: CallSite, mark: Mark) -> None:
        params = SIGNATURES.get(call.method)
        if params is None:
            return
        readings = self._bindings(call, params)
        if not self.index.imports.found:
            # A call taken by its method's name alone (`_service_management_only`), on an object the reader
            # does not know is the SDK's: what it creates only from values the file writes out.
            readings = [(site, bounds) for site, bounds in readings if all(map(_plain, bounds))]
        # A call the SDK refuses raises before its request: it creates and changes nothing.
        readings = [(site, bounds) for site, bounds in readings if not self.flow.refused(call.node, site)]
        in_force = self.client_in_force
        for turn, (site, bounds) in enumerate(readings, 1):
            self.turn = turn if len(readings) > 1 else 0
            self.read_once_in = self._read_once_in(call, site)
            # What the run creates is keyed by its client's subscription (`_here`) and placed in it.
            self.client_in_force = self.run_client = self._client_of_run(call, site, in_force)
            if call.method in _VM_CALLS:
                self._vm(call, bounds, site, mark)
            elif call.method in PACKAGE_EVIDENCE:  # one deployment of each service the paths name
                for bound in bounds:
                    self._describe_bound(call, bound, mark, site)
            else:
                self._describe_bound(call, bounds[0], mark, site)
        self.turn = 0
        self.read_once_in = ""
        self.client_in_force, self.run_client = in_force, ""
        self.path_of_bound.clear()

    def _read_once_in(self, call: CallSite, site: flow.Site) -> str:
        """The function of the module a call is read in once, with values the reader does not know (one no
        call of the module runs): what it describes so is marked with its name, so that it is left out
        where a script that imports the function runs it at its calls (`Deployment.read_once_in`)."""
        if call.scope is self.index.module:
            return ""
        levels = self._walk(call, site)
        outer = levels[0].scope if levels else None
        if outer is None or outer.kind != "function" or outer.function is None:
            return ""
        return outer.function.node.name

    def _bindings(self, call: CallSite, params: tuple[str, ...]) -> list[tuple[flow.Site, list[Bound]]]:
        """The call's arguments once for each time it runs that the reader tells apart, with the site they
        are read at: each call of the function it is in and each turn of the loops around it (`_runs`), so
        that each VM or reserved IP they create is one of its own; else, or when one of them does not name
        the deployment it describes (each would be a deployment of its own no rule could tell from the
        others), once as the call is written. Each reading holds the arguments on each path the script may
        take to the call (`_alternatives`). None when the arguments do not fit the SDK's signature (a
        method of the script's own with the same name), or when the call never runs (a loop around it
        goes over no items, the calls of its function are all in code that never runs)."""
        sites = self._runs(call) if call.method in _BY_TURN else [flow.site_of(call)]
        if not sites:
            return []
        if sites[0].frame is not None:
            readings = [(site, self._alternatives(call, params, site)) for site in sites]
            if all(bounds and _names_deployment(call.method, bounds[0]) for _, bounds in readings):
                return readings
            if self._one_unnamed_deployment(call, readings) or self._each_call_told(call, readings):
                return readings
        site = flow.site_of(call)
        bounds = self._alternatives(call, params, site)
        return [(site, bounds)] if bounds else []

    def _one_unnamed_deployment(self, call: CallSite, readings: list[tuple[flow.Site, list[Bound]]]) -> bool:
        """Whether a VM call read at several turns of a loop adds each turn's VM to one deployment the script
        does not name but passes the same value for at every turn (`for i in range(2, 9): add_role(
        service_name=serv_name, deployment_name=dep_name, role_name=name + str(i), ...)`): one deployment of
        that many VMs, as `_same_deployment` joins it, not one of its own for each turn."""
        if call.method not in _VM_CALLS or any(
            site.frame is None or site.frame.called for site, _ in readings
        ):
            return False
        keys = set()
        for site, bounds in readings:
            v = bounds[0].values if bounds else {}
            if not {"service_name", "deployment_name"} <= v.keys():
                return False
            keys.add(self._same_deployment(call, v["service_name"], v["deployment_name"], site))
        return len(keys) == 1 and None not in keys

    def _each_call_told(self, call: CallSite, readings: list[tuple[flow.Site, list[Bound]]]) -> bool:
        """Whether a call read once for each call of the function it is in names, at each, the deployment
        it describes, by what the script states or by a value the caller passes that it does not state but
        tells from others (`Unknown.ident`): `add(sys.argv[1], 'vm2')` adds VM 'vm2' to the deployment that
        `deploy(sys.argv[1])` creates, and the name it states stays its own, where read as written it would
        be a stand-in. So is one that two calls or more read alike, no caller passing it (`name = sys.argv[1]`
        at module level, read in the function): each describes that one deployment, as where the script
        states it. A value the call does not tell (`input()` passed as it is) reads it as written."""
        untold: set[object] = set()
        for site, bounds in readings:
            if site.frame is None or not site.frame.called or not bounds:
                return False
            if _names_deployment(call.method, bounds[0]):
                continue
            values = bounds[0].values
            service = values.get("service_name")
            name = values.get("name" if call.method == "create_deployment" else "deployment_name")
            key = self._same_deployment(call, service, name, site) if service and name else None
            if key is None:
                return False
            if not all(_stated_or_carried(value) for value in (service, name)):
                untold.add(key)
        return not untold or (len(untold) == 1 and len(readings) > 1)

    def _runs(self, call: CallSite) -> list[flow.Site]:
        """The sites a call runs at: in one of the script's functions, one for each call of the function
        (`Flow.callers`), with the turns of the loops around the call in it (`Flow.turns`). As the call is
        written, with those turns, when the reader does not know every call of the function, past
        MAX_TURNS, and when a call leaves open whether it runs (an `if` on a value the caller does not
        state): a VM created on each branch under the name the caller passes would be read as one VM
        (`_Draft.add`), where read as written each branch's stays a VM of its own that rules compare. A
        region (`_REGION_CALLS`) is read at each call all the same: it is the one the caller gives, if the
        call runs."""
        callers = self.flow.callers(call) if call.scope is not self.index.module else []
        if not any(site.frame is not None for site in callers):
            return self.flow.turns(call) if callers or call.scope is self.index.module else []
        if call.method not in _REGION_CALLS and any(self.flow.runs(site) is None for site in callers):
            return self.flow.turns(call)
        sites: list[flow.Site] = []
        for caller in callers:
            sites.extend(self.flow.turns(call, caller))
            if len(sites) > flow.MAX_TURNS:
                return self.flow.turns(call)
        return sites

    def _alternatives(self, call: CallSite, params: tuple[str, ...], site: flow.Site) -> list[Bound]:
        """A call's arguments, read at `site`: for a VM, once on each path the script may take to the call
        that they differ on (`Flow.alternatives`), as long as each path names the same VM; else once, with
        what differs by path unknown. A path on which the tests around the call decide it does not run is
        no path to it (`vnet = arg if arg else None`, then the call under `if vnet:` is never given
        None). Empty when they do not fit the SDK's signature."""
        if call.method in _VM_CALLS:
            found = self.flow.alternatives(
                site,
                lambda at: (self.flow.bind(call.node, params, at), self.flow.runs_on_path(at) is not False),
            )
            bounds = [bound for bound, _ in found if bound is not None]
            if len(bounds) == len(found) and len({_vm_names(bound) for bound in bounds}) == 1:
                reached = [bound for bound, runs in found if runs and bound is not None]
                return reached or bounds
        if call.method in PACKAGE_EVIDENCE:
            services = self._services_by_path(call, params, site)
            if services:
                return services
        bound = self.flow.bind(call.node, params, site)
        return [bound] if bound is not None else []

    def _services_by_path(self, call: CallSite, params: tuple[str, ...], site: flow.Site) -> list[Bound]:
        """A package deployment's arguments on each path to the call, when the paths name two cloud services
        or more, each stated (`service = 'a'` in one branch, `'b'` in another, None before): one deployment
        of each, as a call on each path would make; [] where they name one, or one not stated."""
        found = self.flow.alternatives(
            site,
            lambda at: (self.flow.bind(call.node, params, at), self.flow.runs_on_path(at) is not False, at),
        )
        # A path that gives None calls the SDK with no service, which it refuses: no deployment there.
        paths = [
            (bound, at)
            for bound, runs, at in found
            if runs and bound is not None and not isinstance(bound.values.get("service_name"), NoneV)
        ]
        names = [(literal(bound.values.get("service_name")) or "").strip() for bound, _ in paths]
        if len(paths) < 2 or not all(names) or len({name.casefold() for name in names}) < 2:
            return []
        by_name = {name.casefold(): path for name, path in zip(names, paths, strict=True)}
        self.path_of_bound.update((id(bound), at) for bound, at in by_name.values())
        return [bound for bound, _ in by_name.values()]

    def _describe_bound(self, call: CallSite, bound: Bound, mark: Mark, site: flow.Site) -> None:
        if call.method in PACKAGE_EVIDENCE:
            self._package(call, bound, mark, site)
        elif call.method == "create_reserved_ip_address":
            self._reserved_ip(call, bound, mark, site)
        elif call.method == "delete_reserved_ip_address":
            self._delete_reserved_ip(call, bound, site)
        elif call.method in _OPERATION_WAITS:
            self._operation_waited(call, bound, site)
        elif call.method in ("associate_reserved_ip_address", "disassociate_reserved_ip_address"):
            disassociates = call.method == "disassociate_reserved_ip_address"
            self.associations.append((call, bound, mark, site, disassociates))
        elif call.method in _POWER_CALLS:
            self.power.append((call, bound, mark, site))
        elif call.method in ("add_data_disk", "update_data_disk"):
            self._data_disk(call, bound, mark, site)
        elif call.method == "delete_data_disk":
            self._detach(call, bound, mark)
        elif call.method in ("delete_role", "delete_deployment", "delete_hosted_service"):
            self._delete(call, bound, site)
        elif call.method == "create_storage_account":
            self._storage_account(call, bound, mark, site)
        elif call.method == "delete_storage_account":
            self._delete_storage_account(call, bound, site)
        elif call.method == "create_hosted_service":
            self._service_region(call, site, mark)
        elif call.method == "create_affinity_group":
            self._affinity_group_region(call, site, mark)
        elif call.method == "add_service_certificate":
            self._service_certificate(bound, mark)
        elif call.method in _REGISTRATIONS:
            self._registration(call, bound, mark, site)
            if _deletes_the_vm_captured(call.method, bound.values):
                self._delete(call, bound, site)
        elif call.method in _UNREGISTRATIONS:
            self._unregister(call, bound)
        elif call.method in ("perform_put", "perform_post"):
            verb = "PUT" if call.method == "perform_put" else "POST"
            path_node = _argument(call.node, 0, ("path",))
            sites = self.flow.callers(call)
            shaped = self._shaped_callers(call, sites)
            in_force, run_client = self.client_in_force, self.run_client
            for turn, site in enumerate(sites, 1):
                self.turn = turn if len(sites) > 1 else 0
                # What the body makes is of the subscription of the client it is sent through at this run.
                self.client_in_force = self.run_client = self._client_of_run(call, site, in_force)
                path = self._shape(path_node, shaped[turn - 1])
                if verb == "POST":
                    self._migration_steps(
                        call, shaped[turn - 1], path, lambda at: self._shape(path_node, at), mark, path_node
                    )
                body_node = _argument(call.node, 1, ("body",))
                body = self.flow.value(body_node, site) if body_node is not None else None
                looped = self._looped_over(call, self.flow.value(path_node, site), site) if path_node else ""
                body = self._templated(body_node, body, site)
                self._rest_body(
                    call, path, body, verb, mark, site, looped, self._same_path(call, path_node, site)
                )
                if verb == "PUT":
                    self._record_element_send(call, body_node, path)
            self.client_in_force, self.run_client = in_force, run_client
            self.turn = 0
            self._sent_changes(call, lambda at: self._shape(path_node, at), verb, mark)
            self._circuit_request(call, verb, lambda at: self._shape(path_node, at), path_node)
            body_node = _argument(call.node, 1, ("body",))
            self._gateway_connect(call, verb, lambda at: self._shape(path_node, at), path_node, body_node)
        elif call.method == "perform_delete":
            path_node = _argument(call.node, 0, ("path",))
            self._sent_changes(call, lambda at: self._shape(path_node, at), "DELETE", mark)
            self._request_delete(call, "DELETE", lambda at: self._shape(path_node, at), mark)
            self._circuit_request(call, "DELETE", lambda at: self._shape(path_node, at), path_node)

    # --- requests the script sends to the API itself -------------------------------------------------

    def _request(self, call: CallSite) -> _Request | None:
        """The request a call sends to the Service Management API (`requests.put(url, data=body)`,
        `urlopen(Request(url, body))`, `conn.request('PUT', path, body)` on a connection to its host);
        None for any other call, and for a URL that is not certainly on that host."""
        name = flow.callee(call.node.func)
        sends = self._sender(call)
        if sends is None:
            return None
        site = flow.site_of(call)
        argument = _argument(call.node, *sends.url)
        url = self._shape(argument, site)
        found = automation.management_url(url)
        if found is None and isinstance(argument, ast.Name) and argument.id in call.scope.params:
            site, found = self._passed_url(call, argument, site)
        if found is None and name == "request":
            host = self._connection_host(call.receiver)
            found = (host, url) if host is not None else None  # a path on a connection to the host
        decided = found is not None
        if found is None and argument is not None:
            may_be = self.may_be_sent.value(argument, site)
            found = automation.management_url(may_be.text) if isinstance(may_be, Lit) else None
        if found is None and name == "request":
            host = self._connection_host(call.receiver, self.may_be_sent)
            found = (host, url) if host is not None else None
        tag = (
            self._undecided_tag(call, sends, argument, url, site) or self._undecided_connection_tag(call, url)
            if found is None and not self.unstated_url and not self._made_request(call, argument, site)
            else None
        )
        if (
            tag is not None and self._whether_it_runs(call) != NEVER_RUNS
        ):  # code that cannot run sends nothing
            self.unstated_url = (replace(self.source.call_mark(call.node), tag=tag),)
        if found is None:
            return None
        self._note_url(argument, site)
        body = _argument(call.node, *sends.body) if sends.body else None
        if isinstance(body, ast.Constant) and body.value is None:
            body = None
        return _Request(self._verb(call, name, sends, body, site), *found, body, decided)

    def _undecided_tag(
        self, call: CallSite, sends: _Sends, url: ast.expr | None, shape: str, site: flow.Site
    ) -> str | None:
        """The tag of a request to a URL the script does not state (`requests.post(sys.argv[1], ...)`) that
        may be one to the Service Management API, with the one cause that makes it so, as the shell reader
        tells a curl's: it authenticates with a (management) certificate (`cert=`) in a script that names the
        API, the names that hold its URL name the API (`MGMT_URL`), or it sends a classic REST body from a
        file checked with the script (`data=open('body.xml')`). None for one whose stated host or path is
        none of the API's (`f"{base}/v1/auth/cert/login"`, `automation.may_be_api_path`)."""
        if url is None or HOLE not in shape or automation.states_host(shape):
            return None
        if not automation.may_be_api_path(shape):
            return None
        certificate = next((keyword.value for keyword in call.node.keywords if keyword.arg == "cert"), None)
        if certificate is not None and self.names_the_api:
            return request_url_undecided(SENDS_CERTIFICATE, _certificate_named(certificate))
        holder = self._api_holder(url, site, [_FOLLOWED_NAMES])
        if holder is not None:
            return request_url_undecided(URL_NAMES_THE_API, holder)
        body = _argument(call.node, *sends.body) if sends.body else None
        file = _classic_body_file(body) if body is not None else None
        return request_url_undecided(SENDS_CLASSIC_BODY, file) if file is not None else None

    def _undecided_connection_tag(self, call: CallSite, path: str) -> str | None:
        """The tag of a request sent on a connection (`conn.request('DELETE', '/sub/services/...')`) opened to
        a host the script does not state (`HTTPSConnection(MGMT_HOST)`, `MGMT_HOST = sys.argv[2]`) that may
        be the API's, with its cause, as `_undecided_tag` tells one to a URL not stated: the names that hold
        the host name the API, or the connection sends a certificate (`cert_file=`) in a script that names
        the API. None for a call that is no connection's request, or whose stated path is none of the API's."""
        if flow.callee(call.node.func) != "request" or not automation.may_be_api_path(HOLE + path):
            return None
        for connection in self.index.connections.get(call.receiver, []):
            site = flow.site_of(connection)
            host = _argument(connection.node, 0, ("host",))
            shape = self.shapes.value(host, site) if host is not None else None
            if host is None or (isinstance(shape, Lit) and HOLE not in shape.text):
                continue  # a host the script states: the API's is read as such, any other is not the API
            holder = self._api_holder(host, site, [_FOLLOWED_NAMES])
            if holder is not None:
                return request_url_undecided(URL_NAMES_THE_API, holder)
            certificate = next((k.value for k in connection.node.keywords if k.arg == "cert_file"), None)
            if certificate is not None and self.names_the_api:
                return request_url_undecided(SENDS_CERTIFICATE, _certificate_named(certificate))
        return None

    def _api_holder(self, url: ast.expr, site: flow.Site, left: list[int]) -> str | None:
        """The name that names the Service Management API among what holds a URL the script does not state:
        first that of a value it was built from (`MGMT_URL` of `MGMT_URL = sys.argv[2]; url = MGMT_URL +
        '/services'; requests.delete(url)`), then its own (`_api_name`); None where none does. `left`: how many
        more names to follow to what they were bound to, shared by the whole search, so that it stays short
        however the names are built of one another."""
        for node in ast.walk(url):
            if not isinstance(node, ast.Name) or left[0] <= 0:
                continue
            left[0] -= 1
            bound = self.shapes.bound(node, site)
            inner = self._api_holder(*bound, left) if bound is not None else None
            if inner is not None:
                return inner
        return _api_name(url)

    def _sender(self, call: CallSite) -> _Sends | None:
        """Where the function a call sends a request by takes its parts: an HTTP library's (`_HTTP_CALLS`),
        or a urllib `Request` of the script's own class (see `_request_class`); None for any other call."""
        name = flow.callee(call.node.func)
        if name == "Request" and self._of_requests(call.node.func):
            return _REQUESTS_REQUEST
        sends = _HTTP_CALLS.get(name)
        if sends is not None or not isinstance(call.node.func, ast.Name):
            return sends
        if self.request_classes is None:
            module = self.index.module
            self.request_classes = {
                node.name: sends
                for node, body in self.index.class_statements
                if module.classes.get(node.name) is body and (sends := _request_class(node)) is not None
            }
        if name not in self.request_classes or flow.lookup(name, call.scope, self.index.module) is not (
            self.index.module
        ):
            return None
        return self.request_classes[name]

    def _made_request(self, call: CallSite, url: ast.expr | None, site: flow.Site) -> bool:
        """Whether what a call sends is a urllib `Request` the script makes (`urlopen(req)` of `req =
        RequestWithMethod('GET', 'https://%s/...' % (HOST, ...))`, `urlopen(Request(url))`): that request is
        read where it is made, by its own URL, not as one to a URL the script does not state."""
        made = url
        if isinstance(url, ast.Name):
            found = self.flow.binding_seen(url.id, site)
            made = found[1].value if found is not None else None
        if not isinstance(made, ast.Call):
            return False
        sends = self._sender(replace(call, node=made, method="", receiver=""))  # fills `request_classes`
        return sends is not None and sends in (_HTTP_CALLS["Request"], *(self.request_classes or {}).values())

    def _of_requests(self, func: ast.expr) -> bool:
        """Whether a `Request` called is the requests library's (`requests.Request('DELETE', url)`, `r.Request`
        after `import requests as r`, or the name a `from requests import Request` binds, in a function too),
        which takes its method first, where urllib's takes its URL first."""
        if self.requests_names is None:
            self.requests_names = _requests_names(self.tree)
        if isinstance(func, ast.Attribute):
            return isinstance(func.value, ast.Name) and func.value.id in self.requests_names.modules
        return isinstance(func, ast.Name) and func.id in self.requests_names.requests

    def _sends(self, call: CallSite) -> _Sends:
        """Where a call `_request` found a request in takes its parts."""
        sends = self._sender(call)
        assert sends is not None
        return sends

    def _note_url(self, url: ast.expr | None, site: flow.Site) -> None:
        """Notes the expressions that build a request's URL (`f"{BASE}/services/.../{KEY}/vnets/{vnet}"`,
        whether passed itself or by a variable given it), so that the request path the script writes in it
        is not listed again as a request of its own, with the pieces the request fills in left unstated
        (see `_written_paths`)."""
        built = self.shapes.value(url, site) if url is not None else None
        if isinstance(built, Lit) and built.node is not None and id(built.node) not in self.sent_url_nodes:
            self.sent_url_nodes.update(id(node) for node in ast.walk(built.node))

    def _passed_url(
        self, call: CallSite, url: ast.Name, site: flow.Site
    ) -> tuple[flow.Site, tuple[str, str] | None]:
        """The first call of the request's function that passes it a URL on the API's host, as a name it
        sends to (`def send(url, verb, body): ... req.Open(verb, url)`, called `send(base + "/services/disks",
        "POST", xml)`), with the URL's host and path; `site` and None when no call does."""
        for caller in self.shapes.callers(call):
            found = automation.management_url(self._shape(url, caller))
            if found is not None:
                return caller, found
        return site, None

    def _client_request(self, call: CallSite) -> bool:
        """A method of a client of the script's own (another module's, not followed) given a request path
        written without the API's host: the subscription's affinity groups (`client.execute("POST",
        "affinityGroups", body)`), listed among its classic calls; or Set Network Configuration's, with
        "PUT" (`client.execute("PUT", "services/networking/media", NETCFG)`), an upload of the network
        configuration it is given, read as a PUT of it to the API is (see `_rest_body`), or said unread
        where its content is not followed."""
        if not call.method or call.method in _HTTP_CALLS or call.method in flow.CLASSIC_METHODS:
            return False  # an HTTP library's, or the SDK's (`perform_put`), read as such
        given = [*call.node.args, *(keyword.value for keyword in call.node.keywords)]
        texts = [arg.value for arg in given if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
        groups = next((text for text in texts if _names_affinity_groups(text)), None)
        if groups is not None:
            name = automation.path_request_name(f"/{HOLE}/{groups.strip('/')}")
            self.calls.append(ClassicCall(name, self.source.call_mark(call.node)))
            self._client_bodies(call, given, "CreateAffinityGroup", "affinityGroups", "POST")
            return True
        paths = [path for text in texts if (path := automation.written_request_path(text)) is not None]
        uploads = any(
            text.strip().casefold() == "put" for text in texts
        ) or call.method.casefold().startswith("put")
        path = next((p for p in paths if automation.changed_by_request("PUT", p) == _EVERY_NETWORK), None)
        if path is None or not uploads:
            return False
        mark = self.source.call_mark(call.node)
        self.call_sites.setdefault(mark, call)
        read = self._client_bodies(call, given, "NetworkConfiguration", path, "PUT")
        if not read and not self.client_upload:
            self.client_upload = (replace(mark, tag=CLIENT_UPLOAD_NOT_FOLLOWED),)
        return False  # its path is listed where written (see `_written_paths`)

    def _client_bodies(self, call: CallSite, given: list[ast.expr], root: str, path: str, verb: str) -> bool:
        """The documents whose root is `root` that a client's method is given (see `_client_request`), each
        read as a body sent to `path` with `verb` (see `_rest_body`); whether there was one."""
        mark = self.source.call_mark(call.node)
        bodies = [arg for arg in given if not isinstance(arg, ast.Constant) or isinstance(arg.value, str)]
        read = False
        for site in self.flow.callers(call):
            for body in bodies:
                value = self._templated(body, self.flow.value(body, site), site)
                if isinstance(value, Lit) and _is_document(value.text, root):
                    self._rest_body(call, path, value, verb, mark, site)
                    read = True
        return read

    def _verb(self, call: CallSite, name: str, sends: _Sends, body: ast.expr | None, site: flow.Site) -> str:
        """The HTTP method of a request: the function's name (`requests.put`), the method it is passed
        (`request('PUT', ...)`), or for urllib, POST with a body and GET without; the function's name
        when the script passes a method it does not state."""
        if sends.method:
            return sends.method
        passed = _argument(call.node, *sends.verb) if sends.verb is not None else None
        if passed is None and sends.body_makes_post:
            return "POST" if body is not None else "GET"
        if passed is None:
            return name.upper() if sends.verb is None else name
        stated = literal(self.flow.value(passed, site))
        return stated.upper() if stated else name

    def _connection_host(self, receiver: str, reader: flow.Flow | None = None) -> str | None:
        """The API host the name a request is sent on holds a connection to, when every connection the
        script opens under that name (`self.conn = HTTPSConnection('management.core.windows.net')`) is to
        that host; read by `reader` (`may_be_sent`: a host an attribute may hold, `self.conn =
        HTTPSConnection(self.host)` of a class whose body binds `host = ''`). Worked out once for each name
        and reader, however many requests are sent on it."""
        reader = reader or self.shapes
        key = (receiver, reader is self.shapes)
        if key not in self.connection_hosts:
            hosts = {self._host(site, reader) for site in self.index.connections.get(receiver, [])}
            self.connection_hosts[key] = hosts.pop() if len(hosts) == 1 else None
        return self.connection_hosts[key]

    def _host(self, connection: CallSite, reader: flow.Flow) -> str | None:
        argument = _argument(connection.node, 0, ("host",))
        host = reader.value(argument, flow.site_of(connection)) if argument is not None else None
        return automation.management_host(host.text) if isinstance(host, Lit) else None

    def _send(self, call: CallSite, request: _Request) -> None:
        mark = self.source.call_mark(call.node)
        self._cloud_at(request.host, mark)
        self.call_sites.setdefault(mark, call)
        self.calls.append(ClassicCall(request.name, mark))
        if not request.decided:  # what its path names is not known: nothing is read of it but its use
            # One mark for the script, as the same attribute is its likely cause; none for code that
            # cannot run, which sends nothing.
            if not self.undecided_url and self._whether_it_runs(call) != NEVER_RUNS:
                self.undecided_url = (replace(mark, tag=REQUEST_ATTRIBUTE_UNDECIDED),)
            return
        if request.verb == "POST":
            self._request_steps(call, request, mark)
        self._request_changes(call, request, mark)
        self._request_delete(
            call, request.verb, lambda at: self._request_path(call, at) or request.path, mark
        )
        url = _argument(call.node, *self._sends(call).url)
        self._circuit_request(
            call, request.verb, lambda at: self._request_path(call, at) or request.path, url
        )
        self._gateway_connect(
            call, request.verb, lambda at: self._request_path(call, at) or request.path, url, request.body
        )
        if request.body is None and request.verb == "POST":
            for site in self.flow.callers(call):
                self._swap_request(request.verb, self._request_path(call, site) or request.path, mark)
        if request.body is None or request.verb not in ("PUT", "POST"):
            return
        sites = self.flow.callers(call)
        for turn, site in enumerate(sites, 1):
            self.turn = turn if len(sites) > 1 else 0
            path = self._request_path(call, site) or request.path
            body = self._templated(request.body, self.flow.value(request.body, site), site)
            looped = self._looped_over(call, self.flow.value(url, site), site) if url is not None else ""
            self._rest_body(
                call, path, body, request.verb, mark, site, looped, self._same_path(call, url, site)
            )
            if request.verb == "PUT":
                self._record_element_send(call, request.body, path)
        self.turn = 0

    # --- changes to what a Prepare locks ----------------------------------------------------------------

    def _sdk_changes(self, call: CallSite, name: str, mark: Mark) -> None:
        """An SDK method that changes a cloud service or storage account (`_SDK_CHANGES`), at each site it
        runs at: what its `service_name` (and for a new VM deployment, its `virtual_network_name`) states
        there."""
        changes = _SDK_CHANGES.get(name)
        if changes is None:
            return
        for site in self._change_sites(call):
            changed = []
            for scope, position, param in changes:
                argument = _argument(call.node, position, (param,))
                stated = literal(self.flow.value(argument, site)) if argument is not None else None
                if stated and stated.strip():
                    changed.append((scope, stated.strip()))
            self._change_at(call, site, ClassicCall(name, mark, tuple(changed)))

    def _request_changes(self, call: CallSite, request: _Request, mark: Mark) -> None:
        """A request sent without the SDK that changes what its path names (see
        `automation.changed_by_request`), its path read at each site it runs at."""
        for site in self._change_sites(call):
            path = self._request_path(call, site) or request.path
            changed = automation.changed_by_request(request.verb, path)
            if changed is not None:
                self._change_at(call, site, ClassicCall(request.name, mark, (changed,)))

    def _sent_changes(
        self, call: CallSite, path_at: Callable[[flow.Site], str], verb: str, mark: Mark
    ) -> None:
        """What a request the SDK sends as written (perform_put, perform_post, perform_delete) changes, as
        for a request of the script's own (see `_request_changes`): its path read at each site it runs at. A
        DELETE is named as that request (`DELETE management.core.<...>/<subscription-id>/services/
        hostedservices/websvc`), which says what it deletes (`automation.deleted_by`), the SDK's method not."""
        for site in self._change_sites(call):
            path = path_at(site)
            changed = automation.changed_by_request(verb, path)
            if changed is None:
                continue
            name = automation.request_name(verb, automation.UNSTATED_HOST, path) if verb == "DELETE" else ""
            named = name if name and automation.deleted_by(name) else call.method
            self._change_at(call, site, ClassicCall(named, mark, (changed,)))

    # --- ExpressRoute circuit links ---------------------------------------------------------------------

    def _circuit_request(
        self, call: CallSite, verb: str, path_at: Callable[[flow.Site], str], path_node: ast.expr | None
    ) -> None:
        """A request that links a virtual network to an ExpressRoute circuit or removes the link (see
        `automation.circuit_link`), as New- and Remove-AzureDedicatedCircuitLink do, its path read at each
        site it runs at: a link of a network the script states is a fact about its gateway; a removal that
        surely runs takes away the links the script made to that network before it (see `_circuit_links`)."""
        for site in self.flow.callers(call):
            for turn in self.flow.turns(call, site):
                found = automation.circuit_link(verb, path_at(turn))
                if found is None or HOLE in found[1] or not found[1].strip():
                    continue
                kind, network, service_key = found
                order = _run_order(turn, call.node)
                if kind == "unlink":
                    self.circuit_requests.append((order, network if self._surely_runs(call, turn) else ""))
                    continue
                mark = self.source.call_mark(call.node)
                link = VnetGatewayFact(
                    network,
                    EXPRESSROUTE,
                    automation.CIRCUIT_LINK_REQUEST,
                    mark,
                    service_key="" if HOLE in service_key else service_key,
                    vnet_mark=_segment_at(self.shapes, self.source, path_node, turn, network),
                )
                self.circuit_requests.append((order, link))

    def _gateway_connect(
        self,
        call: CallSite,
        verb: str,
        path_at: Callable[[flow.Site], str],
        path_node: ast.expr | None,
        body_node: ast.expr | None,
    ) -> None:
        """A request that connects a network's gateway to a local network site (an `UpdateConnection` body
        whose `Operation` is `Connect`, PUT to `.../services/networking/<network>/gateway/connection/
        <site>`), as Set-AzureVNetGateway -Connect does: a fact about the gateway of the network the path
        states, read at each site the request runs at, to the site the path states ("" where it does not:
        a loop's item, `sys.argv[1]`). A network the path does not state is none the reader can name."""
        mark = self.source.call_mark(call.node)
        for site in self.flow.callers(call):
            for turn in self.flow.turns(call, site):
                how, parts = automation.SHARED_KEY_REQUEST, automation.gateway_shared_key(verb, path_at(turn))
                if parts is None:
                    how, parts = (
                        automation.GATEWAY_CONNECT_REQUEST,
                        automation.gateway_connection(verb, path_at(turn)),
                    )
                    if parts is None or body_node is None:
                        continue
                    if _operation(self.shapes.value(body_node, turn)) != "connect":
                        continue
                network, local = (urllib.parse.unquote(part).strip() for part in parts)
                if not network or HOLE in network:
                    continue
                fact = VnetGatewayFact(
                    network,
                    VPN,
                    how,
                    mark,
                    "" if HOLE in local else local,
                    vnet_mark=_segment_at(self.shapes, self.source, path_node, turn, network),
                )
                self.gateway_connects.setdefault(fact)

    def _circuit_move(self, call: CallSite) -> None:
        """A call of azure-mgmt-network's `express_route_circuits.create_or_update` (or `begin_...`) given a
        circuit with a service key (`{'service_key': key}`, a `properties` dict with `serviceKey`, or a
        model built with `service_key=`): the classic circuit of that key moves to Resource Manager, as
        Move-AzExpressRouteCircuit does. Placed among the migration steps as a change is (MIG602 compares
        it with the steps of the networks linked to the circuit)."""
        if not _moves_circuit(call):
            return
        argument = _argument(call.node, 2, ("parameters",))
        mark = self.source.call_mark(call.node)
        for site in self._change_sites(call):
            service_key = _circuit_service_key(
                argument, self.flow.value(argument, site) if argument else None
            )
            if service_key is None:
                continue
            order, branches = self._placed(call, site)
            moved = ClassicCall(
                f"express_route_circuits.{call.method}",
                mark,
                (("expressroute-circuit", service_key),),
                branches=branches,
            )
            self.circuit_moves.setdefault((id(call.node), order), (order, moved))

    def _placed_circuit_moves(self) -> tuple[ClassicCall, ...]:
        """The circuit moves in the order the script runs them, each with how many migration steps run
        before it (as `_placed_changes`)."""
        orders = sorted(order for _, _, _, order in self.steps)
        placed = sorted(self.circuit_moves.values(), key=lambda found: found[0])
        return tuple(replace(call, after=bisect.bisect_left(orders, order)) for order, call in placed)

    def _circuit_links(self) -> list[VnetGatewayFact]:
        """The networks the script links to an ExpressRoute circuit and does not surely unlink after, in the
        order it runs (as the PowerShell reader keeps New-AzureDedicatedCircuitLink's), once each."""
        links: dict[str, list[VnetGatewayFact]] = {}
        for _, request in sorted(self.circuit_requests, key=lambda found: found[0]):
            if isinstance(request, VnetGatewayFact):
                links.setdefault(_key(request.vnet), []).append(request)
            elif request:
                links.pop(_key(request), None)
        return list(dict.fromkeys(link for found in links.values() for link in found))

    def _queried_service(self, call: CallSite) -> str:
        """The cloud service a query of a deployment names (`service_name`), where the script states it
        (at the first site it runs at that does): see `ClassicCall.service`."""
        argument = _argument(call.node, 0, ("service_name",))
        if argument is None:
            return ""
        for site in self._change_sites(call):
            stated = literal(self.flow.value(argument, site))
            if stated and stated.strip():
                return stated.strip()
        return ""

    def _change_sites(self, call: CallSite) -> list[flow.Site]:
        """The sites a changing call runs at that tell where it comes among the migration steps: each call
        of the function it is in and each turn of the loops around it over items the script writes out; in
        a function the reader does not know every call of, its own site, among the steps of that function's
        stage alone (see `_placed`)."""
        return [turn for caller in self.flow.callers(call) for turn in self.flow.turns(call, caller)]

    def _change_at(self, call: CallSite, site: flow.Site, change: ClassicCall) -> None:
        order, branches = self._placed(call, site)
        for changed in change.changes:
            at = (id(call.node), (changed[0], changed[1].casefold()), order)
            if at not in self.changes:
                self.changes[at] = (order, replace(change, changes=(changed,), branches=branches))

    def _placed_changes(self) -> tuple[ClassicCall, ...]:
        """The changing calls in the order the script runs them, each with how many migration steps run
        before it."""
        orders = sorted(order for _, _, _, order in self.steps)
        placed = sorted(self.changes.items(), key=lambda item: item[1][0])
        return tuple(
            replace(call, after=bisect.bisect_left(orders, order), uploaded=self._uploaded_at(at))
            for at, (order, call) in placed
        )

    def _uploaded_at(self, at: tuple[int, tuple[str, str], _RunOrder]) -> tuple[str, ...]:
        """What the network configuration upload of a change placed `at` uploads (`uploads_at`); () for
        another change."""
        uploads = at[1] == ("virtual-network", EVERY_NETWORK)
        return tuple(self.uploads_at.get(at[0], ())) if uploads else ()

    def _request_steps(self, call: CallSite, request: _Request, mark: Mark) -> None:
        """The migration steps a POST sent without the SDK runs, its path read at each call of the function
        it is in: none for a path written out in full to anything but a migration."""
        if HOLE not in request.path and "/migration" not in request.path.casefold():
            return

        def path_at(site: flow.Site) -> str:
            return self._request_path(call, site) or request.path

        sites = self.flow.callers(call)
        url = _argument(call.node, *self._sends(call).url)
        for site in self._shaped_callers(call, sites):
            self._migration_steps(call, site, path_at(site), path_at, mark, url)

    def _shaped_callers(self, call: CallSite, sites: list[flow.Site]) -> list[flow.Site]:
        """The sites of `call`'s function's calls as the shapes of text read them: a caller's argument
        built in part from what the script does not state (`"/{0}/services/...".format(SUB, name)`) keeps
        its known pieces, where the values' reading makes it unknown whole. The values' sites when the two
        do not pair up."""
        shaped = self.shapes.callers(call)
        return shaped if len(shaped) == len(sites) else sites

    def _request_path(self, call: CallSite, site: flow.Site) -> str | None:
        """The path a request is sent to, read at `site`: of a URL on the API's host, or a path on a
        connection to it; None when neither."""
        name = flow.callee(call.node.func)
        url = self._shape(_argument(call.node, *self._sends(call).url), site)
        found = automation.management_url(url)
        if found is not None:
            return found[1]
        return url if name == "request" and self._connection_host(call.receiver) is not None else None

    # --- migration requests ------------------------------------------------------------------------

    def _migration_steps(
        self,
        call: CallSite,
        site: flow.Site,
        path: str,
        path_at: Callable[[flow.Site], str],
        mark: Mark,
        path_node: ast.expr | None,
    ) -> None:
        """The migration steps a POST to `path`, read at `site` (a call of the function it is in, or its own
        site), runs. A migration path that the loops around the request fill in (`for vnet in ('front',
        'back'):`, `for step in ('Validate', 'Prepare')`) is read again at each of their turns in that
        call, by `path_at`: each turn runs a step, shown at the request (see `_placed_steps`). `path_node`:
        the expression the request's path is built by, where the name of what moves is shown."""
        chain = (*_calls_to(site), call.node)
        if HOLE in path and "/migration" in path.casefold():
            turns = self.flow.turns(call, site)
            if turns != [site]:  # loops over items the script writes out
                for turn in turns:
                    order, branches = self._placed(call, turn)
                    turn_path = path_at(turn)
                    named_at = self._named_in_path(path_node, turn, turn_path)
                    self._migration_step(turn_path, mark, chain, order, branches, call.node, named_at)
                return
        named_at = self._named_in_path(path_node, site, path)
        order, branches = self._placed(call, site)
        runs = "" if self._surely_runs(call, site) else MAYBE_RUNS
        self._migration_step(path, mark, chain, order, branches, named_at=named_at, runs=runs)

    def _named_in_path(self, node: ast.expr | None, site: flow.Site, path: str) -> Mark | None:
        """Where the script writes the name of what a migration path moves (`.../virtualnetwork/<name>/
        migration`): the string literal that holds it as a segment of the path (the path's own, or a value
        the path is built from: an argument a caller passes, a loop's item), among those that write the
        path (see `flow.written_lines`). None when no literal does, or the path names nothing."""
        found = automation.migration_step(path)
        return _segment_at(self.shapes, self.source, node, site, found[2] if found is not None else "")

    def _placed_steps(self) -> tuple[MigrationStep, ...]:
        """The migration steps in the order the script runs them (see `_run_order`): by the calls that lead
        to each, outermost first (`prepare('vnet')` before `commit('vnet')`, wherever the functions that
        send them are written), and the turns of the loops around them. Each is shown at its request, and
        with the call that runs it as context (`MigrationStep.called_at`), as PowerShell shows a function's
        steps: the outermost of those calls that leads to it alone (`run('prod-vnet', 'Commit')` of a `def
        run(name, step): sms.perform_post(...)`, whose request is one line for every step it runs, and not
        a `main()` that runs them all); when none does, the outermost that leads to the steps of one
        resource alone (`migrate('appstore')` of a function that loops over the steps); none for a request
        that the turns of a loop around it send each step with, or that no call of the script leads to."""
        paths = Counter(id(node) for chain, _, _, _ in self.steps for node in chain)
        moved: dict[int, set[tuple[str, str]]] = defaultdict(set)
        for chain, step, _, _ in self.steps:
            for node in chain:
                moved[id(node)].add((step.scope, step.target.strip().casefold()))
        placed = []
        for chain, step, looped, order in self.steps:
            alone = next((node for node in chain if paths[id(node)] == 1), None)
            request = chain[-1]
            caller = alone or _one_resource_call(chain, moved) or looped or chain[0]
            called_at = self.source.call_mark(caller) if caller is not request else None
            placed.append((order, replace(step, mark=self.source.call_mark(request), called_at=called_at)))
        return tuple(step for _, step in sorted(placed, key=lambda found: found[0]))

    def _migration_step(
        self,
        path: str,
        mark: Mark,
        chain: tuple[ast.Call, ...],
        order: _RunOrder,
        branches: tuple[tuple[str, int], ...],
        looped: ast.Call | None = None,
        named_at: Mark | None = None,
        runs: str = "",
    ) -> None:
        """A POST to a `.../migration?comp=<step>` path of the Service Management API runs a step of the
        platform migration, as the Move-Azure* cmdlets that send it do (MIG602 checks their order). The SDK
        has no method for it: scripts send it with `perform_post` or a request of their own. `branches`:
        those of the choices it is sent on (see `MigrationStep.branches`); `looped`: the request, when a turn
        of the loops around it sends this step; `named_at`: where the script writes the name of what moves."""
        found = automation.migration_step(path)
        if found is not None:
            step = MigrationStep(
                automation.MIGRATION_API, *found, mark, branches, target_mark=named_at, runs=runs
            )
            self.steps.append((chain, step, looped, order))

    def _templated(self, node: ast.expr | None, body: Value | None, site: flow.Site) -> Value | None:
        """A body as the script states it; else, when it fills in a template the script writes out
        (`ROLE_XML.format(port=port)`, `TEMPLATE % row`, `.replace('{port}', port)`) with values it does
        not state, the template with a stand-in for each of them (`UNSTATED`), so that the blockers
        written in the template are read. What a stand-in takes the place of is unknown (`_unstated`)."""
        inner = body
        while isinstance(inner, Encoded):
            inner = inner.inner
        if isinstance(inner, Lit) or node is None:
            return body
        shaped = self.shapes.value(node, site)
        while isinstance(shaped, Encoded):
            shaped = shaped.inner
        if not isinstance(shaped, Lit) or HOLE not in shaped.text or "<" not in shaped.text:
            return body
        return Lit(shaped.text.replace(HOLE, UNSTATED), shaped.node, flow.written_lines(shaped))

    def _shape(self, node: ast.expr | None, site: flow.Site) -> str:
        """The text an expression builds, a HOLE for each piece the script does not state."""
        found = self.shapes.value(node, site) if node is not None else None
        return found.text if isinstance(found, Lit) else HOLE

    # --- deployments ------------------------------------------------------------------------------

    def _draft(
        self,
        call: CallSite,
        service: Value,
        name: Value,
        slot: Value | None,
        mark: Mark,
        site: flow.Site | None = None,
        creates: bool = True,
    ) -> _Draft:
        """The deployment a call names: one per (service, deployment) when both are written as literals,
        else one for this call alone, unless the call is read at `site` and names it by values the script
        does not state that another call names one by too (see `_same_deployment`). A call that changes a VM
        (`creates` False) joins only others that change one: its VM, named by a value the script does not
        state either, may be one of those a creation makes, and joined it would count as another; among
        VMs that exist already, which the script does not list, there is no count to spoil."""
        deployment = literal(name) or self._name(name, "deployment", mark)
        key = self._same_deployment(call, service, name, site) if site is not None else None
        if key is not None and not creates:
            key = ("changes", key)
        if key is None:
            return self._service_passed(
                self._draft_named(call, literal(service), deployment, slot, mark), service
            )
        draft = self.drafts.get(key)
        if draft is None:  # shown by the stand-in of the first call that names it
            draft = _Draft(literal(service) or "", deployment, literal(slot) or "", mark, self.read_once_in)
            draft.selected_in = self.run_client
            self.drafts[key] = draft
            self.service_drafts.setdefault(self._here(literal(service) or ""), []).append(key)
        draft.unordered = draft.unordered or call.scope is not self.index.module
        return self._service_passed(draft, service)

    def _service_passed(self, draft: _Draft, service: Value) -> _Draft:
        """The draft, its service's stand-in set where the first call that names it by a value the script
        does not state passes that value (`service_name=svc`), not where it passes the deployment's name,
        when that is not stated either (a stated one names the service: `<cloud service of deployment
        myvm, deploy.py:8>`)."""
        unstated = not draft.service and is_stand_in(draft.name) and service.node is not None
        if unstated and not draft.service_stand_in:
            draft.service_stand_in = self._name(service, "cloud service", draft.mark)
        return draft

    def _same_deployment(self, call: CallSite, service: Value, name: Value, site: flow.Site) -> object | None:
        """The key of the deployment a call names when the script does not state its service or its name
        but passes the same value for each as another call (`Flow.same_value`: the same parameter, the same
        `cfg['name']`, a name bound on several paths that nothing binds again between the calls):
        `add_role(service_name, deployment_name, ...)` after `create_virtual_machine_
        deployment(service_name, deployment_name, ...)` adds a VM to the deployment that creates, not one of
        its own. None when either is a value read otherwise (the calls stay apart, as before), or both are
        stated (see `_draft_named`)."""
        parts: list[object] = []
        for value in (service, name):
            text = literal(value)
            if text is not None:
                parts.append(_key(text))
                continue
            node = value.node if isinstance(value, flow.Unknown) else None
            if not isinstance(node, ast.expr) or not _is_argument(call.node, node):
                return None
            same = self.flow.same_value(node, site)
            if same is None:
                return None
            parts.append(same)
        if all(isinstance(part, str) for part in parts):
            return None
        # The service is the one of that name in the subscription in force (see `_here`).
        return ("same", (parts[0], self._working_in()), *parts[1:])

    def _draft_named(
        self,
        call: CallSite,
        service: str | None,
        name: str,
        slot: Value | None,
        mark: Mark,
        same: object | None = None,
    ) -> _Draft:
        """The deployment of a service and deployment name, or when the service name is not known or the
        deployment name is a stand-in, of this call alone; or of every call that names it by one value the
        script does not state (`same`, see `_same_path`), which is one deployment however many read it."""
        known = service and not is_stand_in(name)
        key: object = (self._here(service or ""), _key(name)) if known else self._call_key(call)
        if not known and same is not None:
            key = ("same path", same, self._working_in())
        draft = self.drafts.get(key)
        if draft is None:
            draft = _Draft(service or "", name, literal(slot) or "", mark, self.read_once_in)
            draft.selected_in = self.run_client
            self.drafts[key] = draft
            self.service_drafts.setdefault(self._here(service or ""), []).append(key)
        draft.unordered = draft.unordered or call.scope is not self.index.module
        return draft

    def _delete(self, call: CallSite, bound: Bound, site: flow.Site) -> None:
        """What the script created before it and a later call deletes: a VM (delete_role), a deployment
        (delete_deployment) or every deployment of a cloud service (delete_hosted_service with `complete`,
        without which a service that has one is refused). Only when the delete surely runs, after the calls
        that describe what it removes: all at module level, where the file shows their order; or whenever
        a call that created it did (see `_deleted_with_its_creation`). Azure refuses to delete the last VM
        of a deployment: that one stays. What another file creates stays too: a teardown script beside a
        deploy script says nothing of what the deploy leaves behind."""
        v = bound.values
        service = literal(v.get("service_name"))
        if bound.open or not (call.method != "delete_hosted_service" or _is_true(v.get("complete"))):
            return  # the SDK sends `comp=media` only for `complete == True`
        self._deleted_with_its_creation(call, v, site)
        if not service or not self.flow.surely_runs(call):
            return
        if call.method == "delete_hosted_service":
            kept = []
            for key in self.service_drafts.pop(self._here(service), []):
                draft = self.drafts.get(key)
                if draft is not None and (draft.unordered or self._may_stop_between(draft, call)):
                    kept.append(key)
                elif draft is not None:
                    del self.drafts[key]
            self.service_drafts[self._here(service)] = kept
            return
        deployment = literal(v.get("deployment_name"))
        key = (self._here(service), _key(deployment or ""))
        draft = self.drafts.get(key) if deployment else None
        if draft is None or draft.unordered or self._may_stop_between(draft, call):
            return
        if call.method == "delete_deployment":
            del self.drafts[key]
            return
        role = literal(v.get("role_name"))
        if role:
            draft.remove(("role", _key(role)))

    def _may_stop_between(self, draft: _Draft, call: CallSite) -> bool:
        """Whether a statement that may end the script (`if args.keep: sys.exit(0)`) is written between a
        call that created the deployment and a delete of it at module level: the teardown after it may not
        run, and what the script built before it stays (as after a shell script's `[ "$1" = --keep ] &&
        exit 0`). A usage check before the creation says only whether the script runs at all."""
        ends = call.scope.may_end  # in source order: the last one before the delete is the one to ask
        before = bisect.bisect_left(ends, call.at)
        return before > 0 and any(made.at <= ends[before - 1] for made, _ in draft.creations)

    def _deleted_with_its_creation(self, call: CallSite, values: dict[str, Value], site: flow.Site) -> None:
        """A delete_hosted_service or delete_deployment that surely runs whenever a call that created the
        deployment did (`_with_its_creation`: after it in the same block), and names it as that creation
        does: by the names it states, or by the very values the script does not state that the creation
        passed (`_same_deployment`), as a test's `delete_hosted_service(name, complete=True)` ends the
        function that created the deployment `name` names; or in the tearDown run after the setUp or test
        that created it, when the delete surely runs (`_torn_down_after`). One named by another value
        deletes none of them."""
        service, deployment = values.get("service_name"), values.get("deployment_name")
        if service is None:
            return
        if call.method == "delete_hosted_service":
            keys = self._drafts_of_service(call, service, site)
        elif call.method == "delete_deployment" and deployment is not None:
            named = self._same_deployment(call, service, deployment, site)
            keys = [named or (self._here(literal(service) or ""), _key(literal(deployment) or ""))]
        elif call.method in ("delete_role", "capture_role") and deployment is not None:
            self._role_deleted_with_its_creation(call, service, deployment, values.get("role_name"), site)
            return
        else:
            return
        surely = self._surely_runs(call, site)
        for draft_key in keys:
            draft = self.drafts.get(draft_key)
            if draft is None:
                continue
            torn_down = surely and any(self._torn_down_after(made, call) for made, _ in draft.creations)
            if torn_down or self._with_its_creation(call, draft):
                del self.drafts[draft_key]

    def _drafts_of_service(self, call: CallSite, service: Value, site: flow.Site) -> list[object]:
        """The keys of the deployments the file describes in the cloud service a call names: by the name
        it states, or by the value it does not state that a creation passed for it too (see
        `_same_deployment`, whose keys hold it after "same")."""
        text = literal(service)
        if text:
            return list(self.service_drafts.get(self._here(text), []))
        named = self._same_deployment(call, service, service, site)  # ("same", its key, its key)
        if not isinstance(named, tuple):
            return []
        return [k for k in self.drafts if isinstance(k, tuple) and len(k) == 3 and k[:2] == named[:2]]

    def _vm(self, call: CallSite, bounds: list[Bound], site: flow.Site, mark: Mark) -> None:
        """A VM a call creates or changes, described once for each path the script may take to the call
        (`bounds`, which all name it alike) and the descriptions joined (`joined_paths`)."""
        v = bounds[0].values
        if not {"service_name", "deployment_name", "role_name"} <= v.keys():
            return  # passed through `*args`: the call says nothing the reader can place
        creates = call.method != "update_role"
        draft = self._draft(
            call, v["service_name"], v["deployment_name"], v.get("deployment_slot"), mark, site, creates
        )
        # A deployment another creation surely made first keeps that one's network: the platform refuses a
        # second creation of it, and a VM of another network in it.
        places = call.method == "create_virtual_machine_deployment" and not any(
            self._surely_before(made, at, call) for made, at in draft.creations
        )
        if call.method == "create_virtual_machine_deployment":
            draft.creations.append((call, site))
        else:
            self._joins_existing(draft, call, mark)
        # One service per turn of a loop, which each turn creates, or has a VM of changed (`update_role`).
        made_or_changed = call.method == "create_virtual_machine_deployment" or not creates
        if made_or_changed and not draft.service and not draft.service_looped_over:
            draft.service_looped_over = self._looped_over(call, v["service_name"], site)
        roles: list[Role] = []
        updated: frozenset[str] = frozenset()
        made_in_none = places
        for bound in bounds:
            if not creates:  # the SDK leaves out of its body what update_role is given as None: unchanged
                bound = Bound(
                    {k: value for k, value in bound.values.items() if not isinstance(value, NoneV)},
                    bound.open,
                )
            stated = frozenset(
                f for f in VM_FACTS if creates or any(p in bound.values for p in _FACT_PARAMS[f])
            )
            role = self._vm_role(bound, mark, creates and not bound.open, stated, site)
            no_network = _in_no_network(call.method, bound, self.blanks)
            roles.append(in_no_network(role, mark) if no_network else role)
            made_in_none = made_in_none and no_network
            updated |= stated
            if places:
                self._deployment_network(draft, bound, mark, call, site)
        role = replace(
            functools.reduce(joined_paths, roles),
            changes_existing=not creates,
            branches=self._branches(call, site) if creates else (),
            looped_over=self._looped_over(call, v["role_name"], site),  # one VM per item, made or changed
        )
        key = self._role_key(call, v["role_name"], site)
        draft.add(role, key, None if creates else updated)
        if creates:
            draft.role_creations.setdefault(key, []).append(call)
        draft.made_in_none[key] = draft.made_in_none.get(key, True) and made_in_none

    def _looped_over(self, call: CallSite, name: Value, site: flow.Site) -> str:
        """The items, as written (`names`), of a loop around the call that the reader reads once, over items
        the script does not write out, whose target names the VM (`for n in names: ….create_virtual_machine_
        deployment(…, n, …)`, `f'{n}-web'` too, or a name the body binds from it, `vm_name = get_vm_name(args,
        i)` in `for i in range(args.num_nodes)`): the VM stands for one per item (see `Role.looped_over`).
        "" for a name the script states, or no such loop's target gives. Of a service's name likewise: one
        service per item (`Deployment.service_looped_over`)."""
        if literal(name) or not isinstance(name, flow.Unknown) or name.node is None or self.turn:
            return ""
        read = {node.id for node in ast.walk(name.node) if isinstance(node, ast.Name)}
        turned = self._turned(site)
        for block in call.chain:
            turns = self.index.whiles.get(block)
            if turns is not None and _changed_in(turns.body) & read:  # `web{i}` of a `while` that moves `i`
                test = ast.unparse(turns.test)
                return f"the turns of `while {test if len(test) <= 50 else test[:49] + '…'}`"
            loop = self.index.loops.get(block)
            if loop is None or block in turned:
                continue
            given = self.bound_from_target.get(id(loop.node))
            if given is None:
                given = self.bound_from_target[id(loop.node)] = _bound_from_target(loop.node)
            if given & read:
                listed = ast.unparse(loop.node.iter)
                return listed if len(listed) <= 60 else listed[:59] + "…"
        return ""

    def _role_key(self, call: CallSite, value: Value, site: flow.Site) -> object:
        """What keeps a VM apart from the deployment's others: its name when the script writes it out; when
        it does not, the value a call passes for it, if another call in the deployment surely passes the
        same (`Flow.same_value`): a deployment's role names are unique, so `add_role(...,
        role_name=self.vm_id)` and `create_virtual_machine_deployment(..., role_name=self.vm_id)` on the
        two branches of `if service.deployments:` create one VM (Azure refuses the second of the two), and
        `update_role(svc, svc, vm, ...)` then `add_data_disk(svc, svc, vm, ...)` change one VM.
        Only in code that runs once (`Flow.runs_once`): a function called from places the file does not
        show may be given another name at each call (a tool's `create_vm(name)` that falls back to
        add_role), and its two calls read as written stand for VMs that may differ (MIG103 compares them).
        Else the call itself (in its turn of the loops around it)."""
        name = literal(value)
        if name:
            return ("role", _key(name))
        node = value.node if isinstance(value, flow.Unknown) else None
        if isinstance(node, ast.expr) and _is_argument(call.node, node) and self.flow.runs_once(call.scope):
            same = self.flow.same_value(node, site)
            if same is not None:
                return ("same role", same)
        return self._call_key(call)

    def _joins_existing(self, draft: _Draft, call: CallSite, mark: Mark) -> None:
        """A call that adds a VM to the deployment or changes one of its VMs (add_role, update_role, a role
        body sent to it), which exists when the call runs. Unless a call that creates it surely runs first
        (`_runs_before`), it may be a deployment the script does not create, in a network no file states
        (the VM joins its deployment's): that a call creates it in none no longer says it is in none, only
        that its VMs may be (MIG105 says so where that call is), as the PowerShell reader reads New-AzureVM
        without and with -Location; a network a call names is kept (see `_Draft.deployment`)."""
        if any(
            self._surely_before(made, at, call) or self._created_at_the_first_turn(made, call)
            for made, at in draft.creations
        ):
            return
        created = self._created_by_body(draft, call)
        if created is not None:  # the deployment that body creates, in its network or in none
            draft.state_network(created.virtual_network, created.network_known, created.mark)
            draft.body_vms = max(draft.body_vms, len(created.roles))
            return
        draft.may_exist = True

    def _created_by_body(self, draft: _Draft, call: CallSite) -> Deployment | None:
        """The deployment a Create Deployment body of the script makes, sent surely before `call` adds a
        VM to it or changes one (an Add Role body POSTed to `.../deployments/<name>/roles`, add_role): the
        VM is in that deployment, whose network the body states. None when no such request surely runs
        first."""
        made = self.body_creations.get((self._here(draft.service), _key(draft.name)), [])
        return next((d for request, at, d in made if self._surely_before(request, at, call)), None)

    def _created_at_the_first_turn(self, earlier: CallSite, later: CallSite) -> bool:
        """Whether `earlier` has run whenever `later` runs because it runs at the first turn of a loop
        whose body holds `later` after it: the usual builder loop `for i, name in enumerate(names): if i ==
        0: create_virtual_machine_deployment(...) else: add_role(...)`. `earlier` is in the body of an `if`
        that holds at the first turn only (`_first_turn_test`), written in the loop's body, which every
        turn runs whole (no `break`, `continue` or `return` in it), nor in a `try` body `later` is not in."""
        if (
            earlier.scope is not later.scope
            or len(earlier.chain) < 2
            or earlier.comprehensions
            or earlier.unconsumed is not None
            or later.at <= earlier.at
        ):
            return False
        loop = self.index.loops.get(earlier.chain[-2])
        choice = self.index.choices.get(earlier.chain[-1])
        if loop is None or choice is None or choice[1] != 0 or not loop.plain or loop.ends:
            return False
        if later.chain[: len(loop.chain) + 1] != (*loop.chain, loop.block):
            return False
        if any(start <= earlier.at <= end and end < later.at for start, end in self._try_bodies):
            return False
        return _first_turn_test(choice[0].test, loop, self.index.declared_global)

    def _surely_before(self, earlier: CallSite, site: flow.Site, later: CallSite) -> bool:
        """Whether `earlier`, read at `site`, has run whenever `later` runs (`_runs_before`), also where
        either is in one of the script's functions (`create_vm()` then `add_vm()`): compared at the calls
        that lead to them, out to the code those share, where what leads to `earlier` runs it whenever it
        runs (`_runs_with_its_function`). What leads to `earlier` is the call of its function the site is
        read in (one of several, `create_vm('web')` then `create_vm('app')`, or a turn of a loop over
        items the script writes out: each surely runs it), else the function's only call; what leads to
        `later`, the only call of its function."""
        outer = [later]
        while len(outer) <= _MAX_CALL_DEPTH and (only := self.flow.only_call(outer[-1].scope)) is not None:
            outer.append(only)
        for _ in range(_MAX_CALL_DEPTH):
            shared = next((out for out in outer if out.scope is earlier.scope), None)
            if shared is not None:
                return _runs_before(earlier, shared, self._try_bodies, self._turned(site))
            caller = self._caller(earlier, site)
            if caller is None or not self._runs_with_its_function(earlier, site):
                return False
            earlier, site = caller
        return False

    def _whether_it_runs(self, call: CallSite) -> str:
        """Whether a classic call runs when the script does (see `ClassicCall.runs`), as the classic CLI's
        are read: NEVER_RUNS where a test the reader decides keeps it from running (`if False:`, `while 0:`)
        or every call of its function is in code that never runs; UNCALLED_RUNS in a function the script
        does not call itself (see `_run_by_others`, `_offered_to_importers`), which runs when another file
        calls it and not when the script runs (dead code in a runbook, as a PowerShell or shell function
        nothing calls is), UNCALLED_MAYBE_RUNS where it runs on some of the function's paths only; "" where
        it surely runs at one of the sites it is read at (see `_surely_runs`); MAYBE_RUNS otherwise: only
        under a condition the reader cannot decide."""
        sites = self.flow.callers(call)
        if not sites:
            return NEVER_RUNS
        if self._run_by_others(call, sites) or self._offered_to_importers(call):
            whenever = any(self._runs_with_its_function(call, site) for site in sites)
            return UNCALLED_RUNS if whenever else UNCALLED_MAYBE_RUNS
        # Read at each turn of the loops around it over items the script writes out (`for i in range(2,
        # 9):`), which surely runs the body; a loop over no items never does.
        turns = self._change_sites(call)
        if not turns:
            return NEVER_RUNS
        return "" if any(self._surely_runs(call, turn) for turn in turns) else MAYBE_RUNS

    def _run_by_others(self, call: CallSite, sites: list[flow.Site]) -> bool:
        """Whether a call is in a function the script runs in no way the reader follows (nothing calls
        it, or it is passed on): a library's, which fails whenever what imports it calls it, as a module of
        functions does (see MIG601)."""
        return (
            call.scope is not self.index.module
            and len(sites) == 1
            and sites[0].frame is None
            and self._caller(call, sites[0]) is None
        )

    def _offered_to_importers(self, call: CallSite) -> bool:
        """Whether a call is in a function a module of functions offers the files that import it: a public
        one (`create_vm`, `__init__`), defined at the module's top level or in a public class there, in a
        module that runs none of its own code (see `_module_of_functions`). It fails whenever what imports
        it calls it, as one nothing calls does (see `_run_by_others`), whatever calls it in the module
        itself (a loop over a count the module does not state)."""
        function = call.scope.function
        if function is None or not self._module_of_functions:
            return False
        outer = function.outer
        in_class = outer.kind == "class" and outer.parent is self.index.module and _public(outer.name)
        return _public(function.node.name) and (outer is self.index.module or in_class)

    @functools.cached_property
    def _module_of_functions(self) -> bool:
        """Whether the file is a module others import, not a script: its top level only imports, defines
        functions and classes, and assigns values that call none of them (`sms =
        ServiceManagementService(...)`), so nothing in it runs its functions unless something imports it."""
        body = self.tree.body
        defined = {
            s.name for s in body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        }
        for statement in body:
            if isinstance(statement, (ast.Assign, ast.AnnAssign)):
                calls = (node for node in ast.walk(statement) if isinstance(node, ast.Call))
                if any(isinstance(c.func, ast.Name) and c.func.id in defined for c in calls):
                    return False
            elif not isinstance(statement, _DEFINITIONS) and not _docstring(statement):
                return False
        return True

    def _surely_runs(self, call: CallSite, site: flow.Site) -> bool:
        """Whether a call, read at `site`, surely runs when the script does: at module level as
        `Flow.surely_runs` asks, in the body of a loop over items the script writes out too, when the site
        is one of its turns (`_turned`); in one of the script's functions, when it runs whenever the
        function does (`_runs_with_its_function`) and the call of the function that leads to it (see
        `_caller`) surely runs. As the PowerShell reader runs a function at each of its calls, and a
        `foreach` over a list the script writes out item by item: a loop over items it does not state may
        run no turn."""
        for _ in range(_MAX_CALL_DEPTH):
            if call.scope is self.index.module:
                turned = self._turned(site)
                return (
                    all(block in self.index.conditions or block in turned for block in call.chain)
                    and self.flow.runs(site) is True
                )
            caller = self._caller(call, site)
            if caller is None or not self._runs_with_its_function(call, site):
                return False
            call, site = caller
        return False

    def _caller(self, call: CallSite, site: flow.Site) -> tuple[CallSite, flow.Site] | None:
        """The call of the function `call` is in that leads to it, with the site that call is read at: the
        call whose frame the site is read in (see `Flow.callers`), else the function's only call (see
        `Flow.only_call`), or, for an `__init__`, the only call of its class (`Flow.only_instance_call`);
        None when none is known."""
        frame = site.frame
        while frame is not None and frame.loop is not None:
            frame = frame.outer
        if frame is not None and frame.call is not None and frame.site is not None:
            caller = self._call_site(frame.call)
            return (caller, frame.site) if caller is not None else None
        only = self.flow.only_call(call.scope) or self.flow.only_instance_call(call.scope)
        return (only, flow.site_of(only)) if only is not None else None

    def _turned(self, site: flow.Site) -> frozenset[int]:
        """The loops around a site (their bodies' blocks) that it is read at one turn of, each turn running
        the whole body (`flow.Loop.plain`): a loop over items the script writes out, none of them (see
        `Flow.turns`), whose every turn runs what the site reads."""
        turned = []
        frame = site.frame
        while frame is not None and frame.loop is not None:
            if frame.loop.plain:
                turned.append(frame.loop.block)
            frame = frame.outer
        return frozenset(turned)

    def _runs_with_its_function(self, call: CallSite, site: flow.Site | None = None) -> bool:
        """Whether a call runs whenever the function it is in does: in no block of it but the loops the
        site it is read at is a turn of (`_turned`), nor a comprehension, nor a `try` whose handler may go
        on without it, and after nothing that may end the function (in a `try` or `with` body too)."""
        turned = self._turned(site) if site is not None else frozenset()
        return (
            all(block in turned for block in call.chain)
            and not call.comprehensions
            and call.unconsumed is None
            and not any(start <= call.at <= end for start, end in self._try_bodies)
            and all(ended > call.at for ended in call.scope.may_end)
        )

    @functools.cached_property
    def _try_bodies(self) -> list[tuple[Position, Position]]:
        """Where the body of each `try` of the file starts and ends (see `_runs_before`)."""
        tries = (ast.Try, getattr(ast, "TryStar", ast.Try))  # TryStar: Python 3.11+
        return [
            ((node.body[0].lineno, node.body[0].col_offset), (last.end_lineno or 0, last.end_col_offset or 0))
            for node in ast.walk(self.tree)
            if isinstance(node, tries) and node.handlers and (last := node.body[-1])
        ]

    def _deployment_network(
        self, draft: _Draft, bound: Bound, mark: Mark, call: CallSite, site: flow.Site
    ) -> None:
        """The virtual network and reserved IP create_virtual_machine_deployment, called at `mark`, gives
        its deployment. A network read with `.get()` from a table the script does not state
        (`module.params.get('virtual_network_name')`) is None when the table lacks it: the deployment may be
        in that network or in none, as with `arg if arg else None`."""
        vnet = bound.values.get("virtual_network_name")
        if flow.may_be_none(vnet):
            draft.state_network(None, True, mark, vnet.unset if isinstance(vnet, flow.Unknown) else "")
        draft.state_network(*self._vnet(bound, call, site), mark)
        reserved = bound.values.get("reserved_ip_name")
        given_at = self.reserved_given.setdefault((id(call), self.turn), (call, site, draft, []))
        given_at[3].append(self._ref(reserved))
        given = self._ref(reserved) or self._unstated_reserved_ip(reserved, site)
        draft.reserved_ip = draft.reserved_ip or given
        # A value the script passes but does not state that may be None, or that is no name, may name a
        # reserved IP or none.
        if reserved is None:
            unstated = bound.open
        else:
            unstated = given is None and not isinstance(reserved, NoneV) and literal(reserved) is None
        draft.reserved_ip_unknown = draft.reserved_ip_unknown or unstated

    def _unstated_reserved_ip(self, value: Value | None, site: flow.Site) -> NameRef | None:
        """The reserved IP `reserved_ip_name` gives a deployment by a name the script does not state and
        that cannot be None (`sys.argv[1]`, a parameter given no default): a reserved IP all the same, as
        under a name the script states (the call fails unless it exists), shown by the stand-in of that
        value (see `_unstated_reservation`), the one a creation under the same value names. None for a
        value that may be None (an optional argument, `.get()`)."""
        if not isinstance(value, flow.Unknown) or value.may_be_none:
            return None
        name = self._unstated_reservation(value, site)
        return NameRef(name, self._mark(value)) if name else None

    def _branches(self, call: CallSite, site: flow.Site) -> tuple[tuple[str, int], ...]:
        """The branches of `if`s a call runs on (see `Role.branches`), as far as each `if` is a choice made
        once: not in a loop (but one the reader takes turn by turn, where each turn's `if` is a choice of
        its own), nor in a function that may run more than once, unless the call is read for each call of
        the function (`_runs`): each call makes the function's choices once, after the branches the call is
        made on, and the calls that lead there are part of the name of each choice made inside. What
        follows a guard in its block (`if single: ...; sys.exit(0)`, see `flow.Guard`) is on the branch of
        it that goes on, as if written in it."""
        return self._taken(self._levels(call, site))

    def _taken(self, levels: list[_Level] | None) -> tuple[tuple[str, int], ...]:
        """The branches of `if`s taken in the code `levels` says a call is read in (see `_branches`)."""
        taken: list[tuple[str, int]] = []
        name = ""
        for level in levels or ():
            chain = level.chain
            for depth in range(len(chain) + 1):
                guards = self.flow.guards(level.scope, chain[:depth], level.at, _MAX_CHOICES - len(taken))
                taken.extend((self._choice_name(guard.node, name), guard.option) for guard in guards)
                if depth == len(chain):
                    break
                block = chain[depth]
                if block in self.index.conditions:  # an `if`'s branch, or a test only (`a and b`)
                    if block in self.index.choices:
                        node, branch = self.index.choices[block]
                        taken.append((self._choice_name(node, name), branch))
                elif block in level.turns:
                    name += f"@{block}.{level.turns[block]}"
                else:
                    return tuple(taken[:_MAX_CHOICES])  # a loop whose turns are not told apart
            if level.into is not None:
                name += f">{level.into.lineno}:{level.into.col_offset}"
        return tuple(taken[:_MAX_CHOICES])

    def _choice_name(self, node: ast.If, calls: str) -> str:
        """The name of the choice an `if` makes, each time the calls and turns `calls` lead to it."""
        return f"{self.source.path}#{node.lineno}:{node.col_offset}{calls}"

    def _levels(self, call: CallSite, site: flow.Site) -> list[_Level] | None:
        """The code a call is read in, outermost first (see `_walk`). None when the outermost may run more
        than once (a function the reader does not know every call of, or calls from more than one place)."""
        levels = self._walk(call, site)
        return levels if levels is not None and self.flow.runs_once(levels[0].scope) else None

    def _walk(self, call: CallSite, site: flow.Site) -> list[_Level] | None:
        """The code a call is read in, outermost first: for each function the calls of its frame lead
        through (see `Flow.callers`), or the one call of a function called once, and then the call's own,
        a `_Level`. None when a frame's call is none the reader can name."""
        levels: list[_Level] = []
        chain, scope, at, frame, into = call.chain, call.scope, call.at, site.frame, None
        while True:
            turns: dict[int, int] = {}
            while frame is not None and frame.loop is not None:
                turns[frame.loop.block] = frame.turn
                frame = frame.outer
            levels.append(_Level(chain, turns, into, scope, at))
            if frame is None and scope.function is not None:
                # Read as written, in a function called once: read from that call, as a reading in its
                # frame is, so that both name the function's choices alike.
                frame = self.flow.only_frame(scope)
            if frame is None or frame.call is None:
                break
            caller = self._call_site(frame.call)
            if caller is None:
                return None
            chain, scope, at, into, frame = caller.chain, caller.scope, caller.at, frame.call, frame.outer
        return levels[::-1]

    def _placed(self, call: CallSite, site: flow.Site) -> tuple[_RunOrder, tuple[tuple[str, int], ...]]:
        """Where a migration step (or a change or circuit move placed among the steps) that `call` runs,
        read at `site`, comes in the order the script runs them (see `_run_order`), and the branches it
        runs on (see `_branches`). In a function read once with values the reader does not know (one no
        call of the script runs, or one called otherwise than the reader follows), after the script's own
        code and on that function's stage (see `_stage`), its own choices told apart as the script's are."""
        order = _run_order(site, call.node)
        levels = self._walk(call, site)
        stage = self._stage(levels)
        if not stage:
            return order, self._branches(call, site)
        return ((flow.END[0], stage[0][1], 0), *order), (*stage, *self._taken(levels))[:_MAX_CHOICES]

    def steps_before(self, call: CallSite, site: flow.Site) -> int:
        """How many of the script's migration steps run before `call`, read at `site` (see `_placed`), as
        `_placed_changes` counts them before a change."""
        order, _ = self._placed(call, site)
        return bisect.bisect_left(sorted(order for _, _, _, order in self.steps), order)

    def _stage(self, levels: list[_Level] | None) -> tuple[tuple[str, int], ...]:
        """The stage of the runbook a function read once with values the reader does not know is (the
        outermost of `levels`, where it is such a function), as a branch of a choice among such functions;
        () for the script's own code. Such a function runs when whatever imports the module calls it, after
        the script's own code (which runs on import), and never in the same invocation as another: an
        `abort()` helper is no Abort of the Prepare of a `start()` written after it (as a PowerShell
        module's functions are, see `powershell.Interpreter.stage`)."""
        if not levels or levels[0].scope.kind != "function":
            return ()
        number = self.stages.setdefault(id(levels[0].scope), len(self.stages))
        return ((f"{self.source.path}{STAGE_CHOICE}", number),)

    def _call_site(self, node: ast.Call) -> CallSite | None:
        """The call of one of the script's functions (or of a method of one of its classes) a frame stands
        for, among the calls by name and the calls of methods."""
        if not self.named_call_sites:
            self.named_call_sites = {
                id(site.node): site
                for calls in (self.index.named_calls, self.index.method_calls)
                for sites in calls.values()
                for site in sites
            }
        return self.named_call_sites.get(id(node))

    def _vnet(self, bound: Bound, call: CallSite, site: flow.Site) -> tuple[NameRef | None, bool]:
        """The deployment's virtual network, and whether the call states it either way. A name the script
        does not state (`os.environ.get('VNET')`, `sys.argv[1]`, a parameter) is a network it does not name,
        never none: a stand-in where the first call passes it, one for every call that surely passes the
        same value (`Flow.same_value`: one variable bound once). One it builds from such values is the
        network a configuration the script uploads names the same way (see `_uploaded_network`)."""
        value = bound.values.get("virtual_network_name")
        if _blank(value, self.blanks):  # a blank left to fill: a network the script does not name
            key: object = ("blank", id(value.node) if value is not None else None)
            mark = self._mark(value)
            blank = self.unstated_networks.setdefault(key, NameRef(self._network_stand_in(mark), mark))
            return blank, True
        if value is None or isinstance(value, NoneV) or literal(value) == "":
            return None, value is not None or not bound.open
        ref = self._ref(value)
        if ref is None and isinstance(value, flow.Unknown) and value.node is not None:
            node = value.node
            uploaded = self._uploaded_network(node, site) if isinstance(node, ast.expr) else ""
            if uploaded:
                return NameRef(uploaded, self._mark(value)), True
            same = self.flow.same_value(node, site) if isinstance(node, ast.expr) else None
            key = ("same", same) if same is not None and _is_argument(call.node, node) else ("node", id(node))
            ref = self.unstated_networks.get(key)
            if ref is None:
                mark = self._mark(value)
                ref = self.unstated_networks[key] = NameRef(self._network_stand_in(mark), mark)
        return ref, ref is not None

    def _network_stand_in(self, mark: Mark) -> str:
        """The stand-in for a network passed by a value the script does not state, at `mark`: one of its
        own for each value passed there, as `deploy(sys.argv[1])` then `deploy(sys.argv[2])` pass two to
        the one call in `deploy`, named for the call of the function that passes it as the deployment is
        (`<virtual network name, deploy.py:8, turn 2>`). It says the line, as the script's other stand-ins
        do (`_stand_in_at`): a second value passed on the same line is its next turn."""
        name = self._stand_in_at("virtual network", mark)
        taken = sum(_same_line(held.mark, mark) for held in self.unstated_networks.values())
        return f"{name[:-1]}, turn {self.turn or taken + 1}>" if taken else name

    def _uploaded_network(self, node: ast.expr, site: flow.Site) -> str:
        """The network of a configuration the script uploads before (`self.networks`) that a name it builds
        from values it does not state names the same way: `virtual_network_name=f'{prefix}vNet1'` and
        `<VirtualNetworkSite name="{prefix}vNet1">` in the configuration, read with a stand-in for what the
        script does not state (`_templated`). "" when there is none, or the name is no more than a value."""
        shape = self._shape(node, site)
        if HOLE not in shape or not shape.replace(HOLE, "").strip():
            return ""
        return self.partly_named_networks.get(_key(shape.replace(HOLE, f"<{UNSTATED_TEXT}>")), "")

    def _networks_stood_in(self, configuration: NetworkConfiguration) -> NetworkConfiguration:
        """An uploaded configuration with each network whose name holds a value the script does not state
        (`name="{prefix}vNet1"`) named by a stand-in where it is named: never by the text the reader read it
        with, which the plan would write into commands as a name that runs. A name built alike names it
        (see `_uploaded_network`)."""
        renamed = []
        for network in configuration.virtual_networks:
            if UNSTATED_TEXT in network.name:
                name = self.partly_named_networks.get(_key(network.name))
                if name is None:
                    shown = self._stand_in_at("virtual network", network.mark)
                    name = self.partly_named_networks[_key(network.name)] = another_turn(
                        shown, self.stand_in_turns
                    )
                network = replace(network, name=name)
            renamed.append(network)
        configuration = replace(configuration, virtual_networks=tuple(renamed))
        return sites_and_subnets_stood_in(configuration, self.partly_named_networks)

    def _ref(self, value: Value | None) -> NameRef | None:
        name = literal(value)
        return NameRef(name, self._mark(value)) if name else None

    def _vm_role(
        self,
        bound: Bound,
        mark: Mark,
        absent_is_none: bool,
        stated: frozenset[str],
        site: flow.Site | None = None,
    ) -> Role:
        """A VM as one call states it. A parameter left out means "none" for a call that creates the VM,
        and "unchanged" for update_role."""
        v = bound.values
        unknown = {f for f in UNKNOWABLE if f not in stated}
        network = self._network_config(v.get("network_config"), absent_is_none, unknown)
        extensions = self._extensions(v.get("resource_extension_references"), absent_is_none, unknown)
        availability_set = v.get("availability_set_name")
        name = self._name(v["role_name"], "VM", mark)
        set_name = literal(availability_set) or ""
        left_out = availability_set is None and not absent_is_none
        if left_out or (availability_set is not None and not isinstance(availability_set, (Lit, NoneV))):
            unknown.add("availability_set")
        unplaced_at: list[UnplacedDisk] = []  # where an OS disk no file places is passed (`_disks`)
        role = Role(
            name,
            RoleType.PERSISTENT_VM,
            mark,
            size=literal(v.get("role_size")) or "",
            availability_set=set_name,
            endpoints=network.endpoints,
            subnets=network.subnets,
            static_ips=network.static_ips,
            public_ips=network.public_ips,
            extensions=extensions,
            disks=self._disks(
                v.get("os_virtual_hard_disk"),
                v.get("data_virtual_hard_disks"),
                name,
                self.source.line_read(mark),
                site,
                unknown,
                unplaced_at,
            ),
            # The name, or the value that takes the VM out of any set (`availability_set_name=""` or None):
            # what MIG103 points at for a VM in none.
            availability_set_mark=self._mark(availability_set) if _stated_set(availability_set) else None,
            unknown=frozenset(unknown),
            unplaced_disk=unplaced_at[0] if unplaced_at else None,
        )
        if network.subnets_may_be_none_at is not None:
            return absent_on_some_path(role, "subnets", network.subnets_may_be_none_at, network.subnets_unset)
        return role

    def _network_config(self, value: Value | None, absent_is_none: bool, unknown: set[str]) -> _Network:
        if isinstance(value, NoneV) or (value is None and absent_is_none):
            return _Network()
        if not isinstance(value, Obj) or value.cls not in (
            "ConfigurationSet",
            "ConfigurationSetInputEndpoints",
        ):
            unknown.update(("endpoints", "subnets", "public_ips"))
            return _Network()
        items, complete = items_of(value.attrs.get("input_endpoints"), "ConfigurationSetInputEndpoints")
        endpoints = [e for e in map(self._endpoint, items) if e is not None]
        if not complete or len(endpoints) < len(items):
            unknown.add("endpoints")
        names = value.attrs.get("subnet_names", ListV([], True, None))
        items, complete = items_of(names)
        subnets = [NameRef(text, self._mark(item)) for item in items if (text := literal(item))]
        if not complete or any(literal(item) is None for item in items):
            unknown.add("subnets")
        if not items and not absent_is_none:
            unknown.add("subnets")  # the SDK leaves an empty SubnetNames out of update_role's body: unchanged
        maybe_none = self._mark(names) if absent_is_none and flow.may_be_none(names) else None
        unset = names.unset if maybe_none is not None and isinstance(names, flow.Unknown) else ""
        (left,) = items if len(items) == 1 and absent_is_none else (None,)
        if maybe_none is None and isinstance(left, flow.Unknown) and left.unset and left.may_be_none:
            maybe_none, unset = self._mark(left), left.unset  # the caller's subnet, or none
        return _Network(
            tuple(endpoints),
            tuple(subnets),
            self._static_ips(value),
            self._public_ips(value, unknown),
            maybe_none,
            unset,
        )

    def _public_ips(self, network_config: Obj, unknown: set[str]) -> tuple[NameRef, ...]:
        """The VM's own public IPs (`public_ips`, serialised as `PublicIPs`), each by the name the script
        gives it; a list it may change unseen, or a name it does not state, leaves them unknown."""
        items, complete = items_of(network_config.attrs.get("public_ips"), "PublicIPs")
        names = [
            item.attrs.get("name") if isinstance(item, Obj) and item.cls == "PublicIP" else None
            for item in items
        ]
        if not complete or any(not literal(name) for name in names):
            unknown.add("public_ips")
        return tuple(NameRef(text, self._mark(name)) for name in names if (text := literal(name)))

    def _static_ips(self, network_config: Obj) -> tuple[NameRef, ...]:
        """The private address the VM asks for (`static_virtual_network_ip_address`, serialised as
        `StaticVirtualNetworkIPAddress`), when the script writes it out: one it does not state asks for
        an address no rule can compare."""
        address = network_config.attrs.get("static_virtual_network_ip_address")
        text = literal(address)
        return (NameRef(text, self._mark(address)),) if text else ()

    def _endpoint(self, item: Value) -> InputEndpoint | None:
        if not isinstance(item, Obj) or item.cls != "ConfigurationSetInputEndpoint":
            return None
        fields = {k: _written(item.attrs.get(k)) for k in ("name", "protocol", "port", "local_port")}
        if fields["protocol"] is None and fields["port"] is None:
            return None  # nothing says what it listens on
        name, protocol, port, local = (fields[k] or "" for k in ("name", "protocol", "port", "local_port"))
        return InputEndpoint(name, protocol, port, local, None, self._made_at(item))

    def _extensions(
        self, value: Value | None, absent_is_none: bool, unknown: set[str]
    ) -> tuple[Extension, ...]:
        if isinstance(value, NoneV) or (value is None and absent_is_none):
            return ()
        items, complete = items_of(value, "ResourceExtensionReferences")
        found = []
        for item in items:
            texts = (
                [_written(item.attrs.get(k)) for k in ("publisher", "name", "version", "state")]
                if isinstance(item, Obj) and item.cls == "ResourceExtensionReference"
                else [None]
            )
            if any(text is None for text in texts):
                complete = False
                continue
            publisher, name, version, state = (text or "" for text in texts)
            # The name a later call removes it by (`Remove-AzureVMExtension -ReferenceName`); "" unstated.
            reference = literal(item.attrs.get("reference_name")) if isinstance(item, Obj) else None
            mark = self._value_at(item, "name")
            found.append(Extension(publisher, name, version, state, mark, reference=reference or ""))
        if not complete:
            unknown.add("extensions")
        return tuple(found)

    def _disks(
        self,
        os_disk: Value | None,
        data_disks: Value | None,
        role: str,
        line: int,
        site: flow.Site | None = None,
        unknown: set[str] | None = None,
        unplaced_at: list[UnplacedDisk] | None = None,
    ) -> tuple[Disk, ...]:
        """The VM's disks whose blob or storage account the script states. One whose blob's address it
        passes and does not state (`OSVirtualHardDisk(image, sys.argv[1])`), or an OS disk it does not
        write out at all (a value passed in), is in an account no file names: `unknown` takes "disks", and
        `unplaced_at` where that value is passed."""
        unplaced = set() if unknown is None else unknown
        items, complete = items_of(data_disks, "DataVirtualHardDisks")
        if not complete and data_disks is not None and not isinstance(data_disks, NoneV):
            self._note_unnamed_disk(line, role)  # disks the reader cannot see, which may be registered ones
        found = []
        for item in [os_disk, *items]:
            if item is not None and not isinstance(item, (Obj, NoneV)):
                self._note_unnamed_disk(line, role)
                unplaced.add("disks")
                _note_unplaced(unplaced_at, self._mark(item))
            if isinstance(item, Obj) and item.cls in ("OSVirtualHardDisk", "DataVirtualHardDisk"):
                disk_name = item.attrs.get("disk_name")
                self._note_disk_use(disk_name, role, line)
                data = item.cls == "DataVirtualHardDisk"
                link = _disk_blob(item.attrs) if data else item.attrs.get("media_link")
                media_link = literal(link)
                lun = _lun(item.attrs.get("lun")) if data else ""
                account = (
                    self._either_account(link, site) if media_link else self._unstated_account(link, site)
                )
                if media_link and account:  # one of the names it is given on the paths: the account made so
                    name = literal(disk_name) or media_link.rsplit("/", 1)[-1]
                    found.append(
                        Disk(name, "", "", role, self._mark(link), lun=lun, account=account, data=data)
                    )
                elif media_link:
                    name = literal(disk_name) or media_link.rsplit("/", 1)[-1]
                    # Where its blob is named, which is what findings about a disk are about.
                    found.append(Disk(name, media_link, "", role, self._mark(link), lun=lun, data=data))
                elif account:
                    at = self._mark(link)
                    what = f"data disk of VM {role} at LUN {lun}" if lun else f"OS disk of VM {role}"
                    name = literal(disk_name) or self._blob_of_either(link, account, site)
                    name = name or f"<{what}, {self.file}:{at.line}:{at.column}>"
                    found.append(Disk(name, "", "", role, at, lun=lun, account=account, data=data))
                else:
                    if _blob_passed(link):  # a blob no file states
                        unplaced.add("disks")
                        # Where the address is passed, or the model built without one (never the file's start).
                        _note_unplaced(unplaced_at, self._mark(link if link and link.node else item))
                    elif not data and disk_name is not None and not isinstance(disk_name, (Lit, NoneV)):
                        # A registered disk by a name the script does not state: in that disk's account.
                        unplaced.add("disks")
                        at = self._mark(disk_name)
                        disk = f"<disk name, {self.file}:{at.line}:{at.column}>"
                        _note_unplaced(unplaced_at, at, DiskPlace.REGISTERED_DISK, disk)
                    self._disk_by_name(disk_name, role, data=data)
        return tuple(found)

    def _either_account(self, link: Value | None, site: flow.Site | None) -> str:
        """Of a blob whose address, read on one path, names a storage account the script states, built
        around a value that the paths give stated names (`sa = 'acctdev'; if prod: sa = 'acctprod'`): the
        stand-in of the account the script creates under that value, one of those names whichever path
        runs, as the shell and PowerShell readers read it (see `_created_either`). "" otherwise."""
        node = link.node if link is not None else None
        if site is None or not self.either_accounts or not isinstance(node, ast.expr):
            return ""
        joined = replace(site, path=())
        host = self._shape(node, joined).split("://", 1)[-1].split("/", 1)[0]
        if HOLE not in blob_host_account(host, HOLE):
            return ""
        pieces = self.flow.built_pieces(node, joined, partial=True)
        told = _host_label(pieces) if pieces is not None else None
        if not told or any(p is None for p in told):
            return ""
        found = self.unstated_accounts.get(("pieces", told), "")
        return found if found in self.either_accounts else ""

    def _blob_of_either(self, link: Value | None, account: str, site: flow.Site | None) -> str:
        """Of a blob in an account another path names (see `_created_either`: `sa = sys.argv[2]; if prod:
        sa = 'prodstore'`, then `'https://' + sa + '.blob.core.windows.net/vhds/vm1.vhd'`), the name the
        address states for it ('vm1.vhd'), as the path that names the account names the disk: one disk
        whichever path runs. "" for any other, or one whose name is not stated."""
        node = link.node if link is not None else None
        if account not in self.either_accounts or site is None or not isinstance(node, ast.expr):
            return ""
        blob = self._shape(node, site).rsplit("/", 1)[-1]
        return blob if blob.strip() and HOLE not in blob else ""

    def _unstated_account(self, link: Value | None, site: flow.Site | None) -> str:
        """The storage account of a blob whose address the script does not state whole: the one its host
        names where the script states that (`f'https://shopdisks.blob.core.windows.net/vhds/{name}.vhd'`:
        shopdisks, whatever names the blob, as the classic CLI's `-u` reads it); else, built around a value
        it does not state for the account (`'https://' + account + '.blob.core.windows.net/vhds/a.vhd'`), a
        stand-in (see `_account_stand_in`) told apart by the pieces of the host alone, whatever names the
        blob (a name made at each turn of a loop is told by nothing). "" for any other address."""
        node = link.node if link is not None else None
        if site is None or not isinstance(node, ast.expr) or literal(link) is not None:
            return ""
        built = _built_by_function(link)
        shape = self._shape(node, site) if built is None else "".join(_shown_piece(p) for p in built)
        stated = automation.stated_blob_account(shape)
        if stated:
            return stated
        if shape.startswith(HOLE) and "://" not in shape:
            return self._address_start_account(node, link, site, built)
        host = shape.split("://", 1)[-1].split("/", 1)[0]
        if HOLE not in blob_host_account(host, HOLE):
            return ""
        pieces = built if built is not None else self.flow.built_pieces(node, site, partial=True)
        told = _host_label(pieces) if pieces is not None else None
        return self._account_stand_in(told, self._mark(link), site)

    def _address_start_account(
        self, node: ast.expr, link: Value | None, site: flow.Site, built: list[object] | None = None
    ) -> str:
        """The storage account of a blob whose address starts with a value the script does not state, which
        holds its host (`args.container_url + name + '.vhd'`): one for every blob built on the same value
        (see `Flow.built_pieces`; `built`, the pieces a function of the script built it from, see
        `_built_by_function`), whatever follows it. A blob that is such a value whole (`media_link=
        args.url`, `sys.argv[1]`) is in the one account of every use of that value, as the classic CLI's
        `-u $URL`. "" where the value is told by nothing (a name made at each turn of a loop, a function's
        parameter given another value at each call): each such blob may be in another account."""
        pieces = built if built is not None else self.flow.built_pieces(node, site, partial=True)
        first = pieces[0] if pieces else None
        if first is None or isinstance(first, str):
            return ""
        whole = len(pieces) == 1 if pieces else False
        return self._account_stand_in((HOLE if whole else _ADDRESS_START, first), self._mark(link), site)

    def _reserved_ip(self, call: CallSite, bound: Bound, mark: Mark, site: flow.Site) -> None:
        """create_reserved_ip_address: a reserved IP of its own, under the name the call states, else under
        a stand-in named where the name is passed, one per value (see `_unstated_reservation`), so that
        `migcheck plan` moves it on its own unless a deployment is given it."""
        value = bound.values.get("name")
        name = literal(value) or self._unstated_reservation(value, site)
        if not name:
            return
        client = self._client_of_run(call, site)
        made = self.reserved_by_call.get((id(call), _key(name), client))
        if made is None:
            made = ReservedIp(name, "", "", mark, read_once_in=self.read_once_in, selected_in=client)
            self.reserved_by_call[(id(call), _key(name), client)] = made
            self.reserved.append(made)
            told = self._name_told(call, bound.values.get("name"), site)
            self.reserved_made[id(made)] = (call, self._in_subscription(told, client), [])
        self.reserved_made[id(made)][2].append(self._calls_from_top(call, site))

    def _unstated_reservation(self, value: Value | None, site: flow.Site | None, create: bool = True) -> str:
        """The stand-in for a reserved IP named by a value the script does not state, told apart by the
        pieces of the name (see `Flow.built_pieces`) as storage accounts are (see `_account_stand_in`):
        named where the script creates it (`<reserved IP name, deploy.py:5>`), the same for an association
        given the same value; "" for a value that is no name, or (unless `create`) one no creation gives."""
        node = value.node if isinstance(value, flow.Unknown) else None
        if site is None or not isinstance(node, ast.expr) or value is None:
            return ""
        pieces = self.flow.built_pieces(node, site)
        told = pieces is not None and bool(pieces) and all(p is not None for p in pieces)
        if not told and not create:
            return ""
        key = ("pieces", tuple(pieces or ())) if told else ("turn", id(node), self.turn)
        found = self.unstated_reservations.get(key)
        if found is None and create:
            shown = self._stand_in_at("reserved IP", self._mark(value))
            found = self.unstated_reservations[key] = another_turn(shown, self.stand_in_turns)
        return found or ""

    def _account_stand_in(
        self, told: tuple[object, ...] | None, mark: Mark, site: flow.Site | None = None
    ) -> str:
        """The stand-in for a storage account named by a value the script does not state, told apart by
        `told` (the pieces of the name, see `Flow.built_pieces`: a blob's host and the name a creation is
        given, read from one value, are one account), named where it is first passed by its line, as the
        script's other stand-ins are (`<storage account name, deploy.py:5>`, see `_stand_in_at`; a second
        account passed on that line is its next turn); one told by nothing is its own."""
        key: object = (
            ("pieces", told) if told and all(p is not None for p in told) else ("at", mark.line, mark.column)
        )
        found = self.unstated_accounts.get(key)
        if found is not None:
            return found
        bound = self._bound_by_name(told, site) if site is not None else None
        if bound is not None and site is not None:
            name, at, made = bound
            found = next((s for other, s in made if self.flow.bound_apart(site.scope, name, other, at)), None)
        if found is None:
            found = another_turn(self._stand_in_at("storage account", mark), self.stand_in_turns)
        if bound is not None and len(bound[2]) < _ARMS_COMPARED:
            bound[2].append((bound[1], found))
        self.unstated_accounts[key] = found
        return found

    def _bound_by_name(
        self, told: tuple[object, ...] | None, site: flow.Site | None
    ) -> tuple[str, flow.Position, list[tuple[flow.Position, str]]] | None:
        """Of an account named by one name read as it is bound in the scope being read (`told`, see
        `Flow.same_value`): the name, where it is bound, and the accounts the name named as bound elsewhere
        in the scope, so that one bound on another arm of the same `if` (`if new: name = make();
        create_storage_account(name, ...) else: name = pick()`, then a blob in `name`) names the same
        account: whichever arm runs, it is that variable's value, as the shell reader reads it."""
        one = told[0] if told is not None and len(told) == 1 else None
        if site is None or not isinstance(one, tuple) or len(one) != 4 or one[0] != id(site.scope):
            return None
        name, at = one[1], one[2]
        if not isinstance(name, str) or not isinstance(at, tuple):
            return None
        return name, at, self.accounts_by_binding.setdefault((one[0], name, one[3]), [])

    def _disk_by_name(self, name: Value | None, vm: str, data: bool = False) -> None:
        """A disk a VM is given by its name, the script stating no blob for it (`OSVirtualHardDisk(
        disk_name='sql-os')`, `add_data_disk(..., disk_name='sql-data')`): a disk of the subscription's
        repository, listed on its own as attached to the VM, as a REST `Disks` list lists one with its
        `AttachedTo`, at the name. The link stage joins it to the disk of that name another description
        gives a blob (one a script registers, in this file or another)."""
        text = literal(name)
        if text and text.strip():
            self.disks_by_name.setdefault(Disk(text, "", "", vm, self._mark(name), data=data))
        elif data and name is not None and not isinstance(name, (Lit, NoneV)):
            # A data disk by a name the script does not state: one disk all the same, in its own account.
            at = self._mark(name)
            stand_in = f"<disk name, {self.file}:{at.line}:{at.column}>"
            self.disks_by_name.setdefault(Disk(stand_in, "", "", vm, at, data=True))

    # --- data disks ---------------------------------------------------------------------------------

    def _data_disk(self, call: CallSite, bound: Bound, mark: Mark, site: flow.Site) -> None:
        """add_data_disk/update_data_disk: a data disk of the VM the call names, when the call writes out its
        blob (a disk made from `logical_disk_size_in_gb` alone gets its blob name from the platform). Of a
        cloud service the script names by a value it does not state, the one other changes to a VM given
        the same value are of (`update_role(svc, svc, vm, ...)`, see `_draft`), not one of its own."""
        v = bound.values
        vm = self._name(v["role_name"], "VM", mark) if "role_name" in v else None
        self._note_disk_use(
            v.get("disk_name"), vm, self.source.line_read(mark)
        )  # an existing disk, attached by name
        link = _disk_blob(v)
        media_link = literal(link)
        if not media_link:
            self._disk_by_name(v.get("disk_name"), vm or self._stand_in_at("VM", mark), data=True)
        if vm is None or not media_link or not {"service_name", "deployment_name"} <= v.keys():
            return
        draft = self._draft(call, v["service_name"], v["deployment_name"], None, mark, site, creates=False)
        name = literal(v.get("disk_name")) or media_link.rsplit("/", 1)[-1]
        # update_data_disk moves the disk to `updated_lun` when it passes one.
        moved = v.get("updated_lun") if call.method == "update_data_disk" else None
        lun = _lun(v.get("lun") if moved is None or isinstance(moved, NoneV) else moved)
        # Marked where its blob is named.
        disk = Disk(name, media_link, "", vm, self._mark(link), lun=lun, data=True)
        # The VM as this call alone describes it: nothing but the disk is known of it, and the call changes a
        # VM that exists (the file's own, if it creates one of that name, takes the disk instead), so what
        # another file states of the VM's deployment, its network first, is not unsaid by this one.
        stand_alone = Role(vm, RoleType.PERSISTENT_VM, mark, unknown=UNKNOWABLE, changes_existing=True)
        draft.attach(self._role_key(call, v["role_name"], site), disk, stand_alone)

    def _detach(self, call: CallSite, bound: Bound, mark: Mark) -> None:
        """delete_data_disk: the data disk at a LUN detached from the VM the call names, when the call
        surely runs (one that may not run detaches nothing) and the script states the VM. The disks the
        file attaches to the VM at that LUN go; a VM the file does not create may hold disks the file does
        not describe, and the detach is kept as a change to it (`Role.removed_luns`) that the link stage
        makes to the VM another file creates (see `_Draft.detach`). A LUN the script does not state may be
        that of any data disk (""), as for Remove-AzureDataDisk."""
        v = bound.values
        service, deployment, vm = (
            literal(v.get(name)) for name in ("service_name", "deployment_name", "role_name")
        )
        if (
            not (service and deployment and vm)
            or "lun" not in v
            or bound.open
            or not self.flow.surely_runs(call)
        ):
            return
        draft = self._draft_named(call, service, deployment, None, mark)
        change = Role(vm, RoleType.PERSISTENT_VM, mark, unknown=UNKNOWABLE, changes_existing=True)
        draft.detach(("role", _key(vm)), _lun(v["lun"]), change)

    # --- the region of a cloud service the script creates ---------------------------------------------

    def _service_region(self, call: CallSite, site: flow.Site, mark: Mark) -> None:
        """create_hosted_service: the region the service is created in (`ServiceRegion`), as a Create Cloud
        Service body states it, when the script states its `location` on every path it may take to the call
        (`Flow.alternatives`): a string it writes, or one it binds alike on both branches of an `if`. The SDK
        refuses a call given both a location and an affinity group, and one given neither: a service placed
        in an affinity group the script states is in the group's region (the record names the group: see
        `AffinityGroupRegion`); one whose place the script does not state, or states differently by path,
        says no region here. A name the script does not state is a stand-in: the region is still one
        the subscription's services are in (step 0's quotas). So is a location the script takes from whoever
        runs it, in no affinity group (`location=args.location`): a stand-in region (`_region_stand_in`)."""
        params = SIGNATURES[call.method]
        readings = self.flow.alternatives(
            site, lambda at: _stated_region(self.flow.bind(call.node, params, at), self._region_stand_in)
        )
        if len(set(readings)) != 1 or readings[0] is None:
            return
        service, location, group = readings[0]
        name = service or self._stand_in_at("cloud service", mark)
        region = ServiceRegion(name, location, mark, selected_in=self.run_client, affinity_group=group)
        # One created through the clients of two subscriptions is a service in each.
        self.service_regions.setdefault((region, self.run_client), region)

    def _region_stand_in(self, value: flow.Unknown) -> str:
        """The stand-in for a region the script does not state: named by the option or environment variable
        that gives it where the script reads one (`<region the caller gives with --location>`), else at the
        value (`<region name, deploy.py:7>`)."""
        if value.unset.startswith("-"):  # an option of the script's parser
            return f"<region the caller gives with {value.unset}>"
        if value.unset:  # an environment variable read with no default
            return f"<region the environment sets in {value.unset}>"
        return self._stand_in_at("region", self._mark(value))

    def _affinity_group_region(self, call: CallSite, site: flow.Site, mark: Mark) -> None:
        """create_affinity_group: the region of the group (`AffinityGroupRegion`), when the script states
        its name and location alike on every path to the call."""
        params = SIGNATURES[call.method]

        def stated(at: flow.Site) -> tuple[str, str] | None:
            bound = self.flow.bind(call.node, params, at)
            if bound is None:
                return None
            name, location = ((literal(bound.values.get(p)) or "").strip() for p in ("name", "location"))
            return (name, location) if name and location else None

        readings = self.flow.alternatives(site, stated)
        if len(set(readings)) == 1 and readings[0] is not None:
            region = AffinityGroupRegion(*readings[0], mark, self.run_client)
            self.service_regions.setdefault((region, self.run_client), region)

    def _service_certificate(self, bound: Bound, mark: Mark) -> None:
        """add_service_certificate uploads a service certificate to the cloud service `service_name` names (a
        stand-in where the script does not state it): the migration moves it into a key vault
        (`ServiceCertificate`). `data` is required: a call without it uploads nothing."""
        if bound.values.get("data") is None:
            return
        name = (literal(bound.values.get("service_name")) or "").strip()
        name = name or self._stand_in_at("cloud service", mark)
        self.service_certificates.setdefault(ServiceCertificate(name, mark, "add_service_certificate"))

    def _client_subscription(self, call: CallSite, mark: Mark) -> None:
        """ServiceManagementService(subscription_id, ...): the client works in the subscription of that id,
        where the script states a well-formed one (`SubscriptionSelection`): at each call of the function
        it is made in that the reader tells apart (`_runs`), which may each pass an id of their own. One made
        for an id the script does not state, or states differently by run, works in a subscription the files
        do not name (`UNSTATED_SUBSCRIPTION`), which ends the one a client worked in before."""
        ids = set()
        for site in self._runs(call) or [flow.site_of(call)]:
            bound = self.flow.bind(call.node, _CLIENT_SIGNATURE, site)
            guid = subscription_guid(self._client_id(bound, site) or "") if bound else ""
            ids.add(guid)
            self._cloud_at(_client_host(bound), mark)
            if guid:
                self.subscriptions.setdefault((guid, mark), SubscriptionSelection(guid, mark))
        made = (ids.pop() if len(ids) == 1 else "") or UNSTATED_SUBSCRIPTION
        if made == UNSTATED_SUBSCRIPTION:
            self.subscriptions.setdefault((made, mark), unstated_selection(mark))
        self.client_in_force = made
        self.first_client = self.first_client or made
        target = self.index.made_as.get(id(call.node.func))
        if target is not None:
            same = self.client_ids.get(target, made) == made
            self.client_ids[target] = made if same else UNSTATED_SUBSCRIPTION

    def _cloud_at(self, host: str, mark: Mark) -> None:
        """The cloud the script works in at `mark`, where `host` (a client's or a request's) is one of its
        endpoints (`CloudInUse`)."""
        cloud = cloud_of_url(host)
        if cloud:
            self.clouds.setdefault((cloud, mark), CloudInUse(cloud, mark))

    def _client_id(self, bound: Bound, site: flow.Site) -> str | None:
        """The subscription id a client is made for: as the script states it, else the default a run as
        written takes (`sys.argv[1] if len(sys.argv) > 1 else '<id>'`), as the PowerShell reader selects a
        parameter's default."""
        value = bound.values.get("subscription_id")
        stated = literal(value)
        if stated is not None or not isinstance(value, flow.Unknown) or not isinstance(value.node, ast.expr):
            return stated
        return self.flow.argument_default(value.node, site)

    def _here(self, service: str) -> str:
        """The key of the cloud service `service` names in the subscription of the client in force: a
        script whose clients of two subscriptions each create a service of the same name creates two
        services, which the split by subscription sets apart."""
        working_in = self._working_in()
        return f"{_key(service)}\0{working_in}" if working_in else _key(service)

    def _in_subscription(self, told: object, client: str) -> object:
        """What tells a reserved IP's name (`_name_told`), in the subscription of the client the call goes
        through (`_client_of_run`): a reserved IP's name is unique within its subscription only, so one
        deleted through a client of another subscription is another."""
        return None if told is None else (told, client)

    def _client_of_run(self, call: CallSite, site: flow.Site, in_force: str | None = None) -> str:
        """The id of the subscription of the client a call goes through at this run of it: the client the
        module's level makes under the name it is called on (`prod.create_reserved_ip_address(...)`, also
        `sms.…` in `def reserve(sms)` called as `reserve(prod)`), else the client in force where the call is
        written (`in_force`, where a run's has replaced it), as `_call_through_client` follows them down the
        file."""
        receiver = call.node.func.value if isinstance(call.node.func, ast.Attribute) else None
        binding = self.flow.module_binding(receiver, site) if receiver is not None else None
        made = binding.value if binding is not None else None
        client = (
            isinstance(made, ast.Call)
            and self.index.imports.sdk_class(made.func) == "ServiceManagementService"
        )
        if binding is None or not isinstance(made, ast.Call) or not client:
            return self.client_in_force if in_force is None else in_force
        at = flow.Site(self.index.module, binding.made, binding.chain)
        bound = self.flow.bind(made, _CLIENT_SIGNATURE, at)
        guid = subscription_guid(self._client_id(bound, at) or "") if bound else ""
        found = guid or UNSTATED_SUBSCRIPTION
        # A function's call is read where it is written, which may be above the line that makes the client
        # (`def create(sms)` before `SMS = ServiceManagementService(...)`): the client is the first one the
        # script works through all the same, as the module's own calls through it will key it.
        if self.first_client is None:
            self.first_client = found
        return found

    def _working_in(self) -> str:
        """The id of the subscription of the client in force, "" for the first one a client works in."""
        return self.client_in_force if self.client_in_force != self.first_client else ""

    def _call_through_client(self, call: CallSite, mark: Mark) -> None:
        """A call through a client made for a subscription other than the last one made or called: the
        script works in that subscription from this call on (`SubscriptionSelection`), as it would after
        selecting it, so that what two clients of two subscriptions create is told apart."""
        guid = self.client_ids.get(call.receiver, "")
        if guid and guid != self.client_in_force:
            selection = (
                unstated_selection(mark)
                if guid == UNSTATED_SUBSCRIPTION
                else SubscriptionSelection(guid, mark)
            )
            self.subscriptions.setdefault((guid, mark), selection)
            self.client_in_force = guid

    # --- storage accounts, and the disks and images the script registers ------------------------------

    def _storage_account(self, call: CallSite, bound: Bound, mark: Mark, site: flow.Site) -> None:
        """create_storage_account: the type of the account it creates (`StorageAccountType`), under the name
        the script states, or a stand-in for one it does not (see `_created_unstated`): `account_type` as stated, Standard_GRS without it (the SDK's default),
        and Standard_LRS whatever it says when `geo_replication_enabled` is False (the SDK sends that
        then). A value of either the script does not state leaves the type unknown. The link stage marks
        the disks any file places in a Premium account Premium (MIG205), as for an account an inventory
        export shows as Premium."""
        v = bound.values
        name = literal(v.get("service_name")) or self._created_unstated(v.get("service_name"), site)
        geo_off = _is_false(v.get("geo_replication_enabled"), bound.open)
        if not name or geo_off is None:
            return
        if geo_off:
            kind = "Standard_LRS"
        elif "account_type" in v:
            kind = literal(v["account_type"]) or ""
        else:
            kind = "" if bound.open else "Standard_GRS"
        if not kind.strip():
            return
        # Its name is unique across Azure: a second run's create through another subscription's client is
        # refused, and the account is of the first run's (`setdefault` keeps it).
        account = StorageAccountType(
            name, kind.strip(), mark, read_once_in=self.read_once_in, selected_in=self.run_client
        )
        self.storage_types.setdefault(account)
        told = self._name_told(call, bound.values.get("service_name"), site)
        made = self.accounts_made.setdefault(account, (call, told, []))
        made[2].append(self._calls_from_top(call, site))

    def _delete_storage_account(self, call: CallSite, bound: Bound, site: flow.Site) -> None:
        """delete_storage_account: the account the script created under the name it passes is gone again,
        with its type, and no plan step moves it, as Remove-AzureStorageAccount's is: when the delete surely
        runs after each time the call that created it ran, as for a reserved IP (see `_take_away_deleted`).
        A delete that may not run, or of a name the script does not tell, leaves it."""
        told = self._name_told(call, bound.values.get("service_name"), site)
        if told is None or bound.open:
            return
        surely = self._surely_runs(call, site)
        self.account_deletes.append(_Deletion(call, told, self._calls_from_top(call, site), surely))

    def _created_unstated(self, value: Value | None, site: flow.Site) -> str:
        """The stand-in for an account a creation names by a value the script does not state (see
        `_account_stand_in`); "" when it names none."""
        node = value.node if isinstance(value, flow.Unknown) else None
        if not isinstance(node, ast.expr):
            return ""
        pieces = self.flow.built_pieces(node, site)
        found = self._account_stand_in(tuple(pieces) if pieces is not None else None, self._mark(value), site)
        if found and self._created_either(node, site):
            self.either_accounts.add(found)
        return found

    def _created_either(self, node: ast.expr, site: flow.Site) -> bool:
        """Whether the paths to a creation give the name it is passed two values or more, a name stated on
        one path at least, and on the others a name stated or a value the script does not state (`sa =
        sys.argv[2]; if prod: sa = 'prodstore'`): one account whichever path runs, named or not, as the
        PowerShell reader reads it."""
        names = self.flow.alternatives(site, lambda at: literal(self.flow.value(node, at)))
        stated = [name for name in names if name is not None]
        return len(names) > 1 and bool(stated) and all(name.strip() for name in stated)

    def _registration(self, call: CallSite, bound: Bound, mark: Mark, site: flow.Site) -> None:
        """A disk (add_disk) or an image the script registers in the subscription's repository: an OS image
        (add_os_image, or capture_role, which captures a VM as one) or a VM image (create_vm_image,
        capture_vm_image). One of its own, listed on its own as a REST `Disk` or `OSImage` body lists one
        (MIG402), when the script states its name. A captured image's blobs are copies the platform
        names. A disk or image registered under a name the script does not state (a parameter, a blank
        left to fill in) is one all the same, shown by a stand-in at the call that registers it (`<image name,
        capture.py:5>`)."""
        name_value, link = _registered(call.method, bound.values)
        kind = _IMAGE_KINDS.get(call.method, "disk")
        stated = literal(name_value)
        name = stated if stated and stated.strip() else ""
        if not name and name_value is not None and not isinstance(name_value, NoneV):
            name = self._stand_in_at("disk" if kind == "disk" else "image", mark)
        if not name:
            return
        key = _key(name)
        if call.scope is not self.index.module:
            self.unordered_registrations.add((kind, key))
        media_link = literal(link) or ""
        account = "" if media_link else self._unstated_account(link, site)
        if call.method in _CAPTURES:
            account = self._os_disk_account(bound.values)
        if kind != "disk":
            image = Image(name, media_link, mark, account=account, read_once_in=self.read_once_in)
            self.images.setdefault((kind, key), image)
            return
        blob = self._mark(link) if media_link or account else None
        self.registered.setdefault(
            key,
            Disk(
                name,
                media_link,
                "",
                "",
                mark,
                media_link_mark=blob,
                account=account,
                read_once_in=self.read_once_in,
            ),
        )

    def _captured_vm_deleted(
        self, call: CallSite, site: flow.Site, named: tuple[str | None, str | None, str | None]
    ) -> None:
        """A Capture Role request the script sends whose PostCaptureAction is `Delete`: the VM its path names
        (service, deployment, VM) deleted, as capture_role's is (see `_delete`)."""
        service, deployment, role = named
        if service and deployment and role:
            values: dict[str, Value] = {
                "service_name": Lit(service, None),
                "deployment_name": Lit(deployment, None),
                "role_name": Lit(role, None),
            }
            self._delete(replace(call, method="delete_role"), Bound(values, False), site)

    def _os_disk_account(self, values: dict[str, Value]) -> str:
        """The storage account of the OS disk of the script's VM a capture names (service, deployment and
        role stated), which the image's copies of its disks are put in, as the classic CLI's `vm capture`
        puts them; "" where the script describes no such VM or states no account for its disk."""
        service, deployment, role = (literal(values.get(name)) for name in SIGNATURES["capture_vm_image"][:3])
        draft = self.drafts.get((self._here(service), _key(deployment))) if service and deployment else None
        at = draft.role_keys.get(("role", _key(role))) if draft is not None and role else None
        if draft is None or at is None:
            return ""
        disk = next((d for d in draft.roles[at].disks if not d.data), None)
        return disk.storage_account if disk is not None else ""

    def _unregister(self, call: CallSite, bound: Bound) -> None:
        """delete_disk, delete_os_image, delete_vm_image: a disk or an image of that kind the script
        registered before is gone again. Only when the delete surely runs after the registration: both at
        module level, where the file shows their order, as for a VM it deletes (see `_delete`); one a
        function registers may be registered after it."""
        name = literal(bound.values.get(SIGNATURES[call.method][0]))
        if not name or not self.flow.surely_runs(call):
            return
        kind, key = _IMAGE_KINDS.get(call.method, "disk"), _key(name)
        if (kind, key) in self.unordered_registrations:
            return
        if kind == "disk":
            self.registered.pop(key, None)
        else:
            self.images.pop((kind, key), None)

    def _note_disk_use(self, name: Value | None, vm: str | None, line: int) -> None:
        """A VM given a disk by name (`OSVirtualHardDisk(disk_name=...)`, add_data_disk's `disk_name`): a
        disk the script registers under that name is attached to it. A name the script does not state may
        be that of any disk it registers."""
        text = literal(name)
        if text:
            self.disk_users.setdefault(_key(text), vm or self._stand_in("VM", line))
        elif name is not None and not isinstance(name, (Lit, NoneV)):
            self._note_unnamed_disk(line, vm)

    def _note_unnamed_disk(self, line: int, vm: str | None) -> None:
        """A disk given by a name the script does not state, at `line`, to the VM named `vm` (None when no
        VM is known: a disk model built on its own)."""
        if self.unnamed_disk_line is None:
            self.unnamed_disk_line = line
        if vm is not None:
            self.unnamed_disk_users.setdefault(vm)

    def _registered_disks(self) -> list[Disk]:
        """The disks the script registers, each attached to the VM the file gives it to by name. When the file
        gives a VM a disk by a name it does not state, which may be that of any of them, the others may be
        attached to that VM (`Disk.maybe_attached`): the first given one so, by its name, or a stand-in VM
        where a disk model is built for none the file shows. Else they are attached to none. Disk models
        the file builds anywhere count as given to a VM (a module may build them for another to create the
        VM with)."""
        if not self.registered:
            return []
        for call in self.index.calls:
            cls = self.index.imports.sdk_class(call.node.func) or self._service_subclass(call)
            if cls not in ("OSVirtualHardDisk", "DataVirtualHardDisk"):
                continue
            # A model built where the reader sees no call run it (a function only another module calls)
            # may be given to a VM all the same.
            for site in self.flow.callers(call) or [flow.site_of(call)]:
                model = self.flow.model(cls, call.node, site)
                if isinstance(model, Obj):
                    self._note_disk_use(model.attrs.get("disk_name"), None, call.node.lineno)
        unnamed = self.unnamed_disk_line
        if unnamed is None:
            return [
                replace(disk, attached_to=self.disk_users.get(key, ""))
                for key, disk in self.registered.items()
            ]
        user = next(iter(self.unnamed_disk_users), "") or self._stand_in("VM", unnamed)
        return [
            replace(disk, attached_to=self.disk_users[key])
            if key in self.disk_users
            else replace(disk, attached_to=user, maybe_attached=True)
            for key, disk in self.registered.items()
        ]

    def _swap_request(self, verb: str, path: str, mark: Mark) -> None:
        """A Swap Deployment request (POST `.../hostedservices/<service>`) whose body the script does not
        write out (none, a value it does not state, a file): the service's deployments are swapped all the
        same, so it has a package's, of web or worker roles (`deployment.swapped`), as swap_deployment's
        service has; one whose body it writes says so itself (`_rest_body`)."""
        from migcheck.readers import deployment

        service = automation.swapped_in(verb, path)
        if service:
            self.bodies.setdefault((id(mark), service), deployment.swapped(service, "", mark))

    # --- REST bodies the script writes ---------------------------------------------------------------

    def _rest_body(
        self,
        call: CallSite,
        path: str,
        body: Value | None,
        verb: str,
        mark: Mark,
        site: flow.Site,
        looped: str = "",
        same_path: object | None = None,
    ) -> None:
        """A role or deployment the script sends as a REST body of its own (perform_put, perform_post, a
        request to the API) for what the SDK cannot express, such as endpoint ACLs and boot diagnostics:
        read as the REST reader reads a body file, in the service and deployment its path names. A network
        configuration it PUTs (Set Network Configuration) is read as a .netcfg. A role PUT to a path a loop's
        item fills in (`looped`, see `_looped_over`) changes one VM per item. Requests sent to one path value
        that does not state its service (`same_path`, see `_same_path`) are of one deployment."""
        while isinstance(body, Encoded):
            body = body.inner
        if not isinstance(body, Lit):
            if automation.changed_by_request(verb, path) == ("virtual-network", EVERY_NETWORK):
                self.uploads_at[id(call.node)].setdefault(self._uploaded_file(body, site), None)
            service = automation.body_service(verb, path)
            file = self._configuration_file(body, site) if service is not None else ""
            if service is not None and file:  # a deployment body read from a file: `Script.posted_bodies`
                self.posted_bodies.setdefault((file, service), None)
            self._swap_request(verb, path, mark)
            return
        if verb == "PUT" and self._security_rule_body(path, body, mark, self._surely_runs(call, site)):
            return
        if self._reserved_ip_request(call, verb, path, body, mark, site):
            return
        service, deployment, role_name = path_names(path)
        for resource in self._body_resources(body, mark):
            targets = self.body_targets.setdefault(id(resource), set())
            if (service, deployment) not in targets and len(targets) >= _MAX_BODY_TARGETS:
                continue  # one body sent everywhere: what it says is said by the first ones
            targets.add((service, deployment))
            if isinstance(resource, NetworkConfiguration):
                uploaded = (id(resource), self._working_in())
                if verb == "PUT":
                    self.uploads_at[id(call.node)].setdefault(WRITTEN_CONFIGURATION, None)
                if verb == "PUT" and uploaded not in self.networks:
                    stood_in = self._networks_stood_in(resource)
                    self.networks[uploaded] = replace(stood_in, selected_in=self.run_client)
            elif isinstance(resource, Role):
                name = deployment or self._stand_in_at("deployment", mark)
                draft = self._draft_named(call, service, name, None, mark, same_path)
                self._joins_existing(draft, call, mark)
                if verb == "PUT":
                    self._updated_role(call, draft, resource, role_name, mark, looped)
                    if looped and not draft.service and not draft.service_looped_over:
                        draft.service_looped_over = looped
                else:
                    self._body_role(call, draft, resource, mark, None)
            elif isinstance(resource, Deployment):
                # The same body sent to the same service again is the same deployment.
                named = replace(resource, service_name=resource.service_name or service or "")
                self.bodies.setdefault((id(resource), named.service_name), named)
                # A swap's deployment was made before (a Create Deployment's is made by it).
                swap = automation.swapped_in(verb, path) is not None
                if verb == "POST" and named.service_name and not is_stand_in(named.name) and not swap:
                    made = (self._here(named.service_name), _key(named.name))
                    self.body_creations.setdefault(made, []).append((call, site, named))
            elif isinstance(resource, NetworkSecurityGroup) and creates_security_group(verb, path):
                created = replace(resource, selected_in=self.run_client)
                self.security_groups.setdefault(self._here(resource.name), created)
            elif isinstance(resource, NetworkSecurityGroup) and (subnet := adds_group_to_subnet(verb, path)):
                used = group_on_subnet(replace(resource, selected_in=self.run_client), *subnet)
                self.subnet_groups[(self._here(subnet[0]), subnet[1].casefold())] = used
            elif isinstance(resource, Disk) and resource.attached_to == VM_OF_REQUEST_URI:
                self._body_data_disk(call, resource, verb, path, mark)
            elif isinstance(resource, (Image, Disk)):
                self._body_registration(resource, registers_in_repository(verb, path), body, site)
                from migcheck.readers.deployment import deletes_the_vm_it_captures

                if verb == "POST" and isinstance(resource, Image) and captured_vm(path) is not None:
                    self._body_capture(resource, body, (service, deployment, captured_vm(path)))
                if verb == "POST" and deletes_the_vm_it_captures(body.text):
                    self._captured_vm_deleted(call, site, (service, deployment, captured_vm(path)))
            elif isinstance(resource, CREATED) and verb == "POST":
                stated: object = replace(resource, selected_in=self.run_client)
                self.created_by_bodies.setdefault((stated, self.run_client), stated)
            elif isinstance(resource, NetworkSecurityGroup) and role_name and adds_group_to_role(verb, path):
                draft = self._draft_named(
                    call,
                    service,
                    deployment or self._stand_in("deployment", mark.line),
                    None,
                    mark,
                    same_path,
                )
                self._joins_existing(draft, call, mark)
                self._body_role(call, draft, group_on_role(resource, role_name), mark, ROLE_GROUP)
            elif isinstance(resource, ApplicationGateway):  # as the body's file or PowerShell's sending it
                gateway = self._body_gateway(resource, mark)
                self.application_gateways[gateway.name.casefold()] = gateway

    def _reserved_ip_request(
        self, call: CallSite, verb: str, path: str, body: Lit, mark: Mark, site: flow.Site
    ) -> bool:
        """An Associate or Disassociate Reserved IP request (see `reserved_ip_request`), read as the
        associate_reserved_ip_address or disassociate_reserved_ip_address call it sends is, with the names
        its path and body state, the reserved IP's shown at the request. Whether the request is one."""
        found = reserved_ip_request(verb, path, body.text)
        if found is None:
            return False
        values: dict[str, Value] = {
            "name": Lit(found.name, call.node),
            "service_name": Lit(found.service, None),
            "deployment_name": Lit(found.deployment, None),
            "virtual_ip_name": Lit(found.virtual_ip, None) if found.virtual_ip else NoneV(None),
        }
        self.associations.append((call, Bound(values, False), mark, site, found.disassociates))
        return True

    def _body_data_disk(self, call: CallSite, disk: Disk, verb: str, path: str, mark: Mark) -> None:
        """A `DataVirtualHardDisk` body POSTed to `.../roles/<vm>/DataDisks` (Add Data Disk) or PUT to
        `.../DataDisks/<lun>` (Update Data Disk): a data disk of the VM the path names, as add_data_disk and
        update_data_disk attach one, when the path states the service, deployment and VM and the body its
        blob (a disk made from its size alone gets its blob name from the platform)."""
        service, deployment, vm = path_names(path)
        if data_disk_path(path) is None or verb not in ("POST", "PUT") or not (service and deployment and vm):
            return
        if not disk.media_link or UNSTATED_TEXT in disk.media_link:
            return
        vm = urllib.parse.unquote(vm)
        draft = self._draft_named(call, service, deployment, None, mark)
        name = disk.name or disk.media_link.rsplit("/", 1)[-1]
        stand_alone = Role(vm, RoleType.PERSISTENT_VM, mark, unknown=UNKNOWABLE, changes_existing=True)
        draft.attach(("role", _key(vm)), replace(disk, name=name, attached_to=vm), stand_alone)

    def _request_delete(
        self, call: CallSite, verb: str, path_at: Callable[[flow.Site], str], mark: Mark
    ) -> None:
        """A DELETE at each site it surely runs at, with a path that states the service, deployment and VM:
        Delete Data Disk (`.../roles/<vm>/DataDisks/<lun>`), the data disk at that LUN detached from the VM,
        as delete_data_disk detaches it (see `_detach`); Delete Role (`.../roles/<vm>`), the VM the file
        added before gone, as after delete_role (see `_delete`)."""
        if verb != "DELETE":
            return
        for site in self.flow.callers(call):
            path = path_at(site)
            service, deployment, vm = path_names(path)
            if not (service and deployment and vm) or not self._surely_runs(call, site):
                continue
            vm = urllib.parse.unquote(vm)
            lun = (data_disk_path(path) or (None, None))[1]
            if lun:
                change = Role(vm, RoleType.PERSISTENT_VM, mark, unknown=UNKNOWABLE, changes_existing=True)
                self._draft_named(call, service, deployment, None, mark).detach(
                    ("role", _key(vm)), lun_key(lun), change
                )
                continue
            added_to = self.drafts.get((self._here(service), _key(deployment)))
            if is_role_path(path) and added_to is not None and not added_to.unordered:
                added_to.remove(("role", _key(vm)))

    def _body_gateway(self, gateway: ApplicationGateway, mark: Mark) -> ApplicationGateway:
        """An Application Gateway a body describes (Create Application Gateway), with a stand-in for a name
        or network the script does not state, and without the subnets it does not state."""
        name, vnet = gateway.name, gateway.vnet
        if UNSTATED_TEXT in name:
            name = self._stand_in("Application Gateway", mark.line)
        if UNSTATED_TEXT in vnet:
            vnet = self._stand_in("virtual network", mark.line)
        stated = [at for at, subnet in enumerate(gateway.subnets) if UNSTATED_TEXT not in subnet]
        subnets = tuple(gateway.subnets[at] for at in stated)
        marks = tuple(gateway.subnet_marks[at] for at in stated if at < len(gateway.subnet_marks))
        return replace(gateway, name=name, vnet=vnet, subnets=subnets, subnet_marks=marks)

    def _body_registration(self, resource: Image | Disk, repository: str, body: Lit, site: flow.Site) -> None:
        """An `OSImage` body POSTed to `.../services/images` (Add OS Image) or a `Disk` body POSTed to
        `.../services/disks` (Add Disk): an image or a disk of the script's own, as add_os_image and add_disk
        register one. A blob the body names in a storage account the script does not state (an f-string's
        `https://{account}.blob...`) is in that value's stand-in account, as add_os_image's is."""
        kind = "images" if isinstance(resource, Image) else "disks"
        if repository != kind or not resource.name.strip() or UNSTATED_TEXT in resource.name:
            return
        if UNSTATED_TEXT in resource.media_link:  # a blob the script names in part: not one it states
            resource = replace(resource, media_link="", account=self._body_blob_account(body, site))
        if isinstance(resource, Image):
            self.images.setdefault(("os", _key(resource.name)), resource)
        else:
            self.registered.setdefault(_key(resource.name), resource)

    def _body_capture(
        self, resource: Image, body: Lit, named: tuple[str | None, str | None, str | None]
    ) -> None:
        """A capture request the script POSTs to the VM its path names (service, deployment, VM): a Capture
        Role body (`CaptureRoleOperation`) captures an OS image, a Capture VM Image body a VM image, each a
        copy of the VM's disks that the platform puts in the storage account of its OS disk, as capture_role
        and capture_vm_image put theirs (see `_os_disk_account`); in no account where the script does not
        describe that VM or states no account for its disk."""
        kind = _captured_kind(body.text)
        if not kind or not resource.name.strip() or UNSTATED_TEXT in resource.name:
            return
        names = SIGNATURES["capture_vm_image"][:3]
        values: dict[str, Value] = {
            name: Lit(given, None) for name, given in zip(names, named, strict=True) if given
        }
        image = replace(resource, account=self._os_disk_account(values), read_once_in=self.read_once_in)
        self.images.setdefault((kind, _key(resource.name)), image)

    def _body_blob_account(self, body: Lit, site: flow.Site) -> str:
        """The stand-in for the storage account of the one blob a body names by a value the script does not
        state for its account (see `_unstated_account`): the body's pieces written out again with a marker
        for each value, read, so that the blob's host tells which value names the account; "" for none."""
        from migcheck.readers import deployment as rest
        from migcheck.readers.xml import Marker

        pieces = self._body_pieces(body.node, site) if isinstance(body.node, ast.expr) else None
        if not pieces:
            return ""
        marked = "".join(
            p if isinstance(p, str) else f"{HOLE_MARK}{at}{HOLE_MARK}" for at, p in enumerate(pieces)
        )
        root = body_root(marked)
        read = rest.read(root, Marker(self.source.path, marked)) if root is not None else ()
        links = [r.media_link for r in read if isinstance(r, (Image, Disk))]
        label = marked_host_label(links[0]) if len(links) == 1 else None
        if label is None:
            return ""
        before, at, after = label
        told = tuple(p for p in (before, pieces[at], after) if p != "")
        return self._account_stand_in(told, self._mark(body), site)

    def _body_pieces(self, node: ast.expr, site: flow.Site) -> list[object] | None:
        """The pieces of the text a body is built as (see `Flow.built_pieces`), a template's `.format(...)`
        too (`IMAGE_XML.format(account)`), read as the f-string it builds: its text around each field, and
        the argument that fills it. None where a field is filled otherwise (with a conversion or a format
        spec, from `*args` or `**kwargs`): what it writes is told by nothing."""
        func = node.func if isinstance(node, ast.Call) else None
        if not (isinstance(node, ast.Call) and isinstance(func, ast.Attribute) and func.attr == "format"):
            return self.flow.built_pieces(node, site, partial=True)
        template = literal(self.flow.value(func.value, site))
        if template is None:
            return None
        try:
            fields = list(string.Formatter().parse(template))
        except ValueError:  # not a template `.format` can fill: the call raises
            return None
        values: list[ast.expr] = []
        automatic = 0
        for text, name, spec, conversion in fields:
            values += [ast.Constant(text)] if text else []
            if name is None:
                continue
            if name == "":
                name, automatic = str(automatic), automatic + 1
            argument = self._format_argument(node, name)
            if argument is None or spec or conversion:
                return None
            values.append(ast.FormattedValue(argument, -1, None))
        joined = ast.copy_location(ast.JoinedStr(values), node)
        return self.flow.built_pieces(joined, site, partial=True)

    @staticmethod
    def _format_argument(call: ast.Call, field: str) -> ast.expr | None:
        """The argument of a `.format(...)` call that fills the field named `field` (`0`, `account`)."""
        if field.isdigit():
            at = int(field)
            starred = any(isinstance(a, ast.Starred) for a in call.args[: at + 1])
            return call.args[at] if at < len(call.args) and not starred else None
        return next((k.value for k in call.keywords if k.arg == field), None)

    def _configuration_file(self, configuration: Value | None, site: flow.Site) -> str:
        """The file a service configuration (`b64encode(open(path).read())`) or a body (`open(path).read()`)
        the script sends is read from, as `automation.deployed_file` gives it; "" for one it writes out, or reads from a file it may
        write (see `flow.Unknown.read_from`)."""
        while isinstance(configuration, flow.Encoded):
            configuration = configuration.inner
        path = configuration.read_from if isinstance(configuration, flow.Unknown) else None
        return automation.deployed_file(self._path_shape(path, site)) if path else ""

    def _package_file(self, package_url: Value | None, site: flow.Site) -> str:
        """The file a package deployment's package was uploaded from (`Deployment.package_file`), as
        `automation.deployed_file` gives its path: the file the script uploads to the container and blob
        the package's URL names (`create_blob_from_path("pkgs", "Proj.cspkg", "Proj/bin/Release/app.publish/
        Proj.cspkg")`, deployed from `https://<account>.blob.core.windows.net/pkgs/Proj.cspkg`);
        "" when the URL does not name both, or no upload or two of other files do."""
        node = package_url.node if package_url is not None else None
        shaped = self.shapes.value(node, site) if isinstance(node, ast.expr) else None
        url = literal(package_url) or literal(shaped) or ""
        try:
            path = urllib.parse.urlsplit(url).path
        except ValueError:  # `https://[host/...`: no URL
            return ""
        container, _, blob = path.strip("/").partition("/")
        if not container or not blob or HOLE in container + blob:
            return ""
        files = {
            self._uploaded_package(upload, container, blob)
            for method in _BLOB_UPLOADS
            for upload in self.index.method_calls.get(method, [])
        } - {None}
        return files.pop() or "" if len(files) == 1 else ""

    def _uploaded_package(self, upload: CallSite, container: str, blob: str) -> str | None:
        """The file an upload (`_BLOB_UPLOADS`) sends, as `automation.deployed_file` gives its path, when it
        sends it to `container` and `blob`; None for an upload elsewhere, or where it is not stated."""
        given = _given_arguments(upload.node, ("container_name", "blob_name", "file_path"))
        site = flow.site_of(upload)
        if any(name not in given for name in ("container_name", "blob_name", "file_path")):
            return None
        to = [literal(self.flow.value(given[name], site)) for name in ("container_name", "blob_name")]
        if to[0] is None or to[0].casefold() != container.casefold() or to[1] != blob:
            return None
        return automation.deployed_file(self._path_shape(given["file_path"], site))

    def _path_shape(self, node: ast.expr, site: flow.Site) -> str:
        """`_shape` of a path, joined by `os.path.join` where the script joins it so, in the call or in the
        one value of the name it passes: its first part, where the script does not state it, is most often
        the script's folder (`os.path.dirname(__file__)`)."""
        joined = node
        if isinstance(node, ast.Name):
            scope = flow.lookup(node.id, site.scope, self.index.module)
            bindings = scope.bindings[node.id] if scope is not None else []
            joined = (bindings[0].value if len(bindings) == 1 else None) or node
        if not isinstance(joined, ast.Call) or dotted(joined.func) not in PATH_JOINS or joined.keywords:
            return self._shape(node, site)
        if not joined.args or any(isinstance(arg, ast.Starred) for arg in joined.args):
            return self._shape(node, site)
        return "/".join(self._shape(arg, site) for arg in joined.args)

    def _uploaded_file(self, body: Value | None, site: flow.Site) -> str:
        """A network configuration upload whose body the script does not show: the name of the file it
        reads it from (`open('NetworkConfig.netcfg').read()`), the last part of its path when the script
        states it; "" when it does not, when the script writes files (see `flow.Unknown.read_from`), or
        when it may put a file of that name in place otherwise (`shutil.copy`, `os.replace`, `Path.
        write_text`, see `Flow.replaces`): the file it sends is not known to be the one checked."""
        path = body.read_from if isinstance(body, flow.Unknown) else None
        shape = self._shape(path, site) if path is not None else HOLE
        last = shape.replace("\\", "/").rpartition("/")[2].strip()
        unknown = HOLE in last or last in ("", ".", "..") or self.flow.replaces(last)
        named = "" if unknown else last
        self.uploaded_files.setdefault(named, None)
        return named

    def _security_rule_body(self, path: str, body: Lit, mark: Mark, surely: bool) -> bool:
        """Set Network Security Rule, which the SDK has no method for: a `<Rule>` PUT to
        `.../services/networking/networksecuritygroups/<group>/rules/<rule>` sets the rule of that name in
        the group (a later one replaces it), at the call; a value built from one the script does not state
        is None (see `SecurityRule`); sent on a path that may not run (`surely` False), the rule may be there
        or not, as the one it would replace (see `rules_after`). Whether the path names a rule: its body is
        nothing else then."""
        group, name = security_rule_path(path)
        if group is None or name is None:
            return False
        from migcheck.readers.xml import Unreadable, local_name, parse, text_of

        try:
            root = parse(body.text.encode("utf-8"), body.text)
        except (Unreadable, ValueError):
            return True
        if local_name(root) == "Rule":
            values = {f: text_of(root, element) for f, element in SECURITY_RULE_VALUES.items()}
            stated = {f: None if UNSTATED_TEXT in value else value for f, value in values.items()}
            runs = "" if surely else MAYBE_RUNS
            rule = SecurityRule(group, name, mark, **stated, runs=runs, selected_in=self.run_client)
            key = (self._here(group), name.casefold())
            self.security_rules[key] = rules_after(self.security_rules.get(key, []), rule)
        return True

    def _updated_role(
        self, call: CallSite, draft: _Draft, role: Role, path_name: str | None, mark: Mark, looped: str = ""
    ) -> None:
        """A role body PUT to `.../roles/<name>` (Update Role) changes the VM its path names, which exists
        already: the facts the body states replace that VM's, and those it leaves out stay as they were,
        which the reader does not know unless the file creates the VM too. One per item of a loop whose
        item fills in the path (`looped`)."""
        stated = self.body_states.get(id(role), frozenset(VM_FACTS))
        unknown = (role.unknown | UNKNOWABLE) - stated
        name = path_name or role.name
        changed = replace(role, name=name, unknown=unknown, changes_existing=True, looped_over=looped)
        self._body_role(call, draft, changed, mark, stated)

    def _body_resources(self, body: Lit, mark: Mark) -> list[object]:
        """The roles, deployments or network configuration a body describes, marked in this file. Read once
        for each body written: a large body sent by many calls is not parsed again for each (a body built
        from pieces is at most MAX_TEXT long, and is told apart by its text too, which may differ from one
        call to the next)."""
        key = id(body.node) if isinstance(body.node, ast.Constant) else (id(body.node), body.text)
        found = self.read_bodies.get(key)
        if found is None:
            found = self.read_bodies[key] = self._read_body(body, mark)
        return found

    def _read_body(self, body: Lit, mark: Mark) -> list[object]:
        root = body_root(body.text)
        if root is None:
            return []
        from migcheck.readers import deployment as rest
        from migcheck.readers import netcfg
        from migcheck.readers.xml import Marker, local_name

        place = _BodyPlace(self.source, body, mark)
        marker = Marker(self.source.path, body.text)
        unstated = UNSTATED_TEXT in body.text
        if local_name(root) == "NetworkConfiguration":
            read = [place.moved(r) for r in netcfg.read(root, marker)]
            return [without_unstated_values(r) for r in read] if unstated else read
        read = [
            place.moved(r)
            for r in rest.read(root, marker)
            if isinstance(r, (Role, Deployment, ApplicationGateway, Image, Disk, *CREATED))
            or named_group(r, local_name(root))
        ]
        if unstated:
            read = [without_unstated_values(self._unstated(r, mark)) for r in read]
        for resource in read:
            if isinstance(resource, Role):
                self.body_states[id(resource)] = stated_facts(root)
        if local_name(root) == "LoadBalancedEndpointList":
            self.set_vms.update(id(resource) for resource in read)
        return read

    def _unstated(self, resource: object, mark: Mark) -> object:
        """A role of a body read from a template (`_templated`), or a deployment's roles, with what the
        script does not state unknown: a role name a stand-in of its own, the subnets and the availability
        set the role may be in unknown, and the endpoints and extensions it may have more of."""
        if isinstance(resource, Deployment):
            return replace(resource, roles=tuple(self._unstated_role(r, mark) for r in resource.roles))
        return self._unstated_role(resource, mark) if isinstance(resource, Role) else resource

    def _unstated_role(self, resource: Role, mark: Mark) -> Role:
        return unstated_role(resource, lambda what: self._stand_in_at(what, mark))

    def _body_role(
        self, call: CallSite, draft: _Draft, role: Role, mark: Mark, updates: frozenset[str] | None
    ) -> None:
        """A role body joins its deployment: a POST adds a role (Add Role, `updates` None), a PUT changes
        the facts `updates` names (Update Role)."""
        if not role.name:
            role = replace(role, name=self._stand_in_at("VM", mark))
        # The VMs of a load-balanced set are named after the set (a stand-in): the set is one whichever call
        # changes it.
        named = not is_stand_in(role.name) or id(role) in self.set_vms
        key = ("role", _key(role.name)) if named else self._call_key(call)
        draft.add(role, key, updates)

    # --- XML the script builds element by element -----------------------------------------------------

    def _element_acls(self) -> None:
        """Endpoint ACLs the script builds with ElementTree for a REST body of its own
        (`acl = SubElement(endpoint, 'EndpointAcl')`, `rules = SubElement(acl, 'Rules')`,
        `SubElement(rules, 'Rule')`): one rule for each `Rule` written. The VM and endpoint they go to are
        values the body is given elsewhere, so each ACL is on a VM of its own."""
        elements = self.index.elements
        tags = {id(e.node): self._tag(e) for e in elements}
        children: dict[int, list[CallSite]] = {}
        for element in elements:
            parent = self._parent(element)
            if parent is not None:
                children.setdefault(id(parent), []).append(element)

        def under(parent: CallSite, tag: str) -> list[CallSite]:
            return [c for c in children.get(id(parent.node), []) if tags[id(c.node)] == tag]

        for element in elements:
            if tags[id(element.node)] == "EndpointAcl":
                rules = [rule for group in under(element, "Rules") for rule in under(group, "Rule")]
                if rules:
                    self._element_acl(element, rules)

    def _element_acl(self, acl: CallSite, rules: list[CallSite]) -> None:
        """An ACL built with ElementTree, on the VM each request that sends the body it is built for
        names (`sms.perform_put(path, role_body(...))`, the ACL built in `role_body`); on a VM of its own
        when no such request names one."""
        line, mark = acl.node.lineno, self.source.call_mark(acl.node)
        sent = self.element_sends.get(id(acl.scope), [])
        for turn, (call, service, deployment, vm) in enumerate(sent, 1):
            self.turn = turn if len(sent) > 1 else 0
            draft = self._draft_named(
                call, service, deployment or self._stand_in("deployment", line), None, mark
            )
            role = replace(self._acl_role(acl, rules, vm), changes_existing=True)
            draft.add(role, ("role", _key(role.name)), frozenset({"endpoints"}))
        self.turn = 0
        if not sent:
            role = self._acl_role(acl, rules, self._stand_in("VM", line))
            self._draft_named(acl, None, self._stand_in("deployment", line), None, mark).add(
                role, self._call_key(acl)
            )

    def _acl_role(self, acl: CallSite, rules: list[CallSite], vm: str) -> Role:
        """The VM an ElementTree ACL is on, as far as the ACL tells: one endpoint, whose name the script
        gives the body elsewhere, with the ACL's rules. A `Rule` written in a loop or under a test inside
        the ACL's own block may be added any number of times (`for acel in epel['acls']:`), so how many
        rules the ACL has is not known (`EndpointAcl.all_rules_known`)."""
        mark, endpoint = self.source.call_mark(acl.node), self._stand_in("endpoint", acl.node.lineno)
        written = tuple(AclRule("", "", "", "", self.source.call_mark(rule.node)) for rule in rules)
        known = all(rule.scope is acl.scope and rule.chain == acl.chain for rule in rules)
        made = EndpointAcl(vm, endpoint, "", written, mark, all_rules_known=known)
        endpoints = (InputEndpoint(endpoint, "", "", "", made, mark),)
        return Role(vm, RoleType.PERSISTENT_VM, mark, endpoints=endpoints, unknown=UNKNOWABLE)

    def _record_element_send(self, call: CallSite, body: ast.expr | None, path: str) -> None:
        """A request whose body is what one of the script's functions returns (`role_body(...)`, or a
        name bound once to that): the XML that function builds element by element is sent to `path`."""
        if isinstance(body, ast.Name):
            scope = flow.lookup(body.id, call.scope, self.index.module)
            bindings = scope.bindings[body.id] if scope is not None else []
            body = bindings[0].value if len(bindings) == 1 else None
        if not isinstance(body, ast.Call) or not isinstance(body.func, ast.Name):
            return
        scope = flow.lookup(body.func.id, call.scope, self.index.module)
        function = scope.functions.get(body.func.id) if scope is not None else None
        if function is None:
            return
        service, deployment, role = path_names(path)
        sends = self.element_sends.setdefault(id(function.scope), [])
        if role is not None and len(sends) < _MAX_BODY_TARGETS:  # as for a body written out
            sends.append((call, service, deployment, role))

    def _tag(self, element: CallSite) -> str:
        """The local name of the element a call builds ("" when the script does not state it)."""
        at, args = flow.XML_BUILDERS[element.method], element.node.args
        if len(args) <= at or isinstance(args[at], ast.Starred):
            return ""
        tag = literal(self.flow.value(args[at], flow.site_of(element))) or ""
        return tag.rpartition("}")[2]  # `{namespace}name`

    def _parent(self, element: CallSite) -> ast.Call | None:
        """The call that built the element a `SubElement` call adds to, when its first argument is a name
        bound once, to that call."""
        args = element.node.args
        if element.method != "SubElement" or not args or not isinstance(args[0], ast.Name):
            return None
        name = args[0].id
        scope = flow.lookup(name, element.scope, self.index.module)
        bindings = scope.bindings[name] if scope is not None else []
        value = bindings[0].value if len(bindings) == 1 else None
        return value if isinstance(value, ast.Call) else None

    # --- web/worker roles --------------------------------------------------------------------------

    def _package(self, call: CallSite, bound: Bound, mark: Mark, site: flow.Site) -> None:
        """A deployment of a service package (.cspkg): web and worker roles, named by the configuration
        when the script writes it out (or `role_to_upgrade`), else one stand-in for the package's roles:
        neither the package's file nor the deployment names a role. A configuration read from a file the
        script names is that file's (`Deployment.configuration_file`)."""
        v = bound.values
        # A swap names the deployment it puts into production (`source_deployment`). Read at `site`, a call
        # that names the service by a value the script does not state is of the deployment another call
        # names by the same value (see `_same_deployment`): one cloud service, not one per call.
        name = v.get("name") or v.get("deployment_name") or v.get("source_deployment")
        if "service_name" not in v or name is None:
            return
        draft = self._draft(call, v["service_name"], name, v.get("deployment_slot"), mark, site)
        if call.method == "create_deployment":
            # A creation as create_virtual_machine_deployment's: a delete that runs with it removes it.
            if not any(made is call for made, _ in draft.creations):  # once for all the call's paths
                draft.creations.append((call, site))
            if not draft.service and not draft.service_looped_over:
                draft.service_looped_over = self._looped_over(call, v["service_name"], site)  # one per turn
        draft.configuration_file = draft.configuration_file or self._configuration_file(
            v.get("configuration"), self.path_of_bound.get(id(bound), site)
        )
        draft.package_file = draft.package_file or self._package_file(v.get("package_url"), site)
        roles = _configured_roles(v.get("configuration"))
        if not roles:
            roles = [(literal(v.get("role_to_upgrade")) or self._stand_in_at("role", mark), None)]
        for role_name, instances in roles:
            role = Role(
                role_name,
                RoleType.WEB_OR_WORKER,
                mark,
                instances=instances,
                kind_evidence=PACKAGE_EVIDENCE[call.method],
            )
            draft.add(role, ("role", _key(role_name)))

    def _associate(self) -> None:
        """Reserved IPs associated with deployments, and taken off them (see `_disassociate`), in the order
        the calls are read. One associated with a deployment this file describes is that deployment's when
        the call surely runs, or surely runs whenever a call that creates the deployment did (see
        `_with_its_creation`); one that may not run leaves whether its VIP is reserved unknown, and the
        reserved IP that deployment's if anyone's (`_maybe_vips`). One
        associated with a deployment it does not describe, by a call that surely runs and states the
        reserved IP, the cloud service and the deployment (and a virtual IP, if any, by its name), is in use
        by that deployment all the same, as Set-AzureReservedIPAssociation makes it: the file describes the
        deployment with no VMs of its own, which the link stage joins to the one other files describe."""
        for call, bound, mark, site, disassociates in self.associations:
            if disassociates:
                self._disassociate(call, bound, mark, site)
                continue
            service, deployment = (
                literal(bound.values.get("service_name")),
                literal(bound.values.get("deployment_name")),
            )
            draft, bound = self._associated_draft(call, bound, site)
            name = bound.values.get("name")
            if self._association_refused(call, site, self._ref(name), service):
                continue
            created = self._unstated_reservation(name, site, create=False)
            if (
                draft is None
                and service
                and deployment
                and (literal(name) or created).strip()
                and _virtual_ip_named(bound) is not None
                and self._surely_runs(call, site)
            ):
                draft = self._draft_named(call, service, deployment, None, mark)
            vip = _virtual_ip_named(bound)
            if draft is not None and vip != "" and name is not None:
                given = NameRef(created or self._name(name, "reserved IP", mark), self._mark(name))
                self._associate_other_vip(
                    draft,
                    given,
                    vip,
                    self._surely_runs(call, site)
                    or (not draft.creations or self._with_its_creation(call, draft)),
                )
            elif draft is not None and draft.reserved_ip is None and name is not None:
                given = NameRef(created or self._name(name, "reserved IP", mark), self._mark(name))
                # Of a deployment no call of the file creates (add_role, a body sent), it is taken as made.
                if (
                    self._surely_runs(call, site)
                    or not draft.creations
                    or self._with_its_creation(call, draft)
                ):
                    draft.reserved_ip = given
                else:  # as Set-AzureReservedIPAssociation that may not run: whether it is reserved is not known
                    draft.reserved_ip_unknown = True
                    draft.maybe_reserved.append((given, False))
        for (service, reserved), released in self.released.items():
            drafts = [self.drafts.get(key) for key in self.service_drafts.get(service, [])]
            held = [
                draft.reserved_ip for draft in drafts if draft is not None and draft.reserved_ip is not None
            ]
            if not any(_key(ip.name) == reserved for ip in held):  # not associated with it again
                self.reserved.append(released)

    @staticmethod
    def _associate_other_vip(draft: _Draft, given: NameRef, vip: str | None, surely: bool) -> None:
        """A reserved IP associated with a virtual IP of the deployment (`vip`, see `_virtual_ip_named`),
        as Set-AzureReservedIPAssociation -VirtualIPName gives one: not the default VIP's, whose address
        still changes. One the call `surely` gives a VIP it states is that VIP's, which keeps it only with
        an input endpoint on it (MIG106); one that may not run gives the default VIP nothing either. A VIP
        the script does not state (None) may be the default one: whether that is reserved is not known."""
        if vip is None and draft.reserved_ip is None:
            draft.reserved_ip_unknown = True
            unnamed = VirtualIp("", given.mark, default=False)  # see `NameRef.virtual_ip`
            draft.maybe_reserved.append((replace(given, virtual_ip=unnamed), False))
        elif vip is not None and surely:
            on = VirtualIp(vip, given.mark, default=False)
            draft.vip_reserved[_key(vip)] = replace(given, virtual_ip=on)

    def _power_states(self) -> None:
        """The state the script leaves the VMs it creates in, as the PowerShell reader reads Stop-AzureVM:
        `shutdown_role` and `shutdown_roles` with `post_shutdown_action='StoppedDeallocated'` leave them
        stopped (deallocated), without it (the SDK's `Stopped`) stopped and still allocated; `start_role`,
        `start_roles` and `restart_role` bring them back to running. Only a call that surely runs after the
        creation, or whenever a call that creates the deployment did (see `_with_its_creation`), and names
        the deployment as the creation does (see `_associated_draft`) and the VM by its name, states the
        VM's state; one that may not run, or a shutdown whose action the script does not state, leaves it
        as a script's VMs are once made, running."""
        for call, bound, mark, site in self.power:
            draft, bound = self._associated_draft(call, bound, site)
            if draft is None:
                continue
            v = bound.values
            if call.method.endswith("s"):
                items, complete = items_of(v.get("role_names"))
                names = [literal(item) for item in items] if complete else [None]
            else:
                names = [literal(v.get("role_name"))]
            status = None
            if call.method.startswith("shutdown"):
                action = v.get("post_shutdown_action")
                written = (
                    "stopped" if action is None else "".join(filter(str.isalpha, _key(literal(action) or "")))
                )
                status = _SHUTDOWN_STATES.get(written)
            surely = self._after_its_creation(call, site, draft)
            for name in names:
                if name is None:  # a VM the script does not name: which one is not known
                    continue
                vm_key = ("role", _key(name))
                if status is not None and surely:
                    draft.states[vm_key] = (status, mark)
                else:
                    draft.states.pop(vm_key, None)

    def _after_its_creation(self, call: CallSite, site: flow.Site, draft: _Draft) -> bool:
        """Whether a call surely runs after a call that creates the deployment: at module level, after one
        there, when it surely runs; or whenever that one did (`_with_its_creation`). A deployment no call of
        the file creates (add_role to one that exists) is taken as there."""
        if self._with_its_creation(call, draft):
            return True
        if not self._surely_runs(call, site):
            return False
        module = self.index.module
        return not draft.creations or any(
            made.scope is not module or call.scope is not module or made.at < call.at
            for made, _ in draft.creations
        )

    def _associated_draft(self, call: CallSite, bound: Bound, site: flow.Site) -> tuple[_Draft | None, Bound]:
        """The deployment a reserved IP association (or its removal), read at `site`, names, with the
        arguments to read the rest of the call from: by its cloud service and its name; where the script
        does not state them, by the values a creation read as written passes for them too (see
        `_bindings`, `_same_deployment`), the call read as written as well, so that its reserved IP is the
        one the call names however it is called: `associate_reserved_ip_address(ip, service, service)` in
        the function that creates the deployment `service` names, called in a loop over services the
        script does not state, as Set-AzureReservedIPAssociation gives a reserved IP to the deployment
        New-AzureVM creates in the cloud service of the same variable."""
        service, deployment = (
            literal(bound.values.get("service_name")),
            literal(bound.values.get("deployment_name")),
        )
        if service and deployment:
            return self.drafts.get((self._here(service), _key(deployment))), bound
        written = flow.site_of(call)
        rebound = (
            self.flow.bind(call.node, SIGNATURES[call.method], written) if site.frame is not None else bound
        )
        values = rebound.values if rebound is not None else {}
        if "service_name" not in values or "deployment_name" not in values:
            return None, bound
        key = self._same_deployment(call, values["service_name"], values["deployment_name"], written)
        draft = self.drafts.get(key) if key is not None else None
        return (draft, rebound) if draft is not None and rebound is not None else (None, bound)

    def _disassociate(self, call: CallSite, bound: Bound, mark: Mark, site: flow.Site) -> None:
        """`disassociate_reserved_ip_address`, as Remove-AzureReservedIPAssociation: the deployment it names
        keeps a dynamic VIP, reserved no longer, when the call surely runs and names the deployment's
        reserved IP; otherwise whether its VIP is reserved is no longer known. One of another reserved IP
        than the deployment's (both stated), or on another virtual IP of the deployment, changes nothing.
        One that surely runs and states the reserved IP and the service, of a deployment the file does not
        give a reserved IP, takes it off the service as other files describe it (`ReservedIp.
        released_from`), unless the file associates it with the service again afterwards."""
        vip = _virtual_ip_named(bound)
        if vip != "":
            self._disassociate_other_vip(self._associated_draft(call, bound, site), vip)
            return
        draft, bound = self._associated_draft(call, bound, site)
        service, name = literal(bound.values.get("service_name")), literal(bound.values.get("name"))
        surely = self._surely_runs(call, site)
        if draft is None or draft.reserved_ip is None:
            if surely and service and service.strip() and name and name.strip():
                released = ReservedIp(name, "", "", mark, released_from=service)
                self.released[(self._here(service), _key(name))] = released
            return
        held = draft.reserved_ip.name
        same = _key(name) == _key(held) if name and not is_stand_in(held) else None
        if same is False:
            return
        draft.reserved_ip = None
        draft.reserved_ip_unknown = not (same and (surely or self._with_its_creation(call, draft)))
        if draft.reserved_ip_unknown:  # it may still hold it
            draft.maybe_reserved.append((NameRef(held, mark), True))

    @staticmethod
    def _disassociate_other_vip(found: tuple[_Draft | None, Bound], vip: str | None) -> None:
        """`disassociate_reserved_ip_address` of another virtual IP than the default one (`vip`): the
        reserved IP the deployment holds there is held no longer, where the call may name it (whether or not
        it runs: none is said to be stranded on it). One on a VIP the script does not state (None) may be the
        default one's: whether that is reserved is no longer known, where it may hold it."""
        draft, bound = found
        if draft is None:
            return
        name = literal(bound.values.get("name"))
        for on, held in list(draft.vip_reserved.items()):
            mine = name is None or is_stand_in(held.name) or _key(name) == _key(held.name)
            if mine and (vip is None or on == _key(vip)):
                del draft.vip_reserved[on]
        own = draft.reserved_ip
        if (
            vip is None
            and own is not None
            and (name is None or is_stand_in(own.name) or _key(name) == _key(own.name))
        ):
            draft.reserved_ip, draft.reserved_ip_unknown = None, True

    def _role_deleted_with_its_creation(
        self, call: CallSite, service: Value, deployment: Value, role: Value | None, site: flow.Site
    ) -> None:
        """A delete_role of a VM the script names as it states it, or by the very value the call that
        created it passed (`prefix + "vm"` both times, see `_role_key`), that surely runs whenever that call
        did (see `_runs_with`): a teardown past a stop the script may take (`if args.keep: sys.exit(0)`)
        deletes a VM created past the stop too, and keeps one created before it, as Remove-AzureVM does
        (see `_Draft.remove`)."""
        names = literal(service), literal(deployment)
        if not all(names) or role is None or isinstance(role, NoneV):
            return
        draft = self.drafts.get((self._here(names[0] or ""), _key(names[1] or "")))
        key = self._role_key(call, role, site)
        made = draft.role_creations.get(key, []) if draft is not None and not draft.unordered else []
        if draft is not None and any(self._runs_with(call, creation) for creation in made):
            draft.remove(key)

    def _with_its_creation(self, call: CallSite, draft: _Draft) -> bool:
        """Whether a call that associates a reserved IP with a deployment, or takes it off, surely runs
        whenever a call that creates the deployment did, as the PowerShell reader asks of
        Set-AzureReservedIPAssociation: after it in the same block of the same code, neither in a
        comprehension or a generator, with no statement between that may end the path (`flow.Exit`, in a
        `try` or `with` body too: see `flow.Scope.may_end`)."""
        return any(self._runs_with(call, made) for made, _ in draft.creations)

    def _runs_with(self, call: CallSite, made: CallSite) -> bool:
        """Whether `call` surely runs whenever `made` did (see `_with_its_creation`)."""
        return (
            made.scope is call.scope
            and made.chain == call.chain
            and made.at < call.at
            and not made.comprehensions
            and made.unconsumed is None
            and not any(made.at <= ended < call.at for ended in call.scope.may_end)
        )

    def _torn_down_after(self, made: CallSite, delete: CallSite) -> bool:
        """Whether `delete` is in the tearDown unittest (or pytest) runs after the setUp or test `made` is in,
        and runs whenever that tearDown does, `made` whenever its method does: tearDown runs after each test
        whose setUp ended, a failing test too, so a setUp must not end early after `made` (`flow.Exit`)."""
        made_in, delete_in = made.scope.function, delete.scope.function
        if made_in is None or delete_in is None or self.torn_down.get(id(made_in.node)) is not delete_in.node:
            return False
        set_up = not made_in.node.name.startswith("test")
        ends_after = set_up and any(ended >= made.at for ended in made.scope.may_end)
        return self._runs_with_its_function(made) and self._runs_with_its_function(delete) and not ends_after

    def _name_told(self, call: CallSite, value: Value | None, site: flow.Site) -> object:
        """What tells the name a call passes (`value`: a reserved IP's, a storage account's) from others: the
        name as the script states it, else the value the argument holds (`Flow.same_value`); None when
        nothing does."""
        name = literal(value)
        if name:
            return ("stated", _key(name))
        node = value.node if isinstance(value, flow.Unknown) else None
        if not isinstance(node, ast.expr) or not _is_argument(call.node, node):
            return None
        return self.flow.same_value(node, site)

    def _delete_reserved_ip(self, call: CallSite, bound: Bound, site: flow.Site) -> None:
        """delete_reserved_ip_address: the reserved IP the script created under the name it passes is gone
        again, and no plan step moves it, when the delete surely runs after each time the call that created
        it ran (see `_take_away_deleted`). A delete that may not run, or of a name the script does not tell,
        leaves it."""
        told = self._in_subscription(
            self._name_told(call, bound.values.get("name"), site), self._client_of_run(call, site)
        )
        if told is None or bound.open:
            return
        surely = self._surely_runs(call, site)
        self.reserved_deletes.append(_Deletion(call, told, self._calls_from_top(call, site), surely))

    def _written_paths(self) -> None:
        """The request paths the script writes without the API's host (see `_request_paths`): listed among
        its calls as requests, where written, unless a request it sends on the host names the same address
        (the path joined to the host there is that request's)."""
        if "services/" not in self.source.text:  # no path of the API: no walk of the module for one
            return
        sent = {
            call.name.split(host, 1)[1]
            for call in self.calls
            for host in automation.MANAGEMENT_HOSTS
            if host in call.name
        }
        for node, path in _request_paths(self.tree):
            if id(node) in self.sent_url_nodes:
                continue  # listed by its URL, where the request is sent
            name = automation.path_request_name(path)
            if automation.requested_address(name) not in sent:
                self.calls.append(ClassicCall(name, self.source.mark(node)))

    def _refused_after_delete(self) -> None:
        """A create_virtual_machine_deployment whose every path names (`reserved_ip_name`) a reserved IP the
        script surely deleted before it, and made no more after: that reserved IP does not exist then, so
        the platform refuses the call, which creates no deployment. Each name is kept (`NamedAfterDelete`)
        for MIG003 to report; a deployment no other call creates is dropped, and another keeps no such
        reserved IP as its VIP."""
        refused: set[int] = set()
        for call, site, draft, names in self.reserved_given.values():
            deletes = [self._deleted_before(call, site, name) if name else None for name in names]
            if not names or any(delete is None for delete in deletes):
                continue
            refused.add(id(call))
            uses = f"{call.method} of cloud service '{draft.service}'" if draft.service else call.method
            for name, delete in zip(names, deletes, strict=True):
                assert name is not None and delete is not None
                deleted_at = self.source.call_mark(delete.call.node)
                named = NamedAfterDelete(name.name, "ReservedIP", uses, name.mark, deleted_at)
                self.named_after_delete.setdefault((name.mark.line, name.mark.column), named)
                if draft.reserved_ip is not None and _key(draft.reserved_ip.name) == _key(name.name):
                    draft.reserved_ip = None
        for key, draft in list(self.drafts.items()):
            if draft.creations and all(id(made) in refused for made, _ in draft.creations):
                del self.drafts[key]

    def _association_refused(
        self, call: CallSite, site: flow.Site, name: NameRef | None, service: str | None
    ) -> bool:
        """Whether an associate_reserved_ip_address names a reserved IP the script surely deleted before it
        and made no more after: it does not exist then, so the platform refuses the call, which gives the
        deployment no reserved IP; the name is kept (`NamedAfterDelete`) for MIG003 to report."""
        delete = self._deleted_before(call, site, name) if name is not None else None
        if name is None or delete is None:
            return False
        uses = f"{call.method} of cloud service '{service}'" if service else call.method
        deleted_at = self.source.call_mark(delete.call.node)
        refused = NamedAfterDelete(
            name.name, "ReservedIP", uses, name.mark, deleted_at, "gives the deployment no reserved IP"
        )
        self.named_after_delete.setdefault((name.mark.line, name.mark.column), refused)
        return True

    def _operation_waited(self, call: CallSite, bound: Bound, site: flow.Site) -> None:
        """wait_for_operation_status, or get_operation_status polled in a loop (`while
        sms.get_operation_status(result.request_id).status == 'InProgress'`), on the request id an
        asynchronous request returned (`result.request_id`, or the request's own `.request_id`): the
        operation that request started is done once it surely runs (see `_waited_for`). Once each call."""
        polled = call.method == "wait_for_operation_status" or self.flow.in_loop(call.chain)
        if not polled and id(call.node) not in self._wait_index()[1]:
            return  # one status read: the operation may still be running
        waited = bound.values.get("request_id")
        node = waited.node if isinstance(waited, flow.Unknown) else None
        if not isinstance(node, ast.Attribute) or node.attr != "request_id":
            return
        request = node.value
        on = (id(call.scope), request.id) if isinstance(request, ast.Name) else id(request)
        if (id(call.node), on) not in self.operation_waits:
            wait = _Deletion(call, on, self._calls_from_top(call, site), self._surely_runs(call, site))
            self.operation_waits[(id(call.node), on)] = wait

    def _waited_for(self, delete: _Deletion, later: _Deletion) -> bool:
        """Whether the script surely waits for an asynchronous delete after it and before `later` runs, on
        the request id the delete returned: delete_reserved_ip_address returns once the platform has taken
        the request, not once it has deleted (the SDK sends it as an asynchronous operation, whose status
        the REST reference says to poll with Get Operation Status), so what runs next may find it still
        there, as after a deletion run in the background."""
        if not self.operation_waits:
            return False
        request = delete.call.node
        target = self._wait_index()[0].get(id(request))
        on = {id(request)} | ({(id(delete.call.scope), target)} if target else set())
        return any(
            wait.told in on
            and wait.surely
            # A wait given the delete's own `.request_id` runs once the delete has returned.
            and (wait.told == id(request) or self._deletes_after(delete.call, delete.leads, wait))
            and self._deletes_after(wait.call, wait.leads, later)
            for wait in self.operation_waits.values()
        )

    def _wait_index(self) -> tuple[dict[int, str], set[int]]:
        """The name each call's result is bound to (`result = sms.delete_reserved_ip_address(name)`), by the
        call's node, and the calls in the test of a `while` loop: worked out once, with one walk of the
        module, where the script waits on a request."""
        if self.wait_index is None:
            named: dict[int, str] = {}
            polled: set[int] = set()
            for node in ast.walk(self.tree):
                if (
                    isinstance(node, ast.Assign)
                    and len(node.targets) == 1
                    and isinstance(node.value, ast.Call)
                ):
                    target = node.targets[0]
                    if isinstance(target, ast.Name):
                        named[id(node.value)] = target.id
                elif isinstance(node, ast.While):
                    polled.update(id(inner) for inner in ast.walk(node.test) if isinstance(inner, ast.Call))
            self.wait_index = (named, polled)
        return self.wait_index

    def _deleted_before(self, call: CallSite, site: flow.Site, name: NameRef) -> _Deletion | None:
        """The delete_reserved_ip_address that surely runs before `call` and takes away the reserved IP of
        `name`, through the client `call` goes through, after every creation that may make one of that name
        (any under a name the script does not state): None where there is none."""
        told = self._in_subscription(("stated", _key(name.name)), self._client_of_run(call, site))
        later = _Deletion(call, told, self._calls_from_top(call, site), True)
        for delete in self.reserved_deletes:
            if (
                delete.told != told
                or not delete.surely
                or not self._deletes_after(delete.call, delete.leads, later)
                or not self._waited_for(delete, later)
            ):
                continue
            makes_anew = (
                made for made in self.reserved_made.values() if made[1] == told or not _told_stated(made[1])
            )
            if all(self._deleted_after(made, [delete]) for made in makes_anew):
                return delete
        return None

    def _take_away_deleted(self) -> None:
        """Takes the reserved IPs and storage accounts the script deletes again off those it creates (see
        `_delete_reserved_ip`, `_delete_storage_account`)."""
        # Kept by identity, not equality: those of one name made in two subscriptions are equal.
        self.reserved = [reserved for reserved in self.reserved if not self._reserved_ip_deleted(reserved)]
        for account, made_by in self.accounts_made.items():
            if self._deleted_after(made_by, self.account_deletes):
                self.storage_types.pop(account, None)

    def _reserved_ip_deleted(self, reserved: ReservedIp) -> bool:
        made = self.reserved_made.get(id(reserved))
        return made is not None and self._deleted_after(made, self.reserved_deletes)

    def _deleted_after(
        self, made: tuple[CallSite, object, list[tuple[CallSite, ...] | None]], deletes: list[_Deletion]
    ) -> bool:
        """Whether one of `deletes` takes away what the call `made` creates (with what tells the name it
        passes and the calls that lead to it each time it runs): one of the same name that surely runs after
        each of those times."""
        call, told, leads = made
        return any(
            delete.told == told and all(self._deletes_after(call, lead, delete) for lead in leads)
            for delete in deletes
        )

    def _deletes_after(
        self, made: CallSite, made_from: tuple[CallSite, ...] | None, delete: _Deletion
    ) -> bool:
        """Whether a delete surely runs after `made` ran, led to by `made_from` (see `_calls_from_top`):
        later in the same block of the same code with no statement between that may end the path (as
        `_with_its_creation` asks); else when it surely runs at all and, of the calls that lead to each
        from the module's level, the first two that differ are in one code and the one leading to the delete
        comes later: a creation in a helper called before the delete, or a delete in a helper called after
        the creation."""
        call = delete.call
        if made.comprehensions or made.unconsumed is not None:
            return False
        if delete.surely and self._torn_down_after(made, call):
            return True
        if made.scope is call.scope and made.chain == call.chain and made.at < call.at:
            return not any(made.at <= ended < call.at for ended in call.scope.may_end)
        if made_from is None or delete.leads is None or not delete.surely:
            return False
        for before, after in zip(made_from, delete.leads, strict=False):
            if before.node is not after.node:
                runs = all(_runs_at_once(lead) for lead in made_from)
                return runs and before.scope is after.scope and before.at < after.at
        return False

    def _first_run(self, calls: Sequence[ClassicCall]) -> Mark:
        """Where the classic call that runs first is: the script's own code runs first, in order, and a
        function's calls where the call that runs it is (`add(sms)` at the end, of a `def add(sms):` written
        above it). Where the reader cannot tell what runs some call (a function no call of the file's runs,
        a method an instance's creation runs, a request path written in a function), it may run first: the
        first call written is taken, as for a module of functions others call."""
        order: list[tuple[tuple[Position, ...], ClassicCall]] = []
        for classic in calls:
            call = self.call_sites.get(classic.mark)
            callers = self.flow.callers(call) if call is not None else []
            chain = self._calls_from_top(call, callers[0]) if call is not None and callers else None
            if chain is None:
                return calls[0].mark
            order.append((tuple(c.at for c in chain), classic))
        return min(order, key=lambda ran: ran[0])[1].mark

    def _calls_from_top(self, call: CallSite, site: flow.Site) -> tuple[CallSite, ...] | None:
        """The calls of the script's functions that lead from the module's level to `call` (read at
        `site`), outermost first, ending with `call` (see `_caller`); None when one is not known."""
        found = [call]
        for _ in range(_MAX_CALL_DEPTH):
            if call.scope is self.index.module:
                return tuple(reversed(found))
            caller = self._caller(call, site)
            if caller is None:
                return None
            call, site = caller
            found.append(call)
        return None

    def _maybe_vips(self) -> list[ReservedIp]:
        """The reserved IPs the script creates, each with the deployment whose VIP it may be
        (`ReservedIp.maybe_service`), as the PowerShell reader gives them (`_Draft.maybe_reserved`)."""
        return with_maybe_vips(self.reserved, self.drafts.values())

    # --- helpers -----------------------------------------------------------------------------------

    def _same_path(self, call: CallSite, path: ast.expr | None, site: flow.Site) -> object | None:
        """What tells the request path a call passes from others when the script does not state it whole
        (`Flow.same_value`): two requests sent to one `path` bound once (`path = '.../%s/...' %
        self.service`, sent on both branches of an `if`) are to one service, whatever its name. None for a
        path built in the call, or bound again between the reads."""
        if path is None or not _is_argument(call.node, path):
            return None
        return self.flow.same_value(path, site)

    def _call_key(self, call: CallSite) -> tuple[str, int, int]:
        """What keeps apart the deployment or VM one call (in one turn of the loops around it) describes
        without naming it."""
        return ("call", id(call), self.turn)

    def _name(self, value: Value | None, what: str, mark: Mark) -> str:
        """A name the call passes: the literal, or a stand-in when the script does not state it (see
        `_stand_in`), at the line of the expression that passes it, and for each turn of a loop around the
        call (each names a VM of its own, which may not be the same)."""
        text = literal(value)
        if text:
            return text
        node = value.node if value is not None else None
        line = getattr(node, "lineno", None)
        stand_in = self._stand_in(what, line) if line is not None else self._stand_in_at(what, mark)
        return f"{stand_in[:-1]}, turn {self.turn}>" if self.turn else stand_in

    def _stand_in(self, what: str, line: int) -> str:
        """The name shown for one the script does not state (a parameter, a setting, `self.name`): what it
        names and where the script passes it, in angle brackets as the plan writes `<cloud service name>`.
        Never the expression: `deployment_name` reads as a deployment of that name, and the plan would
        write it into the commands it gives."""
        return self._stand_in_at(what, Mark(*self.source.place(line)))

    def _stand_in_at(self, what: str, mark: Mark) -> str:
        """The stand-in (see `_stand_in`) of a name passed at `mark`, in the script or in a module whose
        function it runs."""
        return f"<{what} name, {posixpath.basename(mark.path)}:{mark.line}>"

    def _made_at(self, model: Value) -> Mark:
        """Where a model object is made: at its class's name when a call makes it."""
        node = model.node
        return self.source.call_mark(node) if isinstance(node, ast.Call) else self._mark(model)

    def _value_at(self, model: Value, field: str) -> Mark:
        """Where a finding about a model object's `field` points: at the value the script gives it (the
        literal, as `_mark` finds it), else where the object is made."""
        value = model.attrs.get(field) if isinstance(model, Obj) else None
        return self._mark(value) if value is not None and value.node is not None else self._made_at(model)

    def _mark(self, value: Value | None) -> Mark:
        node = value.node if value is not None else None
        return self.source.mark(node) if node is not None else Mark(self.source.path, 1, column=1)


# --- requests sent to the API without the SDK -------------------------------------------------------------

# How many services and deployments one REST body is applied to, at most. Each one is a copy of what the
# body describes (its roles, their endpoints): a body sent by every call of a loop over thousands of names
# would otherwise be that many copies. Real scripts send one body to a few.
_MAX_BODY_TARGETS = 64


# The methods of the storage SDKs that upload a local file to a blob, each given the container's name, the
# blob's and the file's path first: azure-storage's `BlockBlobService.create_blob_from_path`, the older
# azure package's `BlobService.put_block_blob_from_path`.
_BLOB_UPLOADS = ("create_blob_from_path", "put_block_blob_from_path")


@dataclass(frozen=True, slots=True)
class _Sends:
    """Where a function that sends an HTTP request takes its parts: (position, keywords) of the URL, of
    the body, and of the method (None: the function's name is the method)."""

    url: tuple[int, tuple[str, ...]]
    body: tuple[int, tuple[str, ...]] | None = None
    verb: tuple[int, tuple[str, ...]] | None = None
    body_makes_post: bool = False  # urllib: with no method passed, a body makes the request a POST
    # The method a urllib `Request` class of the script's always sends (its `get_method` returns it); "" for
    # any other.
    method: str = ""


_URL_ONLY = _Sends((0, ("url",)))
_URL_AND_DATA = _Sends((0, ("url",)), (1, ("data",)))
# requests (and its sessions), urllib, http.client, urllib3 and WinHttp, by the name they are called by.
_HTTP_CALLS = {
    "get": _URL_ONLY,
    "head": _URL_ONLY,
    "options": _URL_ONLY,
    "delete": _URL_ONLY,
    "put": _URL_AND_DATA,
    "post": _URL_AND_DATA,
    "patch": _URL_AND_DATA,
    # requests.request(method, url, data=...); http.client's and urllib3's request(method, url, body)
    "request": _Sends((1, ("url",)), (2, ("body", "data")), (0, ("method",))),
    "urlopen": _Sends((0, ("url",)), (1, ("data",)), body_makes_post=True),
    "Request": _Sends((0, ("url",)), (1, ("data",)), (5, ("method",)), body_makes_post=True),
    # The WinHttp.WinHttpRequest COM object (`Dispatch("WinHttp.WinHttpRequest.5.1")`): Open(method, url)
    # names the request, a later Send(body) sends it.
    "Open": _Sends((1, ("Url",)), verb=(0, ("Method",))),
}
# requests' Request(method, url, headers, files, data, params, auth, cookies, hooks, json), prepared and sent
# by a session (`session.send(request.prepare())`).
_REQUESTS_REQUEST = _Sends((1, ("url",)), (4, ("data", "json")), (0, ("method",)))


def _api_name(url: ast.expr) -> str | None:
    """The name in the expression of a URL that names the Service Management API (`MGMT_URL`,
    `self.management_endpoint`), None where none does."""
    names = (
        node.id if isinstance(node, ast.Name) else node.attr
        for node in ast.walk(url)
        if isinstance(node, (ast.Name, ast.Attribute))
    )
    return next((name for name in names if any(word in name.casefold() for word in _API_WORDS)), None)


def _certificate_named(certificate: ast.expr) -> str:
    """The certificate file `cert=` names (`'mgmt.pem'`, the first of `('mgmt.pem', 'mgmt.key')`), or the
    name that holds it (`CERT`); "" where it is written otherwise."""
    if isinstance(certificate, ast.Tuple) and certificate.elts:
        certificate = certificate.elts[0]
    if isinstance(certificate, ast.Constant) and isinstance(certificate.value, str):
        return certificate.value
    if isinstance(certificate, ast.Name):
        return certificate.id
    return certificate.attr if isinstance(certificate, ast.Attribute) else ""


# Words in the names that hold a URL that name the Service Management API.
_API_WORDS = ("management", "mgmt")
# How many names the search for the one that names the API follows to what they were bound to
# (`_Resources._api_holder`), for one request.
_FOLLOWED_NAMES = 16
# The namespace of the Service Management API's REST bodies (`<CreateHostedService xmlns=...>`).
_CLASSIC_REST_NAMESPACE = b"http://schemas.microsoft.com/windowsazure"


def _classic_body_file(body: ast.expr) -> str | None:
    """The file a request's body is read from, where it is checked with the script and holds a classic REST
    body (`open('body.xml')`, `open('body.xml').read()`); None for any other body."""
    if isinstance(body, ast.Call) and isinstance(body.func, ast.Attribute) and not body.args:
        body = body.func.value  # `.read()`
    if not (isinstance(body, ast.Call) and flow.callee(body.func) == "open" and body.args):
        return None
    name = body.args[0]
    if not (isinstance(name, ast.Constant) and isinstance(name.value, str)):
        return None
    found = beside.settings_file(name.value)
    return name.value if found is not None and _CLASSIC_REST_NAMESPACE in found.data else None


@dataclass(frozen=True, slots=True)
class _Request:
    """A request a script sends to the Service Management API: its HTTP method (or the function's name
    when the script does not state it), host, path (with HOLEs) and body."""

    verb: str
    host: str
    path: str
    body: ast.expr | None
    # False for a URL an attribute may hold, the script setting it to other values too (see
    # `REQUEST_ATTRIBUTE_UNDECIDED`): the request goes to the API, to a path that is not known.
    decided: bool = True

    @property
    def name(self) -> str:
        """How the call is listed among the script's classic calls (see `automation.request_name`)."""
        return automation.request_name(self.verb, self.host, self.path)


_METHOD_PARAMETERS = ("method", "verb", "http_method")


def _request_class(node: ast.ClassDef) -> _Sends | None:
    """Where a class of the script deriving from urllib's `Request` alone takes a request's parts, by the
    parameters of its `__init__` after `self` (the common recipe `RequestWithMethod(method, *args)`, whose
    `get_method` gives the method it is made with): a parameter named for the method, the URL and the data
    where it names them, and where it passes the rest on (`*args`), the URL then the data in `Request`'s
    order. None for any other class, and for one without such an `__init__`."""
    if not flow.derives_from_request(node):
        return None
    init = next(
        (
            s
            for s in node.body
            if isinstance(s, ast.FunctionDef) and s.name == "__init__" and not s.decorator_list
        ),
        None,
    )
    fixed = _method_returned(node)
    if init is None:  # made as `Request` is, its `get_method` the method it sends
        return replace(_HTTP_CALLS["Request"], verb=None, method=fixed) if fixed else None
    params = [arg.arg for arg in [*init.args.posonlyargs, *init.args.args]][1:]
    verb = next((at for at, param in enumerate(params) if param in _METHOD_PARAMETERS), None)
    if verb is None and not fixed:
        return None
    rest = len(params) if init.args.vararg is not None else None
    url = params.index("url") if "url" in params else rest
    data = (
        params.index("data") if "data" in params else (rest + 1 if rest is not None and url == rest else None)
    )
    if url is None:
        return None
    body = (data, ("data",)) if data is not None else None
    passed = (verb, (params[verb],)) if verb is not None else None
    return _Sends((url, ("url",)), body, passed, body_makes_post=True, method=fixed if verb is None else "")


def _method_returned(node: ast.ClassDef) -> str:
    """The method a class's `get_method` always returns (`def get_method(self): return 'PUT'`), in capitals;
    "" where it has no such method, or returns anything else (`self._method`, the method it is made with)."""
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef) and statement.name == "get_method":
            body = [
                s
                for s in statement.body
                if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
            ]
            if len(body) == 1 and isinstance(body[0], ast.Return):
                value = body[0].value
                if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value.isalpha():
                    return value.value.upper()
    return ""


def _on_api_host(value: Value) -> bool:
    """Whether a value is a URL on the Service Management API's host, or the host itself (a base address
    a URL is built from)."""
    if not isinstance(value, Lit):
        return False
    return (
        automation.management_url(value.text) is not None
        or automation.management_host(value.text) is not None
    )


def _argument(call: ast.Call, position: int, keywords: tuple[str, ...]) -> ast.expr | None:
    """The argument a call passes at `position` or by one of `keywords`; None when it passes none, or
    passes it where the reader cannot tell (after a `*args`)."""
    for keyword in call.keywords:
        if keyword.arg in keywords:
            return keyword.value
    if position >= len(call.args):
        return None
    before = call.args[: position + 1]
    return None if any(isinstance(arg, ast.Starred) for arg in before) else call.args[position]


# How a string literal opens: an optional prefix that keeps the text as written, then its quotes.
_OPENING = re.compile(r"[rRuU]?('''|\"\"\"|'|\")")
# How an f-string opens: its prefix, then its quotes.
_F_OPENING = re.compile(r"([fF][rR]?|[rR][fF])('''|\"\"\"|'|\")")


def _built_by_function(value: Value | None) -> list[object] | None:
    """The pieces of a string a call of one of the script's functions returned, built from the call's
    arguments (`self._make_blob_url(self.settings.ACCOUNT, 'vhds', name)`, see `Flow._built_return`), as
    `Flow.built_pieces` gives those of one written out where it is read. None for any other value: the
    expression it was read from, in the function, tells it (read where the function is called, it names
    what the caller does not bind)."""
    ident = value.ident if isinstance(value, flow.Unknown) else None
    if not ident or ident[0] != "text":
        return None
    return list(ident[1:])


def _shown_piece(piece: object) -> str:
    """A piece of a built string as its shape shows it (see `_Resources._shape`)."""
    return piece if isinstance(piece, str) else HOLE


def _host_label(pieces: list[object]) -> tuple[object, ...] | None:
    """The pieces of a blob address's first host label (its storage account), from a string's pieces (see
    `Flow.built_pieces`): after `://`, up to the first `.`. None when the address does not start with a
    scheme the script states."""
    if not pieces or not isinstance(pieces[0], str) or "://" not in pieces[0]:
        return None
    label: list[object] = []
    for piece in [pieces[0].split("://", 1)[1], *pieces[1:]]:
        if isinstance(piece, str) and "." in piece:
            label += [piece.split(".", 1)[0]] if piece.split(".", 1)[0] else []
            return tuple(label)
        label += [piece] if piece != "" else []
    return None


_EVERY_NETWORK = ("virtual-network", EVERY_NETWORK)  # what Set Network Configuration changes


def _names_affinity_groups(text: str) -> bool:
    """Whether a string is a request path of the subscription's affinity groups, written without the
    API's host and subscription (`affinityGroups`, `affinityGroups/<name>`)."""
    head = text.strip("/").split("/", 1)[0].casefold()
    return (
        head == "affinitygroups"
        and len(text) <= automation.LONGEST_PATH
        and not any(c.isspace() for c in text)
    )


def _is_document(text: str, root_name: str) -> bool:
    """Whether a string is a document whose root is a `root_name` element (a NetworkConfiguration, a
    CreateAffinityGroup body)."""
    from migcheck.readers.xml import local_name

    if root_name not in text[: automation.LONGEST_PATH]:
        return False
    root = body_root(text)
    return root is not None and local_name(root) == root_name


class _BodyPlace:
    """Where the marks of a REST body written in a script go. A body written out as one plain string
    literal (no escape, no implicit concatenation) stands in the file as the XML it is, so each element
    keeps its own line and tag. A body built from such literals (a template filled in, with `%`, `.format`
    or `.replace`, pieces joined with `+`, an f-string) shows each element on the line of the literal that
    writes it (see `flow.Lit.lines`); any other element, and any other body (escaped), is marked at the
    expression that makes it."""

    def __init__(self, source: _Source, body: Lit, fallback: Mark) -> None:
        self.source = source
        self.text = body.text
        self.origin = _verbatim_origin(source, body.node, body.text)
        self.lines = flow.written_lines(body) if self.origin is None else ()
        self.elements: dict[tuple[int, str], list[tuple[int, int | None]]] | None = None  # see `_elements`
        self.fallback = source.mark(body.node) if body.node is not None else fallback
        self.starts: dict[int, int | None] = {}  # see `_start`
        self.continued: dict[int, int] = {}  # see `_row`
        self.body_lines: list[str] | None = None  # see `_tags_in_body_line`
        self.line_starts: list[int] | None = None  # see `_body_offset`
        self.node = body.node
        self.pieces: list[_Piece] | None = None  # see `_adjacent_pieces`
        self.tag_counts: dict[tuple[int, str], int] = {}

    def mark(self, mark: Mark) -> Mark:
        return placed_like(mark, self._element_mark(mark))

    def _element_mark(self, mark: Mark) -> Mark:
        if self.origin is None:
            return self._placed(mark) or self._in_adjacent_strings(mark) or self.fallback
        line, column = self.origin
        if mark.column:  # an exact column in the body: its first line starts inside a line of the file
            shift = column if mark.line == 1 else 0
            return Mark(*self.source.place(line + mark.line - 1), mark.tag, column=mark.column + shift)
        return Mark(*self.source.place(line + mark.line - 1), mark.tag, mark.nth)

    def _placed(self, mark: Mark) -> Mark | None:
        """The mark of an element of a built body on the line of the file a literal writes it on. The
        literals that write a piece of its line in the body are taken in order, each showing the start
        tags of its own piece (`_tags_written`), and the element is the `nth` of its tag among them all:
        `HEAD + SUB + TAIL` shows the `<AddressPrefix>` SUB holds where SUB is written, not HEAD's. None
        when no literal shows it, or when the literals do not show as many of its tag as the body's line
        holds (a literal joined twice, or a piece no literal writes): the element is then marked at the
        expression that makes the body, never at another element."""
        if mark.column or not mark.tag or not 0 < mark.line <= len(self.lines):
            return None
        # An f-string's line that holds a field is written by the pieces on both sides of it: scanned once.
        pieces = {
            (id(literal), self._row(literal, offset)): (literal, offset)
            for literal, offset in self.lines[mark.line - 1]
        }
        shown = [
            (row, column)
            for literal, offset in pieces.values()
            for row, column in self._tags_written(literal, offset, mark.tag)
        ]
        if not mark.nth < len(shown) or len(shown) != self._tags_in_body_line(mark.line, mark.tag):
            return None
        row, column = shown[mark.nth]
        return self._file_mark(mark, row, column)

    def _in_adjacent_strings(self, mark: Mark) -> Mark | None:
        """The mark of an element of a body written as string literals that hold escapes or that Python
        joins into one (`('<A>' '<B>')`): at its `<` in the literal that writes it, mapped through the
        escapes (a `\\` at a line's end only removes that line break). None for another body, or when the
        element is not found there."""
        if self.pieces is None:
            self.pieces = _adjacent_pieces(self.source, self.node, self.text)
        start = self._body_offset(mark) if self.pieces else None
        if start is None:
            return None
        at = bisect.bisect_right(self.pieces, (start, 1 << 62)) - 1
        if at < 0:
            return None
        begins, row, column, written, offsets = self.pieces[at]
        if start - begins >= len(offsets):
            return None
        before = written[: offsets[start - begins]]
        row += before.count("\n")
        column = len(before) - before.rfind("\n") - 1 if "\n" in before else column + len(before)
        return self._file_mark(mark, row, column)

    def _body_offset(self, mark: Mark) -> int | None:
        """Where in the body the element `mark` marks starts: at its exact column on its line, or the
        `nth` start tag of its tag ending on that line; None when the body has no such element."""
        if mark.column:
            if self.line_starts is None:  # found once: a body far past line 65,535 may hold many such marks
                self.line_starts = [0, *(found.end() for found in re.finditer("\n", self.text))]
            if not 0 < mark.line <= len(self.line_starts):
                return None
            return self.line_starts[mark.line - 1] + mark.column - 1
        found = self._elements().get((mark.line, mark.tag), []) if mark.tag else []
        return found[min(mark.nth, len(found) - 1)][0] if found else None

    def _tags_written(self, literal: ast.AST, offset: int, tag: str) -> list[tuple[int, int]]:
        """(row, 0-based column) in the file of each start tag of `tag` line `offset` of `literal` writes:
        between the literal's quotes on its first line and its end on its last, never in a literal written
        beside it on the same line."""
        row = self._row(literal, offset)
        if not 0 < row <= len(self.source.lines):
            return []
        text = self.source.lines[row - 1]
        on_its_first_line = offset == 0 and row == getattr(literal, "lineno", 0)  # not after a `"""\`
        first = self.source.column(row, literal.col_offset) if on_its_first_line else 0  # type: ignore[attr-defined]
        end_row = getattr(literal, "end_lineno", None)
        last = self.source.column(row, literal.end_col_offset) if end_row == row else len(text)  # type: ignore[attr-defined]
        return [(row, found.start()) for found in _start_tag(tag).finditer(text, first, last)]

    def _row(self, literal: ast.AST, offset: int) -> int:
        """The line of the file line `offset` of `literal` is on (see `flow.written_lines`); 0 when its
        lines are not the file's."""
        start = self._start(literal)
        if start is None:
            return 0
        if id(literal) not in self.continued:  # worked out once for each f-string of the body
            continued = _continued_lines(self.source, literal) if isinstance(literal, ast.JoinedStr) else -2
            self.continued[id(literal)] = continued
        return start + offset + (offset <= self.continued[id(literal)])

    def _tags_in_body_line(self, line: int, tag: str) -> int:
        """How many start tags of `tag` line `line` of the body holds: counted once per line and tag."""
        key = (line, tag)
        if key not in self.tag_counts:
            if self.body_lines is None:
                self.body_lines = self.text.split("\n")
            self.tag_counts[key] = len(_start_tag(tag).findall(self.body_lines[line - 1]))
        return self.tag_counts[key]

    def _file_mark(self, mark: Mark, row: int, column: int) -> Mark:
        """The mark of an element of a built body at its `<` in the file. A fix may edit it there only when
        the file writes the whole element as the body holds it: not one that holds a field, a value filled
        in or the end of one literal and the start of the next (`'<A>' + name + '</A>'`), whose edit
        would change the script's code rather than the body."""
        if mark.tag == "!--" or self._written_whole(mark, self.source.offset(row) + column):
            return Mark(*self.source.place(row), mark.tag, column=column + 1)
        return Mark(*self.source.place(row), column=column + 1)  # shown there, and edited nowhere

    def _written_whole(self, mark: Mark, at: int) -> bool:
        """Whether the file, from offset `at`, writes the element of the body at `mark` as the body holds it."""
        found = self._elements().get((mark.line, mark.tag), [])
        if not found:
            return False
        start, end = found[min(mark.nth, len(found) - 1)]
        return end is not None and self.source.text.startswith(self.text[start:end], at)

    def _elements(self) -> dict[tuple[int, str], list[tuple[int, int | None]]]:
        """The body's elements by the line their start tag ends on (as lxml counts lines) and their tag as
        written, in document order: where each starts and ends (None when it is not closed). One pass over
        the body's tags, however many of its elements are marked."""
        if self.elements is None:
            breaks = [found.start() for found in re.finditer("\n", self.text)]
            elements: dict[tuple[int, str], list[tuple[int, int | None]]] = {}
            opened: list[tuple[list[tuple[int, int | None]], int]] = []  # the elements not closed yet
            for kind, start, end in markup(self.text, 0):
                if kind == "end":
                    if opened:
                        entry, index = opened.pop()
                        entry[index] = (entry[index][0], end)
                    continue
                tag = _WRITTEN_TAG.match(self.text, start + 1)
                line = bisect.bisect_left(breaks, end - 1) + 1
                entry = elements.setdefault((line, tag.group() if tag else ""), [])
                entry.append((start, end if kind == "empty" else None))
                if kind == "start":
                    opened.append((entry, len(entry) - 1))
            self.elements = elements
        return self.elements

    def _start(self, node: ast.AST) -> int | None:
        """The line of the file a literal's first line is on, when its lines are the file's (see
        `_literal_start`): worked out once for each literal of the body."""
        if id(node) not in self.starts:
            self.starts[id(node)] = _literal_start(self.source, node)
        return self.starts[id(node)]

    def moved(self, record: object) -> object:
        return remarked(record, self.mark)


# A piece of a body one string literal writes: where it starts in the body, the line and 0-based column of the
# file where the literal's characters start, those characters as written, and where each character of the
# piece is written among them (see `_decoded_offsets`).
_Piece = tuple[int, int, int, str, list[int]]


def _adjacent_pieces(source: _Source, node: ast.AST | None, text: str) -> list[_Piece]:
    """Of `text` written as string literals (`node`: one literal with escapes, or adjacent ones that
    Python joins into one), each literal's piece. Empty when `node` is not such literals, or when a piece
    is not written so that each of its characters has a place (a bytes or f-string literal)."""
    if not isinstance(node, ast.Constant) or node.value != text:
        return []
    written = source.written(node)
    try:
        tokens = [
            t for t in tokenize.generate_tokens(io.StringIO(written).readline) if t.type == tokenize.STRING
        ]
    except (tokenize.TokenError, SyntaxError):
        return []
    first = source.column(node.lineno, node.col_offset)
    pieces: list[_Piece] = []
    begins = 0
    for token in tokens:
        opening = _OPENING.match(token.string)
        if opening is None:
            return []
        inner = token.string[opening.end() : len(token.string) - len(opening.group(1))]
        raw = "r" in token.string[: opening.start(1)].casefold()
        offsets = list(range(len(inner))) if raw else _decoded_offsets(inner)
        row, column = token.start
        pieces.append(
            (
                begins,
                node.lineno + row - 1,
                column + opening.end() + (first if row == 1 else 0),
                inner,
                offsets,
            )
        )
        begins += len(offsets)
    return pieces if begins == len(text) else []


# The escapes of a Python string that stand for one character by the one after the backslash.
_ONE_CHARACTER_ESCAPES = frozenset("\\'\"abfnrtv")
# The escapes that stand for one character by a code: how many characters the code has after the backslash.
_CODE_ESCAPES = {"x": 3, "u": 5, "U": 9}


def _decoded_offsets(inner: str) -> list[int]:
    """Where each character a (not raw) string literal's text decodes to is written in `inner`, its text
    between the quotes: an escape's character at its backslash; a backslash that ends a line, which only
    removes that line break, gives none; an escape Python does not know keeps both its characters."""
    offsets: list[int] = []
    at = 0
    while at < len(inner):
        if inner[at] != "\\" or at + 1 == len(inner):
            offsets.append(at)
            at += 1
            continue
        after = inner[at + 1]
        if after == "\n":
            at += 2
            continue
        offsets.append(at)
        at += _escape_length(inner, at, after)
    return offsets


def _escape_length(inner: str, at: int, after: str) -> int:
    """How many characters the escape at `at` (a backslash, then `after`) takes; an unknown one, the
    backslash alone (the character after it is then its own)."""
    if after in _ONE_CHARACTER_ESCAPES:
        return 2
    if after in _CODE_ESCAPES:
        return _CODE_ESCAPES[after] + 1
    if after in "01234567":
        digits = 1
        while digits < 3 and inner[at + 1 + digits : at + 2 + digits] in tuple("01234567"):
            digits += 1
        return digits + 1
    if after == "N" and inner.startswith("{", at + 2):
        end = inner.find("}", at + 3)
        return end - at + 1 if end > 0 else 1
    return 1


def _verbatim_origin(source: _Source, node: ast.AST | None, text: str) -> tuple[int, int] | None:
    """(line, 0-based character column) where `text` starts in the file, when the string literal `node`
    writes it out unchanged; None otherwise."""
    if not isinstance(node, ast.Constant) or node.value != text:
        return None
    written = source.written(node)
    opening = _OPENING.match(written)
    if opening is None:
        return None
    inner = written[opening.end() :]
    if inner.startswith("\\\n") and inner[2:] == text + opening.group(1):
        return node.lineno + 1, 0  # `"""\` then the text: the backslash only removes that line break
    if inner != text + opening.group(1):
        return None
    return node.lineno, source.column(node.lineno, node.col_offset) + opening.end()


def _literal_start(source: _Source, node: ast.AST) -> int | None:
    """The line a literal that writes part of a body starts on, when each of its lines is a line of the
    file: a string written out unchanged, or an f-string without escapes (a `\\n` would start a line the
    file does not have). None otherwise."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        origin = _verbatim_origin(source, node, node.value)
        return origin[0] if origin is not None else _escaped_start(source, node)
    if isinstance(node, ast.JoinedStr):
        written = source.written(node)
        opening = _F_OPENING.match(written)
        if opening is None:
            return None
        escaped = "\\" in written and "r" not in opening.group(1).casefold()
        if escaped and not (
            _continued_lines(source, node) >= -1 and "\\" not in written[opening.end() + 2 :]
        ):
            return None
        return node.lineno
    return None


def _escaped_start(source: _Source, node: ast.Constant) -> int | None:
    """The line one string literal with escapes (`"<Subnet\\tname='a'>"`) starts on, when each line of its
    text is a line of the file: none of its escapes stands for a line break or takes one out. None
    otherwise, and for adjacent literals Python joins into one."""
    pieces = _adjacent_pieces(source, node, str(node.value))
    if len(pieces) != 1:
        return None
    _, row, _, written, _ = pieces[0]
    if "\\\n" in written or written.count("\n") != str(node.value).count("\n"):
        return None
    return row


def _continued_lines(source: _Source, node: ast.JoinedStr) -> int:
    """Of an f-string opened with a line continuation (a `\\` right after its opening quotes ends the line;
    not raw), the last line of its text before its first field, as `flow._f_string_lines` counts the lines
    of its text before a field (those after one are counted as the file's): each is on the file's line
    after, the opening's break taken out (-1 when a field comes first). -2 for another f-string."""
    written = source.written(node)
    opening = _F_OPENING.match(written)
    if opening is None or "r" in opening.group(1).casefold() or not written.startswith("\\\n", opening.end()):
        return -2
    first = node.values[0] if node.values else None
    return str(first.value).count("\n") if isinstance(first, ast.Constant) else -1


# A tag as written, after its `<`.
_WRITTEN_TAG = re.compile(r"[^\s/>]+")


@functools.lru_cache(maxsize=64)
def _start_tag(tag: str) -> re.Pattern[str]:
    """Where a line shows a start tag (or a comment, `!--`) of a tag as written."""
    return re.compile("<" + re.escape(tag) + r"(?![\w.:-])")


def _character_columns(row: str) -> list[int]:
    """For each UTF-8 byte offset into `row` (and one past its end), the character it belongs to."""
    columns: list[int] = []
    for index, char in enumerate(row):
        columns.extend([index] * len(char.encode("utf-8", errors="replace")))
    columns.append(len(row))
    return columns


def _in_no_network(method: str, bound: Bound, blanks: frozenset[int]) -> bool:
    """Whether a call creates its deployment in no virtual network on the path `bound` is read on."""
    if method != "create_virtual_machine_deployment":
        return False
    value = bound.values.get("virtual_network_name")
    if value is None:
        return not bound.open
    return isinstance(value, NoneV) or (literal(value) == "" and not _blank(value, blanks))


def _top_level_blanks(tree: ast.Module) -> frozenset[int]:
    """The empty strings the script assigns to a name at its top level (`VNET = ""` under "fill these in
    before running"), by the id of each literal: blanks left for the user to fill, not names stated empty."""
    blanks: set[int] = set()
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        else:
            continue
        value = statement.value
        if (
            isinstance(value, ast.Constant)
            and value.value == ""
            and all(isinstance(t, ast.Name) for t in targets)
        ):
            blanks.add(id(value))
    return frozenset(blanks)


def _blank(value: Value | None, blanks: frozenset[int]) -> bool:
    """Whether `value` is one of the script's blanks (`_top_level_blanks`), passed as it is."""
    return isinstance(value, Lit) and value.text == "" and id(value.node) in blanks


def _created_apart(kept: Role, role: Role, updates: frozenset[str] | None) -> bool:
    """Whether two descriptions of one VM are creations on different branches of one choice."""
    creations = updates is None and not role.changes_existing and not kept.changes_existing
    return creations and apart(kept.branches, role.branches)


def _stated_or_carried(value: Value | None) -> bool:
    """Whether a value is one the script states, or one a caller passed that it tells from others."""
    return literal(value) is not None or (isinstance(value, flow.Unknown) and value.ident is not None)


def _names_deployment(method: str, bound: Bound) -> bool:
    """Whether a call names the deployment it describes (its cloud service and its name), when it describes
    one."""
    if method in _OUTSIDE_DEPLOYMENTS or method in _TAKING_AWAY:
        return True
    values = bound.values
    name = values.get("name") if method == "create_deployment" else values.get("deployment_name")
    return bool(literal(values.get("service_name"))) and bool(literal(name))


def _virtual_ip_named(bound: Bound) -> str | None:
    """The virtual IP a reserved IP call is about (`virtual_ip_name`): "" for the deployment's default
    one (left out, None or "": the SDK sends no `VirtualIPName` then), its name where the script writes it
    out, None where it passes one it does not state (or `**kwargs` may), which may be the default one."""
    if bound.open:
        return None
    value = bound.values.get("virtual_ip_name")
    if value is None or isinstance(value, NoneV):
        return ""
    text = literal(value)
    return None if text is None else text.strip() and text


def _is_true(value: Value | None) -> bool:
    """Whether an argument is the literal `True`."""
    return isinstance(value, Lit) and isinstance(value.node, ast.Constant) and value.node.value is True


def _plain(bound: Bound) -> bool:
    """Whether every argument of a call is a value the script writes out (a string, a number, None), and
    no `*args` or `**kwargs` may pass others."""
    return not bound.open and all(isinstance(value, (Lit, NoneV)) for value in bound.values.values())


def _is_argument(call: ast.Call, node: ast.AST) -> bool:
    """Whether an expression is one of those a call passes (not one read elsewhere, in a function that
    returns it)."""
    return any(node is arg for arg in call.args) or any(node is k.value for k in call.keywords)


# Where a migration step comes in the order the script runs it (see `_run_order`).
_RunOrder = tuple[tuple[int, int, int], ...]


def _run_order(site: flow.Site, request: ast.Call) -> _RunOrder:
    """Where the step a request sends, read at `site`, comes in the order the script runs its steps: the
    calls of the script's functions that lead to it and the loops around them, outermost first, each at
    its place in the file and a loop at its turn, then the request. A loop runs its whole body for one item
    before the next: `for vnet in ('a', 'b'): step(vnet, 'Validate'); step(vnet, 'Prepare')` validates and
    prepares 'a' before it validates 'b'. Two places compared are in the same code (that of the calls and
    turns they share), where the file's order is the order it runs in."""
    order = [(request.lineno, request.col_offset, 0)]
    frame = site.frame
    while frame is not None:
        if frame.loop is not None:
            order.append((*frame.loop.at, frame.turn))
        elif frame.call is not None:
            order.append((frame.call.lineno, frame.call.col_offset, 0))
        frame = frame.outer
    return tuple(reversed(order))


# The methods of azure-mgmt-network's `express_route_circuits` that create or update a circuit: given a
# classic circuit's service key, they move it to Resource Manager (as Move-AzExpressRouteCircuit does).
_CIRCUIT_PUTS = frozenset({"create_or_update", "begin_create_or_update"})
_SERVICE_KEYS = ("service_key", "serviceKey")


def _circuit_service_key(node: ast.expr | None, value: Value | None) -> str | None:
    """The service key a circuit given to `express_route_circuits.create_or_update` carries ("" when the
    script does not state it): a dict's `service_key` (or `serviceKey`, at its top or in its `properties`),
    or a model built with `service_key=`; None when it carries none, a new circuit rather than a move."""
    if isinstance(value, DictV):
        inner = value.items.get("properties")
        for items in (value.items, inner.items if isinstance(inner, DictV) else {}):
            found = next((items[k] for k in _SERVICE_KEYS if k in items), None)
            if found is not None:
                return (literal(found) or "").strip()
    if isinstance(node, ast.Call):
        given = next((k.value for k in node.keywords if k.arg in _SERVICE_KEYS), None)
        if given is not None:
            return (
                given.value.strip()
                if isinstance(given, ast.Constant) and isinstance(given.value, str)
                else ""
            )
    return None


def _one_resource_call(
    chain: tuple[ast.Call, ...], moved: dict[int, set[tuple[str, str]]]
) -> ast.Call | None:
    """The outermost call of `chain` (the calls that lead to a step, outermost first) that leads to the
    steps of one resource alone, named: `migrate('appstore')` of a `def migrate(name):` that loops over
    Validate, Prepare and Commit, as PowerShell's steps are shown at the call of the function that runs
    them. None when each leads to several resources, or to one the script does not name."""
    for node in chain:
        found = moved[id(node)]
        if len(found) == 1 and next(iter(found))[1]:
            return node
    return None


def _told_stated(told: object) -> bool:
    """Whether what tells a reserved IP's name in a subscription (`_Resources._in_subscription`) is the name
    as the script states it, not a value it does not state, which may be any name."""
    return isinstance(told, tuple) and isinstance(told[0], tuple) and told[0][:1] == ("stated",)


@dataclass(frozen=True, slots=True)
class _Deletion:
    """A delete_reserved_ip_address or delete_storage_account: the call, what tells the name it passes (see
    `_name_told`), the calls that lead to it from the module's level (see `_calls_from_top`) and whether it
    surely runs."""

    call: CallSite
    told: object
    leads: tuple[CallSite, ...] | None
    surely: bool


def _runs_at_once(call: CallSite) -> bool:
    """Whether a call runs where it is written, not later: in no comprehension or generator expression."""
    return not call.comprehensions and call.unconsumed is None


def _calls_to(site: flow.Site) -> list[ast.Call]:
    """The calls of the script's own functions that lead to `site`, outermost first."""
    calls: list[ast.Call] = []
    frame = site.frame
    while frame is not None:
        if frame.call is not None:
            calls.append(frame.call)
        frame = frame.outer
    return calls[::-1]


def _same_line(one: Mark, other: Mark) -> bool:
    """Whether two places are on one line of one file, where their stand-ins read alike (`_stand_in_at`)."""
    return one.path == other.path and one.line == other.line


def _stated_region(
    bound: Bound | None, stand_in: Callable[[flow.Unknown], str]
) -> tuple[str, str, str] | None:
    """The name ("" when the script does not state it), the location and the affinity group of the cloud
    service a create_hosted_service call creates, when it states exactly one of the two places (the SDK
    refuses both, and neither); None otherwise. A location the script does not state, passed with no
    affinity group, is `stand_in`'s."""
    if bound is None:
        return None
    given = bound.values.get("location")
    if (
        isinstance(given, flow.Unknown)
        and not bound.open
        and _left_out_or_none(bound.values.get("affinity_group"))
    ):
        given = Lit(stand_in(given), given.node)
    location = (literal(given) or "").strip()
    group = (literal(bound.values.get("affinity_group")) or "").strip()
    service = (literal(bound.values.get("service_name")) or "").strip()
    if isinstance(bound.values.get("affinity_group"), Lit) and location:
        return None
    return (service, location, group) if bool(location) != bool(group) else None


def _left_out_or_none(value: Value | None) -> bool:
    """Whether an argument is left out of a call, or passed as None."""
    return value is None or isinstance(value, NoneV)


def _is_false(value: Value | None, open_call: bool) -> bool | None:
    """Whether a value the SDK compares with False (`geo_replication_enabled == False`) equals it: not when
    left out (unless the call passes a `*args` or `**kwargs` that may hold it), None or a literal that is
    not False; None when the script does not state it."""
    if value is None:
        return None if open_call else False
    if isinstance(value, NoneV):
        return False
    node = value.node if isinstance(value, Lit) else None
    if not isinstance(node, ast.Constant):
        return None
    return node.value == False  # noqa: E712 (0 is False too)


# The calls that capture a VM as an image, copying its disks.
_CAPTURES = frozenset({"capture_role", "capture_vm_image"})


def _deletes_the_vm_captured(method: str, values: dict[str, Value]) -> bool:
    """Whether a capture_role has the platform delete the VM once it is captured: its PostCaptureAction
    `Delete` ("causes the virtual machine to be deleted after the image has been captured"), where
    `Reprovision` keeps it."""
    action = literal(values.get("post_capture_action")) if method == "capture_role" else None
    return (action or "").casefold() == "delete"


# The capture request bodies, by their root element, and the kind of image each captures (see `_IMAGE_KINDS`).
_CAPTURE_BODIES = {"CaptureRoleOperation": "os", "CaptureRoleAsVMImageOperation": "vm"}


def _captured_kind(body: str) -> str:
    """The kind of image a capture request body captures ("os" for Capture Role, "vm" for Capture VM Image),
    by its root element; "" for another body."""
    if "CaptureRole" not in body:
        return ""
    from migcheck.readers.xml import Unreadable, local_name, parse

    try:
        root = parse(body.encode("utf-8"), body)
    except (Unreadable, ValueError):
        return ""
    return _CAPTURE_BODIES.get(local_name(root), "")


def _registered(method: str, values: dict[str, Value]) -> tuple[Value | None, Value | None]:
    """The name and the blob (None: not the script's to state) of the disk or image a call registers."""
    if method in ("add_disk", "add_os_image"):
        return values.get("name"), values.get("media_link")
    if method == "capture_role":
        return values.get("target_image_name"), None
    param, cls, attr = (
        ("vm_image", "VMImage", "name")
        if method == "create_vm_image"
        else ("options", "CaptureRoleAsVMImage", "vm_image_name")
    )
    model = values.get(param)
    return (model.attrs.get(attr) if isinstance(model, Obj) and model.cls == cls else None), None


def _configured_roles(value: Value | None) -> list[tuple[str, int | None]]:
    """The roles a service configuration written in the script names, with their instance counts."""
    while isinstance(value, Encoded):
        value = value.inner
    text = literal(value)
    if not text or "<" not in text:
        return []
    from migcheck.readers.xml import Unreadable, attr, child, children, local_name, parse

    try:
        root = parse(text.encode("utf-8"), text)
    except (Unreadable, ValueError):
        return []
    if local_name(root) != "ServiceConfiguration":
        return []
    roles = []
    for role in children(root, "Role"):
        count = child(role, "Instances")
        number = attr(count, "count") if count is not None else ""
        roles.append((attr(role, "name"), int(number) if number.isdecimal() else None))
    return [(name, count) for name, count in roles if name]


# --- gateway connections the script disconnects ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _LinkState:
    """What the paths that reach a point leave of a gateway's connection to one local network site: the
    disconnections (`_GatewayLinks.disconnects`, by index) no connection follows on some path to here, and
    whether one of them does on every path (`everywhere`). A path that did not touch it leaves it as it
    found it, which counts as connected, as the PowerShell reader counts it (`powershell.LinkState`)."""

    down: frozenset[int]
    everywhere: bool


# A connection's network and site: each as the platform compares names, or, for one the script does not
# state, what tells the value that names it from others (see `_GatewayLinks.part_key`).
_LinkPart = str | tuple[object, ...]
_LinkKey = tuple[_LinkPart, _LinkPart]
_Links = dict[_LinkKey, _LinkState]
_CONNECTED = _LinkState(frozenset(), everywhere=False)
# The most statements the walk reads, all told (a function is read again at each call it follows), as a
# share of the file's size: past it, what is read so far is what is found.
_LINK_STEPS_PER_BYTE = 0.5


def _join_links(a: _Links | None, b: _Links | None) -> _Links | None:
    """The connections where two paths meet (None: a path that has ended)."""
    if a is None or b is None:
        return b if a is None else a
    joined = {}
    for key in a.keys() | b.keys():
        x, y = a.get(key, _CONNECTED), b.get(key, _CONNECTED)
        joined[key] = _LinkState(x.down | y.down, x.everywhere and y.everywhere)
    return joined


def _link_name(part: str) -> str | None:
    """A network or site as a connection's key holds it: as the platform compares names; None for one the
    script does not state."""
    name = urllib.parse.unquote(part).strip().casefold()
    return name if name and HOLE not in name else None


def _operation(value: Value | None) -> str:
    """The `Operation` of an `UpdateConnection` body (connect, disconnect, test), in lower case; "" for a
    body that is not one, or whose operation the script does not state."""
    while isinstance(value, Encoded):
        value = value.inner
    if not isinstance(value, Lit) or HOLE in value.text:
        return ""
    return automation.connection_operation(value.text)


def _moves_circuit(call: CallSite) -> bool:
    """Whether the call creates or updates a Resource Manager circuit (which moves a classic one given its
    service key: see `_Resources._circuit_move`)."""
    return call.method in _CIRCUIT_PUTS and call.receiver.rsplit(".", 1)[-1] == "express_route_circuits"


def _starts_a_runbook(call: CallSite) -> bool:
    """Whether a call starts a runbook as a job through the Automation SDK (`automation_client.job.create`)."""
    return call.method == "create" and call.receiver.rpartition(".")[2] == "job"


def _first_step_or_move(steps: Sequence[MigrationStep], moves: Sequence[ClassicCall]) -> Mark:
    """Where a script with no classic call is shown: at its first migration step (where the call that
    takes it is), else at its first circuit move (a script that only moves its ExpressRoute circuit)."""
    if steps:
        return steps[0].called_at or steps[0].mark
    return moves[0].mark


def _segment_at(
    shapes: flow.Flow, source: _Source, node: ast.expr | None, site: flow.Site, name: str
) -> Mark | None:
    """Where the script writes `name`, a segment of the path `node` builds (`.../virtualnetwork/<name>/
    migration`): the string literal that holds it as a segment, the path's own or one of the values it is
    built from (an argument a caller passes, a loop's item), among those that write the path (see
    `flow.written_lines`). None when no literal does, or `name` is blank."""
    name = name.strip().casefold()
    shaped = shapes.value(node, site) if node is not None and name else None
    if not isinstance(shaped, Lit):
        return None
    for origins in flow.written_lines(shaped):
        for written, _ in origins:
            value = written.value if isinstance(written, ast.Constant) else None
            if isinstance(value, str) and name in (part.strip() for part in value.casefold().split("/")):
                return source.mark(written)
    return None


@dataclass(frozen=True, slots=True)
class _LinkRequest:
    """A request that may connect or disconnect a gateway (see `automation.gateway_connection`): the call,
    its method, its body, and the path it is sent to, read at a site, built by `path` (where the network's
    name is shown, see `_segment_at`)."""

    call: CallSite
    verb: str
    body: ast.expr | None
    path_at: Callable[[flow.Site], str]
    path: ast.expr | None = None


class _WalkSpent(Exception):
    """The walk's budget is spent."""


class _GatewayLinks:
    """The gateway connections a script disconnects (an `UpdateConnection` body whose `Operation` is
    `Disconnect`, PUT to `.../services/networking/<network>/gateway/connection/<site>`) and does not
    connect again after on every path, as the PowerShell reader finds them for `Set-AzureVNetGateway`.

    The script's statements are walked in the order they run, from the module's top, keeping the state of
    each connection (`_LinkState`) and joining it where paths meet: the branches of an `if` its tests do not
    decide, a loop's body that may run no times or many, a `try` body that may stop anywhere and its
    handlers. A `for` loop over items the script writes out is walked a turn at a time; a call of one of
    the script's functions (not a method) is walked through at the call, its parameters bound to what the
    call passes (`Flow.call_frame`), and a `return` ends the function's path. `sys.exit()` and a `raise` no
    `try` around takes end the script: what that path leaves down may be left so. `if __name__ ==
    '__main__':` runs, as the script is run. A function the walk does not go through at a call (never
    called, a method, a call the reader does not follow) is walked once by itself, its parameters
    unknown: it may run at any call, or at none, so what it leaves down may be left so."""

    def __init__(self, resources: _Resources, requests: dict[int, _LinkRequest]) -> None:
        self.resources = resources
        self.flow = resources.shapes  # paths and bodies with a HOLE for what the script does not state
        self.index = resources.index
        self.requests = requests
        self.named_calls = {id(c.node): c for calls in self.index.named_calls.values() for c in calls}
        self.disconnects: dict[ConnectionState, int] = {}
        # The stand-ins shown for the networks and sites the script does not state: by the stand-in of the
        # call, one for each value (see `stand_in`).
        self.stand_ins: dict[str, dict[_LinkPart, str]] = {}
        self.left_down: dict[int, bool] = {}
        self.followed: set[int] = set()  # id(Function) of those walked through at a call
        self.calling: list[flow.Function] = []
        self.returns: list[list[_Links]] = []  # the states the `return`s of each function being walked leave
        self.turn_ends: list[list[_Links]] = []  # the states `break` and `continue` leave, by loop
        self.raised: list[list[_Links]] = []  # the states a `raise` leaves, by `try` with handlers
        self.steps = 1000 + int(_LINK_STEPS_PER_BYTE * len(resources.source.text))

    def connections(self) -> list[ConnectionState]:
        """The connections the script leaves disconnected on some path, at the call that disconnects each."""
        try:
            end = self.block(self.resources.tree.body, {}, self.index.module, None)
            self.leave(end, surely=True)
            for function in self.unfollowed():
                self.function_once(function)
        except _WalkSpent:
            pass
        return [
            replace(made, every_path=self.left_down[index])
            for made, index in self.disconnects.items()
            if index in self.left_down
        ]

    def unfollowed(self) -> list[flow.Function]:
        functions = {}
        for request in self.requests.values():
            function = request.call.scope.function
            if function is not None and id(function) not in self.followed:
                functions[id(function)] = function
        return list(functions.values())

    def function_once(self, function: flow.Function) -> None:
        self.returns.append([])
        end = self.block(function.node.body, {}, function.scope, None)
        for state in [end, *self.returns.pop()]:
            self.leave(state, surely=False)

    def leave(self, state: _Links | None, surely: bool) -> None:
        """Where a path ends: the disconnections it leaves down, on every path when the state says so and
        the path surely ends so whenever the script runs."""
        for link in (state or {}).values():
            for index in link.down:
                self.left_down[index] = self.left_down.get(index, False) or (link.everywhere and surely)

    # --- statements ---------------------------------------------------------------------------------

    def block(
        self, statements: list[ast.stmt], state: _Links | None, scope: flow.Scope, frame: flow.Frame | None
    ) -> _Links | None:
        for statement in statements:
            if state is None:
                break
            if self.raised:  # the statement may raise before it is done: a handler runs from here
                self.raised[-1].append(state)
            state = self.statement(statement, state, scope, frame)
        return state

    def statement(
        self, node: ast.stmt, state: _Links | None, scope: flow.Scope, frame: flow.Frame | None
    ) -> _Links | None:
        self.steps -= 1
        if self.steps < 0:
            raise _WalkSpent
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return state
        if isinstance(node, ast.If):
            return self.choice(node, state, scope, frame)
        if isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            return self.loop(node, state, scope, frame)
        if isinstance(node, (ast.Try, *([ast.TryStar] if hasattr(ast, "TryStar") else []))):
            return self.attempt(node, state, scope, frame)  # type: ignore[arg-type]
        if isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                state = self.calls(item.context_expr, state, scope, frame)
            return self.block(node.body, state, scope, frame)
        if isinstance(node, ast.Match):
            state = self.calls(node.subject, state, scope, frame)
            found: _Links | None = state
            for case in node.cases:
                found = _join_links(found, self.block(case.body, state, scope, frame))
            return found
        state = self.calls(node, state, scope, frame)
        return self.ending(node, state, scope)

    def ending(self, node: ast.stmt, state: _Links | None, scope: flow.Scope) -> _Links | None:
        """The state after a simple statement; None when it ends the path (`return`, `raise`, `break`,
        `continue`, `sys.exit()`), the state kept where the path goes on."""
        if state is None:
            return None
        if isinstance(node, ast.Return):
            if self.returns:
                self.returns[-1].append(state)
            return None
        if isinstance(node, (ast.Break, ast.Continue)):
            if self.turn_ends:
                self.turn_ends[-1].append(state)
            return None
        if isinstance(node, ast.Raise):
            if self.raised:
                self.raised[-1].append(state)
            else:
                self.leave(state, surely=False)
            return None
        ends = isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
        if ends and self.flow.exits_script(node.value, scope):  # type: ignore[attr-defined]
            self.leave(state, surely=False)
            return None
        return state

    def choice(
        self, node: ast.If, state: _Links | None, scope: flow.Scope, frame: flow.Frame | None
    ) -> _Links | None:
        state = self.calls(node.test, state, scope, frame)
        bodies = [node.body]
        orelse = node.orelse
        while len(orelse) == 1 and isinstance(orelse[0], ast.If):
            bodies.append(orelse[0].body)
            orelse = orelse[0].orelse
        bodies.append(orelse)
        options = [0] if flow.main_guard(node.test) else self.flow.if_options(node, frame)
        found: _Links | None = None
        for option in options or range(len(bodies)):
            found = _join_links(found, self.block(bodies[option], state, scope, frame))
        return found

    def loop(
        self,
        node: ast.For | ast.AsyncFor | ast.While,
        state: _Links | None,
        scope: flow.Scope,
        frame: flow.Frame | None,
    ) -> _Links | None:
        state = self.calls(
            node.iter if isinstance(node, (ast.For, ast.AsyncFor)) else node.test, state, scope, frame
        )
        turns = self.flow.loop_turns(node, frame) if isinstance(node, ast.For) else None
        if turns is not None:  # each turn, in order, runs the whole body
            after: _Links | None = state
            for turn in turns:
                after = self.block(node.body, after, scope, turn)
        else:  # no turn, or any number of them
            self.turn_ends.append([])
            ended = self.block(node.body, state, scope, frame)
            after = state
            for reached in [ended, *self.turn_ends.pop()]:
                after = _join_links(after, reached)
        return self.block(node.orelse, after, scope, frame)

    def attempt(
        self, node: ast.Try, state: _Links | None, scope: flow.Scope, frame: flow.Frame | None
    ) -> _Links | None:
        """A `try`: its body may stop at any point it raises, and a handler run from there."""
        if node.handlers:
            self.raised.append([])
        ended = self.block(node.body, state, scope, frame)
        found = self.block(node.orelse, ended, scope, frame)
        if node.handlers:
            start: _Links | None = ended
            for raised in self.raised.pop():
                start = _join_links(start, raised)
            for handler in node.handlers:
                found = _join_links(found, self.block(handler.body, start, scope, frame))
        return self.block(node.finalbody, found, scope, frame) if node.finalbody else found

    # --- calls --------------------------------------------------------------------------------------

    def calls(
        self, node: ast.AST, state: _Links | None, scope: flow.Scope, frame: flow.Frame | None
    ) -> _Links | None:
        """The state after the calls an expression or a simple statement makes, in the order they run
        (a call's arguments before it)."""
        found = [c for c in ast.walk(node) if isinstance(c, ast.Call)]
        found.sort(key=lambda c: (c.end_lineno or 0, c.end_col_offset or 0))
        for call in found:
            if state is None:
                break
            request = self.requests.get(id(call))
            if request is not None:
                state = self.request(request, state, frame)
                continue
            named = self.named_calls.get(id(call))
            if named is not None:
                state = self.function_call(named, state, frame)
        return state

    def function_call(self, call: CallSite, state: _Links, frame: flow.Frame | None) -> _Links | None:
        """A call of one of the script's functions, walked through with its parameters bound to what the
        call passes; the state as it was when the reader does not follow it."""
        name = flow.callee(call.node.func)
        outer = flow.lookup(name, call.scope, self.index.module)
        function = outer.functions.get(name) if outer is not None else None
        if (
            function is None
            or function.generator
            or len(outer.bindings.get(name, [])) != 1  # type: ignore[union-attr]
            or function in self.calling
            or len(self.calling) >= flow.MAX_CALL_DEPTH
        ):
            return state
        site = flow.Site(call.scope, call.at, call.chain, frame)
        called = self.flow.call_frame(function, call.node, site)
        if called is None:
            return state
        self.followed.add(id(function))
        self.calling.append(function)
        self.returns.append([])
        try:
            ended = self.block(function.node.body, state, function.scope, called)
            for returned in self.returns[-1]:
                ended = _join_links(ended, returned)
        finally:
            self.returns.pop()
            self.calling.pop()
        return ended

    def request(self, request: _LinkRequest, state: _Links, frame: flow.Frame | None) -> _Links:
        """A request to the gateway connection's path: down from here when it disconnects, up when it
        connects. A network or site the script does not state is the value that names it (see
        `part_key`): a connection of the same value brings it up, one of another value may (it may name
        the same network), and so does one of a value the reader cannot tell from others."""
        call = request.call
        site = flow.Site(call.scope, call.at, call.chain, frame)
        parts = automation.gateway_connection(request.verb, request.path_at(site))
        if parts is None or request.body is None:
            return state
        state = dict(state)  # the state before is another path's too
        body = request.body
        operations = set(self.flow.alternatives(site, lambda at: _operation(self.flow.value(body, at))))
        if operations == {"connect"}:
            network, local = (self.part_key(part, index, request, site) for index, part in enumerate(parts))
            if network is not None and local is not None:
                state.pop((network, local), None)
            if isinstance(network, str) and isinstance(local, str):
                return state
            for key, link in state.items():
                if _may_name(network, key[0]) and _may_name(local, key[1]):
                    state[key] = _LinkState(link.down, everywhere=False)
        elif "disconnect" in operations:
            key = self.disconnected_key(parts, request, site)
            made = self.disconnection(parts, key, request, site)
            index = self.disconnects.setdefault(made, len(self.disconnects))
            before = state.get(key, _CONNECTED)
            if operations == {"disconnect"}:
                state[key] = _LinkState(frozenset({index}), everywhere=True)
            else:  # another operation on the script's other paths
                state[key] = _LinkState(before.down | {index}, everywhere=False)
        return state

    def part_key(self, part: str, index: int, request: _LinkRequest, site: flow.Site) -> _LinkPart | None:
        """A connection's network (`index` 0) or site (1) as its key holds it: the name the script states;
        else what tells apart the value of the path that names it (`Flow.same_value` of the path: the same
        variable, an f-string of the same values, a parameter in one call of its function), with the
        part's place in it. None when the reader cannot tell the value from others (a call's result)."""
        name = _link_name(part)
        if name is not None:
            return name
        same = self.resources.flow.same_value(request.path, site) if request.path is not None else None
        return ("value", index, same) if same is not None else None

    def disconnected_key(self, parts: tuple[str, str], request: _LinkRequest, site: flow.Site) -> _LinkKey:
        """The key of a connection a request disconnects: a part the reader cannot tell from others is
        this call's own, which only a connection of a value it cannot tell either may bring up."""
        network, local = (self.part_key(part, index, request, site) for index, part in enumerate(parts))
        told = ("call", id(request.call.node))
        return (network if network is not None else told, local if local is not None else told)

    def disconnection(
        self, parts: tuple[str, str], key: _LinkKey, request: _LinkRequest, site: flow.Site
    ) -> ConnectionState:
        """The connection a request disconnects, at the call, its network and site as the script states
        them, else stand-ins (`<network name, maintenance.py:12>`), one for each value they stand for."""
        mark = self.resources.source.call_mark(request.call.node)
        shown_network, shown_site = (
            urllib.parse.unquote(part).strip() if isinstance(held, str) else self.stand_in(what, held, mark)
            for part, held, what in zip(parts, key, ("network", "local site"), strict=True)
        )
        named_at = _segment_at(self.flow, self.resources.source, request.path, site, parts[0])
        return ConnectionState(shown_site, "NotConnected", mark, shown_network, network_mark=named_at)

    def stand_in(self, what: str, held: _LinkPart, mark: Mark) -> str:
        """The name shown for a network or site the script does not state, at the call that passes it: one
        of its own for each value it stands for, as two calls of a function that pass two values
        (`down(sys.argv[1])`, `down(sys.argv[2])`) disconnect two networks."""
        plain = self.resources._stand_in_at(what, mark)
        told = self.stand_ins.setdefault(plain, {})
        if held not in told:
            told[held] = f"{plain[:-1]}, turn {len(told) + 1}>" if told else plain
        return told[held]


def _may_name(part: _LinkPart | None, held: _LinkPart) -> bool:
    """Whether a connection's network or site as a request names it (see `_GatewayLinks.part_key`) may be
    one a key holds: the same, or one the script does not state, which may be any."""
    return part == held or not isinstance(part, str)


# What a module of functions' top level holds besides assignments (see `_module_of_functions`).
_DEFINITIONS = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Pass)


def _docstring(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)


def _public(name: str) -> bool:
    """A name other modules are meant to use: no leading underscore, or Python's own (`__init__`)."""
    return not name.startswith("_") or (name.startswith("__") and name.endswith("__"))


# The host a ServiceManagementService made with none sends to (the SDK's MANAGEMENT_HOST): the global cloud's.
_DEFAULT_CLIENT_HOST = "management.core.windows.net"


def _client_host(bound: Bound | None) -> str:
    """The host a classic client is made for: the one the script states, the SDK's default (Azure's global
    cloud's) where it passes none, and "" where it passes one it does not state (a variable given it, a
    `**kwargs` the reader cannot see into)."""
    if bound is None:
        return ""
    if "host" not in bound.values:
        return "" if bound.open else _DEFAULT_CLIENT_HOST
    return literal(bound.values["host"]) or ""


def _note_unplaced(
    found: list[UnplacedDisk] | None, at: Mark, place: DiskPlace = DiskPlace.PASSED_BLOB, scope: str = ""
) -> None:
    """Keep where an OS disk no file places is passed (see `Reader._disks`): a blob no file states, else
    a registered disk named by a value it does not state (`scope` stands for it), for a caller that asks."""
    if found is not None:
        found.append(UnplacedDisk(place, at, scope))


@dataclass(frozen=True, slots=True)
class _RequestsNames:
    modules: frozenset[str]  # `requests`, `r` of `import requests as r`
    requests: frozenset[str]  # `Request`, `R` of `from requests import Request as R`


def _requests_names(tree: ast.Module) -> _RequestsNames:
    """The names the file's imports, wherever written (a function's own `from requests import Request`
    too), bind to the requests library and to its `Request` class. A name another import binds as well
    (`from urllib.request import Request` in another function) is neither: which one a call means is not
    told apart, and it is read as urllib's, as before the script imported requests."""
    modules: dict[str, bool] = {}
    requests: dict[str, bool] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                bound = alias.name if alias.asname else local  # `import requests.adapters` binds requests
                modules[local] = modules.get(local, True) and bound == "requests"
                requests[local] = False
        elif isinstance(node, ast.ImportFrom):
            source = "." * node.level + (node.module or "")
            for alias in node.names:
                local = alias.asname or alias.name
                of_requests = source in ("requests", "requests.models") and alias.name == "Request"
                requests[local] = requests.get(local, True) and of_requests
                modules[local] = False
    return _RequestsNames(
        frozenset(name for name, sure in modules.items() if sure),
        frozenset(name for name, sure in requests.items() if sure),
    )
