import { useEffect, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { SelectField, TextAreaField } from '../../ui/fields.tsx';
import { useDeclineTemplates } from './shortlist-queries.ts';

/**
 * Declining sends the message to the professional at once, so it cannot be undone: the dialog
 * is the confirmation, with the message to check first (a template fills it in).
 */
export function DeclineDialog({
  businessId,
  professionalName,
  open,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  businessId: string;
  professionalName: string;
  open: boolean;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (message: string) => void;
}) {
  const templates = useDeclineTemplates(businessId);
  const options = templates.data
    ? [templates.data.builtIn, ...templates.data.items].map((t, i) => ({
        value: String(i),
        label: t.name,
        body: t.body,
      }))
    : [];
  const [choice, setChoice] = useState('0');
  const [message, setMessage] = useState('');
  const first = options[0]?.body ?? '';
  useEffect(() => {
    if (open) {
      setChoice('0');
      setMessage(first);
    }
  }, [open, first]);
  const empty = message.trim() === '';
  return (
    <Dialog
      open={open}
      title={`Decline ${professionalName}’s bid?`}
      onClose={onCancel}
      footer={
        <>
          <Button variant="secondary" onClick={onCancel} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" busy={busy} disabled={empty} onClick={() => onConfirm(message)}>
            Decline and send
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <p className="text-sm text-slate-700">
          {professionalName} receives this message at once; a declined bid cannot be shortlisted
          again.
        </p>
        <SelectField
          label="Template"
          value={choice}
          options={options}
          onChange={(e) => {
            setChoice(e.target.value);
            setMessage(options[Number(e.target.value)]?.body ?? '');
          }}
        />
        <TextAreaField
          label="Message"
          rows={5}
          value={message}
          maxLength={2000}
          onChange={(e) => setMessage(e.target.value)}
          error={empty ? 'Write a message (a template fills it in)' : undefined}
        />
        <p className="text-xs text-slate-600">
          <Link
            to="/app/businesses/$businessId/decline-templates"
            params={{ businessId }}
            className="text-brand-700 underline"
          >
            Edit your templates
          </Link>
        </p>
        {error !== null && error !== undefined && <Alert>{errorMessage(error)}</Alert>}
      </div>
    </Dialog>
  );
}
