/**
 * The demo account the sandbox serves: fixed ids, so tests, examples and a person trying the app
 * see the same sites, campaigns and employees every time. The employees match the test fixtures'
 * staff (test/fixtures/vocab.ts) so generated spreadsheets upload without edits.
 */
export const DEMO = {
  customerKey: 'demo-customer-access-key',
  agentKey: 'demo-agent-access-key',
  login: 'demo',
  password: 'demo-password',
  agentLogin: 'demo-agent',
  agentPassword: 'demo-agent-password',
} as const;

export interface Account {
  app_id: number;
  name: string;
  timezone: string;
}

export interface Site {
  id: number;
  domain_name: string;
  default_phone_number: string | null;
  site_key: string;
  creation_date: string;
  track_subdomains: boolean;
}

export interface Campaign {
  id: number;
  name: string;
  description: string | null;
  status: 'active' | 'inactive' | 'archive';
  type: 'basic' | 'integrated' | 'system';
  site_id: number;
  site_domain_name: string;
  creation_time: string;
}

export interface Employee {
  id: number;
  full_name: string;
  first_name: string;
  last_name: string;
  patronymic: string | null;
  email: string | null;
  status: 'available' | 'break' | 'do_not_disturb' | 'not_at_workplace' | 'not_at_work' | 'unknown';
}

export interface CustomerUser {
  id: number;
  login: string;
  name: string;
  description: string | null;
  customer_id: number;
}

export interface VisitorSession {
  id: number;
  site_id: number;
  campaign_id: number;
  start_time: string;
}

/** A chat that came through a live channel: visible in reports, never deletable through the API. */
export interface WidgetChat {
  id: number;
  chat_channel_type: string;
  date_time: string;
  status: 'lost' | 'succeed' | 'refused';
  initiator: 'operator' | 'visitor' | 'autoinvite';
  visitor_name: string | null;
  visitor_phone_number: string | null;
  visitor_email: string | null;
  site_id: number;
  campaign_id: number | null;
  employee_id: number | null;
  messages_count: number;
}

export interface ReferenceData {
  account: Account;
  sites: Site[];
  campaigns: Campaign[];
  employees: Employee[];
  customerUsers: CustomerUser[];
  visitorSessions: VisitorSession[];
  widgetChats: WidgetChat[];
}

const APP_ID = 10101;

const SITES: Site[] = [
  { id: 9, domain_name: 'shop.example', default_phone_number: '74950000009', site_key: 'k9shop', creation_date: '2021-03-01 10:00:00', track_subdomains: true },
  { id: 12, domain_name: 'blog.shop.example', default_phone_number: null, site_key: 'k12blog', creation_date: '2022-06-15 12:30:00', track_subdomains: false },
  { id: 15, domain_name: 'shop-kz.example', default_phone_number: '77270000015', site_key: 'k15kz', creation_date: '2023-01-20 09:00:00', track_subdomains: false },
  // The sites the files in examples/ name, so they upload to the sandbox as they are.
  { id: 4501, domain_name: 'coffee.example', default_phone_number: '74950004501', site_key: 'k4501coffee', creation_date: '2023-09-01 09:00:00', track_subdomains: false },
  { id: 4502, domain_name: 'tea.example', default_phone_number: null, site_key: 'k4502tea', creation_date: '2023-09-01 09:00:00', track_subdomains: false },
];

const CAMPAIGNS: Omit<Campaign, 'site_domain_name'>[] = [
  { id: 201, name: 'Organic search', description: null, status: 'active', type: 'system', site_id: 9, creation_time: '2021-03-01 10:00:00' },
  { id: 202, name: 'Spring sale ads', description: 'Paid search, spring', status: 'active', type: 'basic', site_id: 9, creation_time: '2024-02-01 08:00:00' },
  { id: 203, name: 'Blog readers', description: null, status: 'inactive', type: 'basic', site_id: 12, creation_time: '2022-06-15 12:30:00' },
  { id: 204, name: 'Kazakhstan launch', description: null, status: 'archive', type: 'integrated', site_id: 15, creation_time: '2023-01-20 09:00:00' },
];

