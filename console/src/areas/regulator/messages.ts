import type { Messages } from '../../core/i18n';

export const messages: Messages = {
  en: {
    'regulator.title': 'regulator',
  },
  zh: {
    'regulator.title': 'regulator',
  },
};
