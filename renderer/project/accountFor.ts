import { api } from '../api.ts';
import type { Chosen } from '../app/wizard.ts';

/**
 * The account to continue a project with: the saved account the project names (names compare
 * without case, as main compares them), else the one already chosen in this window.
 */
export async function accountFor(wanted: string | undefined, current: Chosen | undefined): Promise<Chosen | undefined> {
  if (wanted !== undefined) {
    const listed = await api().listAccounts({});
    const key = wanted.normalize('NFC').toLocaleLowerCase();
    const found = listed.ok ? listed.value.accounts.find((account) => account.name.normalize('NFC').toLocaleLowerCase() === key) : undefined;
    if (found !== undefined) return current?.account.id === found.id ? current : { account: found };
  }
  return current;
}
