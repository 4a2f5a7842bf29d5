'use client';

// Desk settings (admin): the tag vocabulary. Add a tag, rename, recolour, re-describe, move it up or
// down (the popover's 1, 2, 3… shortcuts follow this order) and archive it (kept on old annotations,
// no longer offered for new ones). Every form keeps what was typed when the server refuses it, with
// the server's message next to the form.
import { useState, type FormEvent } from 'react';
import { useCreateTag, useTags, useUpdateTag } from '@/components/hooks/use-tags';
import { TagChip } from '@/components/tags/tag-chip';
import { activeTags, type SourceTag } from '@/lib/client/annotations-api';
import { errorMessage } from '@/lib/client/error-message';
import { isTagColor } from '@/lib/tags/tag-color';
import { contrastRatio, formatRatio, tagColorContrastProblem, WHITE } from '@/lib/tags/tag-contrast';
import { tagLetters } from '@/lib/tags/tag-letter';
import { TAG_DESCRIPTION_MAX, TAG_LABEL_MAX } from '@/lib/tags/tag-schemas';

export function TagVocabulary({ initialTags }: { initialTags: SourceTag[] }) {
  const tagsQuery = useTags(initialTags);
  const tags = tagsQuery.data ?? initialTags;
  const active = activeTags(tags);
  const archived = tags.filter((t) => t.archived);
  const letters = tagLetters(tags);
  const update = useUpdateTag();

  // sortOrder is a position among all tags (archived ones keep theirs), so a move takes the neighbour's place.
  const ordered = [...tags].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  const move = (tag: SourceTag, neighbour: SourceTag) => update.mutate({ key: tag.key, patch: { sortOrder: ordered.indexOf(neighbour) + 1 } });

  return (
    <div className="stack" data-testid="tag-vocabulary">
      <p className="muted small">
        Analysts choose from the active tags, in this order: the first nine are the <kbd>1</kbd>–<kbd>9</kbd> shortcuts of the annotate popover. An archived tag stays on
        the annotations that have it but is no longer offered. Colours must carry white text at {'\u2265'} 4.5:1 (WCAG AA); each tag also shows a letter, so no one
        has to tell colours apart.
      </p>
      {update.isError ? (
        <p className="form-error" role="alert" data-testid="tag-move-error">
          {errorMessage(update.error)}
        </p>
      ) : null}
      <ol className="tag-vocab-list" aria-label="Active tags">
        {active.map((tag, i) => (
          <li key={tag.key} className="card tag-vocab-item" data-testid="tag-row" data-tag-key={tag.key}>
            <div className="row">
              <span className="muted small" title="Shortcut in the annotate popover">
                {i < 9 ? <kbd>{i + 1}</kbd> : null}
              </span>
              <TagChip tag={tag} letter={letters.get(tag.key)} />
              <code className="muted small">{tag.key}</code>
              <span className="row" style={{ marginLeft: 'auto' }}>
                <button type="button" className="button small" disabled={i === 0 || update.isPending} onClick={() => move(tag, active[i - 1]!)} aria-label={`Move ${tag.label} up`}>
                  ↑
                </button>
                <button
                  type="button"
                  className="button small"
                  disabled={i === active.length - 1 || update.isPending}
                  onClick={() => move(tag, active[i + 1]!)}
                  aria-label={`Move ${tag.label} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button small"
                  disabled={update.isPending}
                  onClick={() => update.mutate({ key: tag.key, patch: { archived: true } })}
                  aria-label={`Archive ${tag.label}`}
                >
                  Archive
                </button>
              </span>
            </div>
            <EditTagForm tag={tag} />
          </li>
        ))}
      </ol>
      {archived.length ? (
        <>
          <h3>Archived</h3>
          <ul className="tag-vocab-list" aria-label="Archived tags">
            {archived.map((tag) => (
              <li key={tag.key} className="row" data-testid="archived-tag-row" data-tag-key={tag.key}>
                <TagChip tag={tag} letter={letters.get(tag.key)} />
                <code className="muted small">{tag.key}</code>
                <button type="button" className="button small" disabled={update.isPending} onClick={() => update.mutate({ key: tag.key, patch: { archived: false } })}>
                  Restore {tag.label}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Add a tag</h3>
      <AddTagForm />
    </div>
  );
}

/** The colour field with its contrast figure: shown as typed, so a refusal is never a surprise. */
function ColorField({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const normalised = value.trim().toLowerCase();
  const valid = isTagColor(normalised);
  const problem = valid ? tagColorContrastProblem(normalised) : 'Write the colour as #rrggbb, like #2563eb.';
  return (
    <div className="field">
      <label htmlFor={id}>
        <span className="muted">Colour</span>
      </label>
      <span className="row">
        <input type="color" value={valid ? normalised : '#000000'} onChange={(e) => onChange(e.target.value)} aria-label="Pick a colour" />
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          size={8}
          required
          pattern="#[0-9a-fA-F]{6}"
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-contrast`}
        />
      </span>
      <span id={`${id}-contrast`} className={problem ? 'field-error form-error' : 'field-status'} data-testid="tag-contrast">
        {problem ?? `White text ${formatRatio(contrastRatio(WHITE, normalised))}: readable.`}
      </span>
    </div>
  );
}

function EditTagForm({ tag }: { tag: SourceTag }) {
  const update = useUpdateTag();
  const [label, setLabel] = useState(tag.label);
  const [color, setColor] = useState(tag.color);
  const [description, setDescription] = useState(tag.description ?? '');
  const changed = label.trim() !== tag.label || color.trim().toLowerCase() !== tag.color || description.trim() !== (tag.description ?? '');

  function save(event: FormEvent) {
    event.preventDefault();
    update.mutate({ key: tag.key, patch: { label, color, description } });
  }

  const id = `tag-${tag.key}`;
  return (
    <form className="row tag-vocab-form" onSubmit={save} aria-label={`Edit ${tag.label}`}>
      <label className="field">
        <span>Label</span>
        <input value={label} maxLength={TAG_LABEL_MAX} required onChange={(e) => setLabel(e.target.value)} />
      </label>
      <ColorField id={`${id}-color`} value={color} onChange={setColor} />
      <label className="field" style={{ flex: 1, minWidth: '14rem' }}>
        <span>Description</span>
        <input value={description} maxLength={TAG_DESCRIPTION_MAX} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <button type="submit" className="button small" disabled={update.isPending || !changed} style={{ alignSelf: 'center' }}>
        Save {tag.label}
      </button>
      {update.isError ? (
        <p className="form-error" role="alert" style={{ flexBasis: '100%' }}>
          {errorMessage(update.error)}
        </p>
      ) : update.isSuccess && !changed ? (
        <p className="form-ok" role="status" style={{ flexBasis: '100%' }}>
          Saved.
        </p>
      ) : null}
    </form>
  );
}

function AddTagForm() {
  const create = useCreateTag();
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [color, setColor] = useState('#7c3aed');
  const [description, setDescription] = useState('');
  const [added, setAdded] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    create.mutate(
      { key, label, color, description },
      {
        // Only a success clears the form: a refusal leaves every field as typed.
        onSuccess: (tag) => {
          setAdded(tag.label);
          setKey('');
          setLabel('');
          setDescription('');
        },
      },
    );
  }

  return (
    <form className="card row tag-vocab-form" onSubmit={submit} aria-label="Add a tag" data-testid="add-tag-form">
      <label className="field">
        <span>Key</span>
        <input value={key} onChange={(e) => setKey(e.target.value)} required maxLength={32} placeholder="think_tank" aria-describedby="new-tag-key-help" />
        <span id="new-tag-key-help" className="muted small">
          a–z, 0–9, - and _; cannot change later
        </span>
      </label>
      <label className="field">
        <span>Label</span>
        <input value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={TAG_LABEL_MAX} placeholder="Think tank" />
      </label>
      <ColorField id="new-tag-color" value={color} onChange={setColor} />
      <label className="field" style={{ flex: 1, minWidth: '14rem' }}>
        <span>Description</span>
        <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={TAG_DESCRIPTION_MAX} />
      </label>
      <button type="submit" className="button primary small" disabled={create.isPending} style={{ alignSelf: 'center' }}>
        Add tag
      </button>
      {create.isError ? (
        <p className="form-error" role="alert" style={{ flexBasis: '100%' }} data-testid="add-tag-error">
          {errorMessage(create.error)}
        </p>
      ) : added ? (
        <p className="form-ok" role="status" style={{ flexBasis: '100%' }}>
          Added {added}.
        </p>
      ) : null}
    </form>
  );
}
