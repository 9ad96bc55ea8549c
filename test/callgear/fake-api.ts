/**
 * A scripted Data API behind a `fetch` function: each request is decoded and handed to the test's
 * handler, whose answer becomes the HTTP reply (or a thrown network error). The client under test
 * cannot tell it from the network.
 */
export interface SeenRequest {
  id: string | number;
  method: string;
  params: Record<string, unknown>;
  body: string;
}

export type Answer =
  | { result: unknown; metadata?: Record<string, unknown> }
  | { error: { code: number; message: string; data?: Record<string, unknown> }; metadata?: Record<string, unknown> }
  | { status: number; text: string }
  | { raw: unknown }
  | { throw: string }
  | 'hang';

export interface FakeApi {
  fetch: typeof fetch;
  seen: SeenRequest[];
}

function networkError(code: string): Error {
  return Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
}

export function fakeApi(handler: (request: SeenRequest, index: number) => Answer): FakeApi {
  const seen: SeenRequest[] = [];
  const fetchImpl = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = Buffer.from(init?.body as Uint8Array).toString('utf8');
    const parsed = JSON.parse(body) as { id: string; method: string; params: Record<string, unknown> };
    const request: SeenRequest = { id: parsed.id, method: parsed.method, params: parsed.params, body };
    seen.push(request);
    const answer = handler(request, seen.length - 1);
    if (answer === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if ('throw' in answer) throw networkError(answer.throw);
    if ('status' in answer) return new Response(answer.text, { status: answer.status });
    if ('raw' in answer) return Response.json(answer.raw);
    if ('result' in answer) {
      return Response.json({ jsonrpc: '2.0', id: parsed.id, result: { data: answer.result, metadata: answer.metadata ?? {} } });
    }
    const error = answer.metadata === undefined ? answer.error : { ...answer.error, data: { ...answer.error.data, metadata: answer.metadata } };
    return Response.json({ jsonrpc: '2.0', id: parsed.id, error });
  };
  return { fetch: fetchImpl as typeof fetch, seen };
}

export function apiErrorAnswer(code: number, mnemonic: string, message: string, extra: Record<string, unknown> = {}): Extract<Answer, { error: unknown }> {
  return { error: { code, message, data: { mnemonic, params: {}, extended_helper: null, ...extra } } };
}

export const ENDPOINT = new URL('https://dataapi.example.test/v2.0');
