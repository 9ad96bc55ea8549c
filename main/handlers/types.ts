import type { Problem, Result } from '../common/text.ts';
import type { ChannelName, ReplyOf, RequestOf } from '../contract/channels.ts';

/** One function per contract call, taking the already-parsed request. */
export type Handlers = { [K in ChannelName]: (request: RequestOf<K>) => Promise<Result<ReplyOf<K>, Problem>> };

export type HandlerGroup<K extends ChannelName> = Pick<Handlers, K>;
