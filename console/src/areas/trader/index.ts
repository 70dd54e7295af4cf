import type { RouteDef } from '../../core/routes';
import { EVERYONE, PARTICIPANTS } from '../../core/routes';
import { AccountPage } from './pages/Account';
import { AssetsPage } from './pages/Assets';
import { BoardPage } from './pages/Board';
import { KycPage } from './pages/Kyc';
import { ListingPage } from './pages/Listing';
import { OffersPage } from './pages/Offers';
import { TradePage, TradesPage } from './pages/Trades';

export const routes: readonly RouteDef[] = [
  { path: '/board', page: BoardPage, roles: EVERYONE, menu: { label: 'trader.menu.board', group: 'market', order: 10 } },
  { path: '/board/:id', page: ListingPage, roles: EVERYONE },
  { path: '/trades', page: TradesPage, roles: PARTICIPANTS, menu: { label: 'trader.menu.trades', group: 'market', order: 20 } },
  { path: '/trades/:id', page: TradePage, roles: PARTICIPANTS },
  { path: '/offers', page: OffersPage, roles: PARTICIPANTS, menu: { label: 'trader.menu.offers', group: 'market', order: 30 } },
  { path: '/assets', page: AssetsPage, roles: PARTICIPANTS, menu: { label: 'trader.menu.assets', group: 'market', order: 40 } },
  { path: '/account', page: AccountPage, roles: PARTICIPANTS, menu: { label: 'trader.menu.account', group: 'account', order: 10 } },
  { path: '/kyc', page: KycPage, roles: PARTICIPANTS, menu: { label: 'trader.menu.kyc', group: 'account', order: 20 } },
];
