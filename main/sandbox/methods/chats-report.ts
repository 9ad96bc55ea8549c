import { z } from 'zod';
import { fail, ok, type Result } from '../../common/text.ts';
import { employeeOf, initiatorOf, type StoredChat } from '../chat-model.ts';
import { addMonths, isDateTime } from '../datetime.ts';
import { listPage, LIST_PARAMS, type ListSpec } from '../listing.ts';
import { AUTH_PARAMS, DATA_API, type MethodSpec } from '../method.ts';
import { parseParams } from '../params.ts';
import type { ReferenceData } from '../reference-data.ts';
import { badValue, combination, rpcError, type RpcError } from '../rpc-errors.ts';

const ReportParams = z.strictObject({ ...AUTH_PARAMS, ...LIST_PARAMS, date_from: z.string(), date_till: z.string() });

/**
 * Field names follow the platform's other reports (`date_time`, `visitor_phone_number`,
 * `site_domain_name`, …): what reconciliation needs to find an uploaded chat again (§7.3).
 */
const SPEC: ListSpec = {
  fields: [
    'id', 'date_time', 'chat_channel_type', 'status', 'initiator', 'messages_count',
    'visitor_name', 'visitor_phone_number', 'visitor_email', 'visitor_session_id',
    'site_id', 'site_domain_name', 'campaign_id', 'campaign_name', 'employee_id', 'employee_full_name',
  ],
  filterable: [
    'id', 'date_time', 'chat_channel_type', 'status', 'initiator', 'visitor_name', 'visitor_phone_number',
    'visitor_email', 'visitor_session_id', 'site_id', 'campaign_id', 'employee_id',
  ],
  sortable: ['id', 'date_time'],
};

type Row = Record<string, unknown>;

function names(ref: ReferenceData) {
  return {
    site: new Map(ref.sites.map((s) => [s.id, s.domain_name])),
    campaign: new Map(ref.campaigns.map((c) => [c.id, c])),
    employee: new Map(ref.employees.map((e) => [e.id, e.full_name])),
  };
}

function uploadedRow({ id, chat }: StoredChat, n: ReturnType<typeof names>): Row {
  const campaign = chat.campaign_id === undefined ? undefined : n.campaign.get(chat.campaign_id);
  const siteId = chat.site_id ?? campaign?.site_id ?? null;
  const employeeId = employeeOf(chat) ?? null;
  return {
    id,
    date_time: chat.start_date_time,
    chat_channel_type: 'dataapi',
    status: chat.status,
    initiator: initiatorOf(chat),
    messages_count: chat.messages.length,
    visitor_name: chat.name ?? null,
    visitor_phone_number: chat.phone ?? null,
    visitor_email: chat.email ?? null,
    visitor_session_id: chat.visitor_session_id ?? null,
    site_id: siteId,
    site_domain_name: siteId === null ? null : (n.site.get(siteId) ?? null),
    campaign_id: campaign?.id ?? null,
    campaign_name: campaign?.name ?? null,
    employee_id: employeeId,
    employee_full_name: employeeId === null ? null : (n.employee.get(employeeId) ?? null),
  };
}

function allRows(ref: ReferenceData, stored: readonly StoredChat[]): Row[] {
  const n = names(ref);
  const widget = ref.widgetChats.map((c): Row => ({
    ...c,
    visitor_session_id: null,
    site_domain_name: n.site.get(c.site_id) ?? null,
    campaign_name: c.campaign_id === null ? null : (n.campaign.get(c.campaign_id)?.name ?? null),
    employee_full_name: c.employee_id === null ? null : (n.employee.get(c.employee_id) ?? null),
  }));
  return [...widget, ...stored.map((c) => uploadedRow(c, n))];
}

/** Reports take at most three months at a time (§4.3 `date_interval_limit_reached`). */
function checkInterval(from: string, till: string): RpcError | undefined {
  if (!isDateTime(from)) return badValue('date_from', from, 'must be a date-time as YYYY-MM-DD hh:mm:ss');
  if (!isDateTime(till)) return badValue('date_till', till, 'must be a date-time as YYYY-MM-DD hh:mm:ss');
  if (till < from) return combination('date_till', till, 'must not be earlier than date_from');
  if (till > addMonths(from, 3)) {
    return rpcError('date_interval_limit_reached', 'The date interval is longer than 3 months', { field: 'date_till', value: till, params: { max_months: 3 } });
  }
  return undefined;
}

export const getChatsReport: MethodSpec = {
  roles: ['customer', 'agent'],
  needsToken: true,
  customerData: true,
  components: DATA_API,
  handle: ({ params, world }): Result<{ data: unknown; totalItems: number }, RpcError> => {
    const parsed = parseParams(ReportParams, params);
    if (!parsed.ok) return parsed;
    const { date_from: from, date_till: till } = parsed.value;
    const problem = checkInterval(from, till);
    if (problem) return fail(problem);
    const rows = allRows(world.reference, world.store.list()).filter((r) => (r.date_time as string) >= from && (r.date_time as string) <= till);
    const page = listPage(rows, parsed.value, SPEC, world.switches().shortPageSize);
    if (!page.ok) return page;
    return ok({ data: page.value.data, totalItems: page.value.totalItems });
  },
};