const TEAM: [number, string, string, string, string | null, string][] = [
  [3101, 'Анна', 'Смирнова', 'a.smirnova@shop.example', 'Игоревна', 'available'],
  [3102, 'Дмитрий', 'Орлов', 'd.orlov@shop.example', null, 'break'],
  [3103, 'Екатерина', 'Волкова', 'e.volkova@shop.example', null, 'available'],
  [3104, 'Сергей', 'Кузнецов', 's.kuznetsov@shop.example', 'Петрович', 'not_at_work'],
  [3105, 'Алёна', 'Фёдорова', 'a.fedorova@shop.example', null, 'do_not_disturb'],
  [3201, 'Michael', 'Brown', 'michael.brown@shop.example', null, 'available'],
  [3202, 'Sarah', 'Johnson', 'sarah.johnson@shop.example', null, 'not_at_workplace'],
  [3203, 'Liam', "O'Connor", 'liam.oconnor@shop.example', null, 'available'],
  [3204, 'Priya', 'Patel', 'priya.patel@shop.example', null, 'unknown'],
];

function employees(count: number): Employee[] {
  const named = TEAM.map(([id, first_name, last_name, email, patronymic, status]): Employee => ({
    id,
    full_name: `${first_name} ${last_name}`,
    first_name,
    last_name,
    patronymic,
    email,
    status: status as Employee['status'],
  }));
  // Extra employees let paging be tested past the default page of 1000.
  for (let n = 1; named.length < count; n += 1) {
    const id = 4000 + n;
    named.push({ id, full_name: `Employee ${id}`, first_name: 'Employee', last_name: String(id), patronymic: null, email: `employee${id}@shop.example`, status: 'unknown' });
  }
  return named;
}

const WIDGET_CHATS: WidgetChat[] = [
  { id: 90001, chat_channel_type: 'site', date_time: '2024-03-01 10:15:00', status: 'succeed', initiator: 'visitor', visitor_name: 'Ирина', visitor_phone_number: '79990001122', visitor_email: null, site_id: 9, campaign_id: 201, employee_id: 3101, messages_count: 4 },
  { id: 90002, chat_channel_type: 'whatsapp', date_time: '2024-03-02 14:00:00', status: 'lost', initiator: 'visitor', visitor_name: null, visitor_phone_number: '79990003344', visitor_email: null, site_id: 9, campaign_id: null, employee_id: null, messages_count: 1 },
  { id: 90003, chat_channel_type: 'telegram', date_time: '2024-03-03 09:30:00', status: 'succeed', initiator: 'operator', visitor_name: 'John', visitor_phone_number: null, visitor_email: 'john@mail.example', site_id: 12, campaign_id: 203, employee_id: 3201, messages_count: 6 },
];

export function referenceData(options: { timezone: string; employees: number }): ReferenceData {
  const domain = new Map(SITES.map((s) => [s.id, s.domain_name]));
  return {
    account: { app_id: APP_ID, name: 'Demo Shop', timezone: options.timezone },
    sites: SITES.map((s) => ({ ...s })),
    campaigns: CAMPAIGNS.map((c) => ({ ...c, site_domain_name: domain.get(c.site_id) ?? '' })),
    employees: employees(Math.max(options.employees, TEAM.length)),
    customerUsers: [
      { id: 7001, login: 'shop-admin', name: 'Demo Shop administrator', description: 'Full access', customer_id: APP_ID },
      { id: 7002, login: 'shop-analyst', name: 'Demo Shop analyst', description: null, customer_id: APP_ID },
    ],
    visitorSessions: [
      { id: 5550001, site_id: 9, campaign_id: 202, start_time: '2024-03-01 09:00:00' },
      { id: 5550002, site_id: 12, campaign_id: 203, start_time: '2024-03-05 18:20:00' },
    ],
    widgetChats: WIDGET_CHATS.map((c) => ({ ...c })),
  };
}
