import { useState } from 'preact/hooks';
import type { Account } from '../../shared/autoReply/accountData.ts';
import { t } from '../../shared/i18n.ts';
import { workspaceUrl } from '../../shared/workspace.ts';
import { errorText } from '../../ui/errorText.ts';
import { askDesk } from './askDesk.ts';

type Posting =
  | { readonly kind: 'idle' }
  | { readonly kind: 'posting' }
  | { readonly kind: 'posted'; readonly postId: string }
  | { readonly kind: 'failed'; readonly reason: string };

/**
 * Posts the report of the last seven days at once, through the tab, to the
 * report channel the saved settings name, whatever the schedule; then links
 * to it, or says why it could not.
 */
export function DeskReportNow({ account, tabId }: { account: Account; tabId: number }) {
  const [posting, setPosting] = useState<Posting>({ kind: 'idle' });

  const post = () => {
    setPosting({ kind: 'posting' });
    askDesk(tabId, 'postDeskReport', null).then(
      ({ postId }) => setPosting({ kind: 'posted', postId }),
      (error: unknown) => setPosting({ kind: 'failed', reason: errorText(error) }),
    );
  };

  return (
    <div class="desk-report-now">
      <button type="button" disabled={posting.kind === 'posting'} onClick={post}>
        {t('deskReportNowButton')}
      </button>
      {/* Always there, so that what it comes to say is announced. */}
      <p role="status">
        {posting.kind === 'posting' && t('deskReportNowPosting')}
        {posting.kind === 'posted' && (
          <>
            {t('deskReportNowPosted')}{' '}
            <a href={`${workspaceUrl(account.workspace)}/_redirect/pl/${posting.postId}`} target="_blank" rel="noreferrer">
              {t('deskReportNowOpen')}
            </a>
          </>
        )}
      </p>
      {posting.kind === 'failed' && (
        <div role="alert" class="problem">
          {t('deskReportNowFailed', [posting.reason])}
        </div>
      )}
    </div>
  );
}
