import type { Messages } from '../../core/i18n';

export const messages: Messages = {
  en: {
    'trader.title': 'trader',
  },
  zh: {
    'trader.title': 'trader',
  },
};
