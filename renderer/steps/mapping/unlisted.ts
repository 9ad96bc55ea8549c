import type { PickerItem } from '../../../main/contract/accounts.ts';

/**
 * The constant a mapping holds when the account's list has no such id: a template or project made
 * for another account, or an id typed while offline. A select shows its first option for a value
 * it has no option for, so without its own option the id would be sent unseen.
 */
export function unlistedId(items: readonly PickerItem[], value: string | number): string | undefined {
  if (value === '') return undefined;
  return items.some((item) => String(item.id) === String(value)) ? undefined : String(value);
}
