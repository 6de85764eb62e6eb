// When the launch's first page is on screen: work that can wait (the content check) waits for it, so
// it does not compete with that page's first render on a slow phone.
let shown = () => {}

/** Resolves once the first page of this launch has rendered. */
export const firstPageOnScreen = new Promise<void>((resolve) => {
  shown = resolve
})

/** Called by every page shell after it renders; only the first call counts. */
export function notePageOnScreen(): void {
  shown()
}
