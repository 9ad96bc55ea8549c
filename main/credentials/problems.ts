import { text, type Problem } from '../common/text.ts';

/** Every keychain failure ends with this, so nobody wonders whether a key went to a plain file. */
const NOTHING_IN_PLAIN_TEXT = text(
  ' Keys and passwords are never written anywhere else instead.',
  ' Ключи и пароли никогда не сохраняются в другом месте вместо него.',
);

function keychainProblem(code: string, en: string, ru: string): Problem {
  return { code, message: text(en + NOTHING_IN_PLAIN_TEXT.en, ru + NOTHING_IN_PLAIN_TEXT.ru) };
}

export function keychainUnavailable(detail: string): Problem {
  return keychainProblem(
    'keychain.unavailable',
    `The system keychain cannot be reached (${detail}). On Linux, Chat Importer keeps keys in the Secret Service: make sure GNOME Keyring or KWallet is installed and runs in your desktop session, with a default keyring, then try again.`,
    `Системное хранилище паролей недоступно (${detail}). В Linux Chat Importer хранит ключи в Secret Service: убедитесь, что GNOME Keyring или KWallet установлен и запущен в вашем сеансе и в нём есть связка ключей по умолчанию, затем повторите.`,
  );
}

export function keychainLocked(detail: string): Problem {
  return keychainProblem(
    'keychain.locked',
    `The system keychain is locked (${detail}). Unlock it (Linux: the "Login" keyring in Passwords and Keys; macOS: Keychain Access) and try again.`,
    `Системное хранилище паролей заблокировано (${detail}). Разблокируйте его (Linux: связка «Вход» в приложении «Пароли и ключи»; macOS: «Связка ключей») и повторите.`,
  );
}

export function keychainFailed(detail: string): Problem {
  return keychainProblem(
    'keychain.failed',
    `The system keychain refused the operation: ${detail}.`,
    `Системное хранилище паролей отказало в операции: ${detail}.`,
  );
}

export function accountNotFound(id: string): Problem {
  return { code: 'accounts.not_found', message: text(`There is no account with id ${id}; it may have been removed.`, `Учётной записи с id ${id} нет; возможно, её удалили.`) };
}

export function nameTaken(name: string): Problem {
  return {
    code: 'accounts.name_taken',
    field: 'name',
    message: text(`An account named "${name}" already exists; choose another name.`, `Учётная запись «${name}» уже есть; выберите другое имя.`),
  };
}

export function secretInvalid(auth: 'key' | 'login', maxLength: number): Problem {
  const what = auth === 'key' ? text('access key', 'ключ доступа') : text('password', 'пароль');
  return {
    code: 'accounts.secret_invalid',
    field: 'secret',
    message: text(`Enter the ${what.en} (at most ${maxLength} characters).`, `Укажите ${what.ru} (не длиннее ${maxLength} символов).`),
  };
}

export function secretMissing(name: string, auth: 'key' | 'login'): Problem {
  const what = auth === 'key' ? text('access key', 'ключа доступа') : text('password', 'пароля');
  return {
    code: 'accounts.secret_missing',
    field: 'secret',
    message: text(
      `The keychain holds no ${what.en} for the account "${name}". Enter it again in the account's settings.`,
      `В хранилище паролей нет ${what.ru} для учётной записи «${name}». Укажите его заново в настройках учётной записи.`,
    ),
  };
}
