import { describe, expect, it } from 'vitest';
import { brandOf, resolveEndpoint } from '../../main/callgear/endpoints.ts';

describe('endpoints: brand presets and custom addresses', () => {
  it.each([
    ['callgear', 'https://dataapi.callgear.com/v2.0'],
    ['CoMagic', 'https://dataapi.comagic.ru/v2.0'],
    ['uis', 'https://dataapi.uiscom.ru/v2.0'],
    ['https://dataapi.callgear.ae/v2.0', 'https://dataapi.callgear.ae/v2.0'],
    ['http://127.0.0.1:8123/v2.0', 'http://127.0.0.1:8123/v2.0'],
    ['http://localhost:8123/v2.0', 'http://localhost:8123/v2.0'],
  ])('%s → %s', (input, url) => {
    const endpoint = resolveEndpoint(input);
    expect(endpoint.ok && endpoint.value.href).toBe(url);
  });

  it('refuses plain http anywhere but this computer, since the key travels in the body', () => {
    expect(resolveEndpoint('http://dataapi.example.com/v2.0')).toMatchObject({ ok: false, error: { code: 'endpoint.insecure', field: 'endpoint' } });
  });

  it('refuses what is not an address, and addresses with credentials in them', () => {
    expect(resolveEndpoint('dataapi')).toMatchObject({ ok: false, error: { code: 'endpoint.invalid' } });
    expect(resolveEndpoint('https://user:secret@dataapi.callgear.com/v2.0')).toMatchObject({ ok: false, error: { code: 'endpoint.credentials_in_url' } });
  });

  it('knows a preset\'s brand from its host', () => {
    const endpoint = resolveEndpoint('https://dataapi.uiscom.ru/v2.0');
    expect(endpoint.ok && brandOf(endpoint.value)).toBe('uis');
  });
});
