// The side panel of the newsroom's edit views: the fields the rules derive (dateline, slug,
// language, direction, an Article's version and first publication) and a Quote's needsReview (set by the importer, cleared by an editor's
// save), read-only and out of the writing form. They change only through what they are derived
// from, so the panel shows the saved version's values.
import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../translations';

const DERIVED: Record<string, string[]> = {
  'plugin::newsroom.article': ['dateline', 'slug', 'lang', 'dir', 'version', 'firstPublishedAt'],
  'plugin::newsroom.quote': ['needsReview', 'lang', 'dir'],
  'plugin::newsroom.source': ['lang', 'dir'],
};

// Values that are always written left to right, whatever the interface language.
const LATIN_VALUES = new Set(['slug', 'version']);

interface PanelProps {
  model: string;
  document?: Record<string, unknown> | null;
}

// "العربية (ar)": the language's name in the interface language, then its tag.
function languageName(tag: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(tag);
    return name && name !== tag ? name : tag;
  } catch {
    return tag;
  }
}

function Value({ field, value }: { field: string; value: unknown }) {
  const { formatMessage, formatDate, locale } = useIntl();
  if (field === 'needsReview') {
    const waiting = value === true;
    return (
      <Typography
        variant="omega"
        textColor={waiting ? 'danger600' : undefined}
        data-newsroom-derived={field}
        data-value={String(waiting)}
      >
        {formatMessage(
          waiting
            ? {
                id: getTranslation('derived.review.true'),
                defaultMessage: 'Yes: the importer was not sure of the speaker. Saving confirms it.',
              }
            : { id: getTranslation('derived.review.false'), defaultMessage: 'No' },
        )}
      </Typography>
    );
  }
  if (value === null || value === undefined || value === '') {
    return (
      <Typography variant="pi" textColor="neutral500">
        {formatMessage({ id: getTranslation('derived.pending'), defaultMessage: 'Made when the entry is saved' })}
      </Typography>
    );
  }
  if (field === 'lang') {
    const name = languageName(String(value), locale);
    return (
      <Typography variant="omega" data-newsroom-derived={field} data-value={String(value)}>
        {name === String(value) ? (
          <bdi dir="ltr">{name}</bdi>
        ) : (
          <>
            {name} (<bdi dir="ltr">{String(value)}</bdi>)
          </>
        )}
      </Typography>
    );
  }
  const text =
    field === 'dir'
      ? formatMessage({ id: getTranslation(`derived.dir.${String(value)}`), defaultMessage: String(value) })
      : field === 'firstPublishedAt'
        ? formatDate(String(value), { dateStyle: 'medium', timeStyle: 'short' })
        : String(value);
  return (
    <Typography
      variant="omega"
      dir={LATIN_VALUES.has(field) ? 'ltr' : 'auto'}
      data-newsroom-derived={field}
      style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}
    >
      {text}
    </Typography>
  );
}

export function DerivedFieldsPanel({ model, document }: PanelProps) {
  const { formatMessage } = useIntl();
  const fields = DERIVED[model];
  if (!fields) return null;
  return {
    title: formatMessage({ id: getTranslation('derived.title'), defaultMessage: 'Derived by the newsroom' }),
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="newsroom-derived-fields">
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTranslation('derived.hint'),
            defaultMessage: 'Made from the text, the credits and the date each time the entry is saved.',
          })}
        </Typography>
        {fields.map((field) => (
          <Flex key={field} direction="column" alignItems="stretch" gap={1}>
            <Typography variant="sigma" textColor="neutral600">
              {formatMessage({ id: getTranslation(`derived.field.${field}`), defaultMessage: field })}
            </Typography>
            <Value field={field} value={document?.[field]} />
          </Flex>
        ))}
      </Flex>
    ),
  };
}
DerivedFieldsPanel.type = 'newsroom-derived';
