// replaced below
export function mount(el, app) {}
