import { ok } from '../common/text.ts';
import { CallGearClient } from '../callgear/client.ts';
import type { LogEntry } from '../callgear/rpc.ts';
import type { Accounts } from '../credentials/index.ts';
import type { AccountsPort } from './ports.ts';

/** The handlers' view of the accounts service: secrets go in, and never come back out. */
export function accountsPort(accounts: Accounts, log?: (entry: LogEntry) => void): AccountsPort {
  return {
    list: () => accounts.list(),
    add: ({ secret, ...fields }) => accounts.add(fields, secret),
    update: ({ id, changes, secret }) => accounts.update(id, changes, secret),
    remove: (id) => accounts.remove(id),
    test: (id) => accounts.test(id, log === undefined ? {} : { log }),
    async client(id) {
      const found = await accounts.credentialsFor(id);
      if (!found.ok) return found;
      const { endpoint, credentials, userId } = found.value;
      return ok(new CallGearClient({ endpoint: new URL(endpoint), credentials, userId, log }));
    },
  };
}
