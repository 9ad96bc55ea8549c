import type { Mapping } from '../../../main/mapping/model.ts';

/**
 * A remembered mapping keeps the zones it was saved with. The file's zone belongs to the export
 * and stays; the account's zone belongs to the account chosen now, when its connection test told
 * it: a template saved for a Moscow account must not shift every time for a Vladivostok one.
 */
export function forAccount(mapping: Mapping, accountZone: string | undefined): Mapping {
  if (accountZone === undefined || mapping.options.accountTimeZone === accountZone) return mapping;
  return { ...mapping, options: { ...mapping.options, accountTimeZone: accountZone } };
}
