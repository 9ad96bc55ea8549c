/** A campaign of the account, and the site it runs on when CallGear says. */
export interface AccountCampaign {
  id: number;
  siteId?: number;
}

/**
 * The account's site and campaign ids, when its lists are known: an id outside them would be
 * refused by CallGear, so it blocks its chat. A list left out (offline, or the CLI without an
 * account) checks only that ids are whole numbers.
 */
export interface AccountIds {
  sites?: readonly number[];
  campaigns?: readonly AccountCampaign[];
}
