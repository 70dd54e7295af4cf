import type { RouteDef } from '../../core/routes';
import { KycQueuePage, KycReviewPage } from './pages/kyc';
import { RegistrationQueuePage, RegistrationReviewPage } from './pages/registrations';
import { AlertsPage } from './pages/alerts';
import { CasePage } from './pages/case';
import { HaltsPage } from './pages/halts';
import { PolicyPage } from './pages/policy';
import { ReconciliationPage, ReconciliationRunPage } from './pages/reconciliation';
import { WithdrawalsPage } from './pages/withdrawals';

const OPERATOR = ['operator'] as const;

export const routes: readonly RouteDef[] = [
  { path: '/ops/kyc', page: KycQueuePage, roles: OPERATOR, menu: { label: 'menu.ops.kyc', group: 'operations', order: 10 } },
  { path: '/ops/kyc/:id', page: KycReviewPage, roles: OPERATOR },
  { path: '/ops/registrations', page: RegistrationQueuePage, roles: OPERATOR, menu: { label: 'menu.ops.registrations', group: 'operations', order: 20 } },
  { path: '/ops/registrations/:id', page: RegistrationReviewPage, roles: OPERATOR },
  { path: '/ops/alerts', page: AlertsPage, roles: OPERATOR, menu: { label: 'menu.ops.alerts', group: 'operations', order: 30 } },
  { path: '/ops/cases/:id', page: CasePage, roles: OPERATOR },
  { path: '/ops/halts', page: HaltsPage, roles: OPERATOR, menu: { label: 'menu.ops.halts', group: 'operations', order: 40 } },
  { path: '/ops/policy', page: PolicyPage, roles: OPERATOR, menu: { label: 'menu.ops.policy', group: 'operations', order: 50 } },
  { path: '/ops/reconciliation', page: ReconciliationPage, roles: OPERATOR, menu: { label: 'menu.ops.reconciliation', group: 'operations', order: 60 } },
  { path: '/ops/reconciliation/:id', page: ReconciliationRunPage, roles: OPERATOR },
  { path: '/ops/withdrawals', page: WithdrawalsPage, roles: OPERATOR, menu: { label: 'menu.ops.withdrawals', group: 'operations', order: 70 } },
];
