import { login, sessionUser } from '../../core/auth';
import { lang, t } from '../../core/i18n';
import { Link } from '../../core/router';
import { Button, Card, Page } from '../../core/ui';

/** What a visitor sees before logging in. */
export function Landing() {
  return (
    <section class="landing" aria-labelledby="landing-title">
      <h1 id="landing-title">{t('landing.title')}</h1>
      <p class="lead">{t('landing.lead')}</p>
      <ul class="landing-points">
        <li><strong>{t('landing.register.title')}</strong> {t('landing.register.text')}</li>
        <li><strong>{t('landing.trade.title')}</strong> {t('landing.trade.text')}</li>
        <li><strong>{t('landing.supervise.title')}</strong> {t('landing.supervise.text')}</li>
      </ul>
      <Button variant="primary" onClick={() => login(lang() === 'zh' ? 'zh-CN' : 'en')}>{t('shell.login')}</Button>
    </section>
  );
}

export function NotFound(props: { forbidden?: boolean }) {
  return (
    <Page title={t(props.forbidden ? 'notfound.forbidden' : 'notfound.title')}>
      <p>{t('notfound.text')}</p>
      <p><Link href="/">{t('notfound.home')}</Link></p>
    </Page>
  );
}

const SHORTCUTS: Record<string, ReadonlyArray<[string, string]>> = {
  creator: [['/works/new', 'home.creator.register'], ['/works', 'home.creator.works'], ['/royalties', 'home.creator.royalties']],
  trader: [['/board', 'home.trader.board'], ['/account', 'home.trader.account'], ['/trades', 'home.trader.trades']],
  operator: [['/ops/kyc', 'home.operator.kyc'], ['/ops/registrations', 'home.operator.registrations'], ['/ops/alerts', 'home.operator.alerts']],
  regulator: [['/supervision/provenance', 'home.regulator.provenance'], ['/supervision/statistics', 'home.regulator.statistics'], ['/supervision/audit', 'home.regulator.audit']],
  admin: [['/board', 'home.trader.board']],
};

/** The start page: a greeting and the shortcuts of the user's roles. */
export function Home() {
  const user = sessionUser()!;
  return (
    <Page title={t('home.title', { name: user.name })} subtitle={t('home.subtitle')}>
      <div class="grid">
        {user.roles.map(role => (
          <Card key={role} title={t(`role.${role}`)} testId={`home-${role}`}>
            <ul class="shortcuts">
              {(SHORTCUTS[role] ?? []).map(([href, label]) => <li key={href}><Link href={href}>{t(label)}</Link></li>)}
            </ul>
          </Card>
        ))}
      </div>
    </Page>
  );
}
