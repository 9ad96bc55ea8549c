import type { Output } from './commands.ts';
import type { Connection } from './connection.ts';
import type { AccountCampaign, AccountIds } from '../chats/account-ids.ts';

/**
 * The account's sites and campaigns, so a chat naming another account's is blocked before anything
 * is sent rather than refused by CallGear. A list that cannot be read (offline, or a key without the
 * right) is said, and its ids are then checked for shape only.
 */
export async function accountIds(connection: Connection, output: Output): Promise<AccountIds> {
  const [sites, campaigns] = await Promise.all([connection.client.getSites(), connection.client.getCampaigns()]);
  if (!sites.ok) unchecked('sites', 'сайтов', sites.error.message, output);
  if (!campaigns.ok) unchecked('campaigns', 'кампаний', campaigns.error.message, output);
  return {
    ...(sites.ok ? { sites: sites.value.map((site) => site.id) } : {}),
    ...(campaigns.ok ? { campaigns: campaigns.value.map(({ id, site_id }): AccountCampaign => (site_id === undefined ? { id } : { id, siteId: site_id })) } : {}),
  };
}

function unchecked(list: string, listRu: string, why: { en: string; ru: string }, output: Output): void {
  output.err(
    output.lang === 'ru'
      ? `Список ${listRu} аккаунта не загружен, поэтому их id проверены только на формат: ${why.ru}`
      : `The account's ${list} could not be loaded, so their ids were checked for shape only: ${why.en}`,
  );
}
