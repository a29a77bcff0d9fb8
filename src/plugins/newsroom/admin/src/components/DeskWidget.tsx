// The newsroom desk on the admin's home page: drafts held back by a missing agency credit, with
// the rule that held them (in the interface language), the quotations whose speaker an editor must
// confirm, and the latest dispatches imported.
import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { messageLanguageOf } from '#core/interface-language';
import type { Desk, LifecycleRow, QuoteForReview } from '#shared/contracts/desk';
import { getTranslation } from '../translations';

const ARTICLES = '/content-manager/collection-types/plugin::newsroom.article';
const QUOTES = '/content-manager/collection-types/plugin::newsroom.quote';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {title}
      </Typography>
      {children}
    </Flex>
  );
}

// A desk row's link into the Content Manager: its text isolated, in its own direction.
function DeskLink({ to, children }: { to: string; children: React.ReactNode }) {
  return (
    <Link to={to} style={{ textDecoration: 'none' }}>
      <Typography
        variant="omega"
        fontWeight="semiBold"
        textColor="primary600"
        dir="auto"
        style={{ unicodeBidi: 'isolate' }}
      >
        {children}
      </Typography>
    </Link>
  );
}

function ArticleLink({ documentId, title }: { documentId: string; title: string | null }) {
  const { formatMessage } = useIntl();
  return (
    <DeskLink to={`${ARTICLES}/${documentId}`}>
      {title || formatMessage({ id: getTranslation('desk.untitled'), defaultMessage: 'Untitled' })}
    </DeskLink>
  );
}

// One quotation to review: its speaker (the link that opens the Quote), its first words, its article.
function QuoteToReview({ quote }: { quote: QuoteForReview }) {
  const { formatMessage } = useIntl();
  return (
    <Box data-newsroom-review={quote.documentId}>
      <DeskLink to={`${QUOTES}/${quote.documentId}`}>
        {quote.speaker ||
          formatMessage({ id: getTranslation('desk.review.noSpeaker'), defaultMessage: 'Speaker not named' })}
      </DeskLink>
      <Typography variant="pi" textColor="neutral800" tag="p" dir="auto" style={{ unicodeBidi: 'isolate' }}>
        «{quote.textStart}»
      </Typography>
      {quote.article ? (
        <Typography variant="pi" textColor="neutral500" tag="p">
          {formatMessage(
            { id: getTranslation('desk.review.article'), defaultMessage: 'In {title}' },
            {
              title: (
                <Link to={`${ARTICLES}/${quote.article.documentId}`} style={{ textDecoration: 'none' }}>
                  <bdi>
                    {quote.article.title ||
                      formatMessage({ id: getTranslation('desk.untitled'), defaultMessage: 'Untitled' })}
                  </bdi>
                </Link>
              ),
            },
          )}
        </Typography>
      ) : null}
    </Box>
  );
}

type LifecycleList = 'embargoed' | 'killed' | 'corrected';

// The story lifecycle's rows: each story, the time (the embargo's end, the kill, the correction)
// and the kill's reason or the correction's note.
function LifecycleSection({
  list,
  rows,
  when,
}: {
  list: LifecycleList;
  rows: LifecycleRow[];
  when: (iso: string) => string;
}) {
  const { formatMessage } = useIntl();
  const titles: Record<LifecycleList, string> = {
    embargoed: 'Under embargo ({total})',
    killed: 'Killed, the kill notice still running ({total})',
    corrected: 'Corrections issued today ({total})',
  };
  const lines: Record<LifecycleList, string> = {
    embargoed: 'Public at {when}',
    killed: 'Killed {when}',
    corrected: 'Corrected {when}',
  };
  return (
    <Section
      title={formatMessage(
        { id: getTranslation(`desk.${list}.title`), defaultMessage: titles[list] },
        { total: rows.length },
      )}
    >
      {rows.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: getTranslation(`desk.${list}.none`), defaultMessage: 'None.' })}
        </Typography>
      ) : (
        rows.map((row) => (
          <Box key={`${row.documentId}-${row.at}`} {...{ [`data-newsroom-${list}`]: row.documentId }}>
            <ArticleLink documentId={row.documentId} title={row.title} />
            <Typography variant="pi" textColor="neutral500" tag="p">
              {formatMessage(
                { id: getTranslation(`desk.${list}.line`), defaultMessage: lines[list] },
                { when: when(row.at) },
              )}
            </Typography>
            {row.note ? (
              <Typography variant="pi" textColor="neutral800" tag="p" dir="auto" style={{ unicodeBidi: 'isolate' }}>
                {row.note}
              </Typography>
            ) : null}
          </Box>
        ))
      )}
    </Section>
  );
}

