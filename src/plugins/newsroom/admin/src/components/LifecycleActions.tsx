// The editors' lifecycle actions beside Publish in an Article's edit view: "Issue correction" (asks
// for the note, publishes the draft's change as a correction), "Kill story" (asks for the reason,
// then the story leaves every public read), "Publish as an update of…" (picks the earlier story)
// and "Publish under embargo…" (asks for the time it becomes public). Each calls the newsroom's admin route, where the rules run as on any write.
import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { getTranslation } from '../translations';

const ARTICLE = 'plugin::newsroom.article';

export interface ActionProps {
  model: string;
  documentId?: string;
  document?: Record<string, unknown> | null;
}

interface FormProps {
  documentId: string;
  onClose: () => void;
}

type Fetch = ReturnType<typeof useFetchClient>;

function errorMessage(error: unknown): string {
  const response = (error as { response?: { data?: { error?: { message?: string } } } }).response;
  return response?.data?.error?.message ?? String((error as Error)?.message ?? error);
}

// One form: a field, a confirm button, the refusal shown where it was made.
function ActionForm({
  documentId,
  onClose,
  action,
  field,
  confirm,
  danger,
  children,
}: FormProps & {
  action: string;
  field: { name: string; value: string; valid: boolean };
  confirm: string;
  danger?: boolean;
  children: React.ReactNode;
}) {
  const { post } = useFetchClient();
  const { formatMessage } = useIntl();
  const [error, setError] = React.useState<string>();
  const [busy, setBusy] = React.useState(false);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await post(`/newsroom/articles/${documentId}/${action}`, { [field.name]: field.value });
      onClose();
      // The edit view shows the published state from the server again.
      window.location.reload();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };
  // Strapi's document action modal renders the content right under its header: body and footer are ours.
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4} data-newsroom-action={action}>
          {children}
          {error ? (
            <Typography textColor="danger600" role="alert" data-newsroom-action-error>
              {error}
            </Typography>
          ) : null}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          {formatMessage({ id: getTranslation('actions.cancel'), defaultMessage: 'Cancel' })}
        </Button>
        <Button
          variant={danger ? 'danger' : 'default'}
          loading={busy}
          disabled={!field.valid}
          onClick={submit}
          data-newsroom-action-confirm
        >
          {confirm}
        </Button>
      </Modal.Footer>
    </>
  );
}

function NoteForm({ documentId, onClose, kind }: FormProps & { kind: 'kill' | 'correction' }) {
  const { formatMessage } = useIntl();
  const [text, setText] = React.useState('');
  const kill = kind === 'kill';
  const label = kill
    ? formatMessage({ id: getTranslation('actions.kill.reason'), defaultMessage: 'Why is the story killed?' })
    : formatMessage({
        id: getTranslation('actions.correction.note'),
        defaultMessage: 'What does the correction change?',
      });
  const hint = kill
    ? formatMessage({
        id: getTranslation('actions.kill.hint'),
        defaultMessage:
          'The story leaves every public read at once; partners receive this note with the kill notice. A killed story cannot be brought back.',
      })
    : formatMessage({
        id: getTranslation('actions.correction.hint'),
        defaultMessage: 'The draft’s changes are published with this note as a correction; partners receive it.',
      });
  return (
    <ActionForm
      documentId={documentId}
      onClose={onClose}
      action={kind}
      field={{ name: kill ? 'ednote' : 'note', value: text, valid: text.trim() !== '' }}
      confirm={
        kill
          ? formatMessage({ id: getTranslation('actions.kill.confirm'), defaultMessage: 'Kill the story' })
          : formatMessage({
              id: getTranslation('actions.correction.confirm'),
              defaultMessage: 'Publish the correction',
            })
      }
      danger={kill}
    >
      <Field.Root name={kind} hint={hint} required>
        <Field.Label>{label}</Field.Label>
        <Textarea
          dir="auto"
          value={text}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setText(event.target.value)}
        />
        <Field.Hint />
      </Field.Root>
    </ActionForm>
  );
}

interface Story {
  documentId: string;
  title: string;
}

async function publishedStories(get: Fetch['get'], except: string): Promise<Story[]> {
  const { data } = await get<{ results: Story[] }>(
    `/content-manager/collection-types/${ARTICLE}?page=1&pageSize=50&sort=updatedAt:DESC&status=published`,
  );
  return (data.results ?? []).filter((story) => story.documentId !== except);
}

