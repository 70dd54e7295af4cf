import type { Role } from '../../core/auth';
import type { RouteDef } from '../../core/routes';
import { SUPERVISORS } from '../../core/routes';
import { AlertsPage, CaseDetail } from './pages/Alerts';
import { AuditPage } from './pages/Audit';
import { ExportsPage } from './pages/Exports';
import { LookThroughPage } from './pages/LookThrough';
import { ProvenanceDetail, ProvenanceSearch } from './pages/Provenance';
import { StatisticsPage } from './pages/Statistics';
import { TradeDetail, TradesPage } from './pages/Trades';

/**
 * Supervision: read-only views for the regulator. Operators may open those that are plain reads of the whole board
 * (provenance, trades, audit log, exports, statistics, the look-through log); alerts and cases they work on their
 * own pages, so that page here is the regulator's.
 */
const REGULATOR: readonly Role[] = ['regulator'];
const group = 'supervision' as const;

export const routes: readonly RouteDef[] = [
  { path: '/supervision/provenance', page: ProvenanceSearch, roles: SUPERVISORS, menu: { label: 'reg.menu.provenance', group, order: 10 } },
  { path: '/supervision/provenance/:workId', page: ProvenanceDetail, roles: SUPERVISORS },
  { path: '/supervision/trades', page: TradesPage, roles: SUPERVISORS, menu: { label: 'reg.menu.trades', group, order: 20 } },
  { path: '/supervision/trades/:id', page: TradeDetail, roles: SUPERVISORS },
  { path: '/supervision/alerts', page: AlertsPage, roles: REGULATOR, menu: { label: 'reg.menu.alerts', group, order: 30 } },
  { path: '/supervision/cases/:id', page: CaseDetail, roles: REGULATOR },
  { path: '/supervision/audit', page: AuditPage, roles: SUPERVISORS, menu: { label: 'reg.menu.audit', group, order: 40 } },
  { path: '/supervision/look-through', page: LookThroughPage, roles: SUPERVISORS, menu: { label: 'reg.menu.lookThrough', group, order: 50 } },
  { path: '/supervision/exports', page: ExportsPage, roles: SUPERVISORS, menu: { label: 'reg.menu.exports', group, order: 60 } },
  { path: '/supervision/statistics', page: StatisticsPage, roles: SUPERVISORS, menu: { label: 'reg.menu.statistics', group, order: 70 } },
];