export function DeskWidget() {
  const { formatMessage, formatDate, locale } = useIntl();
  const { get } = useFetchClient();
  const [desk, setDesk] = React.useState<Desk | null>(null);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    get<{ data: Desk }>('/newsroom/desk')
      .then(({ data }) => live && setDesk(data.data))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [get]);

  if (failed) return <Widget.Error />;
  if (!desk) return <Widget.Loading />;
  const language = messageLanguageOf(locale);
  const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Flex direction="column" alignItems="stretch" gap={5} data-testid="newsroom-desk">
      <Section
        title={formatMessage(
          { id: getTranslation('desk.held.title'), defaultMessage: 'Held back: a credit is missing ({total})' },
          { total: desk.held.total },
        )}
      >
        {desk.held.items.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({ id: getTranslation('desk.held.none'), defaultMessage: 'No draft is held back.' })}
          </Typography>
        ) : (
          desk.held.items.map((draft) => (
            <Box key={draft.documentId} data-newsroom-held={draft.documentId}>
              <ArticleLink documentId={draft.documentId} title={draft.title} />
              <Typography variant="pi" textColor="danger600" tag="p" data-newsroom-rule={draft.rule}>
                {draft.messages[language]}
              </Typography>
              <Typography variant="pi" textColor="neutral500" tag="p">
                {formatMessage(
                  { id: getTranslation('desk.updated'), defaultMessage: 'Saved {when}' },
                  { when: when(draft.updatedAt) },
                )}
              </Typography>
            </Box>
          ))
        )}
      </Section>
      <Section
        title={formatMessage(
          {
            id: getTranslation('desk.review.title'),
            defaultMessage: 'Quotations whose speaker needs review ({total})',
          },
          { total: desk.review.total },
        )}
      >
        {desk.review.items.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({
              id: getTranslation('desk.review.none'),
              defaultMessage: 'No quotation waits for review.',
            })}
          </Typography>
        ) : (
          desk.review.items.map((quote) => <QuoteToReview key={quote.documentId} quote={quote} />)
        )}
      </Section>
      {(['embargoed', 'killed', 'corrected'] as const).map((list) => (
        <LifecycleSection key={list} list={list} rows={desk[list] ?? []} when={when} />
      ))}
      <Section title={formatMessage({ id: getTranslation('desk.imports.title'), defaultMessage: 'Latest imports' })}>
        {desk.imports.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({ id: getTranslation('desk.imports.none'), defaultMessage: 'Nothing imported yet.' })}
          </Typography>
        ) : (
          desk.imports.map((item) => (
            <Box key={`${item.documentId}-${item.at}`} data-newsroom-import={item.documentId}>
              {item.status === 'deleted' ? (
                <Typography variant="omega" textColor="neutral500">
                  {formatMessage({ id: getTranslation('desk.imports.deleted'), defaultMessage: 'Deleted since' })}
                </Typography>
              ) : (
                <ArticleLink documentId={item.documentId} title={item.title} />
              )}
              <Typography variant="pi" textColor="neutral500" tag="p">
                {formatMessage(
                  {
                    id: getTranslation('desk.imports.line'),
                    defaultMessage:
                      '{status, select, published {Published} draft {Draft} other {Deleted}} · {when} · {file}',
                  },
                  { status: item.status, when: when(item.at), file: <bdi dir="ltr">{item.file}</bdi> },
                )}
              </Typography>
            </Box>
          ))
        )}
      </Section>
    </Flex>
  );
}
