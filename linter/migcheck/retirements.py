"""The retirement dates the advice rests on, each written once, in ISO form, for every text that says it
(rule docs and messages, the plan, the readiness summary, the coverage page).

Where each date comes from (Microsoft's announcements; the copies under the shared reference hold only
the classic storage date and the end of new classic VMs):
- IaaS VMs (classic): retired 2023-09-06, when the VMs not yet migrated were stopped and deallocated
  (virtual-machines classic-vm-deprecation; migration-classic-resource-manager-plan).
- Cloud Services (classic): 2024-08-31. Cloud Services (extended support): deprecated 2025-03-31,
  retires 2027-03-31.
- Classic storage accounts: 2024-08-31 (reference FAQ); from 2024-11-01 their classic management API
  only reads and Microsoft migrates the remaining accounts (the storage team's retirement update).
- Basic SKU public IPs and Basic load balancers: 2025-09-30 (public-ip-basic-upgrade-guidance).
- VPN gateways: the legacy Standard and High Performance SKUs were supported until 2025-09-30 and then
  moved to VpnGw1AZ/VpnGw2AZ (vpn-gateway-deprecate-sku-faq); the non-zonal VpnGw1-5 SKUs retired on
  2026-09-30, which leaves the AZ SKUs (Azure updates).
- Application Gateway v1: 2026-04-28. Microsoft Entra Domain Services in classic networks: 2023-03-01,
  after which those domains were removed. App Service Environment v1/v2: 2024-08-31. Azure RemoteApp:
  2017-08-31. Classic alerts: public cloud, in limited use until 2021-05-31; Azure Government and Azure
  operated by 21Vianet, 2024-02-29.
- Services the classic module and SDK also managed, which the IaaS migration does not move: Azure
  Scheduler, retired 2022-01-31 (Azure Logic Apps replaces it); StorSimple 8000 series, end of support
  2022-12-31 (Azure File Sync replaces it); Azure Media Services, retired 2024-06-30 (no Azure successor).
"""

from __future__ import annotations

CLASSIC_VMS = "2023-09-06"
CLOUD_SERVICES_CLASSIC = "2024-08-31"
EXTENDED_SUPPORT_DEPRECATED = "2025-03-31"
EXTENDED_SUPPORT_RETIRES = "2027-03-31"
CLASSIC_STORAGE = "2024-08-31"
CLASSIC_STORAGE_READ_ONLY = "2024-11-01"
BASIC_SKU = "2025-09-30"  # Basic SKU public IPs and Basic load balancers
LEGACY_GATEWAY_SKUS = "2025-09-30"  # VPN gateway Standard and High Performance
NON_ZONAL_GATEWAY_SKUS = "2026-09-30"  # VPN gateway VpnGw1-5
APPLICATION_GATEWAY_V1 = "2026-04-28"
CLASSIC_DOMAIN_SERVICES = "2023-03-01"
APP_SERVICE_ENVIRONMENT_V1_V2 = "2024-08-31"
REMOTEAPP = "2017-08-31"
SCHEDULER = "2022-01-31"
STORSIMPLE = "2022-12-31"  # the 8000 series, the one the classic module managed
MEDIA_SERVICES = "2024-06-30"
CLASSIC_ALERTS = "2021-05-31"  # public cloud
CLASSIC_ALERTS_SOVEREIGN = "2024-02-29"  # Azure Government, Azure operated by 21Vianet

# The dates above that are Azure's global cloud's alone: a text that holds one states such a date. The classic
# alerts' are not among them: what says one says the sovereign clouds' own beside it.
DATES = frozenset(
    {
        CLASSIC_VMS,
        CLOUD_SERVICES_CLASSIC,
        EXTENDED_SUPPORT_DEPRECATED,
        EXTENDED_SUPPORT_RETIRES,
        CLASSIC_STORAGE,
        CLASSIC_STORAGE_READ_ONLY,
        BASIC_SKU,
        LEGACY_GATEWAY_SKUS,
        NON_ZONAL_GATEWAY_SKUS,
        APPLICATION_GATEWAY_V1,
        CLASSIC_DOMAIN_SERVICES,
        APP_SERVICE_ENVIRONMENT_V1_V2,
        REMOTEAPP,
        SCHEDULER,
        STORSIMPLE,
        MEDIA_SERVICES,
    }
)


def states_a_date(text: str) -> bool:
    """Whether `text` gives a retirement date of Azure's global cloud, which a sovereign cloud's may differ
    from."""
    return any(date in text for date in DATES)


# The VPN gateway SKUs to move a migrated gateway to: the only ones not retired.
VPN_GATEWAY_SKU = "VpnGw1AZ or higher"

# What became of the classic VMs not migrated in time, said wherever advice assumes running VMs.
VMS_DEALLOCATED = (
    f"IaaS VMs (classic) were retired on {CLASSIC_VMS}, and Microsoft then stopped and deallocated those not "
    "yet migrated"
)
# What starting such a VM comes to today, said alike by the plan's notice of the retirement and by MIG601 of
# a script that starts or restarts classic VMs (Start-AzureVM, `azure vm start`, `start_role`): those calls
# fail today, where they ran until the resources were migrated.
VMS_START_ONLY_MIGRATED = "a deallocated classic VM starts again only once migrated to Resource Manager"
