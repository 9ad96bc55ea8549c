import { resolve } from 'node:path';
import { FaultsSchema, SandboxError, startSandbox, type Faults, type Sandbox, type SandboxOptions } from '../sandbox/index.ts';
import type { ParsedArgs } from './args.ts';
import type { Output } from './commands.ts';
import { CliProblem, usage } from './errors.ts';

type Values = ParsedArgs['values'];

function whole(values: Values, flag: 'port' | 'latency' | 'seed' | 'minute-limit' | 'day-limit' | 'upload-weight' | 'session-lifetime', min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw usage(`--${flag} takes a whole number from ${min} to ${max}.`, `--${flag} принимает целое число от ${min} до ${max}.`);
  }
  return n;
}

function faultsFlag(values: Values): Faults {
  if (values.faults === undefined) return {};
  let json: unknown;
  try {
    json = JSON.parse(values.faults);
  } catch {
    throw usage('--faults takes a JSON object (see main/sandbox/README.md).', '--faults принимает объект JSON (см. main/sandbox/README.md).');
  }
  const parsed = FaultsSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw usage(`--faults is not valid: ${where}`, `--faults некорректен: ${where}`);
  }
  return parsed.data;
}

/** The sandbox's options from the command line; every flag is checked before anything starts. */
export function sandboxOptions(values: Values): SandboxOptions {
  const latencyMs = whole(values, 'latency', 0);
  const seed = whole(values, 'seed', 0);
  return {
    port: whole(values, 'port', 0, 65_535) ?? 0,
    statePath: values.state === undefined ? undefined : resolve(values.state),
    timezone: values['account-tz'],
    sessionLifetimeSeconds: whole(values, 'session-lifetime', 1),
    limits: { perMinute: whole(values, 'minute-limit', 1), perDay: whole(values, 'day-limit', 1), uploadWeight: whole(values, 'upload-weight', 0) },
    faults: { ...faultsFlag(values), ...(latencyMs === undefined ? {} : { latencyMs }), ...(seed === undefined ? {} : { seed }) },
  };
}

function printStarted(sandbox: Sandbox, statePath: string | undefined, { out, lang }: Output): void {
  const t = (en: string, ru: string) => (lang === 'ru' ? ru : en);
  const { login, password, agentLogin, agentPassword } = sandbox.credentials;
  const users = sandbox.reference.customerUsers.map((u) => u.id).join(t(' or ', ' или '));
  out(t(`Sandbox Data API: ${sandbox.url}`, `Песочница Data API: ${sandbox.url}`));
  out(t(`  customer access key  ${sandbox.demoKey}`, `  ключ клиента         ${sandbox.demoKey}`));
  out(t(`  agent access key     ${sandbox.agentKey}  (add user_id ${users})`, `  ключ агента          ${sandbox.agentKey}  (добавьте user_id ${users})`));
  out(t(`  login / password     ${login} / ${password}  (agent: ${agentLogin} / ${agentPassword})`, `  логин / пароль       ${login} / ${password}  (агент: ${agentLogin} / ${agentPassword})`));
  out(statePath ? t(`  chats kept in        ${statePath}`, `  чаты хранятся в      ${statePath}`) : t('  chats kept in memory (--state FILE keeps them across restarts)', '  чаты хранятся в памяти (--state FILE сохраняет их между запусками)'));
  out(t('Press Ctrl+C to stop.', 'Ctrl+C — остановить.'));
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `chat-importer sandbox`: a local Data API until SIGINT or SIGTERM; the URL is always the first line. */
export async function sandbox(values: Values, output: Output): Promise<number> {
  const options = sandboxOptions(values);
  let running: Sandbox;
  try {
    running = await startSandbox(options);
  } catch (error) {
    if (error instanceof SandboxError) throw new CliProblem(error.problem);
    throw error;
  }
  const stopped = untilStopped();
  if (values.json) {
    const { login, password, agentLogin, agentPassword } = running.credentials;
    output.out(JSON.stringify({ url: running.url, port: running.port, demoKey: running.demoKey, agentKey: running.agentKey, login, password, agentLogin, agentPassword, statePath: options.statePath ?? null }));
  } else {
    printStarted(running, options.statePath, output);
  }
  await stopped;
  await running.close();
  if (!values.json) output.out(output.lang === 'ru' ? 'Песочница остановлена.' : 'Sandbox stopped.');
  return 0;
}
