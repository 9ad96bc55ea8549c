import { z } from 'zod';
import type { Result } from '../common/text.ts';
import type { Principal, Role, Sessions } from './auth.ts';
import type { Clock } from './clock.ts';
import type { LimitMeter } from './limits.ts';
import type { ReferenceData } from './reference-data.ts';
import type { RpcError } from './rpc-errors.ts';
import type { ChatStore } from './store.ts';
import type { Switches } from './switches.ts';

/** Everything a method handler may read or change. */
export interface World {
  clock: Clock;
  reference: ReferenceData;
  sessions: Sessions;
  limits: LimitMeter;
  store: ChatStore;
  switches: () => Switches;
}

export interface Call {
  params: Record<string, unknown>;
  /** Absent only for methods that need no token (`login.user`). */
  principal?: Principal;
  world: World;
}

export interface Success {
  data: unknown;
  /** Rows matching a list request before paging: `metadata.total_items`. */
  totalItems?: number;
}

export interface MethodSpec {
  roles: readonly Role[];
  /** False only for `login.user`, which takes a login and password instead. */
  needsToken: boolean;
  /** Acts on a customer's data, so an agent must name the customer with `user_id` (§2.4). */
  customerData: boolean;
  /** Account components the method needs (§2.5). */
  components: readonly string[];
  handle: (call: Call) => Result<Success, RpcError>;
}

/** The credential and the agent's customer, accepted by every method that takes a token. */
export const AUTH_PARAMS = {
  access_token: z.string(),
  user_id: z.number().int().optional(),
};

export const DATA_API = ['data_api'] as const;
/** "Uploading offline inquiries from an outside system"; its id as a third-party fixture lists it (§2.5). */
export const UPLOAD_COMPONENTS = ['data_api', 'upload_chats'] as const;
