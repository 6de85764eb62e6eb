// The editor console (served at /admin/): a small React app bundled by scripts/build-console.ts.
import { createRoot } from 'react-dom/client'
import { App } from './app'
import './console.css'

const root = document.getElementById('root')
if (root) createRoot(root).render(<App />)
