import { Alert, Button, Tabs } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { allowedTransitions, type CaseStatus, can, type Role } from '@sada/core';
import { IconHistory, IconMessages } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client.ts';
import { useCurrentUser } from '../auth/session.ts';
import { CustomerPanel } from '../customers/CustomerPanel.tsx';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.tsx';
import { AssignControl } from './AssignControl.tsx';
import { AssistantPanel } from './AssistantPanel.tsx';
import { CaseFields } from './CaseFields.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { Composer, type ComposerHandle } from './Composer.tsx';
import { CustomerTyping } from './CustomerTyping.tsx';
import classes from './case.module.css';
import type { CaseDetail } from './case-types.ts';
import { MoveToPrivate } from './MoveToPrivate.tsx';
import { PresenceBar } from './PresenceBar.tsx';
import { ReplySuggestions } from './ReplySuggestions.tsx';
import { SlaPanel } from './SlaPanel.tsx';
import { StatusActions } from './StatusActions.tsx';
import { Thread } from './Thread.tsx';
import { TimelineTab } from './TimelineTab.tsx';
import { TriagePanel } from './TriagePanel.tsx';
import { useCase, useCaseActions } from './useCase.ts';
import { usePresence } from './usePresence.ts';

// The SLA panel shows only on cases under a policy: its code loads when one is opened.
const OffersPanel = lazy(() => import('../offers/OffersPanel.tsx').then((m) => ({ default: m.OffersPanel })));
const PlanPanel = lazy(() => import('../plans/PlanPanel.tsx').then((m) => ({ default: m.PlanPanel })));
const CaseProblemLine = lazy(() =>
  import('../problems/CaseProblemLine.tsx').then((m) => ({ default: m.CaseProblemLine })),
);
const SurveyPanel = lazy(() =>
  import('../surveys/SurveyPanel.tsx').then((m) => ({ default: m.SurveyPanel })),
);
const StoryCandidateButton = lazy(() =>
  import('../stories/StoryCandidateButton.tsx').then((m) => ({ default: m.StoryCandidateButton })),
);

type CaseTab = 'conversation' | 'timeline';

/** One case: conversation and composer, its fields, status, assignment, timeline and customer. */
export function CasePage() {
  const { t } = useTranslation(['case', 'common']);
  const reference = (useParams().reference ?? '').toUpperCase();
  const query = useCase(reference);

  if (query.isPending) return <LoadingState label={t('loading')} />;
  if (!query.data) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <EmptyState
          message={t('notFound', { reference })}
          action={
            <Button component={Link} to="/inbox/mine" variant="light">
              {t('common:states.backToInbox')}
            </Button>
          }
        />
      );
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  // A failed refresh keeps the case on screen, with a word that it may be out of date.
  return (
    <CaseView
      key={reference}
      caseDetail={query.data}
      refreshError={query.isError ? query.error : undefined}
    />
  );
}

