/** True when a key typed at `target` belongs to text entry, so single-key shortcuts must not take it. */
export function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    !!target.closest('input:not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea, select, [contenteditable="true"]')
  );
}
