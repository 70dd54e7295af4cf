import type { Messages } from '../../core/i18n';

export const messages: Messages = {
  en: {
    'operator.title': 'operator',
  },
  zh: {
    'operator.title': 'operator',
  },
};
