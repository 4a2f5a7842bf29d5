'use client';

// The "Suggestions" sidebar panel: a toggle; when on, the engine's proposed claims (also outlined in
// the reader) with their reasons. Enter or Accept makes one a real annotation, x or ✕ rejects it for
// this user and version, and "Accept all" takes every suggestion of one tag after a confirmation.
// Keyboard: ↑/↓ (or j/k) move between suggestions; clicking an outline in the reader focuses its item.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { truncate } from '@/components/annotations/format';
import { useAcceptSuggestions, useRejectSuggestion, useSuggestions, useSuggestionUi, type Acceptance } from '@/components/hooks/use-suggestions';
import { useTags } from '@/components/hooks/use-tags';
import { TagChip } from '@/components/tags/tag-chip';
import type { SourceTag } from '@/lib/client/annotations-api';
import { suggestionKey, type Suggestion } from '@/lib/client/suggestions-api';
import './suggestions.css';
import { tagColor } from '@/lib/tags/tag-color';
import { errorMessage } from '@/lib/client/error-message';

type Props = { articleId: string; versionId: string; onAccepted?: () => void };

export function SuggestionsPanel({ articleId, versionId, onAccepted }: Props) {
  const ui = useSuggestionUi(articleId);
  const { enabled, suggestions, muted, stale, isPending, error } = useSuggestions(articleId, versionId);
  const tags = useTags().data;
  const tagByKey = useMemo(() => new Map((tags ?? []).map((t) => [t.key, t])), [tags]);
  const accept = useAcceptSuggestions(articleId, versionId, onAccepted);
  const reject = useRejectSuggestion(articleId, versionId);
  /** Tags chosen by hand for untagged suggestions, by suggestion key. */
  const [chosenTags, setChosenTags] = useState<Record<string, string>>({});
  const [confirmTag, setConfirmTag] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  /** After an item leaves the list, focus goes to the one that took its place. */
  const refocusIndex = useRef<number | null>(null);
  const { setActiveKey } = ui;

  const byTag = useMemo(() => {
    const counts = new Map<string, Suggestion[]>();
    for (const s of suggestions) if (s.tag && tagByKey.has(s.tag)) counts.set(s.tag, [...(counts.get(s.tag) ?? []), s]);
    return [...counts].map(([key, list]) => ({ tag: tagByKey.get(key)!, list }));
  }, [suggestions, tagByKey]);

  const items = () => [...(listRef.current?.querySelectorAll<HTMLElement>('[data-testid="suggestion-item"]') ?? [])];

  useEffect(() => {
    const index = refocusIndex.current;
    if (index === null) return;
    refocusIndex.current = null;
    const all = items();
    const next = all[Math.min(index, all.length - 1)];
    if (next) next.focus();
    else setActiveKey(null);
  }, [suggestions, setActiveKey]);

  // A click on an outline in the reader focuses (and so highlights) its suggestion here.
  useEffect(() => {
    if (!enabled) return;
    const onClick = (event: MouseEvent) => {
      const el = (event.target as Element | null)?.closest?.<HTMLElement>('[data-testid="article-reader"] .cd-suggestion');
      const key = el?.dataset.suggestionKey;
      if (!key) return;
      const item = listRef.current?.querySelector<HTMLElement>(`[data-suggestion-key="${CSS.escape(key)}"]`);
      item?.focus({ preventScroll: true });
      item?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [enabled]);

  const tagFor = (s: Suggestion): string | null => (s.tag && tagByKey.has(s.tag) ? s.tag : (chosenTags[suggestionKey(s)] ?? null));

  const leave = (index: number) => {
    refocusIndex.current = listRef.current?.contains(document.activeElement) ? index : null;
  };

  const acceptOne = (s: Suggestion, index: number) => {
    const tag = tagFor(s);
    if (!tag) return;
    leave(index);
    accept.mutate([{ suggestion: s, tag }]);
  };

  const rejectOne = (s: Suggestion, index: number) => {
    leave(index);
    reject.mutate(s);
  };

  const acceptAll = (tag: string) => {
    const list: Acceptance[] = suggestions.filter((s) => s.tag === tag).map((s) => ({ suggestion: s, tag }));
    setConfirmTag(null);
    if (list.length > 0) accept.mutate(list);
  };

  const onItemKeyDown = (event: KeyboardEvent<HTMLLIElement>, s: Suggestion, index: number) => {
    if (event.target !== event.currentTarget || event.metaKey || event.ctrlKey || event.altKey) return;
    const move = (delta: number) => {
      event.preventDefault();
      items()[Math.max(0, Math.min(suggestions.length - 1, index + delta))]?.focus();
    };
    switch (event.key) {
      case 'Enter':
        event.preventDefault();
        if (tagFor(s)) acceptOne(s, index);
        else event.currentTarget.querySelector('select')?.focus();
        break;
      case 'x':
      case 'X':
        event.preventDefault();
        rejectOne(s, index);
        break;
      case 'ArrowDown':
      case 'j':
        move(1);
        break;
      case 'ArrowUp':
      case 'k':
        move(-1);
        break;
      case 'Escape':
        event.currentTarget.blur();
        setActiveKey(null);
        break;
    }
  };

  const scrollReaderTo = (key: string) => {
    document
      .querySelector(`[data-testid="article-reader"] .cd-suggestion[data-suggestion-key="${CSS.escape(key)}"]`)
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const confirmInfo = confirmTag ? byTag.find((g) => g.tag.key === confirmTag) : undefined;

  return (
    <section className="cd-suggest" aria-label="Suggestions" data-testid="suggestions-panel">
      <div className="row cd-suggest-head">
        <button type="button" role="switch" aria-checked={enabled} className={`cd-switch${enabled ? ' is-on' : ''}`} onClick={() => ui.setEnabled(!enabled)}>
          <span className="cd-switch-track" aria-hidden>
            <span className="cd-switch-thumb" />
          </span>
          Suggestions
        </button>
        {enabled && !isPending && !stale ? (
          <span className="muted small" data-testid="suggestion-count">
            {suggestions.length} proposed
          </span>
        ) : null}
        {enabled && !isPending && !stale && muted > 0 ? (
          <span className="muted small" data-testid="suggestion-muted" title="Rules the desk keeps rejecting are muted; an admin can restore them on the Desk page.">
            · {muted} held back by muted rules
          </span>
        ) : null}
      </div>

      {!enabled ? null : isPending ? (
        <p className="muted small">Reading the article for claims…</p>
      ) : error ? (
        <p className="form-error small" role="alert">
          Could not load suggestions: {errorMessage(error)}
        </p>
      ) : stale ? (
        <p className="muted small">The article has a newer version: reload the page to see its suggestions.</p>
      ) : suggestions.length === 0 ? (
        <p className="muted small">No suggestions left: every proposed claim is annotated or rejected.</p>
      ) : (
        <>
          <p className="muted small cd-suggest-help">
            <kbd>Enter</kbd> accept · <kbd>x</kbd> reject · <kbd>↑</kbd>/<kbd>↓</kbd> move
          </p>
          {byTag.length > 0 ? (
            <div className="row cd-suggest-bulk">
              {byTag.map(({ tag, list }) => (
                <button key={tag.key} type="button" className="button small" disabled={accept.isPending} onClick={() => setConfirmTag(tag.key)}>
                  Accept all {list.length} · {tag.label}
                </button>
              ))}
            </div>
          ) : null}
          {confirmInfo ? (
            <div className="cd-suggest-confirm" role="alertdialog" aria-label="Confirm accept all">
              <p className="small">
                Accept all {confirmInfo.list.length} “{confirmInfo.tag.label}” suggestions as your annotations?
              </p>
              <div className="row">
                <button type="button" className="button primary small" onClick={() => acceptAll(confirmInfo.tag.key)}>
                  Accept {confirmInfo.list.length}
                </button>
                <button type="button" className="button small" onClick={() => setConfirmTag(null)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : null}
          <ul className="cd-list cd-suggest-list" ref={listRef}>
            {suggestions.map((s, index) => {
              const key = suggestionKey(s);
              const tag = s.tag ? tagByKey.get(s.tag) : undefined;
              return (
                <SuggestionItem
                  key={key}
                  suggestion={s}
                  tag={tag}
                  tags={tags ?? []}
                  active={ui.activeKey === key}
                  chosenTag={chosenTags[key] ?? ''}
                  onChooseTag={(t) => setChosenTags((prev) => ({ ...prev, [key]: t }))}
                  onFocus={() => {
                    setActiveKey(key);
                    scrollReaderTo(key);
                  }}
                  onKeyDown={(e) => onItemKeyDown(e, s, index)}
                  onAccept={() => acceptOne(s, index)}
                  onReject={() => rejectOne(s, index)}
                />
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

type ItemProps = {
  suggestion: Suggestion;
  tag: SourceTag | undefined;
  tags: SourceTag[];
  active: boolean;
  chosenTag: string;
  onChooseTag: (tag: string) => void;
  onFocus: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>) => void;
  onAccept: () => void;
  onReject: () => void;
};

function SuggestionItem({ suggestion: s, tag, tags, active, chosenTag, onChooseTag, onFocus, onKeyDown, onAccept, onReject }: ItemProps) {
  const canAccept = Boolean(tag || chosenTag);
  return (
    <li
      className={`cd-item cd-suggest-item${active ? ' is-selected' : ''}`}
      style={{ ['--tag' as string]: tagColor(tag?.color) }}
      tabIndex={0}
      data-testid="suggestion-item"
      data-suggestion-key={`${s.start}:${s.end}`}
      aria-label={`Suggested ${tag?.label ?? 'untagged'} claim: ${truncate(s.exact)}`}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocus();
      }}
      onKeyDown={onKeyDown}
    >
      <div className="cd-item-badges">
        {tag ? <TagChip tag={tag} /> : <span className="cd-badge">No tag</span>}
        <span className="cd-badge" title="How sure the suggestion engine is">
          {Math.round(s.confidence * 100)}%
        </span>
      </div>
      <div className="cd-item-quote-static">“{truncate(s.exact)}”</div>
      <div className="muted small" data-testid="suggestion-reason">
        {s.reason}
      </div>
      <div className="row cd-item-actions">
        {tag ? null : (
          <select aria-label="Tag for this claim" value={chosenTag} onChange={(e) => onChooseTag(e.target.value)}>
            <option value="">Choose a tag…</option>
            {tags
              .filter((t) => !t.archived)
              .map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
          </select>
        )}
        <button type="button" className="button primary small" disabled={!canAccept} onClick={onAccept}>
          Accept
        </button>
        <button type="button" className="button small" aria-label="Reject suggestion" title="Reject (x)" onClick={onReject}>
          ✕
        </button>
      </div>
    </li>
  );
}
