"""Rules about disks and images: what the storage account migration cannot carry over as it is."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from migcheck.estate import Estate
from migcheck.model import VM_OF_REQUEST_URI, Disk, Finding, Image, Role, Severity
from migcheck.retirements import CLASSIC_STORAGE, VMS_DEALLOCATED
from migcheck.rule import Docs, Example, Rule, Scope
from migcheck.wording import Tool


def _account(resource: Disk | Image) -> str:
    """Words for the storage account a disk or image lives in."""
    name = resource.storage_account
    return f"storage account '{name}'" if name else "its storage account"


class BlobNameWithSlash(Rule):
    code = "MIG401"
    name = "blob-name-with-slash"
    severity = Severity.ERROR
    scope = Scope.STORAGE
    looks_at = frozenset({Disk})
    summary = "A VM disk's VHD blob has a `/` in its name, which Resource Manager does not accept."
    fix_hint = (
        "Copy the VHD to a blob whose name has no '/'. A data disk: create a disk from the copy and attach "
        "it in place of this one. An OS disk: delete the VM keeping its disks, and build a Resource Manager "
        "VM from the copy once its storage account is migrated."
    )
    source = (
        "Validation error: VM {vm-name} in HostedService {cloud-service-name} contains Disk with MediaLink "
        "{vhd-uri} which has blob name {vhd-blob-name} that isn't supported in Azure Resource Manager "
        '(the blob name has a "/" in it).'
    )
    docs = Docs(
        what="An OS or data disk of a VM whose blob has a `/` after the container in its name, such as "
        "`https://acct.blob.core.windows.net/vhds/archive/old.vhd` (blob `archive/old.vhd`). The blob is "
        "the disk's `MediaLink`, or for a data disk that has one its `SourceMediaLink` (the VHD the disk is "
        "registered from, as Add Data Disk and a role's data disks may give it; `MediaLink` is then "
        "ignored). VM disks in REST bodies and Export-AzureVM files are checked, the disks a script gives a "
        "VM (PowerShell's `New-AzureVMConfig -MediaLocation` and `Add-AzureDataDisk -MediaLocation`, "
        "Python's `OSVirtualHardDisk` and `add_data_disk(media_link=...)`, the classic CLI's `azure vm create "
        "--blob-url` and `azure vm disk attach-new`), the disks of a VM in an inventory export (a Resource "
        "Graph row's `vhdUri`), the disk of an Add Data "
        "Disk request body (`DataVirtualHardDisk`, for the VM its URI names), and disks in a REST `Disks` "
        "list or a `Get-AzureDisk | ConvertTo-Json` export that are attached to a VM (when the same VHD is "
        "not already reported on the VM itself), at the blob's address. Disks of other names on one blob (a "
        "MIG004 conflict) are each reported, at their own address. Disks "
        "without a `MediaLink` (as Export-AzureVM usually writes them) cannot be checked and are skipped.",
        why="Blob storage treats `/` as part of the name (a virtual folder), but the Resource Manager "
        "compute provider does not accept such names for a VM's disks, so validation of the VM fails. "
        f"{VMS_DEALLOCATED}: such a VM keeps its disks, and this one still has to be replaced before it can "
        "move.",
        fix="Copy the blob to a name without `/` in the same container (`Start-AzureStorageBlobCopy`; stop "
        "the VM first if it still runs). For a data disk, register the copy as a disk (`Add-AzureDisk`), "
        "detach the old disk and attach the new one at the same LUN (`Remove-AzureDataDisk`, "
        "`Add-AzureDataDisk -Import`), then delete the old blob once the VM works. An OS disk cannot be "
        "swapped, and no classic VM can be created any more: delete the VM keeping its disks "
        "(`Remove-AzureVM`, without `-DeleteVHD`), and once the storage account is migrated build a "
        "Resource Manager VM from the copy (a managed disk made from the VHD), as MIG203 advises.",
    )
    invalid = (
        Example(
            {
                "jump.xml": """
                <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
                  <RoleName>jump01</RoleName>
                  <RoleType>PersistentVMRole</RoleType>
                  <DataVirtualHardDisks>
                    <DataVirtualHardDisk>
                      <DiskName>jump01-archive</DiskName>
                      <MediaLink>https://contosojump.blob.core.windows.net/vhds/archive/old.vhd</MediaLink>
                    </DataVirtualHardDisk>
                  </DataVirtualHardDisks>
                </PersistentVMRole>
                """
            },
            expect=("jump.xml:7:7",),
        ),
        Example(
            {
                "vms/sql01.xml": """
                <PersistentVM>
                  <RoleName>sql01</RoleName>
                  <OSVirtualHardDisk>
                    <DiskName>sql01-os</DiskName>
                    <MediaLink>https://contososql.blob.core.windows.net/vhds/2016/sql01-os.vhd</MediaLink>
                  </OSVirtualHardDisk>
                </PersistentVM>
                """
            },
            expect=("vms/sql01.xml:5:5",),
            note="An Export-AzureVM file that kept its disk's MediaLink.",
        ),
        Example(
            {
                "disks.xml": """
                <Disks xmlns="http://schemas.microsoft.com/windowsazure">
                  <Disk>
                    <AttachedTo><HostedServiceName>app</HostedServiceName><RoleName>app01</RoleName></AttachedTo>
                    <MediaLink>https://contosoapp.blob.core.windows.net/vhds/app01/data0.vhd</MediaLink>
                    <Name>app01-data0</Name>
                  </Disk>
                </Disks>
                """
            },
            expect=("disks.xml:4:5",),
        ),
    )
    valid = (
        Example(
            {
                "disks.xml": """
                <Disks xmlns="http://schemas.microsoft.com/windowsazure">
                  <Disk>
                    <AttachedTo><HostedServiceName>app</HostedServiceName><RoleName>app01</RoleName></AttachedTo>
                    <MediaLink>https://contosoapp.blob.core.windows.net/vhds/app01-data0.vhd</MediaLink>
                    <Name>app01-data0</Name>
                  </Disk>
                  <Disk>
                    <MediaLink>https://contosoapp.blob.core.windows.net/vhds/old/unused.vhd</MediaLink>
                    <Name>unused</Name>
                  </Disk>
                </Disks>
                """
            },
            note="A plain blob name; an unattached disk is not validated as a VM disk (see MIG402).",
        ),
        Example(
            {
                "vms/sql01.xml": """
                <PersistentVM>
                  <RoleName>sql01</RoleName>
                  <OSVirtualHardDisk><DiskName>sql01-os</DiskName></OSVirtualHardDisk>
                </PersistentVM>
                """
            },
            note="No MediaLink, so nothing to check.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for disk in estate.disks:
            # A listed disk that no VM uses is not validated as a VM disk (MIG402 says what happens to it).
            if not disk.attached_to or "/" not in disk.blob_name:
                continue
            owner = estate.vm_of(disk)
            role = owner[1] if owner is not None else None
            if disk.attached_to == VM_OF_REQUEST_URI:  # an Add Data Disk body: the VM is the request's
                vm = "the VM named in the request's URI"
            elif owner is None and disk.attached_to.startswith("<the VM "):
                # A VM the files describe without naming it (a disk export cut short): its stand-in's words.
                vm = disk.attached_to.strip("<>")
            elif owner is None:
                vm = f"VM '{disk.attached_to}'"
            else:  # a role body need not name its role (Add Role's URL does)
                named = f"VM '{owner[1].name}'" if owner[1].name else "a VM its body does not name"
                vm = f"{named} in {owner[0].label}"
            # Disks of other names on one blob (MIG004) are each validated: each is reported at its own blob.
            for described in (disk, *estate.namesakes(disk)):
                yield self._finding(replace(described, maybe_attached=disk.maybe_attached), vm, role)

    def _finding(self, disk: Disk, owner: str, role: Role | None) -> Finding:
        label = _which_disk(disk, role)
        # A disk a script registers while it gives the VM a disk by a name it does not state may be that one.
        has = (
            f"may have {label} (it is given a disk by a name the files do not state)"
            if disk.maybe_attached
            else f"has {label}"
        )
        return self.finding(
            disk,
            at=disk.media_link_mark or disk.mark,
            message=f"{owner} {has} whose blob name '{disk.blob_name}' contains '/', which Resource "
            "Manager does not support",
        )


def _which_disk(disk: Disk, role: Role | None) -> str:
    """Which disk of its VM `disk` is, in every format alike: by its name where the file states one; else
    by its LUN, or as "a data disk" (one added as such, at a LUN the file does not state), or as the VM's OS
    disk (the first of its disks, at no LUN, not added as a data disk), or as "a disk", with its blob's
    address. A name that is only the blob's file name (what a Python script's disk without `disk_name` is
    known by) is not the disk's: the platform names a disk it creates."""
    if disk.name and disk.name != disk.media_link.rsplit("/", 1)[-1]:
        return f"disk '{disk.name}'"
    first = role.disks[0] if role is not None and role.disks else None
    if disk.lun:
        which = f"its data disk at LUN {disk.lun}"
    elif disk.data:  # at a LUN the file does not state
        which = "a data disk"
    elif first is not None and not first.lun and not first.data and first.media_link == disk.media_link:
        which = "its OS disk"
    else:
        which = "a disk"
    return f"{which} ({disk.media_link})"