function CaseView({ caseDetail, refreshError }: { caseDetail: CaseDetail; refreshError?: unknown }) {
  const { t } = useTranslation(['case', 'common']);
  const reference = caseDetail.referenceNumber;
  const actions = useCaseActions(reference);
  const presence = usePresence(reference);
  const composer = useRef<ComposerHandle>(null);
  // Analysts read cases but do not work them: the page shows, the controls do not act.
  const canWork = can(useCurrentUser().role as Role, 'case:write');
  const [tab, setTab] = useState<CaseTab>('conversation');
  const title = `${reference} · ${caseDetail.subject}`;
  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);

  const focusComposer = (kind: 'reply' | 'note') => {
    setTab('conversation');
    // The panel becomes visible on the next frame; only then can the textarea take the focus.
    requestAnimationFrame(() => composer.current?.focus(kind));
  };
  // A suggested or drafted reply goes into the composer, on the conversation tab.
  const insertReply = (text: string) => {
    setTab('conversation');
    requestAnimationFrame(() => composer.current?.insertReply(text));
  };
  const resolve = () => {
    const status = caseDetail.status as CaseStatus;
    if (!allowedTransitions(status).includes('resolved')) {
      notifications.show({
        color: 'orange',
        message: t('status.cannotResolve', { status: t(`common:status.${status}`) }),
      });
      return;
    }
    actions.transition.mutate('resolved', {
      onSuccess: () => notifications.show({ color: 'teal', message: t('status.resolved') }),
    });
  };
  // Not while a dialog (the template picker) is open: its keys belong to it.
  const outsideDialogs = (run: () => void) => (event: KeyboardEvent) => {
    if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
    run();
  };
  // Physical keys, so the shortcuts work with an Arabic keyboard layout too (R types ق there).
  useHotkeys(
    canWork
      ? [
          ['r', outsideDialogs(() => focusComposer('reply')), { usePhysicalKeys: true }],
          ['n', outsideDialogs(() => focusComposer('note')), { usePhysicalKeys: true }],
          ['e', outsideDialogs(resolve), { usePhysicalKeys: true }],
        ]
      : [],
  );

  return (
    <div className={classes.page} data-testid="case-page" data-reference={reference}>
      <header className={classes.header}>
        <CaseHeader caseDetail={caseDetail} />
        <PresenceBar viewers={presence.viewers} />
        {refreshError !== undefined && (
          <Alert color="orange" p="xs" mt="xs">
            {t('refreshFailed')} {errorMessage(refreshError)}
          </Alert>
        )}
      </header>
      <div className={classes.main}>
        <Tabs value={tab} onChange={(value) => setTab(value === 'timeline' ? 'timeline' : 'conversation')}>
          <Tabs.List aria-label={t('tabs.label')} mb="sm">
            <Tabs.Tab value="conversation" leftSection={<IconMessages size={16} aria-hidden />}>
              {t('tabs.conversation')}
            </Tabs.Tab>
            <Tabs.Tab value="timeline" leftSection={<IconHistory size={16} aria-hidden />}>
              {t('tabs.timeline')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="conversation">
            <Thread caseDetail={caseDetail} canWork={canWork} />
            <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
              <MoveToPrivate caseDetail={caseDetail} canWork={canWork} />
              {canWork ? (
                <>
                  <AssistantPanel reference={reference} onDraft={insertReply} />
                  <ReplySuggestions caseDetail={caseDetail} onPick={insertReply} />
                  {caseDetail.channel === 'live_chat' && <CustomerTyping reference={reference} />}
                  <Composer
                    caseDetail={caseDetail}
                    onTyping={presence.typing}
                    onSent={presence.stopTyping}
                    handleRef={composer}
                  />
                </>
              ) : (
                <Alert color="gray" p="xs">
                  {t('readOnly')}
                </Alert>
              )}
            </div>
          </Tabs.Panel>
          <Tabs.Panel value="timeline">
            <TimelineTab events={caseDetail.timeline} />
          </Tabs.Panel>
        </Tabs>
      </div>
      <section className={classes.side} aria-label={t('sideLabel')}>
        <div className={classes.controls}>
          <StatusActions caseDetail={caseDetail} transition={actions.transition} readOnly={!canWork} />
          <AssignControl caseDetail={caseDetail} assign={actions.assign} readOnly={!canWork} />
          {caseDetail.sla.length > 0 && <SlaPanel caseDetail={caseDetail} />}
          <TriagePanel caseDetail={caseDetail} readOnly={!canWork} />
          <CaseFields caseDetail={caseDetail} update={actions.update} readOnly={!canWork} />
          {/* What loads on its own comes after the fields, so nothing moves under a click there. */}
          <Suspense fallback={null}>
            <CaseProblemLine reference={reference} />
          </Suspense>
          <Suspense fallback={null}>
            <PlanPanel reference={reference} canWork={canWork} />
          </Suspense>
          <Suspense fallback={null}>
            <OffersPanel reference={reference} canWork={canWork} />
          </Suspense>
          {caseDetail.survey && (
            <Suspense fallback={null}>
              <SurveyPanel caseDetail={caseDetail} />
            </Suspense>
          )}
          {(caseDetail.status === 'resolved' || caseDetail.status === 'closed') && (
            <Suspense fallback={null}>
              <StoryCandidateButton reference={reference} />
            </Suspense>
          )}
        </div>
        <div className={classes.customer}>
          <CustomerPanel customerId={caseDetail.customerId} currentReference={reference} />
        </div>
      </section>
    </div>
  );
}
