"""In a Bicep file a resource's `parent` may be an item of a resource loop (`parent: vms[1]`): the child is
that item's, as Bicep names it (`web1/BGInfo`), where it was declared under no parent; `vms[i].name` is
that item's name. A JSON template names a child's parent by its name, which is read already."""

from __future__ import annotations

from migcheck.inventory_model import ClassicVm
from migcheck.readers import bicep

TEXT = """\
resource vms 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' = [for i in range(0, 2): {
  name: 'web${i}'
  location: 'westeurope'
  properties: {
    hardwareProfile: { size: 'Small' }
  }
}]

resource ext 'Microsoft.ClassicCompute/virtualMachines/extensions@2017-04-01' = {
  parent: vms[1]
  name: 'BGInfo'
  properties: {
    extension: 'BGInfo'
    publisher: 'Microsoft.Compute'
    version: '1.*'
  }
}

resource agents 'Microsoft.ClassicCompute/virtualMachines/extensions@2017-04-01' = [for i in range(0, 2): {
  name: '${vms[i].name}/VMSnapshot'
  properties: {
    extension: 'VMSnapshot'
    publisher: 'Microsoft.Compute'
    version: '2.*'
  }
}]
"""


def test_a_child_of_a_loop_s_item_is_that_item_s():
    document = bicep.read("main.bicep", TEXT.encode())
    assert document.problem is None
    vms = {r.name: r for r in document.resources if isinstance(r, ClassicVm)}
    assert sorted(vms) == ["web0", "web1"]
    assert [e.name for e in vms["web0"].role.extensions] == ["VMSnapshot"]
    assert [(e.name, e.mark.line) for e in vms["web1"].role.extensions] == [("BGInfo", 9), ("VMSnapshot", 19)]
