// Where to go, said once. The content gives each service office a name and an address, and for a
// 便民服务中心 the address names the same office again with how to find it
// (「户籍所在地乡镇人民政府（街道办事处）便民服务中心，户籍所在地乡镇（街道）便民服务中心，具体地址可…」).
import { captured } from '../../domain/captured'

export interface Office {
  name: string
  address: string
}

/** The office's kind: the last few characters of its name (便民服务中心, 民政局). */
function kindOf(name: string): string {
  const m = /(便民服务中心|服务中心|政务服务大厅|民政局|[^（）]{2}局|[^（）]{2}所)$/.exec(name)
  return m ? captured(m, 1) : name.slice(-3)
}

/** 「名称，地址」, or the address alone when its first part already names the same office. */
export function officePlace(office: Office): string {
  // split always yields at least one part
  const [first = ''] = office.address.split('，')
  if (first.endsWith(kindOf(office.name))) return office.address
  return `${office.name}，${office.address}`
}
