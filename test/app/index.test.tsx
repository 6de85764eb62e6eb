import { render, screen } from '@testing-library/react'
import Index from '../../src/pages/index/index'

it('home page shows the urban 低保 standard', async () => {
  render(<Index />)
  expect(await screen.findByText(/城市低保：660元/)).toBeTruthy()
})
