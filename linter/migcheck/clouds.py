"""Which Azure cloud a host name or an environment's name is of. Azure's global cloud, Azure operated by
21Vianet (Azure China) and Azure Government each have hosts of their own (`management.core.windows.net`,
`management.core.chinacloudapi.cn`, `management.core.usgovcloudapi.net`; blobs on `.blob.core.<suffix>`,
cloud services on `cloudapp.net`, `chinacloudapp.cn`, `usgovcloudapp.net`), and a subscription lives in one
of them only: a plan must sign in to that one (`Connect-AzAccount -Environment AzureChinaCloud`), or its
commands look in the global cloud and find no subscription."""

from __future__ import annotations

from dataclasses import replace

from migcheck.model import CloudInUse, Mark

GLOBAL = "AzureCloud"
CHINA = "AzureChinaCloud"
US_GOVERNMENT = "AzureUSGovernment"

# What a message calls each cloud, by the environment name Azure PowerShell and the CLIs take.
TITLES = {
    GLOBAL: "Azure's global cloud",
    CHINA: "Azure operated by 21Vianet",
    US_GOVERNMENT: "Azure Government",
}

# The domains of each cloud's endpoints: the API's and storage's (`core.<suffix>`) and cloud services'.
_DOMAINS = (
    ("chinacloudapi.cn", CHINA),
    ("chinacloudapp.cn", CHINA),
    ("usgovcloudapi.net", US_GOVERNMENT),
    ("usgovcloudapp.net", US_GOVERNMENT),
    ("core.windows.net", GLOBAL),
    ("cloudapp.net", GLOBAL),
)
_ENVIRONMENTS = {name.casefold(): name for name in TITLES}


def cloud_of_host(host: str) -> str:
    """The cloud whose endpoint `host` is (`zym.blob.core.chinacloudapi.cn` → AzureChinaCloud), in any
    case, with or without the root's dot; "" for any other host."""
    name = host.strip().rstrip(".").casefold()
    return next((cloud for domain, cloud in _DOMAINS if name == domain or name.endswith("." + domain)), "")


def cloud_of_url(url: str) -> str:
    """The cloud whose endpoint a URL (or a bare host, with a path or not) is on; "" for any other."""
    return cloud_of_host(url.strip().split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0])


def cloud_of_environment(name: str) -> str:
    """The cloud an environment's name names, as `-Environment`/`-e` takes it (`AzureChinaCloud`, in any
    case); "" for any other name, one a script leaves to fill in included."""
    return _ENVIRONMENTS.get(name.strip().casefold(), "")


class SignIns:
    """The clouds a script signs in to (`CloudInUse`), in the order the sign-ins run: each is the cloud of
    the subscriptions the script selects after it runs, up to its next sign-in (`selected_after`), so a
    readers calls `signed_in` where a sign-in runs and `selected` where a selection does (a function's
    where it is called)."""

    def __init__(self) -> None:
        self.clouds: dict[tuple[str, Mark], CloudInUse] = {}
        self._last: list[tuple[str, Mark]] = []  # those of the last sign-in run: a function's may be several

    def signed_in(self, cloud: str, at: Mark, selected_in: str) -> None:
        """A sign-in written at `at` runs, to `cloud` ("" for one the script does not name: it ends the
        one before all the same), where `selected_in` is the subscription selected ("" for none)."""
        self._last.clear()
        if cloud:
            key = (cloud, at)
            self.clouds.setdefault(key, CloudInUse(cloud, at, selected_in=selected_in))
            self._last.append(key)

    def selected(self, name: str) -> None:
        """The script selects subscription `name` (its id or name, as `SubscriptionSelection.name`)."""
        for key in self._last:
            cloud = self.clouds[key]
            if name not in cloud.selected_after:
                self.clouds[key] = replace(cloud, selected_after=(*cloud.selected_after, name))
