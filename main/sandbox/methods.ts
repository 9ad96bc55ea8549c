import type { MethodSpec } from './method.ts';
import { getAccount } from './methods/account.ts';
import { getChatsReport } from './methods/chats-report.ts';
import { deleteChats } from './methods/delete-chats.ts';
import { getCampaigns, getCustomerUsers, getEmployees, getSites } from './methods/lookups.ts';
import { loginUser, logoutUser } from './methods/session.ts';
import { uploadChats } from './methods/upload-chats.ts';

/** The Data API methods the sandbox implements: the ones the importer calls (issue 3). */
export const METHODS: ReadonlyMap<string, MethodSpec> = new Map([
  ['login.user', loginUser],
  ['logout.user', logoutUser],
  ['get.account', getAccount],
  ['get.customer_users', getCustomerUsers],
  ['get.sites', getSites],
  ['get.campaigns', getCampaigns],
  ['get.employees', getEmployees],
  ['upload.chats', uploadChats],
  ['get.chats_report', getChatsReport],
  ['delete.chats', deleteChats],
]);

export const DEFAULT_UPLOAD_WEIGHT = 10;

/**
 * Points per call. The weight of `upload.chats` is unknown (§3), so it is configurable; sessions
 * cost nothing (ASSUME), everything else one point.
 */
export function defaultWeights(uploadWeight: number): Record<string, number> {
  const weights: Record<string, number> = Object.fromEntries([...METHODS.keys()].map((m) => [m, 1]));
  weights['upload.chats'] = uploadWeight;
  weights['login.user'] = 0;
  weights['logout.user'] = 0;
  return weights;
}
