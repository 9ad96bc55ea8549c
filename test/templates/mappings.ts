import { MappingSchema, type Mapping } from '../../main/mapping/model.ts';

/** A chat export's header row, as a Jivo-like system writes it. */
export const JIVO_HEADERS = ['Chat ID', 'Started', 'Visitor', 'Phone', 'E-mail', 'Operator', 'Sent at', 'Author', 'Text'];

/** The mapping a person made for JIVO_HEADERS, with options worth remembering. */
export function jivoMapping(): Mapping {
  return MappingSchema.parse({
    version: 1,
    layout: { kind: 'messages-by-key', chatKey: 'Chat ID' },
    chat: {
      start_date_time: { kind: 'column', column: 'Started' },
      name: { kind: 'column', column: 'Visitor' },
      phone: { kind: 'column', column: 'Phone' },
      email: { kind: 'column', column: 'E-mail' },
      status: { kind: 'constant', value: 'succeed' },
      site_id: { kind: 'constant', value: 9 },
    },
    message: {
      date_time: { kind: 'column', column: 'Sent at' },
      source: { kind: 'column', column: 'Author' },
      employee_id: { kind: 'column', column: 'Operator' },
      message: { kind: 'column', column: 'Text' },
    },
    options: {
      fileTimeZone: 'Asia/Almaty',
      accountTimeZone: 'Europe/Moscow',
      phoneCountry: 'KZ',
      dateOrder: 'DMY',
      valueMaps: { status: {}, initiator: {}, source: { Клиент: 'visitor', Бот: 'system' } },
      employees: { 'Anna K.': 3101 },
    },
  });
}

/** The same list in another order: what a second export of the same system may look like. */
export const shuffled = (headers: readonly string[]): string[] => [...headers].reverse();
