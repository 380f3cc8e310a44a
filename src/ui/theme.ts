/** Whether the UI may use colour: NO_COLOR (any non-empty value) turns it off. */
export const colorEnabled = (): boolean => !(process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '');

/** A colour name for Ink's `color` prop, or undefined when colour is off. */
export function tint(name: string): string | undefined {
  return colorEnabled() ? name : undefined;
}
