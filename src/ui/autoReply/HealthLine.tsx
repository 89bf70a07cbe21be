import browser from 'webextension-polyfill';
import { healthAction, type AutoReplyHealth } from '../../shared/autoReply/autoReplyHealth.ts';
import { t } from '../../shared/i18n.ts';

const formatClock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/**
 * The one line that says whether auto-reply is answering, and if not, why,
 * with the one action that fixes it where there is one.
 */
export function HealthLine({ health, tabId, serverOffsetMs }: { health: AutoReplyHealth; tabId: number; serverOffsetMs: number }) {
  // Times in the health are the server's; shown on the browser's clock.
  const clock = (serverTime: number) => formatClock.format(serverTime - serverOffsetMs);
  const action = healthAction(health);
  return (
    <div class={`auto-reply-health health-${health.state}`}>
      <p class="auto-reply-state" role="status">
        {describeHealth(health, clock)}
      </p>
      {action === 'reload-tab' && (
        <button type="button" onClick={() => void browser.tabs.reload(tabId)}>
          {t('reloadTabButton')}
        </button>
      )}
      {action === 'sign-in' && (
        <button type="button" onClick={() => void browser.tabs.update(tabId, { active: true }).then(() => window.close())}>
          {t('signInButton')}
        </button>
      )}
    </div>
  );
}

function describeHealth(health: AutoReplyHealth, clock: (at: number) => string): string {
  switch (health.state) {
    case 'answering':
      return t(health.where === 'this-tab' ? 'healthAnsweringHere' : 'healthAnsweringElsewhere');
    case 'off':
      return t('autoReplyStateOff');
    case 'outside-schedule':
      return t('autoReplyStateOutsideSchedule');
    case 'native-responder':
      return t('autoReplyStateNative');
    case 'settings-invalid':
      return t('healthSettingsInvalid');
    case 'checking':
      return t('healthChecking');
    case 'signed-out':
      return t('healthSignedOut');
    case 'account-unreachable':
      return t('healthAccountUnreachable', [clock(health.since), health.problem]);
    case 'not-watching':
      return t('healthNotWatching');
    case 'reconnecting':
      return t('healthReconnecting', [clock(health.since)]);
    case 'starting':
      return t('healthStarting');
    case 'server-problem':
      return t('healthServerProblem', [clock(health.since), health.message]);
  }
}