class UnattachedDiskOrImage(Rule):
    code = "MIG402"
    name = "unattached-disk-or-image"
    severity = Severity.INFO
    scope = Scope.STORAGE
    looks_at = frozenset({Disk, Image})
    summary = (
        "A disk attached to no VM, or one of your images: only its VHD moves, with its storage account, whose "
        "migration may fail while the classic disk or image is registered."
    )
    fix_hint = (
        "Before its storage account is migrated, remove the classic disk or image (Remove-AzureDisk or "
        "Remove-AzureVMImage without -DeleteVHD keeps the VHD blob). After, create a managed disk or image "
        "from the VHD if you still need it."
    )
    fix_in = {
        fix_hint: {
            Tool.CLASSIC_CLI: fix_hint.replace(
                "(Remove-AzureDisk or Remove-AzureVMImage without -DeleteVHD keeps the VHD blob)",
                "(`azure vm disk delete <name>` or `azure vm image delete <name>` without `--blob-delete` keeps "
                "the VHD blob)",
            ),
            Tool.PYTHON_SDK: fix_hint.replace(
                "(Remove-AzureDisk or Remove-AzureVMImage without -DeleteVHD keeps the VHD blob)",
                "(`delete_disk(name)`, `delete_os_image(name)` or `delete_vm_image(name)` without "
                "`delete_vhd=True` keeps the VHD blob)",
            ),
            Tool.REST_API: fix_hint.replace(
                "(Remove-AzureDisk or Remove-AzureVMImage without -DeleteVHD keeps the VHD blob)",
                "(a DELETE of `.../services/disks/<name>`, `.../services/images/<name>` or "
                "`.../services/vmimages/<name>` without `?comp=media` keeps the VHD blob)",
            ),
        }
    }
    source = (
        "Unsupported features — Compute: Unassociated virtual machine disks; Virtual machine images. The VHD "
        "blobs behind them are migrated with the storage account. Microsoft's classic storage account "
        "migration overview (2023): disk and image artifacts are to be deleted before the account is "
        "migrated, or its migration may fail."
    )
    docs = Docs(
        what="Disks in a REST `Disks` list (or a single `Disk` body: a Get Disk response or an Add Disk "
        "request, not an Update Disk request, which names a disk that exists already and says nothing of "
        "whether a VM has it) with no `AttachedTo`, and in a `Get-AzureDisk | ConvertTo-Json` export (the "
        "way to export classic disks, which Resource Graph does not list) with `AttachedTo` null, and your "
        "own images in REST `Images`, `OSImage`, "
        "`VMImages` or `VMImage` bodies, and the image a capture request makes of a VM "
        "(`CaptureRoleAsVMImageOperation`'s `VMImageName`, `CaptureRoleOperation`'s `TargetImageName`). Images whose `Category` names a publisher (`Public`, `Microsoft`, "
        "`Canonical`...) are gallery images, not yours, and are skipped. Python scripts register disks and "
        "images of their own with the legacy SDK: a disk added with `add_disk` that no VM of the files "
        "checked is given by name (`OSVirtualHardDisk(disk_name=...)`, `DataVirtualHardDisk`, "
        "`add_data_disk(disk_name=...)`, or any other format's ways) or by its blob is reported at the "
        "call, and so is an image added with `add_os_image`, `create_vm_image`, `capture_role` or "
        "`capture_vm_image`, unless the script deletes it again (`delete_disk`, `delete_os_image`, "
        "`delete_vm_image`). PowerShell scripts register them with `Add-AzureDisk`, `Add-AzureVMImage` and "
        "`Save-AzureVMImage`: a disk that no VM of the files checked is given by name (`New-AzureVMConfig "
        "-DiskName`, `Add-AzureDataDisk -Import -DiskName`, a disk of that name with a blob in a VM's "
        "description) or by its blob is reported at the call, as is every image, unless the script removes "
        "it again (`Remove-AzureDisk`, `Remove-AzureVMImage`). Shell scripts do the same with the classic "
        "CLI's `azure vm disk create` and `azure vm image create` (each with `-u`, `-l` or `-a`, without "
        "which the CLI refuses it, an image with `--os` too) and `azure vm capture`, removed by `azure vm "
        "disk delete` and "
        "`azure vm image delete`; `azure vm disk attach <vm> <disk>` gives a VM the disk by name. A script "
        "that gives a VM a disk whose name "
        "it does not state may be giving it the registered one, and so may a VM it creates from a "
        "configuration it does not write out (`Import-AzureVM` of a file, a parameter): its disks are not "
        "reported.",
        why="Resource Manager has no classic disk or image objects. Only disks attached to a VM migrate as "
        "disks of that VM; an unattached disk or an image is not migrated as such. The VM migration "
        "overview says the VHD blobs behind them are migrated with the storage account, and that classic "
        "disks and images stop being visible once it is, while their VHDs stay in the account; scripts "
        "that create VMs from them by name stop working. The storage account's own migration is stricter: "
        "Microsoft's classic storage account migration overview (2023) asks for the disk and image "
        "artifacts to be deleted first, or the account's migration may fail. Deleting the classic disk or "
        "image is not deleting its VHD: the blob stays, and moves with the account. Classic storage "
        f"accounts were retired on {CLASSIC_STORAGE}: the VHD reaches Resource Manager with its account's "
        "migration, not with any VM's.",
        fix="For each one, before its storage account is migrated: remove the classic disk or image "
        "(`Remove-AzureDisk -DiskName`, `Remove-AzureVMImage -ImageName`; add `-DeleteVHD` only if the blob "
        "is not needed either). If you still need it, create a managed disk or image (or an Azure Compute "
        "Gallery image version) from the VHD after the account is migrated, and update the scripts that "
        "refer to it by name.",
    )
    invalid = (
        Example(
            {
                "disks.xml": """
                <Disks xmlns="http://schemas.microsoft.com/windowsazure">
                  <Disk>
                    <MediaLink>https://contosoapp.blob.core.windows.net/vhds/spare-data.vhd</MediaLink>
                    <Name>spare-data</Name>
                  </Disk>
                </Disks>
                """
            },
            expect=("disks.xml:2:3",),
        ),
        Example(
            {
                "disks.json": """
                [
                    {
                        "AttachedTo": null,
                        "DiskName": "spare-data",
                        "IOType": "Standard",
                        "MediaLink": "https://contosoapp.blob.core.windows.net/vhds/spare-data.vhd",
                        "OperationDescription": "Get-AzureDisk"
                    }
                ]
                """
            },
            expect=("disks.json:2:5",),
            note="`Get-AzureDisk | ConvertTo-Json`: a disk attached to no VM.",
        ),
        Example(
            {
                "images.xml": """
                <Images xmlns="http://schemas.microsoft.com/windowsazure">
                  <OSImage>
                    <Category>Public</Category>
                    <Name>a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2</Name>
                  </OSImage>
                  <OSImage>
                    <Category>User</Category>
                    <MediaLink>https://contosoimg.blob.core.windows.net/vhds/web-base.vhd</MediaLink>
                    <Name>web-base</Name>
                  </OSImage>
                </Images>
                """
            },
            expect=("images.xml:6:3",),
            note="The gallery image is not reported; your own image is.",
        ),
        Example(
            {
                "capture.xml": """
                <CaptureRoleAsVMImageOperation xmlns="http://schemas.microsoft.com/windowsazure">
                  <OperationType>CaptureRoleAsVMImageOperation</OperationType>
                  <OSState>Generalized</OSState>
                  <VMImageName>web-golden</VMImageName>
                  <VMImageLabel>web golden image</VMImageLabel>
                </CaptureRoleAsVMImageOperation>
                """
            },
            expect=("capture.xml:4:3",),
            note="A Capture VM Image request: the VM image it makes of the VM its URI names.",
        ),
    )
    valid = (
        Example(
            {
                "disks.xml": """
                <Disks xmlns="http://schemas.microsoft.com/windowsazure">
                  <Disk>
                    <AttachedTo><HostedServiceName>app</HostedServiceName><RoleName>app01</RoleName></AttachedTo>
                    <MediaLink>https://contosoapp.blob.core.windows.net/vhds/app01-os.vhd</MediaLink>
                    <Name>app01-os</Name>
                  </Disk>
                </Disks>
                """
            }
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for disk in estate.disks:
            if not disk.attached_to:
                yield self.finding(
                    disk,
                    f"disk '{disk.name}' is attached to no VM: it is not migrated as a disk; its VHD moves with "
                    f"{_account(disk)}, whose migration may fail while the classic disk is registered",
                )
        for image in estate.images:
            if image.is_yours:
                yield self.finding(
                    image,
                    f"image '{image.name}' is not migrated as an image: its VHD moves with "
                    f"{_account(image)}, whose migration may fail while the classic image is registered",
                )
