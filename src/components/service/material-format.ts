// How a required document is described to a person: "原件和复印件各1份".
import { MATERIAL_FORM_LABEL, type Service } from '../../domain'

export type Material = Service['materials'][number]

export function describeMaterial(material: Material): string {
  const form = MATERIAL_FORM_LABEL[material.form]
  return material.form === 'original-and-copy' ? `${form}各${material.copies}份` : `${form}${material.copies}份`
}
