import type { RouteDef } from '../../core/routes';
import { MyWorks } from './pages/Works';
import { RegisterWork } from './pages/Register';
import { RegistrationPage } from './pages/Registration';
import { RoyaltiesPage } from './pages/Royalties';
import { WorkPage } from './pages/Work';

/** Creators: register works, follow held registrations, issue editions and licences, list editions, royalties. */
export const routes: readonly RouteDef[] = [
  { path: '/works/new', page: RegisterWork, roles: ['creator'], menu: { label: 'menu.creator.register', group: 'works', order: 1 } },
  { path: '/works', page: MyWorks, roles: ['creator'], menu: { label: 'menu.creator.works', group: 'works', order: 2 } },
  { path: '/royalties', page: RoyaltiesPage, roles: ['creator'], menu: { label: 'menu.creator.royalties', group: 'works', order: 3 } },
  { path: '/works/:id', page: WorkPage, roles: ['creator'] },
  { path: '/registrations/:id', page: RegistrationPage, roles: ['creator'] },
];
