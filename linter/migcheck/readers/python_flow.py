"""Data flow for the Python script reader: which values reach a script's SDK calls, as far as the script
states them without being run.

One pass over the syntax tree (`build_index`) records, per scope, every binding of every name, every change
made to the object a name holds (an `append` to a list, an attribute or a dict item set, an item deleted),
every use that lets the object escape where its changes can no longer be followed (passed to one of the
script's own functions, stored on `self`), the SDK imports, and the calls that may be classic ones.
Evaluating an argument (`Flow.value`) reads that index and never walks the tree again, so the cost stays
linear in the file; a budget bounds the evaluations too, and no string built from others (`prefix + name`)
grows past MAX_TEXT, but one holding markup (a REST body), which grows up to MAX_BODY, each one past
MAX_TEXT paid for from the budget by its length.

The rules are deliberately narrow. A name bound once in its function (or at module level) to a literal, a
list or dict literal, or one of the SDK's model objects (or to its part of one, `a, b = 'x', 'y'`) has that
value, with the changes made to it before the call: certainly when every condition around the change also
holds around the call (the same `if` branch, the same loop body) or is a test the script decides for it, not
when the script decides against it or the call is on another branch of the same `if`, and possibly
otherwise: a possible change makes what it changes unknown. A name bound more than once has the value of the
last binding that runs on the way to the call (`vnet = ''` then `vnet = 'prod-vnet'`), read where that
binding is made: `alias = vnet` holds what `vnet` held there, whatever the script binds `vnet` to later.
Anything else is `Unknown`: a parameter, an environment variable, a value read from a dict of settings, a
loop variable, the result of a call the reader does not follow, a name bound again before the call in a
loop body that may or may not have run (or under a test, when the choice is not one the reader reads path by
path, see below), an object that escaped before the call.

Three things are followed a step further, each bounded. A call of a function the script defines (`net =
build_network(['front', 'back'])`) has the value its `return` gives, read with the call's arguments bound to
the function's parameters (a `Frame`); recursion is not followed, and the work spent inside calls has a
budget of its own, past which a call is `Unknown` again. A value the script does not state that a call
passes is the caller's in the function (`Unknown.ident`), not one of the parameter's own: `deploy(sys.
argv[1])` creates the deployment of the cloud service the caller's `add_role(sys.argv[1], ...)` adds to,
whether it is passed by position or keyword, into `*args` or `**kwargs`, to a method or to the `__init__`
that sets an attribute from it, and through any number of calls; read once for all its calls, the function
has it when they all pass the same (see `Flow.same_value`). A function given to run in a thread, a process
or a pool (`Thread(target=deploy, args=(...))`, `executor.submit(deploy, ...)`, `pool.map(deploy, items)`,
`executor.map(deploy, names, nets)`) is called there: once for each item of lists written out or known in
full where the map runs, the items of several iterables zipped, else once with items the reader does not
know (see `_run_calls`, `Flow._mapped`); Python's own `map` and `itertools.starmap` as well, each call
run as its item is taken (see `_map_consumption`); a thread or a process
runs its target only if the script starts it, and may run it where the reader cannot tell whether it does
(see `_thread_kept`, `_thread_started`). A call that spreads what the reader does not know
(`deploy(*sys.argv[1:])`) leaves unknown the parameters it may fill, and the function's other calls are
read all the same; keywords a call passes into a function's `**kwargs` are passed as named parameters are.
A `for` loop over items the script writes out (at most MAX_TURNS of them), or a list comprehension around
a call, is taken turn by turn, its variables bound to each item in turn: for a call
inside the loop (`Flow.turns`), and for the changes the loop makes to an object read after it. A request
or a VM call inside one of the script's functions is read once for each call of the function
(`Flow.callers`), as far as every call is known, and for each turn of the loops over written-out items
around the call (`for vnet in ('a', 'b'): migrate(vnet, 'Prepare')`). A method of a class the script
defines is one of its functions too, called on an instance the script makes (`d = Deployer(...)` then
`d.add_vm('gw01', ...)`, `Deployer(...).add_vm(...)`, `self.add_vm(...)` in the class, or an instance held
in an attribute the script sets once, `self.deployer = Deployer(...)` then `self.deployer.add_vm(...)`): its
parameters after `self` are bound as a function's are; a `@staticmethod` binds them all, and it and a
`@classmethod` (whose `cls` is the class) are called on the class too (`Deployer.add_vm(...)`,
`cls.add_vm(...)`). The method is the one Python finds first: in the
class, else in the class of the script's it derives from, and so on (`super().add_vm(...)` looks past the
method's own class); a call on `self` runs one that no class deriving from the method's class overrides. A
call on anything else (a parameter, an attribute set twice, an instance of a class deriving from one the
script imports or from two classes) leaves its calls unknown. An attribute of such an instance has the value
the script sets it to, in one place only, in the `__init__` that makes the instance (`self.subnets =
subnets or []`), read with the arguments of the call of the class that made the instance the method is
called on (`Tier('fab-app', subnets=['app']).vm('app01')`), or what a class's body binds, read on the class
or on an instance (`Settings.SUBNETS`, `settings.SUBNETS` of a parameter whose default is the class), or on
the class of an instance (`type(self).VNET`, `self.__class__.VNET`: a subclass's own where it overrides it); a list
an attribute holds is unknown once the script changes it, or lets it go, through any attribute of that
name. A list comprehension over items the script writes out is read item by item, and a named tuple the
script defines (`collections.namedtuple`) is a tuple whose fields are read by name (`vm.subnets`). And what
differs by path is read on each path (`Flow.alternatives`): a name bound on the branches of an `if` (or in
a `try` and its handlers), a change made under a test the script does not decide, and `a if test else b`
make choices (`Choice`) the read is made again for each way of, up to MAX_PATHS paths, past which they are
unknown as before; a choice of more ways than that, or inside a loop the read is not in, is not followed.

A list, a dict or a model object is one object however many names and containers hold it: a value built
from a name that holds one (`kw = {'network_config': net}`, `cfg = [net]`, `alias = net`) holds that object,
and what the script does to it through the name afterwards, up to where the name is bound again, is done to
it there too (see `Held`); one let go afterwards is unknown there.

A string built from others (`TEMPLATE % name`, `head + tail`, `.format`, `.replace`, an f-string) keeps where
each of its lines is written (`Lit.lines`: the literals that write a piece of it), so that what the script
reader finds in a REST body it builds is shown on the line of the literal that writes it.

A file the script writes whole (`open(path, 'w').write(text)`, `with open(path, 'w') as f: f.write(text)`)
and reads back whole (`open(path).read()`) holds the text written, when that write is the only one that may
be to the file and surely runs first, in the reading code or at the top of a function called once before
it: the network configuration `write_cfg(path)` writes is the one its caller uploads from `path` (see
`Flow._read_back`). A file the script puts in place by a means not followed (`shutil.copy`, `os.replace`,
`urlretrieve`, `Path.write_text`, see `PlacedFile`) holds what the reader does not know: read back, it is
unknown, and an upload of a file of its name is not known to be of the file checked by it (`Flow.replaces`).
"""

from __future__ import annotations

import ast
import bisect
import builtins
import itertools
import string
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from keyword import iskeyword
from typing import Any, NamedTuple, TypeVar

from migcheck import automation
from migcheck.readers.python_arguments import left_out
from migcheck.readers.python_nodes import CHILD_FIELDS, nodes

T = TypeVar("T")

# --- what the reader knows of the SDK (azure-servicemanagement-legacy 0.20.8) ----------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SDK_PACKAGE = "azure.servicemanagement"
# Constructing one of these is a classic call, and so is every method called on the object.
SERVICE_CLASSES = frozenset(
    {
        "ServiceManagementService",
        "SqlDatabaseManagementService",
        "ServiceBusManagementService",
        "WebsiteManagementService",
        "SchedulerManagementService",
    }
)
# The methods of `ServiceManagementService` and of the client under it: a call of one of these names on any
# receiver is a classic call in a file that imports the SDK (scripts wrap the service object in their own
# classes, and the wrappers keep the names).
CLASSIC_METHODS = _words(
    """
    list_role_sizes list_subscriptions list_storage_accounts get_storage_account_properties
    get_storage_account_keys regenerate_storage_account_keys create_storage_account update_storage_account
    delete_storage_account check_storage_account_name_availability list_hosted_services
    get_hosted_service_properties create_hosted_service update_hosted_service delete_hosted_service
    get_deployment_by_slot get_deployment_by_name create_deployment delete_deployment swap_deployment
    change_deployment_configuration update_deployment_status upgrade_deployment walk_upgrade_domain
    rollback_update_or_upgrade reboot_role_instance reimage_role_instance rebuild_role_instance
    delete_role_instances check_hosted_service_name_availability list_service_certificates
    get_service_certificate add_service_certificate delete_service_certificate list_management_certificates
    get_management_certificate add_management_certificate delete_management_certificate list_affinity_groups
    get_affinity_group_properties create_affinity_group update_affinity_group delete_affinity_group
    list_locations list_operating_systems list_operating_system_families get_subscription
    list_subscription_operations create_reserved_ip_address delete_reserved_ip_address
    associate_reserved_ip_address disassociate_reserved_ip_address get_reserved_ip_address
    list_reserved_ip_addresses get_role create_virtual_machine_deployment add_role update_role delete_role
    capture_role start_role start_roles restart_role shutdown_role shutdown_roles add_dns_server
    update_dns_server delete_dns_server list_resource_extensions list_resource_extension_versions
    replicate_vm_image unreplicate_vm_image share_vm_image capture_vm_image create_vm_image delete_vm_image
    list_vm_images update_vm_image list_os_images get_os_image get_os_image_details add_os_image
    update_os_image update_os_image_from_image_reference delete_os_image get_data_disk add_data_disk
    update_data_disk delete_data_disk list_disks get_disk add_disk update_disk delete_disk
    list_virtual_network_sites perform_get perform_put perform_post perform_delete get_operation_status
    wait_for_operation_status
    """
)


@dataclass(frozen=True, slots=True)
class Refusal:
    """What a method of the SDK's service checks of its arguments before it sends any request: `params`, its
    parameters in order; `needed`, those it refuses left out (Python refuses a call that leaves out one with
    no default, and `_validate_not_none` one left to a default of None, as add_service_certificate's
    `password`); `checked`, those it refuses given None (`_validate_not_none`); `one_of`, two of which it
    takes exactly one, refusing a call that gives neither or both (create_hosted_service's location and
    affinity group); `sdk_only`, whether no other library a script may use beside the SDK is known to have a
    method of its name, so that a call of it on an object the reader does not know is the SDK's
    (`self.sms().create_hosted_service(...)`), where a call of another (`add_role`, `add_disk`,
    `delete_deployment`) is asked about only on a service the script makes. A call the SDK refuses raises
    before the request (`ValueError`, or Python's `TypeError`), and nothing after it on its path runs (see
    `Flow.refused`)."""

    params: tuple[str, ...]
    needed: frozenset[str]
    checked: frozenset[str]
    one_of: tuple[str, str] | None = None
    sdk_only: bool = False


def _refusal(
    params: str,
    needed: int,
    checked: int | str | None = None,
    one_of: tuple[str, str] | None = None,
    sdk_only: bool = False,
    defaulted: str = "",
) -> Refusal:
    """A `Refusal` whose first `needed` parameters have no default, and whose first `checked` (as many as
    `needed` unless given; or those it names) the SDK checks; all but those the SDK gives a default of its own
    (`defaulted`: shutdown_role's `post_shutdown_action`) are refused left out."""
    names = tuple(params.split())
    if checked is None:
        checked = needed
    validated = frozenset(names[:checked] if isinstance(checked, int) else checked.split())
    left_to_none = validated - frozenset(defaulted.split())
    return Refusal(names, frozenset(names[:needed]) | left_to_none, validated, one_of, sdk_only)


_VM_PARAMS = """system_config os_virtual_hard_disk network_config availability_set_name data_virtual_hard_disks
    role_size role_type"""
_SERVICE = "service_name deployment_name"  # the first two parameters of a method on a deployment
# The methods that create or change what the reader describes, and those a script waits with, as
# azure-servicemanagement-legacy 0.20.8 checks them (the parameters without a default, `_validate_not_none`,
# and the two places of a cloud service or a storage account): the only table of them.
REFUSALS: dict[str, Refusal] = {
    "create_hosted_service": _refusal(
        "service_name label description location affinity_group extended_properties",
        2,
        one_of=("location", "affinity_group"),
        sdk_only=True,
    ),
    "update_hosted_service": _refusal("service_name label description extended_properties", 1, sdk_only=True),
    "delete_hosted_service": _refusal("service_name complete", 1, sdk_only=True),
    "create_storage_account": _refusal(
        """service_name description label affinity_group location geo_replication_enabled extended_properties
        account_type""",
        3,
        one_of=("affinity_group", "location"),
    ),
    "update_storage_account": _refusal(
        "service_name description label geo_replication_enabled extended_properties account_type", 1
    ),
    "delete_storage_account": _refusal("service_name", 1),
    "regenerate_storage_account_keys": _refusal("service_name key_type", 2, sdk_only=True),
    "create_virtual_machine_deployment": _refusal(
        f"""{_SERVICE} deployment_slot label role_name {_VM_PARAMS} virtual_network_name
        resource_extension_references provision_guest_agent vm_image_name media_location dns_servers
        reserved_ip_name""",
        7,
        5,
        sdk_only=True,
    ),
    "add_role": _refusal(
        f"""{_SERVICE} role_name {_VM_PARAMS} resource_extension_references provision_guest_agent vm_image_name
        media_location""",
        5,
        3,
    ),
    "update_role": _refusal(
        f"""{_SERVICE} role_name os_virtual_hard_disk network_config availability_set_name
        data_virtual_hard_disks role_size role_type resource_extension_references provision_guest_agent""",
        3,
    ),
    "delete_role": _refusal(f"{_SERVICE} role_name complete", 3),
    "start_role": _refusal(f"{_SERVICE} role_name", 3),
    "start_roles": _refusal(f"{_SERVICE} role_names", 3),
    "restart_role": _refusal(f"{_SERVICE} role_name", 3),
    "shutdown_role": _refusal(
        f"{_SERVICE} role_name post_shutdown_action", 3, 4, defaulted="post_shutdown_action"
    ),
    "shutdown_roles": _refusal(
        f"{_SERVICE} role_names post_shutdown_action", 3, 4, defaulted="post_shutdown_action"
    ),
    "capture_role": _refusal(
        f"""{_SERVICE} role_name post_capture_action target_image_name target_image_label
        provisioning_configuration""",
        6,
    ),
    "capture_vm_image": _refusal(f"{_SERVICE} role_name options", 4),
    "create_deployment": _refusal(
        """service_name deployment_slot name package_url label configuration start_deployment
        treat_warnings_as_error extended_properties""",
        6,
    ),
    "upgrade_deployment": _refusal(
        f"""{_SERVICE} mode package_url configuration label force role_to_upgrade extended_properties""", 7
    ),
    "change_deployment_configuration": _refusal(
        f"{_SERVICE} configuration treat_warnings_as_error mode extended_properties", 3, sdk_only=True
    ),
    "delete_deployment": _refusal(f"{_SERVICE} delete_vhd", 2),
    "swap_deployment": _refusal("service_name production source_deployment", 3),
    "update_deployment_status": _refusal(f"{_SERVICE} status", 3),
    "walk_upgrade_domain": _refusal(f"{_SERVICE} upgrade_domain", 3, sdk_only=True),
    "rollback_update_or_upgrade": _refusal(f"{_SERVICE} mode force", 4, sdk_only=True),
    "reboot_role_instance": _refusal(f"{_SERVICE} role_instance_name", 3, sdk_only=True),
    "reimage_role_instance": _refusal(f"{_SERVICE} role_instance_name", 3, sdk_only=True),
    "rebuild_role_instance": _refusal(f"{_SERVICE} role_instance_name", 3, sdk_only=True),
    "delete_role_instances": _refusal(f"{_SERVICE} role_instance_names", 3, sdk_only=True),
    "add_dns_server": _refusal(f"{_SERVICE} dns_server_name address", 4),
    "update_dns_server": _refusal(f"{_SERVICE} dns_server_name address", 4),
    "delete_dns_server": _refusal(f"{_SERVICE} dns_server_name", 3),
    "add_service_certificate": _refusal("service_name data certificate_format password", 3, 4, sdk_only=True),
    "add_management_certificate": _refusal("public_key thumbprint data", 3, sdk_only=True),
    "create_affinity_group": _refusal("name label location description", 3, sdk_only=True),
    "update_affinity_group": _refusal("affinity_group_name label description", 2, sdk_only=True),
    "delete_affinity_group": _refusal("affinity_group_name", 1, sdk_only=True),
    "create_reserved_ip_address": _refusal("name label location", 1, sdk_only=True),
    "delete_reserved_ip_address": _refusal("name", 1, sdk_only=True),
    "associate_reserved_ip_address": _refusal(
        "name service_name deployment_name virtual_ip_name", 3, sdk_only=True
    ),
    "disassociate_reserved_ip_address": _refusal(
        "name service_name deployment_name virtual_ip_name", 3, sdk_only=True
    ),
    "add_data_disk": _refusal(
        f"""{_SERVICE} role_name lun host_caching media_link disk_label disk_name logical_disk_size_in_gb
        source_media_link""",
        4,
    ),
    "update_data_disk": _refusal(
        f"""{_SERVICE} role_name lun host_caching media_link updated_lun disk_label disk_name
        logical_disk_size_in_gb""",
        4,
    ),
    "delete_data_disk": _refusal(f"{_SERVICE} role_name lun delete_vhd", 4),
    "add_disk": _refusal("has_operating_system label media_link name os", 5, "label media_link name os"),
    "update_disk": _refusal("disk_name has_operating_system label media_link name os", 1, "disk_name label"),
    "delete_disk": _refusal("disk_name delete_vhd", 1),
    "add_os_image": _refusal("label media_link name os", 4),
    "update_os_image": _refusal("image_name label media_link name os", 5),
    "delete_os_image": _refusal("image_name delete_vhd", 1),
    "create_vm_image": _refusal("vm_image", 1),
    "update_vm_image": _refusal("vm_image_name vm_image", 2),
    "delete_vm_image": _refusal("vm_image_name delete_vhd", 1),
    "replicate_vm_image": _refusal("vm_image_name regions offer sku version", 5, sdk_only=True),
    "unreplicate_vm_image": _refusal("vm_image_name", 1, sdk_only=True),
    "share_vm_image": _refusal("vm_image_name permission", 2, sdk_only=True),
    # What a script waits on between its calls: Python refuses a call that leaves out the request id, and the
    # script stops there (`'Status: ' + sms.get_operation_status()`).
    "get_operation_status": _refusal("request_id", 1),
    "wait_for_operation_status": _refusal(
        "request_id wait_for_status timeout sleep_interval progress_callback success_callback failure_callback",
        1,
    ),
}


# The model objects whose contents the reader follows: constructor parameters in the SDK's order.
MODELS: dict[str, tuple[str, ...]] = {
    "ConfigurationSet": (),
    "ConfigurationSetInputEndpoints": (),
    "ConfigurationSetInputEndpoint": (
        "name",
        "protocol",
        "port",
        "local_port",
        "load_balanced_endpoint_set_name",
        "enable_direct_server_return",
        "idle_timeout_in_minutes",
    ),
    "ResourceExtensionReference": ("reference_name", "publisher", "name", "version"),
    "ResourceExtensionReferences": (),
    "OSVirtualHardDisk": (
        "source_image_name",
        "media_link",
        "host_caching",
        "disk_label",
        "disk_name",
        "os",
        "remote_source_image_link",
    ),
    "DataVirtualHardDisk": (
        "media_link",
        "host_caching",
        "disk_label",
        "disk_name",
        "lun",
        "logical_disk_size_in_gb",
        "source_media_link",
    ),
    "DataVirtualHardDisks": (),
    # A VM's own public IPs (`ConfigurationSet.public_ips`), each by its name.
    "PublicIPs": (),
    "PublicIP": ("name",),
    # An image the script registers from disks of its own (create_vm_image), or captures from a VM
    # (capture_vm_image): its name is what is followed.
    "VMImage": ("name", "label", "description"),
    "CaptureRoleAsVMImage": (
        "os_state",
        "vm_image_name",
        "vm_image_label",
        "description",
        "language",
        "image_family",
        "recommended_vm_size",
    ),
}
# Models whose parameters default to "" (the others default to None).
_EMPTY_DEFAULTS = frozenset(
    {"ConfigurationSetInputEndpoint", "ResourceExtensionReference", "DataVirtualHardDisk", "PublicIP"}
)
# The lists a new model object starts with, by the attribute that holds them.
_LISTS = {
    "ConfigurationSetInputEndpoints": "input_endpoints",
    "ResourceExtensionReferences": "resource_extension_references",
    "DataVirtualHardDisks": "data_virtual_hard_disks",
    "PublicIPs": "public_ips",
}
# Other models a script builds to describe what it asks for, named for star imports (which do not say what
# they bring): building one is using the SDK, even in a module that leaves the calls to another. Names a
# script may well define for itself (`Listener`, `Credentials`, `SSH`) are left out; imported by name, any
# class of the SDK counts (`Imports.names`).
REQUEST_MODELS = _words(
    """
    WindowsConfigurationSet LinuxConfigurationSet ResourceExtensionParameterValue
    ResourceExtensionParameterValues CertificateSetting StoredCertificateSettings DomainJoin LoadBalancerProbe
    OSDiskConfiguration DataDiskConfiguration DataDiskConfigurations
    AdditionalUnattendContent ConfigurationSets
    """
)
SDK_CLASSES = SERVICE_CLASSES | MODELS.keys() | REQUEST_MODELS
# Callees that build XML elements (ElementTree, lxml), by the argument that holds the tag: a script that
# needs what the SDK cannot express (endpoint ACLs) writes the REST body with them.
XML_BUILDERS = {"SubElement": 1, "Element": 0}
# What a script that calls the Service Management API without the SDK sends its requests with, beside
# methods (`requests.put`, `session.get`): the functions called by a plain name (`urlopen(url)`,
# `Request(url, body)`), and the connections whose `request(...)` sends one to the host they are opened to
# (`conn = HTTPSConnection('management.core.windows.net')`).
HTTP_FUNCTIONS = frozenset({"urlopen", "Request"})
# The names urllib's request class is imported by (`urllib2.Request` of Python 2, `urllib.request.Request`):
# a class of the script's deriving from it alone makes requests too (`RequestWithMethod('POST', url)`).
URLLIB_REQUESTS = frozenset({"Request", "urllib2.Request", "urllib.request.Request", "request.Request"})
HTTP_CONNECTIONS = frozenset({"HTTPSConnection", "HTTPConnection"})

# Callees that only read their arguments: passing an object to them does not let it escape.
_READING_FUNCTIONS = frozenset(
    {
        "print",
        "len",
        "str",
        "repr",
        "isinstance",
        "hasattr",  # looks an attribute up: the object, or the class, stays what it is
        "type",
        "id",
        "bool",
        "sorted",
        "list",
        "dict",
        "tuple",
        "enumerate",
        "reversed",
        "zip",
        "super",  # `super(Deployer, self)`: the class and the instance stay what they are
    }
)
_READING_METHODS = _words(
    "copy get keys values items count index format join encode decode startswith endswith lower upper strip "
    "split replace dumps"
)
_LOGGERS = frozenset({"log", "logger", "logging", "LOG", "LOGGER", "_log", "_logger", "pprint", "json"})
# Callees whose result holds nothing of what they are passed (a number, a string, a truth value, nothing):
# passing an object to one keeps it where it was.
_SCALAR_FUNCTIONS = frozenset({"print", "len", "str", "repr", "isinstance", "type", "id", "bool"})
_SCALAR_METHODS = _words(
    "count index format join encode decode startswith endswith lower upper strip split replace dumps"
)
# Builtins whose result is a new object holding the items of what they are passed.
_COPYING_FUNCTIONS = frozenset(
    {"list", "tuple", "sorted", "set", "frozenset", "reversed", "enumerate", "zip"}
)
_CHANGING_METHODS = frozenset(
    {"append", "extend", "insert", "update", "pop", "remove", "clear", "setdefault"}
)
# Encoders a service configuration goes through on its way to `create_deployment` (the SDK wants base64).
_ENCODERS = frozenset(
    {"b64encode", "standard_b64encode", "encodestring", "encodebytes", "_encode_base64", "encode_base64"}
)
_COMPOUND = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.With,
    ast.AsyncWith,
    ast.Try,
    ast.Match,
)

_TRIES = (ast.Try, ast.TryStar) if hasattr(ast, "TryStar") else (ast.Try,)  # TryStar: Python 3.11+

# The most statements that set an attribute (and bindings of it in a class's body) looked through for a value
# it may hold (see `Flow._may_hold`).
MAX_CANDIDATES = 8
MAX_DEPTH = 40  # values nested deeper than this (a chain of names, lists of lists) are not followed
# The longest string the reader builds from other values (`prefix + name`): far longer than any name a rule
# reads (cloud services take 63 characters), with room for a small service configuration written in pieces.
# A longer one is `Unknown`, so a script that doubles a string line after line costs what any script costs.
MAX_TEXT = 4096
# The longest string holding markup (a `<`: a REST body, a network configuration) the reader builds from
# others: longer than any body a script sends (a Create Deployment body with its configuration inline), and
# each one past MAX_TEXT is paid for from the budget by its length (see `Flow._paid`), so a script that
# doubles one line after line costs no more than one that writes it out.
MAX_BODY = 256 * 1024
# What the budget is charged for a string built past MAX_TEXT: one evaluation for every so many characters.
_CHARACTERS_PER_EVALUATION = 256
# The most turns of the loops around a call, or of a loop that changes an object, the reader takes one by one
# (a longer list, or loops in loops whose turns multiply past it, leave their variables unknown).
MAX_TURNS = 64
# The most parts of a loop's target the reader unpacks at each turn (`for name, size in`: a tuple and two
# names); a loop with a wider one is read once, its variables unknown, as a loop over too many items.
MAX_TARGET = 16
# Calls of the script's own functions followed inside one another, at most: deeper, a call is unknown.
MAX_CALL_DEPTH = 8
# The most paths through the choices the script does not decide (`Choice`) a call's arguments are read on
# (see `Flow.alternatives`): past it, what depends on them is unknown, as it is read once.
MAX_PATHS = 8
# Syntax trees nested deeper than this are refused: the one recursive walk over them stays far from Python's
# recursion limit whatever the caller's stack holds, and the answer does not depend on it.
MAX_NESTING = 100
# The statements that end a path (`return`, `raise`, `sys.exit()`, `break`, `continue`, a call the SDK
# refuses or of a function that raises) the reader may look at, in all, asking whether one of them surely
# runs before a read in a scope (see `Flow._ending_work`): so many for each statement of the scope, and a
# floor for a short one. A function that checks twenty arguments one by one and returns on each is read
# whole, read in any number of frames; one built to make every read look at thousands of exits costs time
# linear in its size, and its reads past the allowance are read as if no exit ran before them.
ENDING_WORK_PER_STATEMENT = 64
ENDING_WORK_FLOOR = 4096
# The modules whose functions EXIT_CALLS names, which a script may import under another name.
_EXIT_MODULES = frozenset({"os", "sys"})
# The `os` functions that replace the script's process by a program's (`os.execv(path, argv)`): nothing of the
# script runs after one.
OS_EXECS = frozenset({"execl", "execle", "execlp", "execlpe", "execv", "execve", "execvp", "execvpe"})
# Calls that end the script when they run, unless the script binds the name to something of its own.
EXIT_CALLS = frozenset({"exit", "quit", "sys.exit", "os._exit", *(f"os.{name}" for name in OS_EXECS)})

# What a text built in part from values the script does not state holds in their place (see `Flow.holes`):
# the same placeholder the readers' shared URL helpers look for (`automation.HOLE`).
HOLE = automation.HOLE

Position = tuple[int, int]  # line (1-based) and column (UTF-8 bytes, as `ast` counts): ordered as in the file
END: Position = (1 << 62, 0)  # after every statement: where a module-level value is read from a function
# The attribute a function taken from a module the script imports (`from lib import service_name`, see
# `python_library`) holds the import's position in: it is defined there for the script, though its lines
# are read after the script's, so a call after the import has what it returns.
IMPORTED_AT = "migcheck_imported_at"


# --- values --------------------------------------------------------------------------------------------


# Where a line of a text is written: a string literal of the script (an `ast.Constant`, or an f-string) and
# the line of it, from 0 (of an f-string, counted from its first line in the file).
Origin = tuple[ast.AST, int]
# For each line of a text, the literals that write a piece of it, in order (see `Lit.lines`).
Lines = tuple[tuple[Origin, ...], ...]
# The most literals kept for one line: a line built of many pieces is placed by its first ones.
MAX_ORIGINS = 4


@dataclass(slots=True)
class Lit:
    """A string or number the script writes, and where (None for an SDK default). `lines`: of a string built
    from others (`TEMPLATE % name`, `head + tail`, an f-string), where each of its lines is written, so that
    what a reader finds in it can be shown there (see `written_lines`); None for a literal's own text, and
    for a text no literal writes."""

    text: str
    node: ast.AST | None
    lines: Lines | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class NoneV:
    node: ast.AST | None


@dataclass(slots=True)
class Unknown:
    """A value the script does not state. `text` is the name or key it was read from ("" when none).
    `may_be_none`: an item read with `.get()` from a table the reader does not know, whose default is None
    (`table.get(key)`, `table.get(key, None)`, `os.environ.get(key, None)`, or `""`; not an Ansible module's
    `module.params.get(key)` of an option its `argument_spec` requires or gives another default), as
    `a if test else None` may be; any other unknown value (`os.environ.get(key)`) is not said to be None. `ident`: of a value a call passes to one of the
    script's functions, what tells it from others where the call passes it (`Flow.same_value` there): read
    in the function, it is still the caller's value, not one of the parameter's own (`deploy(sys.argv[1])`
    names in `deploy` the service its caller names by `sys.argv[1]`)."""

    text: str
    node: ast.AST | None
    may_be_none: bool = field(default=False, compare=False)
    ident: tuple[object, ...] | None = field(default=None, compare=False)
    # Of a file's content, or a file opened to be read, in a script that writes no file: the path of the
    # file, so that an upload of it can say which file it sends.
    read_from: ast.expr | None = field(default=None, compare=False)
    # Of a value that is None unless whoever runs the script gives it, read alone (`may_be_none`): what
    # gives it, as they write it, an option of the script's parser (`--vnet`, see
    # `python_arguments.with_options_left_out`) or an environment variable read with no default (`VNET`).
    # A finding that turns on it says which it assumes (`model.session_sets`).
    unset: str = field(default="", compare=False)


@dataclass(slots=True)
class Encoded:
    """A value passed through an encoder (`base64.b64encode(CONFIG)`): only a service configuration is
    read through one."""

    inner: Value
    node: ast.AST | None


@dataclass(slots=True)
class ListV:
    items: list[Value]  # the items the list certainly holds
    complete: bool  # False when it may hold more (an append under a condition, `*rest`)
    node: ast.AST | None
    # Of an instance of a named tuple the script defines (`Vm('k8s-w01', ['workers'])`), the names of its
    # fields in order, each the attribute that reads the item at its place (`vm.subnets`).
    fields: tuple[str, ...] | None = None


@dataclass(slots=True)
class DictV:
    items: dict[str, Value]
    complete: bool  # False when keys beyond `items` may be present (a computed key, `**other`)
    node: ast.AST | None


@dataclass(slots=True)
class Obj:
    """One of the SDK's model objects: its class and its attributes."""

    cls: str
    attrs: dict[str, Value]
    node: ast.AST


@dataclass(slots=True)
class ClassV:
    """A class the script defines and follows (see `Flow._followed`), named as a value (`settings=Settings`):
    what its body binds is read through it (`settings.SUBNETS`)."""

    cls: Scope
    node: ast.AST | None


Value = Lit | NoneV | Unknown | Encoded | ListV | DictV | Obj | ClassV


def literal(value: Value | None) -> str | None:
    return value.text if isinstance(value, Lit) else None


def may_be_none(value: Value | None) -> bool:
    """Whether a value the script does not state may be None (see `Unknown.may_be_none`)."""
    return isinstance(value, Unknown) and value.may_be_none


def written_lines(value: Lit) -> Lines:
    """Where each line of a string is written: the literals that write a piece of it (`Lit.lines`), the
    string's own literal for each of its lines, or none for a text no literal writes (a number, a HOLE)."""
    if value.lines is not None:
        return value.lines
    count = value.text.count("\n") + 1
    node = value.node
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value == value.text:
        return tuple(((node, line),) for line in range(count))
    return ((),) * count


def items_of(value: Value | None, wrapper: str = "") -> tuple[list[Value], bool]:
    """The items a list (or an SDK wrapper holding its list) certainly holds, and whether that is all."""
    if isinstance(value, Obj) and value.cls == wrapper:
        value = value.attrs.get(_LISTS[wrapper])
    if isinstance(value, ListV):
        return value.items, value.complete
    return [], False


# --- the index --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Binding:
    value: ast.expr | None  # None: bound to something the reader does not follow
    at: Position
    chain: tuple[int, ...] = ()  # the blocks it is made in (see `_Indexer`)
    each_turn: bool = False  # the target of a `for` loop or a comprehension: bound anew at each turn
    # Where `value` is read: the start of the statement, before any of its targets is bound (`a, b = b, a`
    # reads the `a` bound before it). None: at `at`.
    start: Position | None = None

    @property
    def made(self) -> Position:
        return self.start if self.start is not None else self.at


@dataclass(frozen=True, slots=True)
class Stored:
    """A statement that sets an attribute by itself (`self.subnets = ['app', 'data']`): its target and the
    value it is set to, in `scope` at `at` (where the statement starts) under `chain`."""

    target: ast.Attribute
    value: ast.expr
    scope: Scope
    at: Position
    chain: tuple[int, ...]


def _hides_class_binding(init: Function, stored: Stored, site: Site) -> bool:
    """Whether what an `__init__` sets an attribute to hides the class's own binding of it (`url = ''` in
    the class's body) from a read outside the `__init__`, or after it there: set at the top of its body,
    on every path, with nothing before it that may read the attribute on the instance (a call of a method
    of its first parameter, or of `super()`), so that no instance it makes holds the class's value."""
    if stored.chain or (site.scope is init.scope and site.at <= stored.at):
        return False
    target = stored.target.value
    for statement in init.node.body:
        if (statement.lineno, statement.col_offset) >= stored.at:  # the statement that sets it
            return (statement.lineno, statement.col_offset) == stored.at
        if any(_on_instance(node, target) for node in ast.walk(statement) if isinstance(node, ast.Call)):
            return False
    return False


def _on_instance(call: ast.Call, instance: ast.expr) -> bool:
    """Whether a call is made on the instance a method runs on (`self.refresh()`) or through `super()`."""
    func = call.func
    while isinstance(func, ast.Attribute):
        func = func.value
    if isinstance(func, ast.Call):
        return _on_instance(func, instance) or (isinstance(func.func, ast.Name) and func.func.id == "super")
    return isinstance(func, ast.Name) and isinstance(instance, ast.Name) and func.id == instance.id


@dataclass(frozen=True, slots=True)
class Event:
    """Something done to the object a name holds. `kind`: append, extend, set (the attribute at the end of
    `path`), setitem, delitem, update, insert, remove, pop, clear, change (made unknown), escape (no longer
    followed). `index`: the item a change of a list names (`x[0] = v`, `del x[1:]`, `x.insert(0, v)`,
    `x.pop(-1)`), as written."""

    kind: str
    path: tuple[str, ...]
    key: str | None
    value: ast.expr | None
    at: Position
    chain: tuple[int, ...]
    scope: Scope
    item: bool = False  # made to an item of the object (`name['k']` passed, changed), not to the object
    index: ast.expr | None = None
    # Of an escape, how many parts deep in the object the one let go is (`sys.argv[1]`: 2): what it is let
    # go to may change the parts of that one, not those on the way to it, nor which object it is.
    parts: int = 0
    method: str = ""  # of an escape, the method called on the object, when that is what lets it go


@dataclass(frozen=True, slots=True)
class Exit:
    """A statement that ends the path through its scope where it runs: `return`, `raise` or a call of
    EXIT_CALLS (`call`, whose name is checked where it is read), or one that ends the turn of the loop whose
    body is the block `loop` (`break`, `continue`). Only those outside a `try` or `with` body are kept:
    there an exception may be caught and the path go on (`Scope.may_end` keeps where they are all the
    same: they may end it). `at` is where the statement ends: what it evaluates first (`return
    sms.perform_post(...)`, `sys.exit(main())`) runs before the path ends."""

    at: Position
    chain: tuple[int, ...]
    loop: int | None = None
    call: ast.Call | None = None
    raises: bool = False  # a `raise`: it ends the path of the function's callers too (see `Flow.raises`)
    # Where the calls start whose arguments hold `call` (see `_calls_waiting`): though they start before it
    # ends, none of them is made when it raises.
    waiting: tuple[Position, ...] = ()


@dataclass(frozen=True, slots=True)
class Guard:
    """An `if` all of whose branches but one surely end the path through its scope (`if single: ...;
    sys.exit(0)`, with no `else`): what follows it in its block, to the end of the block, runs only on
    that one branch, `option` (see `Choice`), as if written in it. `end`: where the `if` ends. `calls`: the
    calls of EXIT_CALLS that end the other branches, whose names are checked where they are read. Only
    those outside a `try` or `with` body are kept, as for `Exit`: what is raised there may be caught, and
    the path go on past the end of the block."""

    node: ast.If
    option: int
    end: Position
    calls: tuple[ast.Call, ...]


@dataclass(eq=False, slots=True)
class Scope:
    kind: str  # "module" | "function" | "class"
    parent: Scope | None  # where names not bound here are looked up (functions skip a class body)
    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    events: dict[str, list[Event]] = field(default_factory=dict)  # by the name whose object they change
    # How deep into the object a name holds its reads let it go where the reader does not follow it (see
    # `_reach`), the least over the reads in this scope and in the functions inside it that see the name.
    reach: dict[str, int] = field(default_factory=dict)
    # The names some read in this scope (or in a function inside it that sees them) lets the object itself
    # go where a change to it may be made unseen (`kept = subnets`, `net.subnet_names = subnets`, `return
    # subnets`), not its items only (`for s in subnets`, `net.subnet_names.extend(subnets)`).
    lent: set[str] = field(default_factory=set)
    params: set[str] = field(default_factory=set)
    # The parameters whose default is written None (`network=None`): where no call the reader follows
    # passes one, such a parameter may be None (see `Unknown.may_be_none`).
    none_defaults: set[str] = field(default_factory=set)
    # The reads (by `id`) of such a parameter in the body of an `if` that runs only when it is set (`if
    # network:`, `if network is not None:`), where it is not None.
    set_reads: set[int] = field(default_factory=set)
    # The parameters whose default is the Service Management API's address (`azure_url="https://management.
    # core.windows.net"`), by name: where no call the reader follows passes one, the text a URL is built
    # from (see `Flow.holes`), which is what tells a request to the API.
    api_defaults: dict[str, str] = field(default_factory=dict)
    declared: dict[str, str] = field(default_factory=dict)  # name → "global" | "nonlocal"
    function: Function | None = None  # the function whose body this scope is (None: not one that is followed)
    functions: dict[str, Function] = field(default_factory=dict)  # the functions defined here, by name
    # The classes defined here whose methods are followed (undecorated, with no metaclass), by name.
    classes: dict[str, Scope] = field(default_factory=dict)
    name: str = ""  # a class's name, for the scope of its body
    # Of the body of a method decorated `@classmethod` only: the class whose body defines it, and its first
    # parameter (`cls`), which holds that class or one deriving from it.
    class_method_of: tuple[Scope, str] | None = None
    # Of the body of a method under another decorator (`@record`, `@unittest.skip(...)`), which the reader
    # does not follow as a function: the class whose body defines it, and its first parameter (`self`),
    # which a wrapper passes on, so that what a method of the class returns there is followed (see
    # `Flow.method`), though what calls the decorated method is not.
    wrapped_method_of: tuple[Scope, str] | None = None
    statements: int = 0  # how many statements the scope holds, its own (not those of the functions in it)
    exits: list[Exit] = field(default_factory=list)  # in source order
    # Where each statement that may end the path through the scope ends (see `Exit`), in source order: those
    # in a `try` or `with` body too, which `exits` leaves out, as what they raise may be caught, but which
    # may end it all the same (a `return` there surely does).
    may_end: list[Position] = field(default_factory=list)
    # The statements that call one of the SDK's methods that check their arguments (`REFUSALS`), outside a
    # `try` or `with` body, in source order: each ends the path through the scope where the SDK refuses
    # what the call passes it, which only the values the call is read with decide (see `Flow.refused`).
    refusals: list[Exit] = field(default_factory=list)
    # The statements that are a call of what may be one of the script's own functions (`prepare(name)`,
    # `self.prepare(name)`), kept as `refusals` are: each ends the path through the scope where the function
    # surely raises at that call (see `Flow.raises`).
    calls_out: list[Exit] = field(default_factory=list)
    guards: dict[tuple[int, ...], list[Guard]] = field(default_factory=dict)  # by their block, in order


@dataclass(frozen=True, slots=True)
class Return:
    value: ast.expr | None
    at: Position
    chain: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Signature:
    """A function's parameters as a call binds them, worked out once for all its calls."""

    positional: tuple[str, ...]  # the parameters positional arguments fill, in order
    keywords: frozenset[str]  # the parameters a keyword argument may name (not the positional-only ones)
    defaults: tuple[tuple[str, ast.expr], ...]  # the parameters that have a default, with it
    required: frozenset[str]  # the parameters with no default: every call must pass them
    vararg: str | None  # the name of `*args`
    kwarg: str | None  # the name of `**kwargs`


def _after_self(signature: Signature) -> Signature | None:
    """A method's parameters as a call on an instance binds them: the first (`self`) is the instance, the
    call's arguments fill the rest. None when the method takes none of its own (`def run(*args)`)."""
    if not signature.positional:
        return None
    first = signature.positional[0]
    return Signature(
        signature.positional[1:],
        signature.keywords - {first},
        tuple((param, default) for param, default in signature.defaults if param != first),
        signature.required - {first},
        signature.vararg,
        signature.kwarg,
    )


def _signature(args: ast.arguments) -> Signature:
    positional = [*args.posonlyargs, *args.args]
    defaults = list(zip(positional[len(positional) - len(args.defaults) :], args.defaults, strict=True))
    defaults += [(p, d) for p, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None]
    with_default = {param.arg for param, _ in defaults}
    return Signature(
        tuple(param.arg for param in positional),
        frozenset(param.arg for param in [*args.args, *args.kwonlyargs]),
        tuple((param.arg, default) for param, default in defaults),
        frozenset(p.arg for p in [*positional, *args.kwonlyargs] if p.arg not in with_default),
        args.vararg.arg if args.vararg is not None else None,
        args.kwarg.arg if args.kwarg is not None else None,
    )


@dataclass(eq=False, slots=True)
class Function:
    """A function the script defines with `def`, undecorated (but for a method's `@staticmethod` or
    `@classmethod`, its `decorator`, or `@property`, a `getter`) and not async: what a call of it returns
    is followed. `scope` is its
    body's, `outer` the scope it is defined in, at `at` under `chain`. In a class's body, it is a method:
    `on_instance` is how a call on an instance (or on the class, for a static or class method) binds its
    parameters."""

    node: ast.FunctionDef
    scope: Scope
    outer: Scope
    at: Position
    chain: tuple[int, ...]
    returns: list[Return] = field(default_factory=list)
    generator: bool = False  # a `yield` (or `await`) in its body: a call does not run it
    falls_off: bool = True  # its body may end without a `return` or `raise`: it may return None
    decorator: str = ""  # "staticmethod" or "classmethod" for a method so decorated
    getter: bool = False  # a method decorated `@property` only: a read of its name on an instance runs it
    signature: Signature = field(init=False)
    on_instance: Signature | None = field(init=False)

    def __post_init__(self) -> None:
        self.signature = _signature(self.node.args)
        if self.decorator == "staticmethod":
            self.on_instance = self.signature  # no first parameter is bound: all are the call's
        else:
            self.on_instance = _after_self(self.signature) if self.outer.kind == "class" else None


@dataclass(eq=False, slots=True)
class Loop:
    """A `for` loop (or a `while` counted in numbers, as the `for` it runs as): its body is the block numbered `block`, under `chain` in `scope`. `plain` when nothing
    in its body leaves a turn early (`break`, `continue`, `return`), so every turn runs the whole body.
    `ends` when something in its body (`break`, `return`) may leave the loop itself before its last item,
    so a call in its body may run for its first items only. `width`: the parts of its target (see
    MAX_TARGET), counted once rather than at each turn."""

    node: ast.For
    scope: Scope
    chain: tuple[int, ...]
    block: int
    at: Position
    end: Position
    width: int
    plain: bool = True
    ends: bool = False
    counted: bool = False  # a `while` counted in numbers, read as the `for` it runs as (`_Indexer._counted`)
    breaks: list[Exit] = field(default_factory=list)  # the `break`s of this loop outside a `try` or `with`


@dataclass(frozen=True, slots=True)
class FileWrite:
    """A file the script writes whole at once (`open(path, 'w').write(text)`, or the one `f.write(text)` of
    `with open(path, 'w') as f:`): the expressions of its path and of the text, where the write is made."""

    path: ast.expr
    text: ast.expr
    scope: Scope
    at: Position
    chain: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class PlacedFile:
    """A file the script puts in place by a means whose content the reader does not follow (`shutil.copy`,
    `os.replace`, `Path.write_text`, `urlretrieve`, see `_FILE_PLACERS`): the expressions of where it goes
    and, when that may be a folder, of the file it comes from, whose name it keeps there (None: any file,
    `shutil.copytree`'s), where the call is made."""

    destination: ast.expr | None
    source: ast.expr | None
    scope: Scope
    at: Position
    chain: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CallSite:
    """A call that may be a classic one: a method call, or a call of a name that is an SDK class's."""

    node: ast.Call
    scope: Scope
    at: Position
    chain: tuple[int, ...]
    method: str  # the attribute called; "" for a plain name
    receiver: str  # the receiver as dotted text ("self.sms"); "" when it is not a dotted name
    # The comprehensions whose item the call is in, outermost first, each with the builtin that runs a
    # generator expression through all its items ("" for a list or set comprehension; see `_comprehensions`).
    comprehensions: tuple[tuple[ast.ListComp | ast.SetComp | ast.GeneratorExp, str], ...] = ()
    # The name a generator expression the call waits in is bound to ("" for one its statement drops), when
    # nothing but reading that name could run it (see `_unconsumed`, `Flow.idle`); None otherwise.
    unconsumed: str | None = None


@dataclass(slots=True)
class Imports:
    """How the file reaches the SDK: names imported from it, module aliases, star imports."""

    names: dict[str, str] = field(default_factory=dict)  # local name → SDK class name
    modules: set[str] = field(default_factory=set)  # dotted prefixes that name an SDK module
    star: bool = False  # from azure.servicemanagement import *
    azure_star: bool = False  # from azure import * (the SDK before 1.0)

    @property
    def found(self) -> bool:
        return bool(self.names or self.modules or self.star or self.azure_star)

    def sdk_class(self, func: ast.expr) -> str | None:
        """The SDK class a callee names, through whatever import the file made."""
        if isinstance(func, ast.Name):
            name = func.id
            if name in self.names:
                return self.names[name]
            if (self.star and name in SDK_CLASSES) or (self.azure_star and name in SERVICE_CLASSES):
                return name
            return None
        text = dotted(func)
        prefix, _, name = (text or "").rpartition(".")
        if _is_class(name) and any(prefix == m or prefix.startswith(m + ".") for m in self.modules):
            return name
        return None


def _is_class(name: str) -> bool:
    """A name of the SDK that is a class: a known one, or any capitalised one (its modules are lower case)."""
    return name in SDK_CLASSES or name[:1].isupper()


@dataclass(frozen=True, slots=True)
class Choice:
    """A place where the path through a scope goes one of a few ways each time it is reached: an `if` with
    its `elif`s and `else` (an option for each branch, in order, the `else` last whether written or not), a
    conditional expression `a if test else b` (0: `a`, 1: `b`), or the handlers of a `try` (0: none runs,
    then one for each handler, in order). `chain` is the blocks it is in, in `scope`."""

    node: ast.AST
    options: int
    scope: Scope
    chain: tuple[int, ...]

    @property
    def tests(self) -> list[ast.expr]:
        """The tests that choose the option, in order (none for a `try`): the first that holds chooses its
        option, and the last option is taken when none does."""
        node: ast.AST | None = self.node
        if isinstance(node, ast.IfExp):
            return [node.test]
        tests = []
        while isinstance(node, ast.If):
            tests.append(node.test)
            node = node.orelse[0] if len(node.orelse) == 1 else None
        return tests


@dataclass(slots=True)
class Index:
    module: Scope
    imports: Imports
    calls: list[CallSite]
    services: set[str]  # receivers bound to a service object, as dotted text ("sms", "self.sms")
    statements: list[tuple[int, int, bool]]  # (first line, last line, simple) of every statement
    elements: list[CallSite] = field(default_factory=list)  # calls of XML_BUILDERS, in source order
    # The connections the script opens (`conn = HTTPSConnection(host)`, `self.conn = ...`), by the name
    # that holds them as dotted text: every connection opened under that name, wherever in the file.
    connections: dict[str, list[CallSite]] = field(default_factory=dict)
    loops: dict[int, Loop] = field(default_factory=dict)  # `for` loops, by the number of their body's block
    # The blocks that run when a test holds (an `if` body: True) or fails (its `else`: False), by number.
    conditions: dict[int, tuple[ast.expr, bool]] = field(default_factory=dict)
    declared_global: set[str] = field(default_factory=set)  # names a function declares `global`
    # Calls of a plain name (`set_acl(...)`), by the name; and how many times each name is read at all:
    # a function whose name is read only to be called is called nowhere else (see `Flow.callers`).
    named_calls: dict[str, list[CallSite]] = field(default_factory=dict)
    loads: dict[str, int] = field(default_factory=dict)
    # The `else` blocks of `for` loops, by number, with their loop: they do not run when the loop breaks.
    loop_elses: dict[int, Loop] = field(default_factory=dict)
    plain_imports: set[str] = field(default_factory=set)  # modules imported at module level as themselves
    # The blocks of `if` statements, by number: the `if` (its first test) and which of its branches the block
    # is, 0 for its body, then each `elif`'s, then its `else`. Only one of them runs.
    choices: dict[int, tuple[ast.If, int]] = field(default_factory=dict)
    # Every choice (`Choice`) by its key, the number of the block of its first option; and, by number, each
    # block that runs on one option of a choice only, with the choice's key and the option (the block of an
    # `elif`'s test is its branch's too). A conditional expression's key, by the id of its node.
    branchings: dict[int, Choice] = field(default_factory=dict)
    branch_of: dict[int, tuple[int, int]] = field(default_factory=dict)
    expression_choices: dict[int, int] = field(default_factory=dict)
    # Calls of a method (`d.add_vm(...)`), by the method's name; how many times each attribute name is
    # read at all (a method whose name is read only to be called is called nowhere else, see
    # `Flow.callers`); how many times the script sets or deletes each attribute name anywhere (a method
    # replaced on an instance or a class); and the last statement that sets an attribute by itself
    # (`self.deployer = Deployer(...)`, see `Stored`), by the attribute's name: the value the attribute
    # holds when the script sets it there and nowhere else.
    method_calls: dict[str, list[CallSite]] = field(default_factory=dict)
    attribute_loads: dict[str, int] = field(default_factory=dict)
    attribute_stores: dict[str, int] = field(default_factory=dict)
    attribute_values: dict[str, Stored] = field(default_factory=dict)
    # Every class statement of the script, with the scope of its body (whose parent is the scope the
    # statement runs in), in source order: followed or not, each may derive from a class of the script.
    class_statements: list[tuple[ast.ClassDef, Scope]] = field(default_factory=list)
    # How many times the script changes the object an attribute holds, or lets it go where the reader does
    # not follow it, by the attribute's name, whatever it is read on (`self.subnets.append(...)`,
    # `t.subnets[0] = ...`, `keep(self.subnets)`, `return self.subnets`): a list an attribute holds is the
    # one it was set to only when the script does none of these to it anywhere.
    attribute_changes: dict[str, int] = field(default_factory=dict)
    # The names `from collections import namedtuple` binds, with the scope each binds it in (by id).
    namedtuple_imports: set[tuple[int, str]] = field(default_factory=set)
    # The options an `argument_spec` of the file surely sets (an Ansible module's `argument_spec=dict(vnet=
    # dict(required=True))`, or a default other than None): `params.get('vnet')` is not None (see `Unknown`).
    set_options: frozenset[str] = frozenset()
    # The files the script writes whole (see `FileWrite`), and the path of each file it reads whole, by the
    # id of the `read()` call (`open(path).read()`, `f.read()` of `with open(path) as f:`); whether it
    # writes a file otherwise too (appends to it, passes it on, writes it piece by piece, shadows `open`),
    # when what it reads back is not known (see `Flow._read_back`).
    file_writes: list[FileWrite] = field(default_factory=list)
    file_reads: dict[int, ast.expr] = field(default_factory=dict)
    writes_unfollowed: bool = False
    # The files it puts in place otherwise (see `PlacedFile`): an upload of a file of their name is not
    # known to be of the file checked by that name, nor a read of one what a write left in it.
    placed_files: list[PlacedFile] = field(default_factory=list)
    # What the file does with the names it reads but never binds (`args` of a trimmed copy of a script that
    # parses it elsewhere, a name a star import brings): their events and reaches, as a scope files them.
    free: Scope = field(default_factory=lambda: Scope("module", None))
    # Every function the file defines with `def`, wherever and however decorated, by its name: what a call
    # of that name, or a read of an attribute of that name (a property), may run (see `Flow._sets_reached`).
    definitions: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = field(default_factory=dict)
    # `while` loops, by the number of their body's block: turns the script does not count.
    whiles: dict[int, ast.While] = field(default_factory=dict)
    # How many times each attribute is read on each plain name (`C.lock` of `C.lock.release()`), by the
    # name and the attribute: a read of a class's own attribute makes no instance of it.
    read_on_names: dict[str, dict[str, int]] = field(default_factory=dict)
    # The name each `x = Cls(...)` binds (as dotted text), by the `id` of the callee's node: the client a
    # `ServiceManagementService(...)` makes is called through that name.
    made_as: dict[int, str] = field(default_factory=dict)
    # Every statement that sets an attribute by itself, by the attribute's name, in source order (see
    # `Flow.wanted`): what an attribute may hold, wherever the script sets it.
    attribute_sets: dict[str, list[Stored]] = field(default_factory=dict)
    # How many reads of an object's `__dict__` only go over its names (`for attr in obj.__dict__:`), which
    # sets no attribute (see `Flow._sets_by_name`).
    dicts_iterated: int = 0
    # The `for` loops over `range()` past MAX_TURNS, in source order: each surely runs, its turns read as
    # one (see `_loop_condition`), a part not read.
    loops_cut: list[ast.For] = field(default_factory=list)
    # The names the script imports the modules and functions of EXIT_CALLS under at its top level, with the
    # name each stands for (`o` of `import os as o`: "os"; `run` of `from os import execv as run`:
    # "os.execv"), see `exit_name`.
    exit_aliases: dict[str, str] = field(default_factory=dict)


def _iterated(node: ast.expr, parent: ast.AST) -> bool:
    """Whether `node` is what a `for` loop or a comprehension goes over, and nothing else."""
    return isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)) and parent.iter is node


class _WholeTree(NamedTuple):
    """What the index reads from every node of the tree (see `_whole_tree`)."""

    set_options: frozenset[str]
    reads_sdk_by_its_full_name: bool
    counter_starts: dict[int, dict[str, ast.expr]]
    constants: dict[str, ast.expr]


def _whole_tree(tree: ast.Module) -> _WholeTree:
    """What the index reads from every node of the tree, the parts its visit leaves out included (annotations,
    the targets of a `for`, the keywords of a class): the options surely set (see
    `_set_options`), whether the file builds an SDK class by its full name (see
    `_builds_sdk_class`) without binding `azure` to anything else, where the counter of each `while`
    loop starts (see `_counter_starts`), and the names bound once in the whole file, by an assignment at
    its top level, with their values (`ERRORS = (AzureHttpError, ValueError)`, which an `except ERRORS:`
    names, see `_catches`). One walk for the four."""
    keys: set[str] = set()
    counter_starts: dict[int, dict[str, ast.expr]] = {}
    builds = rebinds = False
    bound: dict[str, int] = {}
    for node in nodes(tree):
        if isinstance(node, ast.Call):
            builds = builds or _builds_sdk_class(node)
        elif isinstance(node, ast.keyword):
            if node.arg == "argument_spec":
                keys.update(_set_options(node.value))
        elif type(node) in _AZURE_BINDERS:
            rebinds = rebinds or _binds_azure_otherwise(node)
        for name in _names_bound(node):
            bound[name] = bound.get(name, 0) + 1
        for field_name in _BLOCK_FIELDS[type(node)]:
            _counter_starts(getattr(node, field_name), counter_starts)
    constants = {
        statement.targets[0].id: statement.value
        for statement in tree.body
        if isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name)
        and bound.get(statement.targets[0].id) == 1
    }
    return _WholeTree(frozenset(keys), builds and not rebinds, counter_starts, constants)


def _names_bound(node: ast.AST) -> Iterator[str]:
    """The names a node binds itself: a name stored to, deleted or declared global, an import's, a function's
    or a class's, an `except`'s `as` name."""
    if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
        yield node.id
    elif isinstance(node, ast.alias):
        yield (node.asname or node.name).partition(".")[0]
    elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.ExceptHandler)):
        if node.name:
            yield node.name
    elif isinstance(node, (ast.Global, ast.Nonlocal)):
        yield from node.names


class _BlockFields(dict[type[ast.AST], tuple[str, ...]]):
    """The fields of each node class that may hold a block of statements (a lambda's and an `if`
    expression's `body` is an expression): worked out at the first node of the class."""

    def __missing__(self, kind: type[ast.AST]) -> tuple[str, ...]:
        fields = self[kind] = tuple(f for f in ("body", "orelse", "finalbody") if f in kind._fields)
        return fields


_BLOCK_FIELDS = _BlockFields()


# How a script names the environment's table (`os.environ`, `from os import environ`).
_ENVIRONMENT = frozenset({"os.environ", "environ"})
# How it names the function that reads a variable of it (`os.getenv`, `from os import getenv`).
_GETENV = frozenset({"os.getenv", "getenv"})


def _set_options(spec: ast.expr) -> Iterator[str]:
    """The keys of an `argument_spec=dict(...)` (or `{...}`) that Ansible surely gives a value other than
    None: required (`dict(required=True)`), or given a default stated other than None (`dict(default='x')`).
    Any other option is None where the task does not set it."""
    if isinstance(spec, ast.Call) and callee(spec.func) == "dict":
        options = [(k.arg, k.value) for k in spec.keywords if k.arg is not None]
    elif isinstance(spec, ast.Dict):
        options = [
            (k.value, v)
            for k, v in zip(spec.keys, spec.values, strict=True)
            if isinstance(k, ast.Constant) and isinstance(k.value, str)
        ]
    else:
        return
    for name, option in options:
        if isinstance(option, ast.Call) and callee(option.func) == "dict":
            given = {k.arg: k.value for k in option.keywords if k.arg is not None}
            default, required = given.get("default"), given.get("required")
            if (
                default is not None and not (isinstance(default, ast.Constant) and default.value is None)
            ) or (isinstance(required, ast.Constant) and required.value is True):
                yield name


def _none_or_empty(node: ast.expr) -> bool:
    """Whether an expression is None or empty text written out (a `.get()` default that states no value)."""
    return isinstance(node, ast.Constant) and (node.value is None or node.value == "")


def dotted(node: ast.AST) -> str | None:
    """`a.b.c` for a name or a chain of attributes on a name; None for anything else."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def _root_path(node: ast.AST) -> tuple[str, tuple[str, ...]] | None:
    """(name, attribute path) of `name.a.b`, looking through items (`name['k'].a` is a change to `name`);
    None when the chain does not start at a plain name."""
    text = dotted(node)
    if text is None:
        while isinstance(node, (ast.Subscript, ast.Attribute)):
            node = node.value
        return (node.id, ("[]",)) if isinstance(node, ast.Name) else None
    root, *path = text.split(".")
    return root, tuple(path)


def _parts_deep(node: ast.expr) -> int:
    """How many attributes and items deep in the object a name holds an expression reads (`sys.argv[1]`: 2)."""
    parts = 0
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        parts, node = parts + 1, node.value
    return parts


# Other ways to open a file, which may write it, by their dotted names (see `Index.writes_unfollowed`).
_OTHER_OPENS = frozenset({"file", "io.open", "codecs.open", "os.open", "os.fdopen"})
# The functions that put a file in place whose content the reader does not follow (a copy, a move, a rename,
# a download), by their dotted names: (position, keyword) of the file it comes from when a folder may be
# where it goes, the file then keeping its name there (None: the argument names the file), and of where it
# goes (None: a folder, where it may put any file).
_FILE_PLACERS: dict[str, tuple[tuple[int, str] | None, tuple[int, str] | None]] = {
    "shutil.copy": ((0, "src"), (1, "dst")),
    "shutil.copy2": ((0, "src"), (1, "dst")),
    "shutil.move": ((0, "src"), (1, "dst")),
    "shutil.copyfile": (None, (1, "dst")),
    "shutil.copytree": (None, None),
    "os.rename": (None, (1, "dst")),
    "os.replace": (None, (1, "dst")),
    "os.renames": (None, (1, "new")),
    "urllib.request.urlretrieve": (None, (1, "filename")),
    "urllib.urlretrieve": (None, (1, "filename")),  # Python 2
}
_PLACER_MODULES = frozenset({"shutil", "os", "urllib", "urllib.request"})
# The methods of `pathlib.Path` that write the file the path names (`Path('x.netcfg').write_text(text)`), and
# those that move it to the path they are given (`path.replace(target)`: `str.replace` takes two).
_PATH_WRITES = frozenset({"write_text", "write_bytes"})
_PATH_MOVES = frozenset({"rename", "replace"})
_PATH_CLASSES = frozenset(
    {"Path", "PurePath", "PosixPath", "WindowsPath", "PurePosixPath", "PureWindowsPath"}
)
# The functions that join paths (`os.path.join(folder, name)`), by their dotted names.
PATH_JOINS = frozenset({"os.path.join", "posixpath.join", "ntpath.join"})


# The classes whose instances run a function in a thread or a process (`threading.Thread(target=f, args=
# (...), kwargs={...})`), by their names; the methods of executors and pools that run a function once with
# the arguments they pass on (`executor.submit(f, *args, **kwargs)`), or once with each item of an iterable
# (`executor.map(f, items)`, `executor.map(f, names, nets)` zipped, `pool.starmap(f, [(a, b), ...])`, each
# item the arguments), and those that take its arguments as a tuple and a table (`pool.apply_async(f, args,
# kwds)`).
# (position, keyword) of the function, its arguments and its keyword arguments, by class.
_RUNNERS = {
    "Thread": ((1, "target"), (3, "args"), (4, "kwargs")),
    "Process": ((1, "target"), (3, "args"), (4, "kwargs")),
    "Timer": ((1, "function"), (2, "args"), (3, "kwargs")),
}
_RUN_WITH_ARGUMENTS = frozenset({"submit"})
_RUN_WITH_ARGS_AND_KWDS = frozenset({"apply", "apply_async"})
_RUN_EACH_ITEM = frozenset({"map", "imap", "imap_unordered", "map_async"})
_RUN_EACH_STAR = frozenset({"starmap", "starmap_async"})


def _run_calls(
    node: ast.Call, scopes: tuple[Scope, ...], changed: Callable[[str], bool], lazy: str = ""
) -> tuple[ast.expr, list[ast.Call]] | None:
    """The function a call makes run elsewhere (see `_RUNNERS`), with the calls of it this makes, written
    where it is made: None when it passes no function by name (`f`, `self.f`). A map's items are read where
    they are written out (a list or tuple, or a name of `scopes` bound once to one, not among the names
    whose object the script has `changed` or let go so far), none when there are none; else the function
    is called once, with items the reader does not know (see `_mapped_calls`). `lazy` names Python's own
    map the call is ("map" or "starmap", see `_Indexer.lazy_map`), whose calls are those of a pool's."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    runner = _RUNNERS.get(name)
    if runner is not None and not lazy:
        target, args, kwargs = (_argument(node, *where) for where in runner)
        return (
            (target, [_call_of(target, args, kwargs)]) if target is not None and _runnable(target) else None
        )
    name = lazy or name
    if (
        not (lazy or isinstance(func, ast.Attribute))
        or not node.args
        or isinstance(node.args[0], ast.Starred)
    ):
        return None
    target = node.args[0]
    if not _runnable(target):
        return None
    if name in _RUN_WITH_ARGUMENTS:
        return target, [ast.Call(target, node.args[1:], node.keywords)]
    if name in _RUN_WITH_ARGS_AND_KWDS:
        return target, [_call_of(target, _argument(node, 1, "args"), _argument(node, 2, "kwds"))]
    if name in _RUN_EACH_STAR:
        return target, _starmapped_calls(target, node, scopes, changed)
    if name in _RUN_EACH_ITEM:
        return target, _mapped_calls(target, node, scopes, changed)
    return None


def _mapped_calls(
    target: ast.expr, node: ast.Call, scopes: tuple[Scope, ...], changed: Callable[[str], bool]
) -> list[ast.Call]:
    """The calls `map(f, names, nets)` of an executor or a pool makes: one with an item of each iterable,
    zipped as Python zips them (as many calls as the shortest has items), where all are written out (see
    `_written_items`); else one call with an item of each, read where the function is called (`_MapItem`),
    or with arguments all unknown when the iterables are not told (`*columns`): the function is called,
    with what the reader does not know."""
    iterables = _map_iterables(node)
    if iterables is None:
        return [_call_with_unstated_arguments(target, node)]
    written = [_written_items(iterable, scopes, changed) for iterable in iterables]
    columns = [items for items in written if items is not None]
    if len(columns) < len(written):
        return [ast.Call(target, [_MapItem(iterable) for iterable in iterables], [])]
    return [ast.Call(target, list(items), []) for items in zip(*columns, strict=False)]  # to the shortest


def _starmapped_calls(
    target: ast.expr, node: ast.Call, scopes: tuple[Scope, ...], changed: Callable[[str], bool]
) -> list[ast.Call]:
    """The calls `pool.starmap(f, [(a, b), ...])` makes: one for each item, the item its arguments, where
    the items are written out; else one call with arguments all unknown."""
    iterables = _map_iterables(node)
    items = _written_items(iterables[0], scopes, changed) if iterables else None
    if items is None:
        return [_call_with_unstated_arguments(target, node)]
    return [_call_of(target, item, None) for item in items]


# The keywords of `Executor.map` and of a pool's `map`, `imap`, `starmap`... that do not pass items.
_MAP_OPTIONS = frozenset({"timeout", "chunksize", "buffersize", "callback", "error_callback"})


def _map_iterables(node: ast.Call) -> list[ast.expr] | None:
    """The iterables a map call passes after its function: every argument after it for an executor's
    (`ex.map(f, names, nets)`), the first for a pool's, whose next is a chunk size (`pool.map(f, names, 4)`,
    a number or None where an executor's would need an iterable) and by keyword `iterable=`. None when they
    are not told: spread (`*columns`), passed by a keyword the reader does not know, or none at all."""
    rest = node.args[1:]
    if any(isinstance(arg, ast.Starred) for arg in rest):
        return None
    if len(rest) > 1 and isinstance(rest[1], ast.Constant) and not isinstance(rest[1].value, str):
        rest = rest[:1]
    for keyword in node.keywords:
        if keyword.arg == "iterable" and not rest:
            rest = [keyword.value]
        elif keyword.arg not in _MAP_OPTIONS:
            return None
    return rest or None


def _call_with_unstated_arguments(target: ast.expr, node: ast.Call) -> ast.Call:
    """A call of `target` with arguments the reader does not know, where `node` makes it."""
    unstated = _NotStated(node)
    return ast.Call(target, [ast.Starred(unstated, ast.Load())], [ast.keyword(None, unstated)])


# Python's own functions that take every item of what they are given (`list(map(deploy, names))`); those
# that take items until the answer is known (`any`, `all`: the first surely, the others may be); `next`,
# that takes one.
_TAKE_ALL = frozenset({"list", "tuple", "set", "frozenset", "sorted", "sum", "min", "max", "dict"})
_TAKE_UNTIL_DECIDED = frozenset({"any", "all"})


def _python_s(callee_node: ast.expr, scope: Scope, module: Scope) -> bool:
    """Whether the callee of a lazy map (see `_Indexer.lazy_map`) is Python's own where `scope` reads it:
    `map` the script binds nowhere it sees; `starmap` or `itertools` bound once, by the import."""
    head = callee_node if isinstance(callee_node, ast.Name) else getattr(callee_node, "value", None)
    if not isinstance(head, ast.Name):
        return False
    found = lookup(head.id, scope, module)
    if head.id == "map" and callee_node is head:
        return found is None
    return found is not None and len(found.bindings[head.id]) == 1


def _map_consumption(ancestors: list[ast.AST], builtin: Callable[[str], bool]) -> tuple[str, str]:
    """How what a lazy map (the call last of `ancestors`) yields is taken, and by what name: "all" where
    it is made (by one of `_TAKE_ALL`, `str.join`, a `for` loop, a list, set or dict comprehension, spread
    or unpacked); "first" (`any`, `all`), "next"; "never", dropped by its statement; "named", bound to a
    name; "maybe", anything else (passed on, returned, kept in a generator)."""
    made, parent = ancestors[-1], ancestors[-2]
    above = ancestors[-3] if len(ancestors) > 2 else None
    if isinstance(parent, ast.Expr):
        return ("never", "")
    if isinstance(parent, (ast.Assign, ast.AnnAssign)) and parent.value is made:
        targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
        if len(targets) == 1 and isinstance(targets[0], ast.Name):
            return ("named", targets[0].id)
        return ("all", "") if all(isinstance(t, (ast.Tuple, ast.List)) for t in targets) else ("maybe", "")
    if isinstance(parent, ast.Starred):
        return ("all", "") if isinstance(above, (ast.List, ast.Tuple, ast.Set, ast.Call)) else ("maybe", "")
    if isinstance(parent, ast.For) and parent.iter is made:
        return ("all", "")
    if isinstance(parent, ast.comprehension) and parent.iter is made:
        return ("all", "") if isinstance(above, (ast.ListComp, ast.SetComp, ast.DictComp)) else ("maybe", "")
    if isinstance(parent, ast.Call) and made in parent.args:
        return (_taken_by(parent.func, builtin), "")
    return ("maybe", "")


def _taken_by(func: ast.expr, builtin: Callable[[str], bool]) -> str:
    """How a function given a lazy map takes its items (see `_map_consumption`)."""
    if isinstance(func, ast.Attribute):
        return (
            "all"
            if func.attr == "join" and isinstance(func.value, (ast.Constant, ast.JoinedStr))
            else "maybe"
        )
    if not isinstance(func, ast.Name) or not builtin(func.id):
        return "maybe"
    if func.id in _TAKE_ALL:
        return "all"
    if func.id in _TAKE_UNTIL_DECIDED:
        return "first"
    return "next" if func.id == "next" else "maybe"


# The methods of a thread or a process that run its target: `start()` in a thread of its own, `run()` here.
_STARTS = frozenset({"start", "run"})


def _thread_kept(ancestors: list[ast.AST]) -> tuple[str, str]:
    """How the thread or process the call last of `ancestors` makes is kept, and by what: "started" where
    it is made (`Thread(...).start()`); "never" started when nothing keeps it (`Thread(...)` alone, or
    `Thread(...).join()`); "kept" by a name or an attribute, itself or in a list it is made in or appended
    to (`t = Thread(...)`, `ts = [Thread(...) for ...]`, `threads.append(Thread(...))`), as dotted text;
    "unknown" when it goes anywhere else (passed on, returned)."""
    made, parent = ancestors[-1], ancestors[-2]
    if isinstance(parent, ast.Attribute):
        above = ancestors[-3]
        runs = parent.attr in _STARTS and isinstance(above, ast.Call) and above.func is parent
        return ("started" if runs else "never", "")
    kept, holder, depth = made, parent, 2
    in_list = isinstance(parent, (ast.List, ast.Tuple, ast.Set))
    if in_list or (isinstance(parent, (ast.ListComp, ast.SetComp)) and parent.elt is made):
        kept, holder, depth = parent, ancestors[-3], 3
    if isinstance(holder, ast.Expr):
        return ("never", "")
    target: ast.expr | None = None
    if isinstance(holder, ast.Assign) and len(holder.targets) == 1:
        target = holder.targets[0]
    elif isinstance(holder, ast.AnnAssign) and holder.value is kept:
        target = holder.target
    elif isinstance(holder, ast.Call) and isinstance(holder.func, ast.Attribute) and holder.args == [kept]:
        adds = "append" if depth == 2 else "extend"
        target = holder.func.value if holder.func.attr == adds and not holder.keywords else None
    named = dotted(target) if target is not None else None
    return ("kept", named) if named else ("unknown", "")


def _started_condition(started: bool | None, made: ast.AST) -> tuple[ast.expr, bool]:
    """The condition of the block the target of the thread `made` makes runs in: one that holds, fails, or
    that the reader does not know, as the thread is started, never, or perhaps."""
    test = ast.Constant(started) if started is not None else _NotStated(made)
    return (ast.copy_location(test, made), True)


def _uses_of(holders: set[str], roots: list[ast.AST]) -> dict[str, list[tuple[ast.AST, ...]]]:
    """Every read of each of `holders` (names and attributes as dotted text) in the trees of `roots`, with
    the nodes around it from its root on, the read last."""
    found: dict[str, list[tuple[ast.AST, ...]]] = {}
    pending: list[tuple[ast.AST, tuple[ast.AST, ...]]] = [(root, ()) for root in reversed(roots)]
    while pending:
        node, above = pending.pop()
        around = (*above, node)
        if isinstance(node, (ast.Name, ast.Attribute)) and isinstance(node.ctx, ast.Load):
            path = dotted(node)
            if path in holders:
                found.setdefault(path, []).append(around)
                continue
        pending.extend((child, around) for child in reversed(list(ast.iter_child_nodes(node))))
    return found


def _thread_started(
    holder: str, made: tuple[ast.AST, ...], uses: list[tuple[ast.AST, ...]]
) -> tuple[bool | None, list[ast.AST] | None]:
    """Whether the script starts a thread (or a process) that `holder` keeps, made at the last of `made`,
    read at `uses`: True when `start()` or `run()` is called on it, or on each item of the list that holds
    it (`for t in ts: t.start()`), surely after it is made (see `_surely_after`); False when nothing but
    other methods and attributes of it are read (`t.daemon = True`, `t.join()`), so nothing can start it;
    None for anything else (passed on, started on one branch only). With None, the calls that may start
    it, when those are all (None when it is let go)."""
    started: bool | None = False
    pending: list[ast.AST] | None = []
    item = _item_of(made, uses)
    for use in uses:
        for start in _starts(holder, use, item):
            if start is not None and _surely_after(made, start, holder):
                return True, None
            started = None
            pending = [*pending, start[-1]] if start is not None and pending is not None else None
    return started, pending


def _rebound_between(
    holder: str, scope: Scope, chain: tuple[int, ...], made: tuple[ast.AST, ...], use: tuple[ast.AST, ...]
) -> bool | None:
    """Whether the name `holder`, bound in `scope` under `chain` to the thread made at the last of `made`,
    is bound again before the read `use` in the same function: surely (False: it reads another thread),
    perhaps (None: under a test or a loop the making is not in), or not (False). An attribute is not told."""
    if "." in holder or _function_around(made) is not _function_around(use):
        return False
    since, until = _at(made[-1]), _at(use[-1])
    between = [b for b in scope.bindings.get(holder, []) if since < b.at < until]
    if not between:
        return False
    return True if any(b.chain == chain[: len(b.chain)] for b in between) else None


def _function_around(nodes: tuple[ast.AST, ...]) -> ast.AST | None:
    """The innermost function or lambda among `nodes` (None: at module level)."""
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
    return next((node for node in reversed(nodes) if isinstance(node, kinds)), None)


def _starts(
    holder: str, use: tuple[ast.AST, ...], item: int | None = None
) -> list[tuple[ast.AST, ...] | None]:
    """The calls that start what a read of `holder` holds (the nodes around each, the call last): its
    `start()`, or each item's in a loop over it (`for t in ts: t.start()`, `[t.start() for t in ts]`), or
    the item's it is at (`ts[0].start()`, the thread being item `item` of the list, see `_item_of`). None
    for a read that lets it go where the reader does not follow (`run_all(ts)`, `go = t.start`), or starts
    an item the reader cannot tell."""
    read, parent = use[-1], use[-2]
    if isinstance(parent, ast.Subscript) and parent.value is read and len(use) > 3:
        method, call = use[-3], use[-4]
        if not (isinstance(method, ast.Attribute) and method.attr in _STARTS):
            return [] if isinstance(method, ast.Attribute) and method.attr in _THREAD_READS else [None]
        if not (isinstance(call, ast.Call) and call.func is method):
            return [None]
        index = parent.slice.value if isinstance(parent.slice, ast.Constant) else None
        if item is None or not isinstance(index, int) or index < 0:
            return [None]
        return [(*use[:-2], call)] if index == item else []
    if isinstance(parent, ast.Attribute):
        if parent.attr not in _STARTS:
            return []  # another method or attribute: `t.join()`, `t.daemon = True`, `threads.append(t)`
        above = use[-3] if len(use) > 2 else None
        return [(*use[:-1], above)] if isinstance(above, ast.Call) and above.func is parent else [None]
    loop = _loop_over(read, use)
    if loop is None:
        return [None]
    variable, around, body = loop
    items = _uses_of({variable}, body).get(variable, [])
    return [start for found in items for start in _starts(variable, (*around, *found))]


# What a script reads of a thread without starting it (`ts[0].join()`, `ts[0].name`).
_THREAD_READS = frozenset({"join", "is_alive", "name", "daemon", "ident", "native_id", "getName"})
# The methods that reorder or change a list.
_REORDERING = _CHANGING_METHODS | {"reverse", "sort"}


def _item_of(made: tuple[ast.AST, ...], uses: list[tuple[ast.AST, ...]]) -> int | None:
    """Where the thread made at the last of `made` is in the list written around it (`[Thread(a),
    Thread(b)]`), when nothing the reader sees reorders that list, changes it or sets its items; None
    otherwise (a list built by a comprehension or by appends among them)."""
    listed, thread = made[-2], made[-1]
    if not isinstance(listed, (ast.List, ast.Tuple)) or any(isinstance(e, ast.Starred) for e in listed.elts):
        return None
    for use in uses:
        parent = use[-2]
        if isinstance(parent, ast.Attribute) and parent.attr in _REORDERING:
            return None
        if isinstance(parent, ast.Subscript) and not isinstance(parent.ctx, ast.Load):
            return None  # `ts[0] = other`, `del ts[0]`
    return next(index for index, element in enumerate(listed.elts) if element is thread)


def _loop_over(
    read: ast.AST, use: tuple[ast.AST, ...]
) -> tuple[str, tuple[ast.AST, ...], list[ast.AST]] | None:
    """Of a read that a `for` loop, or a list comprehension's only `for`, goes over binding one name to
    each item: that name, the nodes around the loop's body (the loop last) and the body. None otherwise."""
    parent = use[-2]
    if isinstance(parent, ast.For) and parent.iter is read and isinstance(parent.target, ast.Name):
        return parent.target.id, use[:-1], list(parent.body)
    comprehension = use[-3] if len(use) > 2 else None
    if (
        isinstance(parent, ast.comprehension)
        and isinstance(comprehension, ast.ListComp)
        and comprehension.generators == [parent]
        and isinstance(parent.target, ast.Name)
        and not parent.ifs
    ):
        return parent.target.id, use[:-2], [comprehension.elt]
    return None


def _surely_after(made: tuple[ast.AST, ...], start: tuple[ast.AST, ...], holder: str) -> bool:
    """Whether a call that starts a thread (`start`, the nodes around it) surely runs once the call that
    makes the thread (`made`) has: in the same function, later in the block that holds the statement that
    makes it, or one around it, in no block that may not run but a loop over the list that keeps it."""
    common = 0
    while common < min(len(made), len(start)) - 1 and made[common] is start[common]:
        common += 1
    if common == 0 or not _later_in_block(made[common - 1], made[common], start[common]):
        return False
    return all(_runs_in(outer, inner, holder) for outer, inner in itertools.pairwise(start[common:]))


def _later_in_block(outer: ast.AST, first: ast.AST, then: ast.AST) -> bool:
    """Whether `then` comes after `first` in the same block of statements of `outer`."""
    for _, block in ast.iter_fields(outer):
        if isinstance(block, list) and any(item is first for item in block):
            at = next(index for index, item in enumerate(block) if item is first)
            return any(item is then for item in block[at + 1 :])
    return False


# The nodes whose parts run whenever they do: statements without a block, and expressions that are
# not conditional nor lazy.
_RUN_WHOLE = (
    ast.Expr,
    ast.Assign,
    ast.AnnAssign,
    ast.AugAssign,
    ast.Return,
    ast.Call,
    ast.Attribute,
    ast.Await,
    ast.keyword,
    ast.Starred,
    ast.List,
    ast.Tuple,
    ast.withitem,
)


def _runs_in(outer: ast.AST, inner: ast.AST, holder: str) -> bool:
    """Whether `inner` surely runs when `outer`, the node around it, does: a part of a statement or an
    expression that runs whole, the body of a `with` or a `try` (or its `finally`), the body of a loop
    over the list that keeps the thread (`for t in ts:`, `[t.start() for t in ts]`)."""
    if isinstance(outer, _RUN_WHOLE):
        return True
    if isinstance(outer, (ast.With, ast.AsyncWith)):
        return inner in outer.body
    if isinstance(outer, _TRIES):
        return inner in outer.body or inner in outer.finalbody
    if isinstance(outer, ast.For):
        return inner in outer.body and dotted(outer.iter) == holder
    if isinstance(outer, ast.ListComp):
        return inner is outer.elt and dotted(outer.generators[0].iter) == holder
    return False


def _runnable(target: ast.expr | None) -> bool:
    """Whether a function passed to be run is one the reader may follow: passed by its name, or as a
    method of an object (`self.deploy`)."""
    return isinstance(target, ast.Name) or (isinstance(target, ast.Attribute) and dotted(target) is not None)


def _call_of(target: ast.expr | None, args: ast.expr | None, kwargs: ast.expr | None) -> ast.Call:
    """A call of `target` with the arguments of a tuple (or list) and a table: their items where they are
    written out (`args=('svc1', 'vm1')`, `kwargs={'vm': 'vm1'}`), else spread (`*args`, `**kwargs`)."""
    assert target is not None
    positional: list[ast.expr] = []
    if isinstance(args, (ast.Tuple, ast.List)):
        positional = list(args.elts)
    elif args is not None:
        positional = [ast.Starred(args, ast.Load())]
    keywords: list[ast.keyword] = []
    keys = kwargs.keys if isinstance(kwargs, ast.Dict) else []
    names = [k.value for k in keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    if isinstance(kwargs, ast.Dict) and len(names) == len(keys):
        keywords = [ast.keyword(name, value) for name, value in zip(names, kwargs.values, strict=True)]
    elif kwargs is not None:
        keywords = [ast.keyword(None, kwargs)]
    return ast.Call(target, positional, keywords)


def _written_items(
    node: ast.expr, scopes: tuple[Scope, ...], changed: Callable[[str], bool]
) -> list[ast.expr] | None:
    """The items of a list or tuple written out, the characters of a string (at most MAX_TURNS), the keys
    of a dict whose keys are all written out, or those of one a name is bound to once in the first of
    `scopes` that binds it, and not `changed`; None otherwise, and for one that spreads another (`*more`,
    `**more`)."""
    if isinstance(node, ast.Name):
        scope = next((s for s in scopes if node.id in s.bindings), None)
        bindings = scope.bindings[node.id] if scope is not None and not changed(node.id) else []
        node = bindings[0].value if len(bindings) == 1 and bindings[0].value is not None else node
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) <= MAX_TURNS:
        return [ast.copy_location(ast.Constant(character), node) for character in node.value]
    if isinstance(node, ast.Dict) and all(isinstance(key, ast.Constant) for key in node.keys):
        keys: dict[object, ast.expr] = {}
        for key in node.keys:  # a key written twice is one, where it is first written
            assert isinstance(key, ast.Constant)
            keys.setdefault(key.value, key)
        return list(keys.values())
    if not isinstance(node, (ast.List, ast.Tuple)) or any(isinstance(e, ast.Starred) for e in node.elts):
        return None
    return list(node.elts)


def _argument(node: ast.Call, position: int, keyword: str) -> ast.expr | None:
    """The argument a call passes at `position` or by `keyword`; None when it passes none there, or
    spreads a list or a table the reader does not look into."""
    for given in node.keywords:
        if given.arg == keyword:
            return given.value
    args = node.args
    if any(isinstance(arg, ast.Starred) for arg in args[: position + 1]):
        return None
    return args[position] if position < len(args) else None


def _leaf(value: Value) -> str | None:
    """The last part of the path a value is, when the script states it; None otherwise."""
    text = value.text if isinstance(value, Lit) else HOLE
    last = text.replace("\\", "/").rstrip("/").rpartition("/")[2].strip()
    return None if HOLE in last or last in ("", ".", "..") else last


def _path_named(node: ast.expr) -> ast.expr:
    """What names the file a path object stands for: the last part given to the class of `pathlib` that
    makes it (`Path(folder, 'x.netcfg')`), the part a `/` joins last (`folder / 'x.netcfg'`), else the
    object itself."""
    if isinstance(node, ast.Call) and node.args and not node.keywords:
        name = dotted(node.func) or ""
        if name.rpartition(".")[2] in _PATH_CLASSES and not isinstance(node.args[-1], ast.Starred):
            return node.args[-1]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return node.right
    return node


def _open_mode(node: ast.expr) -> str | None:
    """Of a call of the built-in `open` with a path and a mode written as a literal (or none): "r" for a
    file opened to be read, "w" to be written whole, "a" for any other mode (appended to, updated). None
    for anything else."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "open"):
        return None
    if not node.args or any(isinstance(arg, ast.Starred) for arg in node.args):
        return None
    given = [node.args[1]] if len(node.args) > 1 else []
    given += [keyword.value for keyword in node.keywords if keyword.arg == "mode"]
    mode = given[0] if given else ast.Constant("r")
    if not isinstance(mode, ast.Constant) or not isinstance(mode.value, str):
        return "a"
    letters = set(mode.value)
    if letters <= set("rtb") and "r" in letters:
        return "r"
    return "w" if letters <= set("wtb") and "w" in letters else "a"


# `__name__` of a module another file imports, as `Flow._runs_imported` reads it: any name but "__main__".
_IMPORTED_NAME = "<imported module>"


def _asks_if_run(test: ast.expr) -> bool:
    """Whether a test reads `__name__` (`if __name__ == '__main__':`): the reader takes the file for a
    script that is run, but what runs only when it is imported by another file may run as well."""
    return any(isinstance(node, ast.Name) and node.id == "__name__" for node in ast.walk(test))


def lookup(name: str, scope: Scope, module: Scope) -> Scope | None:
    """The scope whose binding of `name` a use in `scope` sees (None: a builtin, or undefined)."""
    declared = scope.declared.get(name)
    current: Scope | None = module if declared == "global" else scope
    if declared == "nonlocal" and scope.parent is not None:
        current = scope.parent
    while current is not None:
        if name in current.bindings:
            return current
        current = current.parent
    return None


class TooDeep(Exception):
    """A syntax tree nested deeper than MAX_NESTING; `node` is the first node past it."""

    def __init__(self, node: ast.AST) -> None:
        super().__init__(f"nested more than {MAX_NESTING} levels deep")
        self.node = node


def build_index(tree: ast.Module, python2: bool = False) -> Index:
    """The index of a module, of Python 2 when `python2` (its `map` builds a list: every call runs). Raises
    `TooDeep` for a tree nested deeper than MAX_NESTING."""
    indexer = _Indexer(python2)
    set_options, reads_sdk_by_its_full_name, indexer.counter_starts, indexer.constants = _whole_tree(tree)
    indexer.visit(tree)
    indexer.file_events()
    indexer.started_threads(tree)
    indexer.lazy_maps_checked()
    if not indexer.imports.modules and reads_sdk_by_its_full_name:
        indexer.imports.modules.add(SDK_PACKAGE)
    services = {
        target for target, func in indexer.constructed if indexer.imports.sdk_class(func) in SERVICE_CLASSES
    }
    return Index(
        indexer.module_scope,
        indexer.imports,
        [*indexer.calls, *_request_class_calls(indexer)],
        services,
        indexer.statements,
        indexer.elements,
        indexer.connections,
        indexer.loops,
        indexer.conditions,
        indexer.declared_global,
        indexer.named_calls,
        indexer.loads,
        indexer.loop_elses,
        indexer.plain_imports,
        indexer.choices,
        indexer.branchings,
        indexer.branch_of,
        indexer.expression_choices,
        indexer.method_calls,
        indexer.attribute_loads,
        indexer.attribute_stores,
        indexer.attribute_values,
        indexer.class_statements,
        indexer.attribute_changes,
        indexer.namedtuple_imports,
        set_options,
        indexer.file_writes,
        indexer.file_reads,
        indexer.writes_unfollowed(),
        indexer.placed_files,
        indexer.free_scope,
        indexer.definitions,
        indexer.whiles,
        indexer.read_on_names,
        {id(func): target for target, func in indexer.constructed},
        indexer.attribute_sets,
        indexer.dicts_iterated,
        indexer.loops_cut,
        exit_aliases=indexer.exit_aliases,
    )


def _request_class_calls(indexer: _Indexer) -> list[CallSite]:
    """The calls by name of the classes the module defines at its top level that derive from urllib's
    `Request` alone: each makes a request, as a call of `Request` does."""
    module = indexer.module_scope
    return [
        site
        for node, body in indexer.class_statements
        if module.classes.get(node.name) is body and derives_from_request(node)
        for site in indexer.named_calls.get(node.name, [])
    ]


def derives_from_request(node: ast.ClassDef) -> bool:
    """Whether a class derives from urllib's `Request` alone (see `URLLIB_REQUESTS`)."""
    return len(node.bases) == 1 and not node.keywords and dotted(node.bases[0]) in URLLIB_REQUESTS


_BUILTINS = frozenset(dir(builtins))
_COUNTER_SET_BEFORE = 8  # the simple statements before a `while` looked through for its counter's start


def _counter_starts(statements: object, found: dict[int, dict[str, ast.expr]]) -> None:
    """For each `while` of a block of statements whose test compares a name (`while i < 3`, `while i <
    count`), by the `id` of the loop, into `found`: the names it compares, each with the value the nearest of
    the few simple statements before the loop in its block sets it to (`i = 0`, `count = 3`), where none of
    those between binds it otherwise and no compound statement comes between."""
    if not isinstance(statements, list):
        return
    for place, statement in enumerate(statements):
        test = statement.test if isinstance(statement, ast.While) else None
        if not isinstance(test, ast.Compare):
            continue
        before = statements[max(0, place - _COUNTER_SET_BEFORE) : place]
        for side in (test.left, *test.comparators[:1]):
            start = _set_before(before, side.id) if isinstance(side, ast.Name) else None
            if isinstance(side, ast.Name) and start is not None:
                found.setdefault(id(statement), {})[side.id] = start


def _set_before(statements: list[ast.stmt], name: str) -> ast.expr | None:
    """The value the last of `statements` that binds `name` gives it, where that is `name = value`."""
    for statement in reversed(statements):
        if isinstance(statement, _COMPOUND):
            return None
        if isinstance(statement, ast.Assign) and [_target_name(t) for t in statement.targets] == [name]:
            return statement.value
        if any(
            isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Load)
            for n in ast.walk(statement)
        ):
            return None
    return None


def _target_name(target: ast.expr) -> str | None:
    return target.id if isinstance(target, ast.Name) else None


_MAX_CLASS_ALIASES = 3  # names given in turn to a class that are followed (see `Flow._read_only_alias`)
_MAX_CHAINED = 8  # operands of `and`/`or` each read under the ones before it (see `_Indexer.visit_BoolOp`)


class _Indexer(ast.NodeVisitor):
    """The one pass over the tree. Conditions are tracked as the chain of blocks a statement is in (an `if`
    body, an `else`, a loop body, an `except` handler, a `match` case), numbered as they are entered."""

    def __init__(self, python2: bool = False) -> None:
        self.python2 = python2
        self.module_scope = Scope("module", None)
        self.free_scope = Scope("module", None)  # see `Index.free`
        self.definitions: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        self.scopes: list[Scope] = [self.module_scope]
        self.chains: list[list[int]] = [[]]
        self.blocks = 0
        self.imports = Imports()
        self.calls: list[CallSite] = []
        self.elements: list[CallSite] = []
        self.constructed: list[tuple[str, ast.expr]] = []  # (target, callee) of `x = Cls(...)`
        self.connections: dict[str, list[CallSite]] = {}
        self.statements: list[tuple[int, int, bool]] = []
        self.raw_events: list[tuple[str, Event]] = []
        self.loops: dict[int, Loop] = {}
        self.whiles: dict[int, ast.While] = {}
        self.loops_cut: list[ast.For] = []
        self.counter_starts: dict[int, dict[str, ast.expr]] = {}  # see `_counter_starts`
        self.constants: dict[str, ast.expr] = {}  # see `_whole_tree`
        self.conditions: dict[int, tuple[ast.expr, bool]] = {}
        self.declared_global: set[str] = set()
        self.declared_nonlocal: set[str] = set()  # names some function declares nonlocal
        self.named_calls: dict[str, list[CallSite]] = {}
        self.loads: dict[str, int] = {}
        self.method_calls: dict[str, list[CallSite]] = {}
        self.attribute_loads: dict[str, int] = {}
        self.dicts_iterated = 0
        self.read_on_names: dict[str, dict[str, int]] = {}
        self.attribute_stores: dict[str, int] = {}
        self.attribute_values: dict[str, Stored] = {}
        self.attribute_sets: dict[str, list[Stored]] = {}
        self.class_statements: list[tuple[ast.ClassDef, Scope]] = []
        self.attribute_changes: dict[str, int] = {}
        self.namedtuple_imports: set[tuple[int, str]] = set()
        self.open_loops: list[list[Loop | None]] = [[]]  # per scope, the loops being visited (None: `while`)
        self.loop_blocks: list[list[int]] = [[]]  # per scope, the body blocks of the loops being visited
        self.guarded: list[int] = [0]  # per scope, the `try` and `with` bodies around the statement
        # Per scope, for each `try` or `with` body around the statement, whether what the SDK raises when it
        # refuses a call there surely leaves it (see `_refusals_leave_try`, `_refusals_leave_with`).
        self.refusals_leave: list[list[bool]] = [[]]
        self.loop_elses: dict[int, Loop] = {}
        self.plain_imports: set[str] = set()
        self.choices: dict[int, tuple[ast.If, int]] = {}
        self.branchings: dict[int, Choice] = {}
        self.branch_of: dict[int, tuple[int, int]] = {}
        self.expression_choices: dict[int, int] = {}
        self.depth = 0
        self.each_turn = False  # binding the target of a loop (see `Binding.each_turn`)
        self.ancestors: list[ast.AST] = []  # the nodes being visited, the module first
        self.raw_reaches: list[tuple[str, Scope, int]] = []  # (name, scope of the read, `_reach`)
        self.raw_lent: list[tuple[str, Scope]] = []  # (name, scope of the read), see `Scope.lent`
        # `y = x` of two plain names: (y, x, the scope, where x is read), see `_aliased_events`.
        self.raw_aliases: list[tuple[str, str, Scope, Position]] = []
        self.file_writes: list[FileWrite] = []
        self.placed_files: list[PlacedFile] = []
        # The modules that put files in place (`_FILE_PLACERS`), and their functions, by the local names
        # the script imports them as (`import shutil as sh`, `from shutil import copy`): their dotted names.
        self.placer_names: dict[str, str] = {}
        self.exit_aliases: dict[str, str] = {}  # see `Index.exit_aliases`
        self.file_reads: dict[int, ast.expr] = {}
        # The files `with open(...) as f:` opens, by the name it binds, with the path and how it is opened,
        # innermost last; the names of those opened for writing, and how often each name is used as the
        # reader follows it (`f.write(text)`, `f.read()`): a file used otherwise too is written unseen.
        self.open_files: list[tuple[str, ast.expr, str]] = []
        self.written_files: set[str] = set()
        self.file_uses: dict[str, int] = {}
        self.unseen_write = False  # a file opened for writing other than as the reader follows
        # The threads and processes a name or an attribute keeps (`t = Thread(target=deploy)`): the block
        # the target runs in, the name or attribute as dotted text, and the nodes around the call that
        # makes the thread, outermost first, with the scope and the chain it is made in (see
        # `started_threads`).
        self.kept_threads: list[tuple[int, str, tuple[ast.AST, ...], Scope, tuple[int, ...]]] = []
        # The local names of `itertools` and of its `starmap` (`import itertools as it`, `from itertools
        # import starmap`), and the calls each lazy map makes, with the callee it is made by and the scope
        # it is made in: undone once the whole file is read if the callee is the script's own (see
        # `lazy_maps_checked`).
        self.itertools_names: dict[str, str] = {}
        self.lazy_maps: list[tuple[ast.expr, Scope, ast.expr, list[CallSite]]] = []

    @property
    def scope(self) -> Scope:
        return self.scopes[-1]

    @property
    def chain(self) -> tuple[int, ...]:
        return tuple(self.chains[-1])

    def visit(self, node: ast.AST) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise TooDeep(node)
        self.ancestors.append(node)
        try:
            kind = type(node)
            (_VISITORS.get(kind) or _visitor(kind))(self, node)
        finally:
            self.ancestors.pop()
            self.depth -= 1

    def generic_visit(self, node: ast.AST) -> None:
        """Record a statement, visit the children: as `ast.NodeVisitor` does, in the same order, but by the
        fields of the node's class, without its two generators per node, and past the expression contexts
        and operators, which hold nothing to index. At the deepest level read, each child, whichever it
        is, is one too deep: `ast.NodeVisitor` visits them all, so that `TooDeep` names the first."""
        if isinstance(node, ast.stmt):
            end = getattr(node, "end_lineno", None) or node.lineno
            self.statements.append((node.lineno, end, not isinstance(node, _COMPOUND)))
            self.scope.statements += 1
        if self.depth >= MAX_NESTING:
            super().generic_visit(node)
            return
        for name in CHILD_FIELDS[type(node)]:
            value = getattr(node, name, None)
            if type(value) is list:
                for item in value:
                    if isinstance(item, ast.AST):
                        self.visit(item)
            elif isinstance(value, ast.AST):
                self.visit(value)

    def _nothing(self, node: ast.AST) -> None:
        """Constants and expression contexts hold nothing to index (and `ast.NodeVisitor`'s own handling
        of constants is slow)."""

    visit_Constant = visit_Load = visit_Store = visit_Del = _nothing

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            self.loads[node.id] = self.loads.get(node.id, 0) + 1
            reach = _reach(self.ancestors)
            if reach is not None and not _passed_to_function(self.ancestors):
                self.raw_reaches.append((node.id, self.scope, reach))
            if reach == 0 and not _items_only(self.ancestors):
                self.raw_lent.append((node.id, self.scope))

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.ctx, ast.Load):
            self.attribute_loads[node.attr] = self.attribute_loads.get(node.attr, 0) + 1
            if node.attr == "__dict__" and _iterated(node, self.ancestors[-2]):
                self.dicts_iterated += 1
            if isinstance(node.value, ast.Name):
                read = self.read_on_names.setdefault(node.value.id, {})
                read[node.attr] = read.get(node.attr, 0) + 1
        else:
            self.attribute_stores[node.attr] = self.attribute_stores.get(node.attr, 0) + 1
        self.generic_visit(node)

    # --- blocks and scopes ------------------------------------------------------------------------

    def _visit_block(self, nodes: Iterable[ast.AST], condition: tuple[ast.expr, bool] | None = None) -> None:
        """Visit statements that run only under a condition."""
        self._open_block(condition)
        for node in nodes:
            self.visit(node)
        self.chains[-1].pop()

    def _open_block(self, condition: tuple[ast.expr, bool] | None = None) -> None:
        """Enter a block that runs only under a condition (left by popping the chain): the test of an `if`
        and whether the block is the branch that runs when it holds, when it is one."""
        self.blocks += 1
        self.chains[-1].append(self.blocks)
        if condition is not None:
            self.conditions[self.blocks] = condition

    def _enter(self, kind: str) -> Scope:
        parent = self.scope
        while parent.kind == "class" and kind != "class" and parent.parent is not None:
            parent = parent.parent  # a function body does not see the names of the class around it
        scope = Scope(kind, parent)
        self.scopes.append(scope)
        self.chains.append([])
        self.open_loops.append([])
        self.loop_blocks.append([])
        self.guarded.append(0)
        self.refusals_leave.append([])
        return scope

    def _leave(self) -> None:
        self.scopes.pop()
        self.chains.pop()
        self.open_loops.pop()
        self.loop_blocks.pop()
        self.guarded.pop()
        self.refusals_leave.pop()

    def visit_If(self, node: ast.If) -> None:
        """An `if`, and each `elif` after it at the same depth. An `elif` is an `if` in the `else` of the
        one before: read as nesting, a long chain of them was refused past MAX_NESTING (and cost three
        frames of Python's stack each). Each `elif` runs under a condition of its own, its body only
        after its test, as in the `else` it is."""
        self._statement(node)
        self.visit(node.test)
        key, chain = self.blocks + 1, self.chain  # the number `_visit_block` gives the body
        self._note_set_reads(node)
        self.choices[key] = (node, 0)
        self.branch_of[key] = (key, 0)
        self._visit_block(node.body, (node.test, True))
        orelse, test, taken = node.orelse, node.test, 0
        while len(orelse) == 1 and isinstance(orelse[0], ast.If):
            branch, taken = orelse[0], taken + 1
            self._statement(branch)
            self._open_block((test, False))
            self.branch_of[self.blocks] = (key, taken)
            self.visit(branch.test)
            self.choices[self.blocks + 1] = (node, taken)
            self.branch_of[self.blocks + 1] = (key, taken)
            self._visit_block(branch.body, (branch.test, True))
            self.chains[-1].pop()
            orelse, test = branch.orelse, branch.test
        self.choices[self.blocks + 1] = (node, taken + 1)
        self.branch_of[self.blocks + 1] = (key, taken + 1)
        self.branchings[key] = Choice(node, taken + 2, self.scope, chain)
        self._visit_block(orelse, (test, False))
        self._guard(node, chain)

    def _guard(self, node: ast.If, chain: tuple[int, ...]) -> None:
        """Note an `if` as a guard (see `Guard`) when all of its branches but one surely end."""
        if self.guarded[-1] or self.scope.kind == "class":
            return
        bodies, orelse = [node.body], node.orelse
        while len(orelse) == 1 and isinstance(orelse[0], ast.If):
            bodies.append(orelse[0].body)
            orelse = orelse[0].orelse
        bodies.append(orelse)  # the `else`, empty when not written: it goes on past the `if`
        endings = [_ending(body, self.exit_aliases) for body in bodies]
        going_on = [option for option, ending in enumerate(endings) if ending is None]
        if len(going_on) == 1:
            calls = tuple(call for ending in endings if ending is not None for call in ending)
            self.scope.guards.setdefault(chain, []).append(Guard(node, going_on[0], _end(node), calls))

    def _loop(self, node: ast.For | ast.AsyncFor | ast.While) -> None:
        self._statement(node)
        if isinstance(node, (ast.For, ast.AsyncFor)):
            self.visit(node.iter)
            self._count_stores(node.target)
            self._bind_turn_target(node.target)
        else:
            self.visit(node.test)
        condition = _loop_condition(node)
        if isinstance(node, ast.For) and condition is not None:
            self.loops_cut.append(node)
        self._open_block(condition)
        loop = None
        if isinstance(node, ast.For):
            end = (node.end_lineno or node.lineno, node.end_col_offset or 0)
            width = _width(node.target)
            loop = Loop(node, self.scope, self.chain[:-1], self.blocks, _at(node), end, width)
            self.loops[self.blocks] = loop
        elif isinstance(node, ast.While):
            self.whiles[self.blocks] = node
            counted = self._counted(node)
            if counted is not None:
                end = (node.end_lineno or node.lineno, node.end_col_offset or 0)
                loop = Loop(
                    counted, self.scope, self.chain[:-1], self.blocks, _at(node), end, 1, counted=True
                )
                self.loops[self.blocks] = loop
        self.open_loops[-1].append(loop)
        self.loop_blocks[-1].append(self.blocks)
        for statement in node.body:
            self.visit(statement)
        self.loop_blocks[-1].pop()
        self.open_loops[-1].pop()
        self.chains[-1].pop()
        if loop is not None:
            self.loop_elses[self.blocks + 1] = loop  # the number `_visit_block` gives the `else`
        self._visit_block(node.orelse)

    visit_For = visit_AsyncFor = visit_While = _loop

    def _counted(self, node: ast.While) -> ast.For | None:
        """A `while` counted in numbers (see `while_turns`) whose body ends by stepping its counter, read as
        the `for` over those numbers it runs as (`i = 0; while i < 2: ...; i += 1` as `for i in [0, 1]`):
        each turn reads the counter's value of that turn. None for any other `while`."""
        start = self.counter_starts.get(id(node))
        last = node.body[-1]
        if start is None or not isinstance(last, ast.AugAssign):
            return None
        counted = while_turns(node, start.get, MAX_TURNS)
        if counted is None or not (isinstance(last.target, ast.Name) and last.target.id == counted[0]):
            return None
        numbers = [_number_node(number, node) for number in counted[1]]
        target = ast.copy_location(ast.Name(counted[0], ast.Store()), node.test)
        items = ast.copy_location(ast.List(list[ast.expr](numbers), ast.Load()), node.test)
        return ast.copy_location(ast.For(target, items, node.body, node.orelse, None), node)

    def _leave_turn(self, node: ast.Break | ast.Continue) -> None:
        """`break` and `continue` leave a turn of the innermost loop before the end of its body; `break`
        leaves the loop too."""
        self.generic_visit(node)
        loops = self.open_loops[-1]
        if loops and loops[-1] is not None:
            loops[-1].plain = False
            loops[-1].ends = loops[-1].ends or isinstance(node, ast.Break)
        if loops:
            self.scope.may_end.append(_at(node))
        if loops and not self.guarded[-1]:
            ended = Exit(_at(node), self.chain, self.loop_blocks[-1][-1])
            self.scope.exits.append(ended)
            if isinstance(node, ast.Break) and loops[-1] is not None:
                loops[-1].breaks.append(ended)

    visit_Break = visit_Continue = _leave_turn

    def visit_Return(self, node: ast.Return) -> None:
        self.generic_visit(node)
        if node.value is not None:
            self._change_attribute(node.value)  # what the caller does with it is not followed
        for loop in self.open_loops[-1]:
            if loop is not None:
                loop.plain = False
                loop.ends = True
        function = self.scope.function
        if function is not None:
            function.returns.append(Return(node.value, _at(node), self.chain))
        self._exit(node)

    def _exit(self, node: ast.stmt, call: ast.Call | None = None, raises: bool = False) -> None:
        """A statement that ends the path through its scope (see `Exit`)."""
        if self.scope.kind != "class":
            self.scope.may_end.append(_end(node))
        if not self.guarded[-1] and self.scope.kind != "class":
            self.scope.exits.append(Exit(_end(node), self.chain, None, call, raises))

    def visit_Raise(self, node: ast.Raise) -> None:
        self.generic_visit(node)
        self._exit(node, raises=True)

    def visit_Expr(self, node: ast.Expr) -> None:
        self.generic_visit(node)
        if isinstance(node.value, ast.Call) and exit_name(node.value.func, self.exit_aliases) in EXIT_CALLS:
            self._exit(node, node.value)
        self._may_refuse(node, node.value)

    def _may_refuse(self, node: ast.stmt, value: ast.expr) -> None:
        """A statement that is a call of what may be a function of the script's (`prepare(name)`, a method
        named like one of `REFUSALS` too: `self.start_role(name)`), kept where a `return` would be kept as an
        `Exit` (a call of a method of `REFUSALS` is kept as well wherever its statement surely runs it, see
        `_refusal`)."""
        if not isinstance(value, ast.Call) or self.guarded[-1] or self.scope.kind == "class":
            return
        if isinstance(value.func, (ast.Name, ast.Attribute)):
            self.scope.calls_out.append(Exit(_end(node), self.chain, None, value))

    def _refusal(self, node: ast.Call) -> None:
        """A call of a method of `REFUSALS` that runs whenever its statement does (`sms.add_role(...)`,
        `print(sms.create_hosted_service(...))`, `if sms.add_disk(...):`), outside any `try` or `with` body
        that may catch what the SDK raises when it refuses the call: kept as an `Exit` that ends where the
        call does, as what the SDK raises there ends the path. Kept after the calls inside its arguments, as
        they end first."""
        if not isinstance(node.func, ast.Attribute) or node.func.attr not in REFUSALS:
            return
        if (
            self.scope.kind == "class"
            or not all(self.refusals_leave[-1])
            or not _evaluated_first(self.ancestors)
        ):
            return
        self.scope.refusals.append(
            Exit(_end(node), self.chain, None, node, waiting=_calls_waiting(self.ancestors))
        )

    def _with(self, node: ast.With | ast.AsyncWith) -> None:
        """A context manager may swallow what its body raises: no exit in the body is surely the end."""
        self._statement(node)
        for item in node.items:
            self.visit(item)
        opened = len(self.open_files)
        for item in node.items:
            mode = _open_mode(item.context_expr)
            if mode is not None and isinstance(item.optional_vars, ast.Name):
                assert isinstance(item.context_expr, ast.Call)
                self.open_files.append((item.optional_vars.id, item.context_expr.args[0], mode))
                if mode != "r":
                    self.written_files.add(item.optional_vars.id)
        self.guarded[-1] += 1
        self.refusals_leave[-1].append(_refusals_leave_with(node))
        for statement in node.body:
            self.visit(statement)
        self.refusals_leave[-1].pop()
        self.guarded[-1] -= 1
        del self.open_files[opened:]

    visit_With = visit_AsyncWith = _with

    def _suspends(self, node: ast.Yield | ast.YieldFrom | ast.Await) -> None:
        self.generic_visit(node)
        if self.scope.function is not None:
            self.scope.function.generator = True

    visit_Yield = visit_YieldFrom = visit_Await = _suspends

    def _try(self, node: ast.Try) -> None:
        self._statement(node)
        self.guarded[-1] += 1  # what the body raises, a handler may catch
        self.refusals_leave[-1].append(_refusals_leave_try(node, self.constants))
        for statement in node.body:
            self.visit(statement)
        self.refusals_leave[-1].pop()
        self.guarded[-1] -= 1
        key = None  # the handlers are a choice (see `Choice`), its key the first handler's block
        for option, handler in enumerate(node.handlers, 1):
            if handler.type is not None:
                self.visit(handler.type)
            if handler.name:
                self._bind(handler.name, None, handler)
            key = key or self.blocks + 1
            self.branch_of[self.blocks + 1] = (key, option)
            self._visit_block(handler.body)
        if key is not None:
            self.branch_of[self.blocks + 1] = (key, 0)  # the `else`: no handler ran
            self.branchings[key] = Choice(node, len(node.handlers) + 1, self.scope, self.chain)
        self._visit_block(node.orelse)
        for statement in node.finalbody:
            self.visit(statement)

    visit_Try = _try
    if hasattr(ast, "TryStar"):  # Python 3.11+
        visit_TryStar = _try

    def visit_Match(self, node: ast.Match) -> None:
        self._statement(node)
        self.visit(node.subject)
        for index, case in enumerate(node.cases):
            self.visit(case.pattern)
            if index == 0 and fits_any_value(case):  # `case _:` first: it runs whatever the subject is
                for statement in case.body:
                    self.visit(statement)
            else:
                self._visit_block([*([case.guard] if case.guard else []), *case.body])

    def visit_BinOp(self, node: ast.BinOp) -> None:
        """`a + b + c` is nested to the left, one level per operator: followed in a loop, so that a long
        concatenation (a service configuration written a line at a time) is one level, not nesting
        refused past MAX_NESTING. Operands are visited in the order they are written, as before."""
        spine = []
        operand: ast.expr = node
        while isinstance(operand, ast.BinOp):
            spine.append(operand)
            operand = operand.left
        self.visit(operand)
        for operation in reversed(spine):
            self.visit(operation.right)

    def _note_set_reads(self, node: ast.If) -> None:
        """The reads, in the body of `node`, of a parameter that defaults to None which its test proves set
        (see `Scope.set_reads`)."""
        names = {name for name in self.scope.none_defaults if _tests_set(node.test, name)}
        if names:
            self.scope.set_reads.update(
                id(n)
                for statement in node.body
                for n in ast.walk(statement)
                if isinstance(n, ast.Name) and n.id in names
            )

    def visit_IfExp(self, node: ast.IfExp) -> None:
        """`a if test else b`: each branch runs under the test, as an `if` and its `else`."""
        self.visit(node.test)
        key = self.blocks + 1
        self.branchings[key] = Choice(node, 2, self.scope, self.chain)
        self.expression_choices[id(node)] = key
        self.branch_of[key] = (key, 0)
        self._visit_block([node.body], (node.test, True))
        self.branch_of[self.blocks + 1] = (key, 1)
        self._visit_block([node.orelse], (node.test, False))

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        """`a and b and c`: each operand runs only when the one before it holds (is false, for `or`), as in
        nested `if`s; past `_MAX_CHAINED` operands, the rest run under no condition the reader decides."""
        holds = isinstance(node.op, ast.And)
        self.visit(node.values[0])
        chained = node.values[1 : _MAX_CHAINED + 1]
        for before, value in zip(node.values, chained, strict=False):
            self._open_block((before, holds))
            self.visit(value)
        for _ in chained:
            self.chains[-1].pop()
        self._visit_block(node.values[_MAX_CHAINED + 1 :])

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        if not isinstance(node, ast.Lambda):
            self._statement(node)
            self._bind(node.name, None, node)
            self.definitions.setdefault(node.name, []).append(node)
            for decorator in node.decorator_list:
                self.visit(decorator)
        for default in [*node.args.defaults, *(d for d in node.args.kw_defaults if d is not None)]:
            self.visit(default)
        outer, chain = self.scope, self.chain
        scope = self._enter("function")
        kind = _method_decorator(node) if outer.kind == "class" else ""
        getter = outer.kind == "class" and _is_getter(node)
        if isinstance(node, ast.FunctionDef) and (not node.decorator_list or kind or getter):
            at = getattr(node, IMPORTED_AT, None) or _at(node)
            function = Function(node, scope, outer, at, chain, decorator=kind, getter=getter)
            function.falls_off = not _ends(node.body)
            scope.function = outer.functions[node.name] = function
        if kind == "classmethod":
            assert not isinstance(node, ast.Lambda)
            scope.class_method_of = (outer, _signature(node.args).positional[0])
        elif scope.function is None and outer.kind == "class" and isinstance(node, ast.FunctionDef):
            first = _signature(node.args).positional[:1]
            scope.wrapped_method_of = (outer, first[0]) if first else None
        args = node.args
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if arg is not None:
                scope.params.add(arg.arg)
                self._bind(arg.arg, None, node)
        defaults = _signature(args).defaults
        scope.none_defaults.update(param for param, default in defaults if _is_none(default))
        scope.api_defaults.update(
            (param, text) for param, default in defaults if (text := _api_address(default)) is not None
        )
        for statement in node.body if isinstance(node.body, list) else [node.body]:
            self.visit(statement)
        self._leave()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._statement(node)
        self._bind(node.name, None, node)
        for expr in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
            self.visit(expr)
        outer = self.scope
        scope = self._enter("class")
        scope.name = node.name
        self.class_statements.append((node, scope))
        if not node.decorator_list and not node.keywords:
            outer.classes[node.name] = scope
        for statement in node.body:
            self.visit(statement)
        self._leave()

    def _statement(self, node: ast.stmt) -> None:
        """Record a statement whose children are visited by hand (generic_visit records the others)."""
        end = getattr(node, "end_lineno", None) or node.lineno
        self.statements.append((node.lineno, end, not isinstance(node, _COMPOUND)))
        self.scope.statements += 1

    def visit_Global(self, node: ast.Global) -> None:
        self.generic_visit(node)
        for name in node.names:
            self.scope.declared[name] = "global"
            self.declared_global.add(name)

    def visit_Nonlocal(self, node: ast.Nonlocal) -> None:
        self.generic_visit(node)
        for name in node.names:
            self.scope.declared[name] = "nonlocal"
            self.declared_nonlocal.add(name)

    # --- bindings ---------------------------------------------------------------------------------

    def _bind(
        self,
        name: str,
        value: ast.expr | None,
        node: ast.AST,
        scope: Scope | None = None,
        start: Position | None = None,
    ) -> None:
        scope = scope or self.scope
        binding = Binding(value, _at(node), self.chain, self.each_turn, start)
        scope.bindings.setdefault(name, []).append(binding)

    def _bind_target(self, target: ast.expr, value: ast.expr | None, start: Position | None = None) -> None:
        """A name bound to `value`, read at `start` (see `Binding.start`), the names of a tuple target (each
        bound to its part of `value`, see `_parts`), or a change to the object an attribute or item target
        is on."""
        if isinstance(target, ast.Name):
            self._bind(target.id, value, target, start=start)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element, part in zip(target.elts, _parts(target, value), strict=True):
                self._bind_target(element, part, start)
        elif isinstance(target, ast.Starred):
            self._bind_target(target.value, None)
        elif isinstance(target, ast.Attribute):
            self._record(target, "set", None, value)
        elif isinstance(target, ast.Subscript):
            self._record(target.value, "setitem", _key(target.slice), value, target, target.slice)

    def visit_Assign(self, node: ast.Assign) -> None:
        self.generic_visit(node)
        self._may_refuse(node, node.value)
        if len(node.targets) == 1:
            self._set_attribute(node.targets[0], node.value, node)
        for target in node.targets:
            self._bind_target(target, node.value, _at(node))
            name = dotted(target)
            if name is not None and isinstance(node.value, ast.Call):
                self.constructed.append((name, node.value.func))
                if callee(node.value.func) in HTTP_CONNECTIONS:
                    site = CallSite(node.value, self.scope, _at(node.value), self.chain, "", "")
                    self.connections.setdefault(name, []).append(site)
        for target in node.targets:
            self._escape_if_alias(node.value, target)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self.generic_visit(node)
        if node.value is not None:
            self._set_attribute(node.target, node.value, node)
        self._bind_target(node.target, node.value, _at(node))
        if node.value is not None:
            self._escape_if_alias(node.value, node.target)

    def _count_stores(self, target: ast.expr) -> None:
        """Count the attributes a loop's target sets (`for self.deployer in ...`), as `visit_Attribute`
        counts those other statements set: the target itself is bound, not visited."""
        for node in ast.walk(target):
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                self.attribute_stores[node.attr] = self.attribute_stores.get(node.attr, 0) + 1

    def _set_attribute(self, target: ast.expr, value: ast.expr, statement: ast.stmt) -> None:
        """Note the value an attribute is set to by a statement that sets it alone (see
        `Index.attribute_values`)."""
        if isinstance(target, ast.Attribute):
            stored = Stored(target, value, self.scope, _at(statement), self.chain)
            self.attribute_values[target.attr] = stored
            self.attribute_sets.setdefault(target.attr, []).append(stored)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.generic_visit(node)
        if (
            isinstance(node.target, ast.Name)
            and isinstance(node.op, ast.Add)
            and _is_list_display(node.value)
        ):
            self._record(node.target, "extend", None, node.value)  # `names += [x]`: the list grows in place
        elif isinstance(node.target, ast.Name):
            self._bind(node.target.id, None, node.target)
        elif isinstance(node.target, ast.Attribute) and isinstance(node.op, ast.Add):
            self._record(node.target, "extend", None, node.value)
        else:
            self._record(node.target, "change", None, None)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.generic_visit(node)
        self._bind_target(node.target, None)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self.generic_visit(node)
        self._bind_turn_target(node.target)

    def _bind_turn_target(self, target: ast.expr) -> None:
        """The target of a loop or a comprehension, bound to each item in turn."""
        self.each_turn = True
        try:
            self._bind_target(target, None)
        finally:
            self.each_turn = False

    def visit_withitem(self, node: ast.withitem) -> None:
        self.generic_visit(node)
        if node.optional_vars is not None:
            self._bind_target(node.optional_vars, None)

    def _pattern_name(self, node: ast.MatchAs | ast.MatchStar) -> None:
        self.generic_visit(node)
        if node.name:
            self._bind(node.name, None, node)

    visit_MatchAs = visit_MatchStar = _pattern_name

    def visit_MatchMapping(self, node: ast.MatchMapping) -> None:
        self.generic_visit(node)
        if node.rest:
            self._bind(node.rest, None, node)

    def visit_Delete(self, node: ast.Delete) -> None:
        self.generic_visit(node)
        for target in node.targets:
            if isinstance(target, ast.Name):
                self._bind(target.id, None, target)
            elif isinstance(target, ast.Subscript):
                self._record(target.value, "delitem", _key(target.slice), None, target, target.slice)
            else:
                self._record(target, "change", None, None)

    # --- imports ----------------------------------------------------------------------------------

    def visit_Import(self, node: ast.Import) -> None:
        self.generic_visit(node)
        if self.scope is self.module_scope:
            self.exit_aliases.update(_exit_aliases_in(node))
        for alias in node.names:
            sdk = _in_sdk(alias.name)
            if alias.name == "itertools":
                self.itertools_names[alias.asname or alias.name] = alias.name
            if alias.asname:
                self._bind(alias.asname, None, node)
                if sdk:
                    self.imports.modules.add(alias.asname)
                if alias.name in _PLACER_MODULES:
                    self.placer_names[alias.asname] = alias.name
            else:
                self._bind(alias.name.split(".")[0], None, node)
                if self.scope is self.module_scope and "." not in alias.name:
                    self.plain_imports.add(alias.name)
                if sdk:
                    self.imports.modules.update((alias.name, SDK_PACKAGE))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self.generic_visit(node)
        if self.scope is self.module_scope:
            self.exit_aliases.update(_exit_aliases_in(node))
        source = "." * node.level + (node.module or "")
        for alias in node.names:
            if alias.name == "*":
                self.imports.star |= _in_sdk(source)
                self.imports.azure_star |= source == "azure"
                continue
            local = alias.asname or alias.name
            self._bind(local, None, node)
            if source in _PLACER_MODULES:
                self.placer_names[local] = f"{source}.{alias.name}"
            if source == "itertools":
                self.itertools_names[local] = f"{source}.{alias.name}"
            if source == "collections" and alias.name == "namedtuple":
                self.namedtuple_imports.add((id(self.scope), local))
            if _in_sdk(source) or (source == "azure" and alias.name in SERVICE_CLASSES):
                if _is_class(alias.name):
                    self.imports.names[local] = alias.name
                else:  # a module of the SDK: `from azure.servicemanagement import models as m`
                    self.imports.modules.add(local)
            elif source == "azure" and alias.name == "servicemanagement":
                self.imports.modules.add(local)

    # --- calls, changes and escapes ---------------------------------------------------------------

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        self._file_io(node)
        kept = False  # what is appended or set is kept inside the object: reading the object reads it
        unconsumed = _unconsumed(self.ancestors)
        if isinstance(func, ast.Attribute):
            receiver = dotted(func.value) or ""
            around = _comprehensions(self.ancestors)
            site = CallSite(node, self.scope, _at(node), self.chain, func.attr, receiver, around, unconsumed)
            self.calls.append(site)
            self.method_calls.setdefault(func.attr, []).append(site)
            kept = self._changes(node, func)
        elif isinstance(func, ast.Name) and (
            func.id in SDK_CLASSES or func.id in self.imports.names or func.id in HTTP_FUNCTIONS
        ):
            around = _comprehensions(self.ancestors)
            self.calls.append(CallSite(node, self.scope, _at(node), self.chain, "", "", around, unconsumed))
        if isinstance(func, ast.Name):
            around = _comprehensions(self.ancestors)
            site = CallSite(node, self.scope, _at(node), self.chain, "", "", around, unconsumed)
            self.named_calls.setdefault(func.id, []).append(site)
        self._runs_elsewhere(node, unconsumed)
        if callee(func) in XML_BUILDERS:
            self.elements.append(CallSite(node, self.scope, _at(node), self.chain, callee(func), ""))
        if not kept and not _reads_only(func):
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                if not _mapped_over(node, arg):
                    self._escape(arg, call=node)
        self.generic_visit(node)
        self._refusal(node)
        self._nested_call_out(node)

    def _nested_call_out(self, node: ast.Call) -> None:
        """A call of what may be a function of the script's inside a statement (`log.info('%s',
        create(name))`, `sms.wait_for_operation_status(create(name).request_id)`, `if create(name):`,
        `return create(name)`), evaluated whenever the statement runs (see `_evaluated_first`), kept as
        `_may_refuse` keeps a statement that is the call, where it ends: when the function surely raises
        there, nothing after it runs. Kept after the calls inside its arguments, as they end first."""
        parent = self.ancestors[-2] if len(self.ancestors) > 1 else None
        if isinstance(parent, (ast.Expr, ast.Assign)) and parent.value is node:
            return  # the statement itself, kept by `_may_refuse`
        if (
            self.guarded[-1]
            or self.scope.kind == "class"
            or not isinstance(node.func, (ast.Name, ast.Attribute))
            or not _evaluated_first(self.ancestors)
        ):
            return
        self.scope.calls_out.append(
            Exit(_end(node), self.chain, None, node, waiting=_calls_waiting(self.ancestors))
        )

    def _runs_elsewhere(self, node: ast.Call, unconsumed: str | None) -> None:
        """Record the calls of a function that a call makes run in a thread, a process or a pool (see
        `_run_calls`) as calls of it made here, with the arguments it is given: `Thread(target=deploy,
        args=('svc1',))` calls `deploy('svc1')`, `pool.map(deploy, ['svc1', 'svc2'])` calls it once with
        each item. The function's name, read to pass it, is read to call it as many times (none, for a map
        over no items)."""
        lazy = self.lazy_map(node.func)
        found = _run_calls(node, (self.scope, self.module_scope), self._changed_so_far, lazy)
        if found is None:
            return
        func, made = found
        if lazy and not (lazy == "map" and self.python2):
            chains, unconsumed = self._consumed_chains(len(made), unconsumed)
        else:
            chains = [self._started_chain() if callee(node.func) in _RUNNERS else self.chain] * len(made)
        around = _comprehensions(self.ancestors)
        sites = []
        for call, chain in zip(made, chains, strict=True):
            ast.copy_location(call, node)
            site = CallSite(call, self.scope, _at(node), chain, "", "", around, unconsumed)
            if isinstance(func, ast.Attribute):
                site = replace(site, method=func.attr, receiver=dotted(func.value) or "")
            sites.append(site)
        self._count_calls(func, sites)
        if lazy:
            self.lazy_maps.append((node.func, self.scope, func, sites))

    def _count_calls(self, func: ast.expr, sites: list[CallSite]) -> None:
        """Count the calls of `func` made at `sites` (a map's, a thread's) as its calls, its name, read once
        to pass it, read as many times."""
        found, loads, key = self._calls_and_loads(func)
        if found is not None:
            found.extend(sites)
            loads[key] = loads.get(key, 0) + len(sites) - 1

    def _calls_and_loads(self, func: ast.expr) -> tuple[list[CallSite] | None, dict[str, int], str]:
        """The calls of a function passed by name (`f`, `self.f`), and how often its name is read."""
        if isinstance(func, ast.Name):
            return self.named_calls.setdefault(func.id, []), self.loads, func.id
        if isinstance(func, ast.Attribute):
            return self.method_calls.setdefault(func.attr, []), self.attribute_loads, func.attr
        return None, self.loads, ""

    def lazy_map(self, func: ast.expr) -> str:
        """Which of Python's own maps a callee may be: "map" (the builtin, lazy but in Python 2),
        "starmap" (itertools', lazy), or "" for neither. Told by its name; whether the script binds that
        name itself is told once the whole file is read (see `lazy_maps_checked`)."""
        if isinstance(func, ast.Name):
            if func.id == "map":
                return "map"
            return "starmap" if self.itertools_names.get(func.id) == "itertools.starmap" else ""
        if isinstance(func, ast.Attribute) and func.attr == "starmap" and isinstance(func.value, ast.Name):
            return "starmap" if self.itertools_names.get(func.value.id) == "itertools" else ""
        return ""

    def lazy_maps_checked(self) -> None:
        """Undo the calls read from a lazy map whose callee is not Python's (see `lazy_map`): `map` that the
        script binds, a name of `itertools` or of its `starmap` the script binds again. Each list of calls
        is gone over once, however many maps it loses calls from."""
        gone: set[int] = set()
        touched: dict[int, list[CallSite]] = {}
        for callee_node, scope, func, sites in self.lazy_maps:
            if _python_s(callee_node, scope, self.module_scope):
                continue
            found, loads, key = self._calls_and_loads(func)
            if found is not None:
                gone.update(id(site) for site in sites)
                touched[id(found)] = found
                loads[key] = loads.get(key, 0) - (len(sites) - 1)
        for found in touched.values():
            found[:] = [site for site in found if id(site) not in gone]

    def _consumed_chains(
        self, count: int, unconsumed: str | None
    ) -> tuple[list[tuple[int, ...]], str | None]:
        """The chains the `count` calls of a lazy map (the call being visited) run in, and the name that
        alone may run them (see `CallSite.unconsumed`): Python 3's `map` and `itertools.starmap` call the
        function only as their items are taken (see `_map_consumption`). Taken whole where they are made
        (`list(map(...))`, a `for` loop, `[*map(...)]`), each call runs there; by `any`/`all`, the first,
        and the others may; by `next`, the first only; dropped, none; bound to a name, as that name is read;
        passed on, each may run."""
        if unconsumed is not None:  # in a generator nothing may run
            return [self.chain] * count, unconsumed
        kind, name = _map_consumption(self.ancestors, self._builtin)
        if kind == "named":
            return [self.chain] * count, name
        if kind == "all":
            return [self.chain] * count, None
        rest = {"first": None, "next": False, "never": False}.get(kind)
        later = self._condition_block(rest)
        first = self.chain if kind in ("first", "next") else self._condition_block(rest)
        return [first, *[later] * (count - 1)][:count], None

    def _condition_block(self, holds: bool | None) -> tuple[int, ...]:
        """The chain of a new block around the call being visited, whose condition holds, fails or is not
        known (see `_started_condition`)."""
        self.blocks += 1
        self.conditions[self.blocks] = _started_condition(holds, self.ancestors[-1])
        return (*self.chain, self.blocks)

    def _builtin(self, name: str) -> bool:
        """Whether a name read here is Python's own, the script binding it nowhere it sees (so far)."""
        return lookup(name, self.scope, self.module_scope) is None

    def _started_chain(self) -> tuple[int, ...]:
        """The chain a thread's or a process's target runs in, the thread made by the call being visited:
        where it is made when it is started there (`Thread(...).start()`); else in a block of its own, whose
        condition holds, fails or is not known as the thread is started, never, or perhaps (see
        `_thread_kept`). Where a name or an attribute keeps it, that is told once the whole file is read
        (see `started_threads`)."""
        kind, holder = _thread_kept(self.ancestors)
        if kind == "started":
            return self.chain
        self.blocks += 1
        if kind == "kept":
            self.kept_threads.append((self.blocks, holder, tuple(self.ancestors), self.scope, self.chain))
        else:
            started = None if kind == "unknown" else False
            self.conditions[self.blocks] = _started_condition(started, self.ancestors[-1])
        return (*self.chain, self.blocks)

    def started_threads(self, tree: ast.Module) -> None:
        """Tell, for each thread or process a name or an attribute keeps, whether the script starts it:
        the condition of the block its target runs in (see `_started_chain`, `_thread_started`). A read of
        the name after it is bound to another thread (`t = Thread(a)`, `t = Thread(b)`, `t.start()`)
        starts that one, not this; where it may be bound again in between, it may start this one. Where
        it is started elsewhere than surely after it is made, the target runs where a call that starts it
        does (see `_StartedAt`): never, when none of them runs."""
        if not self.kept_threads:
            return
        uses = _uses_of({holder for _, holder, *_ in self.kept_threads}, [tree])
        starts = {id(site.node): site for name in _STARTS for site in self.method_calls.get(name, [])}
        for block, holder, made, scope, chain in self.kept_threads:
            found = uses.get(holder, [])
            rebound = [_rebound_between(holder, scope, chain, made, use) for use in found]
            kept = [use for use, again in zip(found, rebound, strict=True) if again is False]
            maybe = [use for use, again in zip(found, rebound, strict=True) if again is None]
            started, pending = _thread_started(holder, made, kept)
            if maybe and started is not True and _thread_started(holder, made, maybe)[0] is not False:
                started, pending = None, None
            sites = [starts.get(id(call)) for call in pending or []]
            if started is None and pending and all(sites):
                self.conditions[block] = (ast.copy_location(_StartedAt(sites), made[-1]), True)
            else:
                self.conditions[block] = _started_condition(started, made[-1])

    def _changed_so_far(self, name: str) -> bool:
        """Whether the script changes or lets go the object a name holds anywhere before here."""
        return any(found == name for found, _ in self.raw_events) or any(
            found == name for found, _ in self.raw_lent
        )

    def _file_io(self, node: ast.Call) -> None:
        """Record a file written or read whole (see `Index.file_writes`), a file opened for writing in
        any other way, and a file put in place by a means the reader does not follow (`_placed`)."""
        func = node.func
        self._placed(node)
        mode = _open_mode(node)
        if mode is not None and mode != "r" and not (mode == "w" and self._opened_as_followed()):
            self.unseen_write = True
        elif mode is None and dotted(func) in _OTHER_OPENS:
            self.unseen_write = True  # Python 2's `file(path, 'w')`, `codecs.open(...)`: may write it
        if not isinstance(func, ast.Attribute) or func.attr not in ("write", "read") or node.keywords:
            return
        opened = func.value
        mode = _open_mode(opened)
        path = opened.args[0] if mode is not None and isinstance(opened, ast.Call) else None
        if isinstance(opened, ast.Name):
            held = next((entry for entry in reversed(self.open_files) if entry[0] == opened.id), None)
            if held is not None:
                _, path, mode = held
                self.file_uses[opened.id] = self.file_uses.get(opened.id, 0) + 1
        if path is None:
            return
        if (
            func.attr == "write"
            and mode == "w"
            and len(node.args) == 1
            and not isinstance(node.args[0], ast.Starred)
        ):
            self.file_writes.append(FileWrite(path, node.args[0], self.scope, _at(node), self.chain))
        elif func.attr == "read" and mode == "r" and not node.args:
            self.file_reads[id(node)] = path

    def _placed(self, node: ast.Call) -> None:
        """Record a file the call puts in place by a means whose content the reader does not follow (see
        `PlacedFile`): a function of `_FILE_PLACERS`, by its dotted name or as the script imports it, or a
        method of `pathlib.Path` that writes or moves a file."""
        func = node.func
        name = dotted(func) or ""
        head, dot, rest = name.partition(".")
        name = self.placer_names.get(head, head) + dot + rest
        placer = _FILE_PLACERS.get(name)
        if placer is not None:
            source, destination = (_argument(node, *where) if where else None for where in placer)
            if placer[1] is None or destination is not None:
                self._place(node, destination, source)
            return
        if not isinstance(func, ast.Attribute) or node.keywords or dotted(func.value) == "os":
            return
        if func.attr in _PATH_WRITES:
            self._place(node, _path_named(func.value), None)
        elif func.attr in _PATH_MOVES and len(node.args) == 1 and not isinstance(node.args[0], ast.Starred):
            self._place(node, _path_named(node.args[0]), None)

    def _place(self, node: ast.Call, destination: ast.expr | None, source: ast.expr | None) -> None:
        self.placed_files.append(PlacedFile(destination, source, self.scope, _at(node), self.chain))

    def _opened_as_followed(self) -> bool:
        """Whether the `open(...)` call being visited is opened to be written as the reader follows it:
        `open(path, 'w').write(...)`, or in `with open(path, 'w') as f:`."""
        parent, above = self.ancestors[-2], self.ancestors[-3]
        if isinstance(parent, ast.withitem):
            return isinstance(parent.optional_vars, ast.Name)
        return (
            isinstance(parent, ast.Attribute)
            and parent.attr == "write"
            and isinstance(above, ast.Call)
            and above.func is parent
        )

    def writes_unfollowed(self) -> bool:
        """Whether the script writes a file in a way the reader does not follow (see `Index.file_writes`):
        the file `with open(path, 'w') as f:` opens is used otherwise than by `f.write(...)` (`json.dump(
        obj, f)`, `print(..., file=f)`), or `open` is the script's own."""
        uses = self.file_uses
        return (
            self.unseen_write
            or "open" in self.module_scope.bindings
            or any(self.loads.get(name, 0) != uses.get(name, 0) for name in self.written_files)
        )

    def _changes(self, node: ast.Call, func: ast.Attribute) -> bool:
        """Record `x.path.append(v)` and the like as changes of the object `x` holds, and any other method
        called on it as an escape, unless it only reads (True when the call changes a named object)."""
        method = func.attr
        if method in _READING_METHODS or method in CLASSIC_METHODS:
            return False
        if _root_path(func.value) is None:
            self._change_attribute(func.value)  # `Tier().subnets.append(...)`: on no name to follow
            return False
        if method not in _CHANGING_METHODS:
            self._record(func.value, "escape", None, None, node, method=method)
            return False
        args = (
            node.args
            if not node.keywords and not any(isinstance(a, ast.Starred) for a in node.args)
            else None
        )
        first = args[0] if args is not None and len(args) == 1 else None
        if method in ("append", "extend", "update", "remove") and first is not None:
            self._record(func.value, method, None, first, node)
        elif method == "insert" and args is not None and len(args) == 2:
            self._record(func.value, "insert", None, args[1], node, args[0])
        elif method == "pop" and args:
            self._record(func.value, "pop", _key(args[0]), None, node, args[0])
        elif method in ("pop", "clear") and args == []:
            self._record(func.value, method, None, None, node)
        else:
            self._record(func.value, "change", None, None, node)
        return True

    def _record(
        self,
        target: ast.expr,
        kind: str,
        key: str | None,
        value: ast.expr | None,
        node: ast.AST | None = None,
        index: ast.expr | None = None,
        parts: int = 0,
        method: str = "",
    ) -> None:
        direct = isinstance(target, ast.Attribute) and not isinstance(
            target.value, (ast.Attribute, ast.Subscript)
        )
        if not (kind == "set" and direct):  # setting the attribute itself is a store, counted as such
            self._change_attribute(target)
        found = _root_path(target)
        if found is None:
            return
        name, path = found
        item = "[]" in path
        if item:  # inside an item: the reader does not follow items of items
            kind, path, key, value, index = ("escape" if kind == "escape" else "change"), (), None, None, None
        at = _at(node or target)
        event = Event(kind, path, key, value, at, self.chain, self.scope, item, index, parts, method)
        self.raw_events.append((name, event))

    def _change_attribute(self, target: ast.expr) -> None:
        """Count a change to the object the attribute nearest the start of `target` holds, or its escape
        (see `Index.attribute_changes`): `subnets` of `self.subnets[0]`, `net` of `self.net.subnet_names`."""
        name = None
        while isinstance(target, (ast.Attribute, ast.Subscript)):
            if isinstance(target, ast.Attribute):
                name = target.attr
            target = target.value
        if name is not None:
            self.attribute_changes[name] = self.attribute_changes.get(name, 0) + 1

    def _escape(self, value: ast.expr, depth: int = 0, call: ast.Call | None = None) -> None:
        """A name passed (directly, or inside a literal list or dict) where the reader cannot follow it.
        A name passed directly as an argument of `call` keeps the call (see `Flow._harmless`)."""
        if isinstance(value, ast.Name) and depth == 0 and call is not None:
            self._record(value, "escape", None, call)
        elif isinstance(value, (ast.Name, ast.Attribute, ast.Subscript)):
            self._record(value, "escape", None, None, parts=_parts_deep(value))
        elif isinstance(value, ast.Starred):
            self._escape(value.value, depth)
        elif depth < 4 and isinstance(value, (ast.List, ast.Tuple, ast.Set)):
            for element in value.elts:
                self._escape(element, depth + 1)
        elif depth < 4 and isinstance(value, ast.Dict):
            for element in value.values:
                self._escape(element, depth + 1)

    def _escape_if_alias(self, value: ast.expr, target: ast.expr) -> None:
        """`y = x` (two names for one object) or `self.x = x` (stored where the reader cannot follow it);
        `d['k'] = x` and `obj.a = x` on a local object keep it where reading that object reads it, and
        `a, b = x` names its items, as `a = x[0]` does."""
        if not isinstance(value, (ast.Name, ast.Attribute)) or isinstance(target, (ast.Tuple, ast.List)):
            return
        holder = target.value if isinstance(target, (ast.Attribute, ast.Subscript)) else None
        stored = _root_path(holder) if holder is not None else None
        if stored is not None and stored[0] not in self.scope.params:
            return
        if isinstance(value, ast.Name) and isinstance(target, ast.Name):
            self.raw_aliases.append((target.id, value.id, self.scope, _at(value)))
        self._escape(value)

    def _aliased_events(self) -> None:
        """`names = roles`: two names of one object in one scope, each bound there once and not in a loop,
        nor declared global or nonlocal. A change made in that scope through `names` after it is bound is
        one to what both hold, as a PowerShell array's is (`names.append(x)` grows `roles`): it is filed as
        made to `roles` (which `names` reads, changes and all), in the order written, and `roles` does not
        escape by being named twice. Not when a function declares either name global or nonlocal: it may
        bind the name again from there (`global roles; roles = []`), which the scope's own bindings do not
        show. Any other `y = x` lets `x` go. One pass over the events, whatever the number of such pairs."""
        renamed: dict[tuple[str, int], tuple[str, Position]] = {}  # (alias, its scope) -> (original, where)
        kept: set[tuple[str, Position]] = set()  # (original, where it is read by `names = roles`)
        declared = self.declared_global | self.declared_nonlocal
        for alias, original, scope, at in self.raw_aliases:
            if (
                _bound_once(scope, alias)
                and _bound_once(scope, original)
                and not {alias, original} & declared
            ):
                renamed[(alias, id(scope))] = (original, at)
                kept.add((original, at))
        if not renamed:
            return
        events: list[tuple[str, Event]] = []
        for n, e in self.raw_events:
            if e.kind == "escape" and (n, e.at) in kept:
                continue
            original, at = renamed.get((n, id(e.scope)), (n, END))
            events.append((original if e.at > at else n, e))
        self.raw_events = events

    def file_events(self) -> None:
        """File every recorded event, and how deep each read lets its object go, under the scope whose
        binding of the name it is about, or under `free_scope` for a name nothing binds."""
        self._aliased_events()
        for name, event in self.raw_events:
            scope = lookup(name, event.scope, self.module_scope) or self.free_scope
            scope.events.setdefault(name, []).append(event)
        self.raw_events.clear()
        for name, at, reach in self.raw_reaches:
            scope = lookup(name, at, self.module_scope) or self.free_scope
            scope.reach[name] = min(reach, scope.reach.get(name, reach))
        self.raw_reaches.clear()
        for name, at in self.raw_lent:
            lender = lookup(name, at, self.module_scope)
            if lender is not None:
                lender.lent.add(name)
        self.raw_lent.clear()


# Per node class, the method of `_Indexer` that visits its nodes, as `ast.NodeVisitor.visit` finds it.
_VISITORS: dict[type[ast.AST], Callable[[_Indexer, Any], None]] = {}


def _visitor(kind: type[ast.AST]) -> Callable[[_Indexer, Any], None]:
    method = _VISITORS[kind] = getattr(_Indexer, "visit_" + kind.__name__, _Indexer.generic_visit)
    return method


def _method_decorator(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> str:
    """The decorator of a method the reader follows as a static or class method: "staticmethod" for one
    decorated `@staticmethod` only, "classmethod" for one decorated `@classmethod` only that takes a first
    parameter (`cls`); "" for any other."""
    if not isinstance(node, ast.FunctionDef) or len(node.decorator_list) != 1:
        return ""
    decorator = node.decorator_list[0]
    name = decorator.id if isinstance(decorator, ast.Name) else ""
    if name == "classmethod" and _signature(node.args).positional:
        return name
    return name if name == "staticmethod" else ""


def _is_getter(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> bool:
    """Whether a method is a property's getter the reader follows: decorated `@property` only (Python's
    own), taking `self` alone."""
    if not isinstance(node, ast.FunctionDef) or len(node.decorator_list) != 1:
        return False
    decorator = node.decorator_list[0]
    signature = _signature(node.args)
    return (
        isinstance(decorator, ast.Name)
        and decorator.id == "property"
        and len(signature.positional) == 1
        and signature.vararg is None
        and signature.kwarg is None
        and not node.args.kwonlyargs
    )


def callee(func: ast.expr) -> str:
    """The name a call is made by: `f` of `f(...)` and of `x.f(...)`; "" for anything else."""
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _at(node: ast.AST) -> Position:
    return (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))


def _end(node: ast.AST) -> Position:
    """Where a node ends: after everything it holds."""
    return (getattr(node, "end_lineno", None) or _at(node)[0], getattr(node, "end_col_offset", None) or 0)


# The parts of a statement it evaluates whenever it runs, before anything else it holds.
_STATEMENT_HEADS: dict[type[ast.stmt], str] = {
    ast.Expr: "value",
    ast.Assign: "value",
    ast.AugAssign: "value",
    ast.AnnAssign: "value",
    ast.Return: "value",
    ast.Raise: "exc",  # its `from` cause is evaluated after the exception, and not at all if that raises
    ast.Assert: "test",  # its message only when the test fails
    ast.If: "test",
    ast.While: "test",
    ast.For: "iter",
    ast.AsyncFor: "iter",
    ast.With: "items",
    ast.AsyncWith: "items",
    ast.Match: "subject",
}
# The expressions that evaluate every part they hold whenever they are evaluated.
_EVALUATED_WHOLE = (
    ast.Call,
    ast.keyword,
    ast.withitem,
    ast.Attribute,
    ast.Subscript,
    ast.Slice,
    ast.Starred,
    ast.BinOp,
    ast.UnaryOp,
    ast.Tuple,
    ast.List,
    ast.Set,
    ast.Dict,
    ast.JoinedStr,
    ast.FormattedValue,
    ast.NamedExpr,
    ast.Await,
)


def _evaluated_first(ancestors: Sequence[ast.AST]) -> bool:
    """Whether the node `ancestors` ends with is evaluated whenever the statement around it runs: in a part
    of the statement it evaluates first (see `_STATEMENT_HEADS`), and through no part an expression may skip
    (the right of `or`, a branch of `a if t else b`, a `lambda`'s body, a comprehension's)."""
    for depth in range(len(ancestors) - 1, 0, -1):
        parent, child = ancestors[depth - 1], ancestors[depth]
        if isinstance(parent, ast.stmt):
            head = getattr(parent, _STATEMENT_HEADS.get(type(parent), ""), None)
            return head is child or (isinstance(head, list) and any(item is child for item in head))
        if isinstance(parent, ast.BoolOp):
            taken = child is parent.values[0]
        elif isinstance(parent, ast.Compare):
            taken = child is parent.left or child is parent.comparators[0]
        elif isinstance(parent, ast.IfExp):
            taken = child is parent.test
        else:
            taken = isinstance(parent, _EVALUATED_WHOLE)
        if not taken:
            return False
    return False


def _calls_waiting(ancestors: Sequence[ast.AST]) -> tuple[Position, ...]:
    """Where the calls start, within its statement, whose arguments hold the node `ancestors` ends with
    (`f` and `log.info` of `log.info('%s', f(create(name)))`): Python evaluates a call's arguments before it
    makes the call, so none of them is made when the node raises. A call whose callee starts with another
    call (`client()(create(name))`) starts where that one does, and is left out: the position would name
    the callee's call too, which is made."""
    waiting: list[Position] = []
    for depth in range(len(ancestors) - 1, 0, -1):
        parent, child = ancestors[depth - 1], ancestors[depth]
        if isinstance(parent, ast.stmt):
            break
        if isinstance(parent, ast.Call) and child is not parent.func and not _starts_with_call(parent.func):
            waiting.append(_at(parent))
    return tuple(waiting)


def _starts_with_call(func: ast.expr) -> bool:
    """Whether a callee's text starts with a call (`client()`, `get_client().services`, `clients()[0]`)."""
    while isinstance(func, (ast.Attribute, ast.Subscript)):
        func = func.value
    return isinstance(func, ast.Call)


# What the SDK raises when it refuses a call: `ValueError` from its checks of the values, `TypeError` from
# Python's of the arguments left out; and the classes of which they are kinds, which catch them too.
_REFUSAL_ERRORS = ("ValueError", "TypeError")
_REFUSAL_ERROR_BASES = frozenset({"BaseException", "Exception", "StandardError"})


# How many parts of what an `except` names are looked at, the values of the names it is followed through
# among them (`ERRORS = AZURE_ERRORS + (ValueError,)`): past them, the rest is read as catching nothing the
# SDK raises, so a `try` costs no more than this whatever the tuples it names hold.
_MAX_CAUGHT_PARTS = 64


def _catches(handler: ast.ExceptHandler, error: str, constants: dict[str, ast.expr]) -> bool:
    """Whether an `except` catches `error`: bare, or naming it or a class it is a kind of, alone or in a
    tuple, written out or a name the file binds once at its top level to one (`except ERRORS:`, see
    `_whole_tree`'s `constants`), or to tuples added together. What else it names (`AzureHttpError`,
    `KeyError`) is no class the SDK's refusal is a kind of."""
    if handler.type is None:
        return True
    kinds = [handler.type]
    for _ in range(_MAX_CAUGHT_PARTS):
        if not kinds:
            break
        kind = kinds.pop()
        if isinstance(kind, ast.Tuple):  # a list catches nothing: Python raises TypeError at the `except`
            kinds.extend(kind.elts[:_MAX_CAUGHT_PARTS])
        elif isinstance(kind, ast.BinOp) and isinstance(kind.op, ast.Add):
            kinds.extend((kind.left, kind.right))
        elif isinstance(kind, ast.Name) and kind.id in constants:
            kinds.append(constants[kind.id])
        elif (dotted(kind) or "").rpartition(".")[2] in (error, *_REFUSAL_ERROR_BASES):
            return True
    return False


def _refusals_leave_try(node: ast.Try, constants: dict[str, ast.expr]) -> bool:
    """Whether what the SDK raises when it refuses a call in a `try` body surely leaves the `try`: for each
    error it raises, no handler catches it, or the first that does raises again (`raise`, `raise X from
    e`) as its last statement."""
    for error in _REFUSAL_ERRORS:
        handler = next((h for h in node.handlers if _catches(h, error, constants)), None)
        if handler is not None and not (handler.body and isinstance(handler.body[-1], ast.Raise)):
            return False
    return True


# The context managers that never keep what their body raises from going on: the files they open.
_TRANSPARENT_CONTEXTS = frozenset({"open", "io.open", "codecs.open"})


def _refusals_leave_with(node: ast.With | ast.AsyncWith) -> bool:
    """Whether what the SDK raises in a `with` body surely leaves it: each context manager only opens a file
    (`with open(path) as f:`); another may keep it from going on (`suppress(ValueError)`, a class's)."""
    return all(
        isinstance(item.context_expr, ast.Call) and dotted(item.context_expr.func) in _TRANSPARENT_CONTEXTS
        for item in node.items
    )


def _ends(body: list[ast.stmt]) -> bool:
    """Whether a block never ends but by a `return` or `raise`: its last statement is one, or an `if` whose
    branches (an `else` too) all end so."""
    last = body[-1] if body else None
    while isinstance(last, ast.If):
        if not last.orelse or not _ends(last.body):
            return False
        last = last.orelse[-1]
    return isinstance(last, (ast.Return, ast.Raise))


def exit_aliases(tree: ast.Module) -> dict[str, str]:
    """The names a script imports the modules and functions of EXIT_CALLS under at its top level (see
    `Index.exit_aliases`)."""
    found: dict[str, str] = {}
    for statement in tree.body:
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            found.update(_exit_aliases_in(statement))
    return found


def _exit_aliases_in(node: ast.Import | ast.ImportFrom) -> Iterator[tuple[str, str]]:
    """The names an import binds to a module or function of EXIT_CALLS, each with what it stands for: `o`
    of `import os as o` ("os"), `run` of `from os import execv as run` ("os.execv")."""
    for alias in node.names:
        if isinstance(node, ast.Import) and alias.asname and alias.name in _EXIT_MODULES:
            yield alias.asname, alias.name
        elif (
            isinstance(node, ast.ImportFrom)
            and not node.level
            and f"{node.module}.{alias.name}" in EXIT_CALLS
        ):
            yield alias.asname or alias.name, f"{node.module}.{alias.name}"


def exit_name(func: ast.expr, aliases: Mapping[str, str]) -> str:
    """The name a call's function is written as (`dotted`), with a name the script imports a module or
    function of EXIT_CALLS under (`Index.exit_aliases`) written as what it stands for: `o.execv` of `import os
    as o` is "os.execv", `run` of `from os import execv as run` too."""
    name = dotted(func) or ""
    head, dot, rest = name.partition(".")
    found = aliases.get(head)
    return found + dot + rest if found else name


def _ending(body: list[ast.stmt], aliases: Mapping[str, str]) -> tuple[ast.Call, ...] | None:
    """Whether a block surely ends the path through its scope: when its last statement, at its top level,
    is a `return`, a `raise` or a call of EXIT_CALLS, that call (none for the others) in a tuple; None
    otherwise. A block that ends only on some of its inner branches may go on."""
    last = body[-1] if body else None
    if isinstance(last, (ast.Return, ast.Raise)):
        return ()
    if (
        isinstance(last, ast.Expr)
        and isinstance(last.value, ast.Call)
        and exit_name(last.value.func, aliases) in EXIT_CALLS
    ):
        return (last.value,)
    return None


def _in_sdk(module: str) -> bool:
    return module == SDK_PACKAGE or module.startswith(SDK_PACKAGE + ".")


def _builds_sdk_class(call: ast.Call) -> bool:
    """Whether a call builds one of the SDK's classes by its full name (`azure.servicemanagement.
    ConfigurationSet()`). A file that does so without importing the SDK itself is a fragment cut from a module
    whose imports it left behind, or one that imports the package `azure` only, with another module importing
    the SDK: it reads the SDK, unless it binds `azure` to anything else (`azure = Client()`, `def f(azure)`,
    `import mylib as azure`; see `_whole_tree`)."""
    if not isinstance(call.func, ast.Attribute):
        return False
    prefix, _, name = (dotted(call.func) or "").rpartition(".")
    return _in_sdk(prefix) and _is_class(name)


# The nodes that may bind the name `azure` (see `_binds_azure_otherwise`).
_AZURE_BINDERS = frozenset(
    {ast.Name, ast.arg, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom}
)


def _binds_azure_otherwise(node: ast.AST) -> bool:
    """Whether a node binds the name `azure` to something other than the package of that name."""
    if isinstance(node, ast.Name):
        return node.id == "azure" and not isinstance(node.ctx, ast.Load)
    if isinstance(node, ast.arg):
        return node.arg == "azure"
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name == "azure"
    if isinstance(node, ast.Import):
        return any(alias.asname == "azure" and alias.name != "azure" for alias in node.names)
    if isinstance(node, ast.ImportFrom):
        return any((alias.asname or alias.name) == "azure" for alias in node.names)
    return False


def _key(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _reads_only(func: ast.expr) -> bool:
    """A callee that does not keep or change its arguments: the SDK's methods and models, printing and
    logging, formatting."""
    if isinstance(func, ast.Name):
        return func.id in _READING_FUNCTIONS or func.id in SDK_CLASSES
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr in SDK_CLASSES or func.attr in CLASSIC_METHODS or func.attr in _READING_METHODS:
        return True
    text = dotted(func.value)
    if text is None:
        return isinstance(func.value, (ast.Constant, ast.JoinedStr))  # "...".format(x)
    parts = text.split(".")
    return parts[0] in _LOGGERS or (parts[0] == "self" and len(parts) > 1 and parts[1] in _LOGGERS)


def _passed_to_function(ancestors: list[ast.AST]) -> bool:
    """Whether a read of a name (the last of `ancestors`) is an argument, as it is, of a call of a function
    named by a plain name that may keep or change it (`system = linux_config(name, args)`): the call's escape
    event (see `_Indexer._escape`) tells how deep the object goes, through what the function does with its
    parameter, returning it included (see `Flow._keeps_parts`), so the read lets nothing go on its own."""
    child, parent = ancestors[-1], ancestors[-2] if len(ancestors) > 1 else None
    if isinstance(parent, ast.keyword) and parent.arg is not None and len(ancestors) > 2:
        child, parent = parent, ancestors[-3]
    if not isinstance(parent, ast.Call) or not isinstance(parent.func, ast.Name) or _reads_only(parent.func):
        return False
    return any(arg is child for arg in parent.args) or any(k is child for k in parent.keywords)


def _tests_set(test: ast.expr, name: str) -> bool:
    """Whether `test` holds only when `name` is not None: `name`, `name is not None`, or an `and` of which
    one part is such a test."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(_tests_set(part, name) for part in test.values)
    if isinstance(test, ast.Name):
        return test.id == name
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == name
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.IsNot)
        and _is_none(test.comparators[0])
    )


def _tests_none(test: ast.expr, name: str) -> bool:
    """Whether `test` holds whenever `name` is None: `name is None`, `name == None`, `not name`, or an `or`
    of which one part is such a test. Where it fails, `name` is not None."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        return any(_tests_none(part, name) for part in test.values)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _tests_set(test.operand, name)
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == name
        and len(test.ops) == 1
        and isinstance(test.ops[0], (ast.Is, ast.Eq))
        and _is_none(test.comparators[0])
    )


def _is_none(node: ast.expr) -> bool:
    """Whether `node` is written `None`."""
    return isinstance(node, ast.Constant) and node.value is None


def _api_address(node: ast.expr) -> str | None:
    """The text of `node` when it is a string that names the Service Management API's host, or a URL on it."""
    if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
        return None
    text = node.value
    on_the_api = automation.management_host(text) is not None or automation.management_url(text) is not None
    return text if on_the_api else None


def _is_list_display(node: ast.expr) -> bool:
    """Whether `node` is written as a list (`[x]`, `[x for ...]`): what `+=` adds it to is a list."""
    return isinstance(node, (ast.List, ast.ListComp))


def _bound_once(scope: Scope, name: str) -> bool:
    """Whether `name` is bound once in `scope`, not as a loop's target, and not declared global or nonlocal."""
    bindings = scope.bindings.get(name, [])
    return len(bindings) == 1 and not bindings[0].each_turn and name not in scope.declared


def _reach(ancestors: list[ast.AST]) -> int | None:
    """How deep into the object it holds a read of a name (the last of `ancestors`, the nodes around it
    from the module down) lets the object go where the reader does not follow it: 0 when the object itself
    is bound to another name, put in a list, unpacked, iterated, returned or used any other way the reader
    does not know to be harmless (`alias = cfg`, `[cfg]`), 1 when one of its items or attributes is
    (`svc = cfg['svc']`, `for vm in cfg['vms']`), and so on; a path of that many parts or more stays what
    it was. The result of a call may hold what it is passed (`x = dict(cfg)`), and a method's is counted as
    an item of the object (`cfg.get('svc')`, `cfg.copy()`, whose items are those of `cfg`). None when what
    is read is only tested, compared, formatted, passed where it is only read (`print`, `len`, the SDK's
    methods), or set or deleted (a change, see `_Indexer._record`). Passed to a method of another object
    that may keep it (`targets.append(cfg)`, `queue.put(cfg)`), it goes there at its depth."""
    child = ancestors[-1]
    depth = 0
    for parent in reversed(ancestors[:-1]):
        if isinstance(parent, (ast.Subscript, ast.Attribute)) and parent.value is child:
            if not isinstance(parent.ctx, ast.Load):
                return None
            depth += 1
        elif isinstance(parent, ast.Call) and parent.func is child:
            if not isinstance(child, ast.Attribute):
                return 0  # the object, or a part of it, called: it may change anything it is bound to
            if child.attr in _SCALAR_METHODS:
                return None
        elif isinstance(parent, ast.Call):
            if _gives_nothing_of(parent.func):
                return None
            if _may_keep(parent.func):
                return depth
        elif isinstance(parent, ast.keyword) and parent.arg is not None:
            pass  # passed by name to the call around it
        elif isinstance(parent, ast.BoolOp) or (isinstance(parent, ast.IfExp) and parent.test is not child):
            pass  # `a or b`, `a if t else b`: one of them
        elif _only_tests(parent, child):
            return None
        else:
            return depth
        child = parent
    return depth


# Builtins that run a generator expression passed to them through all its items. `all` stops at an item that is
# false, which a call of the SDK, whose result is an object, never is (see `_comprehensions`).
_EXHAUSTING_FUNCTIONS = frozenset({"list", "tuple", "set", "frozenset", "sorted", "all"})


def _comprehensions(
    ancestors: list[ast.AST],
) -> tuple[tuple[ast.ListComp | ast.SetComp | ast.GeneratorExp, str], ...]:
    """The comprehensions around a call (the last of `ancestors`) that run it once for each of their items,
    outermost first: those whose item it is in, within its statement; a generator expression only when
    passed alone to one of _EXHAUSTING_FUNCTIONS, by whose name (`all` only when the item is the call
    itself). Past one whose tests or items the call is in, the outer ones are not taken: what it is read
    with there is not one item of theirs."""
    found: list[tuple[ast.ListComp | ast.SetComp | ast.GeneratorExp, str]] = []
    child = ancestors[-1]
    for at in range(len(ancestors) - 2, -1, -1):
        parent = ancestors[at]
        if isinstance(parent, (ast.stmt, ast.Lambda)):
            break
        if isinstance(parent, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            if isinstance(parent, ast.DictComp) or parent.elt is not child:
                break
            consumer = ""
            if isinstance(parent, ast.GeneratorExp):
                consumer = _exhausting(parent, ancestors[at - 1], ancestors[-1])
                if not consumer:
                    break
            found.append((parent, consumer))
        child = parent
    return tuple(reversed(found))


def _exhausting(generator: ast.GeneratorExp, parent: ast.AST, call: ast.AST) -> str:
    """The builtin that `parent` calls with `generator` alone to run it through all its items, or ""."""
    if not (
        isinstance(parent, ast.Call)
        and isinstance(parent.func, ast.Name)
        and parent.args == [generator]
        and not parent.keywords
        and parent.func.id in _EXHAUSTING_FUNCTIONS
    ):
        return ""
    return parent.func.id if parent.func.id != "all" or generator.elt is call else ""


def _unconsumed(ancestors: list[ast.AST]) -> str | None:
    """For a call (the last of `ancestors`) that waits in a generator expression, which runs nothing until
    it is iterated, when the generator's statement drops it or binds it to a name: that name ("" when
    dropped), which is then the only way to run it. A call in the iterable of the generator's first `for`
    runs as the generator is made, and one in a generator passed on or returned is left as it was read."""
    inner, child = ancestors[-1], ancestors[-1]
    for at in range(len(ancestors) - 2, 0, -1):
        parent = ancestors[at]
        if isinstance(parent, (ast.stmt, ast.Lambda)):
            return None
        if isinstance(parent, ast.GeneratorExp) and not (
            child is parent.generators[0] and inner is parent.generators[0].iter
        ):
            holder = ancestors[at - 1]
            if isinstance(holder, ast.Expr):
                return ""
            if isinstance(holder, (ast.Assign, ast.AnnAssign)) and holder.value is parent:
                targets = holder.targets if isinstance(holder, ast.Assign) else [holder.target]
                if len(targets) == 1 and isinstance(targets[0], ast.Name):
                    return targets[0].id
        inner, child = child, parent
    return None


def _items_only(ancestors: list[ast.AST]) -> bool:
    """Whether a read of a name (the last of `ancestors`) lets only the items of the object it holds go, not
    the object itself: iterated (`for s in subnets`), added to another list (`x.extend(subnets)`, `x +=
    subnets`, `subnets + more`), copied (`list(subnets)`) or mapped over (`pool.map(deploy, names)`)."""
    child, parent = ancestors[-1], ancestors[-2] if len(ancestors) > 1 else None
    if isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)):
        return parent.iter is child
    if isinstance(parent, ast.AugAssign):
        return parent.value is child
    if isinstance(parent, ast.BinOp):
        return isinstance(parent.op, ast.Add)
    if isinstance(parent, ast.Call) and parent.func is not child:
        func = parent.func
        if _mapped_over(parent, child):
            return True
        if isinstance(func, ast.Attribute):
            return func.attr == "extend"
        return isinstance(func, ast.Name) and func.id in _COPYING_FUNCTIONS
    return False


def _mapped_over(call: ast.Call, arg: ast.AST) -> bool:
    """Whether `arg` is an iterable a map call goes over (`pool.map(deploy, names)`, `map(deploy, names,
    nets)`, `itertools.starmap(deploy, rows)`): the map takes its items, and leaves the object as it is."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    runs_each = name in _RUN_EACH_ITEM or name in _RUN_EACH_STAR
    return runs_each and any(given is arg for given in call.args[1:])


def _gives_nothing_of(func: ast.expr) -> bool:
    """Whether a call returns nothing of what it is passed (see `_SCALAR_FUNCTIONS`): a string method, the
    SDK's methods, a logger's."""
    if isinstance(func, ast.Name):
        return func.id in _SCALAR_FUNCTIONS
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr in _SCALAR_METHODS or func.attr in CLASSIC_METHODS:
        return True
    text = dotted(func.value)
    return text is not None and text.split(".")[0] in _LOGGERS


def _may_keep(func: ast.expr) -> bool:
    """Whether a method called with an object may keep it in the object the method belongs to, where a
    change to it goes unseen (`targets.append(cfg); targets[0]['name'] = x`): any method not known to only
    read what it is passed. A function called by name is followed where the script defines it, and passing
    to one it does not is an escape (see `_Indexer.visit_Call`, `Flow._harmless`)."""
    return isinstance(func, ast.Attribute) and not _reads_only(func)


def _only_tests(parent: ast.AST, child: ast.AST) -> bool:
    """Whether `parent` only tests, compares or formats `child`, or drops it (a statement of its own)."""
    if isinstance(parent, (ast.Expr, ast.Compare, ast.FormattedValue)):
        return True
    if isinstance(parent, ast.UnaryOp):
        return isinstance(parent.op, ast.Not)
    if isinstance(parent, (ast.If, ast.While, ast.IfExp, ast.Assert)):
        return parent.test is child
    if isinstance(parent, ast.comprehension):
        return any(test is child for test in parent.ifs)
    return False


# --- evaluation ------------------------------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class Frame:
    """Names bound for one evaluation, in `scope`: a function's parameters to what one call of it passes
    (`loop` None), a loop's variables to one of its items (turn `turn`, counted from 0), or a list
    comprehension's to one of its items (`span`: where the comprehension starts and ends). `outer` is the
    frame the call or the loop is itself read in; `call`, the call of the function, when it is one, and
    `site`, where that call is read (a method's `self` is the instance the call is made on)."""

    scope: Scope
    values: dict[str, Value]
    outer: Frame | None
    loop: Loop | None = None
    turn: int = 0
    call: ast.Call | None = None
    site: Site | None = None
    span: tuple[Position, Position] | None = None

    @property
    def called(self) -> bool:
        """Whether the frame is a call's (not a loop's or a comprehension's turn)."""
        return self.loop is None and self.span is None


Path = tuple[tuple[int, int], ...]  # (choice key, option) of each choice a path takes, in the order fixed


@dataclass(frozen=True, slots=True)
class Site:
    """Where a value is read: its scope, position and chain of conditions, and the frame of the call or the
    loop turn it is read in (None: as the script is written, its parameters and loop variables unknown).
    `path`: the option taken at each choice (`Choice`) the script does not decide that the read is made
    on one path of (see `Flow.alternatives`); a choice neither it nor the script decides leaves what
    depends on it unknown."""

    scope: Scope
    at: Position
    chain: tuple[int, ...]
    frame: Frame | None = None
    path: Path = ()


def site_of(call: CallSite) -> Site:
    return Site(call.scope, call.at, call.chain)


@dataclass(frozen=True, slots=True)
class Instance:
    """An instance of a class the script defines, as far as a call on it tells which method runs: of the
    class `cls` itself (`exact`: made by a call of the class), or of `cls` or of any class deriving from it
    (`self` in a method of `cls`). `made`: the call of the class that makes it and where that call is read,
    when the reader knows them (see `Flow._held`)."""

    cls: Scope
    exact: bool
    made: tuple[ast.Call, Site] | None = field(default=None, compare=False)
    # The class itself (`Deployer`, `cls`), not an instance: only its static and class methods are followed.
    of_class: bool = False


@dataclass(slots=True)
class _Classes:
    """How the classes the script defines and follows derive from each other (see `Flow._derivations`).
    `bases`, by id(class body): the class of the script's it derives from, or None when it derives from
    nothing but `object`; a class that derives from anything else (an imported class, two classes) is not
    in it. The classes form trees, each class numbered depth first (`first`) before the classes deriving
    from it, which are numbered up to `last`; `binders` has, by name, the classes whose body binds it, in
    that order. `open`: the classes some class the reader does not follow (decorated, with a metaclass,
    deriving from two classes) derives from, directly or not."""

    bases: dict[int, Scope | None] = field(default_factory=dict)
    first: dict[int, int] = field(default_factory=dict)
    last: dict[int, int] = field(default_factory=dict)
    binders: dict[str, list[tuple[int, Scope]]] = field(default_factory=dict)
    open: set[int] = field(default_factory=set)


def _place(entry: tuple[int, Scope]) -> int:
    return entry[0]


def _is_special(name: str) -> bool:
    """Whether a name is one of those Python itself uses (`__init__`, `__class__`)."""
    return name.startswith("__") and name.endswith("__")


@dataclass(frozen=True, slots=True)
class Held:
    """An object a name held when a value was built from it (`kw = {'network_config': net}`, `cfg = [net]`,
    `alias = net`): `obj`, the object as the value holds it, read through the name `node` of `scope` at
    `made`. The value holds the object itself, not a copy, so what the script does to it through the name
    afterwards is done to the value too (see `Flow._follow`)."""

    obj: ListV | DictV | Obj
    scope: Scope
    node: ast.Name
    made: Site


@dataclass(slots=True)
class Bound:
    """A call's arguments by the SDK's parameter names. `open`: a `*args` or `**kwargs` the reader cannot
    see into, so a parameter missing from `values` may be passed all the same."""

    values: dict[str, Value]
    open: bool


class Flow:
    """Evaluates expressions against the index. `budget` bounds the total work, so a file built to make
    every call read every change of a long list still costs time linear in its size.

    With `holes`, what the script does not state is a `HOLE` in the text built around it rather than
    unknown: `'https://management.core.windows.net/%s/services' % subscription` is a URL on that host whose
    first segment is not stated, where the evaluation of values proper knows nothing of it. So is a value
    whose text it does not state put in a text (`'<Configuration>%s</Configuration>' % base64.b64encode(
    data).decode()`, None, a list)."""

    def __init__(
        self, index: Index, budget: int, holes: bool = False, wanted: Callable[[Value], bool] | None = None
    ) -> None:
        self.index = index
        self.budget = budget
        self.holes = holes
        # Of a flow that asks what an attribute may hold rather than what it surely holds: the values it
        # looks for (see `_may_hold`); None for a flow that reads only what the script surely states.
        self.wanted = wanted
        # The bindings being read, by (scope, name, where the binding is made): `vnet = vnet + '-x'` reads
        # the binding before it, but a binding read again inside its own value is a cycle.
        self._active: set[tuple[int, str, Position]] = set()
        self._depth = 0
        # The values of names that hold a string, a number or an unknown, by (scope, name, site of the
        # read): a chain of names that each read the one before twice (`a2 = a1 + a1`) is evaluated once
        # per name, not once per path through it.
        self._plain: dict[tuple[int, str, Site], tuple[Value, tuple[int, ...]]] = {}
        # Evaluations cut short (past the budget or MAX_DEPTH, or a name read inside its own value): a
        # value found while one was cut may differ from the one a fresh evaluation finds, and is not kept.
        self._cuts = 0
        # The first expression left unread because the budget was spent (see `_evaluate`): the script is said
        # to be read only so far (`python_script`'s `VALUES_NOT_FOLLOWED`); None while the budget lasts.
        self.first_cut: ast.AST | None = None
        # The first expression that builds a string holding markup past MAX_BODY, read as unknown: said as a
        # part not read (`python_script`'s `VALUE_TOO_LONG`); None while none has.
        self.first_long: ast.AST | None = None
        # The work done inside calls of the script's own functions has a budget of its own: a script that
        # calls one a million times, or functions that call each other in a chain, costs no more than it,
        # and past it a call is unknown while the rest of the script reads as it would without calls.
        self.call_budget = budget
        self._calling: list[Function] = []  # the calls being followed, the outermost first
        self._positions: dict[tuple[int, str], list[Position]] = {}  # see `_passed`
        self._harmless_calls: dict[int, bool] = {}  # see `_harmless`
        self._callers: dict[int, list[Frame | None] | None] = {}  # see `_caller_frames`
        self._call_sites: dict[int, CallSite] = {}  # the calls frames are made for, by id(node) (`_frames`)
        # Whether a loop surely breaks, by (loop, frame), with the frame kept so that its id is not reused.
        self._broken: dict[tuple[int, int], tuple[Frame | None, bool]] = {}
        self._raising: list[Function] = []  # the functions `raises` is reading a call of, outermost first
        self._own_calls: dict[int, list[Exit]] = {}  # see `_calls_out`, by the id of the scope
        self._ending_left: dict[int, int] = {}  # see `_ending_work`, by the id of the scope
        self._raising_names: frozenset[str] | None = None  # see `_may_raise`
        self._raised: dict[tuple[int, int, Path], tuple[Frame | None, bool]] = {}  # see `raises`
        # The choices met that neither the script nor the path of the read decides, in the order met (see
        # `alternatives`), once or more each.
        self._open: list[int] = []
        self._imported = False  # `__name__` read as an imported module's (see `_runs_imported`)
        # The option the tests of a choice decide, by (choice, frame, path), with the frame kept as above.
        self._decisions: dict[tuple[int, int, Path], tuple[Frame | None, int]] = {}
        self._if_keys: dict[int, int] = {}  # the key of each `if`'s choice, by id(node) (see `if_options`)
        self._ordered: dict[tuple[int, str], list[Binding]] = {}  # see `_ordered_bindings`
        self._rebinding_blocks: dict[tuple[int, str], frozenset[int]] = {}  # see `_loops_binding`
        self._guarding: dict[tuple[int, tuple[int, ...]], list[Guard]] = {}  # see `_guards`
        # The frames `same_value` tells reads apart by, kept by id so that no other frame takes the id.
        self._told_frames: dict[int, Frame] = {}
        # Whether the parts of the object a name holds stay what they were, by (scope, name, how many parts
        # deep, the attribute read first): worked out once, however many calls read a part of it.
        self._parts_kept: dict[tuple[int, str, int, str | None], bool] = {}
        self._reached_sets: dict[int, frozenset[str]] = {}  # see `_sets_reached`
        self._instances_made: dict[int, bool] = {}  # see `_may_make_two_instances`
        self._names_of: dict[int, tuple[frozenset[str], frozenset[str]]] = {}  # see `_function_names`
        self._class_tree: _Classes | None = None  # see `_classes`
        self._supplied: dict[tuple[int, str], tuple[Scope | None, ...]] = {}  # see `_supplier`
        # The frames of the `__init__` calls that make instances, by (call, frame and path it is read in),
        # with that frame kept so that its id is not reused, and the choices its reading met (see
        # `_init_frame`).
        self._init_frames: dict[
            tuple[int, int, Path], tuple[Frame | None, Frame | None, tuple[int, ...]]
        ] = {}
        self._class_names: frozenset[str] | None = None  # see `_bound_in_a_class`
        # The call each read of a property stands for, by id(read) (see `_getter_value`).
        self._getter_calls: dict[int, ast.Call] = {}
        self._tuples: dict[int, tuple[str, ...] | None] = {}  # the fields of named tuples, by id(definition)
        self._tuple_names: frozenset[str] | None = None  # see `_may_be_field`
        self._any_field = False  # a named tuple's fields are not written out: any name may be one
        # For each name being read whose value is a list, a dict or a model object, the objects its value
        # holds that other names hold too (see `Held`), innermost read last.
        self._holding: list[list[Held]] = []
        self._last_change: dict[tuple[int, str], Position] = {}  # see `_changed_after`
        # The copies `_fresh` makes of a list, a dict or a model object, by id, each with its original (both
        # kept so that no other object takes either id), and the ids of the originals copied.
        self._copies: dict[int, tuple[Value, Value]] = {}
        self._copied: set[int] = set()
        self._reading: set[int] = set()  # the reads of a file being read back, by id (see `_read_back`)

    def _spent(self) -> bool:
        """Whether the budget is spent; what it cuts short is counted (see `_cuts`)."""
        if self.budget > 0:
            return False
        self._cuts += 1
        return True

    def unknown(self, node: ast.AST | None) -> Unknown:
        return Unknown("", node)

    def value(self, node: ast.expr, site: Site) -> Value:
        found = self._evaluate(node, site)
        return Lit(HOLE, node) if self.holes and isinstance(found, Unknown) else found

    def _evaluate(self, node: ast.expr, site: Site) -> Value:
        self.budget -= 1
        if isinstance(node, ast.Constant):
            return _constant(node, self)  # a literal is read even past the budget: it is only a literal
        if self.budget <= 0 or self._depth > MAX_DEPTH:
            self._cuts += 1
            if self.budget <= 0 and self.first_cut is None:
                self.first_cut = node
            return self.unknown(node)
        self._depth += 1
        try:
            found = self._value(node, site)
        finally:
            self._depth -= 1
        option = left_out(node)  # `args.vnet`, None unless the caller gives `--vnet`
        return (
            replace(found, may_be_none=True, unset=option) if option and isinstance(found, Unknown) else found
        )

    def _value(self, node: ast.expr, site: Site) -> Value:
        if isinstance(node, ast.Constant):
            return _constant(node, self)
        if isinstance(node, _Part):
            whole = self.value(node.value, site)
            fits = isinstance(whole, ListV) and whole.complete and len(whole.items) == node.width
            return whole.items[node.index] if fits and isinstance(whole, ListV) else self.unknown(node)
        if isinstance(node, ast.JoinedStr):
            return self._f_string(node, site)
        if isinstance(node, ast.Name):
            return self._name(node, site)
        if isinstance(node, (ast.List, ast.Tuple)):
            return self._list(node, site)
        if isinstance(node, ast.Dict):
            return self._dict(node, site)
        if isinstance(node, ast.Call):
            return self._call(node, site)
        if isinstance(node, ast.Attribute):
            return self._attribute_value(node, site)
        if isinstance(node, ast.BoolOp):
            return self._either(node, site)
        if isinstance(node, ast.ListComp):
            return self._comprehension(node, site)
        if isinstance(node, ast.IfExp):
            choice = self.index.expression_choices.get(id(node))
            taken = self._chosen(choice, site) if choice is not None else None
            if taken is None:
                return self.unknown(node)
            return self.value(node.body if taken == 0 else node.orelse, site)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = (
                self._joinable(self.value(node.left, site)),
                self._joinable(self.value(node.right, site)),
            )
            if isinstance(left, Lit) and isinstance(right, Lit):
                # Said where it is too long (`first_long`); `_joined` then makes none.
                self._built_too_long(node, len(left.text) + len(right.text), (left.text, right.text))
                return self._paid(_joined(left, right, node) or self.unknown(node))
            return _concatenated(left, right, node) or self.unknown(node)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            return self._percent(node, site)
        if isinstance(node, ast.Subscript):
            container, key = self.value(node.value, site), literal(self.value(node.slice, site))
            if isinstance(container, DictV) and key is not None and key in container.items:
                return container.items[key]
            if isinstance(container, ListV) and container.complete and isinstance(node.slice, ast.Slice):
                return self._slice(container, node.slice, node)
            position = _position(node.slice)
            if (
                isinstance(container, ListV)
                and container.complete
                and position is not None
                and -len(container.items) <= position < len(container.items)
            ):
                return container.items[position]  # `VMS[0]` of a list known in full
        return self.unknown(node)

    def _slice(self, container: ListV, part: ast.Slice, node: ast.expr) -> Value:
        """`items[1:]`, `items[:2]` of a list known in full, with bounds written as whole numbers."""
        bounds = _slice_bounds(part)
        if bounds is None or bounds[2] == 0:
            return self.unknown(node)  # not written out, or a ValueError
        return ListV(container.items[bounds[0] : bounds[1] : bounds[2]], True, node)

    def _name(self, node: ast.Name, site: Site) -> Value:
        name = node.id
        unknown = Unknown(name, node)
        scope = lookup(name, site.scope, self.index.module)
        if scope is None:
            return unknown
        bindings = scope.bindings[name]
        passed = self._passed(name, scope, bindings, site)
        if passed is not None:
            binding = passed[1]
        else:
            found = bindings[0] if len(bindings) == 1 else self._reaching(name, scope, site)
            # A parameter no followed call passes, read where no binding of the body reaches on the path
            # (`if name == "x": network = "appvnet"` not taken): its default may hold.
            if found is not None and found is bindings[0] and name in scope.params:
                if name in scope.none_defaults:
                    return Unknown(name, node, may_be_none=not self._proves_set(name, node, scope, site))
                if self.holes and name in scope.api_defaults:
                    return Lit(scope.api_defaults[name], node)
            if found is not None and found.value is None and len(bindings) == 1:
                return self._class_named(node, scope, found, site) or unknown
            if found is None or found.value is None:
                return unknown
            binding = found
        same = scope is site.scope
        # A comprehension's variable is bound after its item, as written, but before it is read.
        if same and binding.at >= site.at and not (passed is not None and passed[2]):
            return unknown
        active = (id(scope), name, binding.at)
        if active in self._active:
            self._cuts += 1
            return unknown
        inner = site if same else Site(scope, END, (), site.frame, site.path)
        self._active.add(active)
        try:
            held: list[Held] = []
            self._holding.append(held)
            try:
                if passed is not None:
                    value = self._fresh(passed[0])
                else:
                    assert binding.value is not None
                    # Read where the binding is made: `vnet = name` holds what `name` holds there, whatever
                    # the script binds `name` to afterwards.
                    made = Site(scope, binding.made, binding.chain, site.frame, site.path)
                    value = self._bound(scope, name, binding.value, made)
            finally:
                self._holding.pop()
            if isinstance(value, Unknown):  # placed where the call reads it, not where the value is made
                return _placed(value, unknown)
            if not isinstance(value, (ListV, DictV, Obj)):
                return value  # strings and numbers do not change
            events = self._own_events(value, scope.events.get(name, ()), held, inner)
            changed = self._changed(value, events, binding, inner) if events is not None else None
            followed = self._follow(changed, held, inner) if changed is not None else None
        finally:
            self._active.discard(active)
        if followed is None:
            return unknown
        if same and self._holding:
            self._hold(followed, held, node, site)
        return followed

    def _hold(self, value: Value, held: list[Held], node: ast.Name, site: Site) -> None:
        """Tell the read around this one, which builds a value of its own from `value` (`kw = {'net': net}`),
        which objects it then holds that names hold too: those `value` holds, changed up to `site` now,
        and `value` itself when the script may change it through `node`'s name after `site`."""
        around = self._holding[-1]
        around.extend(replace(each, made=site) for each in held if each.scope is site.scope)
        if isinstance(value, (ListV, DictV, Obj)) and self._changed_after(site.scope, node.id, site.at):
            around.append(Held(value, site.scope, node, site))

    def _own_events(
        self, value: Value, events: Sequence[Event], held: list[Held], site: Site
    ) -> Sequence[Event] | None:
        """The changes made to the object a name holds up to `site`: `events`, made through the name, and,
        when the name was bound to another that holds the object too (`alias = net`), those made through
        that one after, in the order they are written. Those are taken out of `held`; None when the object
        may be let go, or replaced, through the other name."""
        for each in [each for each in held if each.obj is value]:
            held.remove(each)
            if not self._changed_later(each, site):
                continue
            more = self._events_since(each, site)
            if more is None:
                return None
            events = sorted([*events, *more], key=_when)
        return events

    def _follow(self, value: Value, held: list[Held], site: Site) -> Value | None:
        """`value`, whose reading met the objects `held`, with what the script does to each of them through
        the name it was read by between that read and `site` (`net.subnet_names.append('front')` after `kw =
        {'network_config': net}`); an object the script lets go, or changes past knowing, is unknown in
        the value. None when the value is unknown in all."""
        for each in held:
            if not self._changed_later(each, site):
                continue
            changed = self._since(each, site)
            # A function the object was passed to reads a copy of it (see `_fresh`), which a value it
            # returns may hold (`kw = base_kwargs(net)`): the changes are not made to that copy.
            copies = id(each.obj) in self._copied and self._changed_since(each, site)
            if changed is each.obj and not copies:
                continue
            if value is each.obj and changed is not each.obj:
                return None
            replacement = self.unknown(each.node)
            if not self._swap(value, each.obj, replacement, changed is each.obj):
                return None
        return value

    def _changed_since(self, held: Held, site: Site) -> bool:
        """Whether the script may change the object `held`, or let it go, through its name after it was
        read and before `site`."""
        events = self._events_since(held, site)
        return events is None or any(event.at > held.made.at for event in events)

    def _copy_of(self, value: Value, original: Value) -> bool:
        """Whether `value` is a copy `_fresh` made of `original`, or of a copy of it, and so on."""
        found = self._copies.get(id(value))
        while found is not None and found[0] is value:
            if found[1] is original:
                return True
            value = found[1]
            found = self._copies.get(id(value))
        return False

    def _since(self, held: Held, site: Site) -> Value | None:
        """The object `held` with the changes made to it through its name after it was read and before
        `site` (see `_events_since`); None when it escapes or may be another object by then."""
        events = self._events_since(held, site)
        if events is None:
            return None
        made = held.made
        return self._changed(held.obj, events, Binding(None, made.at, made.chain), site)

    def _events_since(self, held: Held, site: Site) -> list[Event] | None:
        """The changes made through the name of `held` after it was read, up to where the name is bound
        again before `site`; None when a binding that may or may not run comes between and the object is
        changed after it."""
        name, made = held.node.id, held.made
        events = [
            event
            for event in held.scope.events.get(name, ())
            # The read itself stores the object (`alias = net`): no escape, the value is where it goes.
            if not (event.kind == "escape" and event.at == _at(held.node))
        ]
        ordered = self._ordered_bindings(held.scope, name)
        first = bisect.bisect_right(ordered, made.at, key=lambda binding: binding.at)
        if first < len(ordered) and ordered[first].at < site.at:
            again = ordered[first]  # from here on, the name may hold another object
            later = [event for event in events if again.at < event.at < site.at]
            if later and self._on_path(again.chain, site) is not True:
                return None
            events = [event for event in events if event.at < again.at]
        return events

    def _changed_later(self, held: Held, site: Site) -> bool:
        """Whether what the script does through the name of `held` after it was read may change it for
        `site`: a read in the same scope, of a name the script changes after that read."""
        return held.scope is site.scope and self._changed_after(held.scope, held.node.id, held.made.at)

    def _changed_after(self, scope: Scope, name: str, at: Position) -> bool:
        """Whether the script changes (or lets go) the object `name` holds anywhere after `at`."""
        key = (id(scope), name)
        last = self._last_change.get(key)
        if last is None:
            last = self._last_change[key] = max((e.at for e in scope.events.get(name, ())), default=(0, 0))
        return last > at

    def _swap(self, value: Value, old: Value, new: Value, copies_only: bool = False) -> bool:
        """Put `new` in `value` where it holds the object `old` or a copy of it (only a copy with
        `copies_only`), in place; False past the budget."""

        def swapped(item: Value) -> Value:
            if item is old and not copies_only:
                return new
            return new if item is not old and self._copy_of(item, old) else item

        pending = [value]
        while pending:
            if self._spent():
                return False
            self.budget -= 1
            current = pending.pop()
            if isinstance(current, ListV):
                current.items = [swapped(item) for item in current.items]
                pending.extend(current.items)
            elif isinstance(current, (DictV, Obj)):
                items = current.items if isinstance(current, DictV) else current.attrs
                for key, item in items.items():
                    items[key] = swapped(item)
                pending.extend(items.values())
            elif isinstance(current, Encoded):
                current.inner = swapped(current.inner)
                pending.append(current.inner)
        return True

    def _passed(
        self, name: str, scope: Scope, bindings: list[Binding], site: Site
    ) -> tuple[Value, Binding, bool] | None:
        """The value a frame of `site` gives `name` (of `scope`), with the binding the frame stands for: a
        parameter bound nowhere else in its function, or a loop's (or a list comprehension's) variable bound
        nowhere else in it (and nowhere else at all when read from another scope, a function the loop
        calls); and whether it is a comprehension's."""
        frame = site.frame
        while frame is not None and not (frame.scope is scope and name in frame.values):
            frame = frame.outer
        if frame is None:
            return None
        loop = frame.loop
        span = (loop.at, loop.end) if loop is not None else frame.span
        if span is None or scope is not site.scope:
            return (frame.values[name], bindings[0], False) if len(bindings) == 1 else None
        key = (id(scope), name)
        positions = self._positions.get(key)
        if positions is None:  # sorted once per name: a name many loops bind is looked up, not scanned
            positions = self._positions[key] = sorted(binding.at for binding in bindings)
        first = bisect.bisect_left(positions, span[0])
        if bisect.bisect_left(positions, span[1]) - first != 1:
            return None
        # A counted `while`'s counter holds the turn's value from the top of its body, stepped at its end.
        at = loop.at if loop is not None and loop.counted else positions[first]
        return frame.values[name], Binding(None, at), frame.span is not None

    def bound(self, node: ast.Name, site: Site) -> tuple[ast.expr, Site] | None:
        """The expression a name read at `site` was bound to (its one binding, or the one that reaches the
        read, `_reaching`), with where that expression is read; None where no binding before the read is
        known or the reader does not follow it."""
        scope = lookup(node.id, site.scope, self.index.module)
        if scope is None:
            return None
        bindings = scope.bindings[node.id]
        found = bindings[0] if len(bindings) == 1 else self._reaching(node.id, scope, site)
        if found is None or found.value is None or (scope is site.scope and found.at >= site.at):
            return None
        return found.value, Site(scope, found.made, found.chain, site.frame, site.path)

    def _reaching(self, name: str, scope: Scope, site: Site) -> Binding | None:
        """The binding a read at `site` sees of a name bound more than once in its own scope: the last one
        before it that runs on the site's path (`_on_path`): in the blocks around the read (`vnet = ''` then
        `vnet = 'prod-vnet'`), on the branches of an `if` (`if win: ext = A` `else: ext = B`) or in a `try`
        and its handlers. None when one that may or may not run there comes first (the choice it is on is
        noted, see `alternatives`), when one is in a loop the read is not in, and when the read is in a loop
        that binds the name again after it (a later turn reads that)."""
        if scope is not site.scope:
            return None
        ordered = self._ordered_bindings(scope, name)
        after = bisect.bisect_left(ordered, site.at, key=lambda binding: binding.at)
        # Bindings after the read are all outside the loops around it once the first one is.
        if after < len(ordered) and self.in_loop(_shared(ordered[after].chain, site.chain)):
            return None
        for at in range(after - 1, -1, -1):
            if self._spent():
                return None
            self.budget -= 1
            runs = self._on_path(ordered[at].chain, site)
            if runs is None:
                return None
            if runs:
                return ordered[at]
        return None

    def _fresh(self, value: Value) -> Value:
        """A copy of a value a frame holds, for one read: what the function or the loop changes in the
        object it reads is changed in the copy (as `_bound` builds a list afresh for each read)."""
        self.budget -= 1
        copy: Value
        if isinstance(value, ListV):
            copied = [self._fresh(item) for item in value.items]
            copy = ListV(copied, value.complete, value.node, value.fields)
        elif isinstance(value, DictV):
            items = {key: self._fresh(item) for key, item in value.items.items()}
            copy = DictV(items, value.complete, value.node)
        elif isinstance(value, Obj):
            copy = Obj(value.cls, {key: self._fresh(item) for key, item in value.attrs.items()}, value.node)
        else:
            copy = value
        if copy is not value:
            self._copies[id(copy)] = (copy, value)
            self._copied.add(id(value))
            return copy
        if isinstance(value, Encoded):
            return Encoded(self._fresh(value.inner), value.node)
        return value

    def _changed(self, value: Value, events: Sequence[Event], binding: Binding, site: Site) -> Value | None:
        """`value` with the changes `events` make to it before `site` reads it; None when one lets it
        escape. The changes made in the body of a loop that has ended before the read, over items the
        script writes out, are made turn by turn (`for s in ['front', 'back']: net.subnet_names.append(s)`)."""
        at = 0
        while at < len(events):
            event = events[at]
            certain = self._certainty(event, binding, site)
            if certain is None:
                at += 1
                continue
            if (event.kind == "escape" and not self._harmless(event)) or self._spent():
                return None
            if event.kind == "escape":
                at += 1  # passed to a function that only reads it: nothing changes
                continue
            loop = None if certain else self._ended_loop(event, binding, site)
            if loop is None:
                value = self._apply(value, event, certain, site)
                at += 1
                continue
            run = [event]  # the changes this loop's body makes, in the order they are written
            at += 1
            while at < len(events) and self._ended_loop(events[at], binding, site) is loop:
                run.append(events[at])
                at += 1
            if any(change.kind == "escape" and not self._harmless(change) for change in run):
                return None
            turns = self._turns(loop, site.frame)
            run = [change for change in run if change.kind != "escape"]
            for turn in turns if turns is not None else [None]:
                for change in run:
                    if self._spent():
                        return None
                    self.budget -= 1  # every read replays the loop's changes: charged as it goes
                    at_turn = site if turn is None else replace(site, frame=turn)
                    value = self._apply(value, change, turn is not None, at_turn)
        return value

    def _harmless(self, event: Event) -> bool:
        """Whether an escape is a name passed as it is to a function the script defines (`net(vm)`) whose
        parameter is only read there: never bound again, changed or passed on. Worked out once per call."""
        call = event.value
        if not isinstance(call, ast.Call) or not isinstance(call.func, (ast.Name, ast.Attribute)):
            return False
        found = self._harmless_calls.get(id(call))
        if found is None:
            found = self._harmless_calls[id(call)] = self._reads_arguments(call, event.scope)
        return found

    def _reads_arguments(self, call: ast.Call, scope: Scope) -> bool:
        """Whether a call of a function the script defines (or of a method of a class it defines, see
        `method`) only reads every name it is passed as it is."""
        called = self._called(call, scope)
        if called is None:
            return False
        function, signature = called
        inner = function.scope
        passed = _parameters(call, signature)
        self.budget -= len(passed)
        if any(isinstance(arg, ast.Starred) for arg in call.args):
            return False
        for param, arg in passed:
            if not isinstance(arg, ast.Name):
                continue
            if param is not None and param not in signature.keywords | set(signature.positional):
                param = signature.kwarg  # an item of the function's `**kwargs`, as the table is read
            if (
                param is None
                or param in inner.events
                or param in inner.declared
                or len(inner.bindings.get(param, ())) != 1
            ):
                return False
        return True

    def _called(self, call: ast.Call, scope: Scope) -> tuple[Function, Signature] | None:
        """The function the script defines that a call read in `scope` runs, with the parameters it is
        called with: one bound once under a plain name (`net(vm)`), or a method of a class the script
        defines on an instance of it (`d.show(vm)`, see `method`). None for any other call."""
        if isinstance(call.func, ast.Name):
            name = call.func.id
            outer = lookup(name, scope, self.index.module)
            function = outer.functions.get(name) if outer is not None else None
            if outer is None or function is None or len(outer.bindings[name]) != 1:
                return None
            return function, function.signature
        method = self.method(call, scope)
        if method is None or method.on_instance is None:
            return None
        return method, method.on_instance

    def _ended_loop(self, event: Event, binding: Binding, site: Site) -> Loop | None:
        """The loop whose body makes the change `event`, when every turn of it runs that change (it is not
        under a condition of the body, and no turn ends early), between the binding and the read."""
        if event.scope is not site.scope or not event.chain:
            return None
        loop = self.index.loops.get(event.chain[-1])
        if loop is None or not loop.plain or loop.scope is not site.scope:
            return None
        if event.chain[:-1] != loop.chain or site.chain[: len(loop.chain)] != loop.chain:
            return None  # under a condition of the body, or the read is where the loop may not have run
        return loop if binding.at < loop.at and loop.end <= site.at else None

    def turns(self, call: CallSite, start: Site | None = None) -> list[Site]:
        """The sites to read a call at: one for each turn of the loops around it that go over items the
        script writes out (`for name in ('web', 'app'):`), each loop's variables bound to its item; the
        call's own site when there are none, or more than MAX_TURNS in all; no site when such a loop goes
        over no items, so the call never runs. A loop whose items are not known is left as it is: its
        variables are unknown. So is one that a `break` or a `return` may end at its first item (a retry
        over names until one is free): the call runs for one of its items, or a few, not certainly all.
        `start`: the call's site in a frame of its own (a call of the function it is in, see `callers`),
        whose turns are read in that frame."""
        if self.idle(call):
            return []
        sites = [start or site_of(call)]
        for block in call.chain:
            loop = self.index.loops.get(block)
            if loop is None or loop.scope is not call.scope:
                continue
            taken: list[Site] = []
            for site in sites:
                turns = self._turns(loop, site.frame)
                if turns is None or len(taken) + len(turns) > MAX_TURNS or (turns and loop.ends):
                    break
                taken.extend(Site(call.scope, call.at, call.chain, turn) for turn in turns)
            else:
                sites = taken
            if not sites:
                return []
        for node, consumer in call.comprehensions:
            if consumer and lookup(consumer, call.scope, self.index.module) is not None:
                break  # the script's own `list`: what it does with the items is not known
            taken = []
            for site in sites:
                found = self._comprehension_frames(node, site)
                if found is None or not found[1] or len(taken) + len(found[0]) > MAX_TURNS:
                    break
                taken.extend(Site(call.scope, call.at, call.chain, frame) for frame in found[0])
            else:
                sites = taken
            if not sites:
                return []
        return [site for site in sites if self.runs(site) is not False]

    def idle(self, call: CallSite) -> bool:
        """Whether a call waits in a generator expression that nothing iterates, so never runs: one its
        statement drops, or binds to a name the script never reads."""
        return call.unconsumed is not None and not self.index.loads.get(call.unconsumed, 0)

    def callers(self, call: CallSite) -> list[Site]:
        """The sites to read a call in one of the script's own functions at: one for each call of that
        function (and each turn of the loops around the call over items the script writes out), its
        parameters bound to what the call passes (`set_acl(sms, 'shop', 'web01')`), and so on out through
        the functions those calls are in. The call's own site, its parameters unknown, when the function
        may be called otherwise (its name read other than to call it, a call the parameters cannot take,
        recursion) or from more than MAX_TURNS places. No site where the call surely does not run: under a
        test decided against it, after a `return` or `sys.exit()` that surely runs, or in a function called
        only from code that never runs (a loop over no items among them)."""
        frames = self._caller_frames(call.scope, 0)
        if frames is None or frames == [None]:
            sites = [site_of(call)]
        else:  # no frames: every call of the function is in code that never runs
            sites = [Site(call.scope, call.at, call.chain, frame) for frame in frames]
        return [site for site in sites if self.runs(site) is not False]

    def runs_once(self, scope: Scope) -> bool:
        """Whether the code of `scope` runs at most once when the script runs: the module's, and a
        function's called from one place only, outside loops, in code that runs at most once itself (the
        `main()` a script ends with)."""
        if scope.function is None:
            return scope.kind == "module"
        only = self._only_call(scope)
        return only is not None and self.runs_once(only.scope)

    def only_frame(self, scope: Scope) -> Frame | None:
        """The frame of the one call of the function whose body is `scope`, when it is called from one
        place only, outside loops; None otherwise, and at module level."""
        only = self._only_call(scope)
        frames = self._caller_frames(scope, 0) if only is not None else None
        return frames[0] if frames else None

    def only_call(self, scope: Scope) -> CallSite | None:
        """The one call of the function whose body is `scope`, when it is called from one place only,
        outside loops; None otherwise, and at module level."""
        return self._only_call(scope)

    def only_instance_call(self, scope: Scope) -> CallSite | None:
        """For the body of the `__init__` of a class the script defines, which Python runs when the class
        is called: the one call of the class that makes its instances (`Deployer('sub')`), when its name is
        bound once and read nowhere but in that call (no class derives from it, nothing passes it on);
        None otherwise."""
        function = scope.function
        cls = function.outer if function is not None else None
        if function is None or cls is None or cls.kind != "class" or function.node.name != "__init__":
            return None
        calls = self.index.named_calls.get(cls.name, [])
        if (
            cls.parent is None
            or len(cls.parent.bindings.get(cls.name, [])) != 1
            or len(calls) != 1
            or self.index.loads.get(cls.name, 0) != 1
        ):
            return None
        return calls[0] if lookup(cls.name, calls[0].scope, self.index.module) is cls.parent else None

    def _only_call(self, scope: Scope) -> CallSite | None:
        """The one call of the function whose body is `scope` (see `only_frame`)."""
        frames = self._caller_frames(scope, 0)
        if scope.function is None or frames is None or len(frames) != 1 or frames[0] is None:
            return None
        call = frames[0].call
        site = self._call_sites.get(id(call)) if call is not None else None
        return site if site is not None and not self.in_loop(site.chain) else None

    def in_loop(self, chain: tuple[int, ...]) -> bool:
        """Whether a chain of blocks is within a loop, or in a block the reader cannot tell from one."""
        return any(block not in self.index.conditions for block in chain)

    def _caller_frames(self, scope: Scope, depth: int) -> list[Frame | None] | None:
        """The frames of the calls of the function whose body is `scope` ([None] at module level, where
        nothing is bound), worked out once for each function; None when they are not all known."""
        if scope.function is None:
            return [None] if scope.kind == "module" else None
        key = id(scope)
        if key not in self._callers:
            self._callers[key] = None  # a function reached again through its own calls: recursion
            # Worked out once, on no path: the choices its arguments meet are not those of the read that
            # asks first (see `alternatives`).
            saved, self._open = self._open, []
            try:
                self._callers[key] = self._frames_of_calls(scope.function, depth)
            finally:
                self._open = saved
        return self._callers[key]

    def _frames_of_calls(self, function: Function, depth: int) -> list[Frame | None] | None:
        """A frame for each time a call of `function` runs: for each call of it, in each frame of the code
        the call is in, and for each turn of the loops around the call over items the script writes out
        (`for vnet in ('front', 'back'): migrate(vnet, 'Prepare')`), its variables bound to the turn's item.
        When the turns would make more than MAX_TURNS frames, a loop's turns are not told apart (its
        variables unknown), as before they were."""
        calls = self._calls_of(function)
        if (
            depth >= MAX_CALL_DEPTH
            or function.generator
            or calls is None
            or any(call.scope is function.scope for call in calls)
            or not calls
        ):
            return None
        frames = self._frames(function, calls, depth, True)
        return frames if frames is not None else self._frames(function, calls, depth, False)

    def _frames(
        self, function: Function, calls: list[CallSite], depth: int, by_turn: bool
    ) -> list[Frame | None] | None:
        signature = function.on_instance if function.outer.kind == "class" else function.signature
        assert signature is not None  # a method without one has no calls (`_method_calls`)
        frames: list[Frame | None] = []
        for call in calls:
            outer_frames = self._caller_frames(call.scope, depth + 1)
            for frame in outer_frames if outer_frames is not None else [None]:
                start = Site(call.scope, call.at, call.chain, frame)
                if by_turn:
                    sites = self.turns(call, start)
                else:
                    sites = [start] if not self.idle(call) and self.runs(start) is not False else []
                for site in sites:
                    for passed in self._mapped(call.node, site):
                        values = self._arguments(function, passed, site, signature)
                        if values is None or len(frames) >= MAX_TURNS:
                            return None
                        frames.append(Frame(function.scope, values, site.frame, call=call.node, site=site))
                    self._call_sites[id(call.node)] = call
        return frames

    def _mapped(self, call: ast.Call, site: Site) -> list[ast.Call]:
        """The calls a call stands for: of a pool's map over lists not written out where it is made (see
        `_MapItem`), one with each item of the lists, zipped, where they are known in full at `site`
        (`def deploy_all(names): pool.map(deploy, names)` called with a written list); else itself."""
        items = [arg for arg in call.args if isinstance(arg, _MapItem)]
        if not items or len(items) != len(call.args):
            return [call]
        lists = [self.value(item.iterable, site) for item in items]
        widths = [len(found.items) for found in lists if isinstance(found, ListV) and found.complete]
        if len(widths) != len(lists) or min(widths) > MAX_TURNS:
            return [call]
        return [
            ast.Call(
                call.func,
                [_Part(item.iterable, at, width, item) for item, width in zip(items, widths, strict=True)],
                [],
            )
            for at in range(min(widths))
        ]

    def _calls_of(self, function: Function) -> list[CallSite] | None:
        """The calls of a function the script defines, by its name where it is seen (a method's, on an
        instance, see `_method_calls`); None when it may be called otherwise: its name bound again, or
        read other than to call it."""
        name, outer = function.node.name, function.outer
        if len(outer.bindings.get(name, [])) != 1:
            return None
        if outer.kind == "class":
            return self._method_calls(function)
        if self.index.loads.get(name, 0) != len(self.index.named_calls.get(name, [])):
            return None
        return [
            c
            for c in self.index.named_calls.get(name, [])
            if lookup(name, c.scope, self.index.module) is outer
        ]

    def _method_calls(self, function: Function) -> list[CallSite] | None:
        """The calls of a method of a class the script defines: each call of its name on an instance (see
        `_receiver`) that runs it (see `_suppliers`), whether of its class or of one deriving from it. None
        when its class is not followed, or when it may be called otherwise: its name read other than to be
        called (`d.add_vm` passed on), set anywhere, called on what may be an instance the reader does not
        tell (a parameter, an attribute set twice), on `self` where a class deriving from the method's
        class may override it, by its bare name in the class's body, or by Python itself (`__init__` runs
        at every call of the class)."""
        name, cls = function.node.name, function.outer
        sites = self.index.method_calls.get(name, [])
        by_name = self.index.named_calls.get(name, [])
        self.budget -= len(by_name)  # gone over for each method of the name: charged, as `sites` are
        if (
            function.on_instance is None
            or _is_special(name)
            or not self._followed(cls)
            or name in self.index.attribute_stores
            or self.index.attribute_loads.get(name, 0) != len(sites)
            or any(lookup(name, c.scope, self.index.module) is cls for c in by_name)
        ):
            return None
        calls = []
        for site in sites:
            if self._spent():
                return None
            self.budget -= 1
            func = site.node.func
            assert isinstance(func, ast.Attribute)
            instance = self._receiver(func.value, site.scope)
            suppliers = self._suppliers(instance, name) if instance is not None else None
            if instance is None or suppliers is None:
                return None
            if cls not in suppliers and not (not instance.exact and self._derives(cls, instance.cls)):
                continue  # another class's method runs
            if suppliers != [cls]:
                return None  # this method or another, by the class of the instance
            if instance.of_class and not function.decorator:
                return None  # `Deployer.add_vm(d, ...)`: the instance is an argument
            calls.append(site)
        return calls

    # --- methods of the script's own classes ------------------------------------------------------

    def method(self, call: ast.Call, scope: Scope) -> Function | None:
        """The method of a class the script defines that a call read in `scope` runs on an instance of it
        (see `_receiver` and `_suppliers`): `d.add_vm('gw01', ['nodes', 'edge'])` after `d = Deployer(...)`,
        `self.add_vm(...)` in another method of the class, `super().add_vm(...)` in a class deriving from
        it. None for any other call, for one that may run one method or another (by the class of `self`),
        and for a method whose name the script sets anywhere (`d.add_vm = other`)."""
        func = call.func
        if not isinstance(func, ast.Attribute) or func.attr in self.index.attribute_stores:
            return None
        instance = self._receiver(func.value, scope) or self._wrapped_self(func.value, scope)
        suppliers = self._suppliers(instance, func.attr) if instance is not None else None
        cls = suppliers[0] if suppliers is not None and len(suppliers) == 1 else None
        function = cls.functions.get(func.attr) if cls is not None else None
        if cls is None or function is None or len(cls.bindings[func.attr]) != 1 or function.getter:
            return None
        if instance is not None and instance.of_class and not function.decorator:
            return None  # `Deployer.add_vm(d, ...)`: the instance is an argument
        return function if function.on_instance is not None else None

    def _wrapped_self(self, receiver: ast.expr, scope: Scope) -> Instance | None:
        """The instance `self` holds in a method the reader does not follow because of its decorator (see
        `Scope.wrapped_method_of`), bound nowhere else in it: one of its class, as in an undecorated
        method. None for anything else."""
        if scope.wrapped_method_of is None or not isinstance(receiver, ast.Name):
            return None
        cls, first = scope.wrapped_method_of
        name = receiver.id
        if name != first or len(scope.bindings.get(name, ())) != 1 or name in scope.declared:
            return None
        return Instance(cls, False) if self._followed(cls) and self._closed(cls) else None

    def _receiver(self, receiver: ast.expr, scope: Scope) -> Instance | None:
        """The instance a method is called on where `scope` reads the call (see `_instance`), or the one
        `super()` stands for (see `_super`)."""
        if (
            isinstance(receiver, ast.Call)
            and isinstance(receiver.func, ast.Name)
            and receiver.func.id == "super"
        ):
            return self._super(receiver, scope)
        return self._instance(receiver, scope) or self._class_receiver(receiver, scope)

    def _class_receiver(self, receiver: ast.expr, scope: Scope) -> Instance | None:
        """The class a static or class method is called on where `scope` reads the call: a class the script
        defines, follows, and binds its name to once (`Deployer.add_vm(...)`), or the first parameter of a
        class method (`cls.add_vm(...)`), that class or any deriving from it (see
        `_class_of_class_method`)."""
        if not isinstance(receiver, ast.Name):
            return None
        owner = self._class_of_class_method(receiver, scope)
        if owner is not None:
            return Instance(owner, False, of_class=True)
        where = lookup(receiver.id, scope, self.index.module)
        if where is None or len(where.bindings[receiver.id]) != 1:
            return None
        cls = where.classes.get(receiver.id)
        return Instance(cls, True, of_class=True) if cls is not None and self._followed(cls) else None

    def _instance(self, node: ast.expr, scope: Scope) -> Instance | None:
        """The instance of a class the script defines, and follows (see `_followed`), that `node` holds
        where `scope` reads it: the first parameter of a method of the class, read in that method and bound
        nowhere else there (`self`), an instance of the class or of one deriving from it that the reader
        follows (see `_closed`); a call of the class (`Deployer(...)`), or a name bound once to one (`d =
        Deployer(...)`), an instance of that class; an attribute the script sets once, to a call of a class
        (see `_attribute`), of such an instance. None for anything else: another parameter, a name bound to
        what a function returns or bound twice."""
        if isinstance(node, ast.Attribute):
            holder = self._instance(node.value, scope)
            return self._attribute(holder, node.attr) if holder is not None else None
        if isinstance(node, ast.Call):
            return self._made(node, scope)
        if not isinstance(node, ast.Name):
            return None
        name = node.id
        own = self._own_class(name, scope)
        if own is not None:
            return Instance(own, False) if self._followed(own) and self._closed(own) else None
        where = lookup(name, scope, self.index.module)
        if where is None or name in self.index.declared_global or len(where.bindings[name]) != 1:
            return None
        made = where.bindings[name][0].value
        return self._made(made, where) if isinstance(made, ast.Call) else None

    def _made(self, call: ast.Call, scope: Scope) -> Instance | None:
        """The instance a call read in `scope` makes, when it calls a class the script defines and follows."""
        if not isinstance(call.func, ast.Name):
            return None
        name = call.func.id
        defined = lookup(name, scope, self.index.module)
        cls = defined.classes.get(name) if defined is not None else None
        return Instance(cls, True) if cls is not None and self._followed(cls) else None

    def _own_class(self, name: str, scope: Scope) -> Scope | None:
        """The class of the method whose body is `scope`, when `name` is its first parameter (`self`),
        bound nowhere else in it."""
        function = scope.function
        if (
            function is None
            or function.outer.kind != "class"
            or function.decorator
            or function.signature.positional[:1] != (name,)
            or len(scope.bindings.get(name, ())) != 1
            or name in scope.declared
        ):
            return None
        return function.outer

    def _attribute(self, holder: Instance, attr: str) -> Instance | None:
        """The instance an attribute of `holder` holds: the script sets the attribute in one place only, to
        a call of a class it defines and follows (`self.deployer = Deployer(...)`), so that wherever it is
        set, it holds an instance of that class; and no class the instance may be of has a class attribute
        of that name. None when the script may set attributes by name (`setattr`, `__dict__`), and for the
        attributes Python itself sets (`__class__`)."""
        if (
            _is_special(attr)
            or self.index.attribute_stores.get(attr) != 1
            or attr not in self.index.attribute_values
            or self._sets_by_name()
        ):
            return None
        stored = self.index.attribute_values[attr]
        if not isinstance(stored.value, ast.Call) or self._suppliers(holder, attr) != []:
            return None
        return self._made(stored.value, stored.scope)

    def attribute_call(self, node: ast.Attribute, scope: Scope) -> Stored | None:
        """The call an attribute of an instance of a class the script defines holds where `scope` reads it,
        as `_attribute` finds it, whatever that call makes (`self.client = rdfe_client(...)`, a class of a
        module beside the script): the script sets the attribute in one place only, to that call, and no
        class the instance may be of has a class attribute of that name. None for anything else."""
        holder = self._instance(node.value, scope)
        if (
            holder is None
            or _is_special(node.attr)
            or self.index.attribute_stores.get(node.attr) != 1
            or node.attr not in self.index.attribute_values
            or self._sets_by_name()
        ):
            return None
        stored = self.index.attribute_values[node.attr]
        return (
            stored
            if isinstance(stored.value, ast.Call) and self._suppliers(holder, node.attr) == []
            else None
        )

    def _sets_by_name(self) -> bool:
        """Whether the script may set attributes by a name the reader does not see written (`setattr`,
        `vars()`, `__dict__`, `__setattr__`)."""
        loads, attributes = self.index.loads, self.index.attribute_loads
        return bool(
            loads.get("setattr")
            or loads.get("vars")
            or attributes.get("__dict__", 0) > self.index.dicts_iterated
            or attributes.get("__setattr__")
        )

    def _super(self, call: ast.Call, scope: Scope) -> Instance | None:
        """What `super()` (or `super(Cls, self)`, naming the method's own class) stands for in a method of
        a class that derives from one other class of the script's: for the method a call on it runs, an
        instance of that other class, Python looking the method up past the method's own class. Only for a
        class no class the reader does not follow derives from (see `_closed`): one that derives from two
        classes changes where Python looks next."""
        function = scope.function
        first = function.signature.positional[:1] if function is not None else ()
        own = self._own_class(first[0], scope) if first else None
        if own is None or call.keywords or lookup("super", scope, self.index.module) is not None:
            return None
        if call.args:
            named = call.args[0] if len(call.args) == 2 else None
            instance = call.args[-1]
            if (
                not isinstance(named, ast.Name)
                or not isinstance(instance, ast.Name)
                or instance.id != first[0]
            ):
                return None
            where = lookup(named.id, scope, self.index.module)
            if where is None or where.classes.get(named.id) is not own:
                return None
        if not self._followed(own) or not self._closed(own):
            return None
        base = self._classes().bases.get(id(own))
        return Instance(base, True) if base is not None else None

    def _suppliers(self, instance: Instance, name: str) -> list[Scope | None] | None:
        """The classes whose body may supply the attribute `name` of an instance (the method a call on it
        runs), two at most: the first class in the order Python looks it up in (the instance's class, then
        the class of the script's it derives from, and so on) whose body binds the name, and, for an
        instance that may be of a class deriving from its class (`self`), the deriving classes whose body
        binds it too. None in the list stands for what the reader does not know: a base it does not follow,
        past which the name may be found. An empty list: no class supplies it. None when the budget is
        spent."""
        found = self._supplier(instance.cls, name)
        if found is None:
            return None
        if instance.exact:
            return list(found)
        return [*found, *self._overriders(instance.cls, name)][:2]

    def _supplier(self, cls: Scope, name: str) -> tuple[Scope | None, ...] | None:
        """The first class Python looks `name` up in, from `cls` on, whose body binds it: `(cls,)` or one
        of the classes it derives from, `()` for none, `(None,)` when a base the reader does not follow
        comes first; None when the budget is spent. Worked out once for each class and name, and for every
        class it walks through on the way: a chain of classes is walked once per name, not once per class."""
        bases = self._classes().bases
        walked: list[tuple[int, str]] = []
        current = cls
        while True:
            key = (id(current), name)
            found = self._supplied.get(key)
            if found is not None:
                break
            if self._spent():
                return None
            self.budget -= 1
            walked.append(key)
            base = bases.get(id(current), current)  # the class itself: a base the reader does not follow
            if name in current.bindings:
                found = (current,)
            elif base is current:
                found = (None,)
            elif base is None:
                found = ()
            else:
                current = base
                continue
            break
        for key in walked:
            self._supplied[key] = found
        return found

    def _overriders(self, cls: Scope, name: str) -> list[Scope]:
        """Two at most of the classes that derive from `cls`, directly or not, whose body binds `name`,
        found among those that bind it by their place in the tree of classes (see `_Classes`)."""
        classes = self._classes()
        first = classes.first.get(id(cls))
        binders = classes.binders.get(name, [])
        if first is None or not binders:
            return []
        self.budget -= 1
        low = bisect.bisect_right(binders, first, key=_place)
        high = bisect.bisect_right(binders, classes.last[id(cls)], key=_place)
        return [scope for _, scope in binders[low : min(high, low + 2)]]

    def _derives(self, cls: Scope, ancestor: Scope) -> bool:
        """Whether `cls` derives from `ancestor`, directly or not, as far as the reader follows both."""
        classes = self._classes()
        at, first = classes.first.get(id(cls)), classes.first.get(id(ancestor))
        return at is not None and first is not None and first < at <= classes.last[id(ancestor)]

    def _closed(self, cls: Scope) -> bool:
        """Whether every class that derives from `cls`, directly or not, is one the reader follows, deriving
        from one class only: then an instance that may be of any of them has its methods where
        `_suppliers` looks."""
        return id(cls) not in self._classes().open

    def _followed(self, cls: Scope) -> bool:
        """Whether the methods of a class the script defines are followed: its name is bound once where it
        is defined, and nothing is done to the class itself (an attribute set on it, the class passed where
        it may be changed or derived from)."""
        name, outer = cls.name, cls.parent
        return (
            outer is not None
            and outer.classes.get(name) is cls
            and len(outer.bindings.get(name, ())) == 1
            and name not in self.index.declared_global
            and not any(self._changes_class(event, cls) for event in outer.events.get(name, ()))
        )

    def _changes_class(self, event: Event, cls: Scope, depth: int = 0) -> bool:
        """Whether what is done to a class's name may change the class itself: the class let go or changed
        whole, or an attribute set on it (`Cls.send = other`). Not what is done to what one of its attributes
        holds (`log(Cls.__name__)`, `f(Cls.kind)`, `Cls.sites.append(s)`), which `_kept` tells of by the
        attribute's name; nor a call of one of its static or class methods (`Cls.deploy(...)`), whose body
        the reader reads (what it sets on `cls` is a store of the attribute's name); nor a second name a
        function gives the class and does nothing else with (`kind = Cls`), through which the class is only
        read."""
        if event.path:
            return event.kind == "set" and len(event.path) == 1
        method = cls.functions.get(event.method) if event.kind == "escape" and event.method else None
        if method is not None and method.decorator and len(cls.bindings[event.method]) == 1:
            return False
        return not self._read_only_alias(event, cls, depth)

    def _read_only_alias(self, event: Event, cls: Scope, depth: int) -> bool:
        """Whether an escape is the class given a second name in a function (`kind = Cls`), bound once there
        and not declared global or nonlocal, that nothing lets go and nothing that may change the class is
        done to (see `_changes_class`); a few names deep."""
        scope = event.scope
        if event.kind != "escape" or scope.kind != "function" or depth >= _MAX_CLASS_ALIASES:
            return False
        for alias, bindings in scope.bindings.items():
            value = bindings[0].value
            if isinstance(value, ast.Name) and _at(value) == event.at:
                return (
                    len(bindings) == 1
                    and alias not in scope.declared
                    and alias not in scope.lent
                    and not any(self._changes_class(e, cls, depth + 1) for e in scope.events.get(alias, ()))
                )
        return False

    def _classes(self) -> _Classes:
        """How the classes of the script derive from each other, worked out once for the file."""
        if self._class_tree is None:
            self._class_tree = self._derivations()
        return self._class_tree

    def _derivations(self) -> _Classes:
        """The tree of the classes the reader follows (see `_Classes`): each class the script defines is
        read with what it derives from, as its class statement names it."""
        classes = _Classes()
        children: dict[int, list[Scope]] = {}
        followed: list[Scope] = []
        derived_otherwise: list[Scope] = []
        for node, body in self.index.class_statements:
            outer = body.parent
            assert outer is not None
            named = [self._base_class(base, outer) for base in node.bases if not self._is_object(base, outer)]
            if self._followed(body):
                followed.append(body)
                if not named:
                    classes.bases[id(body)] = None
                elif len(named) == 1 and named[0] is not None and self._followed(named[0]):
                    classes.bases[id(body)] = named[0]
                    children.setdefault(id(named[0]), []).append(body)
            if id(body) not in classes.bases:
                derived_otherwise.extend(base for base in named if base is not None)
        self._number(classes, followed, children)
        # A class in a cycle of bases (each class statement naming the other) is in no tree: unknown.
        classes.bases = {key: base for key, base in classes.bases.items() if key in classes.first}
        for cls in derived_otherwise:  # and every class each derives from in turn
            current: Scope | None = cls
            while current is not None and id(current) not in classes.open:
                classes.open.add(id(current))
                current = classes.bases.get(id(current))
        return classes

    def _number(self, classes: _Classes, followed: list[Scope], children: dict[int, list[Scope]]) -> None:
        """Number the classes depth first from the ones that derive from no class the reader follows, each
        class before the classes that derive from it, and note the names each class's body binds."""
        count = 0
        roots = [cls for cls in followed if classes.bases.get(id(cls)) is None]
        for root in roots:
            stack: list[tuple[Scope, bool]] = [(root, False)]
            while stack:
                cls, left = stack.pop()
                if left:
                    classes.last[id(cls)] = count - 1
                    continue
                classes.first[id(cls)] = count
                for name in cls.bindings:
                    classes.binders.setdefault(name, []).append((count, cls))
                count += 1
                stack.append((cls, True))
                stack.extend((child, False) for child in reversed(children.get(id(cls), [])))

    def _base_class(self, base: ast.expr, outer: Scope) -> Scope | None:
        """The class of the script's a class statement in `outer` names as a base (None for anything else)."""
        if not isinstance(base, ast.Name):
            return None
        where = lookup(base.id, outer, self.index.module)
        return where.classes.get(base.id) if where is not None else None

    def _is_object(self, base: ast.expr, outer: Scope) -> bool:
        """Whether a base a class statement in `outer` names is Python's `object`."""
        return (
            isinstance(base, ast.Name)
            and base.id == "object"
            and lookup("object", outer, self.index.module) is None
        )

    # --- values held in attributes, classes, comprehensions and named tuples ------------------------

    def _attribute_value(self, node: ast.Attribute, site: Site) -> Value:
        """The value an attribute read gives: one an instance of a class the script defines holds (see
        `_instance_attribute`), one a class's body binds, read on the class (`Settings.SUBNETS`, or
        `settings.SUBNETS` of a parameter that holds it), or a field of a named tuple (`vm.subnets`).
        Unknown otherwise: what the reader does not follow of an object (`disk.media_link`), and anything
        read on a value it does not know, and, in a script that may set attributes by a name it does not
        write out (`setattr`), any attribute but a named tuple's field. What may hold the attribute is worked
        out only for a name the script sets on an attribute or binds in a class's body, or a field's:
        reading `cfg.name` of a large object costs nothing more than before."""
        attr = node.attr
        if _is_special(attr):
            return self.unknown(node)
        in_class = not self._sets_by_name() and self._bound_in_a_class(attr)
        got = self._getter_value(node, site) if in_class else None
        if got is not None:  # `self.base_url` of an `@property def base_url(self)`
            return got
        of_class = self._class_read_on(node.value, site) if in_class else None
        if of_class is not None:  # `type(self).VNET`, `self.__class__.VNET`
            holder = self._held(of_class, site)
            return self._instance_class_attribute(holder, node, site) if holder else self.unknown(node)
        if in_class or (self.index.attribute_stores.get(attr) and not self._sets_by_name()):
            holder = self._held(node.value, site)
            if holder is not None:
                return self._instance_attribute(holder, node, site)
        owner = self._class_of_class_method(node.value, site.scope) if in_class else None
        if owner is not None:  # `cls.HOST`: what the class, or one deriving from it, binds
            stored = self.index.attribute_stores.get(attr)
            return (
                self.unknown(node) if stored else self._instance_attribute(Instance(owner, False), node, site)
            )
        cls = self._class_held(node.value, site) if in_class else None
        if cls is not None:
            return self._class_attribute(cls, node, site)
        if not self._may_be_field(attr):
            return self.unknown(node)
        found = _field(self.value(node.value, site), attr)
        return found if found is not None else self.unknown(node)

    def _getter_value(self, node: ast.Attribute, site: Site) -> Value | None:
        """What a read of a property of an instance of a class the script defines gives (`self.base_url` of
        an `@property def base_url(self)`, `super(Cls, self).base_url` in a class deriving from it): what
        its getter returns, run on that instance as a method called on it is (see `method`). None when the
        name is no such property of the one class Python finds it in, or the script sets it anywhere or
        binds `property` to anything else."""
        attr = node.attr
        if self.index.attribute_stores.get(attr) or lookup("property", site.scope, self.index.module):
            return None
        instance = self._receiver(node.value, site.scope)
        suppliers = (
            self._suppliers(instance, attr) if instance is not None and not instance.of_class else None
        )
        cls = suppliers[0] if suppliers is not None and len(suppliers) == 1 else None
        getter = cls.functions.get(attr) if cls is not None else None
        if cls is None or getter is None or not getter.getter or len(cls.bindings[attr]) != 1:
            return None
        assert getter.on_instance is not None  # a method taking `self`
        call = self._getter_calls.get(id(node))
        if call is None:
            call = ast.copy_location(ast.Call(func=node, args=[], keywords=[]), node)
            self._getter_calls[id(node)] = call
        return self._result(getter, call, site, getter.on_instance)

    def _class_read_on(self, node: ast.expr, site: Site) -> ast.expr | None:
        """The object whose class an expression reads (`self` of `type(self)`, Python's own `type`, or of
        `self.__class__`); None for any other expression."""
        if isinstance(node, ast.Attribute) and node.attr == "__class__":
            return node.value
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "type"
            and len(node.args) == 1
            and not isinstance(node.args[0], ast.Starred)
            and not node.keywords
            and lookup("type", site.scope, self.index.module) is None
        ):
            return node.args[0]
        return None

    def _instance_class_attribute(self, holder: Instance, node: ast.Attribute, site: Site) -> Value:
        """An attribute read on the class of an instance of a class the script defines (`type(self).VNET`):
        what the body of the first class Python finds it in binds, the class of the instance or one it
        derives from, as for `self.VNET` of a name the script sets on no instance (see `_suppliers`)."""
        suppliers = self._suppliers(holder, node.attr)
        if suppliers is None or len(suppliers) != 1 or suppliers[0] is None:
            return self.unknown(node)
        return self._class_value(suppliers[0], node, site)

    def _class_held(self, node: ast.expr, site: Site) -> Scope | None:
        """The class of the script's a name read at `site` holds: the class it names (see `_class_named`),
        or the one a frame gives it (a parameter whose default is the class). Told without reading what
        any other name holds."""
        if not isinstance(node, ast.Name):
            return None
        scope = lookup(node.id, site.scope, self.index.module)
        if scope is None:
            return None
        bindings = scope.bindings[node.id]
        passed = self._passed(node.id, scope, bindings, site)
        if passed is not None:
            return passed[0].cls if isinstance(passed[0], ClassV) else None
        named = self._class_named(node, scope, bindings[0], site) if len(bindings) == 1 else None
        return named.cls if named is not None and bindings[0].value is None else None

    def _class_of_class_method(self, node: ast.expr, scope: Scope) -> Scope | None:
        """The class the first parameter of a class method (`cls`) holds where the method's body (`scope`)
        reads it, bound nowhere else there: the class that defines the method, followed, or any class
        deriving from it, all followed (see `_closed`)."""
        method = scope.class_method_of
        if not isinstance(node, ast.Name) or method is None:
            return None
        owner, first = method
        if (
            node.id != first
            or len(scope.bindings.get(first, ())) != 1
            or first in scope.declared
            or not self._followed(owner)
            or not self._closed(owner)
        ):
            return None
        return owner

    def _instance_attribute(self, holder: Instance, node: ast.Attribute, site: Site) -> Value:
        """An attribute of an instance of a class the script defines: the value it surely holds (see
        `_held_value`), or, in a flow that looks for what it may hold (`wanted`), one of the values it may
        hold that is wanted, when it surely holds none (see `_may_hold`)."""
        value = self._held_value(holder, node, site)
        if self.wanted is None or not isinstance(value, Unknown):
            return value
        found = self._may_hold(holder, node, site)
        return found if found is not None else value

    def _may_hold(self, holder: Instance, node: ast.Attribute, site: Site) -> Value | None:
        """The first value the flow wants (`wanted`) among those an attribute of an instance may hold:
        what the bodies of its classes bind the name to, and what the methods of those classes set it to
        on their first parameter, wherever they do (a class's `url = ''` and its `__init__`'s `self.url =
        'https://management.core.windows.net/...'`: a request sent to `self.url` may go to the API). The
        `__init__` that makes the instance is read with the arguments of the call that makes it when the
        reader knows it, other methods with their parameters unknown. None when no value is wanted, and in
        a script that may set attributes by name."""
        attr = node.attr
        if _is_special(attr) or self._sets_by_name():
            return None
        init = self._initializer(holder)
        for stored in self.index.attribute_sets.get(attr, [])[:MAX_CANDIDATES]:
            target = stored.target.value
            own = self._own_class(target.id, stored.scope) if isinstance(target, ast.Name) else None
            if own is None or not self._related(own, holder.cls):
                continue
            frame = (
                self._init_frame(holder, init) if init is not None and init.scope is stored.scope else None
            )
            value = self._candidate(
                stored.value, Site(stored.scope, stored.at, stored.chain, frame, site.path)
            )
            if value is not None:
                return value
        for cls in self._suppliers(holder, attr) or []:
            found = self._bound_in_body(cls, attr, site) if cls is not None else None
            if found is not None:
                return found
        return None

    def _bound_in_body(self, cls: Scope, attr: str, site: Site) -> Value | None:
        """The first value the flow wants among those the body of `cls` binds `attr` to."""
        for binding in cls.bindings.get(attr, [])[:MAX_CANDIDATES]:
            at = Site(cls, binding.made, binding.chain, None, site.path)
            value = self._candidate(binding.value, at) if binding.value is not None else None
            if value is not None:
                return value
        return None

    def _candidate(self, node: ast.expr, at: Site) -> Value | None:
        """The value `node` gives read at `at`, when the flow wants it; None otherwise, and for a value
        read again inside its own reading (`self.url = self.url + '/x'`)."""
        assert self.wanted is not None
        active = (id(at.scope), "?", _at(node))
        if active in self._active:
            self._cuts += 1
            return None
        self._active.add(active)
        try:
            value = self.value(node, at)
        finally:
            self._active.discard(active)
        return value if self.wanted(value) else None

    def _related(self, cls: Scope, other: Scope) -> bool:
        """Whether one of two classes the script follows is the other or derives from it."""
        tree = self._classes()
        if id(cls) not in tree.first or id(other) not in tree.first:
            return cls is other
        first, last = tree.first, tree.last
        return (
            first[id(cls)] <= first[id(other)] <= last[id(cls)]
            or first[id(other)] <= first[id(cls)] <= last[id(other)]
        )

    def _held_value(self, holder: Instance, node: ast.Attribute, site: Site) -> Value:
        """An attribute of an instance of a class the script defines. When the script sets no attribute of
        that name, what the class's body binds (a constant the class keeps, `self.SUBNETS`), as Python
        finds it (see `_suppliers`). Else what the script sets it to in the `__init__` that makes the
        instance (see `_initializer`), and nowhere else, at the top of its body or under `if`s, on its
        first parameter: `self.subnets = ['app', 'data']`, or `self.subnets = subnets or []` read with the
        arguments of the call that makes the instance (`Tier('fab-app', subnets=['app'])`) when the reader
        knows it (`Instance.made`; see `_init_frame`). A read that finds no attribute set raises, and the
        value read is the one set: a class attribute of the name (which the read would find before it is
        set) leaves it unknown, unless the `__init__` sets it first thing (see `_hides_class_binding`), and
        so does a call of the class that surely does not set it. So does a
        list, dict or model object it holds that the script changes or lets go anywhere (see `_kept`)."""
        attr = node.attr
        suppliers = self._suppliers(holder, attr)
        if suppliers is None:
            return self.unknown(node)
        stores = self.index.attribute_stores.get(attr, 0)
        if not stores:
            if len(suppliers) != 1 or suppliers[0] is None:
                return self.unknown(node)
            return self._class_value(suppliers[0], node, site)
        own = self._stores_on(holder, attr)
        stored = own[0] if own is not None and len(own) == 1 else None
        if stored is not None and self._set_before_on(holder, stored, site):
            return self._set_value(stored, node, site)
        init = self._initializer(holder)
        if (
            stored is None
            or init is None
            or stored.scope is not init.scope
            or (suppliers and not _hides_class_binding(init, stored, site))
            or not isinstance(stored.target.value, ast.Name)
            or self._own_class(stored.target.value.id, stored.scope) is None
            or any(block not in self.index.conditions for block in stored.chain)
        ):
            return self.unknown(node)
        active = (id(stored.scope), "." + attr, stored.at)
        if active in self._active:
            self._cuts += 1
            return self.unknown(node)
        self._active.add(active)
        try:
            frame = self._init_frame(holder, init)
            at = Site(stored.scope, stored.at, stored.chain, frame, site.path)
            # Not set by this call (under a test its arguments decide against, after a `return`): the read
            # raises, and what it would read is no value the script states.
            value = self.value(stored.value, at) if self.runs(at) is not False else self.unknown(node)
        finally:
            self._active.discard(active)
        return self._kept(value, node)

    def _set_before_on(self, holder: Instance, stored: Stored, site: Site) -> bool:
        """Whether `stored` sets the attribute on the very object `holder` is, by a name bound once to the
        call of its class that makes it (`cfg = Config()` then `cfg.vnet = 'prodnet'`), in the scope that
        reads it, before the read and on every path to it (its blocks hold the read)."""
        target = stored.target.value
        if (
            holder.made is None
            or not isinstance(target, ast.Name)
            or stored.scope is not site.scope
            or stored.at >= site.at
            or site.chain[: len(stored.chain)] != stored.chain
        ):
            return False
        held = self._held(target, Site(stored.scope, stored.at, stored.chain, site.frame, site.path))
        return held is not None and held.made is not None and held.made[0] is holder.made[0]

    def _set_value(self, stored: Stored, node: ast.Attribute, site: Site) -> Value:
        """What `stored` sets an attribute to, read where it is set (see `_set_before_on`)."""
        active = (id(stored.scope), "." + node.attr, stored.at)
        if active in self._active:
            self._cuts += 1
            return self.unknown(node)
        self._active.add(active)
        try:
            value = self.value(
                stored.value, Site(stored.scope, stored.at, stored.chain, site.frame, site.path)
            )
        finally:
            self._active.discard(active)
        return self._kept(value, node)

    def _stores_on(self, holder: Instance, attr: str) -> list[Stored] | None:
        """The statements that may set `attr` on `holder`: all that set it, less those that set it on the
        first parameter of a method of a class no instance of which may be `holder` (`AGroup`'s `self.name
        = name` for an instance of `VirtualNetwork`, where neither derives from the other), since Python runs
        that method on instances of its own class only. None where a store is not one statement setting the
        attribute alone (`self.a, self.b = ...`, `+=`, `del`, a loop's target), or past MAX_CANDIDATES
        stores, which the reader does not tell apart."""
        sets = self.index.attribute_sets.get(attr, [])
        if len(sets) != self.index.attribute_stores.get(attr, 0) or len(sets) > MAX_CANDIDATES:
            return None
        kept = []
        for stored in sets:
            target = stored.target.value
            cls = self._own_class(target.id, stored.scope) if isinstance(target, ast.Name) else None
            if cls is not None and not self._may_be_of(holder, cls):
                continue
            if cls is None and isinstance(target, ast.Name) and self._set_on_another(holder, target, stored):
                continue
            kept.append(stored)
        return kept

    def _set_on_another(self, holder: Instance, target: ast.Name, stored: Stored) -> bool:
        """Whether a store on a name other than a method's `self` (`other.vnet = None`) sets the attribute
        on an object that cannot be `holder`: the script shows that the name holds an instance of a class
        `holder` cannot be an instance of (`other = Other()`, of a class neither deriving from the other), or
        one made by another call of a class. Where the script does not show what the name holds, the store
        may be on any object."""
        held = self._held(target, Site(stored.scope, stored.at, stored.chain))
        if held is None:
            return False
        if not self._may_be_of(holder, held.cls) and not self._may_be_of(held, holder.cls):
            return True
        made, other = holder.made, held.made
        return (
            held.exact and holder.exact and made is not None and other is not None and made[0] is not other[0]
        )

    def _may_be_of(self, holder: Instance, cls: Scope) -> bool:
        """Whether `holder` may be an instance of `cls`, so that a method of `cls` may run on it: `cls` is
        its class, one it derives from, or, for an instance of any class deriving from its own (`self`), one
        deriving from that. Yes for a class outside the tree the reader follows, or from which a class it
        does not follow derives (one deriving from two classes may be an instance of both)."""
        if cls is holder.cls:
            return True
        classes = self._classes()
        if any(id(c) not in classes.first or id(c) in classes.open for c in (cls, holder.cls)):
            return True
        return self._derives(holder.cls, cls) or (not holder.exact and self._derives(cls, holder.cls))

    def _class_attribute(self, cls: Scope, node: ast.Attribute, site: Site) -> Value:
        """An attribute read on a class the script defines: what the body of the first class Python finds
        it in binds (see `_supplier`, `_class_value`)."""
        found = self._supplier(cls, node.attr)
        if found is None or len(found) != 1 or found[0] is None:
            return self.unknown(node)
        return self._class_value(found[0], node, site)

    def _class_value(self, cls: Scope, node: ast.Attribute, site: Site) -> Value:
        """What the body of `cls` binds the attribute `node` reads to: bound there once, outside loops and
        handlers, to a value the reader follows, and set nowhere in the script (on the class or on an
        instance, which would hide it) nor changed in the body; see `_kept`."""
        attr = node.attr
        bindings = cls.bindings.get(attr, [])
        binding = bindings[0] if len(bindings) == 1 else None
        if (
            binding is None
            or binding.value is None
            or binding.each_turn
            or self.index.attribute_stores.get(attr)
            or cls.events.get(attr)
            or any(block not in self.index.conditions for block in binding.chain)
        ):
            return self.unknown(node)
        active = (id(cls), "." + attr, binding.at)
        if active in self._active:
            self._cuts += 1
            return self.unknown(node)
        self._active.add(active)
        try:
            value = self.value(binding.value, Site(cls, binding.made, binding.chain, None, site.path))
        finally:
            self._active.discard(active)
        return self._kept(value, node)

    def _kept(self, value: Value, node: ast.Attribute) -> Value:
        """What an attribute holds, read where it is set: unknown when it is a list, dict or model object the
        script changes or lets go anywhere through an attribute of that name (`Index.attribute_changes`),
        and an unknown placed where the attribute is read."""
        mutable = isinstance(value, (ListV, DictV, Obj))
        if isinstance(value, Unknown):
            return replace(self.unknown(node), ident=value.ident)
        if mutable and self.index.attribute_changes.get(node.attr):
            return self.unknown(node)
        return value

    def _proves_set(self, name: str, node: ast.Name, scope: Scope, site: Site) -> bool:
        """Whether a parameter that defaults to None is surely set where `site` reads it (`node`): in the body
        of an `if` its test proves it set (see `Scope.set_reads`), or on a path that took a branch of an
        `if` of its scope past a test that proves it so (`if network is None: network = "x"` not taken, an
        `elif network:` taken)."""
        if id(node) in scope.set_reads:
            return True
        for key, option in site.path:
            choice = self.index.branchings[key]
            if choice.scope is not scope or not isinstance(choice.node, ast.If):
                continue
            tests = choice.tests
            if any(_tests_none(test, name) for test in tests[:option]):
                return True
            if option < len(tests) and _tests_set(tests[option], name):
                return True
        return False

    def _class_named(self, node: ast.Name, scope: Scope, binding: Binding, site: Site) -> ClassV | None:
        """A class the script defines and follows, named by `node` where `site` reads it (bound once, in
        `scope`, by the class statement `binding` stands for, before the read)."""
        cls = scope.classes.get(node.id)
        if cls is None or not self._followed(cls) or (scope is site.scope and binding.at >= site.at):
            return None
        return ClassV(cls, node)

    def _bound_in_a_class(self, name: str) -> bool:
        """Whether the body of some class of the script binds `name`, worked out once for the file."""
        if self._class_names is None:
            self._class_names = frozenset(
                bound for _, body in self.index.class_statements for bound in body.bindings
            )
        return name in self._class_names

    def _held(self, node: ast.expr, site: Site) -> Instance | None:
        """The instance of a class the script defines that `node` holds where `site` reads it (as `_instance`
        tells it), with the call that makes it and where that call is read (`Instance.made`) when the reader
        knows them: a call of the class; a name bound once to one, read after it; `self` (see `_held_self`)
        or `super()`; an attribute the script sets once, to a call of a class (`self.deployer =
        Deployer(...)`, see `_attribute`), read where it is set."""
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name) and node.func.id == "super":
                function = site.scope.function
                first = function.signature.positional[:1] if function is not None else ()
                own = self._own_class(first[0], site.scope) if first else None
                if own is None or self._super(node, site.scope) is None:
                    return None
                return self._held_self(own, site)
            made = self._made(node, site.scope)
            return replace(made, made=(node, site)) if made is not None else None
        if isinstance(node, ast.Attribute):
            holder = self._held(node.value, site)
            found = self._attribute(holder, node.attr) if holder is not None else None
            if holder is None or found is None:
                return None
            stored = self.index.attribute_values[node.attr]
            assert isinstance(stored.value, ast.Call)  # `_attribute` found a call of a class
            init = self._initializer(holder)
            frame = (
                self._init_frame(holder, init) if init is not None and init.scope is stored.scope else None
            )
            return replace(found, made=(stored.value, Site(stored.scope, stored.at, stored.chain, frame)))
        if not isinstance(node, ast.Name):
            return None
        own = self._own_class(node.id, site.scope)
        if own is not None:
            return self._held_self(own, site)
        where = lookup(node.id, site.scope, self.index.module)
        if where is None or node.id in self.index.declared_global or len(where.bindings[node.id]) != 1:
            return None
        binding = where.bindings[node.id][0]
        if not isinstance(binding.value, ast.Call) or (where is site.scope and binding.at >= site.at):
            return None
        made = self._made(binding.value, where)
        if made is None:
            return None
        return replace(
            made, made=(binding.value, Site(where, binding.made, binding.chain, site.frame, site.path))
        )

    def _held_self(self, cls: Scope, site: Site) -> Instance | None:
        """The instance `self` is in a method of `cls` where `site` reads it: in the frame of a call of the
        method, the instance the call is made on (`t.vm('app01')`, `self.vm(...)` in another method so
        called), or, in `__init__`, the one the call of the class makes, when the reader knows it and it is
        of `cls` or of a class deriving from it; else any instance of `cls` or of a class deriving from it
        (see `_instance`)."""
        frame = site.frame
        while frame is not None and not (frame.scope is site.scope and frame.called):
            frame = frame.outer
        held = None
        if frame is not None and frame.call is not None and frame.site is not None:
            func = frame.call.func
            held = self._held(func.value if isinstance(func, ast.Attribute) else frame.call, frame.site)
        if (
            held is not None
            and held.made is not None
            and held.exact
            and (held.cls is cls or self._derives(held.cls, cls))
        ):
            return held
        return Instance(cls, False) if self._followed(cls) and self._closed(cls) else None

    def _initializer(self, instance: Instance) -> Function | None:
        """The `__init__` that runs when an instance is made: the one method of that name Python finds for
        it (see `_suppliers`), defined once and set nowhere."""
        suppliers = self._suppliers(instance, "__init__")
        cls = suppliers[0] if suppliers is not None and len(suppliers) == 1 else None
        init = cls.functions.get("__init__") if cls is not None else None
        if (
            cls is None
            or init is None
            or len(cls.bindings["__init__"]) != 1
            or init.on_instance is None
            or init.generator
            or self.index.attribute_stores.get("__init__")
        ):
            return None
        return init

    def _init_frame(self, instance: Instance, init: Function) -> Frame | None:
        """The frame of the `__init__` call that makes an instance, its parameters bound to the arguments of
        the call of the class (`Instance.made`); None when the reader does not know that call, or its
        arguments do not fit. A list, dict or model object the call passes by a name, which the caller may
        change later through it, is unknown (see `_unshared`). Worked out once for each call, frame and
        path, with the choices its reading met noted again at each read (as `_bound` does)."""
        if instance.made is None:
            return None
        call, at = instance.made
        key = (id(call), id(at.frame), at.path)
        kept = self._init_frames.get(key)
        if kept is not None:
            self._open.extend(kept[2])
            return kept[1]
        signature = init.on_instance
        assert signature is not None  # see `_initializer`
        cuts, opened = self._cuts, len(self._open)
        values = self._arguments(init, call, at, signature)
        frame = None
        if values is not None:
            fresh = {
                param
                for param, arg in _parameters(call, signature)
                if param is not None
                and not isinstance(arg, ast.Starred)
                and (_unshared(arg, values.get(param)) or self._passed_alone(arg, call, at))
            }
            made_here = (signature.vararg, signature.kwarg)  # a tuple and a dict Python makes for the call
            for param, value in values.items():
                if _immutable(value) or param in fresh:
                    continue
                parts = (
                    value.items
                    if isinstance(value, ListV)
                    else value.items.values()
                    if isinstance(value, DictV)
                    else [value]
                )
                if param in made_here and all(_immutable(part) for part in parts):
                    continue
                values[param] = Unknown(param, call)
            frame = Frame(init.scope, values, at.frame, call=call, site=at)
        if self._cuts == cuts:
            self._init_frames[key] = (at.frame, frame, tuple(dict.fromkeys(self._open[opened:])))
        return frame

    def _passed_alone(self, arg: ast.expr, call: ast.Call, at: Site) -> bool:
        """Whether the object a call of a class passes by a name, or as an item or attribute of what a name
        holds (`nets`, `spec['subnets']`), is one only the instance may change afterwards: the name is not
        a parameter (whose object the caller holds too), nothing is done to it in the whole file but being
        passed to this call, and, of a loop's variable, the loop goes over items written out in it or over
        a name nothing is done to either."""
        root = arg
        while isinstance(root, (ast.Subscript, ast.Attribute)):
            root = root.value
        if not isinstance(root, ast.Name):
            return False
        scope = lookup(root.id, at.scope, self.index.module)
        if scope is None or root.id in scope.params or root.id in self.index.declared_global:
            return False
        passed = {_at(given) for given in [*call.args, *(keyword.value for keyword in call.keywords)]}
        events = scope.events.get(root.id, ())
        if len(events) > len(passed):  # more than the call's own escapes: something else is done to it
            return False
        self.budget -= len(events)
        if any(event.kind != "escape" or event.at not in passed for event in events):
            return False
        frame = at.frame
        while frame is not None and not (frame.scope is scope and root.id in frame.values):
            frame = frame.outer
        if frame is None:
            return True  # the name's own binding
        if frame.loop is None:
            return False
        iterated = frame.loop.node.iter
        if isinstance(iterated, (ast.List, ast.Tuple, ast.Dict)):
            return True
        if not isinstance(iterated, ast.Name):
            return False
        holder = lookup(iterated.id, frame.loop.scope, self.index.module)
        return holder is not None and not holder.events.get(iterated.id) and iterated.id not in holder.params

    def _either(self, node: ast.BoolOp, site: Site) -> Value:
        """`a or b` and `a and b`: the operand Python gives, as far as the truth of those before it is known
        (`subnets or []` of a parameter given no list is the empty list)."""
        stop = isinstance(node.op, ast.Or)  # the truth that ends the search
        for operand in node.values[:-1]:
            found = self.value(operand, site)  # read once: its truth is the value's
            known = _python(found)
            if known is _UNSTATED:
                return self.unknown(node)
            try:
                holds = bool(known)
            except TypeError:
                return self.unknown(node)
            if holds is stop:
                return found
        return self.value(node.values[-1], site)

    def _comprehension(self, node: ast.ListComp, site: Site) -> Value:
        """A list comprehension over items the reader knows in full (see `_items`): its item read once for
        each, its variables bound to the item (a frame with the comprehension's `span`), the items an `if`
        of it leaves out left out; unknown past MAX_TURNS items, or over items it does not know. A test it
        cannot decide leaves the list holding more than it says."""
        found = self._comprehension_frames(node, site)
        if found is None:
            return self.unknown(node)
        frames, decided = found
        result = ListV([], decided, node)
        for frame in frames:
            if self._spent():
                result.complete = False
                break
            result.items.append(self.value(node.elt, replace(site, frame=frame)))
        return result

    def _comprehension_frames(
        self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp, site: Site
    ) -> tuple[list[Frame | None], bool] | None:
        """A frame for each item of a comprehension over items the reader knows in full, its variables
        bound to the item (with the comprehension's `span`), but those an `if` of it leaves out; and whether
        every such test was decided (one that is not leaves its item out). None past MAX_TURNS items, or
        over items the reader does not know."""
        span = (_at(node), _end(node))
        frames: list[Frame | None] = [site.frame]
        decided = True
        for generator in node.generators:
            if generator.is_async or _width(generator.target) > MAX_TARGET:
                return None
            turns: list[Frame | None] = []
            for frame in frames:
                items = self._items(generator.iter, replace(site, frame=frame))
                if items is None or len(turns) + len(items) > MAX_TURNS:
                    return None
                for item in items:
                    names: dict[str, Value] = {}
                    _unpack(generator.target, item, names)
                    turn = Frame(site.scope, names, frame, span=span)
                    holds = self._all_hold(generator.ifs, replace(site, frame=turn))
                    decided = decided and holds is not None
                    if holds:
                        turns.append(turn)
            frames = turns
        return frames, decided

    def _all_hold(self, tests: list[ast.expr], site: Site) -> bool | None:
        """Whether every test of a comprehension's `if`s holds for an item: False as soon as one fails, None
        when one is not decided."""
        for test in tests:
            holds = self._truth(test, site)
            if not holds:
                return holds
        return True

    def _tuple_fields(self, name: str, site: Site) -> tuple[str, ...] | None:
        """The fields of the named tuple a name the script calls is bound to (`Vm = namedtuple('Vm', ['name',
        'subnets'])`), bound once, before the call when in the same scope, and changed nowhere; None for any
        other name."""
        where = lookup(name, site.scope, self.index.module)
        if where is None or name in self.index.declared_global or len(where.bindings[name]) != 1:
            return None
        binding = where.bindings[name][0]
        call = binding.value
        if (
            not isinstance(call, ast.Call)
            or (where is site.scope and binding.at >= site.at)
            or where.events.get(name)
            or not self._makes_named_tuple(call.func, where)
        ):
            return None
        if id(call) not in self._tuples:
            self._tuples[id(call)] = self._declared_fields(call, Site(where, binding.made, binding.chain))
        return self._tuples[id(call)]

    def _makes_named_tuple(self, func: ast.expr, scope: Scope) -> bool:
        """Whether a callee read in `scope` is Python's `namedtuple`: imported from `collections` under the
        name (bound there once), or read on the module `collections`, imported as itself at module level
        and bound to nothing else."""
        module = self.index.module
        if isinstance(func, ast.Name):
            found = lookup(func.id, scope, module)
            return (
                found is not None
                and (id(found), func.id) in self.index.namedtuple_imports
                and len(found.bindings[func.id]) == 1
                and func.id not in self.index.declared_global
            )
        if not (
            isinstance(func, ast.Attribute) and func.attr == "namedtuple" and isinstance(func.value, ast.Name)
        ):
            return False
        name = func.value.id
        return (
            name == "collections"
            and lookup(name, scope, module) is module
            and len(module.bindings[name]) == 1
            and name in self.index.plain_imports
            and name not in self.index.declared_global
        )

    def _declared_fields(self, call: ast.Call, site: Site) -> tuple[str, ...] | None:
        """The field names a `namedtuple(typename, fields)` call gives, as a list of strings or one string of
        names apart by spaces or commas; None for names Python refuses (or renames), for a call with
        defaults, and for fields the reader does not know."""
        if (
            len(call.args) != 2
            or any(isinstance(arg, ast.Starred) for arg in call.args)
            or any(keyword.arg != "module" for keyword in call.keywords)
        ):
            return None
        spec = self.value(call.args[1], site)
        if isinstance(spec, Lit) and _plain_text(spec):
            names = spec.text.replace(",", " ").split()
        elif isinstance(spec, ListV) and spec.complete and all(_plain_text(item) for item in spec.items):
            names = [item.text for item in spec.items if isinstance(item, Lit)]
        else:
            return None
        if len(set(names)) != len(names) or not all(
            name.isidentifier() and not iskeyword(name) and not name.startswith("_") for name in names
        ):
            return None
        return tuple(names)

    def _named_tuple(self, node: ast.Call, fields: tuple[str, ...], site: Site) -> Value:
        """An instance of a named tuple, its fields bound as Python binds a call's arguments to them; unknown
        when they do not all fit (see `bind`)."""
        bound = self.bind(node, fields, site)
        if bound is None or bound.open or len(bound.values) != len(fields):
            return self.unknown(node)
        return ListV([bound.values[name] for name in fields], True, node, fields)

    def _may_be_field(self, name: str) -> bool:
        """Whether `name` may be a field of a named tuple the script defines: one its definitions write out,
        or any name when one does not write them out. Worked out once for the file, from the calls of
        `namedtuple` by any name."""
        if self._tuple_names is None:
            names: set[str] = set()
            calls = [*self.index.method_calls.get("namedtuple", [])]
            calls += [
                site
                for _, local in self.index.namedtuple_imports
                for site in self.index.named_calls.get(local, [])
            ]
            for site in calls:
                self.budget -= 1
                spec = site.node.args[1] if len(site.node.args) == 2 else None
                written = _written_fields(spec)
                if written is None:
                    self._any_field = True
                else:
                    names.update(written)
            self._tuple_names = frozenset(names)
        return self._any_field or name in self._tuple_names

    # --- paths through the choices the script does not decide ------------------------------------

    def alternatives(self, site: Site, read: Callable[[Site], T]) -> list[T]:
        """What `read` finds at `site` on each path through the choices (`Choice`) that what it reads
        depends on and the script does not decide: a name bound on both branches of an `if`, a change made
        under a test that does not hold around the read, `a if test else b`. Each choice met is taken each
        way it may go (not a way its tests decide against), in the order met, so that a choice a test reads
        a value of is fixed before the test is asked again. One reading when none is met; past MAX_PATHS
        paths, the reading on none, where what depends on them is unknown. Each path costs a reading, all
        charged to the budget."""
        first: list[T] = []
        found: list[T] = []
        pending = [site]
        while pending:
            current = pending.pop()
            saved, self._open = self._open, []
            try:
                value = read(current)
                fixed = {key for key, _ in current.path}
                opened = [key for key in dict.fromkeys(self._open) if key not in fixed]
            finally:
                self._open = saved
            first = first or [value]
            if not opened:
                found.append(value)
                continue
            key = opened[0]
            options = [
                o for o in range(self.index.branchings[key].options) if self._may_take(key, o, current)
            ]
            if len(found) + len(pending) + len(options) > MAX_PATHS:
                return first
            pending.extend(replace(current, path=(*current.path, (key, o))) for o in reversed(options))
        return found or first

    def _on_path(self, chain: tuple[int, ...], site: Site, handlers: bool = True) -> bool | None:
        """Whether code under `chain`, in the site's scope and before it, runs on the way to `site`: True
        in the blocks around the site, and in branches of choices (`Choice`) that the script's tests or the
        site's path take; False when one of those choices goes another way (the one the site itself is on
        another branch of, among them); None when one is not decided (it is noted, see `alternatives`), and
        in any other block (a loop's body, a `match` case), which may run any number of times, and in the
        branches of a choice of more than MAX_PATHS ways. Without `handlers`, None in a `try`'s handlers
        and its `else` too: a handler runs after its `try` body ran in part only, which a change made there
        may add to (a binding there replaces it)."""
        common = len(_shared(chain, site.chain))
        around = self.index.branch_of.get(site.chain[common]) if common < len(site.chain) else None
        last = None
        for block in chain[common:]:
            branch = self.index.branch_of.get(block)
            if branch is None or self.index.branchings[branch[0]].options > MAX_PATHS:
                return None  # a long `elif` chain is read as one choice of too many ways to follow
            if not handlers and isinstance(self.index.branchings[branch[0]].node, _TRIES):
                return None
            key, option = branch
            if key == last:
                continue  # an `elif`'s body, in the block of its test
            last = key
            taken = around[1] if around is not None and around[0] == key else self._chosen(key, site)
            around = None
            if taken is None:
                return None
            if taken != option:
                return False
        return True

    def _chosen(self, key: int, site: Site) -> int | None:
        """The option a choice takes on the site's path: the one its tests decide, else the one the path
        fixes; None when neither says (the choice is noted as open, see `alternatives`)."""
        taken = self._decided(key, site)
        if taken is None:
            taken = next((option for fixed, option in site.path if fixed == key), None)
        if taken is None:
            self._open.append(key)
        return taken

    def _decided(self, key: int, site: Site) -> int | None:
        """The option of a choice its tests decide, each read where it is written, in the site's frame and on
        its path; None when one that comes first is not decided, and for a `try`. Worked out once for each
        frame and path: a long `elif` chain is not read again for each change made in its branches."""
        memo = (key, id(site.frame), site.path)
        kept = self._decisions.get(memo)
        if kept is not None:
            return kept[1]
        choice = self.index.branchings[key]
        tests = choice.tests
        if not tests:
            return None
        taken = len(tests)  # the last option: no test holds
        for option, test in enumerate(tests):
            holds = self._truth(test, Site(choice.scope, _at(test), choice.chain, site.frame, site.path))
            if holds is None:
                return None
            if holds:
                taken = option
                break
        self._decisions[memo] = (site.frame, taken)
        return taken

    def _may_take(self, key: int, option: int, site: Site) -> bool:
        """Whether a choice may take `option` on the site's path: no test before the option's holds, and
        its own (when it has one) does not fail."""
        choice = self.index.branchings[key]
        for at, test in enumerate(choice.tests[: option + 1]):
            holds = self._truth(test, Site(choice.scope, _at(test), choice.chain, site.frame, site.path))
            if holds is (at < option):
                return False
        return True

    # --- a walk over the script's statements, path by path (see `python_script._GatewayLinks`) ------------

    def if_options(self, node: ast.If, frame: Frame | None) -> list[int]:
        """The options of an `if` (see `Choice`: its body, each `elif`'s, then its `else`) that may run in
        `frame`: the one its tests decide, else each that no test decides against."""
        if not self._if_keys:
            self._if_keys = {
                id(choice.node): at
                for at, choice in self.index.branchings.items()
                if isinstance(choice.node, ast.If)
            }
        key = self._if_keys.get(id(node))
        if key is None:
            return []
        site = Site(self.index.branchings[key].scope, _at(node), self.index.branchings[key].chain, frame)
        saved, self._open = self._open, []  # asked on no path: what it leaves open is taken each way
        try:
            taken = self._decided(key, site)
            options = range(self.index.branchings[key].options)
            return [taken] if taken is not None else [o for o in options if self._may_take(key, o, site)]
        finally:
            self._open = saved

    def loop_turns(self, node: ast.For, frame: Frame | None) -> list[Frame] | None:
        """A frame for each turn of a `for` loop over items the script writes out, read in `frame`, when
        every turn runs its whole body (see `Loop.plain`); None otherwise."""
        loop = next((loop for loop in self.index.loops.values() if loop.node is node), None)
        if loop is None or not loop.plain:
            return None
        return self._turns(loop, frame)

    def call_frame(self, function: Function, node: ast.Call, site: Site) -> Frame | None:
        """The frame of one call of a function the script defines (not a method), read at `site`: its
        parameters bound to what the call passes; None when the arguments do not fit its parameters."""
        values = self._arguments(function, node, site, function.signature)
        return Frame(function.scope, values, site.frame, call=node, site=site) if values is not None else None

    def exits_script(self, call: ast.Call, scope: Scope) -> bool:
        """Whether a call of EXIT_CALLS's names in `scope` is Python's own (see `_exits_script`)."""
        return exit_name(call.func, self.index.exit_aliases) in EXIT_CALLS and self._exits_script(call, scope)

    # --- conditions -------------------------------------------------------------------------------

    def runs(self, site: Site) -> bool | None:
        """Whether the code at `site` runs, as far as the `if` tests around it decide: False when one is
        decided against it, True when all are decided for it, None otherwise. Only values the reader knows
        on this path and turn decide (see `_known`); anything that may have changed unseen decides nothing.
        False too when a statement that ends the path surely runs before it (see `_ended`), and in the
        `else` of a `for` loop that surely breaks."""
        found: bool | None = True
        for depth, block in enumerate(site.chain):
            loop = self.index.loop_elses.get(block)
            if loop is not None and self._breaks(loop, _frame_around(site.frame, site.chain[:depth])):
                return False
            condition = self.index.conditions.get(block)
            if condition is None:
                continue
            test, when = condition
            holds = self._truth(test, Site(site.scope, _at(test), site.chain[:depth], site.frame, site.path))
            if holds is None or (holds is not when and self._runs_imported(test, when, site, depth)):
                found = None  # code a module runs when imported (`else:` of its main guard) may run
            elif holds is not when:
                return False
        return (
            False if self._ended(site) or self._refused_before(site) or self._raised_before(site) else found
        )

    def _runs_imported(self, test: ast.expr, when: bool, site: Site, depth: int) -> bool:
        """Whether a test that keeps code from running when the file is run as a script lets it run when
        the file is imported instead (`__name__` is then the module's name): the `else` of its main guard,
        not the body of `if __name__ == '__main__' and False:`."""
        if not _asks_if_run(test):
            return False
        self._imported = True
        try:
            at = Site(site.scope, _at(test), site.chain[:depth], site.frame, site.path)
            return self._truth(test, at) is when
        finally:
            self._imported = False

    def runs_on_path(self, site: Site) -> bool | None:
        """`runs`, deciding only by the choices the site's path fixes: one it leaves open is not noted (see
        `alternatives`), so that asking within a reading adds no path to read."""
        saved, self._open = self._open, []
        try:
            return self.runs(site)
        finally:
            self._open = saved

    def bound_apart(self, scope: Scope, name: str, first: Position, second: Position) -> bool:
        """Whether the bindings of `name` in `scope` made at `first` and `second` are on different arms of
        one choice (an `if` and its `else`): on any path, only one of them runs."""
        chains = {binding.at: binding.chain for binding in scope.bindings.get(name, ())}
        a, b = chains.get(first), chains.get(second)
        if a is None or b is None:
            return False
        for x, y in zip(a, b, strict=False):
            if x != y:
                arm_x, arm_y = self.index.branch_of.get(x), self.index.branch_of.get(y)
                return (
                    arm_x is not None and arm_y is not None and arm_x[0] == arm_y[0] and arm_x[1] != arm_y[1]
                )
        return False

    def surely_runs(self, call: CallSite) -> bool:
        """Whether a call surely runs when the script does: at module level, in no block but `if` branches
        whose tests are all decided for it, and after no statement that surely ends the script first."""
        site = site_of(call)
        if call.scope is not self.index.module:
            return False
        return all(block in self.index.conditions for block in call.chain) and self.runs(site) is True

    def _ended(self, site: Site) -> bool:
        """Whether a statement of the site's scope that ends the path to it (`Exit`) surely runs before it:
        one written before it, under tests all decided for it beyond the blocks the two share (`if DRY:
        return`). A `break` or `continue` ends the path only to what is in its loop's body."""
        for ended in site.scope.exits:
            if ended.at >= site.at or not self._ending_work(site.scope):
                break
            if ended.loop is not None and ended.loop not in site.chain:
                continue
            if ended.call is not None and not self._exits_script(ended.call, site.scope):
                continue
            if self._surely_reached(ended, site):
                return True
        return False

    def _refused_before(self, site: Site) -> bool:
        """Whether a call of the site's scope that the SDK refuses (see `refused`) surely runs before it,
        as `_ended` asks of a `return`: the SDK raises there, and the path ends."""
        for ended in site.scope.refusals:
            if (ended.at >= site.at and site.at not in ended.waiting) or not self._ending_work(site.scope):
                break
            if ended.call is None or not self._surely_reached(ended, site):
                continue
            if self.refused(
                ended.call, Site(site.scope, _at(ended.call), ended.chain, site.frame, site.path)
            ):
                return True
        return False

    def _raised_before(self, site: Site) -> bool:
        """Whether a call of one of the script's functions that surely raises (see `raises`) surely runs
        before the site, as `_ended` asks of a `return`: nothing after it on the path runs."""
        for ended in self._calls_out(site.scope):
            if (
                (ended.at >= site.at and site.at not in ended.waiting)
                or self.budget <= 0
                or not self._ending_work(site.scope)
            ):
                break
            if ended.call is None or not self._surely_reached(ended, site):
                continue
            if self.raises(ended.call, Site(site.scope, _at(ended.call), ended.chain, site.frame, site.path)):
                return True
        return False

    def _calls_out(self, scope: Scope) -> list[Exit]:
        """The statements of `scope.calls_out` that call a name of a function that may raise (see
        `_may_raise`), worked out once for each scope: no other call is asked whether it raises, nor is
        charged to `_ending_work`."""
        key = id(scope)
        if key not in self._own_calls:
            names = self._may_raise()
            self._own_calls[key] = [
                e for e in scope.calls_out if e.call is not None and callee(e.call.func) in names
            ]
        return self._own_calls[key]

    def _may_raise(self) -> frozenset[str]:
        """The names of the functions the script defines whose body holds a statement that may raise out of
        it on every path (see `_body_raises`), whatever the arguments: a `raise`, an exit of the script or a
        call of a method of `REFUSALS` outside a `try`, loop or handler, or a call there of a function of a
        name already found; worked out once, so that asking costs nothing for a script that has none."""
        if self._raising_names is not None:
            return self._raising_names
        functions: list[Function] = []
        scopes = [self.index.module]
        while scopes:
            scope = scopes.pop()
            functions.extend(scope.functions.values())
            scopes.extend(function.scope for function in scope.functions.values())
            scopes.extend(scope.classes.values())
        conditions = self.index.conditions
        found: list[str] = []  # the names found, each once: those of the functions that call them are next
        callers: dict[str, set[str]] = {}  # by a name, the names of the functions calling it where it counts

        def unconditional(ended: Exit) -> bool:
            return ended.loop is None and all(block in conditions for block in ended.chain)

        for function in functions:
            scope, name = function.scope, function.node.name
            if any(
                unconditional(e) and (e.raises or e.call is not None) for e in (*scope.exits, *scope.refusals)
            ):
                found.append(name)
            for e in scope.calls_out:
                if e.call is not None and unconditional(e):
                    callers.setdefault(callee(e.call.func), set()).add(name)
        names = set(found)
        while found:
            for caller in callers.get(found.pop(), ()):
                if caller not in names:
                    names.add(caller)
                    found.append(caller)
        self._raising_names = frozenset(names)
        return self._raising_names

    def raises(self, call: ast.Call, site: Site) -> bool:
        """Whether a call of a function the script defines (see `_called`), read at `site`, surely raises
        what its caller does not catch: on every path through the function's body with the call's
        arguments, a statement outside a `try` raises before any `return` (a `raise`, an exit of the script,
        a call the SDK refuses, a call of a function that surely raises in turn), under tests that all hold.
        Recursion and calls nested past MAX_CALL_DEPTH are not followed. Worked out once for each call,
        frame and path, as `_decided` is."""
        memo = (id(call), id(site.frame), site.path)
        kept = self._raised.get(memo)
        if kept is None:
            kept = self._raised[memo] = (site.frame, self._raises(call, site))
        return kept[1]

    def _raises(self, call: ast.Call, site: Site) -> bool:
        called = self._called(call, site.scope)
        if called is None:
            return False
        function, signature = called
        if function.generator or function in self._raising or len(self._raising) >= MAX_CALL_DEPTH:
            return False
        if function.outer is site.scope and function.at >= site.at:
            return False  # not defined yet where it is called
        values = self._arguments(function, call, site, signature)
        if values is None:
            return False
        frame = Frame(function.scope, values, site.frame, call=call, site=site)
        self._raising.append(function)
        try:
            return self._body_raises(function.scope, frame)
        finally:
            self._raising.pop()

    def _body_raises(self, scope: Scope, frame: Frame) -> bool:
        """Whether a statement that raises out of the body of `scope` (see `raises`) surely runs in `frame`:
        under tests that all hold (not in a loop, whose items may be none), and after nothing that ends the
        path first (`runs`)."""
        kinds = ((scope.exits, "exit"), (scope.refusals, "refusal"), (self._calls_out(scope), "call"))
        for ended, kind in ((ended, kind) for exits, kind in kinds for ended in exits):
            self.budget -= 1
            if self.budget <= 0:
                return False
            if ended.loop is not None or not all(block in self.index.conditions for block in ended.chain):
                continue
            if not self._raised_by(ended, kind, scope, frame):
                continue
            if self.runs(Site(scope, ended.at, ended.chain, frame)) is True:
                return True
        return False

    def _raised_by(self, ended: Exit, kind: str, scope: Scope, frame: Frame) -> bool:
        """Whether a statement of `_body_raises` raises out of the function when it runs."""
        if ended.call is None:
            return ended.raises
        at = Site(scope, _at(ended.call), ended.chain, frame)
        if kind == "exit":
            return self._exits_script(ended.call, scope)
        return self.refused(ended.call, at) if kind == "refusal" else self.raises(ended.call, at)

    def refused(self, call: ast.Call, site: Site) -> bool:
        """Whether the SDK surely refuses a call of one of its methods (`REFUSALS`) read at `site`, raising
        before it sends anything: it leaves out, or passes None for, a parameter the method requires, or
        gives neither or both of the two places it takes one of (a location or an affinity group, each a
        value the script states). Only on an object the script makes a service, or, in a file that imports
        the SDK, for a method no other library is known to have (`Refusal.sdk_only`); never for a method
        of the script's own of that name (see `method`)."""
        name = callee(call.func)
        refusal = REFUSALS.get(name)
        receiver = dotted(call.func.value) if isinstance(call.func, ast.Attribute) else None
        if refusal is None or not (receiver in self.index.services or self.index.imports.found):
            return False
        if receiver not in self.index.services and not refusal.sdk_only:
            return False  # `user.add_role('admin')` of another library the file uses beside the SDK
        if self.method(call, site.scope) is not None:
            return False
        bound = self.bind(call, refusal.params, site)
        if bound is None or bound.open:
            return False
        values = bound.values
        if any(name not in values for name in refusal.needed):
            return True
        if any(isinstance(values.get(name), NoneV) for name in refusal.checked):
            return True
        if refusal.one_of is None:
            return False
        given = [values.get(name) for name in refusal.one_of]
        return all(v is None or isinstance(v, NoneV) for v in given) or all(isinstance(v, Lit) for v in given)

    def guards(self, scope: Scope, chain: tuple[int, ...], at: Position, most: int) -> list[Guard]:
        """The first `most` guards (see `Guard`) of the block `chain` ends with in `scope` (its top level
        for no chain) that end before `at`, and so hold for what is written there, in order."""
        found: list[Guard] = []
        for guard in self._guards(scope, chain):
            if guard.end > at or len(found) >= most:
                break
            found.append(guard)
        return found

    def _guards(self, scope: Scope, chain: tuple[int, ...]) -> list[Guard]:
        """The guards of a block whose exit calls are Python's, worked out once for each block."""
        key = (id(scope), chain)
        if key not in self._guarding:
            self._guarding[key] = [
                guard
                for guard in scope.guards.get(chain, ())
                if all(self._exits_script(call, scope) for call in guard.calls)
            ]
        return self._guarding[key]

    def _exits_script(self, call: ast.Call, scope: Scope) -> bool:
        """Whether `exit()`, `quit()`, `sys.exit()`, `os._exit()` or an exec (`os.execv()`) is Python's: the module imported as
        itself and bound to nothing else, or the built-in not bound by the script at all; or the name the
        script imports the module or the function under at its top level (`o.execv` of `import os as o`,
        `run` of `from os import execv as run`), bound to nothing else."""
        name = dotted(call.func) or ""
        head = name.partition(".")[0]
        if head in self.index.exit_aliases:
            found = lookup(head, scope, self.index.module)
            return (
                found is self.index.module
                and head not in self.index.declared_global
                and len(found.bindings[head]) == 1
            )
        module, _, _ = name.rpartition(".")
        found = lookup(module or name, scope, self.index.module)
        if not module:
            return found is None
        return (
            found is self.index.module
            and module not in self.index.declared_global
            and len(found.bindings[module]) == 1
            and module in self.index.plain_imports
        )

    def _ending_work(self, scope: Scope) -> bool:
        """Whether the allowance of `scope` for looking at the statements that end a path through it (see
        ENDING_WORK_PER_STATEMENT) covers one more, which it is charged. It is the scope's own, apart from
        the budget of evaluations: a function of many exits asked about at every read spends it, and the
        values of the rest of the script are read all the same."""
        key = id(scope)
        left = self._ending_left.get(key)
        if left is None:
            left = ENDING_WORK_FLOOR + ENDING_WORK_PER_STATEMENT * scope.statements
        self._ending_left[key] = left - 1
        return left > 0

    def _surely_reached(self, ended: Exit, site: Site) -> bool:
        """Whether every test of the blocks around `ended` that are not around `site` too holds."""
        common = 0
        while (
            common < len(ended.chain)
            and common < len(site.chain)
            and ended.chain[common] == site.chain[common]
        ):
            common += 1
        for depth in range(common, len(ended.chain)):
            condition = self.index.conditions.get(ended.chain[depth])
            if condition is None:
                return False  # a loop, a handler: whether it runs, and how far, is not asked
            test, when = condition
            holds = self._truth(test, Site(site.scope, _at(test), ended.chain[:depth], site.frame))
            if holds is not when:
                return False
        return True

    def _breaks(self, loop: Loop, frame: Frame | None) -> bool:
        """Whether a `for` loop surely breaks: its items are known and, at one turn, a `break` of its body
        surely runs (its tests hold, and nothing before it surely ends the turn)."""
        if not loop.breaks:
            return False
        key = (id(loop), id(frame))
        if key not in self._broken:
            saved, self._open = self._open, []  # worked out once, on no path, as `_caller_frames` are
            try:
                self._broken[key] = (frame, self._broken_at_a_turn(loop, frame))
            finally:
                self._open = saved
        return self._broken[key][1]

    def _broken_at_a_turn(self, loop: Loop, frame: Frame | None) -> bool:
        """Whether a `break` under nothing but `if` tests in the loop's body (see `_tested_only`) surely
        runs at one of its turns: `runs` decides by those tests alone, so one in an `except` handler,
        which runs only when the `try` body raises, would be taken as surely run."""
        turns = self._turns(loop, frame)
        breaks = [ended for ended in loop.breaks if self._tested_only(ended.chain, loop.block)]
        for turn in turns or ():
            for ended in breaks:
                if self.budget <= 0 or not self._ending_work(loop.scope):
                    return False
                if self.runs(Site(loop.scope, ended.at, ended.chain, turn)):
                    return True
        return False

    def _tested_only(self, chain: tuple[int, ...], block: int) -> bool:
        """Whether the blocks of `chain` inside `block` are all `if` branches (not a handler, which runs
        only when its `try` body raises, nor a loop, which may run no turn): ones whose tests decide
        whether what they hold runs."""
        inside = chain[chain.index(block) + 1 :] if block in chain else ()
        return all(inner in self.index.conditions for inner in inside)

    def _truth(self, node: ast.expr, site: Site) -> bool | None:
        """Whether a test holds: `not`, `and`, `or`, comparisons of known values, and the truth of one."""
        self.budget -= 1
        if self.budget <= 0:
            return None
        if isinstance(node, _StartedAt):
            return None if any(self.callers(site) for site in node.sites) else False
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            inner = self._truth(node.operand, site)
            return None if inner is None else not inner
        if isinstance(node, ast.BoolOp):
            stop = isinstance(node.op, ast.Or)  # the value that decides the whole
            found: bool | None = not stop
            for operand in node.values:
                holds = self._truth(operand, site)
                if holds is stop:
                    return stop
                if holds is None:
                    found = None
            return found
        if isinstance(node, ast.Compare) and len(node.ops) == 1:
            literal = literal_truth(node)  # `-1 <= 0`: literals the values below do not evaluate
            if literal is not None:
                return literal
            return _compare(node.ops[0], self._known(node.left, site), self._known(node.comparators[0], site))
        known = self._known(node, site)
        if known is _UNSTATED:
            return None
        try:
            return bool(known)
        except TypeError:
            return None

    def _known(self, node: ast.expr, site: Site) -> object:
        """The Python value of an expression as far as the reader knows it for certain (a string, number,
        bool, None, or a list or dict known in full); `_UNSTATED` otherwise."""
        if isinstance(node, ast.Name):
            scope = lookup(node.id, site.scope, self.index.module)
            if scope is None and node.id == "__name__" and node.id not in self.index.declared_global:
                # The file checked is run as a script: its main guard runs (see `_runs_imported`).
                return _IMPORTED_NAME if self._imported else "__main__"
            if scope is None or node.id in self.index.declared_global:
                return _UNSTATED
            bindings = scope.bindings[node.id]
            # A variable a loop's or a comprehension's turn binds (`if n` of `for n in ...`) is the item.
            if len(bindings) > 1 and self._passed(node.id, scope, bindings, site) is None:
                return self._flag(node.id, scope, site) if scope is site.scope else _UNSTATED
        has = self._has_attribute(node, site) if isinstance(node, ast.Call) else _UNSTATED
        if has is not _UNSTATED:
            return has
        found = _python(self.value(node, site))
        if found is _UNSTATED and isinstance(node, ast.Attribute):
            return _python(self._model_attribute(node.value, node.attr, site))
        return found

    def _model_attribute(self, holder: ast.expr, attr: str, site: Site) -> Value:
        """What an attribute of one of the SDK's model objects the script makes holds, in a test (`if
        disk.source_image_name == IMAGE:`): the value its constructor was given, or the one the script set
        since, as the object reaches the test with its changes. Unknown for an attribute the reader does not
        model, and in a script that may set attributes by a name it does not write out (`setattr`)."""
        if self._sets_by_name():
            return self.unknown(holder)
        held = self.value(holder, site)
        found = held.attrs.get(attr) if isinstance(held, Obj) else None
        return found if found is not None else self.unknown(holder)

    def _has_attribute(self, call: ast.Call, site: Site) -> object:
        """Whether Python's `hasattr(obj, 'name')` holds, where the reader knows it does: `obj` is one of
        the SDK's model objects the script makes, which has every attribute its constructor takes, or an
        instance of a class of the script's whose class (or a class it derives from) binds the name in its
        body, or such a class itself, named (`hasattr(Settings, 'location')`, see `_class_held`).
        `_UNSTATED` otherwise, and for any other call: an attribute may be set where the reader does not
        look, so none is known missing."""
        if not (
            isinstance(call.func, ast.Name)
            and call.func.id == "hasattr"
            and lookup("hasattr", site.scope, self.index.module) is None
            and len(call.args) == 2
            and not call.keywords
            and isinstance(call.args[1], ast.Constant)
            and isinstance(call.args[1].value, str)
        ):
            return _UNSTATED
        holder, attr = call.args[0], call.args[1].value
        held = self.value(holder, site)
        if isinstance(held, Obj) and attr in held.attrs:
            return True
        instance = self._held(holder, site)
        if instance is None:
            cls = self._class_held(holder, site)
            instance = Instance(cls, True, of_class=True) if cls is not None else None
        suppliers = self._suppliers(instance, attr) if instance is not None else None
        return True if suppliers and all(found is not None for found in suppliers) else _UNSTATED

    def _flag(self, name: str, scope: Scope, site: Site) -> object:
        """The value of a name bound more than once in its function, each time to a constant (`first =
        True` ... `first = False`), where `site` reads it: the last binding that certainly runs before it,
        going back through the turns before this one of the loops it is in, as far as each is taken turn by
        turn (`_turns`). `_UNSTATED` when a binding that may or may not have run comes first."""
        bindings = scope.bindings[name]
        if name in scope.declared or any(not isinstance(b.value, ast.Constant) for b in bindings):
            return _UNSTATED
        at, chain, frame = site.at, site.chain, site.frame
        while frame is not None and frame.span is not None:
            frame = frame.outer  # a comprehension's turn: its own variables are not flags
        while True:
            region = _region(chain, self.index)
            found = self._last_binding(bindings, region, at, chain, Site(scope, at, chain, frame))
            if found is not None:
                return found
            if not region:
                return _UNSTATED  # read before any binding: unbound
            block = region[-1]
            inside = [b for b in bindings if block in b.chain]
            self.budget -= len(bindings)
            loop = self.index.loops.get(block)
            if loop is None or frame is None or frame.loop is not loop or frame.scope is not scope:
                if inside:
                    return _UNSTATED  # a loop taken once, a `while`, a handler: whether it ran is not known
                chain = region[:-1]
                continue
            if inside and not loop.plain:
                return _UNSTATED  # a turn may have left the body before a binding in it
            if frame.turn == 0 or not inside:
                at, chain, frame = loop.at, loop.chain, frame.outer
                continue
            turns = self._turns(loop, frame.outer)
            if turns is None or len(turns) < frame.turn:
                return _UNSTATED
            at, chain, frame = loop.end, region, turns[frame.turn - 1]

    def _last_binding(
        self,
        bindings: list[Binding],
        region: tuple[int, ...],
        at: Position,
        chain: tuple[int, ...],
        site: Site,
    ) -> object | None:
        """The value of the last binding in `region` before `at` that certainly runs on the way to a read
        under `chain`; None when there is none, `_UNSTATED` when one that may have run comes first."""
        for binding in sorted((b for b in bindings if b.at < at), key=lambda b: b.at, reverse=True):
            self.budget -= 1
            if self.budget <= 0:
                return _UNSTATED
            if binding.chain[: len(region)] != region:
                continue
            assert isinstance(binding.value, ast.Constant)
            value = binding.value.value
            if chain[: len(binding.chain)] == binding.chain:
                return value  # in a block around the read: it ran before it
            common = 0
            while (
                common < len(chain) and common < len(binding.chain) and chain[common] == binding.chain[common]
            ):
                common += 1
            if any(block not in self.index.conditions for block in binding.chain[common:]):
                return _UNSTATED
            ran = self.runs(Site(site.scope, binding.at, binding.chain, site.frame))
            if ran is None:
                return _UNSTATED
            if ran:
                return value
        return None

    def _turns(self, loop: Loop, frame: Frame | None) -> list[Frame] | None:
        """A frame for each turn of `loop`, read in `frame`; None when its items are not known, are more than
        MAX_TURNS, or are changed by its own body, or when its target is wider than MAX_TARGET (unpacked at
        each turn of each call in the loop, a wide one would cost its width each time)."""
        if loop.width > MAX_TARGET:
            return None
        site = Site(loop.scope, loop.at, loop.chain, frame)
        iterated = loop.node.iter
        items = self._items(iterated, site)
        if items is None or len(items) > MAX_TURNS:
            return None
        if isinstance(iterated, ast.Name):
            scope = lookup(iterated.id, loop.scope, self.index.module)
            events = scope.events.get(iterated.id, ()) if scope is not None else ()
            self.budget -= len(events)
            if any(loop.at <= event.at < loop.end for event in events):
                return None
        turns = []
        for number, item in enumerate(items):
            names: dict[str, Value] = {}
            _unpack(loop.node.target, item, names)
            turns.append(Frame(loop.scope, names, frame, loop, number))
        return turns

    def _items(self, node: ast.expr, site: Site) -> list[Value] | None:
        """The items a `for` loop goes over: a list or tuple that is known in full, the keys of a dict,
        `enumerate` of either (its counts are not followed), a dict's `items()`, `keys()` or `values()`."""
        if isinstance(node, ast.Call) and not node.keywords:
            func, args = node.func, node.args
            if (
                isinstance(func, ast.Name)
                and func.id == "enumerate"
                and len(args) == 1
                and not isinstance(args[0], ast.Starred)
                and lookup("enumerate", site.scope, self.index.module) is None
            ):
                inner = self._items(args[0], site)
                pairs: list[Value] = [
                    ListV([Lit(str(count), _number_node(count, node)), item], True, node)
                    for count, item in enumerate(inner or ())
                ]
                return pairs if inner is not None else None
            if (
                isinstance(func, ast.Name)
                and func.id == "range"
                and lookup("range", site.scope, self.index.module) is None
            ):
                numbers = _range_numbers(args, lambda bound: self._stated_whole_number(bound, site))
                return [Lit(str(n), _number_node(n, node)) for n in numbers] if numbers is not None else None
            if isinstance(func, ast.Attribute) and func.attr in ("items", "keys", "values") and not args:
                table = self.value(func.value, site)
                if not isinstance(table, DictV) or not table.complete:
                    return None
                keys = [Lit(key, table.node) for key in table.items]
                if func.attr == "keys":
                    return list(keys)
                if func.attr == "values":
                    return list(table.items.values())
                return [
                    ListV([key, item], True, node)
                    for key, item in zip(keys, table.items.values(), strict=True)
                ]
        found = self.value(node, site)
        if isinstance(found, ListV) and found.complete:
            return found.items
        if isinstance(found, DictV) and found.complete:
            return [Lit(key, found.node) for key in found.items]
        return None

    def _stated_whole_number(self, node: ast.expr, site: Site) -> int | None:
        """A whole number written out (`3`), or the one what the script states holds where `site` reads it
        (`count` of `count = 3`); None for any other value."""
        written = whole_number(node)
        if written is not None or isinstance(node, (ast.Constant, ast.Starred)):
            return written
        value = self.value(node, site)
        if not isinstance(value, Lit) or not isinstance(value.node, ast.expr):
            return None
        number = whole_number(value.node)
        return number if number is not None and str(number) == value.text else None

    def _bound(self, scope: Scope, name: str, node: ast.expr, site: Site) -> Value:
        """The value of the expression `name` is bound to, where `site` reads it. Strings, numbers and
        unknowns are kept for the next read at the same site; lists, dicts and model objects are built
        afresh, since the changes made to them are applied to the copy each read gets. A value kept is
        kept with the choices its reading met open, met again at each read (see `alternatives`)."""
        key = (id(scope), name, site)
        kept = self._plain.get(key)
        if kept is not None:
            self._open.extend(kept[1])
            return kept[0]
        cuts, opened = self._cuts, len(self._open)
        value = self.value(node, site)
        if self._cuts == cuts and isinstance(value, (Lit, NoneV, Unknown)):
            self._plain[key] = (value, tuple(dict.fromkeys(self._open[opened:])))
        return value

    def _certainty(self, event: Event, binding: Binding, site: Site) -> bool | None:
        """Whether `event` happened before `site` reads the value: True certainly, False possibly, None not
        (it comes after the read, or before the binding)."""
        self.budget -= 1
        if event.scope is not site.scope:
            return False  # in another function: it may or may not have run
        if event.at <= binding.at:
            return None
        if site.frame is not None and _again(event, binding, site.frame):
            return False  # the turns of a loop before this one ran it too, wherever it is in the body
        if event.at >= site.at:
            return None
        if site.chain[: len(event.chain)] == event.chain:
            return True
        runs = self._on_path(event.chain, site, handlers=False)
        return False if runs is None else (True if runs else None)

    def _apply(self, value: Value, event: Event, certain: bool, site: Site) -> Value:
        if not event.path and event.kind == "change":
            return self.unknown(value.node)
        path = event.path[:-1] if event.kind in ("set", "change") else event.path
        target: Value | None = value
        for attribute in path:
            target = target.attrs.get(attribute) if isinstance(target, Obj) else _field(target, attribute)
        at = (
            replace(site, scope=event.scope)
            if event.scope is site.scope
            else Site(event.scope, END, (), site.frame, site.path)
        )
        if isinstance(target, Obj) and event.kind in ("set", "change"):
            name = event.path[-1]
            known = certain and event.kind == "set" and event.value is not None
            target.attrs[name] = (
                self.value(event.value, at) if known and event.value else Unknown(name, event.value)
            )
        elif isinstance(target, ListV) and event.kind in ("append", "extend"):
            self._grow(target, event, certain, at)
        elif isinstance(target, DictV):
            self._change_dict(target, event, certain, at)
        elif isinstance(target, ListV) and not self._change_list(target, event, certain, at):
            return self._unknown_at(value, event.path)
        return value

    def _unknown_at(self, value: Value, path: tuple[str, ...]) -> Value:
        """`value` with what is at the end of `path` in it made unknown (all of it, for no path)."""
        if not path:
            return self.unknown(value.node)
        holder: Value | None = value
        for attribute in path[:-1]:
            holder = holder.attrs.get(attribute) if isinstance(holder, Obj) else _field(holder, attribute)
        name = path[-1]
        if isinstance(holder, Obj):
            holder.attrs[name] = Unknown(name, None)
        elif isinstance(holder, ListV) and holder.fields is not None:
            holder.items[holder.fields.index(name)] = Unknown(name, None)
        return value

    def _change_list(self, target: ListV, event: Event, certain: bool, site: Site) -> bool:
        """Make a change other than adding at the end to a list (`x.insert(0, v)`, `x[:] = [...]`, `del
        x[0]`, `x.remove(v)`, `x.pop()`, `x.clear()`), when what it does is certain from what the script
        writes out: it surely runs, and the list, the item it names and the value it puts are known as far
        as the change needs. False when it is not: the list is then unknown, as what it may have taken out
        cannot be told (an insert that may not run only adds, and leaves the list holding more)."""
        if event.kind == "insert" and not certain:
            target.complete = False
            return True
        if not certain:
            return False
        if event.kind == "insert" and event.value is not None:
            place = _position(event.index) if event.index is not None else None
            if place is None or not target.complete:
                return False
            target.items.insert(place, self.value(event.value, site))
            return True
        if event.kind == "clear":
            target.items, target.complete = [], True
            return True
        if event.kind == "remove" and event.value is not None:
            return self._remove(target, self.value(event.value, site))
        if event.kind == "setitem" and event.value is not None and event.index is not None:
            return self._set_list_items(target, event.index, self.value(event.value, site))
        if event.kind in ("pop", "delitem"):
            return self._delete_items(target, event.index)
        return False

    def _remove(self, target: ListV, value: Value) -> bool:
        """`x.remove(value)`: its first item equal to `value`, of a list known in full up to that item."""
        if not isinstance(value, Lit):
            return False
        for place, item in enumerate(target.items):
            if not isinstance(item, Lit):
                return False  # it may be equal to the value, or not
            if item.text == value.text:
                del target.items[place]
                return True
        return False  # not in a list known in full it raises; in another, it may be in the rest

    def _set_list_items(self, target: ListV, index: ast.expr, value: Value) -> bool:
        """`x[i] = value` and `x[a:b] = [...]`: every item replaced (`x[:]`), or those at places written out
        of a list known in full."""
        if isinstance(index, ast.Slice):
            bounds = _slice_bounds(index)
            if bounds is None or bounds[2] is not None or not isinstance(value, ListV):
                return False
            if bounds[:2] == (None, None):
                target.items, target.complete = list(value.items), value.complete
                return True
            if not target.complete or not value.complete:
                return False
            target.items[bounds[0] : bounds[1]] = value.items
            return True
        place = _position(index)
        if place is None or not target.complete or not -len(target.items) <= place < len(target.items):
            return False
        target.items[place] = value
        return True

    def _delete_items(self, target: ListV, index: ast.expr | None) -> bool:
        """`x.pop()`, `x.pop(i)`, `del x[i]`, `del x[a:b]`: of a list known in full, at places written out;
        every item (`del x[:]`) of any list."""
        if isinstance(index, ast.Slice):
            bounds = _slice_bounds(index)
            if bounds is None:
                return False
            if bounds == (None, None, None):
                target.items, target.complete = [], True
                return True
            if not target.complete or bounds[2] == 0:
                return False
            del target.items[bounds[0] : bounds[1] : bounds[2]]
            return True
        place = -1 if index is None else _position(index)
        if place is None or not target.complete or not -len(target.items) <= place < len(target.items):
            return False
        del target.items[place]
        return True

    def _grow(self, target: ListV, event: Event, certain: bool, site: Site) -> None:
        if not certain or event.value is None:
            target.complete = False
            return
        added = self.value(event.value, site)
        if event.kind == "append":
            target.items.append(added)
        elif isinstance(added, ListV):
            target.items.extend(added.items)
            target.complete = target.complete and added.complete
        else:
            target.complete = False

    def _change_dict(self, target: DictV, event: Event, certain: bool, site: Site) -> None:
        if event.kind == "clear" and certain:
            target.items, target.complete = {}, True
        elif event.kind == "update" and event.value is not None:
            added = self.value(event.value, site)
            if not isinstance(added, DictV) or not added.complete:
                self._overwritten(target)  # it may hold any key: each item may be replaced
            if not isinstance(added, DictV):
                return
            for key, item in added.items.items():
                target.items[key] = item if certain else Unknown(key, item.node)
            target.complete = target.complete and added.complete
        elif event.key is None:
            self._overwritten(target)  # an item whose key is not known: it may be any of them
        elif event.kind in ("delitem", "pop") and certain:
            target.items.pop(event.key, None)
        elif event.kind == "setitem" and event.value is not None:
            self._set_item(target, event.key, event, certain, site)
        else:
            target.items[event.key] = Unknown(event.key, event.value)

    def _set_item(self, target: DictV, key: str, event: Event, certain: bool, site: Site) -> None:
        """`d[key] = value`. Where it may not run (under an `if`), the item is either what it was or the
        value: unknown, unless the two are the same (`if net: rec['network_config'] = net` over a dict
        that holds `net` there already), and a key the dict did not hold may be absent."""
        value = self.value(event.value, site) if event.value is not None else None
        kept = target.items.get(key)
        if value is not None and (certain or (kept is not None and _same_item(kept, value))):
            target.items[key] = value
        else:
            target.items[key] = Unknown(key, event.value)

    def _overwritten(self, target: DictV) -> None:
        """A dict changed in items the reader cannot name: each item it knows may have been replaced."""
        self.budget -= len(target.items)
        target.items = {key: Unknown(key, item.node) for key, item in target.items.items()}
        target.complete = False

    def _text(self, value: Value) -> Lit | None:
        """A value as the text it gives a string it is put in (`'%s' % value`, `f'{value}'`): a string's or
        a number's own; in a text with holes, a HOLE for any other value (an encoded one, `base64.b64encode(
        data).decode()`, None, a list), whose text the script does not state. None otherwise."""
        if isinstance(value, Lit):
            return value
        return Lit(HOLE, value.node) if self.holes else None

    def _joinable(self, value: Value) -> Value:
        """A side of a `+`: in a text with holes, an encoded value is a HOLE, a string whose text the script
        does not state (`'<Configuration>' + base64.b64encode(data).decode()`)."""
        return Lit(HOLE, value.node) if self.holes and isinstance(value, Encoded) else value

    def _texts(self, nodes: Iterable[ast.expr], site: Site) -> list[Lit] | None:
        """The texts `nodes` give a string they are put in (see `_text`), or None when one of them gives
        none."""
        texts = []
        for node in nodes:
            text = None if isinstance(node, ast.Starred) else self._text(self.value(node, site))
            if text is None:
                return None
            texts.append(text)
        return texts

    def _f_string(self, node: ast.JoinedStr, site: Site) -> Value:
        """An f-string whose every field is a string or number written as is (no conversion, no format), or
        a whole number padded (`f"vm-{i:02d}"`), as `"vm-%02d" % i` pads it."""
        texts: list[Lit] = []
        for part in node.values:
            text = self._f_string_field(part, site)
            if text is None:
                return self.unknown(node)
            texts.append(text)
        # Measured before it is joined: many fields bound to long constants would otherwise build a string
        # of their total length at each f-string, only to drop it.
        if self._built_too_long(node, sum(len(text.text) for text in texts), [text.text for text in texts]):
            return self.unknown(node)
        return self._paid(Lit("".join(text.text for text in texts), node, _f_string_lines(node, texts)))

    def _built_too_long(self, node: ast.AST, size: int, texts: Sequence[str]) -> bool:
        """Whether a string of `size` built of `texts` is past what the reader builds (`_too_long`); the
        first such of a body, past MAX_BODY, kept to say (`first_long`)."""
        if not _too_long(size, texts):
            return False
        if self.first_long is None and size > MAX_BODY and any("<" in text for text in texts):
            self.first_long = node
        return True

    def _paid(self, value: Value) -> Value:
        """A string built from others, its length past MAX_TEXT charged to the budget (see MAX_BODY)."""
        if isinstance(value, Lit) and len(value.text) > MAX_TEXT:
            self.budget -= len(value.text) // _CHARACTERS_PER_EVALUATION
        return value

    def _f_string_field(self, part: ast.expr, site: Site) -> Lit | None:
        """The text a piece of an f-string gives it (see `_f_string`); None for a field it cannot tell."""
        if not isinstance(part, ast.FormattedValue):
            return self._text(self.value(part, site))
        if part.conversion == -1 and part.format_spec is None:
            return self._text(self.value(part.value, site))
        width = f_string_padding(part)
        text = self._text(self.value(part.value, site)) if width is not None else None
        return (
            _fits_field(text, _Field(None, True, width)) if text is not None and width is not None else None
        )

    def _percent(self, node: ast.BinOp, site: Site) -> Value:
        """`template % value`, `template % (a, b)` or `template % {'name': a}`, with `%s`, `%d` and
        `%(name)s` fields only (see `_percent_fields`)."""
        template = self.value(node.left, site)
        pieces = _template(literal(template), _percent_fields)
        if pieces is None or not isinstance(template, Lit):
            return self.unknown(node)
        fields = [piece for piece in pieces if isinstance(piece, _Field)]
        if any(f.key is not None for f in fields):
            if any(f.key is None for f in fields):
                return self.unknown(node)  # Python wants a mapping for the one and a tuple for the other
            keyed = self._mapping(node.right, site)
            return self._paid(_fill(template, pieces, keyed, node) or self.unknown(node))
        args = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
        if len(args) != len(fields) or any(isinstance(arg, ast.Starred) for arg in args):
            return self.unknown(node)
        texts = iter(
            [self._field_text(self.value(arg, site), f) for arg, f in zip(args, fields, strict=True)]
        )
        return self._paid(_fill(template, pieces, lambda _: next(texts), node) or self.unknown(node))

    def _field_text(self, value: Value, field_: _Field) -> Lit | None:
        """The text a value gives a field of a `%` template (see `_text`, `_fits_field`)."""
        text = self._text(value)
        return _fits_field(text, field_) if text is not None else None

    def _mapping(self, node: ast.expr, site: Site) -> Callable[[_Field], Lit | None]:
        """How the fields of a `%` template take their values from the mapping it is filled with: a dict
        the reader knows, or, in a text with holes, a HOLE for a key it may hold unseen."""
        table = self.value(node, site)

        def keyed(field_: _Field) -> Lit | None:
            if isinstance(table, DictV) and field_.key in table.items:
                return self._field_text(table.items[field_.key or ""], field_)
            unseen = isinstance(table, DictV) and not table.complete
            return Lit(HOLE, node) if self.holes and (unseen or literal(table) == HOLE) else None

        return keyed

    def _format(self, node: ast.Call, func: ast.Attribute, site: Site) -> Value:
        """`template.format(a, name=b)` with plain fields (`{}`, `{0}`, `{name}`) only."""
        template = self.value(func.value, site)
        pieces = _template(literal(template), _format_fields)
        given = format_arguments(node)  # None for `**options`, which names fields the reader cannot see
        args, named = given or ([], {})
        values = self._texts([*args, *named.values()], site) if given is not None else None
        if pieces is None or not isinstance(template, Lit) or values is None:
            return self.unknown(node)
        keywords = dict(zip(named, values[len(args) :], strict=True))
        positional = values[: len(args)]
        automatic = iter(positional)

        def value_of(field_: _Field) -> Lit | None:
            if field_.key is None:
                given = next(automatic, None)
            elif field_.key.isdecimal():
                given = positional[int(field_.key)] if int(field_.key) < len(positional) else None
            else:
                given = keywords.get(field_.key)
            return _fits_field(given, field_) if given is not None else None

        return self._paid(_fill(template, pieces, value_of, node) or self.unknown(node))

    def _library_urljoin(self, func: ast.expr, site: Site) -> bool:
        """Whether `urljoin` is the standard library's (`urllib.parse`, Python 2's `urlparse`, re-exported
        as `requests.compat.urljoin`): called on a module, or a name the script does not define itself
        (an import binds it where the script says `from urllib.parse import urljoin`)."""
        if isinstance(func, ast.Attribute):
            return dotted(func.value) in _URLJOIN_MODULES
        scope = lookup("urljoin", site.scope, self.index.module)
        if scope is None:
            return True
        return "urljoin" not in scope.functions and all(b.value is None for b in scope.bindings["urljoin"])

    def _urljoin(self, node: ast.Call, site: Site) -> Value:
        """`urljoin(base, url)` of texts the reader knows (in a text with holes, each may hold some): `url`
        itself when it names its scheme, else `url` in place of the last segment of `base`'s path, or of its
        whole path when it starts with `/`. A reference the joining would resolve further (`..`, `//host`,
        a query or fragment alone) is unknown."""
        base, url = self._texts(node.args, site) or (None, None)
        if base is None or url is None:
            return self.unknown(node)
        joined = automation.url_joined(base.text, url.text)
        if joined is None or len(joined) > MAX_TEXT:
            return self.unknown(node)
        return Lit(joined, node)

    def _replace(self, node: ast.Call, func: ast.Attribute, site: Site) -> Value:
        """`text.replace(old, new)` of strings the reader knows (in a text with holes, `new` may be one)."""
        receiver = self.value(func.value, site)
        old, new = literal(self.value(node.args[0], site)), self._text(self.value(node.args[1], site))
        if old is None or new is None or not isinstance(receiver, Lit) or _number(receiver) is not None:
            return self.unknown(node)
        return self._paid(_replaced(receiver, old, new, node) or self.unknown(node))

    def _list(self, node: ast.List | ast.Tuple, site: Site) -> ListV:
        result = ListV([], True, node)
        for element in node.elts:
            if self._spent():
                result.complete = False
                break
            if isinstance(element, ast.Starred):
                inner = self.value(element.value, site)
                result.items.extend(inner.items if isinstance(inner, ListV) else [])
                result.complete = result.complete and isinstance(inner, ListV) and inner.complete
            else:
                result.items.append(self.value(element, site))
        return result

    def _dict(self, node: ast.Dict, site: Site) -> DictV:
        result = DictV({}, True, node)
        for key_node, item in zip(node.keys, node.values, strict=True):
            if self._spent():
                result.complete = False
                break
            inner = self.value(item, site)
            key = literal(self.value(key_node, site)) if key_node is not None else None
            if key_node is None and isinstance(inner, DictV):  # **other
                result.items.update(inner.items)
                result.complete = result.complete and inner.complete
            elif key is None:
                result.complete = False
            else:
                result.items[key] = inner
        return result

    def _call(self, node: ast.Call, site: Site) -> Value:
        func = node.func
        read = self.index.file_reads.get(id(node))
        if read is not None:
            found = self._read_back(node, read, site)
            return self._read_unwritten(node, read) if isinstance(found, Unknown) else found
        if _open_mode(node) == "r" and lookup("open", site.scope, self.index.module) is None:
            return self._read_unwritten(node, node.args[0])
        cls = self.index.imports.sdk_class(func)
        if cls in MODELS:
            return self.model(cls, node, site)
        name = callee(func)
        if name in _ENCODERS and len(node.args) == 1 and not isinstance(node.args[0], ast.Starred):
            return Encoded(self.value(node.args[0], site), node)
        if name in ("encode", "decode") and isinstance(func, ast.Attribute):
            return Encoded(self.value(func.value, site), node)
        if name == "format" and isinstance(func, ast.Attribute):
            return self._format(node, func, site)
        if name == "urljoin" and self._library_urljoin(func, site) and _two_plain_arguments(node):
            return self._urljoin(node, site)
        if name == "replace" and isinstance(func, ast.Attribute) and _two_plain_arguments(node):
            return self._replace(node, func, site)
        if (
            name == "get"
            and isinstance(func, ast.Attribute)
            and 1 <= len(node.args) <= 2
            and not node.keywords
        ):
            return self._get(node, func, site)
        if (
            dotted(func) in _GETENV
            and 1 <= len(node.args) <= 2
            and not node.keywords
            and not any(isinstance(arg, ast.Starred) for arg in node.args)
        ):
            return self._environment_variable(node, site)
        if (
            name in ("startswith", "endswith")
            and isinstance(func, ast.Attribute)
            and len(node.args) == 1
            and not node.keywords
            and not isinstance(node.args[0], ast.Starred)
        ):
            return self._affix(node, func, site)
        if (
            name in ("list", "tuple")
            and isinstance(func, ast.Name)
            and not node.args
            and not node.keywords
            and lookup(name, site.scope, self.index.module) is None
        ):
            return ListV([], True, node)  # an empty list, as `[]` is
        copied = self._shallow_copy(node, site)
        if copied is not None:
            return copied
        if (
            name == "dict"
            and isinstance(func, ast.Name)
            and lookup("dict", site.scope, self.index.module) is None
        ):
            result = DictV({}, not node.args, node)
            for keyword in node.keywords:
                if keyword.arg is not None:
                    result.items[keyword.arg] = self.value(keyword.value, site)
                else:
                    result.complete = False
            return result
        if isinstance(func, ast.Name):
            fields = self._tuple_fields(func.id, site)
            if fields is not None:
                return self._named_tuple(node, fields, site)
            return self._returned(node, func.id, site)
        method = self.method(node, site.scope)
        if method is not None and method.on_instance is not None:
            return self._result(method, node, site, method.on_instance)
        return self.unknown(node)

    # --- files the script writes and reads back ---------------------------------------------------------

    def _read_unwritten(self, node: ast.Call, path: ast.expr) -> Unknown:
        """A file read (`open(path).read()`, `open(path)`) in a script that writes no file: what it holds is
        not the script's, and the file is the one `path` names (see `Unknown.read_from`)."""
        if self.index.file_writes or self.index.writes_unfollowed:
            return self.unknown(node)
        return Unknown("", node, read_from=path)

    def _read_back(self, node: ast.Call, path: ast.expr, site: Site) -> Value:
        """What reading a file whole gives (`open(path).read()`): the text the script wrote to it whole
        (see `FileWrite`), when that write is the only one the file may be written by and surely runs
        before, in the code around the read or at the top of a function called there once, before the
        read, the function's path to it the caller's (`write_cfg(path)` then `open(path).read()`: see
        `Unknown.ident`). A path is the same written out alike, or as the same value the script does not
        state (`same_value`). Unknown otherwise: a file another write may be to, one the script does not
        surely write first, one written otherwise too (`Index.writes_unfollowed`), a file of its own."""
        writes = self.index.file_writes
        if self.index.writes_unfollowed or not writes or id(node) in self._reading:
            return self.unknown(node)
        if self.index.placed_files and self.replaces(_leaf(self.value(path, site))):
            return self.unknown(node)  # what was written there may be gone
        found: tuple[FileWrite, Site] | None = None
        for write in writes:
            at = self._written_before(write, site)
            same = self._same_file(path, site, write.path, at) if at is not None else None
            if same is False:
                continue
            if same is None or found is not None:
                return self.unknown(node)  # a write that may be to this file, not surely before the read
            assert at is not None
            found = (write, at)
        if found is None:
            return self.unknown(node)
        self._reading.add(id(node))
        try:
            return self.value(found[0].text, found[1])
        finally:
            self._reading.discard(id(node))

    def replaces(self, name: str | None) -> bool:
        """Whether the script may put a file of the name `name` (the last part of a path; None: a name it
        does not state) in place by a means whose content the reader does not follow (see `PlacedFile`):
        one whose destination it names so, or does not state, or a folder the file of that name may be
        copied or moved into."""
        for placed in self.index.placed_files:
            site = Site(placed.scope, placed.at, placed.chain)
            for named in (placed.destination, placed.source):
                if named is None and placed.destination is not None:
                    break  # a destination of a name of its own, not a folder
                leaf = _leaf(self.value(named, site)) if named is not None else None
                if name is None or leaf is None or leaf.casefold() == name.casefold():
                    return True
                if "." in leaf:
                    break  # a file's name: it is not copied into a folder, and keeps none of its source's
        return False

    def _written_before(self, write: FileWrite, site: Site) -> Site | None:
        """Where a write surely runs before a read at `site`, in the frame it runs in then (see
        `_runs_before`): before the read, or before a call that leads to it (`publish(path)` after the
        write, its `open(path).read()` in `publish`). None when it may not."""
        for around in self._calls_around(site):
            found = self._runs_before(write.scope, write.at, write.chain, around, 0)
            if found is not None:
                return found
        return None

    def _calls_around(self, site: Site) -> list[Site]:
        """A read's site, then, outward, the site of each call of the script's functions it is read in: the
        call of the frame it is read in (`Frame.site`) or, read as written in a function the script calls
        from one place only, that call."""
        sites = [site]
        while len(sites) <= MAX_CALL_DEPTH:
            frame = sites[-1].frame
            while frame is not None and not frame.called:
                frame = frame.outer
            if frame is not None:
                if frame.site is None:
                    break
                sites.append(frame.site)
                continue
            scope = sites[-1].scope
            call = self._only_call(scope) if scope.function is not None else None
            if call is None:
                break
            sites.append(site_of(call))
        return sites

    def _runs_before(
        self, scope: Scope, at: Position, chain: tuple[int, ...], site: Site, depth: int
    ) -> Site | None:
        """The site of a statement of `scope` (at `at`, in the blocks `chain`) where it surely runs before
        `site`: in the same code, before it and in the blocks around it; or at the top of the body of a
        function the script calls once only, with nothing in the function that may end it before the
        statement, where that call surely runs before `site` in turn (read in its frame, so that the
        function's parameters are what the call passes). None otherwise."""
        if scope is site.scope:
            if at >= site.at or site.chain[: len(chain)] != chain:
                return None
            return Site(scope, at, chain, site.frame, site.path)
        function = scope.function
        if depth >= MAX_CALL_DEPTH or function is None or chain or function.outer.kind == "class":
            return None
        calls = self._calls_of(function)
        if not calls or len(calls) != 1 or any(end < at for end in function.scope.may_end):
            return None
        call = calls[0]
        outer = self._runs_before(call.scope, call.at, call.chain, site, depth + 1)
        frame = self.call_frame(function, call.node, outer) if outer is not None else None
        return Site(scope, at, chain, frame, site.path) if frame is not None else None

    def _same_file(self, path: ast.expr, site: Site, other: ast.expr, at: Site) -> bool | None:
        """Whether a path read at `site` and one written at `at` name the same file: True when written out
        alike or the same value the script does not state, False when written out otherwise, None when
        the reader cannot tell."""
        read, written = self._evaluate(path, site), self._evaluate(other, at)
        if isinstance(read, Lit) and isinstance(written, Lit) and HOLE not in read.text + written.text:
            return read.text == written.text
        if not isinstance(read, Unknown) or not isinstance(written, Unknown):
            return None
        same = self.same_value(path, site)
        return True if same is not None and same == self.same_value(other, at) else None

    def _shallow_copy(self, node: ast.Call, site: Site) -> Value | None:
        """`dict(base, **more)`, `copy.copy(base)` and `base.copy()` of a dict (the last two of a list too)
        the reader knows: a new container holding the very objects `base` holds, so that what the script
        does to one of them afterwards (`net.subnet_names.append(...)`) is in the copy too (see `Held`).
        None for any other call."""
        source = self._copied_source(node, site)
        if source is None:
            return None
        base = self.value(source, site)
        if isinstance(base, ListV) and callee(node.func) == "copy":
            return ListV(list(base.items), base.complete, node, base.fields)
        if not isinstance(base, DictV):
            return None
        result = DictV(dict(base.items), base.complete, node)
        for keyword in node.keywords:  # `dict(base, key=value)`
            if keyword.arg is None:
                result.complete = False
            else:
                result.items[keyword.arg] = self.value(keyword.value, site)
        return result

    def _copied_source(self, node: ast.Call, site: Site) -> ast.expr | None:
        """What a call of `dict`, `copy.copy` or a `.copy()` method copies; None for any other call."""
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "copy" and not node.args and not node.keywords:
            return None if dotted(func.value) == "copy" else func.value  # not `copy.copy()` without one
        if len(node.args) != 1 or isinstance(node.args[0], ast.Starred) or not self._copier(func, site):
            return None
        if node.keywords and not isinstance(func, ast.Name):
            return None  # keywords are `dict`'s only
        return node.args[0]

    def _copier(self, func: ast.expr, site: Site) -> bool:
        """Whether `func` is the builtin `dict` or the standard library's `copy.copy`."""
        if isinstance(func, ast.Name):
            return func.id == "dict" and lookup("dict", site.scope, self.index.module) is None
        return dotted(func) == "copy.copy" and "copy" in self.index.plain_imports

    def _get(self, node: ast.Call, func: ast.Attribute, site: Site) -> Value:
        """`table.get(key)` and `table.get(key, default)` on a dict the reader knows: the item, or the
        default (None without one) when the dict is known in full and has no such key. On a table the
        reader does not know, an unknown value, which may be None where the script states that is the
        default (`_default_none`, `Unknown.may_be_none`)."""
        if any(isinstance(arg, ast.Starred) for arg in node.args):
            return self.unknown(node)
        table = self.value(func.value, site)
        key = literal(self.value(node.args[0], site)) if isinstance(table, DictV) else None
        if not isinstance(table, DictV) or key is None:
            return self._unstated_item(node, func, site, isinstance(table, Unknown))
        if key in table.items:
            return table.items[key]
        if not table.complete:
            return self.unknown(node)
        return self.value(node.args[1], site) if len(node.args) == 2 else NoneV(node)

    def _unstated_item(self, node: ast.Call, func: ast.Attribute, site: Site, of_unknown: bool) -> Unknown:
        """`table.get(key)` on a table the reader does not know (`_get`): a value not stated, which may be
        None (`_default_none`); of the environment, the variable whoever runs the script may set
        (`_environment_variable`)."""
        if dotted(func.value) in _ENVIRONMENT:
            return self._environment_variable(node, site)
        return Unknown("", node, of_unknown and self._default_none(node, func, site))

    def _environment_variable(self, node: ast.Call, site: Site) -> Unknown:
        """`os.environ.get("VNET")`, `os.getenv("VNET")`: None where whoever runs the script does not set the
        variable, read alone a value not stated that may be None (`Unknown.unset`), as with a default
        written None or empty (see `_default_none`). With another default, or a name not stated, a value not
        stated that is never None."""
        default = node.args[1] if len(node.args) == 2 else None
        name = literal(self.value(node.args[0], site))
        if name is None or (default is not None and not _none_or_empty(default)):
            return Unknown("", node)
        return Unknown("", node, True, unset=name)

    def _default_none(self, node: ast.Call, func: ast.Attribute, site: Site) -> bool:
        """Whether `table.get(key, ...)` gives None for a key the table lacks: its default is written None
        (`.get(key, None)`), or it has none (`cfg.get(key)`), which is None as well: a script reads an item
        with `.get` where the key may be missing. Not an option an Ansible module's `argument_spec` surely
        sets (`Index.set_options`). A default written as empty text (`cfg.get("vnet", "")`) counts as
        None: the SDK writes it as an empty element (`<VirtualNetworkName></VirtualNetworkName>`), which
        states no value, as a REST body's empty element is read."""
        if len(node.args) == 2:
            return _none_or_empty(node.args[1])
        key = literal(self.value(node.args[0], site)) if len(node.args) == 1 and not node.keywords else None
        return key not in self.index.set_options if key is not None else len(node.args) == 1

    def _affix(self, node: ast.Call, func: ast.Attribute, site: Site) -> Value:
        """`text.startswith(prefix)` and `text.endswith(suffix)` (or a tuple of them) on strings the reader
        knows in full: True or False, as a test reads it (`'db-as' if name.startswith('db') else ...`)."""
        text, given = self.value(func.value, site), self.value(node.args[0], site)
        affixes = [given] if isinstance(given, Lit) else given.items if isinstance(given, ListV) else []
        if (
            not _plain_text(text)
            or not affixes
            or (isinstance(given, ListV) and not given.complete)
            or not all(_plain_text(affix) for affix in affixes)
        ):
            return self.unknown(node)
        assert isinstance(text, Lit)
        check = str.startswith if func.attr == "startswith" else str.endswith
        result = check(text.text, tuple(affix.text for affix in affixes if isinstance(affix, Lit)))
        return Lit(str(result), ast.copy_location(ast.Constant(result), node))

    # --- calls of the script's own functions ------------------------------------------------------

    def _returned(self, node: ast.Call, name: str, site: Site) -> Value:
        """What a call of a function the script defines returns: the value of its `return`, read with the
        call's arguments bound to its parameters. A function with several returns (or that may end without
        one, returning None) returns a value only when they all give the same string or number, as a name
        bound in two branches is unknown. Recursion, calls nested past MAX_CALL_DEPTH and calls past the
        call budget are unknown."""
        scope = lookup(name, site.scope, self.index.module)
        function = scope.functions.get(name) if scope is not None else None
        if scope is None or function is None or len(scope.bindings[name]) != 1:
            return self.unknown(node)
        if scope is site.scope and function.at >= site.at:
            return self.unknown(node)  # not defined yet where it is called
        return self._result(function, node, site, function.signature)

    def _result(self, function: Function, node: ast.Call, site: Site, signature: Signature) -> Value:
        """What one call of `function` returns, its arguments bound to the parameters of `signature` (a
        method's after `self`, for a call on an instance; see `_returned`)."""
        if function.generator:
            return self.unknown(node)
        outermost = not self._calling
        if (
            function in self._calling
            or len(self._calling) >= MAX_CALL_DEPTH
            or (outermost and self.call_budget <= 0)
        ):
            self._cuts += 1
            return self.unknown(node)
        values = self._arguments(function, node, site, signature)  # in the caller's budget, as its work
        if values is None:
            return self.unknown(node)
        frame = Frame(function.scope, values, site.frame, call=node, site=site)
        saved = self.budget
        if outermost:
            self.budget = self.call_budget
        self._calling.append(function)
        try:
            found = self._return_value(function, frame, site.path)
        finally:
            self._calling.pop()
            if outermost:
                self.call_budget, self.budget = self.budget, saved
        if outermost and self.call_budget <= 0:
            self._cuts += 1
            return self.unknown(node)  # cut short somewhere inside: as if it were not followed
        if isinstance(found, Unknown):  # placed at the call, told as the function's return tells it
            return Unknown("", node, ident=found.ident or self._built_return(function, frame, site))
        return found

    def _built_return(self, function: Function, frame: Frame, site: Site) -> tuple[object, ...] | None:
        """What tells the string one call of `function` returns from others, where the script does not
        state it whole: of a function whose one `return`, at the end of its body, builds it (an f-string,
        `+`, `'...'.format(...)`, `os.path.join`), its pieces read with the call's arguments bound
        (`_make_blob_url(self.settings.ACCOUNT, 'vhds', name)` is `'http://' + ACCOUNT + '.blob...'`), as
        `same_value` tells the string written out at the call. None for any other function, and where a
        piece is told by nothing."""
        if len(function.returns) != 1 or function.falls_off:
            return None
        returned = function.returns[0]
        node = returned.value
        if node is None or returned.chain:
            return None  # a return under a test or in a loop: the call may return something else
        at = Site(function.scope, returned.at, returned.chain, frame, site.path)
        if _format_parts(node) is not None:
            pieces = self._pieces(node, at, 0)
            told = pieces is not None and not all(isinstance(piece, str) for piece in pieces)
            return ("text", *pieces) if told and pieces is not None else None
        if isinstance(node, (ast.JoinedStr, ast.BinOp, ast.Call)):
            return self._identity(node, at)
        return None

    def _return_value(self, function: Function, frame: Frame, path: Path = ()) -> Value:
        """The value the returns of one call give, but for those that surely do not run at it (under a
        test its arguments decide against them, after a return that surely runs first): the branch its
        arguments choose (`if kind == 'vnet': return A` then `return B`), else what all branches agree on.
        None too when the call may run to the end of the body without a return."""
        found: list[Value] = []
        for returned in function.returns:
            site = Site(function.scope, returned.at, returned.chain, frame, path)
            if self.runs(site) is False:
                continue
            found.append(NoneV(None) if returned.value is None else self.value(returned.value, site))
        end = Site(function.scope, _end(function.node), (), frame)
        if (function.falls_off and self.runs(end) is not False) or not found:
            found.append(NoneV(None))
        first = found[0]
        return first if all(_same(first, other) for other in found[1:]) else Unknown("", None)

    def _arguments(
        self, function: Function, call: ast.Call, site: Site, signature: Signature
    ) -> dict[str, Value] | None:
        """The call's arguments by the function's parameter names in `signature` (its own, or a method's
        after `self`), as Python binds them: defaults for those not passed, the rest in `*args` and
        `**kwargs`. None when they do not fit the signature. What spreads a list or a table the reader
        does not know in full (`*items`, `**options`) may fill any parameter that nothing before it nor a
        keyword fills: those are unknown, the function called here all the same (its other calls still
        read). The work is in proportion to what the call passes and to the function's defaults, all
        charged to the budget: a call that leaves a parameter without a value is refused without a look
        at every parameter."""
        passed: list[Value] = []
        spread_unknown = False
        for arg in call.args:
            if not isinstance(arg, ast.Starred):
                if not spread_unknown:
                    passed.append(self._given(arg, site))
                continue
            spread = self.value(arg.value, site)
            spread_unknown = spread_unknown or not isinstance(spread, ListV) or not spread.complete
            if not spread_unknown and isinstance(spread, ListV):
                passed.extend(spread.items)
        positional = signature.positional
        if len(passed) > len(positional) and signature.vararg is None:
            return None
        values = dict(zip(positional, passed, strict=False))
        extra: dict[str, Value] = {}
        for keyword in call.keywords:
            if keyword.arg is not None:
                given = [(keyword.arg, self._given(keyword.value, site))]
            else:
                spread = self.value(keyword.value, site)
                if not isinstance(spread, DictV) or not spread.complete:
                    spread_unknown = True
                    continue
                given = list(spread.items.items())
            for key, item in given:
                if key in signature.keywords and key not in values:
                    values[key] = item
                elif key not in signature.keywords and signature.kwarg is not None and key not in extra:
                    extra[key] = item
                else:
                    return None  # passed twice, or a keyword the function does not take
        if spread_unknown:
            return self._unknown_rest(call, values, signature)
        if sum(name in signature.required for name in values) < len(signature.required):
            return None  # a parameter with no value
        self.budget -= len(signature.defaults)  # gone over at each call, whichever the call passes
        for param, default in signature.defaults:
            if param not in values:
                values[param] = self._default(function, param, default)
        if signature.vararg is not None:
            values[signature.vararg] = ListV(passed[len(positional) :], True, call)
        if signature.kwarg is not None:
            values[signature.kwarg] = DictV(extra, True, call)
        return values

    def _unknown_rest(
        self, call: ast.Call, values: dict[str, Value], signature: Signature
    ) -> dict[str, Value]:
        """The arguments of a call that spreads what the reader does not know (see `_arguments`): those
        it knows, and every other parameter unknown, whether the spread, a keyword or its default gives
        it (the reader cannot tell which); `*args` and `**kwargs` unknown too."""
        rest = [*signature.positional, *sorted(signature.keywords - set(signature.positional))]
        self.budget -= len(rest)
        for param in [*rest, signature.vararg, signature.kwarg]:
            if param is not None and (param not in values or param in (signature.vararg, signature.kwarg)):
                values[param] = Unknown(param, call)
        return values

    def _given(self, arg: ast.expr, site: Site) -> Value:
        """What an argument of a call of one of the script's functions passes: a value the script does not
        state keeps what tells it from others where the call passes it (`Unknown.ident`), so that the
        function's calls name what its caller's do (`deploy(service)` then `sms.add_role(service, ...)`),
        through any number of calls (each passes on the identity it was given). A value of none (what a
        call gives, `input()`) stays the parameter's own, one per call of the function. Kept so in a text
        with holes too, where the text built from it has a HOLE for it (see `value`), so that a path built
        in the function is told apart by the value its caller passes (`Flow.same_value`)."""
        value = self._evaluate(arg, site)
        if not isinstance(value, Unknown) or value.ident is not None:
            return value
        same = self._identity(arg, site)
        return replace(value, ident=same) if same is not None else value

    def _default(self, function: Function, param: str, default: ast.expr) -> Value:
        """A parameter's default, made where the function is defined. Made once for every call: a list, dict
        or object it holds may have been changed by calls before, and is unknown, but for a tuple of
        constants (`subnets=()`), which no call can change, and a list of constants (`subnets=[]`) the
        function never changes nor lets go (see `Scope.lent`)."""
        found = self.value(default, Site(function.outer, function.at, function.chain))
        if isinstance(found, (Lit, NoneV, Unknown, ClassV)):
            return found
        inner = function.scope
        constants = isinstance(default, (ast.Tuple, ast.List)) and all(
            isinstance(item, ast.Constant) for item in default.elts
        )
        kept = isinstance(default, ast.Tuple) or (param not in inner.events and param not in inner.lent)
        return found if constants and kept and isinstance(found, ListV) else Unknown(param, default)

    def model(self, cls: str, node: ast.Call, site: Site) -> Value:
        """A model object as its constructor builds it, with the lists it starts with."""
        params = MODELS[cls]
        bound = self.bind(node, params, site)
        if bound is None:
            return self.unknown(node)
        attrs: dict[str, Value] = {}
        for param in params:
            default: Value = Lit("", None) if cls in _EMPTY_DEFAULTS else NoneV(None)
            attrs[param] = bound.values.get(param) or (Unknown(param, node) if bound.open else default)
        if cls in _LISTS:
            attrs[_LISTS[cls]] = ListV([], True, None)
        elif cls == "ConfigurationSet":
            endpoints = Obj(
                "ConfigurationSetInputEndpoints", {"input_endpoints": ListV([], True, None)}, node
            )
            attrs.update(
                input_endpoints=endpoints,
                subnet_names=ListV([], True, None),
                public_ips=Obj("PublicIPs", {"public_ips": ListV([], True, None)}, node),
                static_virtual_network_ip_address=NoneV(None),  # set after construction, as subnet names
            )
        elif cls == "ResourceExtensionReference":
            attrs["state"] = Lit("", None)
        return Obj(cls, attrs, node)

    def bind(self, node: ast.Call, params: Sequence[str], site: Site) -> Bound | None:
        """Arguments mapped to parameters as Python maps them; None when they do not fit the signature (a
        keyword it does not have, too many positional arguments): then the call is not this method."""
        values: dict[str, Value] = {}
        open_ = False
        position = 0
        for arg in node.args:
            spread = self.value(arg.value, site) if isinstance(arg, ast.Starred) else None
            if spread is not None and not (isinstance(spread, ListV) and spread.complete):
                open_, position = True, len(params) + 1  # from here on, positions are unknown
                continue
            for item in spread.items if isinstance(spread, ListV) else [self.value(arg, site)]:
                if position > len(params):
                    break
                if position == len(params):
                    return None
                values[params[position]] = item
                position += 1
        for keyword in node.keywords:
            if keyword.arg is not None:
                if keyword.arg not in params:
                    return None
                values[keyword.arg] = self.value(keyword.value, site)
                continue
            spread = self.value(keyword.value, site)
            if not isinstance(spread, DictV):
                open_ = True
            elif any(key not in params for key in spread.items):
                return None
            else:
                values.update(spread.items)
                open_ = open_ or not spread.complete
        return Bound(values, open_)

    # --- the same value the script does not state ------------------------------------------------------

    def same_value(self, node: ast.expr, site: Site) -> tuple[object, ...] | None:
        """What tells the value an expression holds at `site` from others, when the script does not state
        it: two reads with the same answer surely read the same value each time the code around them runs
        (`deploy(service_name)` then `add_role(service_name, ...)`, `cfg['name']` twice). The expression is
        a name, or a path of written keys and attributes on one (`cfg['name']`, `args.service`), and the
        read sees a binding of the name that nothing binds again before another read that sees it
        (`_binding_seen`): the name's one binding, or, read in its own scope, the last one before the
        read, on whichever path the script takes to it (`if new: name = make() else: name = pick()`); the
        object of a path is one nothing in the file changes or passes where the reader cannot follow it,
        and an attribute is not on a parameter (`self.name`, which another method may set). In a frame
        (one call of the function, see `callers`), the frame is part of the answer: each call binds its
        parameters anew. None for anything else: a name bound again between two reads, bound in a loop
        around the read (each turn binds it anew), or bound in a function around the one that reads it
        (which may rebind it, `nonlocal`). A value a call of the function passed is the caller's, whatever
        reads it (see `Unknown.ident`): `service` in `def deploy(service)`, `names[0]` of `*names`,
        `self.service` set from a parameter of `__init__`, a name bound to one, tell it as the caller does
        where it passes it (`deploy(sys.argv[1])` then `add_role(sys.argv[1], ...)` name one service)."""
        carried = self._carried(node, site)
        if carried is None and site.frame is None and site.scope.function is not None:
            carried = self._passed_by_every_call(node, site)
        return carried if carried is not None else self._identity(node, site)

    def _carried(self, node: ast.expr, site: Site) -> tuple[object, ...] | None:
        """The caller's identity of the value an expression reads at `site`, when a call passed it (see
        `Unknown.ident`)."""
        opened = len(self._open)
        found = self._evaluate(node, site)
        del self._open[opened:]  # read as the caller read it: the choices it meets are noted already
        return found.ident if isinstance(found, Unknown) else None

    def _passed_by_every_call(self, node: ast.expr, site: Site) -> tuple[object, ...] | None:
        """Of an expression read in a function as it is written (in no call's frame, for all of them),
        the caller's identity of the value it reads when every call of the function passes the same one:
        `service` in `def deploy(service)` of a script that calls `deploy(sys.argv[1])` once, or twice with
        the same variable. None when the reader does not know every call, or one passes another value."""
        frames = self._caller_frames(site.scope, 0)
        if not frames or None in frames:
            return None
        found: set[tuple[object, ...] | None] = set()
        for frame in frames:
            found.add(self._carried(node, replace(site, frame=frame)))
            if None in found or len(found) > 1:
                return None
        return found.pop()

    def module_binding(self, node: ast.expr, site: Site) -> Binding | None:
        """The binding of the module's level a name read at `site` holds, where it holds it for all its
        reads (`prod = ServiceManagementService(...)`), also read in a function the name is passed to
        (`reserve(prod)`, then `sms` in `def reserve(sms)`), as `same_value` tells it; None for any other."""
        told = self.same_value(node, site)
        if told is None or len(told) != 4 or told[0] != id(self.index.module) or not isinstance(told[1], str):
            return None  # not a name of the module's level itself (an attribute of one, a local)
        bindings = self.index.module.bindings.get(told[1], [])
        return next((b for b in bindings if b.at == told[2]), None)

    def _identity(self, node: ast.expr, site: Site) -> tuple[object, ...] | None:
        """What tells the value an expression reads from others as it is written at `site` (see
        `same_value`)."""
        if isinstance(node, (ast.JoinedStr, ast.BinOp)):
            return self._built_identity(node, site)
        if isinstance(node, ast.Call):
            return self._joined_path_identity(node, site)
        path: list[str] = []
        root = node
        while isinstance(root, (ast.Subscript, ast.Attribute)) and len(path) < MAX_DEPTH:
            if isinstance(root, ast.Attribute):
                path.append("." + root.attr)
            elif isinstance(root.slice, ast.Constant) and type(root.slice.value) in (str, int):
                path.append(f"[{root.slice.value!r}]")
            else:
                return None
            root = root.value
        if not isinstance(root, ast.Name):
            return None
        found = self._binding_seen(root.id, site)
        if found is None:
            return self._free_identity(root.id, site, path)
        scope, binding = found
        inherited = self._never_set_on_self(root.id, scope, path) if path else None
        if inherited is not None:
            return ("self", id(inherited), *reversed(path))
        on_self = self._set_once_on_self(root.id, scope, path) if path else None
        if path and on_self is None and not self._path_stays(scope, root.id, path):
            return None
        frame = site.frame
        while frame is not None and not (frame.scope is scope and frame.called):
            frame = frame.outer
        if frame is not None:
            self._told_frames[id(frame)] = frame
        told = id(frame) if frame is not None else None
        if on_self is not None and told is None and not self._may_make_two_instances(on_self):
            # The file never names the class, so makes no instance of it (nor of a class derived from it):
            # its methods run on instances made elsewhere, and the attribute is one unknown value in every
            # method, as a parameter is in its function. Two instances the file makes may hold two.
            return ("self", id(on_self), path[0])
        return (id(scope), root.id, binding.at, told, *reversed(path))

    def _free_identity(self, name: str, site: Site, path: list[str]) -> tuple[object, ...] | None:
        """Of a path on a name the file reads but never binds (`args.cloud_service_name` in a copy of a
        script cut off above its `args = parser.parse_args()`, or a name a star import brings), what tells
        it from others: one value wherever it is read, as nothing in the file binds the name, as long as
        nothing the file does to the object changes the parts on the path (see `_parts_stay`). None for the
        name itself (a builtin, or bound where the reader does not see) and for a bound name."""
        if not path or name in _BUILTINS or lookup(name, site.scope, self.index.module) is not None:
            return None
        if not self._parts_stay(self.index.free, name, path):
            return None
        return ("free", name, *reversed(path))

    def _built_identity(self, node: ast.JoinedStr | ast.BinOp, site: Site) -> tuple[object, ...] | None:
        """Of a string built from others (an f-string, `a + b`), its pieces in order: the text of each
        the script states, what tells apart each it does not (`same_value`). Built again from the same
        values, it is the same string: `f'{prefix}-svc'` passed to `deploy(service)`, and the caller's
        own `f'{prefix}-svc'`, name one cloud service. None when a piece is neither (a value formatted
        with a conversion or a format spec, one told by nothing), or when the script states them all."""
        pieces = self._pieces(node, site, 0)
        if pieces is None or all(isinstance(piece, str) for piece in pieces):
            return None
        return ("text", *pieces)

    def built_pieces(self, node: ast.expr, site: Site, partial: bool = False) -> list[object] | None:
        """The pieces of the string an expression holds (see `_built_identity`): of the string it builds, or
        of the one a name it reads is bound to where it is built (`media = 'https://' + account + '.blob
        .core.windows.net/vhds/a.vhd'`, read as `media`, see `_binding_built`); a value told apart as a
        whole (`same_value`) is one piece. None when a piece is told by nothing; with `partial`, that piece
        is None instead, so that what the others tell is kept (the account of a blob whose name is told by
        nothing). A name bound on a branch the read may not take holds either value: it is one piece, told
        apart as a whole, not the pieces of the value that branch builds."""
        if isinstance(node, ast.Name):
            seen = self._binding_reached(node.id, site)
            built = seen[1].value if seen is not None else None
            if built is not None and (isinstance(built, (ast.BinOp, ast.JoinedStr)) or _format_parts(built)):
                assert seen is not None  # a binding with a value
                same = seen[0] is site.scope
                bound_at = Site(
                    seen[0],
                    seen[1].made,
                    seen[1].chain,
                    site.frame if same else None,
                    site.path if same else (),
                )
                pieces = self._pieces(built, bound_at, 0, partial)
                if pieces is not None:
                    return pieces
        return self._pieces(node, site, 0, partial)

    def argument_default(self, node: ast.expr, site: Site) -> str | None:
        """The text a run as written, given no arguments, takes for a value read from the script's
        arguments with a default stated (`sys.argv[1] if len(sys.argv) > 1 else 'Contoso Prod'`, or a name
        bound to that, read at `site`); None for any other value."""
        if isinstance(node, ast.Name):
            reached = self._binding_reached(node.id, site)
            bound = reached[1].value if reached is not None else None
            node = bound if bound is not None else node
        if not isinstance(node, ast.IfExp) or not (_reads_argv(node.test) and _reads_argv(node.body)):
            return None
        default = node.orelse
        return default.value if isinstance(default, ast.Constant) and isinstance(default.value, str) else None

    def _binding_reached(self, name: str, site: Site) -> tuple[Scope, Binding] | None:
        """The scope and the binding of a name whose value a read at `site` surely holds (see `built_pieces`):
        the one `_binding_seen` or `_binding_built` finds for a name bound once; for one bound more than
        once, the binding the read reaches on its path (`_reaching`: `vnet = ''` then `vnet = 'prod-vnet'`,
        or one on the branch the read is in), never the last one the file writes before the read, which
        may be on a branch the read does not take (`if prod: media = ...` read in the `else`). None when
        which binding runs is not decided (either may: the choice is noted, see `alternatives`)."""
        seen = self._binding_seen(name, site) or self._binding_built(name, site)
        if seen is None or len(seen[0].bindings[name]) == 1:
            return seen
        reached = self._reaching(name, seen[0], site)
        return (seen[0], reached) if reached is not None else None

    def _binding_built(self, name: str, site: Site) -> tuple[Scope, Binding] | None:
        """The scope and the binding of a name a read at `site` sees in this run of the code around it, when
        `_binding_seen` has none because the name is bound anew at each turn of a loop around the read: the
        last binding before the read in its own scope, made in a block around the read (so before it in
        each turn of every loop around both), when no loop around the read but not around the binding binds
        the name (`media = 'https://' + account + ...` in the loop's body, read as `media` after it in the
        same turn). None otherwise, and for a name a function declaring it `global` may replace."""
        scope = site.scope
        if lookup(name, scope, self.index.module) is not scope:
            return None
        if scope is self.index.module and name in self.index.declared_global:
            return None
        ordered = self._ordered_bindings(scope, name)
        before = bisect.bisect_left(ordered, site.at, key=lambda b: b.at)
        if before == 0:
            return None
        binding = ordered[before - 1]
        depth = len(binding.chain)
        if binding.each_turn or tuple(site.chain[:depth]) != tuple(binding.chain):
            return None
        if not self._loops_binding(scope, name).isdisjoint(site.chain[depth:]):
            return None
        return scope, binding

    def _joined_path_identity(self, node: ast.Call, site: Site) -> tuple[object, ...] | None:
        """Of a path joined from others (`os.path.join(os.environ['TEMP'], 'vnet.netcfg')`), the pieces of
        each part (see `_built_identity`): joined again from the same values, it is the same path. None for
        any other call, and for a part told by nothing."""
        name = dotted(node.func) or ""
        if name not in PATH_JOINS or node.keywords or not node.args:
            return None
        module = name.split(".")[0]
        scope = lookup(module, site.scope, self.index.module)
        if scope is None or module in scope.functions or module in scope.classes:
            return None
        if any(binding.value is not None for binding in scope.bindings[module]):
            return None  # not the module imported
        parts: list[object] = []
        for arg in node.args:
            pieces = self._pieces(arg, site, 0) if not isinstance(arg, ast.Starred) else None
            if pieces is None:
                return None
            parts.append(tuple(pieces))
        return ("joined path", *parts)

    def _pieces(self, node: ast.expr, site: Site, depth: int, partial: bool = False) -> list[object] | None:
        """The pieces of a string `node` builds (see `_built_identity`), adjacent texts joined; with
        `partial`, a piece told by nothing is None (see `built_pieces`)."""
        unknown: list[object] | None = [None] if partial else None
        if depth > MAX_DEPTH:
            return unknown
        parts: list[ast.expr]
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                if isinstance(value, ast.FormattedValue):
                    if value.conversion != -1 or value.format_spec is not None:
                        return unknown
                    value = value.value
                parts.append(value)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            parts = [node.left, node.right]
        elif (formatted := _format_parts(node)) is not None:
            parts = formatted
        else:
            found = self._evaluate(node, site)
            if isinstance(found, Lit):
                return [found.text] if HOLE not in found.text else unknown
            built = isinstance(node, ast.BinOp)  # otherwise than by `+` (`'%s' % name`): told by nothing
            told = self.same_value(node, site) if isinstance(found, Unknown) and not built else None
            return [told] if told is not None else unknown
        pieces: list[object] = []
        for part in parts:
            inner = self._pieces(part, site, depth + 1, partial)
            if inner is None:
                return None
            for piece in inner:
                if isinstance(piece, str) and pieces and isinstance(pieces[-1], str):
                    pieces[-1] += piece
                else:
                    pieces.append(piece)
        return pieces

    def _may_make_two_instances(self, cls: Scope) -> bool:
        """Whether the file may make two instances of a class it defines, whose methods may then read two
        values of one attribute: it reads the class's name otherwise than to read an attribute on it that is
        no function of the file (`C.lock.release()`, `C.count`, which make none), and otherwise than in
        one call of the class at the top of the module, in no loop (`app = C()`, which makes one). A second
        name, a method that may build one (`C.make()`), a call in a function, each may make more. Worked
        out once per class."""
        found = self._instances_made.get(id(cls))
        if found is None:
            name, index = cls.name, self.index
            kept = sum(
                count
                for attr, count in index.read_on_names.get(name, {}).items()
                if not _is_special(attr) and attr not in index.definitions
            )
            made = index.loads.get(name, 0) - kept
            calls = index.named_calls.get(name, [])
            once = (
                made == 1
                and len(calls) == 1
                and calls[0].scope is index.module
                and not self.in_loop(calls[0].chain)
                and not calls[0].comprehensions
                and cls.parent is index.module
                and len(index.module.bindings.get(name, ())) == 1
            )
            found = self._instances_made[id(cls)] = made > 0 and not once
        return found

    def _never_set_on_self(self, name: str, scope: Scope, path: list[str]) -> Scope | None:
        """The class of the method whose body is `scope`, when `path` (innermost first) are attributes of
        the instance the method runs on (`self.settings.STORAGE_ACCOUNT_NAME`) that nothing in the file
        sets or computes (a base class the file imports gives them: `setUp` of a test case), on a class
        whose instances are all made alike (see `_made_alike`): the path reads one value in every method
        and on every instance, as a name the file never binds does (see `_free_identity`). The file may
        pass them on (`make_service(self.settings)`): what sets them is the code the file does not hold,
        whichever method it runs before. None otherwise."""
        own = self._own_class(name, scope)
        attrs = [part[1:] for part in path]
        index = self.index
        if (
            own is None
            or not all(part.startswith(".") for part in path)
            or any(
                _is_special(attr) or attr in index.attribute_stores or attr in index.definitions
                for attr in attrs
            )
            or "__getattr__" in index.definitions
            or "__getattribute__" in index.definitions
            or self._sets_by_name()
            or not self._made_alike(own)
        ):
            return None
        # In the method, what may set them between two reads: a method the file does not define (one a
        # class deriving from this one elsewhere may), a function that sets an attribute of that name.
        assert scope.function is not None  # a method's: `own` is its class
        events = scope.events.get(name, ())
        if not all(self._keeps_attributes(event, scope, name, attrs[-1], len(path)) for event in events):
            return None
        reached = self._sets_reached(scope.function.node)
        return own if reached is not None and not reached.intersection(attrs) else None

    def _made_alike(self, cls: Scope) -> bool:
        """Whether every instance the file makes of a class it defines at its top is made by a call of it
        with no arguments (`Deploy()`, as a test runner makes one per test method), or it makes none: what
        the class takes from code the file does not hold is then set alike on each (see
        `_may_make_two_instances` for the reads of its name that make none)."""
        index = self.index
        if cls.parent is not index.module or len(index.module.bindings.get(cls.name, ())) != 1:
            return False
        kept = sum(
            count
            for attr, count in index.read_on_names.get(cls.name, {}).items()
            if not _is_special(attr) and attr not in index.definitions
        )
        calls = index.named_calls.get(cls.name, [])
        made = index.loads.get(cls.name, 0) - kept
        return made == len(calls) and all(not c.node.args and not c.node.keywords for c in calls)

    def _set_once_on_self(self, name: str, scope: Scope, path: list[str]) -> Scope | None:
        """The class of the method whose body is `scope`, when `name.attr` (`path` is the one attribute) is
        an attribute of the instance the method runs on (`self`) that the script sets in one place only, on
        the instance a method of that class runs on (its `__init__`, a setter such as `set_instance`), and
        never by a name it does not write: read twice in one run of the method, it is one value
        (`self.service` passed to `create_virtual_machine_deployment` and to `add_role`). Set in another
        method than `__init__`, only read in another method than that one, which may set it between two
        reads, and which the reading method does not call (see `_sets_reached`). None otherwise. Where the
        file makes instances of the class, the key `same_value` gives holds the method's scope and frame:
        two methods may run on two instances."""
        if len(path) != 1 or not path[0].startswith("."):
            return None
        attr = path[0][1:]
        own = self._own_class(name, scope)
        stored = self.index.attribute_values.get(attr)
        if (
            own is None
            or _is_special(attr)
            or self.index.attribute_stores.get(attr) != 1
            or stored is None
            or stored.scope.function is None
            or stored.scope.function.outer is not own
            or self._sets_by_name()
        ):
            return None
        setter = stored.scope.function.node.name
        holder = stored.target.value
        on_instance = isinstance(holder, ast.Name) and self._own_class(holder.id, stored.scope) is own
        if not on_instance or (setter != "__init__" and stored.scope is scope):
            return None
        assert scope.function is not None  # a method's: `own` is its class
        reached = self._sets_reached(scope.function.node)
        return own if reached is not None and attr not in reached else None

    def _path_stays(self, scope: Scope, name: str, path: list[str]) -> bool:
        """Whether the parts on `path` (innermost first) of the object `name` holds in `scope` stay what
        they were between two reads: see `_attributes_stay` for a path with an attribute on a parameter,
        which a function the script runs may set on the object it is passed, `_parts_stay` otherwise."""
        if name in scope.params and any(part.startswith(".") for part in path):
            return self._attributes_stay(scope, name, path)
        return self._parts_stay(scope, name, path)

    def _attributes_stay(self, scope: Scope, name: str, path: list[str]) -> bool:
        """Whether a path with attributes on the parameter `name` of the function whose body is `scope`
        (`self.service_name`, `cfg.service`, `self.cfg['svc']`; `path` innermost first) reads one value
        wherever the function reads it: nothing a run of the function may run sets or deletes an attribute
        of a name on the path, on any object (see `_sets_reached`), nor sets attributes by names the reader
        does not see (`_sets_by_name`); no attribute on it is one the file defines a function of that name
        for (a property, whose every read runs it, or `__getattr__`); the object lets no part of it less
        deep than the path go where the reader does not follow it (see `_reach`), and nothing done to it
        in the function may change a part on the path (see `_keeps_attributes`). Below the first part, the
        objects on the path are changed nowhere in the file (`Index.attribute_changes`). What another
        function sets, or a method the reader does not see, may come between two runs: then the reads must
        be in one run, on no branch (`_reads_of`); not `if new: create(self.svc) else: add(self.svc)`."""
        function, depth = scope.function, len(path)
        names = [part[1:] for part in path if part.startswith(".")]
        defined = self.index.definitions
        if (
            function is None
            or self._sets_by_name()
            or any(_is_special(attr) or attr in defined for attr in names)
            or "__getattr__" in defined
            or "__getattribute__" in defined
            or any(self.index.attribute_changes.get(part[1:]) for part in path[1:] if part.startswith("."))
            or scope.reach.get(name, depth) < depth
        ):
            return False
        first = path[-1][1:] if path[-1].startswith(".") else None
        branched, read_first = self._reads_of(function.node, name, first)
        unseen = [
            event
            for event in scope.events.get(name, ())
            if not self._keeps_attributes(event, scope, name, first, depth)
        ]
        if unseen and (branched or not all(self._runs_once_before(event, read_first) for event in unseen)):
            return False
        if branched and any(self.index.attribute_stores.get(attr) for attr in names):
            return False
        reached = self._sets_reached(function.node)
        return reached is not None and not reached.intersection(names)

    def _keeps_attributes(self, event: Event, scope: Scope, name: str, first: str | None, depth: int) -> bool:
        """Whether something done in `scope` to the object the parameter `name` holds leaves a path `depth`
        parts deep on it, whose part nearest the object is the attribute `first` (None: an item), what it
        was (see `_attributes_stay`): done to a part of it that deep or deeper (`_passes_a_part`), or to
        another attribute (`self.sms.get_role(...)`); a call of a method of the script's class on `self`,
        or the object passed to a function the script defines, which are read for what they set (see
        `_sets_reached`)."""
        if _passes_a_part(event, depth) or (first is not None and event.path[:1] not in ((), (first,))):
            return True
        if event.kind != "escape" or event.path or event.item:
            return False
        if event.method:
            own = self._own_class(name, scope)
            found = self._suppliers(Instance(own, False), event.method) if own is not None else None
            return found is not None and len(found) > 0 and None not in found
        call = event.value
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
            return False
        outer = lookup(call.func.id, event.scope, self.index.module)
        return (
            outer is not None and call.func.id in outer.functions and len(outer.bindings[call.func.id]) == 1
        )

    def _runs_once_before(self, event: Event, read: Position | None) -> bool:
        """Whether `event` comes before the first read, in no block that may run more than once (a loop's
        body, see `_loops_binding`): what it does, it does before every read of a run."""
        index = self.index
        return (
            read is not None
            and event.at < read
            and all(block in index.conditions or block in index.branch_of for block in event.chain)
        )

    def _reads_of(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, name: str, first: str | None
    ) -> tuple[bool, Position | None]:
        """Of the reads of `name.first` (`name[...]` when `first` is None) in the body of the function `node`:
        whether one is on a branch (under an `if`, a conditional expression, a `match` case, a handler,
        the right of `and`/`or`: it may be in another run than the others), and where the first is."""
        branched, read_first = False, None
        todo: list[tuple[ast.AST, bool]] = [(statement, False) for statement in node.body]
        while todo:
            current, inside = todo.pop()
            if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue
            if _reads_part(current, name, first):
                branched = branched or inside
                read_first = min(read_first or _at(current), _at(current))
            on_branch = _branches(current)
            todo.extend(
                (child, inside or any(child is b for b in on_branch))
                for child in ast.iter_child_nodes(current)
            )
        return branched, read_first

    def _sets_reached(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> frozenset[str] | None:
        """The names of the attributes that a run of the function `node` may set or delete, on any object:
        those its body sets or deletes, and those of every function the file defines under a name the body
        reads, and so on (a call by that name, or a method of that name called on anything, may run it).
        None when the budget is spent. Worked out once per function."""
        found = self._reached_sets.get(id(node))
        if found is not None:
            return found
        seen, todo = {id(node)}, [node]
        sets: set[str] = set()
        while todo:
            self.budget -= 1
            if self._spent():
                return None
            current = todo.pop()
            names = self._names_of.get(id(current))
            if names is None:
                names = self._names_of[id(current)] = _function_names(current)
            reads, written = names
            sets |= written
            for read in reads:
                for definition in self.index.definitions.get(read, ()):
                    if id(definition) not in seen:
                        seen.add(id(definition))
                        todo.append(definition)
        found = self._reached_sets[id(node)] = frozenset(sets)
        return found

    def _parts_stay(self, scope: Scope, name: str, path: list[str]) -> bool:
        """Whether what the file does to the object `name` holds leaves the parts on `path` (innermost
        first) what they were: no read of the name lets the object, or a part of it less deep, go where the
        reader does not follow it (another name, a list, see `_reach`), where a change to it would go unseen
        (`svc = cfg['svc']; svc['name'] = x`), and nothing done to it changes them (see `_keeps_parts`):
        setting another attribute of it (`args.other = 'x'`) leaves `args.svc` as it was."""
        depth = len(path)
        first = path[-1][1:] if path and path[-1].startswith(".") else None
        key = (id(scope), name, depth, first)
        kept = self._parts_kept.get(key)
        if kept is None:
            events = scope.events.get(name, ())
            kept = self._parts_kept[key] = scope.reach.get(name, depth) >= depth and all(
                self._keeps_parts(event, name, depth) or self._sets_another_attribute(event, first, depth)
                for event in events
            )
        return kept

    def _sets_another_attribute(self, event: Event, first: str | None, depth: int) -> bool:
        """Whether something done to an object only sets another attribute of it than `first`, the one a
        path on it reads first (`args.other = 'x'` beside `args.svc`, as a script fills in the defaults
        argparse left after `parse_args()`), or, for a path one part deep, changes what another attribute
        holds (`args.tags.append(t)`): either leaves the object `first` holds, and so the parts under it,
        where they were. Not where the script may run code on setting an attribute: a property or a method
        of that name, `__setattr__`, `__delattr__`."""
        if first is None or not event.path or event.item or event.path[0] == first:
            return False
        defined = self.index.definitions
        if event.path[0] in defined or "__setattr__" in defined or "__delattr__" in defined:
            return False
        if depth == 1:
            return event.kind != "escape"
        return event.kind == "set" and len(event.path) == 1

    def _keeps_parts(self, event: Event, name: str, depth: int) -> bool:
        """Whether something done to the object `name` holds leaves each of its parts `depth` deep what it
        was: an item or an attribute passed or changed in place (`wait(cfg['name'])`) for a path one part
        deep, a part passed as it is for a path no deeper than that part (`deploy(sys.argv[1])`), or the
        object passed to a function of the script that only reads it, or passes on parts of it no less
        deep (`_only_parts_leave`), and reads there no deeper than the path lets go (see
        `_read_where_passed`). Setting a part, or passing the object where the reader cannot follow it,
        may change any of them."""
        if _passes_a_part(event, depth):
            return True
        return (
            event.kind == "escape"
            and not event.path
            and (self._harmless(event) or self._only_parts_leave(event, name, depth))
            and self._read_where_passed(event, name, depth)
        )

    def _only_parts_leave(self, event: Event, name: str, depth: int) -> bool:
        """Whether the function of the script that `name` is passed to (an escape) does nothing to the
        parameter it gets it as but read it and pass on its parts `depth` deep or deeper (`def linux_config
        (hostname, args): pk = PublicKey(args.ssh_thumb, path)`), which may change what those parts hold,
        not which objects they are (see `_passes_a_part`)."""
        call = event.value
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
            return False
        if any(isinstance(arg, ast.Starred) for arg in call.args):
            return False
        outer = lookup(call.func.id, event.scope, self.index.module)
        function = outer.functions.get(call.func.id) if outer is not None else None
        if outer is None or function is None or len(outer.bindings[call.func.id]) != 1:
            return False
        inner = function.scope
        for param, arg in _parameters(call, function.signature):
            if not isinstance(arg, ast.Name) or arg.id != name:
                continue
            if param is None or param in inner.declared or len(inner.bindings.get(param, ())) != 1:
                return False
            if not all(_passes_a_part(done, depth) for done in inner.events.get(param, ())):
                return False
        return True

    def _read_where_passed(self, event: Event, name: str, depth: int) -> bool:
        """Whether the function `name` is passed to (an escape `_harmless` found harmless) lets no part of
        it less than `depth` deep go where the reader does not follow it, under each parameter it is passed
        as (`def show(c): return c['svc']` lets the item go)."""
        call = event.value
        if not isinstance(call, ast.Call):
            return False
        called = self._called(call, event.scope)
        if called is None:
            return False  # a call the reader does not follow: what it lets go is not known
        function, signature = called
        inner = function.scope
        for param, arg in _parameters(call, signature):
            if isinstance(arg, ast.Name) and arg.id == name and inner.reach.get(param or "", depth) < depth:
                return False
        return True

    def binding_seen(self, name: str, site: Site) -> tuple[Scope, Binding] | None:
        """The scope and the binding of a name a read at `site` sees (see `_binding_seen`)."""
        return self._binding_seen(name, site)

    def _binding_seen(self, name: str, site: Site) -> tuple[Scope, Binding] | None:
        """The scope and the binding of a name a read at `site` sees, when every read that sees that binding
        sees the same value: nothing can bind the name again between two such reads. Either the name's one
        binding in its scope, read in that scope after it or from a function when the scope is the module's;
        or, for a name bound more than once, read in its own scope, the last binding before the read in the
        file, whichever binding runs on the way to the read (a name drawn again in a retry loop, or bound
        on both branches of an `if`): a later one would come between. Never a binding the read sees anew at
        each turn of a loop around it (a loop's target, a binding in the loop's body), nor one a function
        that declares the name `global` may replace at any time; None then."""
        scope = lookup(name, site.scope, self.index.module)
        if scope is None or (scope is not site.scope and scope is not self.index.module):
            return None
        if scope is self.index.module and name in self.index.declared_global:
            return None
        bindings = scope.bindings[name]
        if len(bindings) == 1:
            binding = bindings[0]
            if scope is site.scope and binding.at >= site.at:
                return None
        elif scope is site.scope:
            ordered = self._ordered_bindings(scope, name)
            before = bisect.bisect_left(ordered, site.at, key=lambda b: b.at)
            if before == 0:
                return None
            binding = ordered[before - 1]
        else:  # read from a function: the module may bind it again between two calls of the function
            return None
        if binding.each_turn:
            return None
        if scope is not site.scope:  # read from a function, which may run at any turn of a loop that binds it
            around: Iterable[int] = binding.chain
        else:
            around = site.chain
        if not self._loops_binding(scope, name).isdisjoint(around):
            return None
        return scope, binding

    def _ordered_bindings(self, scope: Scope, name: str) -> list[Binding]:
        """The bindings of a name in its scope in the order the file writes them, sorted once per name."""
        key = (id(scope), name)
        ordered = self._ordered.get(key)
        if ordered is None:
            ordered = self._ordered[key] = sorted(scope.bindings[name], key=lambda binding: binding.at)
        return ordered

    def _loops_binding(self, scope: Scope, name: str) -> frozenset[int]:
        """The blocks that may run more than once (a loop's body, or a block the reader does not tell from
        one) that bind `name` in `scope`, worked out once per name: a read in one of them may see a binding
        made at an earlier turn, and the next read the one made after it."""
        key = (id(scope), name)
        found = self._rebinding_blocks.get(key)
        if found is None:
            index = self.index
            found = self._rebinding_blocks[key] = frozenset(
                block
                for binding in scope.bindings[name]
                for block in binding.chain
                if block not in index.conditions and block not in index.branch_of
            )
        return found


def _function_names(node: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[frozenset[str], frozenset[str]]:
    """The names a function's body reads (plain names and attributes: what it may call) and the attributes
    it sets or deletes, leaving out the bodies of the functions defined in it, which run only when called by
    a name read somewhere."""
    reads: set[str] = set()
    written: set[str] = set()
    todo: list[ast.AST] = list(node.body)
    while todo:
        current = todo.pop()
        if isinstance(current, ast.Name) and isinstance(current.ctx, ast.Load):
            reads.add(current.id)
        elif isinstance(current, ast.Attribute):
            (reads if isinstance(current.ctx, ast.Load) else written).add(current.attr)
        if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef)):
            todo.extend(current.decorator_list)
            todo.extend(current.args.defaults)
            todo.extend(d for d in current.args.kw_defaults if d is not None)
        else:
            todo.extend(ast.iter_child_nodes(current))
    return frozenset(reads), frozenset(written)


def _reads_part(node: ast.AST, name: str, first: str | None) -> bool:
    """Whether `node` reads the attribute `first` of the name `name` (an item of it when `first` is None)."""
    if first is None:
        return isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == name
    return (
        isinstance(node, ast.Attribute)
        and node.attr == first
        and isinstance(node.ctx, ast.Load)
        and isinstance(node.value, ast.Name)
        and node.value.id == name
    )


def _reads_argv(node: ast.expr) -> bool:
    """Whether an expression reads the script's arguments (`sys.argv`, `argv`): a test of how many are
    given, or one of them."""
    return any(
        (
            isinstance(n, ast.Attribute)
            and n.attr == "argv"
            and isinstance(n.value, ast.Name)
            and n.value.id == "sys"
        )
        or (isinstance(n, ast.Name) and n.id == "argv")
        for n in ast.walk(node)
    )


def _branches(node: ast.AST) -> list[ast.AST]:
    """The children of `node` that run only on some paths through it (see `Flow._reads_of`)."""
    if isinstance(node, ast.If):
        return [*node.body, *node.orelse]
    if isinstance(node, ast.IfExp):
        return [node.body, node.orelse]
    if isinstance(node, _TRIES):
        return [*node.handlers, *node.orelse]
    if isinstance(node, ast.Match):
        return list(node.cases[1:] if node.cases and fits_any_value(node.cases[0]) else node.cases)
    if isinstance(node, ast.BoolOp):
        return list(node.values[1:])
    if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        return list(ast.iter_child_nodes(node))
    return []


def _passes_a_part(event: Event, depth: int) -> bool:
    """Whether something done to an object leaves which objects its parts `depth` deep are as they were,
    since it only passes on or changes parts of it that deep or deeper: an item or an attribute passed or
    changed in place (`wait(cfg['name'])`) for a path one part deep, a part passed as it is for a path no
    deeper than that part (`deploy(sys.argv[1])` may change what `sys.argv[1]` holds, not `sys.argv[1]`)."""
    if depth == 1 and (event.item or (event.kind == "escape" and event.path)):
        return True
    return event.kind == "escape" and depth <= event.parts


def _parameters(call: ast.Call, signature: Signature) -> list[tuple[str | None, ast.expr]]:
    """Each argument of a call of a function with `signature`, with the parameter it fills (None: one past
    the positional parameters, or `**` spread)."""
    params: list[str | None] = list(signature.positional[: len(call.args)])
    params += [None] * (len(call.args) - len(params))
    params += [k.arg for k in call.keywords]
    return list(zip(params, [*call.args, *(k.value for k in call.keywords)], strict=True))


def _joined(left: Lit, right: Lit, node: ast.expr) -> Lit | None:
    """`left + right`: two strings joined, two whole numbers added; None when it would be longer than
    MAX_TEXT (it is measured before it is built), or for a string and a number (a TypeError) and other
    numbers. Strings and numbers share `Lit`: the constant each was written as tells them apart."""
    numbers = (_number(left), _number(right))
    if numbers != (None, None):
        if None in numbers or not all(isinstance(n, int) for n in numbers):
            return None
        return Lit(str(sum(n for n in numbers if n is not None)), node)
    if _too_long(len(left.text) + len(right.text), (left.text, right.text)):
        return None
    return Lit(left.text + right.text, node, _joined_lines([left, right]))


def _joined_lines(texts: Iterable[Lit]) -> Lines:
    """Where the lines of texts joined end to end are written (see `Lit.lines`): those of each text, the
    last line of one and the first of the next being one line, written by the literals of both."""
    lines: list[tuple[Origin, ...]] = []
    for text in texts:
        if not text.text:
            continue
        first, *rest = written_lines(text)
        if lines:
            lines[-1] = tuple(dict.fromkeys((*lines[-1], *first)))[:MAX_ORIGINS]
        else:
            lines.append(first)
        lines.extend(rest)
    return tuple(lines) or ((),)


def _f_string_lines(node: ast.JoinedStr, texts: list[Lit]) -> Lines:
    """Where the lines of an f-string's text are written: those of its literal pieces in the f-string, each
    on the line after the field before it ends (the line it starts on, for the first), and those of what
    fills its fields."""
    placed: list[Lit] = []
    line = 0
    for part, text in zip(node.values, texts, strict=True):
        if isinstance(part, ast.FormattedValue):
            placed.append(text)
            line = (getattr(part.value, "end_lineno", None) or node.lineno) - node.lineno
            continue
        count = text.text.count("\n")
        placed.append(Lit(text.text, part, tuple(((node, line + k),) for k in range(count + 1))))
        line += count
    return _joined_lines(placed)


def _number(value: Lit) -> int | float | None:
    """The number `value` was written as, or None for a string (or a value of unknown origin)."""
    node = value.node
    if (
        isinstance(node, ast.Constant)
        and isinstance(node.value, (int, float))
        and type(node.value) is not bool
    ):
        return node.value
    return None


def _concatenated(left: Value, right: Value, node: ast.expr) -> ListV | None:
    """`left + right` of two lists (or tuples): the items of both, in order. When one side is not known,
    the items of the other are still certainly in the result, which may hold more: enough for a rule that
    looks for a blocker among the items (an extension a VM is given), and a rule that needs them all sees
    that they are not. None when neither side is a list, or one is something other than a list."""
    if not isinstance(left, (ListV, Unknown)) or not isinstance(right, (ListV, Unknown)):
        return None
    lists = [side for side in (left, right) if isinstance(side, ListV)]
    if not lists:
        return None
    items = [item for side in lists for item in side.items]
    return ListV(items, len(lists) == 2 and all(side.complete for side in lists), node)


def _same(first: Value, other: Value) -> bool:
    """Whether two values a function may return are the same string or number, or both None."""
    if isinstance(first, Lit) and isinstance(other, Lit):
        return first.text == other.text
    return isinstance(first, NoneV) and isinstance(other, NoneV)


def _same_item(first: Value, other: Value) -> bool:
    """Whether two values read at one place are the same: the same string or number, both None, or what
    one expression makes (a list, a dict, an SDK object built there, read through the names that hold it)."""
    if _same(first, other):
        return True
    made = (ListV, DictV, Obj, Encoded)
    return (
        isinstance(first, made)
        and type(first) is type(other)
        and first.node is not None
        and (first.node is other.node)
    )


def _immutable(value: Value | None) -> bool:
    """Whether a value is no object a change can be made to: a string, a number, None, a class, or a
    value the reader does not know (which stays unknown whatever is done to it)."""
    return isinstance(value, (Lit, NoneV, Unknown, Encoded, ClassV))


def _placed(value: Unknown, read: Unknown) -> Unknown:
    """An unknown value as a read of it gives it, placed at the read (`read`), which stays None where the
    value may be, left to the caller where it is (`Unknown.unset`: `sub = args.subnet`, then `[sub]`), and
    the caller's value where a call passed it (see `Unknown.ident`)."""
    if value.may_be_none or value.ident is not None or value.read_from is not None:
        return replace(
            read,
            may_be_none=value.may_be_none,
            ident=value.ident,
            read_from=value.read_from,
            unset=value.unset if value.may_be_none else "",
        )
    return read


def _unshared(node: ast.expr, value: Value | None) -> bool:
    """Whether the value a call passes as `node` is no object anything else holds: not an object at all (see
    `_immutable`), or a list, tuple or dict written out there whose items are such values in turn, or a
    model object made there from constants."""
    if _immutable(value):
        return True
    if isinstance(node, (ast.List, ast.Tuple)) and isinstance(value, ListV):
        elements = node.elts
        return (
            not any(isinstance(element, ast.Starred) for element in elements)
            and len(elements) == len(value.items)
            and all(_unshared(element, item) for element, item in zip(elements, value.items, strict=True))
        )
    if isinstance(node, ast.Dict) and isinstance(value, DictV):
        return all(
            isinstance(key, ast.Constant)
            and isinstance(key.value, str)
            and _unshared(item, value.items.get(key.value))
            for key, item in zip(node.keys, node.values, strict=True)
        )
    if isinstance(node, ast.Call) and isinstance(value, Obj) and value.node is node:
        return all(isinstance(arg, ast.Constant) for arg in [*node.args, *(k.value for k in node.keywords)])
    return False


def _written_fields(spec: ast.expr | None) -> list[str] | None:
    """The field names a named tuple's definition writes out (`['name', 'subnets']`, `'name subnets'`);
    None when it does not write them out."""
    if isinstance(spec, ast.Constant) and isinstance(spec.value, str):
        return spec.value.replace(",", " ").split()
    if isinstance(spec, (ast.List, ast.Tuple)) and all(
        isinstance(item, ast.Constant) and isinstance(item.value, str) for item in spec.elts
    ):
        return [str(item.value) for item in spec.elts if isinstance(item, ast.Constant)]
    return None


def _field(value: Value | None, name: str) -> Value | None:
    """The item a named tuple's field holds (`vm.subnets`); None for any other value, and for a field of
    one the reader does not know in full."""
    if (
        not isinstance(value, ListV)
        or value.fields is None
        or not value.complete
        or name not in value.fields
        or len(value.items) != len(value.fields)
    ):
        return None
    return value.items[value.fields.index(name)]


def _when(event: Event) -> Position:
    return event.at


def _again(event: Event, binding: Binding, frame: Frame | None) -> bool:
    """Whether a loop turn of `frame` (or of the frames it is read in) comes after a turn that made the
    change `event` too: the change is in the loop's body, to an object bound before the loop."""
    while frame is not None:
        loop = frame.loop
        if (
            loop is not None
            and frame.turn > 0
            and loop.scope is event.scope
            and loop.block in event.chain
            and binding.at < loop.at
        ):
            return True
        frame = frame.outer
    return False


def _shared(chain: tuple[int, ...], other: tuple[int, ...]) -> tuple[int, ...]:
    """The blocks two chains share, from the outermost: those both are in."""
    common = 0
    while common < len(chain) and common < len(other) and chain[common] == other[common]:
        common += 1
    return chain[:common]


def _plain_text(value: Value) -> bool:
    """Whether a value is a string the script states in full: not a number, a bool or bytes written as
    such, nor a text with a HOLE."""
    if not isinstance(value, Lit) or HOLE in value.text:
        return False
    return not isinstance(value.node, ast.Constant) or isinstance(value.node.value, str)


def _width(target: ast.expr) -> int:
    """How many parts of a loop's target `_unpack` goes through: its names, and the tuples around them."""
    count, pending = 0, [target]
    while pending:
        node = pending.pop()
        count += 1
        if isinstance(node, ast.Starred):
            pending.append(node.value)
        elif isinstance(node, (ast.Tuple, ast.List)):
            pending.extend(node.elts)
    return count


class _StartedAt(ast.expr):
    """Whether a thread is started, where the calls that may start it (`t.start()`, not surely after it is
    made) are `sites`: no, when none of them runs (in a function nothing calls, under a test decided
    against it); else not known. Made by the index, never parsed (see `Flow._truth`)."""

    def __init__(self, sites: list[CallSite | None]) -> None:
        super().__init__()
        self.sites = [site for site in sites if site is not None]


class _NotStated(ast.expr):
    """A value the script does not state, where `where` reads it: an item of an iterable the reader does
    not know in full, that a pool passes to the function it maps over it; whether a thread is started.
    Made by the index, never parsed: read, it is unknown."""

    def __init__(self, where: ast.AST) -> None:
        super().__init__()
        ast.copy_location(self, where)


class _MapItem(ast.expr):
    """An item of a list a pool's map passes to the function it maps over it (`pool.map(deploy, names)`),
    where the list is not written out at the call: read, unknown; each item where the list is known in
    full where the function is called (see `Flow._mapped`). Made by the index, never parsed."""

    _fields = ("iterable",)

    def __init__(self, iterable: ast.expr) -> None:
        super().__init__()
        self.iterable = iterable
        ast.copy_location(self, iterable)


class _Part(ast.expr):
    """Item `index` of the value a tuple target of `width` names is unpacked from (`a, b = PAIR`): the
    item of a list or tuple known in full of that length, else unknown. Made by the index, never parsed."""

    _fields = ("value",)

    def __init__(self, value: ast.expr, index: int, width: int, where: ast.expr) -> None:
        super().__init__()
        self.value, self.index, self.width = value, index, width
        ast.copy_location(self, where)


def _parts(target: ast.Tuple | ast.List, value: ast.expr | None) -> list[ast.expr | None]:
    """What each element of a tuple target is bound to: the matching element of a tuple or list written
    out with as many (`a, b = 'x', 'y'`), else its item of the value (`_Part`), read when a name is. None
    for all (not followed) with a starred element, no value, or a target wider than MAX_TARGET: each of
    its names would read the whole value again."""
    elements = target.elts
    if value is None or any(isinstance(element, ast.Starred) for element in elements):
        return [None] * len(elements)
    if (
        isinstance(value, (ast.Tuple, ast.List))
        and len(value.elts) == len(elements)
        and not any(isinstance(item, ast.Starred) for item in value.elts)
    ):
        return list(value.elts)
    if _width(target) > MAX_TARGET:
        return [None] * len(elements)
    return [_Part(value, at, len(elements), element) for at, element in enumerate(elements)]


def _unpack(target: ast.expr, item: Value, names: dict[str, Value]) -> None:
    """Bind the names of a loop's target to one item (`for name, size in [('web', 'Small')]`); a name the
    item does not give a value to (it is not a tuple of as many values) is unknown."""
    if isinstance(target, ast.Name):
        names[target.id] = item
    elif isinstance(target, ast.Starred):
        _unpack(target.value, Unknown("", target), names)
    elif isinstance(target, (ast.Tuple, ast.List)):
        elements = target.elts
        fits = (
            isinstance(item, ListV)
            and item.complete
            and len(item.items) == len(elements)
            and not any(isinstance(element, ast.Starred) for element in elements)
        )
        for at, element in enumerate(elements):
            part = item.items[at] if fits and isinstance(item, ListV) else Unknown("", element)
            _unpack(element, part, names)


class _Unstated:
    """What `Flow._known` gives for a value the reader does not know for certain."""


_UNSTATED = _Unstated()


def _python(value: Value) -> object:
    """The Python value of a value the reader knows in full (`_UNSTATED` for any other): the constant a
    `Lit` was written as (a number, a bool), or its text when it was built. Text with a HOLE (a piece the
    script does not state, where paths are read) is not known in full."""
    if isinstance(value, NoneV):
        return None
    if isinstance(value, Lit) and HOLE in value.text:
        return _UNSTATED
    if isinstance(value, Lit):
        node = value.node
        if isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float)):
            return node.value
        return value.text
    if isinstance(value, ListV) and value.complete:
        items = [_python(item) for item in value.items]
        return _UNSTATED if any(item is _UNSTATED for item in items) else items
    if isinstance(value, ListV) and value.items:
        return [_UNSTATED]  # holds more than it says, and something: true, and nothing more known
    if isinstance(value, DictV) and value.complete:
        table = {key: _python(item) for key, item in value.items.items()}
        return _UNSTATED if any(item is _UNSTATED for item in table.values()) else table
    if isinstance(value, Obj):
        return value  # an object of the SDK's: true
    return _UNSTATED


def _compare(op: ast.cmpop, left: object, right: object) -> bool | None:
    """`left op right` for `==`, `!=`, `is`, `is not`, `in` and `not in` on known values, and `<`, `<=`, `>`,
    `>=` on two whole numbers or two strings."""
    if left is _UNSTATED or right is _UNSTATED or _holds_unstated(left) or _holds_unstated(right):
        return None
    if isinstance(op, (ast.Is, ast.IsNot)):
        if left is not None and right is not None:
            return None  # identity of other values is not the reader's to say
        same = left is right
        return same if isinstance(op, ast.Is) else not same
    if isinstance(op, (ast.Eq, ast.NotEq)):
        equal = left == right
        return equal if isinstance(op, ast.Eq) else not equal
    if type(op) in _COMPARED and type(left) is type(right) and type(left) in (int, str):  # `2 < 1`
        return _COMPARED[type(op)](left, right)
    if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, (str, list, dict)):
        if isinstance(right, str) and not isinstance(left, str):
            return None
        try:
            inside = left in right
        except TypeError:
            return None
        return inside if isinstance(op, ast.In) else not inside
    return None


def _holds_unstated(value: object) -> bool:
    if isinstance(value, list):
        return any(item is _UNSTATED or _holds_unstated(item) for item in value)
    if isinstance(value, dict):
        return any(_holds_unstated(item) for item in value.values())
    return False


def _frame_around(frame: Frame | None, chain: tuple[int, ...]) -> Frame | None:
    """The frame of the code under `chain`: `frame` without the turns of loops inside it."""
    while frame is not None and (
        frame.span is not None or (frame.loop is not None and frame.loop.block not in chain)
    ):
        frame = frame.outer
    return frame


def _region(chain: tuple[int, ...], index: Index) -> tuple[int, ...]:
    """The chain up to its innermost block that is not an `if` branch (a loop, a handler): the part of the
    code a read is in that runs as a whole, once or again."""
    end = len(chain)
    while end and chain[end - 1] in index.conditions:
        end -= 1
    return chain[:end]


def _position(node: ast.expr) -> int | None:
    """The index a subscript writes out as a whole number (`[0]`, `[-1]`)."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node, sign = node.operand, -1
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return sign * node.value
    return None


def _slice_bounds(part: ast.Slice) -> tuple[int | None, int | None, int | None] | None:
    """The bounds of a slice written as whole numbers or left out (`[1:]`, `[:-1]`, `[:]`); None when one is
    written otherwise."""
    written = (part.lower, part.upper, part.step)
    bounds = tuple(_position(b) if b is not None else None for b in written)
    if any(b is None and given is not None for b, given in zip(bounds, written, strict=True)):
        return None
    return bounds[0], bounds[1], bounds[2]


def _range_numbers(
    args: list[ast.expr], number: Callable[[ast.expr], int | None] = lambda bound: whole_number(bound)
) -> range | None:
    """The numbers `range(...)` gives when its bounds are whole numbers, written out (`range(2, 9)`) or, as
    `number` reads them, stated (`range(count)` of `count = 3`), at most MAX_TURNS + 1 of them (a loop over
    more is read once); None when any bound is not."""
    bounds = [bound for bound in map(number, args) if bound is not None]
    if not 1 <= len(bounds) == len(args) <= 3 or (len(bounds) == 3 and bounds[2] == 0):
        return None  # a step of 0 raises ValueError: the loop never runs, but not as a loop over nothing
    return range(*bounds)[: MAX_TURNS + 1]  # a slice of a range is a range: `range(10**9)` costs nothing


def _loop_condition(node: ast.For | ast.AsyncFor | ast.While) -> tuple[ast.expr, bool] | None:
    """The condition of a loop's body, where its head decides whether it runs: of a `while` tested by a false
    literal (`while False:`, `while 0:`), which never runs, its test, as an `if False:`'s body's is, so that
    what the body creates is never created; of a `for` over `range()` counted in numbers written out past
    MAX_TURNS (`range(100)`), which surely runs but whose turns are not taken one by one, a true literal, as
    an `if True:`'s body's is, so that what it creates surely is. None for any other loop, whose body may
    run."""
    if isinstance(node, ast.While) and literal_truth(node.test) is False:
        return (node.test, True)
    counted = node.iter if isinstance(node, ast.For) else None
    if isinstance(counted, ast.Call) and isinstance(counted.func, ast.Name) and counted.func.id == "range":
        numbers = _range_numbers(counted.args)
        if numbers is not None and len(numbers) > MAX_TURNS:
            return (ast.copy_location(ast.Constant(True), counted), True)
    return None


def literal_truth(test: ast.AST) -> bool | None:
    """Whether a test written as a literal holds (`if True:`, `while 0:`, `if None:`, `not False`, a
    comparison of two literals: `1 == 0`, `"a" != "b"`, `2 < 1`), which decides it whatever the script is
    run with; None for any other test. The one such test of the script readers (the SDK's calls and the
    classic CLI's command lines)."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        holds = literal_truth(test.operand)
        return None if holds is None else not holds
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        return _literals_compared(test.left, test.ops[0], test.comparators[0])
    if not isinstance(test, ast.Constant) or test.value is Ellipsis:
        return None
    return bool(test.value)


def main_guard(test: ast.AST) -> bool:
    """`__name__ == '__main__'` (either way round): a script's main guard, which holds when it is run."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
        return False
    sides = {type(side).__name__: side for side in (test.left, test.comparators[0])}
    name, constant = sides.get("Name"), sides.get("Constant")
    return (
        isinstance(name, ast.Name)
        and name.id == "__name__"
        and isinstance(constant, ast.Constant)
        and constant.value == "__main__"
    )


def beside_main_guard(test: ast.expr) -> tuple[bool, ast.expr | None]:
    """An `if`'s test as it stands when the file is run as a script: whether it reads the main guard, and
    what is left to decide (None: nothing, the guard holds). `__name__ == '__main__' and ready` leaves
    `ready`; a test with no guard is left whole."""
    if main_guard(test):
        return True, None
    if not isinstance(test, ast.BoolOp) or not isinstance(test.op, ast.And):
        return False, test
    rest = [value for value in test.values if not main_guard(value)]
    if len(rest) == len(test.values):
        return False, test
    if len(rest) == 1:
        return True, rest[0]
    return True, ast.copy_location(ast.BoolOp(ast.And(), rest), test)


# The comparisons `_literals_compared` decides.
_COMPARED: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
}


def _literals_compared(left: ast.expr, operator: ast.cmpop, right: ast.expr) -> bool | None:
    """Whether two literals of one kind, whole numbers or strings, compare as `operator` says; None for
    any other pair or operator."""
    compare = _COMPARED.get(type(operator))
    sides = [_literal_value(left), _literal_value(right)]
    if compare is None or None in sides or type(sides[0]) is not type(sides[1]):
        return None
    return compare(*sides)


def _literal_value(node: ast.expr) -> int | str | None:
    """A whole number or a string written out; None for any other expression."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return whole_number(node)


def whole_number(node: ast.expr) -> int | None:
    """A whole number written out: `9`, `-1`."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = whole_number(node.operand)
        return -inner if inner is not None else None
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    return None


_COUNTED = {ast.Lt: 0, ast.LtE: 1, ast.Gt: 0, ast.GtE: -1}


def while_turns(
    node: ast.While, start_of: Callable[[str], ast.expr | None], most: int
) -> tuple[str, range] | None:
    """`while i < 2` over a counter whose value before the loop `start_of` gives as a number, that the
    body moves by `i += 1` (or `-=`) alone and leaves by no `break` or `continue`: the counter and its
    values, one a turn; None for any other `while`, or one of no turn or more than `most`. The one counting
    of the script readers (the SDK's calls and the classic CLI's command lines)."""
    test = node.test
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in _COUNTED):
        return None
    counter, bound = test.left, _stated_bound(node, start_of)
    if not isinstance(counter, ast.Name) or bound is None:
        return None
    written = start_of(counter.id)
    start = whole_number(written) if written is not None else None
    step = _step(node.body, counter.id)
    if start is None or step is None or (step > 0) != isinstance(test.ops[0], (ast.Lt, ast.LtE)):
        return None
    turns = range(start, bound + _COUNTED[type(test.ops[0])], step)
    return (counter.id, turns) if 0 < len(turns) <= most else None


def _stated_bound(node: ast.While, start_of: Callable[[str], ast.expr | None]) -> int | None:
    """The number a counted `while` compares its counter to: written out (`while i < 3`), or held by a name
    whose value before the loop `start_of` gives as a number and that nothing in the body binds (`while i <
    count`)."""
    bound = node.test.comparators[0] if isinstance(node.test, ast.Compare) else None
    if not isinstance(bound, ast.Name):
        return whole_number(bound) if bound is not None else None
    written = start_of(bound.id)
    if written is None or any(
        isinstance(n, ast.Name) and n.id == bound.id and not isinstance(n.ctx, ast.Load)
        for statement in node.body
        for n in ast.walk(statement)
    ):
        return None
    return whole_number(written)


def _step(body: list[ast.stmt], name: str) -> int | None:
    """How much the one `name += n` (`-= n`) of a loop's body moves it, where nothing else in the body
    assigns it and no `break` or `continue` leaves the turn."""
    steps = [
        statement
        for statement in body
        if isinstance(statement, ast.AugAssign)
        and isinstance(statement.target, ast.Name)
        and statement.target.id == name
    ]
    others = [
        child
        for statement in body
        for child in ast.walk(statement)
        if isinstance(child, (ast.Break, ast.Continue))
        or (isinstance(child, ast.Name) and child.id == name and not isinstance(child.ctx, ast.Load))
    ]
    if len(steps) != 1 or len(others) != 1 or not isinstance(steps[0].op, (ast.Add, ast.Sub)):
        return None
    amount = whole_number(steps[0].value)
    if amount is None or amount == 0:
        return None
    return amount if isinstance(steps[0].op, ast.Add) else -amount


def _number_node(number: int, where: ast.AST) -> ast.Constant:
    """A number the script does not write but Python makes (the count `enumerate` gives), placed where
    it is made: a `Lit` of a number is told from a string by the constant it was written as."""
    return ast.copy_location(ast.Constant(number), where)


@dataclass(frozen=True, slots=True)
class _Field:
    """A field of a template: the key or the position it is filled from (None: the next value in turn),
    and whether only a whole number fills it (`%d`); and the flags and width a `%` field pads its value
    with (`03` of `%03d`), if any."""

    key: str | None
    number: bool = False
    spec: str = ""


Template = list[str | _Field]  # its literal texts and its fields, in order


def _percent_fields(template: str) -> Template | None:
    """The texts and fields of a `%` template, read character by character: `%s`, `%d`, `%(name)s`,
    `%(name)d` and `%%`, each with flags and a width written out (`%03d`, `%-8s`). None for any other field
    (a precision, a width given by `*`, another conversion): what it makes of a value depends on more than
    the value's text."""
    pieces: Template = []
    start = 0
    while (at := template.find("%", start)) >= 0:
        pieces.append(template[start:at])
        at += 1
        key = None
        if template.startswith("(", at):
            close = template.find(")", at)
            if close < 0 or "(" in template[at + 1 : close]:
                return None
            key, at = template[at + 1 : close], close + 1
        spec_start = at
        while template[at : at + 1] and template[at] in _PERCENT_SPEC:
            at += 1
        spec, kind = template[spec_start:at], template[at : at + 1]
        if kind == "%" and key is None and not spec:
            pieces.append("%")
        elif kind in ("s", "d"):
            pieces.append(_Field(key, kind == "d", spec))
        else:
            return None
        start = at + 1
    pieces.append(template[start:])
    return pieces


# What may stand between `%` (or its `(name)`) and a field's conversion: flags and a width in digits.
_PERCENT_SPEC = frozenset("#0- +123456789")


def fits_any_value(case: ast.match_case) -> bool:
    """Whether a case of a `match` runs for any value that reaches it: `case _:` or `case name:`, with no
    guard."""
    return isinstance(case.pattern, ast.MatchAs) and case.pattern.pattern is None and case.guard is None


def f_string_padding(value: ast.FormattedValue) -> str | None:
    """The flags and width of an f-string field that pads a whole number with zeros or blanks (`03` of
    `{i:03d}`, `3` of `{i:3d}`), which a `%` field (`%03d`) and C's printf read alike; None for any other
    field."""
    spec = value.format_spec
    if value.conversion != -1 or not isinstance(spec, ast.JoinedStr) or len(spec.values) != 1:
        return None
    part = spec.values[0]
    return _format_padding(
        part.value if isinstance(part, ast.Constant) and isinstance(part.value, str) else ""
    )


def _format_padding(spec: str) -> str | None:
    """The flags and width of a format spec that pads a whole number (`03` of `03d`); None for another."""
    width = spec.removesuffix("d")
    if not spec.endswith("d") or not width.isdecimal() or not width.isascii() or len(width) > 3:
        return None
    return width


def padded(text: str, field: _Field) -> str | None:
    """The text a `%` field with flags or a width (`%03d`, `%-8s`) makes of a value's text, as Python
    does; None where the field takes a whole number and the text is none."""
    if not field.spec:
        return text
    if not field.number:
        return ("%" + field.spec + "s") % text
    try:
        return ("%" + field.spec + "d") % int(text)
    except ValueError:
        return None


def _format_fields(template: str) -> Template | None:
    """The texts and fields of a `str.format` template, as `string.Formatter` reads them: plain fields only
    (`{}`, `{0}`, `{name}`); None for one with a conversion, a format or an attribute, for a template that
    numbers some fields and not others, and for one Python refuses."""
    pieces: Template = []
    numbering: set[bool] = set()  # True: a field numbered (`{0}`); False: one numbered in turn (`{}`)
    try:
        for text, name, spec, conversion in string.Formatter().parse(template):
            pieces.append(text)
            if name is None:
                continue
            width = _format_padding(spec) if spec else ""
            if width is None or conversion is not None:
                return None
            if not (name == "" or name.isdecimal() or name.isidentifier()):
                return None
            if not name or name.isdecimal():
                numbering.add(bool(name))
            pieces.append(_Field(name or None, bool(width), width))
    except ValueError:
        return None
    return pieces if len(numbering) < 2 else None


def _format_parts(node: ast.expr | None) -> list[ast.expr] | None:
    """The parts of the string `'<template>'.format(...)` builds, in order, as `_pieces` takes an f-string's:
    the template's texts and the expressions its plain fields (`{}`, `{0}`, `{name}`) are filled from,
    `"http://{}.blob.core.windows.net/{}".format(account, container)` as `f"http://{account}.blob..."`.
    None for any other expression, and for a field no argument fills or arguments the reader cannot see
    (`*args`, `**options`)."""
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return None
    given = format_arguments(node)
    template = _template(node.func.value.value, _format_fields)
    if template is None or given is None:
        return None
    args, keywords = given
    automatic = iter(args)
    parts: list[ast.expr] = []
    for piece in template:
        if isinstance(piece, str):
            if piece:
                parts.append(ast.copy_location(ast.Constant(piece), node.func.value))
            continue
        if piece.spec:
            return None  # a padded number (`{:03d}`) is not the text of what fills it
        if piece.key is None:
            filled = next(automatic, None)
        elif piece.key.isdecimal():
            filled = args[int(piece.key)] if int(piece.key) < len(args) else None
        else:
            filled = keywords.get(piece.key)
        if filled is None:
            return None
        parts.append(filled)
    return parts


def format_arguments(call: ast.Call) -> tuple[list[ast.expr], dict[str, ast.expr]] | None:
    """The arguments a call passes, by position and by name, a list or tuple the script writes out spread
    by `*` and a dict it writes out with string keys by `**` (`.format(**{'svc': 'web'})`) taken apart;
    None where it spreads one the reader cannot see (`*args`, `**options`)."""
    args: list[ast.expr] = []
    for arg in call.args:
        if not isinstance(arg, ast.Starred):
            args.append(arg)
        elif isinstance(arg.value, (ast.List, ast.Tuple)) and not any(
            isinstance(item, ast.Starred) for item in arg.value.elts
        ):
            args.extend(arg.value.elts)
        else:
            return None
    keywords: dict[str, ast.expr] = {}
    for keyword in call.keywords:
        if keyword.arg is not None:
            keywords[keyword.arg] = keyword.value
            continue
        table = keyword.value
        keys = [_string_key(key) for key in table.keys] if isinstance(table, ast.Dict) else [None]
        if not isinstance(table, ast.Dict) or None in keys:
            return None
        keywords.update(
            {key: value for key, value in zip(keys, table.values, strict=True) if key is not None}
        )
    return args, keywords


def template_parts(node: ast.expr | None) -> list[ast.expr] | None:
    """The parts of the string a template filled in builds, in order, as an f-string's: `'...'.format(...)`
    (`_format_parts`) or `'...' % ...` (`_percent_parts`). None for any other expression."""
    return _format_parts(node) if isinstance(node, ast.Call) else _percent_parts(node)


def _percent_parts(node: ast.expr | None) -> list[ast.expr] | None:
    """The parts of the string `'<template>' % values` builds, in order (see `_format_parts`): the
    template's texts and the expressions its `%s`, `%d` and `%(name)s` fields are filled from, a tuple's
    items in turn, one value alone, or a dict's values by the keys it writes out. None for any other
    expression, and where the values do not fill the fields one for one."""
    if not (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Mod)
        and isinstance(node.left, ast.Constant)
        and isinstance(node.left.value, str)
    ):
        return None
    template = _template(node.left.value, _percent_fields)
    if template is None:
        return None
    fields = [piece for piece in template if isinstance(piece, _Field)]
    keyed = node.right if isinstance(node.right, ast.Dict) else None
    if keyed is not None:
        keys = [_string_key(key) for key in keyed.keys]
        table = {key: value for key, value in zip(keys, keyed.values, strict=True) if key is not None}
        filled = [table.get(f.key) if f.key is not None else None for f in fields]
    else:
        values = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
        positional = len(values) == len(fields) and all(f.key is None for f in fields)
        filled = list(values) if positional else []
    if len(filled) != len(fields) or any(v is None or isinstance(v, ast.Starred) for v in filled):
        return None
    turns = iter(filled)
    parts: list[ast.expr] = []
    for piece in template:
        if isinstance(piece, str):
            if piece:
                parts.append(ast.copy_location(ast.Constant(piece), node.left))
            continue
        value = next(turns)
        assert value is not None  # checked above
        if piece.spec:  # `%03d`: padded as Python pads the value the script writes out
            constant = value.value if isinstance(value, ast.Constant) else None
            text = padded(str(constant), piece) if isinstance(constant, (str, int)) else None
            if text is None:
                return None
            value = ast.copy_location(ast.Constant(text), value)
        parts.append(value)
    return parts


def _string_key(key: ast.expr | None) -> str | None:
    return key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else None


def _fill(
    template: Lit, pieces: Template, value_of: Callable[[_Field], Lit | None], node: ast.expr
) -> Lit | None:
    """The text a template makes with each field's value, its lines written where the template's and the
    values' are; None when a field has none or the text grows past MAX_TEXT, MAX_BODY for markup
    (measured before it is built)."""
    texts: list[str] = []
    values: list[Lit | None] = []  # what fills each piece; None for a piece of the template's own text
    size = 0
    longest = _longest(template.text)
    for piece in pieces:
        value: Lit | None = None
        if isinstance(piece, str):
            text = piece
        else:
            value = value_of(piece)
            if value is None:
                return None
            text = value.text
        size += len(text)
        if size > longest:
            longest = max(longest, _longest(text))
            if size > longest:
                return None
        texts.append(text)
        values.append(value)
    return Lit("".join(texts), node, _joined_lines(_placed_pieces(template, texts, values)))


def _placed_pieces(template: Lit, texts: list[str], values: list[Lit | None]) -> list[Lit]:
    """The pieces of a filled-in template as texts written where they are: a value as it is, a piece of the
    template's own text on the template's lines it takes, in order (a field holds no line break; a template
    whose `%(key)s` does is left unplaced)."""
    written = written_lines(template)
    own = sum(text.count("\n") for text, value in zip(texts, values, strict=True) if value is None)
    placed = []
    line = 0
    for text, value in zip(texts, values, strict=True):
        if value is not None:
            placed.append(value)
            continue
        count = text.count("\n")
        lines = written[line : line + count + 1] if own == len(written) - 1 else None
        placed.append(Lit(text, None, lines))
        line += count
    return placed


def _fits_field(text: Lit, field: _Field) -> Lit | None:
    """The text a value gives a field: any string or number for `%s`, a whole number for `%d` (or a HOLE,
    which stands for any value)."""
    if text.text == HOLE:
        return None if field.spec else text  # how wide a value pads to depends on the value
    if field.number and not isinstance(_number(text), int):
        return None
    filled = padded(text.text, field)
    return text if filled == text.text else (Lit(filled, text.node) if filled is not None else None)


_URLJOIN_MODULES = frozenset({"urllib.parse", "parse", "urlparse", "requests.compat", "compat"})


def _two_plain_arguments(node: ast.Call) -> bool:
    """Whether a call passes two arguments by position, neither unpacked (`urljoin(a, b)`, `s.replace(a, b)`)."""
    return (
        len(node.args) == 2 and not node.keywords and not any(isinstance(a, ast.Starred) for a in node.args)
    )


def _replaced(receiver: Lit, old: str, new: Lit, node: ast.expr) -> Lit | None:
    """`text.replace(old, new)`; None when the result would grow past MAX_TEXT, MAX_BODY for markup
    (measured before it is built), or the text is over twice that long, as a template is (see `_template`). Its lines are the
    text's, written where they are and, where `old` is replaced, where `new` is; unless a line break is
    replaced or put in, which leaves them unplaced."""
    text = receiver.text
    longest = _longest(text[: 2 * MAX_BODY], new.text)
    if len(text) > 2 * longest or HOLE in old:
        return None
    if len(text) + text.count(old) * (len(new.text) - len(old)) > longest:
        return None
    lines = None
    if "\n" not in old + new.text:
        added = written_lines(new)[0]
        lines = tuple(
            tuple(dict.fromkeys((*origins, *added)))[:MAX_ORIGINS] if old in row else origins
            for row, origins in zip(text.split("\n"), written_lines(receiver), strict=True)
        )
    return Lit(text.replace(old, new.text), node, lines)


def _template(text: str | None, read: Callable[[str], Template | None]) -> Template | None:
    """The fields of a template, or None. A template more than twice MAX_TEXT long (MAX_BODY for markup)
    is not looked at: for what it builds to fit, its fields would have to take half of it; one filled in
    at each of many calls is paid for by what it builds (see `Flow._paid`)."""
    if text is None or len(text) > 2 * MAX_BODY:
        return None
    return read(text) if len(text) <= 2 * _longest(text) else None


def _longest(*texts: str) -> int:
    """The longest string the reader builds from pieces of which `texts` are some: MAX_BODY where one holds
    markup (a `<`), else MAX_TEXT."""
    return MAX_BODY if any("<" in text for text in texts) else MAX_TEXT


def _too_long(size: int, texts: Iterable[str]) -> bool:
    """Whether a string `size` long built of `texts` is past what the reader builds (see `_longest`):
    looked into only when it is longer than MAX_TEXT."""
    return size > MAX_TEXT and (size > MAX_BODY or not any("<" in text for text in texts))


def _constant(node: ast.Constant, flow: Flow) -> Value:
    value = node.value
    if value is None:
        return NoneV(node)
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if isinstance(value, int) and value.bit_length() > _LONGEST_NUMBER_BITS:
        return flow.unknown(node)  # no name or address: and str() refuses past 4,300 digits
    if isinstance(value, (str, int, float)):  # bool is an int: True and False read as written
        return Lit(str(value), node)
    return flow.unknown(node)


# Numbers longer than this (about 300 digits) are never a port, an address or a size a rule reads.
_LONGEST_NUMBER_BITS = 1024
