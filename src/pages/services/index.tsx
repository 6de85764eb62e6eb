import { Text } from '@tarojs/components'
import { PageShell } from '../../components/page-shell'

export default function Page() {
  return (
    <PageShell name='pages-services'>
      <Text>建设中</Text>
    </PageShell>
  )
}
