// One Article write's lifecycle fields, before it is stored: the fields the server keeps are never
// taken from a client, a kill needs its reason and records its time, an embargo holds the story as
// `withheld`, and corrections only grow.
import { refuse } from '../rules/violation';
import { assertCorrectionsAppendOnly, type Correction } from './corrections';
import { instant } from './state';

type Data = Record<string, unknown>;

/** Set by the server only: versions and the first publication at publish, the kill time at a kill. */
export const SERVER_KEPT_FIELDS = ['version', 'firstPublishedAt', 'killedAt'] as const;

export interface StoredLifecycle {
  pubStatus?: string | null;
  embargoedUntil?: string | null;
  ednote?: string | null;
  corrections?: ReadonlyArray<Partial<Correction>> | null;
}

const has = (data: Data, field: string) => Object.prototype.hasOwnProperty.call(data, field);

/**
 * The write's data with its lifecycle settled against the stored draft (none for a new story) at
 * `now`. Refuses (RuleViolation) a kill with no editor's note, reviving a killed story, and any
 * write that changes or drops a stored correction.
 */
export function prepareLifecycle(input: Data, stored: StoredLifecycle | undefined, now: Date): Data {
  const data: Data = { ...input };
  for (const field of SERVER_KEPT_FIELDS) delete data[field];
  if (has(data, 'corrections')) {
    assertCorrectionsAppendOnly(stored?.corrections, (data.corrections ?? []) as Array<Partial<Correction>>);
  }
  const wasKilled = stored?.pubStatus === 'canceled';
  const status = has(data, 'pubStatus') ? data.pubStatus : stored?.pubStatus;
  if (wasKilled && has(data, 'pubStatus') && data.pubStatus !== 'canceled') {
    refuse(
      'pubStatus',
      'killed-stays-killed',
      'a killed story cannot be brought back: partners were told not to use it. Publish a new story instead.',
      'لا يُعاد خبر سُحب: أُبلغ الشركاء بعدم استخدامه. انشر خبرًا جديدًا بدلًا من ذلك.',
    );
  }
  if (status === 'canceled' && !wasKilled) {
    const note = has(data, 'ednote') ? data.ednote : stored?.ednote;
    if (typeof note !== 'string' || !note.trim()) {
      refuse(
        'ednote',
        'kill-needs-ednote',
        'a kill needs an editor’s note saying why the story is killed: partners receive it with the kill notice.',
        'يحتاج سحب الخبر إلى ملاحظة للمحرر تبيّن سبب السحب: يتسلّمها الشركاء مع إشعار السحب.',
      );
    }
    data.killedAt = now.toISOString();
    return data;
  }
  if (status === 'canceled') return data;
  const embargo = has(data, 'embargoedUntil') ? data.embargoedUntil : stored?.embargoedUntil;
  const embargoTime = instant(embargo as string | null | undefined);
  if (embargo && (embargoTime === undefined || embargoTime > now.getTime())) {
    // Withheld while embargoed, whatever the write said: the embargo time decides when it shows.
    data.pubStatus = 'withheld';
  } else if (
    has(data, 'embargoedUntil') &&
    !embargo &&
    stored?.pubStatus === 'withheld' &&
    (!has(data, 'pubStatus') || data.pubStatus === 'withheld')
  ) {
    // An embargo lifted early by its editor: the story is usable now, not held with no time, also
    // when the Content Manager's form sends the status it showed (withheld) with the cleared time.
    data.pubStatus = 'usable';
  }
  return data;
}
