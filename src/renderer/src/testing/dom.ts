/**
 * jsdom has no layout: every element measures 0×0, so a virtualizer would render no rows. Give
 * the scrolling grids a viewport (600 px tall) and make `scrollTo` move `scrollTop`, which is all
 * @tanstack/react-virtual reads.
 */
export const VIEWPORT_HEIGHT = 600;

export function installLayout(): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'grid' ? VIEWPORT_HEIGHT : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'grid' ? 1200 : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      // The rows' container carries the virtual height; the header row sits above it.
      const body = this.getAttribute('role') === 'grid' ? this.querySelector<HTMLElement>('.grid-body') : null;
      return body ? parseFloat(body.style.height || '0') + 34 : 0;
    },
  });
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
}
