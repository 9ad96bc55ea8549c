import type { Locator, Page } from 'playwright-core';

/** Where things are on screen, found the way a person finds them: by role and by name. */
export function appPage(page: Page) {
  const button = (name: string | RegExp) => page.getByRole('button', { name });
  return {
    heading: page.getByRole('heading', { level: 1 }),
    currentStep: page.locator('.step-bar [aria-current="step"]'),
    back: button(/^← (Back|Назад)$/),
    continue: button(/^(Continue|Далее) →$/),
    alert: page.getByRole('alert'),
    account: {
      rehearse: button(/Rehearse locally|Репетиция/),
      name: page.getByLabel(/^(Name|Название)$/),
      url: page.getByLabel(/^(API address|Адрес API)$/),
      key: page.getByLabel(/^(Access key|Ключ доступа)$/),
      save: button(/Save account|Сохранить аккаунт/),
      test: button(/Test connection|Проверить подключение/),
      answer: page.locator('[data-outcome]'),
    },
    file: {
      open: button(/Open a spreadsheet|Открыть таблицу/),
    },
    mapping: {
      summary: page.getByTestId('validation-summary'),
      toReview: button(/Review the rows|Проверить строки/),
    },
    review: {
      ready: page.getByTestId('chats-ready'),
      blocked: page.getByTestId('chats-blocked'),
      grid: page.getByRole('grid'),
      issue: (code: string) => page.locator(`button[data-code="${code}"]`),
      cellPanel: page.getByTestId('cell-panel'),
      upload: button(/^(Upload|Загрузить) .* →$/),
      cell: (index: number, column: number): Locator => page.locator(`[data-cell="${index}:${column}"]`),
    },
    upload: {
      phase: page.getByTestId('upload-phase'),
      accepted: page.getByTestId('accepted'),
      pause: button(/^(Pause|Пауза)$/),
      resume: button(/^(Resume|Продолжить)$/),
      toResults: button(/See the results|Посмотреть итоги/),
    },
    results: {
      accepted: page.getByTestId('result-accepted'),
      rejected: page.getByTestId('result-rejected'),
      exportCsv: button(/Save as CSV|Сохранить как CSV/),
      reportSaved: page.getByTestId('report-saved'),
      undo: button(/Undo this import…|Отменить этот импорт…/),
      confirm: page.getByRole('dialog').getByRole('button', { name: /^(Delete|Удалить)/ }),
      undoStatus: page.getByTestId('undo-status'),
    },
  };
}

export type AppPage = ReturnType<typeof appPage>;