function UpdateOfForm({ documentId, onClose }: FormProps) {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [stories, setStories] = React.useState<Story[]>([]);
  const [earlier, setEarlier] = React.useState('');
  React.useEffect(() => {
    publishedStories(get, documentId).then(setStories, () => setStories([]));
  }, [get, documentId]);
  return (
    <ActionForm
      documentId={documentId}
      onClose={onClose}
      action="update-of"
      field={{ name: 'updates', value: earlier, valid: earlier !== '' }}
      confirm={formatMessage({
        id: getTranslation('actions.updateOf.confirm'),
        defaultMessage: 'Publish as an update',
      })}
    >
      <Field.Root name="updates" required>
        <Field.Label>
          {formatMessage({ id: getTranslation('actions.updateOf.pick'), defaultMessage: 'The earlier story' })}
        </Field.Label>
        <SingleSelect value={earlier} onChange={(value: string | number) => setEarlier(String(value))}>
          {stories.map((story) => (
            <SingleSelectOption key={story.documentId} value={story.documentId}>
              {story.title}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <Box>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTranslation('actions.updateOf.hint'),
            defaultMessage: 'The draft is published, linked to the story it updates (ninjs associations).',
          })}
        </Typography>
      </Box>
    </ActionForm>
  );
}

// A local date and time as the browser's datetime-local input writes it, for now plus `hours`.
const localInput = (date: Date) =>
  new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

function EmbargoForm({ documentId, onClose }: FormProps) {
  const { formatMessage } = useIntl();
  const [local, setLocal] = React.useState('');
  const instant = local ? new Date(local) : undefined;
  const valid = Boolean(instant && !Number.isNaN(instant.getTime()) && instant.getTime() > Date.now());
  return (
    <ActionForm
      documentId={documentId}
      onClose={onClose}
      action="embargo"
      field={{ name: 'embargoedUntil', value: valid ? (instant as Date).toISOString() : '', valid }}
      confirm={formatMessage({
        id: getTranslation('actions.embargo.confirm'),
        defaultMessage: 'Publish under embargo',
      })}
    >
      <Field.Root
        name="embargoedUntil"
        required
        hint={formatMessage({
          id: getTranslation('actions.embargo.hint'),
          defaultMessage:
            'The story is published now but stays in no public read, search or feed until this time; embargo partners see it as withheld. It appears on its own at that time.',
        })}
      >
        <Field.Label>
          {formatMessage({ id: getTranslation('actions.embargo.until'), defaultMessage: 'Public from' })}
        </Field.Label>
        <TextInput
          type="datetime-local"
          dir="ltr"
          min={localInput(new Date())}
          value={local}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setLocal(event.target.value)}
        />
        <Field.Hint />
      </Field.Root>
    </ActionForm>
  );
}

const isSavedArticle = ({ model, documentId }: ActionProps) => model === ARTICLE && Boolean(documentId);

// Strapi calls each action as a hook-using component, known by its `type`: one made per action, each
// offered on a saved Article that is not killed, in the panel, as a modal with the action's form.
function lifecycleAction(
  type: string,
  label: { id: string; defaultMessage: string },
  Form: (props: FormProps) => React.ReactElement,
  variant?: 'danger-light',
) {
  function LifecycleAction(props: ActionProps) {
    const { formatMessage } = useIntl();
    if (!isSavedArticle(props) || props.document?.pubStatus === 'canceled') return null;
    const title = formatMessage({ id: getTranslation(label.id), defaultMessage: label.defaultMessage });
    return {
      label: title,
      position: 'panel' as const,
      ...(variant ? { variant } : {}),
      dialog: {
        type: 'modal' as const,
        title,
        content: ({ onClose }: { onClose: () => void }) => (
          <Form documentId={props.documentId as string} onClose={onClose} />
        ),
      },
    };
  }
  LifecycleAction.type = type;
  return LifecycleAction;
}

export const IssueCorrectionAction = lifecycleAction(
  'newsroom-issue-correction',
  { id: 'actions.correction.label', defaultMessage: 'Issue correction' },
  (props) => <NoteForm {...props} kind="correction" />,
);
export const KillStoryAction = lifecycleAction(
  'newsroom-kill-story',
  { id: 'actions.kill.label', defaultMessage: 'Kill story' },
  (props) => <NoteForm {...props} kind="kill" />,
  'danger-light',
);
export const PublishAsUpdateAction = lifecycleAction(
  'newsroom-publish-as-update',
  { id: 'actions.updateOf.label', defaultMessage: 'Publish as an update of…' },
  UpdateOfForm,
);
export const PublishUnderEmbargoAction = lifecycleAction(
  'newsroom-publish-under-embargo',
  { id: 'actions.embargo.label', defaultMessage: 'Publish under embargo…' },
  EmbargoForm,
);

export const LIFECYCLE_ACTIONS = [
  IssueCorrectionAction,
  KillStoryAction,
  PublishAsUpdateAction,
  PublishUnderEmbargoAction,
];
