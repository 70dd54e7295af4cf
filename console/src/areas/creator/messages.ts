import type { Messages } from '../../core/i18n';

export const messages: Messages = {
  en: {
    'creator.title': 'creator',
  },
  zh: {
    'creator.title': 'creator',
  },
};
